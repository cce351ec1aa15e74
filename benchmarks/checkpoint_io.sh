#!/usr/bin/env bash
# Checkpoint write and restart read bandwidth of slabhydro, for each transfer
# mode (io.mode), Open MPI MPI-IO component (ompio | romio321) and
# io.alignment, beside dd of the same size to the same directory.
#
#   benchmarks/checkpoint_io.sh BIN DIR [N=2048] [NP=2] [REPS=5] [VARIANTS]
#
# Writes: `slabhydro run inputs/sedov.yaml` with mesh N x N and time.nlim=0,
# whose only output is the final checkpoint (4 x N x N float64); the line
# "checkpoint ...: B bytes in S s (sync Y s), R MiB/s" times open -> write ->
# flush (MPI_File_sync) -> close -> fsync -> rename -> directory fsync; Y is
# the part from the flush on, so B / (S - Y) is the data path into the page
# cache (reported as "before sync").
# Reads: a restart from that file (time.nlim=0), after its pages were dropped
# from the page cache (dd iflag=nocache), so the disk is read.
# Baseline: dd bs=4M conv=fdatasync of the same bytes, then a cold dd read.
# Variants are interleaved in a different order every repetition (disk
# timings drift); the table gives min / median / max MiB/s per variant and
# the raw numbers go to DIR/results.csv.
# VARIANTS: space-separated mode:component:alignment triples (default: all);
# component: ompio, romio321, ompio+vulcan (OMPIO with fcoll=vulcan) or -
# (Open MPI's default).
set -euo pipefail
BIN=${1:?usage: checkpoint_io.sh BIN DIR [N] [NP] [REPS] [VARIANTS]}
DIR=${2:?usage: checkpoint_io.sh BIN DIR [N] [NP] [REPS] [VARIANTS]}
N=${3:-2048}
NP=${4:-2}
REPS=${5:-5}
SRC=$(cd "$(dirname "$0")/.." && pwd)
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export OMPI_MCA_rmaps_base_oversubscribe=1
MPIEXEC=${MPIEXEC:-mpiexec}

VARIANTS=${6:-"collective:ompio:0 collective:ompio:1048576 collective:romio321:0
collective:romio321:1048576 collective:ompio+vulcan:0 collective:ompio+vulcan:1048576
independent:ompio:0 independent:ompio:1048576
independent:romio321:0 independent:romio321:1048576 serial:-:0 serial:-:1048576 dd:-:-"}

mkdir -p "$DIR"
CSV=$DIR/results.csv
echo "rep,variant,write_mib_s,read_mib_s,bytes,write_before_sync_mib_s" >"$CSV"

rate() {  # "B bytes in S s" line -> MiB/s
  sed -n 's/.*: \([0-9]*\) bytes in \([0-9.]*\) s.*/\1 \2/p' | awk '{printf "%.1f", $1 / 1048576 / $2}'
}
unsynced_rate() {  # "B bytes in S s (sync Y s)" -> MiB/s of S - Y: the data path before the sync
  sed -n 's/.*: \([0-9]*\) bytes in \([0-9.]*\) s (sync \([0-9.]*\) s).*/\1 \2 \3/p' |
    awk '{printf "%.1f", $1 / 1048576 / ($2 - $3)}'
}
dd_rate() {  # dd's summary line -> MiB/s
  awk '/bytes/ && /copied/ {for (i = 1; i <= NF; ++i) if ($i == "copied,") s = $(i + 1); printf "%.1f", $1 / 1048576 / s}'
}
evict() { dd if="$1" iflag=nocache count=0 status=none; }

one() {  # one(rep, variant): one write and one cold read
  local rep=$1 v=$2 mode comp align out log w r bytes u=-
  IFS=: read -r mode comp align <<<"$v"
  out=$DIR/run
  rm -rf "$out"
  mkdir -p "$out"
  if [ "$mode" = dd ]; then
    bytes=$((4 * N * N * 8))
    w=$(dd if=/dev/zero of="$out/dd.bin" bs=4M count=$(((bytes + 4194303) / 4194304)) conv=fdatasync 2>&1 | dd_rate)
    evict "$out/dd.bin"
    r=$(dd if="$out/dd.bin" of=/dev/null bs=4M 2>&1 | dd_rate)
  else
    local env=(env)
    case $comp in
      -) ;;
      ompio+vulcan) env+=(OMPI_MCA_io=ompio OMPI_MCA_fcoll=vulcan) ;;
      *) env+=(OMPI_MCA_io="$comp") ;;
    esac
    local args=(--set mesh.nx="$N" --set mesh.ny="$N" --set time.nlim=0 --set io.mode="$mode"
                --set io.alignment="$align" --output-dir "$out")
    log=$("${env[@]}" "$MPIEXEC" -n "$NP" "$BIN" run "$SRC/inputs/sedov.yaml" "${args[@]}")
    w=$(grep '^checkpoint ' <<<"$log" | rate)
    u=$(grep '^checkpoint ' <<<"$log" | unsynced_rate)
    bytes=$(grep '^checkpoint ' <<<"$log" | sed -n 's/.*: \([0-9]*\) bytes.*/\1/p')
    evict "$out/sedov_chk_000000.h5"
    log=$("${env[@]}" "$MPIEXEC" -n "$NP" "$BIN" run "$SRC/inputs/sedov.yaml" "${args[@]}" \
          --restart "$out/sedov_chk_000000.h5")
    r=$(grep '^restart read ' <<<"$log" | rate)
  fi
  echo "$rep,$v,$w,$r,$bytes,$u" >>"$CSV"
  printf '  rep %d  %-34s write %8s MiB/s (before sync %8s)  read %8s MiB/s\n' "$rep" "$v" "$w" "$u" "$r"
}

for rep in $(seq 1 "$REPS"); do
  echo "repetition $rep of $REPS (load average: $(cut -d" " -f1-3 /proc/loadavg))"
  for v in $(tr ' ' '\n' <<<"$VARIANTS" | grep . | shuf); do one "$rep" "$v"; done
done
rm -rf "$DIR/run"

echo
echo "checkpoint of ${N}x${N} (4 float64 fields) on $NP ranks, $REPS repetitions, MiB/s"
printf '%-34s %28s   %28s   %28s\n' "mode:mpi-io:alignment" "write min / median / max" \
  "read min / median / max" "before sync min / med / max"
for v in $(tr ' ' '\n' <<<"$VARIANTS" | grep .); do
  stats() {  # column -> "min / median / max"
    grep ",$v," "$CSV" | cut -d, -f"$1" | grep -v '^-$' | sort -g |
      awk '{a[NR] = $1} END {if (!NR) {printf "%28s", "-"; exit}
                             m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2;
                             printf "%8.1f / %8.1f / %8.1f", a[1], m, a[NR]}'
  }
  printf '%-34s %28s   %28s   %28s\n' "$v" "$(stats 3)" "$(stats 4)" "$(stats 6)"
done
