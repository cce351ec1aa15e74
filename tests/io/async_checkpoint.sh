# Asynchronous checkpoints (checkpoint.async: true) against synchronous ones.
#  1. The same files: restarted from one checkpoint, with a checkpoint every
#     3 steps and a plot file every 2 (each plot file waits for the write in
#     flight), on 1, 2, 3 and 4 ranks, every checkpoint and plot file of the
#     asynchronous run has the synchronous run's datasets value for value
#     (h5diff) and its attributes, all but written_at, meta_checksum and the
#     deck text (which holds checkpoint.async); the state digests are equal;
#     the asynchronous checkpoints say they were written in the background.
#     A fresh run too, on 3 ranks.
#  2. The time loop goes on while a checkpoint is written, and a kill -9 in
#     the middle of that write loses nothing: with the test hook
#     SLABHYDRO_TEST_HOLD_CHECKPOINT_STEP=10 the writer of step 10 stops for
#     good once its fields are in the .tmp (whatever the machine's speed);
#     the run reaches step 14 all the same (the next checkpoint, at 15, would
#     wait for it); then every rank and mpiexec are killed with SIGKILL, and
#     --restart latest on another rank count continues from step 5, moves
#     the .tmp of step 10 into superseded/ and reaches the digest of an
#     uninterrupted run.
#  3. An MPI library without MPI_THREAD_MULTIPLE (SLABHYDRO_MPI_THREAD=funneled
#     asks for less): checkpoint.async is refused with one message and
#     nothing is written; synchronous runs go on as before. A bad
#     SLABHYDRO_MPI_THREAD is one message.
# A failed asynchronous write (a full disk) is in write_failure.sh, kills at
# other points of the cycle in crash_restart.sh.
source "$(dirname "$0")/lib.sh"
WAIT_LIMIT=${WAIT_LIMIT:-120}
source "$(dirname "$0")/processes.sh"
D="$DECKS/blast.yaml"
need_h5py_python
ENDLESS=(--set time.tlim=1e30)

# same_file A B: every dataset equal byte for byte, attributes equal but for
# those that name the moment and the deck.
same_file() {
  "$PY" - "$1" "$2" <<'EOF' || fail "$1 and $2 differ"
import sys, h5py, numpy as np
skip = {"written_at", "meta_checksum", "deck"}
a, b = (h5py.File(p, "r") for p in sys.argv[1:3])
def datasets(f):
    out = {}
    f.visititems(lambda n, o: out.__setitem__(n, o[()]) if isinstance(o, h5py.Dataset) else None)
    return out
da, db = datasets(a), datasets(b)
assert sorted(da) == sorted(db) and len(da) >= 4, (sorted(da), sorted(db))
for n in da:
    assert da[n].dtype == db[n].dtype and da[n].tobytes() == db[n].tobytes(), n
ka, kb = set(a.attrs) - skip, set(b.attrs) - skip
assert ka == kb, (ka ^ kb)
for k in sorted(ka):
    x, y = a.attrs[k], b.attrs[k]
    assert np.array_equal(np.asarray(x), np.asarray(y)), (k, x, y)
assert "written_at" in a.attrs
EOF
}

# --- 1. the same files -------------------------------------------------------
run 2 base.log run "$D" --output-dir base --set time.nlim=4
for np in 1 2 3 4; do
  for a in true false; do
    mkdir -p "c${np}_$a/out"
    cp base/blast_chk_000004.h5 "c${np}_$a/out/"
    (cd "c${np}_$a" && run "$np" run.log run "$D" --output-dir out \
      --restart out/blast_chk_000004.h5 --set time.nlim=13 --set checkpoint.every_steps=3 \
      --set plot.every_steps=2 --set checkpoint.keep=100 --set checkpoint.async=$a)
  done
  t=c${np}_true f=c${np}_false
  expect_eq "$np rank(s): digest" "$(digest_of "$t/run.log")" "$(digest_of "$f/run.log")"
  expect_eq "$np rank(s): background checkpoints" \
    "$(grep -c '^checkpoint .*(written in the background)$' "$t/run.log")" 3
  if grep -q "written in the background" "$f/run.log"; then fail "a synchronous run wrote in the background"; fi
  n=0
  for x in "$f"/out/blast_*.h5; do
    same_file "$t/out/${x##*/}" "$x"
    n=$((n + 1))
  done
  # checkpoints 4 (the copy), 6, 9, 12, 13; plot files 4 (written again at
  # the restart: it was missing), 6, 8, 10, 12, 13
  expect_eq "$np rank(s): files compared" "$n" 11
  echo "ok: $np rank(s): $n files of the asynchronous run equal the synchronous run's"
done
for a in true false; do
  mkdir -p "fresh_$a"
  (cd "fresh_$a" && run 3 run.log run "$D" --output-dir out --set checkpoint.every_steps=4 \
    --set checkpoint.async=$a)
