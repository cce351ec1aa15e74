#!/usr/bin/python3
"""Read slabhydro checkpoint and plot files (HDF5) into numpy arrays.

    import slabhydro_read as sr
    d = sr.read("out/sedov_plt_000040.h5")     # or a checkpoint, sedov_chk_*.h5
    d.fields["dens"]        # numpy array [ny][nx] (C order, x fastest): d.fields["dens"][j, i]
    d.x, d.y                # zone centres; d.x_edges, d.y_edges the zone faces
    d.time, d.step, d.kind  # kind: "checkpoint" or "plot"
    d.attrs                 # every root attribute (strings decoded)
    p = sr.primitives(d)    # dens, velx, vely, pres (+ eint, cs, speed, mach)
    r = sr.verify(path)     # r.ok, r.reasons: complete mark, metadata checksum,
                            # values, and for a checkpoint the state digest
    ds = sr.load_yt(path)   # a yt dataset (yt.load_uniform_grid)

The format is README.md, "Checkpoint file format" and "Plot files"; the
state digest is solver/digest.hpp, the metadata checksum io/meta_checksum.hpp.

Command line:  slabhydro_read.py FILE... [--verify]
prints what each file holds (and with --verify the check, exit 1 on failure).
"""
from __future__ import annotations

import argparse
import math
import os
import sys
from dataclasses import dataclass, field
from typing import Dict, List, Optional

import h5py
import numpy as np

CHECKPOINT_FORMAT = "slabhydro-checkpoint"
PLOT_FORMAT = "slabhydro-plot"
FORMAT_VERSION = 2  # both kinds (version 1: slabhydro 0.1)

CHECKPOINT_FIELDS = ("dens", "momx", "momy", "ener")  # u(v, j, i) order
PLOT_FIELDS = ("dens", "velx", "vely", "pres")

# Root attributes in the for_each_attribute lists (io/file_meta.hpp,
# io/checkpoint_meta.hpp): the ones meta_checksum covers, with their type.
COMMON_ATTRS = {
    "format": str, "format_version": int, "lineage": str, "time": float, "step": int,
    "nx": int, "ny": int, "x1min": float, "x1max": float, "x2min": float, "x2max": float,
    "gamma": float, "problem": str, "software_version": str, "written_at": str,
}
CHECKPOINT_ATTRS = dict(COMMON_ATTRS, **{
    "dt": float, "boundary_x1_inner": str, "boundary_x1_outer": str,
    "boundary_x2_inner": str, "boundary_x2_outer": str, "deck": str, "nranks": int,
    "io_mode": str, "state_digest": str,
})
PLOT_ATTRS = dict(COMMON_ATTRS)

# What each field is, and its units in code units (for yt and labels).
FIELD_INFO = {
    "dens": ("density", "code_mass/code_length**3"),
    "momx": ("x-momentum density", "code_mass/(code_length**2*code_time)"),
    "momy": ("y-momentum density", "code_mass/(code_length**2*code_time)"),
    "ener": ("total energy density", "code_pressure"),
    "velx": ("x-velocity", "code_velocity"),
    "vely": ("y-velocity", "code_velocity"),
    "pres": ("pressure", "code_pressure"),
    "eint": ("specific internal energy", "code_velocity**2"),
    "cs": ("sound speed", "code_velocity"),
    "speed": ("speed", "code_velocity"),
    "mach": ("Mach number", "dimensionless"),
}
# Names yt knows for the stream frontend (it aliases them to ("gas", ...)).
YT_NAMES = {"dens": "density", "velx": "velocity_x", "vely": "velocity_y", "pres": "pressure"}

_M64 = np.uint64(0xFFFFFFFFFFFFFFFF)
_GOLDEN = np.uint64(0x9e3779b97f4a7c15)
_C1 = np.uint64(0xbf58476d1ce4e5b9)
_C2 = np.uint64(0x94d049bb133111eb)
DIGEST_SEED = 0x736c616268796472  # "slabhydr", solver/digest.hpp
META_SEED = 0x6d65746164617461    # "metadata", io/meta_checksum.hpp


