#!/bin/bash
# Signals to ONE rank of a 2-rank run, mid-run (an endless run, see lib.sh:
# it is still going when the signal comes, however fast the machine is):
#  - SIGUSR1: a checkpoint at the end of that step on every rank, the run goes
#    on; stopped later (SIGTERM), it has the digest of the uninterrupted run
#    to the same step;
#  - SIGTERM: a checkpoint and exit 0 with a message saying why and how to
#    continue, the digest of the uninterrupted run to that step;
#    --restart latest (on 3 ranks) to 10 steps further gives the digest of
#    the uninterrupted run to there;
#  - SIGINT: the same stop;
#  - SIGTERM with checkpoint.async and a checkpoint every 7 steps: the
#    cadence's checkpoints are written in the background, the stop's own
#    synchronously; the file is complete and the digest that of the
#    uninterrupted run.
# shellcheck source=lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

cd "$SCRATCH" || fail "cd"

# start_run NAME [ARGS...]: a 2-rank endless run in the background, with a
# progress line every step, once it is past step 20; sets run_pid.
start_run() {
  start_bg "$1.log" "$MPIEXEC" -np 2 "$BIN" run "$SEDOV" --output-dir "$SCRATCH/$1" "${ENDLESS[@]}" \
    --set output.progress_interval=0 "${@:2}"
  run_pid=$bg_pid
  wait_for_step "$1.log" 20 || {
    cat "$1.log" >&2
    fail "$1: no progress to step 20"
  }
}
# signal_one_rank SIG: SIG to the last rank of the running mpirun only.
signal_one_rank() {
  local pids
  mapfile -t pids < <(ranks_of "$run_pid")
  ((${#pids[@]} == 2)) || fail "expected 2 ranks under mpirun $run_pid, found ${#pids[@]}"
  kill -s "$1" "${pids[1]}" || fail "kill -s $1 ${pids[1]}"
}
finish_run() { end_bg "$run_pid" "$1.log" "$1"; }  # NAME: it stops by itself, exit code 0

# SIGUSR1: checkpoint and go on.
start_run usr1
signal_one_rank USR1
wait_for_lines usr1.log '^SIGUSR1: checkpoint at step [0-9]+, the run goes on$' 1 ||
  fail "usr1: no 'SIGUSR1: checkpoint at step N, the run goes on'"
dump_step=$(sed -n 's/^SIGUSR1: checkpoint at step \([0-9]*\),.*/\1/p' usr1.log)
wait_for_step usr1.log $((dump_step + 10)) || fail "usr1: no progress after the checkpoint at step $dump_step"
signal_one_rank TERM
finish_run usr1
final_step=$(status_of usr1 step)
[ "$(status_of usr1 state) $(status_of usr1 reason)" = "stopped SIGTERM" ] ||
  fail "usr1: run_status $(status_of usr1 state) $(status_of usr1 reason)"
((dump_step >= 20 && dump_step + 10 <= final_step)) || fail "usr1: dump at step '$dump_step', final $final_step"
[ -f "usr1/sedov_chk_$(printf '%06d' "$dump_step").h5" ] || fail "usr1: no checkpoint of step $dump_step: $(checkpoints_in usr1)"
[ "$(grep -c '^SIGUSR1: checkpoint' usr1.log)" = 1 ] || fail "usr1: not exactly one SIGUSR1 checkpoint"
expect_reference usr1.log "$final_step" usr1
pass "SIGUSR1 to one rank: checkpoint at step $dump_step, went on to step $final_step, digest $REF_DIGEST"

# SIGTERM: checkpoint and stop with exit 0; then restart on 3 ranks.
start_run term
signal_one_rank TERM
finish_run term
stop_step=$(status_of term step)
[ "$(status_of term state)" = stopped ] || fail "term: run_status state $(status_of term state)"
[ "$(status_of term reason)" = SIGTERM ] || fail "term: run_status reason $(status_of term reason)"
((stop_step >= 20)) || fail "term: stopped at step '$stop_step'"
expect_in term.log "slabhydro: stopped at step $stop_step"
expect_in term.log "SIGTERM asked for a checkpoint and a stop; checkpoint $SCRATCH/term/sedov_chk_$(printf '%06d' "$stop_step").h5"
expect_in term.log "continue with: mpirun -np 2 slabhydro run $SEDOV"
expect_in term.log "--restart latest"
[ -f "term/sedov_chk_$(printf '%06d' "$stop_step").h5" ] || fail "term: no checkpoint of step $stop_step"
expect_reference term.log "$stop_step" term
end=$((stop_step + 10))
run_bounded term_restart.log "$MPIEXEC" -np 3 "$BIN" run "$SEDOV" --output-dir "$SCRATCH/term" "${ENDLESS[@]}" \
  --set time.nlim=$end --set output.progress_interval=0 --restart latest
((RC == 0)) || {
  cat term_restart.log >&2
  fail "term: restart failed"
}
expect_in term_restart.log "restart from $SCRATCH/term/sedov_chk_$(printf '%06d' "$stop_step").h5"
expect_in term_restart.log " on 3 rank(s)"
[ "$(status_of term state) $(status_of term reason) $(status_of term step)" = "complete nlim $end" ] ||
  fail "term: after the restart run_status is $(status_of term state) $(status_of term reason) at step $(status_of term step)"
expect_reference term_restart.log "$end" "term: the restart"
pass "SIGTERM to one rank: stopped at step $stop_step with a checkpoint, exit 0; --restart latest on 3 ranks to step $end: digest $REF_DIGEST"

# SIGINT: the same stop.
start_run int
signal_one_rank INT
finish_run int
[ "$(status_of int state)" = stopped ] && [ "$(status_of int reason)" = SIGINT ] ||
  fail "int: run_status $(status_of int state) $(status_of int reason)"
int_step=$(status_of int step)
[ -f "int/sedov_chk_$(printf '%06d' "$int_step").h5" ] || fail "int: no checkpoint of step $int_step: $(checkpoints_in int)"
expect_in int.log "SIGINT asked for a checkpoint and a stop"
expect_reference int.log "$int_step" int
pass "SIGINT to one rank: stopped at step $int_step with $(checkpoints_in int)"

# SIGTERM with asynchronous checkpoints.
start_run term_async --set checkpoint.async=true --set checkpoint.every_steps=7
signal_one_rank TERM
finish_run term_async
a_step=$(status_of term_async step)
[ "$(status_of term_async state) $(status_of term_async reason)" = "stopped SIGTERM" ] ||
  fail "term_async: run_status $(status_of term_async state) $(status_of term_async reason)"
a_file=term_async/sedov_chk_$(printf '%06d' "$a_step").h5
"$BIN" inspect "$a_file" >/dev/null 2>&1 || fail "term_async: $a_file does not verify"
expect_in term_async.log "checkpoint $SCRATCH/$a_file: "
# The cadence's checkpoints (7 and 14 at least) in the background; the
# stop's own synchronously, complete before the run says it stopped.
[ "$(grep -c '(written in the background)$' term_async.log)" -ge 2 ] ||
  fail "term_async: fewer than 2 checkpoints written in the background"
stop_line=$(grep "^checkpoint $SCRATCH/$a_file: " term_async.log)
[[ $stop_line != *"written in the background"* ]] ||
  fail "term_async: the stop's checkpoint was written in the background: $stop_line"
expect_reference term_async.log "$a_step" term_async
pass "SIGTERM to one rank with checkpoint.async: stopped at step $a_step with a complete checkpoint, digest $REF_DIGEST"
