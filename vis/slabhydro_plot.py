#!/usr/bin/python3
"""Pictures of slabhydro checkpoint and plot files (headless: matplotlib Agg).

  slabhydro_plot.py FILE                        one field (dens) -> FILE's stem_dens.png here
  slabhydro_plot.py FILE --field pres --log --out p.pdf
  slabhydro_plot.py F1 F2 F3 --montage --out m.png   all in one figure, one colour scale
  slabhydro_plot.py out/sedov_plt_*.h5 --frames frames/   frames/frame_0000.png, ...
  slabhydro_plot.py out/sedov.hst [--columns mass,energy,dt]  the history file against time

Fields: a file's own (checkpoint: dens momx momy ener; plot file: dens velx
vely pres) and the primitives and derived ones (velx vely pres eint cs speed
mach). Axes are x, y in code units with equal aspect; the title names the
file, the field, the time and the step. Prints each path written. Errors
(missing file, unknown field, not a slabhydro file) are one line on stderr
and exit code 1.
"""
import argparse
import math
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.colors as mcolors  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import slabhydro_read as sr  # noqa: E402

PROG = "slabhydro_plot.py"


class PlotError(Exception):
    pass


def label(name):
    desc = sr.FIELD_INFO.get(name, (None, None))[0]
    return f"{name} ({desc})" if desc else name


def title(d, field):
    return f"{os.path.basename(d.path)}: {field}   t = {d.time:.6g}   step {d.step}"


def load(paths, field):
    """[(data, 2-D array)] for every file, or PlotError."""
    out = []
    for p in paths:
        if not os.path.exists(p):
            raise PlotError(f"{p}: no such file")
        try:
            d = sr.read(p)
            out.append((d, np.asarray(sr.get_field(d, field), dtype=np.float64)))
        except ValueError as e:
            raise PlotError(str(e)) from None
    return out


def norm_for(arrays, args):
    """One colour scale for all arrays (a montage, the frames of a movie)."""
    finite = [a[np.isfinite(a)] for a in arrays]
    if args.log:
        finite = [a[a > 0] for a in finite]
        if not any(a.size for a in finite):
            raise PlotError(f"--log: field '{args.field}' has no value > 0")
    vals = [a for a in finite if a.size]
    lo = args.vmin if args.vmin is not None else (min(float(a.min()) for a in vals) if vals else 0.0)
    hi = args.vmax if args.vmax is not None else (max(float(a.max()) for a in vals) if vals else 1.0)
    if args.log and (lo <= 0 or hi <= 0):
        raise PlotError(f"--log needs --vmin and --vmax > 0 (got {lo:g}, {hi:g})")
    if not lo < hi:  # a uniform field: a range around it, so the bar is readable
        if lo > hi:
            raise PlotError(f"--vmin {lo:g} is above --vmax {hi:g}")
        pad = abs(lo) * 1e-3 if lo else 1e-3
        lo, hi = (lo / 1.01, hi * 1.01) if args.log else (lo - pad, hi + pad)
    return mcolors.LogNorm(lo, hi) if args.log else mcolors.Normalize(lo, hi)


def draw(ax, d, a, norm, cmap, field):
    im = ax.pcolormesh(d.x_edges, d.y_edges, np.ma.masked_invalid(a), norm=norm, cmap=cmap,
                       shading="flat")
    ax.set_aspect("equal")
    ax.set_xlim(d.x_edges[0], d.x_edges[-1])
    ax.set_ylim(d.y_edges[0], d.y_edges[-1])
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_title(title(d, field), fontsize=9)
    return im


def figure_size(d, ncols=1, nrows=1):
    x1, x2, y1, y2 = d.extent
    aspect = (y2 - y1) / (x2 - x1)
    w = 5.5 * ncols
    h = min(max(5.5 * aspect * nrows, 2.2 * nrows), 40)
    return (min(w, 30), h + 0.6)


def save(fig, path):
    parent = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(parent):
        raise PlotError(f"{path}: directory {parent} does not exist")
    fig.savefig(path, dpi=120, bbox_inches="tight")
    plt.close(fig)
    print(path)


def colorbar(fig, im, ax, d, field):
    x1, x2, y1, y2 = d.extent
    wide = (y2 - y1) / (x2 - x1) < 0.3  # a strip (a 1-D problem): the bar below it
    fig.colorbar(im, ax=ax, label=label(field),
                 orientation="horizontal" if wide else "vertical")


def single(d, a, args, out):
    fig, ax = plt.subplots(figsize=figure_size(d), constrained_layout=True)
    im = draw(ax, d, a, norm_for([a], args), args.cmap, args.field)
    colorbar(fig, im, ax, d, args.field)
    save(fig, out)


