"""Checks slabhydro XDMF files, a plot file's sidecar or the series
<basename>_plt.xmf: each parses as XML, holds one temporal collection of
uniform grids (one for a sidecar) with increasing times, each grid a
3DRectMesh one cell thick (VXVYVZ: nx+1, ny+1 and 2 node coordinates) with
cell-centred attributes of Dimensions "1 ny nx", and every HDF path in it is
relative ("./NAME.h5:/dataset") and names an existing dataset of the stated
shape (a [ny][nx] dataset for "1 ny nx"), read with h5py if present, else with
h5ls. Usage: check_xdmf.py FILE.xmf... Exit 0 if all pass, 1 on a failure, 77
if neither h5py nor h5ls is available."""
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET


def shape_reader():
    try:
        import h5py  # noqa: F401

        def shape(h5, path):
            with h5py.File(h5, "r") as f:
                return tuple(f[path].shape) if path in f else None

        return shape
    except ImportError:
        pass
    if shutil.which("h5ls"):

        def shape(h5, path):
            out = subprocess.run(["h5ls", h5 + path], capture_output=True, text=True).stdout
            m = re.search(r"Dataset \{([0-9, ]+)\}", out)
            return tuple(int(x) for x in m.group(1).split(",")) if m else None

        return shape
    return None


def dims_of(item):
    return [int(d) for d in item.get("Dimensions").split()]


def check_grid(grid, errors):
    """The shape checks of one uniform grid (the datasets: check_data)."""
    name = grid.get("Name")
    topo = grid.find("Topology")
    kind = topo.get("TopologyType") if topo is not None else None
    if kind != "3DRectMesh":
        errors.append("%s: topology %s, not 3DRectMesh" % (name, kind))
        return
    nodes = [int(n) for n in topo.get("NumberOfElements").split()]
    if len(nodes) != 3 or nodes[0] != 2:
        errors.append("%s: NumberOfElements must be '2 ny+1 nx+1'" % name)
        return
    geom = grid.find("Geometry")
    if geom is None or geom.get("GeometryType") != "VXVYVZ":
        errors.append("%s: a 3DRectMesh needs GeometryType VXVYVZ" % name)
        return
    items = geom.findall("DataItem")
    if [dims_of(i) for i in items] != [[nodes[2]], [nodes[1]], [2]]:
        errors.append("%s: VXVYVZ node arrays must have nx+1, ny+1, 2 values" % name)
    elif items[2].get("Format") == "XML":
        z = [float(v) for v in items[2].text.split()]
        if len(z) != 2 or not z[1] > z[0]:
            errors.append("%s: z nodes %s are not one layer" % (name, z))
    cells = [1, nodes[1] - 1, nodes[2] - 1]
    attributes = grid.findall("Attribute")
    if not attributes:
        errors.append("%s: no attributes" % name)
    for a in attributes:
        if a.get("Center") != "Cell":
            errors.append("%s: attribute %s is not cell-centred" % (name, a.get("Name")))
        dims = dims_of(a.find("DataItem"))
        if dims != cells:
            errors.append("%s: attribute %s has Dimensions %s, cells are %s"
                          % (name, a.get("Name"), dims, cells))


def check_data(xmf, grid, shape, errors):
    for item in grid.iter("DataItem"):
        if item.get("Format") != "HDF":
            continue
        text = item.text.strip()
        h5, path = text.split(":", 1)
        if os.path.isabs(h5):
            errors.append("%s: an absolute file name (not relocatable)" % text)
        h5 = os.path.join(os.path.dirname(xmf), h5)
        want = tuple(dims_of(item))
        if not os.path.exists(h5):
            errors.append("%s: no file %s" % (text, h5))
            continue
        got = shape(h5, path)
        if got is None:
            errors.append("%s: no such dataset" % text)
        elif got != want and (1,) + tuple(got) != want:
            errors.append("%s: shape %s, the XDMF says Dimensions %s" % (text, got, want))
        precision = int(item.get("Precision"))
        if precision not in (4, 8):
            errors.append("%s: precision %d" % (text, precision))


def check(xmf, shape):
    """(errors, number of grids)."""
    errors = []
    root = ET.parse(xmf).getroot()  # raises on malformed XML
    if root.tag != "Xdmf":
        errors.append("root element is %s, not Xdmf" % root.tag)
    top = root.findall("./Domain/Grid")
    if len(top) != 1 or top[0].get("GridType") != "Collection" or \
            top[0].get("CollectionType") != "Temporal":
        errors.append("expected one temporal collection, found %d grid(s)" % len(top))
        return errors, 0
    grids = top[0].findall("Grid")
    if not grids or any(g.get("GridType") != "Uniform" for g in grids):
        errors.append("the collection must hold uniform grids")
        return errors, 0
    if not xmf.endswith("_plt.xmf") and len(grids) != 1:
        errors.append("a sidecar holds one grid, not %d" % len(grids))
    times = []
    for grid in grids:
        t = grid.find("Time")
        if t is None:
            errors.append("%s: no Time" % grid.get("Name"))
        else:
            times.append(float(t.get("Value")))
        check_grid(grid, errors)
        check_data(xmf, grid, shape, errors)
    if any(b <= a for a, b in zip(times, times[1:])):
        errors.append("times are not increasing: %s" % times)
    return errors, len(grids)


def main():
    shape = shape_reader()
    if shape is None:
        print("check_xdmf: neither h5py nor h5ls is available; skipped")
        return 77
    failed = 0
    for xmf in sys.argv[1:]:
        try:
            errors, grids = check(xmf, shape)
        except ET.ParseError as e:
            errors, grids = ["not XML: %s" % e], 0
        for e in errors:
            print("FAIL: %s: %s" % (xmf, e))
        failed += bool(errors)
        if not errors:
            print("check_xdmf: %s OK (%d grids)" % (xmf, grids))
    return 1 if failed or not sys.argv[1:] else 0


if __name__ == "__main__":
    sys.exit(main())
