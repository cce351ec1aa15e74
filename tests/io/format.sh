# The checkpoint format, read by a program using plain serial HDF5 calls and
# nothing of slabhydro (check_checkpoint_plain.cpp): names, shapes, types,
# attributes and values, for files written collectively and serially on 3
# ranks. The checker must also be able to fail.
source "$(dirname "$0")/lib.sh"
for mode in collective serial; do
  run 3 $mode.log run "$DECKS/tube.yaml" --output-dir fmt_$mode --set io.mode=$mode
  "$CHECK_PLAIN" fmt_$mode/tube_chk_000000.h5 "$(digest_of $mode.log)" 3 $mode ||
    fail "the $mode checkpoint does not match the format"
done
if "$CHECK_PLAIN" fmt_serial/tube_chk_000000.h5 0123456789abcdef 3 serial 2>wrong.log; then
  fail "the plain checker accepted a wrong digest"
fi
expect_grep "FAIL: state_digest" wrong.log
echo "format: OK"