def montage(items, args, out):
    n = len(items)
    ncols = math.ceil(math.sqrt(n))
    nrows = math.ceil(n / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=figure_size(items[0][0], ncols, nrows),
                             constrained_layout=True, squeeze=False)
    norm = norm_for([a for _, a in items], args)
    im = None
    for ax, (d, a) in zip(axes.flat, items):
        im = draw(ax, d, a, norm, args.cmap, args.field)
    for ax in list(axes.flat)[n:]:
        ax.set_visible(False)
    colorbar(fig, im, list(axes.flat[:n]), items[0][0], args.field)
    save(fig, out)


def default_name(d, field, ext=".png"):
    return os.path.splitext(os.path.basename(d.path))[0] + "_" + field + ext


HISTORY_COLUMNS = "mass,momentum_x,momentum_y,energy,dt"


def history(path, args, out):
    """One panel per column of a history file, against time."""
    try:
        h = sr.read_history(path)
    except ValueError as e:
        raise PlotError(str(e)) from None
    cols = [c for c in args.columns.split(",") if c]
    unknown = [c for c in cols if c not in h or c in ("step", "digest", "lineage", "time")]
    if unknown:
        known = [k for k in h if k not in ("step", "digest", "lineage", "time")]
        raise PlotError(f"{path}: no column {', '.join(unknown)} (columns: {', '.join(known)})")
    fig, axes = plt.subplots(len(cols), 1, sharex=True, figsize=(6.4, 1.8 * len(cols) + 0.8),
                             constrained_layout=True, squeeze=False)
    for ax, c in zip(axes[:, 0], cols):
        ax.plot(h["time"], h[c], marker=".", lw=1)
        ax.set_ylabel(c)
        ax.ticklabel_format(axis="y", useOffset=False, style="sci", scilimits=(-3, 4))
    axes[-1, 0].set_xlabel("time")
    axes[0, 0].set_title(f"{os.path.basename(path)}: {len(h['step'])} rows, "
                         f"steps {h['step'][0] if len(h['step']) else '-'}"
                         f"..{h['step'][-1] if len(h['step']) else '-'}")
    save(fig, out)


def run(args):
    if args.cmap not in plt.colormaps():
        raise PlotError(f"unknown colour map '{args.cmap}' (e.g. viridis, inferno, magma, RdBu_r)")
    if args.out and os.path.splitext(args.out)[1].lower() not in (".png", ".pdf", ".svg"):
        raise PlotError(f"--out {args.out}: give a .png, .pdf or .svg name")
    if args.montage and args.frames:
        raise PlotError("--montage and --frames exclude each other")
    if args.frames and args.out:
        raise PlotError("--out and --frames exclude each other (frames are DIR/frame_NNNN.png)")
    if len(args.files) > 1 and not (args.montage or args.frames) and args.out:
        raise PlotError("several files and --out: add --montage (one figure) or --frames DIR")
    if any(f.endswith(".hst") for f in args.files):
        if len(args.files) != 1:
            raise PlotError("a history file (.hst) is plotted alone")
        stem = os.path.splitext(os.path.basename(args.files[0]))[0]
        return history(args.files[0], args, args.out or stem + "_history.png")
    items = load(args.files, args.field)
    if args.montage:
        montage(items, args, args.out or f"montage_{args.field}.png")
    elif args.frames:
        os.makedirs(args.frames, exist_ok=True)
        items.sort(key=lambda it: (it[0].time, it[0].step))
        norm = norm_for([a for _, a in items], args)
        for k, (d, a) in enumerate(items):
            fig, ax = plt.subplots(figsize=figure_size(d), constrained_layout=True)
            im = draw(ax, d, a, norm, args.cmap, args.field)
            colorbar(fig, im, ax, d, args.field)
            save(fig, os.path.join(args.frames, f"frame_{k:04d}.png"))
    else:
        for d, a in items:
            single(d, a, args, args.out or default_name(d, args.field))


def main(argv=None):
    ap = argparse.ArgumentParser(prog=PROG, description="Picture of one field of slabhydro "
                                 "checkpoint or plot files (x, y in code units).")
    ap.add_argument("files", nargs="+", metavar="FILE")
    ap.add_argument("--field", default="dens", help="field to show (default dens)")
    ap.add_argument("--out", help="output .png or .pdf (default: <file stem>_<field>.png here)")
    ap.add_argument("--log", action="store_true", help="logarithmic colour scale")
    ap.add_argument("--vmin", type=float, help="lower end of the colour scale")
    ap.add_argument("--vmax", type=float, help="upper end of the colour scale")
    ap.add_argument("--cmap", default="viridis", help="matplotlib colour map (viridis)")
    ap.add_argument("--montage", action="store_true", help="all files in one figure")
    ap.add_argument("--frames", metavar="DIR", help="one numbered frame per file, "
                    "DIR/frame_0000.png ..., in time order, one colour scale")
    ap.add_argument("--columns", default=HISTORY_COLUMNS,
                    help="history file: columns to plot against time (%s)" % HISTORY_COLUMNS)
    args = ap.parse_args(argv)
    try:
        run(args)
    except PlotError as e:
        print(f"{PROG}: error: {e}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"{PROG}: error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