@dataclass
class SlabhydroData:
    """One slabhydro file as numpy arrays. Arrays are [ny][nx] (index [j, i])."""
    path: str
    kind: str                      # "checkpoint" or "plot"
    fields: Dict[str, np.ndarray]  # checkpoint: dens momx momy ener (float64); plot: dens velx vely pres (float32)
    x: np.ndarray                  # zone centres along x, [nx]
    y: np.ndarray                  # zone centres along y, [ny]
    x_edges: np.ndarray            # zone faces along x, [nx + 1]
    y_edges: np.ndarray            # zone faces along y, [ny + 1]
    time: float
    step: int
    attrs: Dict[str, object] = field(default_factory=dict)

    @property
    def nx(self) -> int:
        return int(self.attrs["nx"])

    @property
    def ny(self) -> int:
        return int(self.attrs["ny"])

    @property
    def gamma(self) -> float:
        return float(self.attrs["gamma"])

    @property
    def extent(self):
        """(x1min, x1max, x2min, x2max), e.g. for matplotlib's imshow."""
        a = self.attrs
        return (float(a["x1min"]), float(a["x1max"]), float(a["x2min"]), float(a["x2max"]))


@dataclass
class VerifyResult:
    path: str
    ok: bool
    kind: Optional[str] = None
    reasons: List[str] = field(default_factory=list)  # what is wrong, one sentence each
    complete: bool = False
    meta_checksum_stored: Optional[str] = None
    meta_checksum_computed: Optional[str] = None
    digest_stored: Optional[str] = None
    digest_computed: Optional[str] = None              # checkpoints only

    def __bool__(self):
        return self.ok


# ---------------------------------------------------------------- hashing

def _mix(h, x):
    """slabhydro's hash_mix (solver/digest.hpp) on numpy uint64 arrays
    (element-wise, arithmetic modulo 2^64)."""
    with np.errstate(over="ignore"):
        z = h ^ (x + _GOLDEN + (h << np.uint64(6)) + (h >> np.uint64(2)))
        z = (z ^ (z >> np.uint64(30))) * _C1
        z = (z ^ (z >> np.uint64(27))) * _C2
        return z ^ (z >> np.uint64(31))


def _mix1(h: int, x: int) -> int:
    """hash_mix on Python ints."""
    return int(_mix(np.array([h], np.uint64), np.array([x & 0xFFFFFFFFFFFFFFFF], np.uint64))[0])


def state_digest(u) -> str:
    """The state digest of conserved fields, 16 hex digits, as slabhydro
    prints it. u: the four arrays dens, momx, momy, ener ([ny][nx] float64,
    in that order), or one array [4][ny][nx].

    column hash c_i = M(...M(M(SEED, i), bits u(0, 0, i)), bits u(1, 0, i))...)
                      over j = 0..ny-1, then v = 0..3 (v fastest)
    digest          = M(...M(M(SEED, nx), c_0)..., c_{nx-1})
    All columns are hashed at once (vectorised over i)."""
    u = np.stack([np.asarray(a) for a in u]) if not isinstance(u, np.ndarray) else u
    if u.ndim != 3 or u.shape[0] != 4:
        raise ValueError(f"state_digest: expected [4][ny][nx], got shape {u.shape}")
    if u.dtype != np.float64:
        raise ValueError("state_digest: the conserved fields must be float64")
    nv, ny, nx = u.shape
    bits = np.ascontiguousarray(u, dtype="<f8").view("<u8").astype(np.uint64, copy=False)
    c = _mix(np.full(nx, DIGEST_SEED, np.uint64), np.arange(nx, dtype=np.uint64))
    for j in range(ny):
        for v in range(nv):
            c = _mix(c, bits[v, j, :])
    d = _mix1(DIGEST_SEED, nx)
    dd = np.array([d], np.uint64)
    for ci in c:
        dd = _mix(dd, np.array([ci], np.uint64))
    return format(int(dd[0]), "016x")


