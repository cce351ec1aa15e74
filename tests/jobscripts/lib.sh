# shellcheck shell=bash disable=SC2034  # its variables are for the scripts that source it
# Shared by the tests in tests/jobscripts. A test script is called as
#   bash test_x.sh BINARY SOURCE_DIR SCRATCH_DIR
# and sources this file, which checks the arguments, empties SCRATCH_DIR,
# puts the stand-in batch commands (tests/jobscripts/bin) first on PATH and
# gives the helpers below. Every check that fails prints why and exits 1.
set -uo pipefail

[ $# -ge 3 ] || {
  echo "usage: bash $0 BINARY SOURCE_DIR SCRATCH_DIR" >&2
  exit 2
}
BIN=$1
SRC=$2
SCRATCH=$3
[ -x "$BIN" ] || {
  echo "no slabhydro binary at '$BIN'" >&2
  exit 2
}
case $SCRATCH in
  */scratch/*) rm -rf -- "$SCRATCH" ;;
  *) echo "refusing to empty '$SCRATCH' (not under a scratch/ directory)" >&2; exit 2 ;;
esac
mkdir -p -- "$SCRATCH"
SCRATCH=$(cd -- "$SCRATCH" && pwd)
STANDINS=$SRC/tests/jobscripts/bin
export PATH=$STANDINS:$PATH
export MPIEXEC=${MPIEXEC:-mpirun}
# Seconds between TERM and KILL at a stand-in time limit.
export FAKE_KILL_WAIT=${FAKE_KILL_WAIT:-5}

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
pass() { echo "ok: $*"; }

# expect_in FILE TEXT [what]: FILE contains the fixed string TEXT.
expect_in() {
  grep -qF -- "$2" "$1" || {
    echo "---- $1" >&2
    tail -n 40 "$1" >&2
    fail "${3:-$1} does not contain '$2'"
  }
}
# expect_not_in FILE TEXT [what]
expect_not_in() {
  if grep -qF -- "$2" "$1"; then
    echo "---- $1" >&2
    tail -n 40 "$1" >&2
    fail "${3:-$1} contains '$2'"
  fi
}

# The state digest printed last in a run's output.
digest_of() { sed -n 's/^state digest: //p' "$1" | tail -n 1; }

# A field of OUTDIR/run_status.
status_of() { sed -n "s/^$2=//p" "$1/run_status" 2>/dev/null | tail -n 1; }

# Checkpoint files in a directory, sorted.
checkpoints_in() { find "$1" -maxdepth 1 -name '*_chk_*.h5' -printf '%f\n' 2>/dev/null | sort; }

# run_ref NP LOG ARGS...: an uninterrupted run to compare with.
run_ref() {
  local np=$1 log=$2
  shift 2
  timeout -k 5 "$WAIT_LIMIT" "$MPIEXEC" -np "$np" "$BIN" run "$@" >"$log" 2>&1 || {
    cat "$log" >&2
    fail "reference run failed or did not end within $WAIT_LIMIT s: $*"
  }
  [ -n "$(digest_of "$log")" ] || fail "no state digest in $log"
}

# --- speed ---------------------------------------------------------------
# No test may depend on how fast the machine is. A run that must still be
# going when a signal, a trigger file or a time limit comes is endless: a
# small Sedov blast with a tlim it never reaches and no nlim, so only the stop
# can end it. Tests wait for step numbers (a progress line every step with
# output.progress_interval=0), never for seconds; the seconds the wait_*
# helpers take only bound a run that hangs or ignores its stop, and fail it.
# An endless run has no uninterrupted digest of its own: a run stopped at
# step S is compared with an uninterrupted run of the same deck to
# time.nlim=S, and a restart continued to time.nlim=N with one to N
# (expect_reference).
SEDOV=$SRC/inputs/sedov.yaml
ENDLESS=(--set mesh.nx=64 --set mesh.ny=64 --set time.tlim=1e30)
# Seconds after which a wait or a run that should end fails the test: far
# more than any of them takes on a slow machine, far less than ctest's timeout.
WAIT_LIMIT=${WAIT_LIMIT:-120}

# reference_run N: the uninterrupted run of the endless deck to time.nlim=N
# (2 ranks, once per N in a test); sets REF_DIGEST. Not in a subshell: a
# failure must end the test.
reference_run() {
  local n=$1 dir
  [[ $n =~ ^[0-9]+$ ]] || fail "reference run: '$n' is not a step number"
  dir=$SCRATCH/reference/nlim_$n
  if [ ! -s "$dir.digest" ]; then
    mkdir -p -- "$SCRATCH/reference"
    run_ref 2 "$dir.log" "$SEDOV" --output-dir "$dir" "${ENDLESS[@]}" --set time.nlim="$n"
    [ "$(status_of "$dir" state) $(status_of "$dir" reason) $(status_of "$dir" step)" = "complete nlim $n" ] ||
      fail "reference run to step $n: run_status $(status_of "$dir" state) $(status_of "$dir" reason) at step $(status_of "$dir" step)"
    digest_of "$dir.log" >"$dir.digest"
  fi
  REF_DIGEST=$(cat "$dir.digest")
}

# expect_reference LOG N WHAT: the last state digest in LOG is the one of the
# uninterrupted run to step N.
expect_reference() {
  local got
  reference_run "$2"
  got=$(digest_of "$1")
  [ -n "$got" ] || fail "$3: no state digest in $1"
  [ "$got" = "$REF_DIGEST" ] || fail "$3: digest $got at step $2, the uninterrupted run to step $2: $REF_DIGEST"
}

# wait_for_step LOG N [SECONDS]: true once a progress line of step >= N is in LOG.
wait_for_step() {
  local i s
  for ((i = 0; i < ${3:-$WAIT_LIMIT} * 20; i++)); do
    s=$(sed -n 's/^step *\([0-9][0-9]*\) .*/\1/p' "$1" 2>/dev/null | tail -n 1)
    [ -n "$s" ] && ((s >= $2)) && return 0
    sleep 0.05
  done
  return 1
}

