# One live run per output.dir and output.basename. While an endless run A
# (2 ranks) writes blast_* in a directory:
#  - a run B on the same directory and basename (1 and 2 ranks; fresh,
#    --force, --restart latest) is refused at once: exit 1, one message
#    naming A (host, pid), no step taken, nothing written or moved (the
#    directory, A's checkpoint included, is the same before and after);
#  - a run C on the same directory with another basename runs to its end
#    while A goes on;
#  - once A has stopped (stop_now), B's command continues A's run
#    (--restart latest).
# And a run killed with SIGKILL leaves no stuck lock: the next run starts.
# No verdict depends on speed: A is endless (time.tlim=1e30) and the test
# waits for step numbers; the seconds below only bound a run that hangs.
source "$(dirname "$0")/lib.sh"
# set -e stops the script at a failed command: say which (-E: in functions too).
set -E
trap 'echo "FAIL: line $LINENO: exit code $? of: $BASH_COMMAND" >&2' ERR
D="$DECKS/blast.yaml"
LIMIT=${RUN_TIMEOUT:-300}
ENDLESS=(--set time.tlim=1e30 --set output.progress_interval=0 --set output.trigger_interval=0)
OUT=shared

# --- background runs, only the ones this test started ---
BG_PIDS=()
start_bg() {  # start_bg LOG ARGS...: slabhydro ARGS through mpiexec; sets bg_pid
  local log=$1
  shift
  : >"$log"  # there before the job starts, for the waits to read
  "$MPIEXEC" "$@" >"$log" 2>&1 &
  bg_pid=$!
  BG_PIDS+=("$bg_pid")
}
children_of() {  # the pids whose parent is $1, from /proc (procps may be missing)
  local f line fields
  for f in /proc/[0-9]*/stat; do
    read -r line 2>/dev/null <"$f" || continue
    read -r -a fields <<<"${line##*) }"
    if [ "${fields[1]}" = "$1" ]; then echo "${line%% *}"; fi
  done | sort -n
}
kill_tree() {  # SIGKILL to $1 and its children (mpiexec and its ranks)
  local kids
  kids=$(children_of "$1" | tr '\n' ' ')
  # shellcheck disable=SC2086
  kill -KILL "$1" $kids 2>/dev/null || true
}
cleanup() {
  local p
  for p in "${BG_PIDS[@]}"; do
    if kill -0 "$p" 2>/dev/null; then
      echo "killing background run $p, still going at the end of the test" >&2
      kill_tree "$p"
    fi
  done
}
trap cleanup EXIT
# wait_for_step LOG N: a progress line of step >= N in LOG (fails after LIMIT s).
wait_for_step() {
  local i s
  for ((i = 0; i < LIMIT * 20; i++)); do
    s=$(sed -n 's/^step *\([0-9][0-9]*\) .*/\1/p' "$1" 2>/dev/null | tail -n 1) || s=
    [ -n "$s" ] && ((s >= $2)) && return 0
    sleep 0.05
  done
  cat "$1" >&2
  fail "$1: no progress to step $2"
}
last_step() { sed -n 's/^step *\([0-9][0-9]*\) .*/\1/p' "$1" | tail -n 1; }
# wait_for_line LOG REGEX: a line of LOG matches REGEX (fails after LIMIT s).
wait_for_line() {
  local i
  for ((i = 0; i < LIMIT * 20; i++)); do
    grep -qE -- "$2" "$1" 2>/dev/null && return 0
    sleep 0.05
  done
  cat "$1" >&2
  fail "$1: no line matching '$2'"
}
# end_bg PID LOG: the background run PID ends by itself; sets RC.
end_bg() {
  local i
  for ((i = 0; i < LIMIT * 20; i++)); do
    kill -0 "$1" 2>/dev/null || break
    sleep 0.05
  done
  kill -0 "$1" 2>/dev/null && { cat "$2" >&2; kill_tree "$1"; fail "$2: still running after $LIMIT s"; }
  RC=0
  wait "$1" || RC=$?
}
# bounded NP LOG ARGS...: slabhydro in the foreground; sets RC.
bounded() {
  local np=$1 log=$2
  shift 2
  RC=0
  timeout -k 5 "$LIMIT" "$MPIEXEC" -n "$np" "$BIN" "$@" >"$log" 2>&1 || RC=$?
  if [ "$RC" -eq 124 ] || [ "$RC" -eq 137 ]; then cat "$log" >&2; fail "$log: hangs: slabhydro $*"; fi
}
# snapshot DIR: every entry (type, name, size) and every file's checksum.
snapshot() {
  (cd "$1" && find . -printf '%y %p %s\n' | sort && find . -type f -exec md5sum {} + | sort -k2)
}
# expect_in_use LOG NP WHAT: refused with exactly one error line, A's lock holder.
expect_in_use() {
  local want n
  want="slabhydro: error: output.dir '$OUT' is in use: another slabhydro run is writing blast_* there ($HOLDER); wait for it to end, or choose another output.dir or output.basename"
  [ "$RC" -eq 1 ] || { cat "$1" >&2; fail "$3 on $2 rank(s): exit code $RC, expected 1"; }
  n=$(grep -cxF -- "$want" "$1" || true)
  [ "$n" -eq 1 ] || { cat "$1" >&2; fail "$3 on $2 rank(s): the line
  $want
appears $n times, expected once"; }
  n=$(grep -c 'slabhydro: error' "$1" || true)
  [ "$n" -eq 1 ] || { cat "$1" >&2; fail "$3 on $2 rank(s): $n error lines"; }
  if grep -qE '^(step |checkpoint |summary:)' "$1"; then cat "$1" >&2; fail "$3 on $2 rank(s): it ran"; fi
}

# --- A: endless, 2 ranks; a checkpoint of it (dump_now) for B to leave alone ---
start_bg a.log -n 2 "$BIN" run "$D" --output-dir "$OUT" "${ENDLESS[@]}"
A=$bg_pid
wait_for_step a.log 10
: >"$OUT/dump_now"
wait_for_line a.log '^dump_now: checkpoint at step [0-9]+, the run goes on$'
dump_step=$(sed -n 's/^dump_now: checkpoint at step \([0-9]*\),.*/\1/p' a.log)
wait_for_step a.log $((dump_step + 5))
[ ! -e "$OUT/dump_now" ] || fail "dump_now is still there"
A_CHK=$OUT/$(printf 'blast_chk_%06d.h5' "$dump_step")
[ -f "$A_CHK" ] || fail "no checkpoint $A_CHK"
LOCK=$OUT/.slabhydro-blast.lock
HOLDER=$(tr '\n' ' ' <"$LOCK" 2>/dev/null | sed 's/ *$//') || HOLDER="(no lock file $LOCK)"
snapshot "$OUT" >before_b

# --- B: refused, 1 and 2 ranks, fresh, --force and --restart latest ---
# (Given an end a few steps on, so that a B that is not refused ends, and
# fails the test, instead of running beside A.)
for np in 1 2; do
  for mode in fresh force restart; do
    case $mode in
      fresh) extra=() ;;
      force) extra=(--force) ;;
      restart) extra=(--restart latest) ;;
    esac
    bounded "$np" "b_${mode}_np$np.log" run "$D" --output-dir "$OUT" "${ENDLESS[@]}" "${extra[@]}" \
      --set time.nlim=$((dump_step + 20))
    expect_in_use "b_${mode}_np$np.log" "$np" "run B ($mode)"
  done