def _mix_bytes(h: int, b: bytes) -> int:
    """B(h, s): M over len(s), then over each 8-byte little-endian word (zero padded)."""
    h = _mix1(h, len(b))
    words = np.frombuffer(b + b"\0" * ((-len(b)) % 8), dtype="<u8").astype(np.uint64)
    hh = np.array([h], np.uint64)
    for w in words:
        hh = _mix(hh, np.array([w], np.uint64))
    return int(hh[0])


def meta_checksum(attrs, kind: str) -> str:
    """The metadata checksum (io/meta_checksum.hpp) over the covered attributes
    of a file's root, as they are stored. Raises ValueError for a covered
    attribute that is missing or of the wrong type."""
    covered = CHECKPOINT_ATTRS if kind == "checkpoint" else PLOT_ATTRS
    h = META_SEED
    for name in sorted(covered, key=lambda s: s.encode()):
        if name not in attrs:
            raise ValueError(f"attribute '{name}' is missing")
        tag, value = _typed(attrs, name)
        h = _mix_bytes(h, name.encode())
        h = _mix1(h, tag)
        if tag == 1:
            h = _mix1(h, int(np.array(value, "<f8").view("<u8")))
        elif tag == 2:
            h = _mix1(h, value & 0xFFFFFFFFFFFFFFFF)
        else:
            h = _mix_bytes(h, value)
    return format(h, "016x")


def _typed(attrs, name):
    """(tag, value) of a root attribute: 1 float64, 2 int64, 3 string (bytes)."""
    aid = attrs.get_id(name)
    t = aid.get_type()
    if aid.get_space().get_simple_extent_type() != h5py.h5s.SCALAR:
        raise ValueError(f"attribute '{name}' is not a scalar")
    cls = t.get_class()
    if cls == h5py.h5t.FLOAT and t.get_size() == 8:
        return 1, float(attrs[name])
    if cls == h5py.h5t.INTEGER and t.get_size() == 8 and t.get_sign() == h5py.h5t.SGN_2:
        return 2, int(attrs[name])
    if cls == h5py.h5t.STRING:
        v = attrs[name]
        if isinstance(v, np.ndarray):
            v = v[()]
        if isinstance(v, str):
            return 3, v.encode()
        return 3, bytes(v).split(b"\0", 1)[0]
    raise ValueError(f"attribute '{name}' has type {aid.dtype}, not float64, int64 or string")


# ---------------------------------------------------------------- reading

def _text(v):
    if isinstance(v, (bytes, np.bytes_)):
        return bytes(v).split(b"\0", 1)[0].decode("utf-8", "replace")
    if isinstance(v, np.generic):
        return v.item()
    return v


def _open(path: str) -> h5py.File:
    if not os.path.exists(path):
        raise FileNotFoundError(f"{path}: no such file")
    if os.path.isdir(path):
        raise ValueError(f"{path}: is a directory, not a slabhydro file")
    try:
        return h5py.File(path, "r")
    except OSError as e:
        raise ValueError(f"{path}: not a slabhydro file (not readable as HDF5: {e})") from None


def _kind(f: h5py.File, path: str) -> str:
    fmt = _text(f.attrs["format"]) if "format" in f.attrs else None
    if fmt == CHECKPOINT_FORMAT:
        kind = "checkpoint"
    elif fmt == PLOT_FORMAT:
        kind = "plot"
    elif fmt is None:
        raise ValueError(f"{path}: not a slabhydro file (no 'format' attribute)")
    else:
        raise ValueError(f"{path}: not a slabhydro file (format '{fmt}')")
    version = _text(f.attrs.get("format_version"))
    if version != FORMAT_VERSION:
        raise ValueError(f"{path}: {fmt} format version {version} is not one this reader "
                         f"knows ({FORMAT_VERSION})")
    return kind


def _nodes(lo: float, hi: float, n: int) -> np.ndarray:
    """cell_nodes of common/coordinates.hpp, the same arithmetic."""
    d = (hi - lo) / float(n)
    e = lo + np.arange(n + 1, dtype=np.float64) * d
    e[n] = hi
    return e


