# Helpers for the bash tests that drive the slabhydro binary (sourced).
# The test script is called as: script BINARY SOURCE_DIR SCRATCH_DIR [ARGS...]
# (see slabhydro_add_script_test); MPIEXEC names mpiexec/mpirun.
set -uo pipefail

BIN=${1:?binary}
SRC=${2:?source dir}
SCRATCH=${3:?scratch dir}
shift 3
MPIEXEC=${MPIEXEC:-mpiexec}
# Every run is bounded: a run that hangs (a rank left waiting in a
# collective) fails the test instead of blocking ctest.
RUN_TIMEOUT=${RUN_TIMEOUT:-120}

rm -rf "$SCRATCH"
mkdir -p "$SCRATCH"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# run NP ARGS...: runs the binary on NP ranks through $MPIEXEC, in $SCRATCH.
# Sets RC and OUT (stdout and stderr together); the output is also kept in
# $SCRATCH/last.log.
run() {
  local np=$1
  shift
  (cd "$SCRATCH" && timeout "$RUN_TIMEOUT" "$MPIEXEC" -n "$np" "$BIN" "$@") >"$SCRATCH/last.log" 2>&1
  RC=$?
  OUT=$(cat "$SCRATCH/last.log")
  if [ "$RC" -eq 124 ]; then
    echo "$OUT" >&2
    fail "timed out after ${RUN_TIMEOUT}s (hang?): np $np: $*"
  fi
}

# count_lines TEXT: how many lines of $OUT are exactly TEXT.
count_lines() {
  printf '%s\n' "$OUT" | grep -cxF -- "$1"
}

# count_prefixed TEXT: how many lines of $OUT start with TEXT.
count_prefixed() {
  printf '%s\n' "$OUT" | awk -v p="$1" 'index($0, p) == 1 { n++ } END { print n + 0 }'
}

# line_of FILE REGEX: the 1-based number of the first line matching REGEX.
line_of() {
  grep -n -m1 -E -- "$2" "$1" | cut -d: -f1
}
