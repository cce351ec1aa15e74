#!/usr/bin/env bash
# The whole I/O matrix of slabhydro in one run, every variant interleaved (a
# new random order each repetition) and repeated, with the raw numbers and
# min / median / max per variant in one JSON file and a summary table.
#
#   benchmarks/io_matrix.sh BIN DIR [REPS=5]
#
# Bandwidth part: `slabhydro bench` (bench.repetitions=1 per call, so the
# repetitions are this script's, interleaved with the other variants) for
# every transfer mode x layout x rank count. Each call measures the HDF5 file
# and a plain MPI-IO write (and cold read) of the same bytes in the same run;
# the ratio HDF5 / MPI-IO of that call is the figure (disk speed here swings
# several-fold between runs: only ratios within one run mean something).
# Layouts: none (contiguous), slab (one chunk per slab), slab+dN (gzip level
# N; not with io.mode independent, which HDF5 cannot filter). The layout keys
# are io.chunk / io.deflate where `slabhydro keys bench` lists them, else
# bench.chunk / bench.deflate.
# Async part: `slabhydro run inputs/kelvin_helmholtz.yaml` on an NxN mesh for
# STEPS steps with a checkpoint every EVERY steps, checkpoint.async false and
# true, and a run with only the final checkpoint ("none"). From each line
# "checkpoint PATH: B bytes in S s (sync Y s), R MiB/s, time loop X s" it
# keeps X (the time loop's cost of that checkpoint; S where the line has no
# "time loop"), the final checkpoint excluded; loop cost ratio per rank count
# = median X(async) / median X(sync). Wall: the run's own "time: total" and
# the script's clock around mpiexec. Without checkpoint.async in `slabhydro
# keys run` the async variants are skipped and the JSON says so.
# Layouts part: the trade-off of io.chunk / io.deflate on real data. For
# each size N of LY_SIZES a Kelvin-Helmholtz run of LY_STEPS steps on an NxN
# mesh makes a checkpoint once; then per layout of LY_LAYOUTS and
# repetition, a restart from it on LY_RANKS ranks steps once and writes a
# checkpoint in that layout (file size, write time), its pages are dropped
# from the page cache, and a second restart reads it cold (read time). Rates
# are of the data (4 x N x N float64), so a compressed file's rate counts
# the bytes it stands for.
#
# Environment (defaults in brackets):
#   RANKS ["1 2 4"]  MODES ["collective independent serial"]
#   LAYOUTS ["none slab slab+d1"]  NX_PER_RANK [512]  NY [256] (bench slab;
#   512 x 256: a 2 MiB plot file and a 24 MiB checkpoint per rank)
#   PARTS ["bandwidth async layouts"]  ASYNC_N [1024]  STEPS [40]  EVERY [10]
#   LY_SIZES ["512 2048"]  LY_LAYOUTS ["none slab slab+d1 slab+d6"]
#   LY_RANKS [2]  LY_STEPS [50]
#   MPIEXEC [srun inside a Slurm job, else mpiexec]  PYTHON [python3]
# Output: DIR/io_matrix.json (schema slabhydro-io-matrix 1: environment,
# config, every raw figure, stats min/median/max/n per variant, skipped
# variants with the reason), DIR/summary.md (also printed), DIR/raw/ (every
# bench JSON and run log). Under Slurm: run it inside an allocation
# (salloc/sbatch); srun -n NP starts each rank count.
set -euo pipefail
usage="usage: io_matrix.sh BIN DIR [REPS]"
BIN=${1:?$usage}
DIR=${2:?$usage}
REPS=${3:-5}
SRC=$(cd "$(dirname "$0")/.." && pwd)
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export OMPI_MCA_rmaps_base_oversubscribe=1
if [ -z "${MPIEXEC:-}" ]; then
  if [ -n "${SLURM_JOB_ID:-}" ] && command -v srun >/dev/null; then MPIEXEC=srun; else MPIEXEC=mpiexec; fi
