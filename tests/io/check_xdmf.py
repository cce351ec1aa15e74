"""Checks slabhydro XDMF sidecars: each parses as XML, is a 2D rectilinear
(or co-rectangular) mesh with cell-centred attributes, and every HDF path in
it names an existing dataset of the stated shape (read with h5py if present,
else with h5ls). Usage: check_xdmf.py FILE.xmf... Exit 0 if all pass, 1 on a
failure, 77 if neither h5py nor h5ls is available."""
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


def check(xmf, shape):
    errors = []
    root = ET.parse(xmf).getroot()  # raises on malformed XML
    if root.tag != "Xdmf":
        errors.append("root element is %s, not Xdmf" % root.tag)
    grids = root.findall("./Domain/Grid")
    if len(grids) != 1:
        errors.append("expected one Grid, found %d" % len(grids))
        return errors
    grid = grids[0]
    topo = grid.find("Topology")
    kind = topo.get("TopologyType") if topo is not None else None
    if kind not in ("2DRectMesh", "2DCoRectMesh"):
        errors.append("topology %s is not 2D rectilinear" % kind)
        return errors
    nodes = [int(n) for n in topo.get("NumberOfElements").split()]
    if len(nodes) != 2:
        errors.append("NumberOfElements must have 2 extents")
        return errors
    cells = [n - 1 for n in nodes]
    geom = grid.find("Geometry")
    if kind == "2DRectMesh":
        if geom.get("GeometryType") != "VXVY":
            errors.append("2DRectMesh needs GeometryType VXVY")
        items = geom.findall("DataItem")
        if [int(i.get("Dimensions")) for i in items] != [nodes[1], nodes[0]]:
            errors.append("VXVY node arrays must have nx+1, ny+1 values")
    attributes = grid.findall("Attribute")
    if not attributes:
        errors.append("no attributes")
    for a in attributes:
        if a.get("Center") != "Cell":
            errors.append("attribute %s is not cell-centred" % a.get("Name"))
        dims = [int(d) for d in a.find("DataItem").get("Dimensions").split()]
        if dims != cells:
            errors.append("attribute %s has Dimensions %s, cells are %s" % (a.get("Name"), dims, cells))
    for item in grid.iter("DataItem"):
        if item.get("Format") != "HDF":
            continue
        h5, path = item.text.strip().split(":", 1)
        h5 = os.path.join(os.path.dirname(xmf), h5)
        want = tuple(int(d) for d in item.get("Dimensions").split())
        if not os.path.exists(h5):
            errors.append("%s: no file %s" % (item.text.strip(), h5))
            continue
        got = shape(h5, path)
        if got is None:
            errors.append("%s: no such dataset" % item.text.strip())
        elif got != want:
            errors.append("%s: shape %s, the XDMF says %s" % (item.text.strip(), got, want))
        precision = int(item.get("Precision"))
        if precision not in (4, 8):
            errors.append("%s: precision %d" % (item.text.strip(), precision))
    return errors


def main():
    shape = shape_reader()
    if shape is None:
        print("check_xdmf: neither h5py nor h5ls is available; skipped")
        return 77
    failed = 0
    for xmf in sys.argv[1:]:
        try:
            errors = check(xmf, shape)
        except ET.ParseError as e:
            errors = ["not XML: %s" % e]
        for e in errors:
            print("FAIL: %s: %s" % (xmf, e))
        failed += bool(errors)
        if not errors:
            print("check_xdmf: %s OK" % xmf)
    return 1 if failed or not sys.argv[1:] else 0


if __name__ == "__main__":
    sys.exit(main())
