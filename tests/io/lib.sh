# Shared by the I/O script tests: sourced with the arguments of
# slabhydro_add_script_test (binary, source dir, scratch dir).
set -euo pipefail
BIN=$1
SRC=$2
SCRATCH=$3
DECKS=$SRC/tests/io/decks
MPIEXEC=${MPIEXEC:-mpiexec}
rm -rf "$SCRATCH"
mkdir -p "$SCRATCH"
cd "$SCRATCH"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# run NP LOG ARGS...: slabhydro on NP ranks, output in LOG; fails the test on error.
run() {
  local np=$1 log=$2
  shift 2
  if ! "$MPIEXEC" -n "$np" "$BIN" "$@" >"$log" 2>&1; then
    cat "$log" >&2
    fail "slabhydro $* on $np rank(s) failed"
  fi
}

# run_fails NP LOG ARGS...: slabhydro must exit non-zero.
run_fails() {
  local np=$1 log=$2
  shift 2
  if "$MPIEXEC" -n "$np" "$BIN" "$@" >"$log" 2>&1; then
    cat "$log" >&2
    fail "slabhydro $* on $np rank(s) should have failed"
  fi
}

digest_of() {
  local d
  d=$(awk '/^state digest:/ {print $3}' "$1")
  [ -n "$d" ] || fail "no state digest in $1"
  echo "$d"
}

expect_eq() {  # expect_eq WHAT GOT WANT
  [ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"
}

expect_grep() {  # expect_grep PATTERN FILE
  grep -q -- "$1" "$2" || { cat "$2" >&2; fail "'$1' not found in $2"; }
}

# need_h5py_python: PY = a python3 that imports h5py, or the test is skipped (77).
need_h5py_python() {
  PY=""
  local p
  for p in python3 /usr/bin/python3; do
    if command -v $p >/dev/null && $p -c "import h5py" 2>/dev/null; then PY=$p; break; fi
  done
  [ -n "$PY" ] || { echo "no python3 with h5py: skipped"; exit 77; }
}
