#!/usr/bin/env bash
# Every allowed option combination of slabhydro bench runs and verifies
# (transfer mode x io.chunk x io.deflate/io.szip, alignment, MPI-IO hints, fsync, read,
# page-cache drop, JSON), on 2 ranks and, for the modes, on 3 (uneven slabs);
# every disallowed one stops before any file is written, with exit code 1 and
# one message naming the key.
# usage: bench_options.sh BINARY SOURCE_DIR SCRATCH PYTHON3
source "$(dirname "$0")/../common/script_lib.sh"

PY=${1:?python3}
CHECK="$(dirname "$0")/check_bench.py"
DECK="$SRC/inputs/flashio.yaml"
SMALL=(--set bench.nx_per_rank=5 --set bench.ny=6 --set bench.ng=2 --set bench.repetitions=1)
n=0

allowed() {  # allowed NP ARGS...
  local np=$1
  shift
  n=$((n + 1))
  local dir="$SCRATCH/ok$n"
  run "$np" bench "$DECK" "${SMALL[@]}" --verify --output-dir "$dir" --json "$dir.json" "$@"
  [ "$RC" -eq 0 ] || { echo "$OUT" >&2; fail "np $np $*: exit code $RC"; }
  # grep without -q reads all its input: no SIGPIPE to printf under pipefail.
  printf '%s\n' "$OUT" | grep -E '^verified: [0-9]+ values, all as expected$' >/dev/null ||
    { echo "$OUT" >&2; fail "np $np $*: not verified"; }
  "$PY" "$CHECK" json "$dir.json" "$np" 1 $([ "${READ:-1}" = 1 ] && echo --read) --verified ||
    fail "np $np $*: JSON"
  echo "ok: np $np $*"
}

for mode in collective independent serial; do
  for chunk in none slab 4x3; do
    allowed 2 --set io.mode=$mode --set io.chunk=$chunk
  done
  allowed 3 --set io.mode=$mode --set io.chunk=slab
done
for mode in collective serial; do
  for chunk in slab 4x3; do
    allowed 2 --set io.mode=$mode --set io.chunk=$chunk --set io.deflate=6
  done
  allowed 3 --set io.mode=$mode --set io.chunk=slab --set io.deflate=1
done
allowed 2 --set io.alignment=0
allowed 2 --set io.alignment=4096 --set io.alignment_threshold=1
allowed 2 --set 'io.hints={romio_cb_write: enable, cb_buffer_size: "1048576"}'
allowed 2 --set bench.fsync=false --set bench.drop_cache=false
allowed 1 --set bench.nx=9 --set bench.keep_files=true
READ=0 allowed 2 --set bench.read=false
# szip (where this HDF5 can encode it: --version says "szip yes"), serial mode only.
VERSION=$("$BIN" --version)
if [[ $VERSION == *"szip yes"* ]]; then
  allowed 3 --set io.mode=serial --set io.chunk=slab --set io.szip=4
  allowed 2 --set io.mode=serial --set io.chunk=4x4 --set io.szip=2
else
  echo "no szip encoder in this HDF5: szip cases skipped"
fi

# The chunk shape is cut to the datasets and recorded per file.
"$PY" - "$SCRATCH/ok2.json" <<'EOF' || fail "chunk shapes in the JSON report"
import json, sys
m = {x["name"]: x for x in json.load(open(sys.argv[1]))["measurements"]}
assert m["checkpoint"]["chunk"] == [6, 5], m["checkpoint"]["chunk"]      # slab: [ny][nx/np]
assert m["plot_corners"]["chunk"] == [7, 6], m["plot_corners"]["chunk"]  # + the last corner column
EOF
# Deflate shrinks the checkpoint against the same chunks uncompressed (ok2:
# collective, slab chunks; ok13: the same with deflate 6); file_bytes shows it.
"$PY" - "$SCRATCH/ok2.json" "$SCRATCH/ok13.json" <<'EOF' || fail "deflate did not shrink the checkpoint"
import json, sys
plain, packed = (json.load(open(f))["measurements"][0] for f in sys.argv[1:3])
assert packed["chunk"] == plain["chunk"] and packed["data_bytes"] == plain["data_bytes"]
assert packed["file_bytes"] < plain["file_bytes"], (packed["file_bytes"], plain["file_bytes"])
EOF

refused() {  # refused KEY-IN-MESSAGE ARGS...
  local key=$1
  shift
  n=$((n + 1))
  local dir="$SCRATCH/bad$n"
  run 2 bench "$DECK" "${SMALL[@]}" --output-dir "$dir" "$@"
  [ "$RC" -eq 1 ] || { echo "$OUT" >&2; fail "$*: exit code $RC, expected 1"; }
  [ "$(printf '%s\n' "$OUT" | grep -c '^slabhydro: error: ')" -eq 1 ] ||
    { echo "$OUT" >&2; fail "$*: expected exactly one error line"; }
  printf '%s\n' "$OUT" | grep '^slabhydro: error: ' | grep -F -- "$key" >/dev/null ||
    { echo "$OUT" >&2; fail "$*: the message does not name $key"; }
  [ ! -e "$dir" ] || fail "$*: refused, but $dir was created"
  echo "refused: $* -> $(printf '%s\n' "$OUT" | grep '^slabhydro: error: ')"
}

refused "io.deflate: compression needs a chunked layout" --set io.deflate=1 --set io.chunk=none
refused "io.deflate: compression needs a chunked layout" --set io.deflate=1 --set io.mode=serial \
  --set io.chunk=none
refused "io.szip: compression needs a chunked layout" --set io.szip=8 --set io.mode=serial \
  --set io.chunk=none
refused "only collectively" --set io.deflate=1 --set io.chunk=slab --set io.mode=independent
refused "only collectively" --set io.szip=4 --set io.chunk=slab --set io.mode=independent
refused "io.szip: parallel HDF5" --set io.szip=4 --set io.chunk=slab
refused "io.szip: io.deflate and io.szip are alternatives" --set io.szip=4 --set io.deflate=1 --set io.chunk=slab --set io.mode=serial
refused "io.deflate" --set io.deflate=10 --set io.chunk=slab
refused "io.szip: must be 0 (off) or an even number" --set io.szip=7 --set io.chunk=slab
[[ $VERSION == *"szip yes"* ]] && refused "io.szip: szip codes blocks of 16 values" --set io.szip=16 --set io.chunk=4x3 --set io.mode=serial
refused "io.chunk" --set io.chunk=3by3
refused "bench.chunk: no longer a key: it is now io.chunk" --set bench.chunk=slab
refused "bench.deflate: no longer a key: it is now io.deflate" --set bench.deflate=1
refused "unknown key" --set bench.scaling=strong
refused "bench.nx" --set bench.nx=-40
refused "fewer than bench.ng" --set bench.nx=3
refused "narrower than bench.ng" --set bench.nx_per_rank=1
refused "io.mode" --set io.mode=posix
refused "mesh.nx: not a key of slabhydro bench" --set mesh.nx=10
refused "unknown key; did you mean bench.repetitions?" --set bench.repetiton=2
refused "unknown option '--restart' for bench" --restart latest
refused "cannot write the JSON report" --json "$SCRATCH/no/such/dir/r.json"
refused "cannot write the CSV report" --csv "$SCRATCH/no/such/dir/r.csv"
echo "PASS: $n bench option combinations, allowed ones verified, disallowed ones refused"
