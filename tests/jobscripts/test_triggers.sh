#!/bin/bash
# File triggers in the output directory, and the time limit:
#  - dump_now: a checkpoint, the run goes on to the uninterrupted digest, the
#    file is gone;
#  - stop_now: a checkpoint and exit 0, the file is gone;
#  - --time-limit: the run stops before the limit with a checkpoint and exit 0,
#    and says why and how to continue; time.wall_limit in the deck does the same.
# shellcheck source=lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

ref=$(reference_digest small)
cd "$SCRATCH" || fail "cd"

start_run() {  # NAME: as in test_signals.sh, looking for the files every step
  "$MPIEXEC" -np 2 "$BIN" run "$SEDOV" --output-dir "$SCRATCH/$1" "${SMALL[@]}" \
    --set output.progress_interval=0 --set output.trigger_interval=0 >"$1.log" 2>&1 &
  run_pid=$!
  wait_for_step "$1.log" 20 60 || {
    cat "$1.log" >&2
    fail "$1: no progress to step 20"
  }
}
finish_run() {
  local rc=0
  wait "$run_pid" || rc=$?
  ((rc == 0)) || {
    cat "$1.log" >&2
    fail "$1: exit code $rc"
  }
}

# dump_now
start_run dump
: >dump/dump_now
finish_run dump
expect_in dump.log "dump_now: checkpoint at step"
dump_step=$(sed -n 's/^dump_now: checkpoint at step \([0-9]*\),.*/\1/p' dump.log)
[ -n "$dump_step" ] && ((dump_step < $(status_of dump step))) || fail "dump: dump at step '$dump_step'"
[ -f "dump/sedov_chk_$(printf '%06d' "$dump_step").h5" ] || fail "dump: no checkpoint of step $dump_step"
[ ! -e dump/dump_now ] || fail "dump: dump_now is still there"
[ "$(digest_of dump.log)" = "$ref" ] || fail "dump: digest $(digest_of dump.log), uninterrupted $ref"
pass "dump_now: checkpoint at step $dump_step, file removed, digest $ref"

# stop_now
start_run stop
: >stop/stop_now
finish_run stop
[ "$(status_of stop state)" = stopped ] && [ "$(status_of stop reason)" = stop_now ] ||
  fail "stop: run_status $(status_of stop state) $(status_of stop reason)"
stop_step=$(status_of stop step)
[ -f "stop/sedov_chk_$(printf '%06d' "$stop_step").h5" ] || fail "stop: no checkpoint of step $stop_step"
[ ! -e stop/stop_now ] || fail "stop: stop_now is still there"
expect_in stop.log "stop_now asked for a checkpoint and a stop"
[ "$(digest_of stop.log)" != "$ref" ] || fail "stop: the run was not interrupted"
pass "stop_now: stopped at step $stop_step with a checkpoint, file removed"

