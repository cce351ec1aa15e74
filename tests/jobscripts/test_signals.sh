#!/bin/bash
# Signals to ONE rank of a 2-rank run, mid-run:
#  - SIGUSR1: a checkpoint at the end of that step on every rank, the run goes
#    on and ends with the uninterrupted state digest;
#  - SIGTERM: a checkpoint and exit 0 with a message saying why and how to
#    continue; --restart latest (on 3 ranks) reaches the uninterrupted digest;
#  - SIGINT: the same stop.
# shellcheck source=lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

ref=$(reference_digest small)
cd "$SCRATCH" || fail "cd"

# start_run NAME: a 2-rank run of the small problem in the background, with
# a progress line every step; sets run_pid and the log name.
start_run() {
  "$MPIEXEC" -np 2 "$BIN" run "$SEDOV" --output-dir "$SCRATCH/$1" "${SMALL[@]}" \
    --set output.progress_interval=0 >"$1.log" 2>&1 &
  run_pid=$!
  wait_for_step "$1.log" 20 60 || {
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
finish_run() {  # NAME: waits; the exit code must be 0
  local rc=0
  wait "$run_pid" || rc=$?
  ((rc == 0)) || {
    cat "$1.log" >&2
    fail "$1: exit code $rc"
  }
}

# SIGUSR1: checkpoint and go on.
start_run usr1
signal_one_rank USR1
finish_run usr1
expect_in usr1.log "SIGUSR1: checkpoint at step"
dump_step=$(sed -n 's/^SIGUSR1: checkpoint at step \([0-9]*\),.*/\1/p' usr1.log)
final_step=$(status_of usr1 step)
[ -n "$dump_step" ] && ((dump_step < final_step)) || fail "usr1: dump at step '$dump_step', final $final_step"
[ -f "usr1/sedov_chk_$(printf '%06d' "$dump_step").h5" ] || fail "usr1: no checkpoint of step $dump_step: $(checkpoints_in usr1)"
[ "$(status_of usr1 state)" = complete ] || fail "usr1: run_status $(status_of usr1 state)"
[ "$(digest_of usr1.log)" = "$ref" ] || fail "usr1: digest $(digest_of usr1.log), uninterrupted $ref"
pass "SIGUSR1 to one rank: checkpoint at step $dump_step of $final_step, digest $ref"

# SIGTERM: checkpoint and stop with exit 0; then restart on 3 ranks.
start_run term
signal_one_rank TERM
finish_run term
stop_step=$(status_of term step)
[ "$(status_of term state)" = stopped ] || fail "term: run_status state $(status_of term state)"
[ "$(status_of term reason)" = SIGTERM ] || fail "term: run_status reason $(status_of term reason)"
expect_in term.log "slabhydro: stopped at step $stop_step"
expect_in term.log "SIGTERM asked for a checkpoint and a stop; checkpoint $SCRATCH/term/sedov_chk_$(printf '%06d' "$stop_step").h5"
expect_in term.log "continue with: mpirun -np 2 slabhydro run $SEDOV"
expect_in term.log "--restart latest"
[ -f "term/sedov_chk_$(printf '%06d' "$stop_step").h5" ] || fail "term: no checkpoint of step $stop_step"
[ "$(digest_of term.log)" != "$ref" ] || fail "term: the run was not interrupted (digest already final)"
"$MPIEXEC" -np 3 "$BIN" run "$SEDOV" --output-dir "$SCRATCH/term" "${SMALL[@]}" --set output.progress_interval=0 \
  --restart latest >term_restart.log 2>&1 || {
  cat term_restart.log >&2
  fail "term: restart failed"
}
expect_in term_restart.log "restart from $SCRATCH/term/sedov_chk_$(printf '%06d' "$stop_step").h5"
[ "$(digest_of term_restart.log)" = "$ref" ] || fail "term: restart digest $(digest_of term_restart.log), uninterrupted $ref"
[ "$(status_of term state)" = complete ] || fail "term: after the restart run_status is $(status_of term state)"
pass "SIGTERM to one rank: stopped at step $stop_step with a checkpoint, exit 0; --restart latest on 3 ranks: digest $ref"

# SIGINT: the same stop.
start_run int
signal_one_rank INT
finish_run int
[ "$(status_of int state)" = stopped ] && [ "$(status_of int reason)" = SIGINT ] ||
  fail "int: run_status $(status_of int state) $(status_of int reason)"
[ -n "$(checkpoints_in int)" ] || fail "int: no checkpoint"
pass "SIGINT to one rank: stopped at step $(status_of int step) with $(checkpoints_in int)"
