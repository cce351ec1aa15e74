#!/bin/bash
# jobscripts/local/slabhydro-local.sh end to end, with mpirun:
#  - USR1 to the script ends the segment with a checkpoint and the next
#    segment restarts from it: the run completes with the uninterrupted digest;
#  - TERM to the script: checkpoint, stop, exit 0, no next segment; running the
#    script again continues to the uninterrupted digest;
#  - -t: segments stop before their time limit; --max-segments ends the script
#    with the run stopped; again with another rank count: complete, same digest.
# shellcheck source=lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

small=$(reference_digest small)
big=$(reference_digest big)
local_sh=$SRC/jobscripts/local/slabhydro-local.sh
cd "$SCRATCH" || fail "cd"

# start_script NAME ARGS...: the script in the background on the small
# problem, a progress line every step; sets script_pid.
start_script() {
  local name=$1
  shift
  bash "$local_sh" -b "$BIN" -m "$MPIEXEC" -o "$SCRATCH/$name" "$@" "$SEDOV" -- "${SMALL[@]}" \
    --set output.progress_interval=0 --set output.trigger_interval=0 >"$name.log" 2>&1 &
  script_pid=$!
  wait_for_step "$name.log" 20 60 || {
    cat "$name.log" >&2
    fail "$name: no progress to step 20"
  }
}
finish_script() {  # NAME: the script's exit code must be 0
  local rc=0
  wait "$script_pid" || rc=$?
  ((rc == 0)) || {
    cat "$1.log" >&2
    fail "$1: exit code $rc"
  }
}

# USR1: the next segment.
start_script usr1 -n 2
kill -USR1 "$script_pid"
finish_script usr1
expect_in usr1.log "USR1: ending this segment with a checkpoint"
expect_in usr1.log "segment 2:"
expect_not_in usr1.log "segment 3:"
expect_in usr1.log "restart from $SCRATCH/usr1/sedov_chk_"
expect_in usr1.log "the run is complete (tlim"
[ "$(digest_of usr1.log)" = "$small" ] || fail "usr1: digest $(digest_of usr1.log), uninterrupted $small"
[ ! -e usr1/stop_now ] || fail "usr1: stop_now left behind"
pass "USR1 to the script: segment 2 restarted from the checkpoint, digest $small"

# TERM: stop for good; running the script again continues.
start_script term -n 2
kill -TERM "$script_pid"
finish_script term
expect_in term.log "stopped on request"
expect_not_in term.log "segment 2:"
[ "$(status_of term state)" = stopped ] || fail "term: run_status $(status_of term state)"
[ ! -e term/stop_now ] || fail "term: stop_now left behind"
bash "$local_sh" -b "$BIN" -m "$MPIEXEC" -n 3 -o "$SCRATCH/term" "$SEDOV" -- "${SMALL[@]}" >term2.log 2>&1 ||
  fail "term: the second call failed"
expect_in term2.log "restart from"
[ "$(digest_of term2.log)" = "$small" ] || fail "term: digest $(digest_of term2.log), uninterrupted $small"
pass "TERM to the script: stopped at step $(grep -o 'stopped at step [0-9]*' term.log | head -1 | grep -o '[0-9]*$'), exit 0; again on 3 ranks: digest $small"

# -t: segments of a time limit; --max-segments 1 stops after the first.
bash "$local_sh" -b "$BIN" -m "$MPIEXEC" -n 2 -t 3 --max-segments 1 -o "$SCRATCH/tl" "$SEDOV" -- "${BIG[@]}" \
  >tl.log 2>&1 || fail "-t: exit code not 0"
[ "$(status_of tl state)" = stopped ] && [ "$(status_of tl reason)" = time_limit ] ||
  fail "-t: run_status $(status_of tl state) $(status_of tl reason)"
expect_in tl.log "--max-segments 1 reached"
bash "$local_sh" -b "$BIN" -m "$MPIEXEC" -n 3 -o "$SCRATCH/tl" "$SEDOV" -- "${BIG[@]}" >tl2.log 2>&1 ||
  fail "-t: the second call failed"
[ "$(digest_of tl2.log)" = "$big" ] || fail "-t: digest $(digest_of tl2.log), uninterrupted $big"
rc=0
bash "$local_sh" -b "$BIN" -m "$MPIEXEC" -n 2 -o "$SCRATCH/tl" "$SEDOV" -- "${BIG[@]}" >tl3.log 2>&1 || rc=$?
((rc == 0)) || fail "-t: a third call on a complete run: exit code $rc"
expect_in tl3.log "is already complete"
pass "-t 3: stopped at step $(grep -o 'stopped at step [0-9]*' tl.log | head -1 | grep -o '[0-9]*$') for the time limit; continued on 3 ranks to digest $big"
