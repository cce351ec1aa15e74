#!/bin/bash
# File triggers in the output directory, and the time limit, on endless runs
# (see lib.sh: still going when the trigger or the limit comes, however fast
# the machine is):
#  - dump_now: a checkpoint, the run goes on, the file is gone;
#  - stop_now: a checkpoint and exit 0, the file is gone; the digest is the
#    uninterrupted run's to the same step;
#  - --time-limit: the run stops before the limit with a checkpoint and exit 0,
#    and says why (its time used and margin against the limit) and how to
#    continue; time.wall_limit in the deck does the same;
#  - checkpoint.mtbf: the Young/Daly interval, printed once, and wall-clock
#    checkpoints that do not change the solution.
# shellcheck source=lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

cd "$SCRATCH" || fail "cd"

start_run() {  # NAME [ARGS...]: as in test_signals.sh, looking for the files every step
  local name=$1
  shift
  start_bg "$name.log" "$MPIEXEC" -np 2 "$BIN" run "$SEDOV" --output-dir "$SCRATCH/$name" "${ENDLESS[@]}" \
    --set output.progress_interval=0 --set output.trigger_interval=0 "$@"
  run_pid=$bg_pid
  wait_for_step "$name.log" 20 || {
    cat "$name.log" >&2
    fail "$name: no progress to step 20"
  }
}
finish_run() { end_bg "$run_pid" "$1.log" "$1"; }

# dump_now, then stop_now in the same run.
start_run dump
: >dump/dump_now
wait_for_lines dump.log '^dump_now: checkpoint at step [0-9]+, the run goes on$' 1 ||
  fail "dump: no 'dump_now: checkpoint at step N, the run goes on'"
dump_step=$(sed -n 's/^dump_now: checkpoint at step \([0-9]*\),.*/\1/p' dump.log)
wait_for_step dump.log $((dump_step + 10)) || fail "dump: no progress after the checkpoint at step $dump_step"
[ ! -e dump/dump_now ] || fail "dump: dump_now is still there"
[ -f "dump/sedov_chk_$(printf '%06d' "$dump_step").h5" ] || fail "dump: no checkpoint of step $dump_step"
[ "$(grep -c '^dump_now: checkpoint' dump.log)" = 1 ] || fail "dump: dump_now asked more than once"
pass "dump_now: checkpoint at step $dump_step, file removed, the run goes on"
: >dump/stop_now
finish_run dump
[ "$(status_of dump state)" = stopped ] && [ "$(status_of dump reason)" = stop_now ] ||
  fail "stop: run_status $(status_of dump state) $(status_of dump reason)"
stop_step=$(status_of dump step)
((stop_step >= dump_step + 10)) || fail "stop: stopped at step '$stop_step', the dump was at $dump_step"
[ -f "dump/sedov_chk_$(printf '%06d' "$stop_step").h5" ] || fail "stop: no checkpoint of step $stop_step"
[ ! -e dump/stop_now ] || fail "stop: stop_now is still there"
expect_in dump.log "stop_now asked for a checkpoint and a stop"
expect_reference dump.log "$stop_step" stop
pass "stop_now: stopped at step $stop_step with a checkpoint, file removed, digest $REF_DIGEST"

# --time-limit: the run stops for the limit; it must, being endless, and within
# WAIT_LIMIT (run_bounded). How long it took is the run's own account.
limit=3
run_bounded tl.log "$MPIEXEC" -np 2 "$BIN" run "$SEDOV" --output-dir "$SCRATCH/tl" "${ENDLESS[@]}" \
  --time-limit "00:00:0$limit"
((RC == 0)) || {
  cat tl.log >&2
  fail "time limit: exit code $RC"
}
[ "$(status_of tl state)" = stopped ] && [ "$(status_of tl reason)" = time_limit ] ||
  fail "time limit: run_status $(status_of tl state) $(status_of tl reason)"
tl_step=$(status_of tl step)
[ -f "tl/sedov_chk_$(printf '%06d' "$tl_step").h5" ] || fail "time limit: no checkpoint of step $tl_step"
expect_in tl.log "time limit 00:00:0$limit: a checkpoint and a clean stop before it"
expect_in tl.log "slabhydro: stopped at step $tl_step"
expect_in tl.log "the time limit 00:00:0$limit is near"
expect_in tl.log "continue with: mpirun -np 2 slabhydro run"
# Stopped before the limit with room for the checkpoint it then wrote.
expect_time_limit_stop tl.log "$limit" "time limit"
pass "--time-limit $limit: stopped at step $tl_step after $TL_USED s (margin $TL_MARGIN s)"

