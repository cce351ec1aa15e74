#!/bin/bash
# jobscripts/slurm/slabhydro.sbatch as jobs of the stand-in Slurm (sbatch,
# srun, squeue, scancel on PATH; fake-slurm-run runs the queue with mpirun):
#  - job 1 (2 tasks), an endless run (see lib.sh), so that the signal comes
#    mid-run however fast the machine is: once slabhydro is past step 20, USR1
#    reaches the batch script as Slurm's --signal=B:USR1 sends it (here
#    `scancel -b -s USR1`); the script forwards SIGTERM to the job step's
#    tasks (scancel --signal, not through srun, which would SIGKILL them);
#    slabhydro checkpoints and exits 0; the script resubmits itself with
#    --dependency=afterany and SLABHYDRO_NEXT_SBATCH_ARGS (3 tasks);
#  - between two passes of the scheduler the deck gets its end, time.nlim 10
#    steps past job 1's stop; job 2 restarts from `latest` on 3 ranks and
#    completes there with the digest of the uninterrupted run to that step;
#    the chain ends there;
#  - the output directory got `lfs setstripe` (stand-in lfs);
#  - another job, endless too, gets USR1 from the stand-in scheduler's clock
#    (--signal=B:USR1@19 on a 20 s limit: 1 s in, while slabhydro may still be
#    starting and cannot take a SIGTERM yet): it stops with a checkpoint all
#    the same (SIGTERM or stop_now), and SLABHYDRO_MAX_JOBS=1 ends the chain.
# shellcheck source=lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

export FAKE_SLURM_DIR=$SCRATCH/slurm FAKE_LFS_LOG=$SCRATCH/lfs.log
mkdir -p "$SCRATCH/submit"
cd "$SCRATCH/submit" || fail "cd"
deck=$SCRATCH/sedov.yaml
deck_copy "$deck"

SLABHYDRO_BIN=$BIN SLABHYDRO_DECK=$deck SLABHYDRO_OUTDIR=out \
  SLABHYDRO_ARGS="${ENDLESS[*]} --set output.progress_interval=0" \
  SLABHYDRO_NEXT_SBATCH_ARGS="--ntasks=3 --time=3:00 --signal=B:USR1@60" \
  sbatch --ntasks=2 --time=3:00 --signal=B:USR1@60 "$SRC/jobscripts/slurm/slabhydro.sbatch" >submit.log ||
  fail "sbatch"
expect_in submit.log "Submitted batch job 1001"
start_bg run.log fake-slurm-run --jobs 1
runner=$bg_pid
wait_for_step slabhydro-1001.out 20 || fail "job 1001: no progress to step 20"
scancel -b --signal=USR1 1001 || fail "scancel -b --signal=USR1 1001"
# Well before the scheduler's own USR1 (60 s before the 3:00 limit), so that
# only ours can have stopped the job.
end_bg "$runner" run.log "fake-slurm-run (job 1001)" 60
cat run.log
[ "$(cat "$FAKE_SLURM_DIR/jobs/1001/state")" = COMPLETED ] ||
  fail "job 1001: $(cat "$FAKE_SLURM_DIR/jobs/1001/state"), exit code $(cat "$FAKE_SLURM_DIR/jobs/1001/exit_code")"
[ "$(cat "$FAKE_SLURM_DIR/jobs/1002/state" 2>/dev/null)" = PENDING ] || fail "job 1001 did not queue job 1002"
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
((stop_step >= 20)) || fail "job 1001: stopped at step $stop_step, before the signal"
expect_in "$out1" "submitted job 1002 to continue from step $stop_step (sbatch --ntasks=3 --time=3:00 --signal=B:USR1@60"
grep -q " job_ntasks=3 " "$FAKE_SLURM_DIR/jobs/1002/job.sh" || fail "job 1002 was not submitted with 3 tasks"
grep -q 'job_deps=(\[0\]="1001")' "$FAKE_SLURM_DIR/jobs/1002/job.sh" || fail "job 1002 does not depend on 1001"
# The continuation job sees its own SLURM_* variables, not job 1's.
grep -q 'SLURM_JOB_ID=1001' "$FAKE_SLURM_DIR/jobs/1002/env.sh" && fail "job 1001's SLURM_JOB_ID leaked into job 1002"
expect_reference "$out1" "$stop_step" "job 1001"

