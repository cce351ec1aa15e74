#!/bin/bash
# jobscripts/slurm/slabhydro.sbatch as jobs of the stand-in Slurm (sbatch,
# srun, squeue, scancel on PATH; fake-slurm-run runs the queue with mpirun):
#  - job 1 (2 tasks): once slabhydro is stepping, USR1 reaches the batch
#    script as Slurm's --signal=B:USR1 sends it (here `scancel -b -s USR1`,
#    so that it comes mid-run however fast the machine is); the script
#    forwards SIGTERM to the job step's tasks (scancel --signal, not through
#    srun, which would SIGKILL them); slabhydro checkpoints and exits 0; the
#    script resubmits itself with --dependency=afterany and
#    SLABHYDRO_NEXT_SBATCH_ARGS (3 tasks);
#  - job 2 restarts from `latest` on 3 ranks and completes with the digest of
#    the uninterrupted run; the chain ends there;
#  - the output directory got `lfs setstripe` (stand-in lfs);
#  - another job gets USR1 from the stand-in scheduler's clock
#    (--signal=B:USR1@19 on a 20 s limit: 1 s in, while slabhydro may still be
#    starting and cannot take a SIGTERM yet): it stops with a checkpoint all
#    the same (SIGTERM or stop_now), and SLABHYDRO_MAX_JOBS=1 ends the chain.
# shellcheck source=lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

big=$(reference_digest big)
export FAKE_SLURM_DIR=$SCRATCH/slurm FAKE_LFS_LOG=$SCRATCH/lfs.log
mkdir -p "$SCRATCH/submit"
cd "$SCRATCH/submit" || fail "cd"

SLABHYDRO_BIN=$BIN SLABHYDRO_DECK=$SEDOV SLABHYDRO_OUTDIR=out \
  SLABHYDRO_ARGS="${BIG[*]} --set output.progress_interval=0" \
  SLABHYDRO_NEXT_SBATCH_ARGS="--ntasks=3 --time=3:00 --signal=B:USR1@60" \
  sbatch --ntasks=2 --time=3:00 --signal=B:USR1@60 "$SRC/jobscripts/slurm/slabhydro.sbatch" >submit.log ||
  fail "sbatch"
expect_in submit.log "Submitted batch job 1001"
fake-slurm-run >run.log 2>&1 &
runner=$!
wait_for_step slabhydro-1001.out 20 120 || fail "job 1001: no progress to step 20"
scancel -b --signal=USR1 1001 || fail "scancel -b --signal=USR1 1001"
wait "$runner" || {
  cat run.log >&2
  fail "fake-slurm-run"
}
cat run.log

jobs=$(ls "$FAKE_SLURM_DIR/jobs")
[ "$(echo "$jobs" | wc -l)" = 2 ] || fail "expected 2 jobs in the chain, got: $jobs"
for id in 1001 1002; do
  [ "$(cat "$FAKE_SLURM_DIR/jobs/$id/state")" = COMPLETED ] ||
    fail "job $id: $(cat "$FAKE_SLURM_DIR/jobs/$id/state"), exit code $(cat "$FAKE_SLURM_DIR/jobs/$id/exit_code")"
done
out1=slabhydro-1001.out
out2=slabhydro-1002.out

