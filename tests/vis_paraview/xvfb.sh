# shellcheck shell=bash
# Sourced by run.sh: a private Xvfb for pvbatch, started here rather than by
# xvfb-run -a, which failed on a loaded CI machine ("bad X server connection.
# DISPLAY=:99"). The cause: pvbatch opens the display, closes it, and opens
# it again; the last client's goodbye makes the X server reset, and an
# XOpenDisplay during the reset is refused. -noreset keeps the server up.
# Reproduced with two busy loops beside ctest -j2: xvfb-run -a failed 2 of 5
# runs, and none of 5 with -noreset; this launcher failed 3 of 4 without
# -noreset and none of 10 with it. Xvfb also picks the display itself
# (-displayfd: the first number whose lock file and sockets it can all own,
# written once it accepts clients), and a client must open it before pvbatch
# runs. No cookie: the display is unknown until the server has read its
# -auth file; the server takes local clients only (-nolisten tcp) and lives
# for one test.
XVFB_PID=
XVFB_LIMIT=${XVFB_LIMIT:-60}  # seconds: only bounds a hang
xvfb_stop() {
  if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2>/dev/null || true; wait "$XVFB_PID" 2>/dev/null || true; fi
  XVFB_PID=
}
# xvfb_opens: true when an X client can open $DISPLAY (Xlib through ctypes).
xvfb_opens() {
  /usr/bin/python3 - <<'PY' 2>/dev/null
import ctypes, ctypes.util, os, sys
x = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XOpenDisplay.argtypes = [ctypes.c_char_p]
d = x.XOpenDisplay(os.environ["DISPLAY"].encode())
if not d:
    sys.exit(1)
x.XCloseDisplay.argtypes = [ctypes.c_void_p]
x.XCloseDisplay(d)
PY
}
# xvfb_start LOG: exports DISPLAY once a client could open it; false (with the
# server's output on stderr) when it could not in three tries.
xvfb_start() {
  local log=$1 try end n
  for try in 1 2 3; do
    xvfb_stop
    : >"$log.display"
    Xvfb -displayfd 3 -nolisten tcp -noreset -screen 0 1280x1024x24 3>"$log.display" >>"$log" 2>&1 &
    XVFB_PID=$!
    end=$((SECONDS + XVFB_LIMIT))
    n=
    while ((SECONDS < end)) && kill -0 "$XVFB_PID" 2>/dev/null; do
      read -r n <"$log.display" 2>/dev/null || true
      if [[ $n =~ ^[0-9]+$ ]]; then
        export DISPLAY=:$n
        while ((SECONDS < end)) && kill -0 "$XVFB_PID" 2>/dev/null; do
          xvfb_opens && return 0
          sleep 0.1
        done
        break
      fi
      sleep 0.05
    done
    echo "xvfb: try $try: no display a client can open (display '${n}')" >>"$log"
  done
  xvfb_stop
  cat "$log" >&2
  return 1
}