# The deck key, with the limit as plain seconds.
run_bounded tl_deck.log "$MPIEXEC" -np 1 "$BIN" run "$SEDOV" --output-dir "$SCRATCH/tl_deck" "${ENDLESS[@]}" \
  --set time.wall_limit=2
((RC == 0)) || fail "time.wall_limit: exit code $RC"
[ "$(status_of tl_deck reason)" = time_limit ] || fail "time.wall_limit: run_status reason $(status_of tl_deck reason)"
expect_in tl_deck.log "wall_limit = 00:00:02"
expect_time_limit_stop tl_deck.log 2 "time.wall_limit"
rc=0
"$MPIEXEC" -np 1 "$BIN" run "$SEDOV" --output-dir "$SCRATCH/bad" --set time.wall_limit=2h >bad.log 2>&1 || rc=$?
((rc == 1)) || fail "time.wall_limit=2h: exit code $rc, expected 1"
expect_in bad.log "time.wall_limit: expected a duration [[D-]HH:]MM:]SS"
pass "time.wall_limit in the deck: stopped at step $(status_of tl_deck step) after $TL_USED s (margin $TL_MARGIN s); a bad value is a deck error"

# checkpoint.mtbf alone: a first wall-clock checkpoint after sqrt(2 C MTBF)
# with C estimated, then the Young/Daly interval from the measured cost,
# printed once; outputs never change the solution. Endless: stopped once the
# third checkpoint is written, however long that took.
start_run yd --set checkpoint.mtbf=0.01 --set checkpoint.keep=100
wait_for_lines yd.log "^checkpoint $SCRATCH/yd/sedov_chk_[0-9]+\.h5: " 3 || {
  cat yd.log >&2
  fail "mtbf: no third checkpoint"
}
: >yd/stop_now
finish_run yd
[ "$(status_of yd state) $(status_of yd reason)" = "stopped stop_now" ] ||
  fail "mtbf: run_status $(status_of yd state) $(status_of yd reason)"
[ "$(grep -c '^checkpoint interval (Young/Daly)' yd.log)" = 1 ] || fail "mtbf: the interval is not printed exactly once"
line=$(grep '^checkpoint interval (Young/Daly)' yd.log)
read -r c m i < <(sed -n 's/.*cost \([0-9.e+-]*\) s x mtbf \([0-9.e+-]*\) s) = \([0-9.e+-]*\) s.*/\1 \2 \3/p' <<<"$line")
awk -v c="$c" -v m="$m" -v i="$i" 'BEGIN { d = sqrt(2 * c * m); exit !(m == 0.01 && i > 0 && (i - d) / d < 1e-3 && (d - i) / d < 1e-3) }' ||
  fail "mtbf: '$line' is not sqrt(2 C MTBF)"
# Without checkpoint.mtbf, only the final one (at the stop).
n=$(checkpoints_in yd | wc -l)
((n >= 3)) || fail "mtbf: $n checkpoints: $(checkpoints_in yd | tr '\n' ' ')"
expect_reference yd.log "$(status_of yd step)" mtbf
pass "checkpoint.mtbf: $line; $n checkpoints by step $(status_of yd step); digest $REF_DIGEST"

# A bad --time-limit is a command-line error before anything runs.
rc=0
"$MPIEXEC" -np 2 "$BIN" run "$SEDOV" --output-dir "$SCRATCH/bad_cli" --time-limit 1h >bad_cli.log 2>&1 || rc=$?
((rc == 1)) || fail "--time-limit 1h: exit code $rc, expected 1"
expect_in bad_cli.log "slabhydro: error: --time-limit 1h: time.wall_limit: expected a duration [[D-]HH:]MM:]SS, e.g. 01:30:00, got '1h'"
[ "$(grep -c 'slabhydro: error' bad_cli.log)" = 1 ] || fail "--time-limit 1h: not exactly one error message"
[ ! -e "$SCRATCH/bad_cli" ] || fail "--time-limit 1h: the output directory was created"
pass "--time-limit 1h: one error message, exit 1, nothing written"