def _centres(lo: float, hi: float, n: int) -> np.ndarray:
    """cell_centres of common/coordinates.hpp, the same arithmetic."""
    d = (hi - lo) / float(n)
    return lo + (np.arange(n, dtype=np.float64) + 0.5) * d


def read(path, fields=None, allow_incomplete: bool = False) -> SlabhydroData:
    """Reads a slabhydro checkpoint or plot file. fields: names to read
    (default: all of the file's). Raises FileNotFoundError for a missing file
    and ValueError naming the file for one that is not a slabhydro file, is
    incomplete (unless allow_incomplete) or lacks a dataset or attribute."""
    path = os.fspath(path)
    with _open(path) as f:
        kind = _kind(f, path)
        attrs = {k: _text(f.attrs[k]) for k in f.attrs}
        if attrs.get("complete") != 1 and not allow_incomplete:
            raise ValueError(f"{path}: incomplete {kind} file (no 'complete' mark): "
                             "its writer did not finish it")
        for k in ("nx", "ny", "x1min", "x1max", "x2min", "x2max", "time", "step"):
            if k not in attrs:
                raise ValueError(f"{path}: attribute '{k}' is missing")
        nx, ny = int(attrs["nx"]), int(attrs["ny"])
        names = CHECKPOINT_FIELDS if kind == "checkpoint" else PLOT_FIELDS
        if fields is not None:
            unknown = [n for n in fields if n not in names]
            if unknown:
                raise ValueError(f"{path}: no field {', '.join(unknown)} in this {kind} file "
                                 f"(it has {', '.join(names)})")
            names = tuple(fields)
        data = {}
        for n in names:
            key = "fields/" + n
            if key not in f:
                raise ValueError(f"{path}: dataset /{key} is missing")
            a = f[key][...]
            if a.shape != (ny, nx):
                raise ValueError(f"{path}: /{key} has shape {a.shape}, not [ny][nx] = ({ny}, {nx})")
            data[n] = a
        lo_x, hi_x = float(attrs["x1min"]), float(attrs["x1max"])
        lo_y, hi_y = float(attrs["x2min"]), float(attrs["x2max"])
        x = f["coordinates/x"][...] if "coordinates/x" in f else _centres(lo_x, hi_x, nx)
        y = f["coordinates/y"][...] if "coordinates/y" in f else _centres(lo_y, hi_y, ny)
        xe = f["coordinates/x_nodes"][...] if "coordinates/x_nodes" in f else _nodes(lo_x, hi_x, nx)
        ye = f["coordinates/y_nodes"][...] if "coordinates/y_nodes" in f else _nodes(lo_y, hi_y, ny)
    return SlabhydroData(path=path, kind=kind, fields=data, x=x, y=y, x_edges=xe, y_edges=ye,
                         time=float(attrs["time"]), step=int(attrs["step"]), attrs=attrs)


def primitives(data: SlabhydroData) -> Dict[str, np.ndarray]:
    """dens, velx, vely, pres, and derived eint (p / ((gamma-1) rho)), cs
    (sqrt(gamma p / rho)), speed and mach, each [ny][nx]. From a checkpoint:
    computed from the conserved fields in float64 with the file's gamma, as
    slabhydro does (solver/eos.hpp). From a plot file: its own (float32)
    dens, velx, vely, pres, which already are primitives, and the derived
    ones from them."""
    g = data.gamma
    f = data.fields
    if data.kind == "checkpoint":
        need = CHECKPOINT_FIELDS
        missing = [n for n in need if n not in f]
        if missing:
            raise ValueError(f"{data.path}: primitives need {', '.join(missing)}")
        d, m1, m2, e = (f[n] for n in need)
        p = {"dens": d, "velx": m1 / d, "vely": m2 / d,
             "pres": (g - 1.0) * (e - 0.5 * (m1 * m1 + m2 * m2) / d)}
    else:
        missing = [n for n in PLOT_FIELDS if n not in f]
        if missing:
            raise ValueError(f"{data.path}: primitives need {', '.join(missing)}")
        p = {n: f[n] for n in PLOT_FIELDS}
    d64 = p["dens"].astype(np.float64)
    p64 = p["pres"].astype(np.float64)
    speed = np.hypot(p["velx"].astype(np.float64), p["vely"].astype(np.float64))
    with np.errstate(divide="ignore", invalid="ignore"):
        cs = np.sqrt(g * p64 / d64)
        p["eint"] = p64 / ((g - 1.0) * d64)
        p["cs"] = cs
        p["speed"] = speed
        p["mach"] = speed / cs
    return p


