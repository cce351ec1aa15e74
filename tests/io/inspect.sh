# slabhydro inspect: passes on a good checkpoint and a plot file, showing
# each field's layout, filters and compression ratio; fails on a
# checkpoint whose data were altered after writing, on an incomplete one and
# on a file that is not HDF5. A restart from the altered file is refused.
source "$(dirname "$0")/lib.sh"
D="$DECKS/blast.yaml"

run 3 a.log run "$D" --output-dir i --set time.nlim=4 --set plot.every_steps=4
C=i/blast_chk_000004.h5
"$BIN" inspect $C >good.log || { cat good.log >&2; fail "inspect of a good file failed"; }
expect_grep "^complete      yes" good.log
expect_grep "^state digest  stored $(digest_of a.log), recomputed $(digest_of a.log): match" good.log
expect_grep "^step          4" good.log
expect_grep "^  dens  " good.log
expect_grep "^result        OK" good.log
# The storage of each field: one chunk per block by default (38 columns on
# 3 ranks: 13 wide, the last chunk padded), 38 x 20 float64 = 6080 bytes.
expect_grep "^storage       layout" good.log
expect_grep "^  ener        chunked 20x13 *none *6240 / 6080 (ratio 0.97)" good.log
run 3 n.log run "$D" --output-dir n --set time.nlim=4 --set io.chunk=none
"$BIN" inspect n/blast_chk_000004.h5 >n_inspect.log || { cat n_inspect.log >&2; fail "inspect n"; }
expect_grep "^  ener        contiguous *none *6080 / 6080 (ratio 1.00)" n_inspect.log
# Chunked and compressed: the chunk, the filter and a ratio above 1.
run 2 z.log run "$D" --output-dir z --set time.nlim=4 --set io.chunk=slab --set io.deflate=6
"$BIN" inspect z/blast_chk_000004.h5 >z_inspect.log || { cat z_inspect.log >&2; fail "inspect z"; }
expect_grep "^  dens        chunked 20x19 *deflate(6) *[0-9]* / 6080 (ratio [1-9][0-9]*\.[0-9][0-9])" z_inspect.log
expect_grep "^result        OK" z_inspect.log
"$MPIEXEC" -n 2 "$BIN" inspect i/blast_plt_000004.h5 >plot.log || fail "inspect of a plot file failed"
expect_grep "slabhydro-plot" plot.log

cp $C altered.h5
"$H5_TAMPER" poke altered.h5 /fields/ener 3 5 1.2345
if "$BIN" inspect altered.h5 >altered.log; then fail "inspect passed an altered file"; fi
expect_grep ": MISMATCH" altered.log
expect_grep "does not match the stored state digest" altered.log
run_fails 2 altered_mpi.log inspect altered.h5  # the exit code reaches mpiexec

cp $C incomplete.h5
"$H5_TAMPER" drop-attr incomplete.h5 complete
if "$BIN" inspect incomplete.h5 >incomplete.log; then fail "inspect passed an incomplete file"; fi
expect_grep "^complete      NO" incomplete.log

echo "not hdf5" >junk.h5
if "$BIN" inspect junk.h5 >junk.log 2>&1; then fail "inspect passed a junk file"; fi
expect_grep "junk.h5" junk.log

run_fails 2 restart.log run "$D" --output-dir j --restart altered.h5
expect_grep "do not match its state digest" restart.log
echo "inspect: OK"
