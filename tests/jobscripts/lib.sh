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
  "$MPIEXEC" -np "$np" "$BIN" run "$@" >"$log" 2>&1 || {
    cat "$log" >&2
    fail "reference run failed: $*"
  }
  [ -n "$(digest_of "$log")" ] || fail "no state digest in $log"
}

# wait_for_file FILE SECONDS: true once FILE exists.
wait_for_file() {
  local i
  for ((i = 0; i < $2 * 20; i++)); do
    [ -e "$1" ] && return 0
    sleep 0.05
  done
  return 1
}

# The runs the tests compare with (see test_reference.sh): a small and a big
# Sedov blast, hundreds of steps each.
SMALL=(--set mesh.nx=128 --set mesh.ny=128 --set time.tlim=0.2)
BIG=(--set time.tlim=0.2)
SEDOV=$SRC/inputs/sedov.yaml

# reference_digest NAME: the digest test_reference.sh stored ($4 of the test).
reference_digest() {
  local f=${REFDIR:?the reference directory is the 4th argument}/$1.digest
  [ -s "$f" ] || fail "no reference digest $f (test jobscripts_reference)"
  cat "$f"
}
REFDIR=${4:-}

# wait_for_step LOG N SECONDS: true once a progress line of step >= N is in LOG.
wait_for_step() {
  local i s
  for ((i = 0; i < $3 * 20; i++)); do
    s=$(sed -n 's/^step *\([0-9][0-9]*\) .*/\1/p' "$1" 2>/dev/null | tail -n 1)
    [ -n "$s" ] && ((s >= $2)) && return 0
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