fi
RANKS=${RANKS:-"1 2 4"}
MODES=${MODES:-"collective independent serial"}
LAYOUTS=${LAYOUTS:-"none slab slab+d1"}
NX_PER_RANK=${NX_PER_RANK:-512}
NY=${NY:-256}
PARTS=${PARTS:-"bandwidth async layouts"}
LY_SIZES=${LY_SIZES:-"512 2048"}
LY_LAYOUTS=${LY_LAYOUTS:-"none slab slab+d1 slab+d6"}
LY_RANKS=${LY_RANKS:-2}
LY_STEPS=${LY_STEPS:-50}
ASYNC_N=${ASYNC_N:-1024}
STEPS=${STEPS:-40}
EVERY=${EVERY:-10}
PYTHON=${PYTHON:-python3}

mkdir -p "$DIR/raw"
DIR=$(cd "$DIR" && pwd)
MANIFEST=$DIR/raw/manifest.tsv
NOTES=$DIR/raw/notes.txt
: >"$MANIFEST"
: >"$NOTES"
note() { echo "note: $*"; echo "$*" >>"$NOTES"; }

has_key() {  # has_key COMMAND KEY: `slabhydro keys COMMAND` lists KEY
  local keys  # (not piped into grep -q, whose early exit would fail the pipe)
  keys=$("$BIN" keys "$1" 2>/dev/null) || return 1
  grep -qE "(^|[^a-z_.])${2//./\\.}([^a-z_.]|$)" <<<"$keys"
}
if has_key bench io.chunk; then CHUNK_KEY=io.chunk DEFLATE_KEY=io.deflate
else
  CHUNK_KEY=bench.chunk DEFLATE_KEY=bench.deflate
  note "io.chunk is not a bench key here: layouts set through bench.chunk / bench.deflate"
fi
ASYNC_OK=0
if has_key run checkpoint.async; then ASYNC_OK=1; fi

# The variants: bw:MODE:LAYOUT:NP and ck:WHAT:NP (WHAT none | sync | async).
VARIANTS=()
if [[ " $PARTS " == *" bandwidth "* ]]; then
  for np in $RANKS; do for mode in $MODES; do for layout in $LAYOUTS; do
    if [ "$mode" = independent ] && [[ $layout == *+d* ]]; then
      note "skipped bw:$mode:$layout:$np: HDF5 writes filtered datasets only collectively"
      continue
    fi
    VARIANTS+=("bw:$mode:$layout:$np")
  done; done; done
fi
if [[ " $PARTS " == *" async "* ]]; then
  [ "$ASYNC_OK" = 1 ] || note "skipped the async variants: 'slabhydro keys run' has no checkpoint.async"
  for np in $RANKS; do
    VARIANTS+=("ck:none:$np" "ck:sync:$np")
    [ "$ASYNC_OK" = 1 ] && VARIANTS+=("ck:async:$np")
  done
fi

if [[ " $PARTS " == *" layouts "* ]]; then
  for n in $LY_SIZES; do for layout in $LY_LAYOUTS; do
    VARIANTS+=("ly:$layout:$n:$LY_RANKS")
  done; done
fi

