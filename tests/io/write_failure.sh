# A checkpoint that cannot be written stops the run on every rank with one
# message naming the file, in every transfer mode, leaves no file that looks
# complete, and the checkpoints before it stay usable.
source "$(dirname "$0")/lib.sh"
D="$DECKS/blast.yaml"
for mode in collective independent serial; do
  mkdir -p f_$mode/blast_chk_000004.h5.tmp/in_the_way  # H5Fcreate cannot create this
  run_fails 3 $mode.log run "$D" --output-dir f_$mode --set checkpoint.every_steps=2 \
    --set time.nlim=6 --set io.mode=$mode
  expect_grep "f_$mode/blast_chk_000004.h5 was not written" $mode.log
  expect_eq "$mode: error lines (one message, not one per rank)" \
    "$(grep -c 'slabhydro: error' $mode.log)" 1
  [ ! -e f_$mode/blast_chk_000004.h5 ] || fail "$mode: a final-named file after a failed write"
  [ ! -e f_$mode/blast_chk_000006.h5 ] || fail "$mode: the run went on after a failed write"
  "$BIN" inspect f_$mode/blast_chk_000002.h5 >inspect_$mode.log || fail "$mode: step 2 unusable"
done
echo "write failure: OK"
