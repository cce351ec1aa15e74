# The h5py snippet of README.md ("Checkpoint file format") reads a checkpoint
# as documented. Skipped (77) where no python3 has h5py.
source "$(dirname "$0")/lib.sh"
need_h5py_python
awk '/<!-- h5py snippet -->/ {on = 1; next} on && /^```python/ {code = 1; next}
     code && /^```/ {exit} code {print}' "$SRC/README.md" >snippet.py
[ -s snippet.py ] || fail "no h5py snippet in README.md"
run 3 a.log run "$DECKS/blast.yaml" --output-dir s --set time.nlim=3
$PY snippet.py s/blast_chk_000003.h5 >out.log || { cat out.log >&2; fail "the snippet failed"; }
expect_grep "slabhydro-checkpoint 2 sedov step 3" out.log
expect_grep "dens (20, 38)" out.log
expect_grep "digest $(digest_of a.log)" out.log
cp s/blast_chk_000003.h5 inc.h5
"$H5_TAMPER" drop-attr inc.h5 complete
if $PY snippet.py inc.h5 >inc.log 2>&1; then fail "the snippet read an incomplete file"; fi
echo "h5py snippet: OK"