layout_args() {  # layout_args LAYOUT: the --set options of a layout
  local chunk=${1%%+*} deflate=0
  [[ $1 == *+d* ]] && deflate=${1##*+d}
  echo "--set $CHUNK_KEY=$chunk"
  [ "$deflate" -gt 0 ] && echo "--set $DEFLATE_KEY=$deflate"
  return 0
}

KH=$SRC/inputs/kelvin_helmholtz.yaml
ly_source() {  # ly_source N: the path of the step-LY_STEPS checkpoint of KH NxN (made once)
  local d=$DIR/ly_source_$1 f
  f=$d/$(printf 'kh_chk_%06d.h5' "$LY_STEPS")
  if [ ! -f "$f" ]; then
    "$MPIEXEC" -n "$LY_RANKS" "$BIN" run "$KH" --set mesh.nx="$1" --set mesh.ny="$1" \
      --set time.nlim="$LY_STEPS" --output-dir "$d" </dev/null >"$d.log" 2>&1
  fi
  echo "$f"
}
ly_one() {  # ly_one LAYOUT N NP OUT: write in LAYOUT (OUT.log), then read it cold (OUT.read.log)
  local src next w=$DIR/work
  src=$(ly_source "$2")
  next=$w/$(printf 'kh_chk_%06d.h5' $((LY_STEPS + 1)))
  cp "$src" "$w/"
  # shellcheck disable=SC2046
  "$MPIEXEC" -n "$3" "$BIN" run "$KH" --set mesh.nx="$2" --set mesh.ny="$2" --output-dir "$w" \
    --restart "$w/${src##*/}" --set time.nlim=$((LY_STEPS + 1)) $(layout_args "$1") \
    </dev/null >"$4.log" 2>&1 || return
  if ! dd if="$next" iflag=nocache count=0 status=none 2>/dev/null && [ -z "${LY_WARM_NOTED:-}" ]; then
    note "layouts: dd could not drop the page cache of a written checkpoint: its read may be warm"
    LY_WARM_NOTED=1
  fi
  "$MPIEXEC" -n "$3" "$BIN" run "$KH" --set mesh.nx="$2" --set mesh.ny="$2" --output-dir "$w" \
    --restart "$next" --set time.nlim=$((LY_STEPS + 1)) </dev/null >"$4.read.log" 2>&1
}

one() {  # one REP VARIANT: one measurement, recorded in the manifest
  local rep=$1 v=$2 kind a b np out t0 t1 rc=0
  IFS=: read -r kind a b np <<<"$v"
  [ "$kind" = ck ] && np=$b
  out=$DIR/raw/${v//:/_}_rep$rep
  rm -rf "$DIR/work"
  mkdir -p "$DIR/work"
  t0=$(date +%s.%N)
  if [ "$kind" = bw ]; then
    # shellcheck disable=SC2046
    "$MPIEXEC" -n "$np" "$BIN" bench "$SRC/inputs/flashio.yaml" --set bench.repetitions=1 \
      --set bench.nx_per_rank="$NX_PER_RANK" --set bench.ny="$NY" --set io.mode="$a" \
      $(layout_args "$b") --output-dir "$DIR/work" --json "$out.json" </dev/null >"$out.log" 2>&1 || rc=$?
  elif [ "$kind" = ly ]; then
    ly_one "$a" "$b" "$np" "$out" || rc=$?
  else
    local args=(--set mesh.nx="$ASYNC_N" --set mesh.ny="$ASYNC_N" --set time.nlim="$STEPS"
                --output-dir "$DIR/work")
    [ "$a" != none ] && args+=(--set checkpoint.every_steps="$EVERY")
    [ "$ASYNC_OK" = 1 ] && args+=(--set checkpoint.async="$([ "$a" = async ] && echo true || echo false)")
    "$MPIEXEC" -n "$np" "$BIN" run "$SRC/inputs/kelvin_helmholtz.yaml" "${args[@]}" \
      </dev/null >"$out.log" 2>&1 || rc=$?
  fi
  t1=$(date +%s.%N)
  printf '%s\t%s\t%s\t%s\t%s\n' "$v" "$rep" "$out" "$rc" "$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')" >>"$MANIFEST"
  printf '  rep %d  %-28s exit %d\n' "$rep" "$v" "$rc"
}

START=$(date -u +%Y-%m-%dT%H:%M:%SZ)
echo "io_matrix: ${#VARIANTS[@]} variants x $REPS repetitions, ranks: $RANKS, MPIEXEC=$MPIEXEC"
for rep in $(seq 1 "$REPS"); do
  echo "repetition $rep of $REPS (load average: $(cut -d" " -f1-3 /proc/loadavg))"
  mapfile -t order < <(printf '%s\n' "${VARIANTS[@]}" | shuf)
  for v in "${order[@]}"; do one "$rep" "$v"; done
done
rm -rf "$DIR/work"

export IOM_DIR=$DIR IOM_START=$START IOM_BIN=$BIN IOM_REPS=$REPS IOM_RANKS=$RANKS
export IOM_MODES=$MODES IOM_LAYOUTS=$LAYOUTS IOM_NX_PER_RANK=$NX_PER_RANK IOM_NY=$NY
export IOM_ASYNC_N=$ASYNC_N IOM_STEPS=$STEPS IOM_EVERY=$EVERY IOM_MPIEXEC=$MPIEXEC
export IOM_CHUNK_KEY=$CHUNK_KEY IOM_ASYNC_OK=$ASYNC_OK IOM_PARTS=$PARTS
export IOM_LY_SIZES=$LY_SIZES IOM_LY_LAYOUTS=$LY_LAYOUTS IOM_LY_RANKS=$LY_RANKS IOM_LY_STEPS=$LY_STEPS
"$PYTHON" "$SRC/benchmarks/io_matrix_report.py"