done
# The holder named is this host and A's rank 0 (a child of A's mpiexec).
holder_re='^host ([^,]*), pid ([0-9]+), started '
[[ $HOLDER =~ $holder_re ]] || fail "lock file: '$HOLDER'"
[ "${BASH_REMATCH[1]}" = "$(hostname)" ] || fail "lock file names host ${BASH_REMATCH[1]}, not $(hostname)"
children_of "$A" | grep -qx "${BASH_REMATCH[2]}" ||
  fail "lock file names pid ${BASH_REMATCH[2]}, not one of run A's ranks ($(children_of "$A" | tr '\n' ' '))"
kill -0 "$A" 2>/dev/null || { cat a.log >&2; fail "run A ended while B was refused"; }
snapshot "$OUT" >after_b
diff before_b after_b >&2 || fail "run B changed $OUT (above: before <, after >)"
echo "run B refused on 1 and 2 ranks (fresh, --force, --restart latest), $OUT unchanged"

# --- C: another basename in the same directory runs to its end while A goes on ---
a_step=$(last_step a.log)
bounded 2 c.log run "$D" --output-dir "$OUT" --set output.basename=other --set time.nlim=5
[ "$RC" -eq 0 ] || { cat c.log >&2; fail "run C (output.basename other): exit code $RC"; }
[ -f "$OUT/other_chk_000005.h5" ] || fail "run C wrote no $OUT/other_chk_000005.h5"
kill -0 "$A" 2>/dev/null || { cat a.log >&2; fail "run A ended while C ran"; }
wait_for_step a.log $((a_step + 5))
# A's entries are as they were. (run_status is one file per directory, for
# whichever run wrote last: C's now.)
snapshot "$OUT" | grep -v -e ' \./other_' -e ' \./\.slabhydro-other\.lock' -e ' \./run_status' >after_c
grep -v -e ' \./run_status' before_b | diff - after_c >&2 || fail "run C changed run A's files"
echo "run C (another basename) ran to step 5 beside A"

