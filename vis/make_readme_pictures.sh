#!/usr/bin/env bash
# Makes the README's pictures (docs/images/*.png) from real runs with the plot
# tool: a Sedov blast (density, log scale), a Kelvin-Helmholtz shear layer
# (density), and the Sedov run's history.
#   bash vis/make_readme_pictures.sh [BINARY]     (default build/app/slabhydro)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-build/app/slabhydro}
[ -x "$BIN" ] || { echo "make_readme_pictures.sh: no executable $BIN (bash dev.sh build)" >&2; exit 2; }
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PLOT="/usr/bin/python3 vis/slabhydro_plot.py"
mpirun -np 2 "$BIN" run inputs/sedov.yaml --output-dir "$tmp/sedov" --set mesh.nx=128 \
  --set mesh.ny=128 --set output.history_every=10 >"$tmp/sedov.log"
last=$(ls "$tmp"/sedov/sedov_chk_*.h5 | tail -1)
$PLOT "$last" --field dens --log --out docs/images/sedov_dens.png
$PLOT "$tmp/sedov/sedov.hst" --columns mass,energy,dt --out docs/images/sedov_history.png
mpirun -np 2 "$BIN" run inputs/kelvin_helmholtz.yaml --output-dir "$tmp/kh" --set mesh.nx=128 \
  --set mesh.ny=128 --set time.tlim=4.0 >"$tmp/kh.log"
last=$(ls "$tmp"/kh/kh_chk_*.h5 | tail -1)
$PLOT "$last" --field dens --cmap RdBu_r --out docs/images/kh_dens.png
