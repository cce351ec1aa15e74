#!/bin/bash
# Every job script stops before starting anything, with exit code 2 and a
# message naming the problem, when the binary, the deck or the output
# directory is wrong; and when it is not inside a job of its batch system.
# The Slurm and PBS scripts run as jobs of the stand-in sbatch / qsub.
# shellcheck source=lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

export FAKE_SLURM_DIR=$SCRATCH/slurm FAKE_PBS_DIR=$SCRATCH/pbs
mkdir -p "$SCRATCH/submit" "$FAKE_PBS_DIR"
cd "$SCRATCH/submit" || fail "cd"
echo "export PATH='$PATH'" >"$FAKE_PBS_DIR/login_env"
: >"$SCRATCH/a_file"
deck=$SRC/inputs/sod.yaml

# case name | SLABHYDRO_BIN | SLABHYDRO_DECK | SLABHYDRO_OUTDIR | expected message
cases=(
  "bin|/nonexistent/slabhydro|$deck|$SCRATCH/out|slabhydro binary '/nonexistent/slabhydro' not found"
  "bin_not_exec|$SCRATCH/a_file|$deck|$SCRATCH/out|slabhydro binary '$SCRATCH/a_file' not found or not executable"
  "deck|$BIN|$SCRATCH/nodeck.yaml|$SCRATCH/out|deck '$SCRATCH/nodeck.yaml' does not exist"
  "outdir_file|$BIN|$deck|$SCRATCH/a_file|output directory '$SCRATCH/a_file' exists and is not a directory"
  "outdir_uncreatable|$BIN|$deck|$SCRATCH/a_file/sub|output directory '$SCRATCH/a_file/sub' cannot be created"
)

# The job ran no step and left its message in its output.
check_job() {  # kind jobdir output message
  local state code
  state=$(cat "$2/state")
  code=$(cat "$2/exit_code")
  [ "$code" = 2 ] || fail "$1: exit code $code (state $state), expected 2"
  expect_in "$3" "$4" "$1 job output"
  [ -z "$(ls -A "$2/steps" 2>/dev/null)" ] || fail "$1: a job step was started"
}

for c in "${cases[@]}"; do
  IFS='|' read -r name bin d out msg <<<"$c"
  # Slurm
  id=$(SLABHYDRO_BIN=$bin SLABHYDRO_DECK=$d SLABHYDRO_OUTDIR=$out \
    sbatch --parsable "$SRC/jobscripts/slurm/slabhydro.sbatch") || fail "sbatch ($name)"
  fake-slurm-run >/dev/null 2>&1 || fail "fake-slurm-run ($name)"
  check_job "slurm $name" "$FAKE_SLURM_DIR/jobs/$id" "slabhydro-$id.out" "$msg"
  # PBS (settings through qsub -v, as PBS passes no environment by itself)
  id=$(qsub -v "SLABHYDRO_BIN=$bin,SLABHYDRO_DECK=$d,SLABHYDRO_OUTDIR=$out" \
    "$SRC/jobscripts/pbs/slabhydro.pbs") || fail "qsub ($name)"
  fake-pbs-run >/dev/null 2>&1 || fail "fake-pbs-run ($name)"
  check_job "pbs $name" "$FAKE_PBS_DIR/jobs/${id%%.*}" "slabhydro.o${id%%.*}" "$msg"
  # local
  rc=0
  bash "$SRC/jobscripts/local/slabhydro-local.sh" -b "$bin" -o "$out" "$d" >"local_$name.log" 2>&1 || rc=$?
  [ "$rc" = 2 ] || fail "local $name: exit code $rc, expected 2"
  expect_in "local_$name.log" "$msg" "local $name"
  expect_not_in "local_$name.log" "segment 1:" "local $name"
  pass "$name: all three scripts stop with '$msg'"
done

# Outside a job.
rc=0
bash "$SRC/jobscripts/slurm/slabhydro.sbatch" >outside.log 2>&1 || rc=$?
[ "$rc" = 2 ] || fail "slurm script outside a job: exit code $rc"
expect_in outside.log "not inside a Slurm job"
rc=0
bash "$SRC/jobscripts/pbs/slabhydro.pbs" >outside.log 2>&1 || rc=$?
[ "$rc" = 2 ] || fail "pbs script outside a job: exit code $rc"
expect_in outside.log "not inside a PBS job"
# The local script's own arguments.
rc=0
bash "$SRC/jobscripts/local/slabhydro-local.sh" -b "$BIN" -n 0 "$deck" >args.log 2>&1 || rc=$?
[ "$rc" = 2 ] || fail "local -n 0: exit code $rc"
expect_in args.log "--np must be a positive number, got '0'"
rc=0
bash "$SRC/jobscripts/local/slabhydro-local.sh" -b "$BIN" -t 1h "$deck" >args.log 2>&1 || rc=$?
[ "$rc" = 2 ] || fail "local -t 1h: exit code $rc"
expect_in args.log "--time-limit must be [[HH:]MM:]SS, got '1h'"
pass "outside a job and bad arguments"