# Job 2, to 10 steps further: restart on 3 ranks, complete, the uninterrupted
# digest, no resubmission.
end=$((stop_step + 10))
deck_set_nlim "$deck" "$end"
run_bounded run2.log fake-slurm-run
((RC == 0)) || {
  cat run2.log >&2
  fail "fake-slurm-run (job 1002)"
}
cat run2.log
jobs=$(ls "$FAKE_SLURM_DIR/jobs")
[ "$(echo "$jobs" | wc -l)" = 2 ] || fail "expected 2 jobs in the chain, got: $jobs"
[ "$(cat "$FAKE_SLURM_DIR/jobs/1002/state")" = COMPLETED ] ||
  fail "job 1002: $(cat "$FAKE_SLURM_DIR/jobs/1002/state"), exit code $(cat "$FAKE_SLURM_DIR/jobs/1002/exit_code")"
expect_in "$out2" "restarting from the newest checkpoint"
expect_in "$out2" " on 3 rank(s)"
expect_in "$out2" "restart from $SCRATCH/submit/out/sedov_chk_$(printf '%06d' "$stop_step").h5"
expect_in "$out2" "the run is complete (nlim, step $end)"
expect_not_in "$out2" "submitted job"
[ "$(status_of out state) $(status_of out step)" = "complete $end" ] || fail "run_status $(status_of out state) at step $(status_of out step)"
expect_reference "$out2" "$end" "job 1002"

# lfs setstripe on the output directory, in each job.
[ "$(grep -c "^setstripe -c -1 -S 16M $SCRATCH/submit/out\$" "$FAKE_LFS_LOG")" = 2 ] ||
  fail "lfs setstripe calls: $(cat "$FAKE_LFS_LOG" 2>/dev/null)"
pass "Slurm chain: USR1 -> SIGTERM to the tasks at step $stop_step, resubmitted on 3 tasks, complete at step $end with digest $REF_DIGEST"

# The scheduler's own USR1, early in the job; SLABHYDRO_MAX_JOBS=1. If it did
# not stop the endless run, the stand-in's time limit would (TIMEOUT).
SLABHYDRO_BIN=$BIN SLABHYDRO_DECK=$SEDOV SLABHYDRO_OUTDIR=out2 SLABHYDRO_ARGS="${ENDLESS[*]}" \
  SLABHYDRO_MAX_JOBS=1 sbatch --ntasks=2 --time=0:20 --signal=B:USR1@19 \
  "$SRC/jobscripts/slurm/slabhydro.sbatch" >submit2.log || fail "sbatch (2)"
expect_in submit2.log "Submitted batch job 1003"
run_bounded run3.log fake-slurm-run
((RC == 0)) || {
  cat run3.log >&2
  fail "fake-slurm-run (job 1003)"
}
cat run3.log
[ "$(ls "$FAKE_SLURM_DIR/jobs" | wc -l)" = 3 ] || fail "job 1003 resubmitted itself"
[ "$(cat "$FAKE_SLURM_DIR/jobs/1003/state")" = COMPLETED ] || fail "job 1003: $(cat "$FAKE_SLURM_DIR/jobs/1003/state")"
expect_in run3.log "job 1003: USR1 to the batch shell"
expect_not_in run3.log "job 1003: time limit"
expect_in slabhydro-1003.out "USR1: the time limit is near"
reason=$(status_of out2 reason)
[ "$(status_of out2 state)" = stopped ] && { [ "$reason" = SIGTERM ] || [ "$reason" = stop_now ]; } ||
  fail "job 1003: run_status $(status_of out2 state) $reason"
[ -n "$(checkpoints_in out2)" ] || fail "job 1003: no checkpoint"
[ ! -e out2/stop_now ] || fail "job 1003: stop_now left behind"
expect_in slabhydro-1003.out "SLABHYDRO_MAX_JOBS = 1 jobs done; not resubmitting"
pass "Slurm --signal=B:USR1@19 on a 20 s job: stopped at step $(status_of out2 step) ($reason) with a checkpoint; SLABHYDRO_MAX_JOBS=1 ends the chain"
