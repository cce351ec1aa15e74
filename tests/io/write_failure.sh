# A write that fails for want of space (a full disk or quota) stops every
# rank within seconds with one message naming the file, in every transfer
# mode, at the first checkpoint and after some; it leaves no .tmp and no file
# that looks complete, and the checkpoints before it stay intact. The disk is
# a small tmpfs in a private mount namespace (unshare -m), so nothing outlives
# the test; skipped (77) where no tmpfs can be mounted.
source "$(dirname "$0")/lib.sh"
D="$DECKS/blast.yaml"
RUN_TIMEOUT=120

# in_tmpfs SIZE COMMAND...: COMMAND in a new mount namespace with a tmpfs of
# SIZE bytes mounted on ./disk (empty at the start); prints nothing itself.
in_tmpfs() {
  local size=$1
  shift
  rm -rf disk && mkdir disk
  unshare -m bash -c 'mount -t tmpfs -o size="$1" tmpfs disk || exit 77; shift; "$@"' _ "$size" "$@"
}
probe_rc=0
in_tmpfs 65536 true || probe_rc=$?
if [ "$probe_rc" -ne 0 ]; then
  echo "cannot mount a tmpfs in a private mount namespace (not root?): skipped"
  exit 77
fi

# case_run LOG ARGS...: slabhydro on 3 ranks writing into disk/out, then a
# copy of what it left (names, sizes, inspect results) in LOG.files.
case_run() {
  local log=$1
  shift
  set +e
  timeout "$RUN_TIMEOUT" "$MPIEXEC" -n 3 "$BIN" run "$D" --output-dir disk/out "$@" >"$log" 2>&1
  echo "rc=$?" >>"$log"
  ls -A disk/out >"$log.files" 2>/dev/null
  for f in disk/out/*_chk_*.h5; do
    [ -e "$f" ] || continue
    if "$BIN" inspect "$f" >/dev/null 2>&1; then echo "inspect ok $(basename "$f")"; else echo "inspect bad $(basename "$f")"; fi
  done >>"$log.files"
  set -e
}
export -f case_run
export BIN D MPIEXEC RUN_TIMEOUT

check_failed_run() {  # LOG MODE WHAT: the run failed cleanly
  local log=$1 mode=$2 what=$3
  grep -q "^rc=1$" "$log" || { cat "$log" >&2; fail "$mode, $what: exit code is not 1 ($(tail -n1 "$log"))"; }
  expect_eq "$mode, $what: error lines (one message, not one per rank)" "$(grep -c 'slabhydro: error' "$log")" 1
  expect_grep "was not written: .*not enough space" "$log"
  if grep -q "\.tmp" "$log.files"; then fail "$mode, $what: a .tmp was left: $(cat "$log.files")"; fi
  if grep -qE "internal error|Abort|Segmentation|No space left on device" "$log"; then
    cat "$log" >&2
    fail "$mode, $what: not a clean stop"
  fi
}

# MODE+async: the same with checkpoint.async (the failure comes from the
# writer thread, at the next step, on every rank).
for variant in collective independent serial collective+async serial+async; do
  mode=${variant%+async}
  more=()
  if [ "$mode" != "$variant" ]; then more=(--set checkpoint.async=true); fi
  # At the first checkpoint: the disk holds the lock and run_status, not a checkpoint.
  in_tmpfs 65536 bash -c 'case_run "$@"' _ first_$variant.log --set io.mode=$mode "${more[@]}" \
    --set checkpoint.every_steps=2 --set time.nlim=20
  check_failed_run first_$variant.log $variant "first checkpoint"
  expect_grep "disk/out/blast_chk_000002.h5 was not written" first_$variant.log
  if grep -q "_chk_" first_$variant.log.files; then fail "$mode: a checkpoint file after the failed first write"; fi
  # What the reservation needs, from the message: room for exactly two
  # checkpoints more than that, so the third one fails.
  need=$(sed -n 's/.*the file needs up to \([0-9]*\) bytes.*/\1/p' first_$variant.log | head -n1)
  [ -n "$need" ] || fail "$mode: the message does not say how much space is needed"
  run 1 size_$variant.log run "$D" --output-dir size_$variant --set io.mode=$mode --set time.nlim=2 \
    --set checkpoint.every_steps=2
  one=$(stat -c %s size_$variant/blast_chk_000002.h5)
  ((one <= need)) || fail "$mode: a checkpoint of $one bytes is larger than its reservation $need"
  size=$((need + one + one / 2 + 16384))
  in_tmpfs $size bash -c 'case_run "$@"' _ later_$variant.log --set io.mode=$mode "${more[@]}" \
    --set checkpoint.every_steps=2 --set time.nlim=20 --set checkpoint.keep=100
  check_failed_run later_$variant.log $variant "after some checkpoints"
  expect_grep "disk/out/blast_chk_000006.h5 was not written" later_$variant.log
  expect_grep "inspect ok blast_chk_000002.h5" later_$variant.log.files
  expect_grep "inspect ok blast_chk_000004.h5" later_$variant.log.files
  if grep -qE "_chk_0000(06|08)|inspect bad" later_$variant.log.files; then
    fail "$mode: after the failure: $(cat later_$variant.log.files)"
  fi
done
echo "write failure: OK"