def available_fields(data: SlabhydroData) -> List[str]:
    """The file's fields, then the primitives and derived ones not among them."""
    names = list(data.fields)
    names += [n for n in ("dens", "velx", "vely", "pres", "eint", "cs", "speed", "mach")
              if n not in names]
    return names


def get_field(data: SlabhydroData, name: str) -> np.ndarray:
    """A stored field or a primitive/derived one; ValueError listing the
    available names for an unknown one."""
    if name in data.fields:
        return data.fields[name]
    if name in available_fields(data):
        return primitives(data)[name]
    raise ValueError(f"{data.path}: unknown field '{name}' (available: "
                     f"{', '.join(available_fields(data))})")


# ---------------------------------------------------------------- checking

def _value_problems(a: dict) -> List[str]:
    p = []
    t, step, nx, ny = a.get("time"), a.get("step"), a.get("nx"), a.get("ny")
    if not (isinstance(t, float) and math.isfinite(t) and t >= 0):
        p.append(f"time {t!r} is not a finite number >= 0")
    if not (isinstance(step, int) and 0 <= step <= 1 << 40):
        p.append(f"step {step!r} is not in [0, 2^40]")
    for k, v in (("nx", nx), ("ny", ny)):
        if not (isinstance(v, int) and 1 <= v <= 1 << 30):
            p.append(f"{k} {v!r} is not in [1, 2^30]")
    for lo, hi in (("x1min", "x1max"), ("x2min", "x2max")):
        a_lo, a_hi = a.get(lo), a.get(hi)
        if not (isinstance(a_lo, float) and isinstance(a_hi, float) and math.isfinite(a_lo)
                and math.isfinite(a_hi) and a_lo < a_hi):
            p.append(f"domain {lo} {a_lo!r} .. {hi} {a_hi!r} is not finite and increasing")
    g = a.get("gamma")
    if not (isinstance(g, float) and math.isfinite(g) and g > 1):
        p.append(f"gamma {g!r} is not a finite number > 1")
    lin = a.get("lineage")
    if not (isinstance(lin, str) and len(lin) == 32 and all(c in "0123456789abcdef" for c in lin)):
        p.append(f"lineage {lin!r} is not 32 lowercase hex digits")
    return p


def verify(path) -> VerifyResult:
    """Checks a slabhydro file as `slabhydro inspect` does: the 'complete'
    mark, the attribute types and metadata checksum, the values, the datasets'
    shapes and types, finite data; for a checkpoint the state digest recomputed
    from /fields compared with the stored one (bit for bit: it is slabhydro's
    algorithm). A plot file has no digest: a changed data value in one is not
    found. Raises FileNotFoundError / ValueError (naming the file) for a file
    that is missing or not a slabhydro file; otherwise returns a VerifyResult."""
    path = os.fspath(path)
    r = VerifyResult(path=path, ok=False)
    with _open(path) as f:
        r.kind = kind = _kind(f, path)
        a = {k: _text(f.attrs[k]) for k in f.attrs}
        r.complete = a.get("complete") == 1
        if not r.complete:
            r.reasons.append("incomplete: no 'complete' = 1 mark (the writer did not finish)")
        covered = CHECKPOINT_ATTRS if kind == "checkpoint" else PLOT_ATTRS
        type_ok = True
        for name, typ in covered.items():
            if name not in f.attrs:
                r.reasons.append(f"attribute '{name}' is missing")
                type_ok = False
                continue
            try:
                tag, _ = _typed(f.attrs, name)
            except ValueError as e:
                r.reasons.append(str(e))
                type_ok = False
                continue
            if {float: 1, int: 2, str: 3}[typ] != tag:
                r.reasons.append(f"attribute '{name}' has the wrong type")
                type_ok = False
        r.meta_checksum_stored = a.get("meta_checksum")
        if type_ok:
            r.meta_checksum_computed = meta_checksum(f.attrs, kind)
            if r.meta_checksum_stored is None:
                r.reasons.append("attribute 'meta_checksum' is missing")
            elif r.meta_checksum_stored != r.meta_checksum_computed:
                r.reasons.append(f"metadata checksum stored {r.meta_checksum_stored}, computed "
                                 f"{r.meta_checksum_computed}: an attribute was changed")
        problems = _value_problems(a)
        r.reasons += problems
        if not problems and type_ok:
            r.reasons += _check_data(f, a, kind, r)
    r.ok = not r.reasons
    return r