done
expect_eq "fresh run: digest" "$(digest_of fresh_true/run.log)" "$(digest_of fresh_false/run.log)"
for x in fresh_false/out/blast_chk_*.h5; do
  h5diff "fresh_true/out/${x##*/}" "$x" /fields /fields || fail "fresh run: ${x##*/} differs"
done
echo "ok: a fresh asynchronous run on 3 ranks equals the synchronous one"

# --- 2. the loop goes on during the write; kill -9 in the middle of it ----------
out=held log=held.log
SLABHYDRO_TEST_HOLD_CHECKPOINT_STEP=10 "$MPIEXEC" -n 2 "$BIN" run "$D" --output-dir "$out" \
  "${ENDLESS[@]}" --set checkpoint.every_steps=5 --set checkpoint.async=true \
  --set output.progress_interval=0 >"$log" 2>&1 &
pid=$!
BG_PIDS+=("$pid")
wait_for_lines "$log" 'test hold: the checkpoint of step 10 waits' 2 ||
  { cat "$log" >&2; fail "the writer of step 10 was not held on both ranks"; }
wait_for_lines "$log" '^step +14 ' 1 ||
  { cat "$log" >&2; fail "the time loop did not go on while the checkpoint of step 10 was written"; }
[ ! -e "$out/blast_chk_000010.h5" ] || fail "the held checkpoint is complete"
tmp=$(find "$out" -maxdepth 1 -name 'blast_chk_000010.h5*.tmp' -printf '%f\n')
[ -n "$tmp" ] || fail "no .tmp of the held checkpoint"
ranks=()
for p in $(descendants_of "$pid"); do
  [ "$(cat /proc/"$p"/comm 2>/dev/null)" != slabhydro ] || ranks+=("$p")
done
((${#ranks[@]} == 2)) || fail "found ${#ranks[@]} slabhydro ranks, want 2"
kill -KILL "${ranks[@]}" "$pid"
rc=0
{ wait "$pid"; } 2>/dev/null || rc=$?
((rc == 137)) || fail "mpiexec ended with $rc, not by the SIGKILL"
for p in "${ranks[@]}"; do
  end=$((SECONDS + WAIT_LIMIT))
  while alive "$p" && ((SECONDS < end)); do sleep 0.01; done
  if alive "$p"; then fail "rank $p still alive after SIGKILL"; fi
done
expect_grep "^state=running" "$out/run_status"
run 2 ref.log run "$D" --output-dir ref "${ENDLESS[@]}" --set time.nlim=17
run 3 restart.log run "$D" --output-dir "$out" --restart latest "${ENDLESS[@]}" --set time.nlim=17 \
  --set checkpoint.every_steps=5 --set checkpoint.async=true
expect_grep "^restart from $out/blast_chk_000005.h5: step 5" restart.log
expect_eq "digest after the kill in the middle of an asynchronous write" \
  "$(digest_of restart.log)" "$(digest_of ref.log)"
moved=$(find "$out/superseded" -name "$tmp" | wc -l)
expect_eq "the held .tmp moved into superseded/" "$moved" 1
for s in 10 15 17; do [ -f "$out/blast_chk_0000$s.h5" ] || fail "no checkpoint of step $s after the restart"; done
echo "ok: the loop reached step 14 during the held write of step 10; kill -9, restart from 5 on 3 ranks: the uninterrupted digest"

# --- 3. the MPI thread level ----------------------------------------------------
# (An MPI library may provide more than it is asked for: then there is nothing to refuse.)
if SLABHYDRO_MPI_THREAD=funneled "$BIN" --version | grep -q ', MPI_THREAD_MULTIPLE$'; then
  echo "async checkpoint: OK (this MPI provides MPI_THREAD_MULTIPLE when asked for less: no refusal to test)"
  exit 0
fi
SLABHYDRO_MPI_THREAD=funneled run_fails 2 funneled.log run "$D" --output-dir funneled \
  --set checkpoint.async=true
expect_grep "checkpoint.async: true needs MPI_THREAD_MULTIPLE" funneled.log
expect_eq "error lines" "$(grep -c 'slabhydro: error' funneled.log)" 1
[ ! -e funneled ] || fail "a refused run wrote into its output directory"
SLABHYDRO_MPI_THREAD=funneled run 2 funneled_sync.log run "$D" --output-dir funneled_sync --set time.nlim=3
SLABHYDRO_MPI_THREAD=often run_fails 2 bad_level.log run "$D" --output-dir bad_level
expect_grep "SLABHYDRO_MPI_THREAD='often' is not a thread level" bad_level.log
expect_eq "error lines" "$(grep -c 'slabhydro: error' bad_level.log)" 1
echo "async checkpoint: OK"
