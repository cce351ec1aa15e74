#!/usr/bin/env bash
# slabhydro bench on 1, 2, 3 and 4 ranks (nx = 23: uneven slabs on 2-4):
# the three files hold the expected datasets, shapes, types and values
# (checked by check_bench.py, which re-implements the pattern and the corner
# rule, and by --verify), every file is identical to the one-rank file, the
# table has its rows, and the JSON report carries every field of its schema.
# Then weak scaling sizes the mesh by the rank count and deletes its files.
# usage: bench_ranks.sh BINARY SOURCE_DIR SCRATCH PYTHON3 H5_TAMPER
source "$(dirname "$0")/../common/script_lib.sh"

PY=${1:?python3}
TAMPER=${2:?h5_tamper}
CHECK="$(dirname "$0")/check_bench.py"
NX=23
NY=9
REPS=2
DECK="$SRC/inputs/flashio.yaml"
[ -f "$DECK" ] || fail "no deck $DECK"
COMMON=(bench "$DECK" --set bench.nx=$NX --set bench.ny=$NY
        --set bench.repetitions=$REPS --set bench.keep_files=true --verify)
# Values --verify checks per repetition: the checkpoint, the two plot files
# and the checkpoint read back.
PER_REP=$(( 24 * NX * NY + 4 * NX * NY + 4 * (NX + 1) * (NY + 1) + 24 * NX * NY ))

for np in 1 2 3 4; do
  out="$SCRATCH/np$np"
  run "$np" "${COMMON[@]}" --output-dir "$out" --json "$SCRATCH/np$np.json" --csv "$SCRATCH/np$np.csv"
  [ "$RC" -eq 0 ] || { echo "$OUT" >&2; fail "np $np: exit code $RC"; }
  printf '%s\n' "$OUT" | grep -q "FLASH-I/O-style benchmark on $np rank(s)" ||
    { echo "$OUT" >&2; fail "np $np: no header naming $np rank(s)"; }
  for name in checkpoint plot plot_corners checkpoint_read; do
    printf '%s\n' "$OUT" | grep -qE "^$name +[0-9.]+ " ||
      { echo "$OUT" >&2; fail "np $np: no table row for $name"; }
  done
  [ "$(printf '%s\n' "$OUT" | grep -c '^rep [0-9]/')" -eq "$REPS" ] ||
    { echo "$OUT" >&2; fail "np $np: expected $REPS repetition lines"; }
  [ "$(count_lines "verified: $((REPS * PER_REP)) values, all as expected")" -eq 1 ] ||
    { echo "$OUT" >&2; fail "np $np: no line 'verified: $((REPS * PER_REP)) values'"; }
  "$PY" "$CHECK" files "$out" flashio $NX $NY || fail "np $np: the files are not as expected"
  "$PY" "$CHECK" json "$SCRATCH/np$np.json" "$np" $REPS --read --verified ||
    fail "np $np: the JSON report does not follow its schema"
  # The CSV: a header and one row per file and repetition, the same numbers as the JSON.
  "$PY" - "$SCRATCH/np$np.csv" "$SCRATCH/np$np.json" "$REPS" <<'EOF' || fail "np $np: the CSV report"
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1])))
doc = json.load(open(sys.argv[2]))
reps = int(sys.argv[3])
assert len(rows) == 4 * reps, len(rows)
for m in doc["measurements"]:
    mine = [r for r in rows if r["name"] == m["name"]]
    assert [int(r["repetition"]) for r in mine] == list(range(1, reps + 1)), mine
    for r, s in zip(mine, m["samples"]):
        for k in ("total_s", "mib_per_s", "baseline_total_s", "ratio", "attributes_s"):
            assert float(r[k]) == s[k], (m["name"], k, r[k], s[k])
        assert abs(float(r["metadata_s"]) + float(r["raw_s"]) -
                   (s["open_s"] + s["transfer_s"] + s["close_s"])) < 1e-12, r
EOF
  if [ "$np" -gt 1 ]; then
    for f in chk plt_cnt plt_crn; do
      h5diff -q "$SCRATCH/np1/flashio_$f.h5" "$out/flashio_$f.h5" /fields /fields ||
        fail "np $np: flashio_$f.h5 differs from the one-rank file"
    done
  fi
  echo "np $np: files, values and JSON as expected"
done

# The checks can fail: one changed corner value, and the wrong mesh size.
cp "$SCRATCH/np1/flashio_plt_crn.h5" "$SCRATCH/np3/flashio_plt_crn.h5"
"$TAMPER" poke "$SCRATCH/np3/flashio_plt_crn.h5" /fields/pres 4 7 1.5 || fail "h5_tamper failed"
if "$PY" "$CHECK" files "$SCRATCH/np3" flashio $NX $NY 2>/dev/null; then
  fail "check_bench.py accepted a changed corner value"
fi
h5diff -q "$SCRATCH/np1/flashio_plt_crn.h5" "$SCRATCH/np3/flashio_plt_crn.h5" /fields /fields &&
  fail "h5diff found no difference after a changed value"
if "$PY" "$CHECK" files "$SCRATCH/np1" flashio $((NX - 1)) $NY 2>/dev/null; then
  fail "check_bench.py accepted files of another size"
fi

# Weak scaling: nx = nx_per_rank x ranks; files removed at the end by default.
run 2 bench "$DECK" --set bench.nx_per_rank=6 --set bench.ny=5 --set bench.repetitions=3 \
  --output-dir "$SCRATCH/weak" --json "$SCRATCH/weak.json"
[ "$RC" -eq 0 ] || { echo "$OUT" >&2; fail "weak scaling: exit code $RC"; }
printf '%s\n' "$OUT" | grep -q "12 x 5 zones, slabs of 6 columns" ||
  { echo "$OUT" >&2; fail "weak scaling: mesh is not 12 x 5 in slabs of 6"; }
"$PY" "$CHECK" json "$SCRATCH/weak.json" 2 3 --read || fail "weak scaling: JSON"
left=$(ls "$SCRATCH/weak")
[ -z "$left" ] || fail "weak scaling without keep_files left files behind: $left"
echo "PASS: bench files identical and verified on 1-4 ranks, JSON per schema"