def _check_data(f, a, kind, r) -> List[str]:
    p = []
    nx, ny = a["nx"], a["ny"]
    names = CHECKPOINT_FIELDS if kind == "checkpoint" else PLOT_FIELDS
    dtype = np.dtype("<f8") if kind == "checkpoint" else np.dtype("<f4")
    arrays = {}
    for n in names:
        key = "fields/" + n
        if key not in f or not isinstance(f[key], h5py.Dataset):
            p.append(f"dataset /{key} is missing")
            continue
        ds = f[key]
        if ds.shape != (ny, nx) or ds.dtype != dtype:
            p.append(f"/{key} is {ds.dtype} {ds.shape}, not {dtype} ({ny}, {nx})")
            continue
        arrays[n] = ds[...]
        if not np.all(np.isfinite(arrays[n])):
            p.append(f"/{key} holds values that are not finite")
    coords = [("x", a["x1min"], a["x1max"], nx, _centres), ("y", a["x2min"], a["x2max"], ny, _centres)]
    if kind == "plot":
        coords += [("x_nodes", a["x1min"], a["x1max"], nx, _nodes),
                   ("y_nodes", a["x2min"], a["x2max"], ny, _nodes)]
    for name, lo, hi, n, fn in coords:
        key = "coordinates/" + name
        want = fn(lo, hi, n)
        if key not in f:
            p.append(f"dataset /{key} is missing")
        elif f[key].shape != want.shape or not np.allclose(f[key][...], want, rtol=0,
                                                           atol=1e-12 * (hi - lo)):
            p.append(f"/{key} does not hold the mesh's coordinates")
    if kind == "checkpoint":
        r.digest_stored = a.get("state_digest")
        if len(arrays) == 4:
            r.digest_computed = state_digest([arrays[n] for n in CHECKPOINT_FIELDS])
            if r.digest_computed != r.digest_stored:
                p.append(f"state digest stored {r.digest_stored}, recomputed "
                         f"{r.digest_computed}: the data differ from what was written")
    return p


# ---------------------------------------------------------------- yt

HISTORY_FIRST_LINE = "# slabhydro history, lineage "


def read_history(path):
    """The history file BASENAME.hst (README, "History file") as a dict of
    numpy arrays by column name (step as int64, digest as str, the others
    float64), plus "lineage". Raises ValueError naming the file if it is not
    a slabhydro history file."""
    with open(path, encoding="utf-8") as f:
        first, columns = f.readline().rstrip("\n"), f.readline().rstrip("\n")
        rows = [line.split() for line in f if line.strip() and not line.startswith("#")]
    if not first.startswith(HISTORY_FIRST_LINE) or not columns.startswith("# [1]="):
        raise ValueError(f"{path}: not a slabhydro history file (no lineage and column lines)")
    names = [c.split("=", 1)[1] for c in columns[2:].split()]
    out = {"lineage": first[len(HISTORY_FIRST_LINE):]}
    for k, name in enumerate(names):
        try:
            col = [r[k] for r in rows]
        except IndexError:
            raise ValueError(f"{path}: a row has fewer than {len(names)} columns") from None
        if name == "digest":
            out[name] = np.array(col, dtype=str)
        elif name == "step":
            out[name] = np.array(col, dtype=np.int64)
        else:
            out[name] = np.array(col, dtype=np.float64)
    return out


