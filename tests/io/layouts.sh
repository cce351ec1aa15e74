# Chunked and compressed checkpoints and plot files (io.chunk, io.deflate,
# io.szip): every allowed combination with every transfer mode writes on N
# ranks, the restart on M != N ranks (25 columns: uneven on 2, 3 and 4)
# ends with the digest of the uninterrupted contiguous run, the files have
# the layout asked for, and their plot values equal the contiguous run's
# (h5py). The refused combinations stop with one message and write nothing.
source "$(dirname "$0")/lib.sh"
need_h5py_python
D="$DECKS/blast.yaml"
SMALL=(--set mesh.nx=25 --set mesh.ny=16 --set time.nlim=8 --set plot.every_steps=4)

run 2 ref.log run "$D" --output-dir ref "${SMALL[@]}" --set io.chunk=none
ref=$(digest_of ref.log)
# The default layout: one chunk per rank's block (25 columns on 2 ranks: 13).
run 2 default.log run "$D" --output-dir default "${SMALL[@]}"
expect_eq "default layout digest" "$(digest_of default.log)" "$ref"
SZIP=4
VERSION=$("$BIN" --version)
[[ $VERSION == *"szip yes"* ]] || SZIP=  # no szip encoder: szip cases left out

pairs=(1:2 2:3 3:4 4:1 3:2 2:4 4:3 1:3)
k=0
combos=()
for chunk in none slab 5x7; do
  for filt in "0 0" "1 0" "6 0" "0 ${SZIP:-x}"; do
    set -- $filt
    deflate=$1 szip=$2
    [ "$szip" = x ] && continue
    for mode in collective independent serial; do
      filtered=$([ "$deflate$szip" = 00 ] && echo no || echo yes)
      [ $filtered = yes ] && [ $chunk = none ] && continue         # refused below
      [ $filtered = yes ] && [ $mode = independent ] && continue   # refused below
      [ "$szip" != 0 ] && [ $mode = collective ] && continue       # refused below
      combos+=("$chunk $deflate $szip $mode")
    done
  done
