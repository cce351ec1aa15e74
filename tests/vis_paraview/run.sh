# vis_paraview: the plot files' XDMF sidecars and the series <basename>_plt.xmf
# open in ParaView's three XDMF readers (XDMFReader, Xdmf3ReaderS,
# Xdmf3ReaderT) as a 2-D picture of nx*ny cells with a time axis
# (render_check.py, under pvbatch and a private Xvfb: xvfb.sh). Tiny Sedov runs: 1 rank, 2 ranks,
# and a restart from an older checkpoint whose series must leave out the plot
# files moved into superseded/. The old 2DRectMesh sidecar must fail the
# check (ParaView's legacy reader draws it as a line).
# Usage: run.sh SLABHYDRO_BINARY SCRATCH_DIR. Exit 77: skipped (no ParaView).
set -euo pipefail
BIN=$1
WORK=$2/work
SRC=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$SRC/tests/vis_paraview
MPIEXEC=${MPIEXEC:-mpiexec}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# ParaView's headless tools (Debian 12: paraview python3-paraview xvfb).
if ! command -v pvbatch >/dev/null || ! command -v Xvfb >/dev/null; then
  packages=(paraview python3-paraview xvfb)
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y "${packages[@]}" >apt.log 2>&1 ||
      { apt-get update >>apt.log 2>&1 && apt-get install -y "${packages[@]}" >>apt.log 2>&1; } ||
      { tail -n 20 apt.log; echo "cannot install ${packages[*]}: skipped"; exit 77; }
  else
    echo "pvbatch or Xvfb not found (apt-get install ${packages[*]}): skipped"
    exit 77
  fi
fi

NX=32 NY=24
DOMAIN=(-0.5 0.5 -0.5 0.5)  # inputs/sedov.yaml
SET=(--set "mesh.nx=$NX" --set "mesh.ny=$NY" --set plot.every_steps=5)
run() {
  local np=$1 log=$2
  shift 2
  "$MPIEXEC" -n "$np" "$BIN" run "$SRC/inputs/sedov.yaml" "${SET[@]}" "$@" >"$log" 2>&1 ||
    { cat "$log" >&2; fail "slabhydro run $* on $np rank(s) failed"; }
}
# shellcheck source=tests/vis_paraview/xvfb.sh
source "$HERE/xvfb.sh"
trap xvfb_stop EXIT
# render LOG ARGS: render_check.py under pvbatch on the private Xvfb. A lost
# X connection is the display's fault, not the files': one new server, once.
render() {
  local log=$1
  shift
  local pv=(timeout 300 pvbatch "$HERE/render_check.py" --nx "$NX" --ny "$NY"
    --domain "${DOMAIN[@]}" --png-dir png "$@")
  [ -n "$XVFB_PID" ] || xvfb_start xvfb.log || fail "Xvfb gave no display (xvfb.log above)"
  "${pv[@]}" >"$log" 2>&1 && return 0
  grep -q "bad X server connection" "$log" || return 1
  { echo "render: the X connection failed; a new Xvfb, once:"; cat xvfb.log; } >&2
  xvfb_start xvfb.log || fail "Xvfb gave no display (xvfb.log above)"
  "${pv[@]}" >"$log" 2>&1
}
# series_steps FILE: the plot files the series lists, "0 5 10".
series_steps() {
  /usr/bin/python3 - "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
grids = ET.parse(sys.argv[1]).getroot().findall("./Domain/Grid/Grid")
print(" ".join(str(int(g.get("Name").rsplit("_", 1)[1])) for g in grids))
PY
}

run 1 serial.log --set time.nlim=15 --output-dir serial
run 2 mpi.log --set time.nlim=15 --output-dir mpi
expect_steps() {  # expect_steps SERIES "0 5 10"
  [ "$(series_steps "$1")" = "$2" ] || fail "$1 lists steps $(series_steps "$1"), want $2"
}
expect_steps serial/sedov_plt.xmf "0 5 10 15"
expect_steps mpi/sedov_plt.xmf "0 5 10 15"
cmp -s <(sed /lineage/d serial/sedov_plt.xmf) <(sed /lineage/d mpi/sedov_plt.xmf) ||
  fail "the series of 1 and 2 ranks differ (beyond the lineage)"

# A restart from step 10 of a run that went to 20: plot files 15 and 20 go
# to superseded/, the restart writes 15 again; the series lists 0..15.
run 2 long.log --set time.nlim=20 --set checkpoint.every_steps=10 --output-dir restart
expect_steps restart/sedov_plt.xmf "0 5 10 15 20"
run 2 restart.log --set time.nlim=15 --output-dir restart --restart restart/sedov_chk_000010.h5
ls restart/superseded/*/sedov_plt_000020.xmf >/dev/null || fail "plot 20 was not moved aside"
expect_steps restart/sedov_plt.xmf "0 5 10 15"

render good.log --sidecar serial/sedov_plt_000010.xmf --sidecar mpi/sedov_plt_000015.xmf \
  --series mpi/sedov_plt.xmf --series restart/sedov_plt.xmf --plots 4 ||
  { cat good.log; fail "ParaView does not show the XDMF output as it should"; }
cat good.log
[ "$(grep -c ' OK$' good.log)" = 12 ] || fail "want 12 reader checks OK (4 files, 3 readers)"

# The old sidecar (a 2DRectMesh): the legacy reader draws it as a line.
h5=sedov_plt_000010.h5
cat >mpi/old.xmf <<XML
<?xml version="1.0" ?>
<Xdmf Version="2.0"><Domain><Grid Name="mesh" GridType="Uniform">
  <Time Value="0.01"/>
  <Topology TopologyType="2DRectMesh" NumberOfElements="$((NY + 1)) $((NX + 1))"/>
  <Geometry GeometryType="VXVY">
  <DataItem Dimensions="$((NX + 1))" Precision="8" Format="HDF">$h5:/coordinates/x_nodes</DataItem>
  <DataItem Dimensions="$((NY + 1))" Precision="8" Format="HDF">$h5:/coordinates/y_nodes</DataItem>
  </Geometry>
  <Attribute Name="dens" AttributeType="Scalar" Center="Cell">
    <DataItem Dimensions="$NY $NX" Precision="4" Format="HDF">$h5:/fields/dens</DataItem>
  </Attribute>
</Grid></Domain></Xdmf>
XML
if render old.log --sidecar mpi/old.xmf --plots 1; then
  cat old.log
  fail "render_check.py accepted the old 2DRectMesh sidecar"
fi
grep -q "FAIL: XDMFReader .*nearly one colour" old.log ||
  { cat old.log; fail "render_check.py did not find the old sidecar's line"; }
echo "vis_paraview: OK"