# --time-limit on the big problem, which takes longer than the limit.
limit=3
t0=$(date +%s%N)
"$MPIEXEC" -np 2 "$BIN" run "$SEDOV" --output-dir "$SCRATCH/tl" "${BIG[@]}" \
  --time-limit "00:00:0$limit" >tl.log 2>&1 || {
  cat tl.log >&2
  fail "time limit: exit code not 0"
}
wall=$(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
[ "$(status_of tl state)" = stopped ] && [ "$(status_of tl reason)" = time_limit ] ||
  fail "time limit: run_status $(status_of tl state) $(status_of tl reason)"
tl_step=$(status_of tl step)
[ -f "tl/sedov_chk_$(printf '%06d' "$tl_step").h5" ] || fail "time limit: no checkpoint of step $tl_step"
expect_in tl.log "the time limit 00:00:0$limit is near"
expect_in tl.log "continue with: mpirun -np 2 slabhydro run"
used=$(sed -n 's/.*is near (\([0-9.]*\) s used, margin \([0-9.]*\) s.*/\1 \2/p' tl.log)
read -r used_s margin_s <<<"$used"
[ -n "$used_s" ] || fail "time limit: no 's used, margin' in the message"
# Stopped before the limit with room for the checkpoint it then wrote.
awk -v u="$used_s" -v m="$margin_s" -v l="$limit" 'BEGIN { exit !(u + m >= l && u < l) }' ||
  fail "time limit: stopped after $used_s s with margin $margin_s s, limit $limit s"
# The whole mpirun, start-up and tear-down included, barely longer.
awk -v w="$wall" -v l="$limit" 'BEGIN { exit !(w < l + 3) }' || fail "time limit: mpirun took $wall s for a $limit s limit"
pass "--time-limit $limit: stopped at step $tl_step after $used_s s (margin $margin_s s), mpirun $wall s"

# The deck key, with the limit as plain seconds.
"$MPIEXEC" -np 1 "$BIN" run "$SEDOV" --output-dir "$SCRATCH/tl_deck" "${BIG[@]}" \
  --set time.wall_limit=2 >tl_deck.log 2>&1 || fail "time.wall_limit: exit code not 0"
[ "$(status_of tl_deck reason)" = time_limit ] || fail "time.wall_limit: run_status reason $(status_of tl_deck reason)"
expect_in tl_deck.log "wall-clock limit 00:00:02"
rc=0
"$MPIEXEC" -np 1 "$BIN" run "$SEDOV" --output-dir "$SCRATCH/bad" --set time.wall_limit=2h >bad.log 2>&1 || rc=$?
((rc == 1)) || fail "time.wall_limit=2h: exit code $rc, expected 1"
expect_in bad.log "time.wall_limit: expected a duration [[D-]HH:]MM:]SS"
pass "time.wall_limit in the deck: stopped at step $(status_of tl_deck step); a bad value is a deck error"

# checkpoint.mtbf alone: a first wall-clock checkpoint after sqrt(2 C MTBF)
# with C estimated, then the Young/Daly interval from the measured cost,
# printed once; outputs never change the solution.
"$MPIEXEC" -np 2 "$BIN" run "$SEDOV" --output-dir "$SCRATCH/yd" "${SMALL[@]}" \
  --set checkpoint.mtbf=0.01 --set checkpoint.keep=100 >yd.log 2>&1 ||
  fail "mtbf: exit code not 0"
[ "$(grep -c '^checkpoint interval (Young/Daly)' yd.log)" = 1 ] || fail "mtbf: the interval is not printed exactly once"
line=$(grep '^checkpoint interval (Young/Daly)' yd.log)
read -r c m i < <(sed -n 's/.*cost \([0-9.e+-]*\) s x mtbf \([0-9.e+-]*\) s) = \([0-9.e+-]*\) s.*/\1 \2 \3/p' <<<"$line")
awk -v c="$c" -v m="$m" -v i="$i" 'BEGIN { d = sqrt(2 * c * m); exit !(m == 0.01 && i > 0 && (i - d) / d < 1e-3 && (d - i) / d < 1e-3) }' ||
  fail "mtbf: '$line' is not sqrt(2 C MTBF)"
n=$(checkpoints_in yd | wc -l)
# Without checkpoint.mtbf, only the final one.
((n >= 3)) || fail "mtbf: $n checkpoints: $(checkpoints_in yd | tr '\n' ' ')"
[ "$(digest_of yd.log)" = "$ref" ] || fail "mtbf: digest $(digest_of yd.log), uninterrupted $ref"
pass "checkpoint.mtbf: $line; $n checkpoints; digest $ref"

# A bad --time-limit is a command-line error before anything runs.
rc=0
"$MPIEXEC" -np 2 "$BIN" run "$SEDOV" --output-dir "$SCRATCH/bad_cli" --time-limit 1h >bad_cli.log 2>&1 || rc=$?
((rc == 1)) || fail "--time-limit 1h: exit code $rc, expected 1"
expect_in bad_cli.log "slabhydro: error: --time-limit: expected a duration [[D-]HH:]MM:]SS, e.g. 01:30:00, got '1h'"
[ "$(grep -c 'slabhydro: error' bad_cli.log)" = 1 ] || fail "--time-limit 1h: not exactly one error message"
[ ! -e "$SCRATCH/bad_cli" ] || fail "--time-limit 1h: the output directory was created"
pass "--time-limit 1h: one error message, exit 1, nothing written"
