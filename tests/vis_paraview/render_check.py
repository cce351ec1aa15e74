"""Opens slabhydro's XDMF output with ParaView's three XDMF readers and
checks what they show. Run with pvbatch; without a display, under an Xvfb that
does not reset (xvfb.sh, or xvfb-run -a -s "-screen 0 1280x1024x24 -noreset"):

  pvbatch render_check.py --sidecar DIR/sod_plt_000010.xmf --series DIR/sod_plt.xmf \
      --nx 32 --ny 24 --domain -0.5 0.5 -0.5 0.5 --plots 4 --png-dir PNGDIR

For every reader (XDMFReader, Xdmf3ReaderS, Xdmf3ReaderT) and every file
given: the data is one rectilinear grid with nx*ny cells whose x and y
bounds are the deck's domain (a 2-D picture: both extents > 0), density is a
cell array that varies; the series has --plots time steps (in increasing
order, one per plot file); density coloured by value is rendered to a PNG
that is not of one colour. Prints one line per reader and file; exit 1 on a
failure."""
import argparse
import os
import sys

from paraview import servermanager
from paraview.simple import (ColorBy, Delete, GetActiveViewOrCreate, Hide, SaveScreenshot, Show,
                             XDMFReader)
from vtkmodules.util.numpy_support import vtk_to_numpy
from vtkmodules.vtkIOImage import vtkPNGReader

import numpy as np

READERS = ("XDMFReader", "Xdmf3ReaderS", "Xdmf3ReaderT")


def open_reader(kind, path):
    # The Xdmf3 readers need a path with a directory part (see io/xdmf.hpp).
    path = os.path.abspath(path)
    if kind == "XDMFReader":
        return XDMFReader(FileNames=[path])
    return getattr(servermanager.sources, kind)(FileName=path)


def timesteps(src):
    ts = src.TimestepValues
    if ts is None:
        return []
    try:
        return [float(t) for t in ts]
    except TypeError:
        return [float(ts)]


def pixel_spread(png):
    """(fraction of pixels not of the background colour (a corner's), distinct
    colours among them, largest standard deviation of their R, G, B)."""
    r = vtkPNGReader()
    r.SetFileName(png)
    r.Update()
    rgb = vtk_to_numpy(r.GetOutput().GetPointData().GetScalars())[:, :3].astype(np.int64)
    data = rgb[np.any(rgb != rgb[0], axis=1)]
    if len(data) == 0:
        return 0.0, 0, 0.0
    colours = len(np.unique(data[:, 0] * 65536 + data[:, 1] * 256 + data[:, 2]))
    return len(data) / len(rgb), colours, float(data.std(axis=0).max())


def check(kind, path, args, want_steps, png):
    errors = []
    src = open_reader(kind, path)
    src.UpdatePipelineInformation()
    ts = timesteps(src)
    if want_steps is not None:
        if len(ts) != want_steps:
            errors.append("%d time steps, want %d" % (len(ts), want_steps))
        if ts != sorted(ts):
            errors.append("time steps not increasing: %s" % ts)
    t = ts[-1] if ts else 0.0
    src.UpdatePipeline(t)
    info = src.GetDataInformation()
    b = info.GetBounds()
    cells = info.GetNumberOfCells()
    x0, x1, y0, y1 = args.domain
    if not (b[1] - b[0] > 0 and b[3] - b[2] > 0):
        errors.append("not two-dimensional: bounds %s" % (b,))
    tol = 1e-6 * max(x1 - x0, y1 - y0)
    if max(abs(b[0] - x0), abs(b[1] - x1), abs(b[2] - y0), abs(b[3] - y1)) > tol:
        errors.append("bounds %s, the domain is %s" % (b[:4], args.domain))
    if cells != args.nx * args.ny:
        errors.append("%d cells, want nx*ny = %d" % (cells, args.nx * args.ny))
    dens = src.CellData.GetArray("dens")
    rng = dens.GetRange() if dens is not None else None
    if rng is None:
        errors.append("no cell array dens")
    elif not rng[1] > rng[0]:
        errors.append("dens is constant: %s" % (rng,))
    view = GetActiveViewOrCreate("RenderView")
    view.ViewSize = [480, 360]
    view.ViewTime = t
    view.OrientationAxesVisibility = 0
    disp = Show(src, view)
    disp.SetRepresentationType("Surface")
    ColorBy(disp, ("CELLS", "dens"))
    disp.RescaleTransferFunctionToDataRange(True, False)
    view.CameraPosition = [0.5 * (x0 + x1), 0.5 * (y0 + y1), 10.0]
    view.CameraFocalPoint = [0.5 * (x0 + x1), 0.5 * (y0 + y1), 0.0]
    view.CameraViewUp = [0.0, 1.0, 0.0]
    view.ResetCamera()
    SaveScreenshot(png, view, ImageResolution=[480, 360])
    covered, colours, spread = pixel_spread(png)
    if covered < 0.2 or colours < 16 or spread < 10.0:
        errors.append("image nearly one colour: %.0f%% of it is data, in %d colours, spread %.1f"
                      % (100 * covered, colours, spread))
    Hide(src, view)
    Delete(src)
    dens_text = "%.4g..%.4g" % rng if rng else "none"
    print("%-12s %-22s steps=%-3d bounds=(%.3g %.3g %.3g %.3g %.3g %.3g) cells=%d dens=%s "
          "covered=%.2f colours=%d spread=%.1f %s"
          % (kind, os.path.basename(path), len(ts), *b, cells, dens_text, covered, colours,
             spread, "FAIL" if errors else "OK"))
    for e in errors:
        print("FAIL: %s %s: %s" % (kind, path, e))
    return not errors


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--sidecar", action="append", default=[])
    p.add_argument("--series", action="append", default=[])
    p.add_argument("--nx", type=int, required=True)
    p.add_argument("--ny", type=int, required=True)
    p.add_argument("--domain", type=float, nargs=4, required=True)
    p.add_argument("--plots", type=int, required=True, help="plot files in each series")
    p.add_argument("--png-dir", required=True)
    args = p.parse_args()
    os.makedirs(args.png_dir, exist_ok=True)
    ok = True
    jobs = [(f, 1) for f in args.sidecar] + [(f, args.plots) for f in args.series]
    for n, (path, steps) in enumerate(jobs):
        for kind in READERS:
            png = os.path.join(args.png_dir, "%d_%s_%s.png" % (
                n, os.path.basename(path)[:-4], kind))
            try:
                ok = check(kind, path, args, steps, png) and ok
            except Exception as e:  # a reader error is a failure, not a crash
                print("FAIL: %s %s: %s" % (kind, path, e))
                ok = False
    return 0 if ok and jobs else 1


if __name__ == "__main__":
    code = main()
    # Without the teardown: under Xvfb, ParaView 5.11's exit fails with
    # GLXBadContext and makes the exit code 1 whatever the checks found.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
