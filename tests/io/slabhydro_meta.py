"""The metadata checksum of a slabhydro checkpoint (format version 2), in
Python with h5py, for tests that edit checkpoints and must keep (or break)
the checksum on purpose.

    meta_checksum = 16 lowercase hex digits of h, where h starts at
    SEED and mixes, for each covered root attribute present, sorted by name
    (byte order): the name's UTF-8 bytes, then a type tag and the value:
        float64 scalar  tag 1, the IEEE bits as uint64
        int64 scalar    tag 2, the value as uint64 (two's complement)
        string scalar   tag 3, the UTF-8 bytes (fixed-length: up to the first NUL)
The mixing function is slabhydro's (solver/digest.hpp). 'meta_checksum' and
'complete' are never covered; attributes a user adds are not covered either.

checksum(path) -> the checksum of the file's attributes as they are
reseal(path)   -> recomputes it and rewrites 'meta_checksum' after an edit
stored(path)   -> the stored 'meta_checksum' (None if there is none)
state_digest(path) -> the state digest recomputed from /fields (as
                      `slabhydro inspect` does), 16 hex digits
Run as a script: `python3 slabhydro_meta.py FILE` prints stored and computed.
"""
import sys

import h5py
import numpy as np

M = 2**64 - 1
SEED = 0x6d65746164617461  # "metadata"
DIGEST_SEED = 0x736c616268796472  # "slabhydr", solver/digest.hpp

# The root attributes the checksum covers (format version 2).
COVERED = (
    "boundary_x1_inner", "boundary_x1_outer", "boundary_x2_inner", "boundary_x2_outer",
    "deck", "dt", "format", "format_version", "gamma", "io_mode", "lineage", "nranks",
    "nx", "ny", "problem", "software_version", "state_digest", "step", "time",
    "written_at", "x1max", "x1min", "x2max", "x2min",
)
FIELDS = ("/fields/dens", "/fields/momx", "/fields/momy", "/fields/ener")


def hash_mix(h, x):
    """Identical to slabhydro's hash_mix (solver/digest.hpp)."""
    z = h ^ ((x + 0x9e3779b97f4a7c15 + ((h << 6) & M) + (h >> 2)) & M)
    z = ((z ^ (z >> 30)) * 0xbf58476d1ce4e5b9) & M
    z = ((z ^ (z >> 27)) * 0x94d049bb133111eb) & M
    return z ^ (z >> 31)


def mix_bytes(h, b):
    """hash_mix over len(b), then over each 8-byte little-endian word of b
    (the last padded with zero bytes); hash_mix inlined: a 50 MB string is
    6 million words."""
    h = hash_mix(h, len(b))
    pad = (-len(b)) % 8
    words = np.frombuffer(bytes(b) + b"\0" * pad, dtype="<u8").tolist()
    for x in words:
        z = h ^ ((x + 0x9e3779b97f4a7c15 + ((h << 6) & M) + (h >> 2)) & M)
        z = ((z ^ (z >> 30)) * 0xbf58476d1ce4e5b9) & M
        z = ((z ^ (z >> 27)) * 0x94d049bb133111eb) & M
        h = z ^ (z >> 31)
    return h


class Unhashable(ValueError):
    """An attribute that is not a float64, int64 or string scalar."""


def _value(attrs, name):
    """(tag, python value) of a covered attribute, or raises Unhashable."""
    aid = attrs.get_id(name)
    space = aid.get_space()
    t = aid.get_type()
    if space.get_simple_extent_type() != h5py.h5s.SCALAR:
        raise Unhashable(f"attribute '{name}' is not a scalar")
    cls = t.get_class()
    if cls == h5py.h5t.FLOAT and t.get_size() == 8:
        return 1, float(attrs[name])
    if cls == h5py.h5t.INTEGER and t.get_size() == 8 and t.get_sign() == h5py.h5t.SGN_2:
        return 2, int(attrs[name])
    if cls == h5py.h5t.STRING:
        v = attrs[name]
        if isinstance(v, np.ndarray):  # h5py returns scalars; be safe
            v = v[()]
        if isinstance(v, (bytes, np.bytes_)):
            v = bytes(v).split(b"\0", 1)[0].decode("utf-8", "surrogateescape")
        return 3, str(v)
    raise Unhashable(f"attribute '{name}' has type {aid.dtype}, not float64, int64 or string")


def checksum_of_attrs(attrs):
    h = SEED
    for name in sorted(COVERED, key=lambda s: s.encode()):
        if name not in attrs:
            continue
        tag, v = _value(attrs, name)
        h = mix_bytes(h, name.encode())
        h = hash_mix(h, tag)
        if tag == 1:
            h = hash_mix(h, int(np.array(v, dtype="<f8").view("<u8")))
        elif tag == 2:
            h = hash_mix(h, v & M)
        else:
            h = mix_bytes(h, v.encode("utf-8", "surrogateescape"))
    return format(h, "016x")


def checksum(path):
    with h5py.File(path, "r") as f:
        return checksum_of_attrs(f.attrs)


def stored(path):
    with h5py.File(path, "r") as f:
        if "meta_checksum" not in f.attrs:
            return None
        v = f.attrs["meta_checksum"]
        return v.decode() if isinstance(v, bytes) else str(v)


def write_string_attr(attrs, name, value):
    """A scalar fixed-length UTF-8 string (NUL-padded), as slabhydro writes them."""
    if name in attrs:
        del attrs[name]
    raw = value.encode("utf-8", "surrogateescape")
    t = h5py.h5t.C_S1.copy()
    t.set_size(max(1, len(raw)))
    t.set_strpad(h5py.h5t.STR_NULLPAD)
    t.set_cset(h5py.h5t.CSET_UTF8)
    a = h5py.h5a.create(attrs._id, name.encode(), t, h5py.h5s.create(h5py.h5s.SCALAR))
    a.write(np.array(raw.ljust(max(1, len(raw)), b"\0"), dtype="S%d" % max(1, len(raw))), mtype=t)


def reseal(path):
    """Recomputes meta_checksum over the file's attributes as they are now."""
    with h5py.File(path, "r+") as f:
        c = checksum_of_attrs(f.attrs)
        write_string_attr(f.attrs, "meta_checksum", c)
    return c


def state_digest_of(u):
    """u: float64 array [4][ny][nx] (dens, momx, momy, ener)."""
    nv, ny, nx = u.shape
    bits = np.ascontiguousarray(u, dtype="<f8").view("<u8")
    cols = []
    for i in range(nx):
        c = hash_mix(DIGEST_SEED, i)
        for j in range(ny):
            for v in range(nv):
                c = hash_mix(c, int(bits[v, j, i]))
        cols.append(c)
    d = hash_mix(DIGEST_SEED, len(cols))
    for c in cols:
        d = hash_mix(d, c)
    return format(d, "016x")


def state_digest(path):
    with h5py.File(path, "r") as f:
        u = np.stack([f[name][...] for name in FIELDS])
    return state_digest_of(u)


if __name__ == "__main__":
    for p in sys.argv[1:]:
        print(f"{p}: stored {stored(p)}, computed {checksum(p)}, "
              f"state digest recomputed {state_digest(p)}")
