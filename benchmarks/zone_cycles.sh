#!/usr/bin/env bash
# Solver throughput: zone-cycles per second of Kelvin-Helmholtz (PLM + HLLC,
# SSP-RK2) on 1 and 2 ranks, interleaved and repeated, with min/median/max and
# the share of time in halo exchange. Prints a table and writes JSON.
#   bash benchmarks/zone_cycles.sh [BINARY] [N] [STEPS] [REPEATS] [JSON]
# defaults: build/app/slabhydro 512 100 5 zone_cycles.json
set -euo pipefail
BIN=${1:-build/app/slabhydro}
N=${2:-512}
STEPS=${3:-100}
REPS=${4:-5}
JSON=${5:-zone_cycles.json}
DECK=$(dirname "$0")/../inputs/kelvin_helmholtz.yaml
[ -x "$BIN" ] || { echo "zone_cycles.sh: no executable at $BIN (build first: bash dev.sh build)" >&2; exit 2; }
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for r in $(seq "$REPS"); do
  for np in 1 2; do
    out=$(mpirun -np "$np" "$BIN" run "$DECK" --set mesh.nx="$N" --set mesh.ny="$N" \
          --set time.nlim="$STEPS" --set output.progress_interval=1e9 \
          --output-dir "$tmp/run_${r}_$np")
    zc=$(sed -n 's/.*performance: \([0-9.e+-]*\) zone-cycles.*/\1/p' <<<"$out")
    halo=$(sed -n 's/.*halo exchange [0-9.]*s (\([0-9.]*\)%).*/\1/p' <<<"$out")
    echo "$np $zc $halo" >>"$tmp/samples"
  done
done
python3 - "$tmp/samples" "$N" "$STEPS" "$REPS" "$JSON" <<'PY'
import json, statistics, sys
samples, n, steps, reps, path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
rows = [l.split() for l in open(samples)]
out = {"problem": "kelvin_helmholtz", "nx": n, "ny": n, "steps": steps, "repeats": reps, "ranks": {}}
print(f"kelvin_helmholtz {n}x{n}, {steps} steps, {reps} repeats (interleaved)")
print(f"{'ranks':>5} {'zc/s min':>12} {'median':>12} {'max':>12} {'per rank (med)':>15} {'halo % (med)':>13}")
for np in sorted({int(r[0]) for r in rows}):
    zc = [float(r[1]) for r in rows if int(r[0]) == np]
    halo = [float(r[2]) for r in rows if int(r[0]) == np]
    med = statistics.median(zc)
    out["ranks"][str(np)] = {"zone_cycles_per_s": {"min": min(zc), "median": med, "max": max(zc)},
                             "halo_percent_median": statistics.median(halo), "samples": zc}
    print(f"{np:>5} {min(zc):12.4e} {med:12.4e} {max(zc):12.4e} {med/np:15.4e} {statistics.median(halo):13.1f}")
json.dump(out, open(path, "w"), indent=2)
print(f"JSON: {path}")
PY