def load_yt(path, fields=None):
    """A yt dataset of the file (yt.load_uniform_grid): a 2D uniform grid on
    the box [x1min, x1max] x [x2min, x2max] x [0, 1] (unit thickness in z), in
    code units (length, mass and time units 1), sim_time the file's time.
    Fields: the file's own (dens, momx, ... as ("stream", name)), the
    primitives under yt's names density, velocity_x, velocity_y, pressure
    (aliased to ("gas", ...)), all as [nx, ny, 1] arrays."""
    import yt  # noqa: only needed here

    d = read(path)
    prim = primitives(d)
    arrays = dict(d.fields)
    arrays.update({n: prim[n] for n in ("velx", "vely", "pres") if n not in arrays})
    if fields is not None:
        arrays = {n: get_field(d, n) for n in fields}
    data = {}
    for n, a in arrays.items():
        cube = np.ascontiguousarray(np.asarray(a, dtype=np.float64).T[:, :, np.newaxis])
        unit = FIELD_INFO.get(n, (n, "dimensionless"))[1]
        data[n] = (cube, unit)
        if n in YT_NAMES:
            data[YT_NAMES[n]] = (cube, unit)
    x1min, x1max, x2min, x2max = d.extent
    bbox = np.array([[x1min, x1max], [x2min, x2max], [0.0, 1.0]])
    a = d.attrs
    px = a.get("boundary_x1_inner") == "periodic" and a.get("boundary_x1_outer") == "periodic"
    py = a.get("boundary_x2_inner") == "periodic" and a.get("boundary_x2_outer") == "periodic"
    ds = yt.load_uniform_grid(data, (d.nx, d.ny, 1), length_unit=1.0, mass_unit=1.0,
                              time_unit=1.0, bbox=bbox, sim_time=d.time,
                              periodicity=(px, py, True), geometry="cartesian",
                              unit_system="code",
                              parameters={"step": d.step, "problem": a.get("problem"),
                                          "gamma": d.gamma, "kind": d.kind, "path": d.path})
    ds.current_step = d.step  # informative, like d.step
    return ds


# ---------------------------------------------------------------- command line

def _summary(d: SlabhydroData) -> str:
    a = d.attrs
    lines = [f"{d.path}: {d.kind} ({a.get('format')} v{a.get('format_version')}), "
             f"problem {a.get('problem')}, step {d.step}, time {d.time:.10g}",
             f"  mesh {d.nx} x {d.ny} on [{a['x1min']:g}, {a['x1max']:g}] x "
             f"[{a['x2min']:g}, {a['x2max']:g}], gamma {a.get('gamma')}"]
    for n, v in d.fields.items():
        lines.append(f"  {n:5s} {str(v.dtype):8s} min {v.min(): .6e}  max {v.max(): .6e}")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Print what slabhydro files hold; --verify "
                                             "checks them (exit 1 if one fails).")
    ap.add_argument("files", nargs="+", metavar="FILE")
    ap.add_argument("--verify", action="store_true", help="check completeness, metadata "
                    "checksum, values and (checkpoints) the state digest")
    args = ap.parse_args(argv)
    status = 0
    for p in args.files:
        try:
            if args.verify:
                r = verify(p)
                digest = (f", digest stored {r.digest_stored} recomputed {r.digest_computed}"
                          if r.kind == "checkpoint" else "")
                print(f"{p}: {r.kind} {'OK' if r.ok else 'FAILED'}{digest}")
                for reason in r.reasons:
                    print(f"  {reason}")
                status |= 0 if r.ok else 1
            else:
                print(_summary(read(p)))
        except (OSError, ValueError) as e:
            print(f"slabhydro_read.py: error: {e}", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