# --- A stops (stop_now); then B's command continues it ---
: >"$OUT/stop_now"
end_bg "$A" a.log
[ "$RC" -eq 0 ] || { tail -n 30 a.log >&2; fail "run A: exit code $RC after stop_now"; }
grep -q "stop_now asked for a checkpoint and a stop" a.log || { tail -n 30 a.log >&2; fail "run A: no stop_now"; }
stop_chk=$(sed -n "s|^checkpoint \($OUT/blast_chk_[0-9]*\.h5\): .*|\1|p" a.log | tail -n 1)
[ -n "$stop_chk" ] && [ "$stop_chk" != "$A_CHK" ] || fail "run A: no checkpoint at its stop"
stop_step=$((10#$(basename "$stop_chk" .h5 | sed 's/.*_chk_//')))
bounded 1 b_after.log run "$D" --output-dir "$OUT" "${ENDLESS[@]}" --restart latest \
  --set time.nlim=$((stop_step + 3))
[ "$RC" -eq 0 ] || { cat b_after.log >&2; fail "run B after A: exit code $RC"; }
expect_grep "^restart from $stop_chk: step $stop_step," b_after.log
[ -f "$OUT/$(printf 'blast_chk_%06d.h5' $((stop_step + 3)))" ] || fail "run B after A wrote no checkpoint"
echo "after A stopped at step $stop_step, B's command continued it to step $((stop_step + 3))"

# --- a run killed with SIGKILL leaves no stuck lock ---
start_bg k.log -n 2 "$BIN" run "$D" --output-dir killed "${ENDLESS[@]}"
K=$bg_pid
wait_for_step k.log 10
bounded 1 k_refused.log run "$D" --output-dir killed --set time.nlim=3
[ "$RC" -eq 1 ] && grep -q "^slabhydro: error: output.dir 'killed' is in use: " k_refused.log ||
  { cat k_refused.log >&2; fail "a second run on 'killed' was not refused while the first ran"; }
ranks=$(children_of "$K" | tr '\n' ' ')
[ -n "$ranks" ] || fail "no ranks under mpiexec $K"
# shellcheck disable=SC2086
kill -KILL $ranks
end_bg "$K" k.log
[ "$RC" -ne 0 ] || fail "the killed run exited 0"
[ -s killed/.slabhydro-blast.lock ] || fail "the killed run left no lock file to test"
bounded 1 k_next.log run "$D" --output-dir killed --set time.nlim=3
[ "$RC" -eq 0 ] || { cat k_next.log >&2; fail "the run after the killed one: exit code $RC (a stuck lock?)"; }
[ -f killed/blast_chk_000003.h5 ] || fail "the run after the killed one wrote no checkpoint"
echo "after kill -9 of the ranks ($ranks) the next run started and ended"
echo "PASS: one_writer"
