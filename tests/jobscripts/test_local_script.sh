#!/bin/bash
# jobscripts/local/slabhydro-local.sh end to end, with mpirun, on endless runs
# (see lib.sh: still going when a signal or the time limit comes, however fast
# the machine is):
#  - USR1 to the script ends the segment with a checkpoint and the next
#    segment restarts from it and goes on; TERM then stops it, and the digest
#    is the uninterrupted run's to that step;
#  - TERM to the script: checkpoint, stop, exit 0, no next segment; running the
#    script again (on 3 ranks, to 10 steps further) continues to the digest of
#    the uninterrupted run to there;
#  - -t: segments stop before their time limit; --max-segments ends the script
#    with the run stopped; again with another rank count: complete, the
#    uninterrupted digest; once more: nothing to do.
# shellcheck source=lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

local_sh=$SRC/jobscripts/local/slabhydro-local.sh
cd "$SCRATCH" || fail "cd"

# start_script NAME ARGS...: the script in the background on the endless run,
# a progress line every step, once it is past step 20; sets script_pid.
start_script() {
  local name=$1
  shift
  start_bg "$name.log" bash "$local_sh" -b "$BIN" -m "$MPIEXEC" -o "$SCRATCH/$name" "$@" "$SEDOV" -- \
    "${ENDLESS[@]}" --set output.progress_interval=0 --set output.trigger_interval=0
  script_pid=$bg_pid
  wait_for_step "$name.log" 20 || {
    cat "$name.log" >&2
    fail "$name: no progress to step 20"
  }
}
finish_script() { end_bg "$script_pid" "$1.log" "$1"; }  # NAME: exit code 0
# The step of the script's "slabhydro stopped at step N" line number $2 of $1.log.
stopped_step() {
  sed -n 's/^slabhydro-local.sh: slabhydro stopped at step \([0-9]*\) with a checkpoint.*/\1/p' "$1.log" |
    sed -n "${2}p"
}

# USR1: the next segment.
start_script usr1 -n 2
kill -USR1 "$script_pid"
wait_for_lines usr1.log '^slabhydro-local.sh: segment 2:' 1 || fail "usr1: no segment 2"
s1=$(stopped_step usr1 1)
[ -n "$s1" ] || fail "usr1: segment 1 did not say where it stopped"
wait_for_step usr1.log $((s1 + 10)) || fail "usr1: segment 2 makes no progress past step $s1"
kill -TERM "$script_pid"
finish_script usr1
expect_in usr1.log "USR1: ending this segment with a checkpoint"
expect_in usr1.log "slabhydro stopped at step $s1 with a checkpoint (stop_now)"
expect_in usr1.log "restart from $SCRATCH/usr1/sedov_chk_$(printf '%06d' "$s1").h5"
expect_not_in usr1.log "segment 3:"
expect_in usr1.log "stopped on request"
s2=$(status_of usr1 step)
[ "$(status_of usr1 state)" = stopped ] || fail "usr1: run_status $(status_of usr1 state)"
((s2 >= s1 + 10)) || fail "usr1: segment 2 stopped at step '$s2', segment 1 at $s1"
[ ! -e usr1/stop_now ] || fail "usr1: stop_now left behind"
expect_reference usr1.log "$s2" usr1
pass "USR1 to the script: segment 1 stopped at step $s1, segment 2 restarted from its checkpoint; TERM at step $s2: digest $REF_DIGEST"

# TERM: stop for good; running the script again continues.
start_script term -n 2
kill -TERM "$script_pid"
finish_script term
expect_in term.log "stopped on request"
expect_not_in term.log "segment 2:"
[ "$(status_of term state)" = stopped ] || fail "term: run_status $(status_of term state)"
[ ! -e term/stop_now ] || fail "term: stop_now left behind"
stop_step=$(status_of term step)
expect_reference term.log "$stop_step" term
end=$((stop_step + 10))
run_bounded term2.log bash "$local_sh" -b "$BIN" -m "$MPIEXEC" -n 3 -o "$SCRATCH/term" "$SEDOV" -- \
  "${ENDLESS[@]}" --set time.nlim=$end
((RC == 0)) || fail "term: the second call: exit code $RC"
expect_in term2.log "restart from $SCRATCH/term/sedov_chk_$(printf '%06d' "$stop_step").h5"
expect_in term2.log "the run is complete (nlim, step $end)"
expect_reference term2.log "$end" "term: the second call"
pass "TERM to the script: stopped at step $stop_step, exit 0; again on 3 ranks to step $end: digest $REF_DIGEST"

# -t: segments of a time limit; --max-segments 1 stops after the first. The
# endless run must stop for the limit, within WAIT_LIMIT (run_bounded).
run_bounded tl.log bash "$local_sh" -b "$BIN" -m "$MPIEXEC" -n 2 -t 3 --max-segments 1 -o "$SCRATCH/tl" "$SEDOV" -- \
  "${ENDLESS[@]}"
((RC == 0)) || fail "-t: exit code $RC"
[ "$(status_of tl state)" = stopped ] && [ "$(status_of tl reason)" = time_limit ] ||
  fail "-t: run_status $(status_of tl state) $(status_of tl reason)"
expect_in tl.log "--time-limit 3"
expect_time_limit_stop tl.log 3 "-t 3"
expect_in tl.log "--max-segments 1 reached"
expect_not_in tl.log "segment 2:"
tl_step=$(status_of tl step)
end=$((tl_step + 10))
run_bounded tl2.log bash "$local_sh" -b "$BIN" -m "$MPIEXEC" -n 3 -o "$SCRATCH/tl" "$SEDOV" -- \
  "${ENDLESS[@]}" --set time.nlim=$end
((RC == 0)) || fail "-t: the second call: exit code $RC"
expect_in tl2.log "restart from $SCRATCH/tl/sedov_chk_$(printf '%06d' "$tl_step").h5"
expect_in tl2.log "the run is complete (nlim, step $end)"
expect_reference tl2.log "$end" "-t: the second call"
run_bounded tl3.log bash "$local_sh" -b "$BIN" -m "$MPIEXEC" -n 2 -o "$SCRATCH/tl" "$SEDOV" -- \
  "${ENDLESS[@]}" --set time.nlim=$end
((RC == 0)) || fail "-t: a third call on a complete run: exit code $RC"
expect_in tl3.log "is already complete"
expect_not_in tl3.log "segment 1:"
pass "-t 3: stopped at step $tl_step for the time limit after $TL_USED s (margin $TL_MARGIN s); continued on 3 ranks to step $end: digest $REF_DIGEST"