# wait_for_lines LOG REGEX N [SECONDS]: true once N lines of LOG match REGEX.
wait_for_lines() {
  local i n
  for ((i = 0; i < ${4:-$WAIT_LIMIT} * 20; i++)); do
    n=$(grep -c -E -- "$2" "$1" 2>/dev/null)  # nothing while LOG does not exist yet
    ((${n:-0} >= $3)) && return 0
    sleep 0.05
  done
  return 1
}

# The pids of the processes whose parent is $1 (the ranks an mpirun started
# on this machine), from /proc: procps may not be installed.
ranks_of() {
  local f line fields
  for f in /proc/[0-9]*/stat; do
    read -r line 2>/dev/null <"$f" || continue
    # "pid (comm) state ppid ...": comm may hold spaces and parentheses.
    read -r -a fields <<<"${line##*) }"
    [ "${fields[1]}" = "$1" ] && echo "${line%% *}"
  done | sort -n
}
descendants_of() {
  local c
  for c in $(ranks_of "$1"); do
    echo "$c"
    descendants_of "$c"
  done
}
# kill_tree PID: SIGKILL to PID and everything under it.
kill_tree() {
  local all
  mapfile -t all < <(descendants_of "$1")
  kill -KILL "$1" "${all[@]}" 2>/dev/null
}

# start_bg LOG COMMAND...: COMMAND in the background, its output in LOG; sets
# bg_pid. Whatever is still running when the test ends (a failed check
# while an endless run goes on) is killed then.
BG_PIDS=()
start_bg() {
  local log=$1
  shift
  "$@" >"$log" 2>&1 &
  bg_pid=$!
  BG_PIDS+=("$bg_pid")
}
kill_leftovers() {
  local p
  for p in "${BG_PIDS[@]}"; do
    if kill -0 "$p" 2>/dev/null; then
      echo "killing what is left of background job $p" >&2
      kill_tree "$p"
    fi
  done
}
trap kill_leftovers EXIT