done
for c in "${combos[@]}"; do
  set -- $c
  chunk=$1 deflate=$2 szip=$3 mode=$4
  pair=${pairs[$((k % ${#pairs[@]}))]}
  k=$((k + 1))
  a=${pair%:*} b=${pair#*:} out=c_${chunk}_${deflate}_${szip}_${mode}
  L=(--set io.chunk=$chunk --set io.deflate=$deflate --set io.szip=$szip --set io.mode=$mode)
  run "$a" $out.first.log run "$D" --output-dir $out "${SMALL[@]}" "${L[@]}" --set time.nlim=4
  run "$b" $out.second.log run "$D" --output-dir $out "${SMALL[@]}" "${L[@]}" \
    --restart $out/blast_chk_000004.h5
  expect_grep "written on $a rank(s)" $out.second.log
  expect_eq "$out $a->$b digest" "$(digest_of $out.second.log)" "$ref"
  echo "$out $a $b" >>written.txt
  echo "ok: $c, $a -> $b ranks"
done
[ "$k" -ge 15 ] || fail "only $k combinations ran"

# The layout in the files, and the plot values of every file equal the
# contiguous run's.
"$PY" - written.txt <<'PYEOF' || fail "layouts or values in the files"
import sys, h5py, numpy as np
def widest(nx, np_):
    return (nx + np_ - 1) // np_
ref = {s: h5py.File("ref/blast_plt_%06d.h5" % s, "r") for s in (4, 8)}
n = 0
for line in open(sys.argv[1]):
    out, a, b = line.split()
    _, chunk, deflate, szip, mode = out.split("_")
    for name, ranks, step in (("chk", a, 4), ("plt", a, 4), ("plt", b, 8)):
        path = "%s/blast_%s_%06d.h5" % (out, name, step)
        with h5py.File(path, "r") as f:
            for v in (("dens", "momx") if name == "chk" else ("dens", "velx", "vely", "pres")):
                d = f["fields/" + v]
                want = {"none": None, "slab": (16, widest(25, int(ranks))), "5x7": (5, 7)}[chunk]
                assert d.chunks == want, (path, v, d.chunks, want)
                comp = "gzip" if deflate != "0" else "szip" if szip != "0" else None
                assert d.compression == comp, (path, v, d.compression)
                if deflate != "0":
                    assert d.compression_opts == int(deflate), (path, d.compression_opts)
                assert f["coordinates/x"].chunks is None  # 1-D coordinates stay contiguous
                if name == "plt":
                    r = ref[step]["fields/" + v][()]
                    assert np.array_equal(d[()], r), (path, v)
                    n += 1
print("layouts and values checked: %d plot datasets equal the contiguous run's" % n)
PYEOF

# One chunked, compressed checkpoint as inspect shows it.
"$BIN" inspect c_5x7_6_0_collective/blast_chk_000004.h5 >inspect.log
expect_grep "^storage       layout" inspect.log
expect_grep "^  dens        chunked 5x7 *deflate(6) *[0-9]* / 3200 (ratio [0-9.]*)" inspect.log
expect_grep "^result        OK" inspect.log
"$BIN" inspect ref/blast_chk_000008.h5 >inspect_ref.log
expect_grep "^  dens        contiguous *none *3200 / 3200 (ratio 1.00)" inspect_ref.log
"$BIN" inspect default/blast_chk_000008.h5 >inspect_default.log
expect_grep "^  dens        chunked 16x13 *none *3328 / 3200 (ratio 0.96)" inspect_default.log

refused() {  # refused TEXT NP ARGS...: one error line with TEXT, exit != 0, nothing written
  local text=$1 np=$2
  shift 2
  k=$((k + 1))
  local dir=bad$k
  run_fails "$np" $dir.log run "$D" --output-dir $dir "${SMALL[@]}" "$@"
  [ "$(grep -c '^slabhydro: error: ' $dir.log)" -eq 1 ] || { cat $dir.log >&2; fail "$*: not one error line"; }
  grep '^slabhydro: error: ' $dir.log | grep -F -- "$text" >/dev/null || { cat $dir.log >&2; fail "$*: no '$text'"; }
  [ ! -e $dir ] || fail "$*: refused, but $dir was created"
  echo "refused: $* -> $(grep '^slabhydro: error: ' $dir.log)"
}
refused "io.deflate: compression needs a chunked layout" 2 --set io.deflate=1 --set io.chunk=none
refused "io.szip: compression needs a chunked layout" 2 --set io.szip=4 --set io.mode=serial \
  --set io.chunk=none
refused "only collectively" 2 --set io.deflate=1 --set io.chunk=slab --set io.mode=independent
refused "io.szip: parallel HDF5" 2 --set io.szip=4 --set io.chunk=slab
refused "are alternatives" 2 --set io.szip=4 --set io.deflate=1 --set io.chunk=5x7 --set io.mode=serial
refused "io.szip: must be 0 (off) or an even number" 1 --set io.szip=5 --set io.chunk=slab
refused "io.deflate" 1 --set io.deflate=10 --set io.chunk=slab
refused "io.chunk: must be none" 1 --set io.chunk=5by7
refused "4 GiB" 1 --set io.chunk=100000x100000
refused "bench.chunk: no longer a key: it is now io.chunk" 1 --set bench.chunk=slab
if [ -n "$SZIP" ]; then  # szip blocks wider than the chunks: 25 columns on 4 ranks, slabs of 7
  refused "io.szip: szip codes blocks of 8" 4 --set io.szip=8 --set io.chunk=slab --set io.mode=serial
  refused "io.szip: szip codes blocks of 8" 1 --set io.szip=8 --set io.chunk=5x7 --set io.mode=serial
fi
echo "layouts: OK (${#combos[@]} combinations restarted bit-identically)"