# Job 1: the signal, forwarded as SIGTERM to the tasks; a checkpoint; resubmission.
expect_in "$out1" "USR1: the time limit is near; asking slabhydro to checkpoint and stop"
grep -q '^TERM ' "$FAKE_SLURM_DIR/jobs/1001/scancel.log" || fail "job 1001: no scancel --signal=TERM"
expect_not_in "$out1" "forcing job termination" "job 1001 (srun must not be signalled)"
expect_in "$out1" "--time-limit 00:0"
expect_in "$out1" "SIGTERM asked for a checkpoint and a stop"
stop_step=$(sed -n 's/^slabhydro.sbatch: slabhydro stopped at step \([0-9]*\) with a checkpoint (SIGTERM)$/\1/p' "$out1")
[ -n "$stop_step" ] || fail "job 1001: no 'slabhydro stopped at step N with a checkpoint (SIGTERM)'"
expect_in "$out1" "submitted job 1002 to continue from step $stop_step (sbatch --ntasks=3 --time=3:00 --signal=B:USR1@60"
grep -q " job_ntasks=3 " "$FAKE_SLURM_DIR/jobs/1002/job.sh" || fail "job 1002 was not submitted with 3 tasks"
grep -q 'job_deps=(\[0\]="1001")' "$FAKE_SLURM_DIR/jobs/1002/job.sh" || fail "job 1002 does not depend on 1001"
# The continuation job sees its own SLURM_* variables, not job 1's.
grep -q 'SLURM_JOB_ID=1001' "$FAKE_SLURM_DIR/jobs/1002/env.sh" && fail "job 1001's SLURM_JOB_ID leaked into job 1002"

# Job 2: restart on 3 ranks, complete, the uninterrupted digest, no resubmission.
expect_in "$out2" "restarting from the newest checkpoint"
expect_in "$out2" "slabhydro 0.1.0 on 3 rank(s)"
expect_in "$out2" "restart from $SCRATCH/submit/out/sedov_chk_$(printf '%06d' "$stop_step").h5"
expect_in "$out2" "the run is complete (tlim"
expect_not_in "$out2" "submitted job"
[ "$(digest_of "$out2")" = "$big" ] || fail "digest $(digest_of "$out2"), uninterrupted $big"
[ "$(status_of out state)" = complete ] || fail "run_status $(status_of out state)"

# lfs setstripe on the output directory, in each job.
[ "$(grep -c "^setstripe -c -1 -S 16M $SCRATCH/submit/out\$" "$FAKE_LFS_LOG")" = 2 ] ||
  fail "lfs setstripe calls: $(cat "$FAKE_LFS_LOG" 2>/dev/null)"
pass "Slurm chain: USR1 -> SIGTERM to the tasks at step $stop_step, resubmitted on 3 tasks, complete with digest $big"

# The scheduler's own USR1, early in the job; SLABHYDRO_MAX_JOBS=1.
SLABHYDRO_BIN=$BIN SLABHYDRO_DECK=$SEDOV SLABHYDRO_OUTDIR=out2 SLABHYDRO_ARGS="${BIG[*]}" \
  SLABHYDRO_MAX_JOBS=1 sbatch --ntasks=2 --time=0:20 --signal=B:USR1@19 \
  "$SRC/jobscripts/slurm/slabhydro.sbatch" >submit2.log || fail "sbatch (2)"
expect_in submit2.log "Submitted batch job 1003"
fake-slurm-run >run2.log 2>&1 || {
  cat run2.log >&2
  fail "fake-slurm-run (2)"
}
cat run2.log
[ "$(ls "$FAKE_SLURM_DIR/jobs" | wc -l)" = 3 ] || fail "job 1003 resubmitted itself"
[ "$(cat "$FAKE_SLURM_DIR/jobs/1003/state")" = COMPLETED ] || fail "job 1003: $(cat "$FAKE_SLURM_DIR/jobs/1003/state")"
expect_in run2.log "job 1003: USR1 to the batch shell"
expect_in slabhydro-1003.out "USR1: the time limit is near"
reason=$(status_of out2 reason)
[ "$(status_of out2 state)" = stopped ] && { [ "$reason" = SIGTERM ] || [ "$reason" = stop_now ]; } ||
  fail "job 1003: run_status $(status_of out2 state) $reason"
[ -n "$(checkpoints_in out2)" ] || fail "job 1003: no checkpoint"
[ ! -e out2/stop_now ] || fail "job 1003: stop_now left behind"
expect_in slabhydro-1003.out "SLABHYDRO_MAX_JOBS = 1 jobs done; not resubmitting"
pass "Slurm --signal=B:USR1@19 on a 20 s job: stopped at step $(status_of out2 step) ($reason) with a checkpoint; SLABHYDRO_MAX_JOBS=1 ends the chain"