# end_bg PID LOG WHAT [SECONDS]: the background job PID (see start_bg) must
# end by itself, within SECONDS (default WAIT_LIMIT), with exit code 0: an
# endless run that ignores its stop fails here, not at ctest's timeout.
end_bg() {
  local pid=$1 log=$2 what=$3 limit=${4:-$WAIT_LIMIT} i rc=0
  for ((i = 0; i < limit * 20; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill_tree "$pid"
    echo "---- $log" >&2
    tail -n 40 "$log" >&2
    fail "$what: still running $limit s after it was asked to stop (killed)"
  fi
  wait "$pid" || rc=$?
  ((rc == 0)) || {
    echo "---- $log" >&2
    tail -n 60 "$log" >&2
    fail "$what: exit code $rc"
  }
}

# run_bounded LOG COMMAND...: COMMAND in the foreground, its output in LOG; it
# must end by itself within WAIT_LIMIT seconds (for runs that a time limit
# ends). Sets RC to its exit code.
run_bounded() {
  local log=$1
  shift
  RC=0
  timeout -k 5 "$WAIT_LIMIT" "$@" >"$log" 2>&1 || RC=$?
  if ((RC == 124 || RC == 137)); then
    echo "---- $log" >&2
    tail -n 40 "$log" >&2
    fail "still running after $WAIT_LIMIT s (killed): $*"
  fi
}

# expect_time_limit_stop LOG LIMIT WHAT: the run's own account of its stop for
# the time limit of LIMIT seconds, "... is near (U s used, margin M s kept for
# a step and a checkpoint)": it stopped before the limit (U < LIMIT) when the
# margin reached it (U + M >= LIMIT; both are printed to 0.1 s).
expect_time_limit_stop() {
  local used used_s margin_s
  used=$(sed -n 's/.*is near (\([0-9.]*\) s used, margin \([0-9.]*\) s.*/\1 \2/p' "$1")
  read -r used_s margin_s <<<"$used"
  [ -n "$used_s" ] && [ -n "$margin_s" ] || fail "$3: no 's used, margin' in the message"
  awk -v u="$used_s" -v m="$margin_s" -v l="$2" 'BEGIN { exit !(u + m >= l - 1e-6 && u < l) }' ||
    fail "$3: stopped after $used_s s with margin $margin_s s, limit $2 s"
  TL_USED=$used_s TL_MARGIN=$margin_s
}

# The chains (Slurm, PBS) run an endless job and then one that completes: the
# test gives their deck, a copy of sedov.yaml, its end only once the first job
# has stopped, between two passes of the stand-in scheduler (--jobs 1), as a
# user who extends a run does. deck_copy PATH; deck_set_nlim PATH N.
deck_copy() { cp -- "$SEDOV" "$1" || fail "cp $SEDOV $1"; }
deck_set_nlim() {
  sed -i "/^  tlim:/a\\  nlim: $2" "$1"
  [ "$(grep -c "^  nlim: $2\$" "$1")" = 1 ] || fail "could not give $1 the line 'nlim: $2'"
}

# --- a crash -----------------------------------------------------------------
# A run that dies by SIGKILL (a node failure, the OOM killer): every rank and
# the mpirun that started them at once, with no chance to checkpoint. The
# helpers find the ranks through /proc as ranks_of does.

# True while process $1 exists and is not a zombie.
alive() {
  local line fields
  read -r line 2>/dev/null <"/proc/$1/stat" || return 1
  read -r -a fields <<<"${line##*) }"
  [ "${fields[0]}" != Z ]
}
parent_of() {
  local line fields
  read -r line 2>/dev/null <"/proc/$1/stat" || return 1
  read -r -a fields <<<"${line##*) }"
  echo "${fields[1]}"
}
# The slabhydro processes under $1 (the ranks of the run a job started).
slabhydro_under() {
  local p
  for p in $(descendants_of "$1"); do
    if [ "$(cat "/proc/$p/comm" 2>/dev/null)" = slabhydro ]; then echo "$p"; fi
  done
}
# The highest step of DIR/BASE_TAG_NNNNNN.h5 (TAG: chk or plt), -1 if none.
newest_step() {
  local s
  s=$(find "$1" -maxdepth 1 -name "${2}_${3}_[0-9][0-9][0-9][0-9][0-9][0-9].h5" -printf '%f\n' 2>/dev/null |
    sed 's/.*_\([0-9]*\)\.h5$/\1/' | sort -n | tail -n 1)
  if [ -n "$s" ]; then echo $((10#$s)); else echo -1; fi
}

# crash_past_checkpoint ROOT LOG DIR BASENAME K: once LOG has K "checkpoint"
# lines, the run under pid ROOT (writing BASENAME into DIR, a plot file every
# step) is killed at a moment its plot files have got past its newest
# checkpoint: after the plot file two steps past it is reported, its ranks
# are stopped (SIGSTOP) and DIR is looked at; if a checkpoint came in the
# meantime they go on and it waits again. Then SIGKILL to the ranks and to
# their parent (mpirun) at once. Sets CRASH_CHECKPOINT (the newest complete
# checkpoint's step) and CRASH_RANKS; fails the test on a wait that takes
# longer than WAIT_LIMIT (a hang), never on speed.
crash_past_checkpoint() {
  local root=$1 log=$2 dir=$3 base=$4 k=$5 c p ranks=() launchers=() end
  wait_for_lines "$log" '^checkpoint ' "$k" || fail "no $k checkpoint lines in $log"
  while :; do
    c=$(newest_step "$dir" "$base" chk)
    wait_for_lines "$log" "^plot file .*/${base}_plt_$(printf '%06d' $((c + 2)))\\.h5: " 1 ||
      fail "no plot file of step $((c + 2)) in $log"
    mapfile -t ranks < <(slabhydro_under "$root")
    ((${#ranks[@]} > 0)) || fail "no slabhydro process under pid $root"
    kill -STOP "${ranks[@]}" || fail "kill -STOP ${ranks[*]}"
    c=$(newest_step "$dir" "$base" chk)
    (($(newest_step "$dir" "$base" plt) > c)) && break
    kill -CONT "${ranks[@]}"
  done
  # Their parents, if under ROOT (never a process this test did not start).
  mapfile -t launchers < <(for p in "${ranks[@]}"; do parent_of "$p"; done | sort -u |
    grep -x -F -f <(descendants_of "$root"))
  ((${#launchers[@]} > 0)) || fail "the ranks ${ranks[*]} have no parent under pid $root"
  kill -KILL "${ranks[@]}" "${launchers[@]}" || fail "kill -KILL ${ranks[*]} ${launchers[*]}"
  end=$((SECONDS + WAIT_LIMIT))
  for p in "${ranks[@]}" "${launchers[@]}"; do
    while alive "$p"; do
      ((SECONDS < end)) || fail "process $p still alive $WAIT_LIMIT s after SIGKILL"
      sleep 0.05
    done
  done
  CRASH_CHECKPOINT=$c
  CRASH_RANKS=${#ranks[@]}
}
