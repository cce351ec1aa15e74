#!/bin/bash
# jobscripts/pbs/slabhydro.pbs as jobs of the stand-in PBS (qsub, qstat on
# PATH; fake-pbs-run runs the queue; jobs start in $HOME with the login
# environment and only the variables given with -v):
#  - job 1 (2 ranks, walltime 20 s, SLABHYDRO_STOP_LEAD=18), an endless run
#    (see lib.sh), so that the stop comes mid-run however fast the machine is:
#    the script's timer sends it USR1 2 s in (PBS has no --signal); it asks
#    slabhydro to stop through stop_now; slabhydro checkpoints and exits 0;
#    the script resubmits itself with -W depend=afterany, its settings passed
#    on with -v and SLABHYDRO_NEXT_QSUB_ARGS (3 ranks);
#  - between two passes of the server the deck gets its end, time.nlim 10
#    steps past job 1's stop; job 2 restarts from `latest` on 3 ranks and
#    completes there with the digest of the uninterrupted run to that step;
#    the chain ends there.
# shellcheck source=lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

export FAKE_PBS_DIR=$SCRATCH/pbs
mkdir -p "$SCRATCH/submit" "$FAKE_PBS_DIR"
cd "$SCRATCH/submit" || fail "cd"
deck=$SCRATCH/sedov.yaml
deck_copy "$deck"
# What a login shell on the compute node would give: the module PATH, the MPI
# settings. No SLABHYDRO_* here: they must travel with qsub -v.
{
  printf 'export PATH=%q\n' "$PATH"
  for v in OMPI_ALLOW_RUN_AS_ROOT OMPI_ALLOW_RUN_AS_ROOT_CONFIRM OMPI_MCA_rmaps_base_oversubscribe \
    OMPI_MCA_btl_vader_single_copy_mechanism FAKE_KILL_WAIT; do
    [ -z "${!v+x}" ] || printf 'export %s=%q\n' "$v" "${!v}"
  done
} >"$FAKE_PBS_DIR/login_env"

# output.trigger_interval: stop_now is seen within 0.2 s (the default 1 s
# would only make the run, and the reference run, longer).
vars="SLABHYDRO_BIN=$BIN,SLABHYDRO_DECK=$deck,SLABHYDRO_OUTDIR=out"
vars+=",SLABHYDRO_ARGS=${ENDLESS[*]} --set output.trigger_interval=0.2"
vars+=",SLABHYDRO_STOP_LEAD=18,SLABHYDRO_TIME_SLACK=2"
vars+=",SLABHYDRO_NEXT_QSUB_ARGS=-l select=1:ncpus=3:mpiprocs=3 -l walltime=00:03:00"
id=$(qsub -l walltime=00:00:20 -l select=1:ncpus=2:mpiprocs=2 -v "$vars" \
  "$SRC/jobscripts/pbs/slabhydro.pbs") || fail "qsub"
[ "$id" = 101.fakepbs ] || fail "qsub printed '$id'"
# Job 1 alone. If the timer did not stop the endless run, slabhydro's own
# --time-limit (18 s) would, for another reason, or the walltime would.
run_bounded run.log fake-pbs-run --jobs 1
((RC == 0)) || {
  cat run.log >&2
  fail "fake-pbs-run (job 101)"
}
cat run.log
[ "$(cat "$FAKE_PBS_DIR/jobs/101/state")" = COMPLETED ] ||
  fail "job 101: $(cat "$FAKE_PBS_DIR/jobs/101/state"), exit code $(cat "$FAKE_PBS_DIR/jobs/101/exit_code")"
[ "$(cat "$FAKE_PBS_DIR/jobs/102/state" 2>/dev/null)" = PENDING ] || fail "job 101 did not queue job 102"
out1=slabhydro.o101
out2=slabhydro.o102

expect_in "$out1" ", 2 rank(s)"
expect_in "$out1" "USR1 timer in 00:00:0"  # 2 s, less if the job was slow to start
expect_in "$out1" "USR1: the walltime is near; asking slabhydro to checkpoint and stop"
expect_in "$out1" "stop_now asked for a checkpoint and a stop"
expect_not_in run.log "job 101: time limit"
stop_step=$(sed -n 's/^slabhydro.pbs: slabhydro stopped at step \([0-9]*\) with a checkpoint (stop_now)$/\1/p' "$out1")
[ -n "$stop_step" ] || fail "job 101: no 'slabhydro stopped at step N with a checkpoint (stop_now)'"
expect_in "$out1" "submitted job 102.fakepbs to continue from step $stop_step"
grep -q " job_ntasks=3 " "$FAKE_PBS_DIR/jobs/102/job.sh" || fail "job 102 was not submitted with 3 ranks"
grep -q 'job_deps=(\[0\]="101")' "$FAKE_PBS_DIR/jobs/102/job.sh" || fail "job 102 does not depend on 101"
grep -q "SLABHYDRO_PREV_STEP=$stop_step" "$FAKE_PBS_DIR/jobs/102/env.sh" || fail "job 102 did not get the chain state"
[ ! -e out/stop_now ] || fail "job 101: stop_now left behind"
expect_reference "$out1" "$stop_step" "job 101"

# Job 2, to 10 steps further.
end=$((stop_step + 10))
deck_set_nlim "$deck" "$end"
run_bounded run2.log fake-pbs-run
((RC == 0)) || {
  cat run2.log >&2
  fail "fake-pbs-run (job 102)"
}
cat run2.log
jobs=$(ls "$FAKE_PBS_DIR/jobs")
[ "$(echo "$jobs" | wc -l)" = 2 ] || fail "expected 2 jobs in the chain, got: $jobs"
[ "$(cat "$FAKE_PBS_DIR/jobs/102/state")" = COMPLETED ] ||
  fail "job 102: $(cat "$FAKE_PBS_DIR/jobs/102/state"), exit code $(cat "$FAKE_PBS_DIR/jobs/102/exit_code")"
expect_in "$out2" ", 3 rank(s)"
expect_in "$out2" "restart from $SCRATCH/submit/out/sedov_chk_$(printf '%06d' "$stop_step").h5"
expect_in "$out2" "the run is complete (nlim, step $end)"
expect_not_in "$out2" "submitted job"
[ "$(status_of out state) $(status_of out step)" = "complete $end" ] || fail "run_status $(status_of out state) at step $(status_of out step)"
expect_reference "$out2" "$end" "job 102"
[ ! -e out/stop_now ] || fail "stop_now left behind"
pass "PBS chain: USR1 timer -> stop_now at step $stop_step, resubmitted with -v on 3 ranks, complete at step $end with digest $REF_DIGEST"
