#!/usr/bin/env bash
# Seed corpora and dictionaries of the fuzz targets, made afresh each time
# (nothing binary is checked in):
#   make_seeds.sh SLABHYDRO_BINARY SOURCE_DIR OUT_DIR [FIXED_STRINGS_BINARY]
#   OUT_DIR/deck/        every deck in inputs/ and tests/io/decks/, alone and
#                        with a few NUL-separated --set strings after it
#   OUT_DIR/checkpoint/  real checkpoints and plot files, written by running
#                        SLABHYDRO_BINARY on tiny meshes (a few KB each), and
#                        with FIXED_STRINGS_BINARY (fixed_strings.cpp) a copy
#                        of each with fixed-length string attributes
#   OUT_DIR/deck.dict, OUT_DIR/checkpoint.dict  libFuzzer dictionaries
set -euo pipefail
bin=$1 src=$2 out=$3 fixed=${4:-}
rm -rf "$out"
mkdir -p "$out/deck" "$out/checkpoint"

# --- decks ------------------------------------------------------------------
sets=(
  ''
  'mesh.nx=8|mesh.ny=4|time.nlim=3'
  'hydro.cfl=0.8|hydro.riemann=hlle|io.hints={cb_buffer_size: 16777216}'
  'time.wall_limit=1-00:30:00|checkpoint.every_steps=1|plot.every_time=0.01'
  'problem.name=kelvin_helmholtz|boundary.x1_inner=periodic|io.mode=serial'
)
for deck in "$src"/inputs/*.yaml "$src"/tests/io/decks/*.yaml; do
  [ -f "$deck" ] || continue
  name=$(basename "$deck" .yaml)
  for k in "${!sets[@]}"; do
    {
      cat "$deck"
      if [ -n "${sets[$k]}" ]; then
        IFS='|' read -r -a parts <<<"${sets[$k]}"
        for s in "${parts[@]}"; do printf '\0%s' "$s"; done
      fi
    } >"$out/deck/${name}_$k"
  done
done

# Every key of the schema, whole and by section and leaf, and YAML syntax.
{
  for t in '": "' '"- "' '"{"' '"}"' '"["' '"]"' '", "' '"&a "' '"*a"' '"!!str "' '"? "' \
           '"|\x0a"' '">\x0a"' '"---\x0a"' '"..."' '"~"' '"null"' '"true"' '"0x"' '"1e400"' '".nan"' \
           '".inf"' '"-.inf"' '"\x00"' '"="' '"<<: "' '"%YAML 1.2\x0a"' '"#"'; do
    echo "$t"
  done
  { "$bin" keys run; "$bin" keys bench; } 2>/dev/null | awk '{ print $1 }' | sort -u | while read -r key; do
    echo "\"$key=\""
    echo "\"${key%%.*}:\""
    echo "\"${key#*.}: \""
  done | sort -u
} >"$out/deck.dict"

# --- checkpoints and plot files -----------------------------------------------
run_dir="$out/runs"
mkdir -p "$run_dir"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
tiny=(--set time.nlim=2 --set checkpoint.every_steps=1 --set plot.every_steps=1
      --set checkpoint.keep=2 --set output.progress_interval=100)
k=0
run() {  # run DECK ARGS...: one tiny run, its .h5 files copied as seeds
  local deck=$1
  shift
  k=$((k + 1))
  local dir="$run_dir/run$k"
  if ! "$bin" run "$src/inputs/$deck.yaml" "${tiny[@]}" "$@" --output-dir "$dir" \
      >"$dir.log" 2>&1; then
    echo "make_seeds.sh: seed run $k failed: $bin run inputs/$deck.yaml $* (log: $dir.log)" >&2
    tail -20 "$dir.log" >&2
    exit 1
  fi
  for f in "$dir"/*.h5; do cp "$f" "$out/checkpoint/run${k}_$(basename "$f")"; done
}
run sod --set mesh.nx=8 --set mesh.ny=4 --set io.alignment=0
run sod --set mesh.nx=4 --set mesh.ny=2 --set io.mode=serial --set io.alignment=0
run sod --set mesh.nx=6 --set mesh.ny=3 --set io.mode=independent
run sedov --set mesh.nx=6 --set mesh.ny=6 --set problem.radius=0.3 --set io.alignment=0 \
    --set hydro.integrator=vl2
run kelvin_helmholtz --set mesh.nx=4 --set mesh.ny=4 --set io.alignment=0
# Chunked and compressed fields (io.chunk, io.deflate, io.szip): the reader's
# chunk and filter checks.
run sod --set mesh.nx=8 --set mesh.ny=4 --set io.alignment=0 --set io.chunk=2x3 --set io.deflate=1
if [[ $("$bin" --version) == *"szip yes"* ]]; then
  run sod --set mesh.nx=8 --set mesh.ny=4 --set io.alignment=0 --set io.chunk=slab \
      --set io.mode=serial --set io.szip=4
fi
rm -rf "$run_dir"
if [ -n "$fixed" ]; then
  for f in "$out"/checkpoint/run*.h5; do
    "$fixed" "$f" "$out/checkpoint/fixed_$(basename "$f")" ||
      { echo "make_seeds.sh: $fixed failed on $f" >&2; exit 1; }
  done
fi

# Names of the file format: attributes, datasets, values, HDF5 signatures.
{
  for t in '"\x89HDF\x0d\x0a\x1a\x0a"' '"OHDR"' '"OCHK"' '"TREE"' '"HEAP"' '"SNOD"' '"GCOL"' \
           '"FRHP"' '"FHDB"' '"FSHD"' '"BTHD"' '"BTLF"' '"slabhydro-checkpoint"' \
           '"slabhydro-plot"' '"/fields/dens"' '"/fields/momx"' '"/fields/momy"' \
           '"/fields/ener"' '"/fields/velx"' '"/fields/vely"' '"/fields/pres"' \
           '"/coordinates/x"' '"/coordinates/y"' '"\xff\xff\xff\xff\xff\xff\xff\xff"' \
           '"\x00\x00\x00\x00\x00\x00\x00\x00"' '"\x00\x00\x00\x80"' '"\xff\xff\xff\x7f"'; do
    echo "$t"
  done
  # Attribute names as the readers spell them, and every name a seed holds.
  cat "$src"/io/*.cpp "$src"/io/*.hpp | grep -o 'attribute([^"]*"[a-z_0-9]*"' |
    grep -o '"[a-z_0-9]*"' || true
  strings -n 4 "$out"/checkpoint/* 2>/dev/null | grep -x '[a-z_0-9]\{2,24\}' |
    sed 's/.*/"&"/' || true
} | sort -u >"$out/checkpoint.dict"

echo "make_seeds.sh: $(ls "$out/deck" | wc -l) deck seeds, $(ls "$out/checkpoint" | wc -l) HDF5 seeds" \
     "(largest $(wc -c "$out"/checkpoint/* | sort -n | tail -2 | head -1 | awk '{print $1}') bytes) in $out"
