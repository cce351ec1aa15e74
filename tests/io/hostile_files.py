#!/usr/bin/python3
"""Hostile checkpoint files, made from a real slabhydro checkpoint.

    generate(src_checkpoint, outdir) -> list of manifest entries

writes one file (or directory, FIFO, symbolic link) per variant into outdir,
each a copy of src_checkpoint with ONE change, and outdir/manifest.json
(name -> what is expected of slabhydro) plus outdir/manifest.tsv, the same
for bash (tests/io/hostile_files.sh). Run as a script:
    /usr/bin/python3 hostile_files.py SRC_CHECKPOINT OUTDIR

Manifest fields:
  file     the variant's path, relative to outdir
  kind     file | dir | fifo | symlink
  expect   refuse             inspect and --restart must refuse it cleanly
           accept             a legal file: inspect passes, a restart from it
                              is bit-identical (chunked or gzip data, fixed-length
                              strings, an extra user attribute, ...)
           refuse_or_correct  a random bit flip: a clean refusal, or (HDF5 did
                              not notice and nothing that matters changed) a
                              correct restart
  np2      also checked on 2 ranks (a representative subset)
  latest   also checked as the newest file of an output directory (--restart latest)
  sealed   resealed  meta_checksum recomputed after the edit (slabhydro_meta.reseal):
                     the file must be refused for the value, not the checksum
           original  the source's meta_checksum kept: the edit is not hashable
                     (not a float64/int64/string scalar) or is meant to break it
           n/a       nothing of the attributes changed
  group, desc        what the variant is

Choices made here (the format does not spell them out): a checkpoint holds
datasets, not links, so a soft or external link is refused even where it
leads to the right data (dens_softlink_copy, fields_softlink,
dens_extlink_file); a string attribute of 50 MB (deck_50mb) or 1 MB
(written_at_1mb) is refused; format_version 1 is refused (a version-2 file
claiming to be version 1); attributes whose type is wrong but whose value a
lax reader would convert (step as float64 15.0, complete as float64 1.0,
time as float32, step as int32, nx as uint64) are refused, and so are chunks
larger than the dataset (dens_chunk_beyond_dataset, an extendible dataset)
and filters other than deflate, szip, shuffle and Fletcher32. Legal:
chunked, gzip, szip (where h5py's HDF5 has it), shuffle+Fletcher32 and
compact data layouts, fixed-length strings
(NULLPAD or NULLTERM, with or without spare bytes; the checksum covers the
text, not the storage), extra user attributes, the newest HDF5 file format.

Unavailable filter (dens_unavailable_filter): h5py low level. A chunked
dataset whose pipeline holds filter id 32123 (registered by nobody) with
H5Z_FLAG_OPTIONAL (H5Dcreate accepts an unregistered filter only when it is
optional), its one chunk written with H5Dwrite_chunk (write_direct_chunk)
and filter_mask 0, which records that the filter WAS applied: so every
reader must run the filter and cannot (HDF5: "required filter ... is not
registered" / cannot load the plugin). No bytes of the file are patched.
"""
import json
import os
import random
import shutil
import sys

import h5py
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import slabhydro_meta as meta  # noqa: E402

REFUSE, ACCEPT, REFUSE_OR_CORRECT = "refuse", "accept", "refuse_or_correct"
FIELDS = meta.FIELDS
STRING_ATTRS = ("format", "boundary_x1_inner", "boundary_x1_outer", "boundary_x2_inner",
                "boundary_x2_outer", "problem", "deck", "software_version", "io_mode",
                "written_at", "state_digest", "lineage", "meta_checksum")
UNKNOWN_FILTER = 32123
BITFLIPS = 200
SEED = 20240601


def set_attr(f, name, data, dtype=None):
    if name in f.attrs:
        del f.attrs[name]
    f.attrs.create(name, data=data, dtype=dtype)


def str_attr(f, name, value):
    meta.write_string_attr(f.attrs, name, value)


def fixed_string_attr(f, name, raw, size, pad):
    """A scalar fixed-length UTF-8 string of `size` bytes, padding `pad`."""
    if name in f.attrs:
        del f.attrs[name]
    t = h5py.h5t.C_S1.copy()
    t.set_size(size)
    t.set_strpad(pad)
    t.set_cset(h5py.h5t.CSET_UTF8)
    a = h5py.h5a.create(f.id, name.encode(), t, h5py.h5s.create(h5py.h5s.SCALAR))
    a.write(np.array(raw.ljust(size, b"\0"), dtype=f"S{size}"), mtype=t)


def replace_dataset(f, name, data=None, **kw):
    del f[name]
    return f.create_dataset(name, data=data, **kw)


def dcpl_chunked(shape):
    dcpl = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
    dcpl.set_chunk(shape)
    return dcpl


class Generator:
    def __init__(self, src, outdir):
        self.src = os.path.abspath(src)
        self.out = os.path.abspath(outdir)
        self.entries = []
        with h5py.File(self.src, "r") as f:
            self.a = {k: f.attrs[k] for k in f.attrs}
            self.types = {k: f.attrs.get_id(k).dtype for k in f.attrs}
            self.data = {n: f[n][...] for n in FIELDS}
        self.nx, self.ny = int(self.a["nx"]), int(self.a["ny"])
        self.size = os.path.getsize(self.src)
        self.base_lineage = self.s("lineage") if "lineage" in self.a else "0123456789abcdef" * 2
        os.makedirs(os.path.join(self.out, "aux"), exist_ok=True)

    def s(self, name):
        v = self.a[name]
        return v.decode() if isinstance(v, bytes) else str(v)

    def path(self, name):
        return os.path.join(self.out, name + ".h5")

    # One variant: `edit(f)` changes a copy opened with h5py ("r+"), or
    # `raw(path)` changes the copied bytes, or `make(path)` makes the object
    # (nothing copied).
    def add(self, name, group, desc, expect=REFUSE, edit=None, raw=None, make=None,
            reseal=False, np2=False, latest=True, kind="file", sealed=None):
        p = self.path(name)
        if make is not None:
            make(p)
        else:
            shutil.copyfile(self.src, p)
            if edit is not None:
                with h5py.File(p, "r+") as f:
                    edit(f)
            if raw is not None:
                raw(p)
            if reseal:
                meta.reseal(p)
        if sealed is None:
            sealed = "resealed" if reseal else ("original" if edit or raw else "n/a")
        self.entries.append(dict(name=name, file=os.path.basename(p), kind=kind, expect=expect,
                                 np2=np2, latest=latest, sealed=sealed, group=group, desc=desc))

    def attr(self, name, group, desc, attr, data, dtype=None, **kw):
        self.add(name, group, desc, edit=lambda f: set_attr(f, attr, data, dtype), **kw)

    # ------------------------------------------------------------------ variants
    def attribute_shapes(self):
        g = "attr-shape"
        for n in ("time", "step", "nx", "format", "complete"):
            v, dt = self.a[n], self.types[n]
            np2 = n == "time"
            self.attr(f"{n}_array2", g, f"'{n}' a 1-D array of 2 values", n,
                      np.array([v, v], dtype=dt), dt, np2=np2)
            self.attr(f"{n}_null", g, f"'{n}' with a null (empty) dataspace", n,
                      h5py.Empty(dt), None, np2=np2)
            self.attr(f"{n}_array1", g, f"'{n}' a 1-element array of the right value", n,
                      np.array([v], dtype=dt), dt)

    def attribute_types(self):
        g = "attr-type"
        # Hashable types (float64, int64, string): resealed, the type alone is wrong.
        self.attr("time_int64", g, "'time' an int64 (1)", "time", np.int64(1), reseal=True, np2=True)
        self.attr("step_float64", g, "'step' a float64 of the right value", "step",
                  np.float64(self.a["step"]), reseal=True)
        self.add("nx_string", g, "'nx' the string of its value", reseal=True, np2=True,
                 edit=lambda f: str_attr(f, "nx", str(self.nx)))
        self.attr("format_int", g, "'format' an int64", "format", np.int64(2), reseal=True)
        self.attr("deck_float", g, "'deck' a float64", "deck", np.float64(1.0), reseal=True)
        self.attr("complete_float", g, "'complete' a float64 1.0", "complete", np.float64(1.0))
        self.attr("complete_string", g, "'complete' the string '1'", "complete", "1")
        # Not hashable: the source's checksum kept (a lax reader converting
        # the value would find it matches).
        self.attr("time_float32", g, "'time' a float32", "time", np.float32(self.a["time"]))
        self.attr("step_int32", g, "'step' an int32 of the right value", "step",
                  np.int32(self.a["step"]))
        self.attr("nx_uint64", g, "'nx' a uint64 of the right value", "nx", np.uint64(self.nx))
        big = "\n# " + "x" * (50 * 1000 * 1000) + "\n"
        self.add("deck_50mb", g, "'deck' a 50 MB string (the deck and a comment)", reseal=True,
                 np2=True, edit=lambda f: str_attr(f, "deck", self.s("deck") + big))
        self.add("written_at_1mb", g, "'written_at' a 1 MB string", reseal=True,
                 edit=lambda f: str_attr(f, "written_at", "x" * (1000 * 1000)))
        self.add("problem_not_utf8", g, "'problem' 'sedov\\xff' (not UTF-8) in a UTF-8 string",
                 reseal=True, edit=lambda f: set_attr(
                     f, "problem", self.s("problem").encode() + b"\xff",
                     h5py.string_dtype("utf-8")))

    def sizes(self):
        g = "sizes"
        for n in ("nx", "ny"):
            for label, v in (("0", 0), ("neg5", -5), ("2p40", 2**40), ("2p62", 2**62)):
                self.attr(f"{n}_{label}", g, f"'{n}' = {v}", n, np.int64(v), reseal=True,
                          np2=(n == "nx" and label in ("0", "2p62")))
        d = self.data
        self.add("dens_transposed", g, "/fields/dens of shape [nx][ny]", np2=True,
                 edit=lambda f: replace_dataset(f, "fields/dens", d["/fields/dens"].T.copy()))
        self.add("ener_extra_column", g, "/fields/ener of shape [ny][nx+1]",
                 edit=lambda f: replace_dataset(
                     f, "fields/ener", np.pad(d["/fields/ener"], ((0, 0), (0, 1)), mode="edge")))
        self.add("momy_missing_row", g, "/fields/momy of shape [ny-1][nx]",
                 edit=lambda f: replace_dataset(f, "fields/momy", d["/fields/momy"][:-1].copy()))
        self.add("dens_3d", g, "/fields/dens of shape [1][ny][nx]", np2=True,
                 edit=lambda f: replace_dataset(f, "fields/dens", d["/fields/dens"][None]))
        self.add("dens_1d", g, "/fields/dens flat, shape [ny*nx]",
                 edit=lambda f: replace_dataset(f, "fields/dens", d["/fields/dens"].ravel()))
        self.add("dens_scalar", g, "/fields/dens a scalar dataset",
                 edit=lambda f: replace_dataset(f, "fields/dens", np.float64(1.0)))
        self.add("dens_float32", g, "/fields/dens float32", np2=True,
                 edit=lambda f: replace_dataset(f, "fields/dens", d["/fields/dens"].astype("<f4")))
        self.add("dens_int64", g, "/fields/dens int64",
                 edit=lambda f: replace_dataset(f, "fields/dens",
                                                (d["/fields/dens"] * 1000).astype("<i8")))
        ct = np.dtype([("value", "<f8"), ("pad", "<f8")])

        def compound(f):
            c = np.zeros(d["/fields/dens"].shape, dtype=ct)
            c["value"] = d["/fields/dens"]
            replace_dataset(f, "fields/dens", c)
        self.add("dens_compound", g, "/fields/dens a compound {value f8, pad f8}", np2=True,
                 edit=compound)
        huge = 2**20

        def huge_consistent(chunked):
            def edit(f):
                for n in FIELDS:
                    del f[n]
                    if chunked:
                        f.create_dataset(n, shape=(huge, huge), dtype="<f8", chunks=(1, 4096))
                    else:  # contiguous, allocated late: no storage at all
                        f.create_dataset(n, shape=(huge, huge), dtype="<f8")
                set_attr(f, "nx", np.int64(huge))
                set_attr(f, "ny", np.int64(huge))
            return edit
        self.add("huge_consistent", g,
                 f"fields of shape [{huge}][{huge}] (8 TiB each, contiguous, no storage) "
                 "and nx, ny to match", edit=huge_consistent(False), reseal=True, np2=True)
        self.add("huge_consistent_chunked", g,
                 f"fields of shape [{huge}][{huge}], chunked, no chunk written, and nx, ny to match",
                 edit=huge_consistent(True), reseal=True)
        # A chunk larger than the dataset (legal in HDF5 for an extendible
        # dataset): refused before HDF5 allocates such a chunk to read.
        self.add("dens_chunk_beyond_dataset", g,
                 "/fields/dens extendible, chunks [64 ny][64 nx] larger than the dataset",
                 np2=True, edit=lambda f: replace_dataset(
                     f, "fields/dens", d["/fields/dens"], maxshape=(None, None),
                     chunks=(64 * self.ny, 64 * self.nx)))

    def values(self):
        g = "values"
        nan, inf = float("nan"), float("inf")
        for name, attr, v, np2 in (
                ("time_nan", "time", nan, True), ("time_inf", "time", inf, False),
                ("time_neginf", "time", -inf, False), ("time_neg1", "time", -1.0, False),
                ("dt_nan", "dt", nan, False), ("dt_neg1", "dt", -1.0, False),
                ("dt_inf", "dt", inf, False),
                ("gamma_1", "gamma", 1.0, True), ("gamma_nan", "gamma", nan, False),
                ("gamma_inf", "gamma", inf, False),
                ("x1min_nan", "x1min", nan, False), ("x2max_inf", "x2max", inf, False)):
            self.attr(name, g, f"'{attr}' = {v}", attr, np.float64(v), reseal=True, np2=np2)
        for name, attr, v, np2 in (
                ("step_neg5", "step", -5, True), ("step_2p62", "step", 2**62, False),
                ("format_version_3", "format_version", 3, True),
                ("format_version_neg1", "format_version", -1, False)):
            self.attr(name, g, f"'{attr}' = {v}", attr, np.int64(v), reseal=True, np2=np2)
        # A version-1 file is slabhydro 0.1's: another run's output, which a
        # restart below it refuses to move without --force (README, "Safety"),
        # so no (c) check.
        self.attr("format_version_1", g, "'format_version' = 1", "format_version", np.int64(1),
                  reseal=True, latest=False)
        self.attr("step_time0", g, "'time' = 0 with 'step' > 0", "time", np.float64(0.0),
                  reseal=True)

        def swap_x1(f):
            lo, hi = float(self.a["x1min"]), float(self.a["x1max"])
            set_attr(f, "x1min", np.float64(hi))
            set_attr(f, "x1max", np.float64(lo))
        self.add("x1_reversed", g, "'x1min' and 'x1max' swapped (an empty domain)", edit=swap_x1,
                 reseal=True)
        for name, attr, v, np2 in (
                ("boundary_bogus", "boundary_x1_inner", "bogus", True),
                ("problem_bogus", "problem", "bogus", True),
                ("format_other", "format", "other", True),
                ("format_empty", "format", "", False),
                ("state_digest_15hex", "state_digest", self.s("state_digest")[:15], False),
                ("state_digest_upper", "state_digest", self.s("state_digest").upper(), False),
                ("state_digest_nonhex", "state_digest", "z" * 16, False)):
            self.add(name, g, f"'{attr}' = '{v}'", reseal=True, np2=np2,
                     edit=lambda f, attr=attr, v=v: str_attr(f, attr, v))
        for attr in ("format", "time", "step", "nx", "deck", "state_digest", "boundary_x2_outer"):
            self.add(f"{attr}_missing", g, f"'{attr}' missing", reseal=True,
                     np2=attr == "time", edit=lambda f, attr=attr: f.attrs.__delitem__(attr))
        self.add("complete_missing", g, "'complete' missing (an unfinished write)",
                 edit=lambda f: f.attrs.__delitem__("complete"))
        self.attr("complete_0", g, "'complete' = 0", "complete", np.int64(0))
        self.attr("complete_2", g, "'complete' = 2", "complete", np.int64(2))

    def structure(self):
        g = "structure"
        d = self.data
        aux = os.path.join(self.out, "aux")
        ext = os.path.join(aux, "dens_ext.h5")
        with h5py.File(ext, "w") as f:  # the right data, in another file
            f["dens"] = d["/fields/dens"]
        fifo = os.path.join(aux, "fifo")
        if not os.path.exists(fifo):
            os.mkfifo(fifo)
        nowhere = os.path.join(aux, "no_such_file.h5")

        def link(target):
            def edit(f):
                del f["fields/dens"]
                f["fields/dens"] = target
            return edit
        self.add("dens_missing", g, "/fields/dens missing", np2=True,
                 edit=lambda f: f.__delitem__("fields/dens"))
        self.add("dens_softlink_momx", g, "/fields/dens a soft link to /fields/momx", np2=True,
                 edit=link(h5py.SoftLink("/fields/momx")))
        self.add("dens_softlink_nowhere", g, "/fields/dens a soft link to /nowhere",
                 edit=link(h5py.SoftLink("/nowhere")))

        def softlink_copy(f):
            f["/stash/dens"] = d["/fields/dens"]
            del f["fields/dens"]
            f["fields/dens"] = h5py.SoftLink("/stash/dens")
        self.add("dens_softlink_copy", g,
                 "/fields/dens a soft link to a dataset of the right data (a checkpoint holds "
                 "datasets, not links)", edit=softlink_copy)

        def fields_softlink(f):
            f.move("fields", "stash")
            f["fields"] = h5py.SoftLink("/stash")
        self.add("fields_softlink", g,
                 "/fields a soft link to a group holding the right datasets", edit=fields_softlink)
        self.add("dens_extlink_file", g,
                 "/fields/dens an external link to another file holding the right data",
                 np2=True, edit=link(h5py.ExternalLink(ext, "/dens")))
        self.add("dens_extlink_fifo", g, "/fields/dens an external link to a FIFO (must not hang)",
                 np2=True, edit=link(h5py.ExternalLink(fifo, "/dens")))
        self.add("dens_extlink_missing", g, "/fields/dens an external link to a missing file",
                 edit=link(h5py.ExternalLink(nowhere, "/dens")))

        def fields_dataset(f):
            del f["fields"]
            f["fields"] = d["/fields/dens"]
        self.add("fields_dataset", g, "/fields a dataset, not a group", np2=True,
                 edit=fields_dataset)

        def dens_group(f):
            del f["fields/dens"]
            f.create_group("fields/dens")
        self.add("dens_group", g, "/fields/dens a group", np2=True, edit=dens_group)

        def dens_datatype(f):
            del f["fields/dens"]
            f["fields/dens"] = np.dtype("<f8")
        self.add("dens_named_datatype", g, "/fields/dens a committed datatype", edit=dens_datatype)

        def unavailable_filter(f):
            del f["fields/dens"]
            dcpl = dcpl_chunked((self.ny, self.nx))
            dcpl.set_filter(UNKNOWN_FILTER, h5py.h5z.FLAG_OPTIONAL, ())
            ds = h5py.h5d.create(f.id, b"/fields/dens", h5py.h5t.IEEE_F64LE,
                                 h5py.h5s.create_simple((self.ny, self.nx)), dcpl=dcpl)
            ds.write_direct_chunk((0, 0), d["/fields/dens"].astype("<f8").tobytes(), filter_mask=0)
        self.add("dens_unavailable_filter", g,
                 f"/fields/dens chunked, filter {UNKNOWN_FILTER} (registered by nobody) in its "
                 "pipeline and applied (filter mask 0)", np2=True, edit=unavailable_filter)

        def fletcher_bad(f):
            del f["fields/ener"]
            dcpl = dcpl_chunked((self.ny, self.nx))
            dcpl.set_fletcher32()
            ds = h5py.h5d.create(f.id, b"/fields/ener", h5py.h5t.IEEE_F64LE,
                                 h5py.h5s.create_simple((self.ny, self.nx)), dcpl=dcpl)
            ds.write_direct_chunk((0, 0), d["/fields/ener"].astype("<f8").tobytes() + b"\1\2\3\4",
                                  filter_mask=0)
        self.add("ener_fletcher32_bad", g,
                 "/fields/ener with the Fletcher32 filter and a chunk whose checksum is wrong",
                 edit=fletcher_bad)

    def integrity(self):
        g = "integrity"
        chk = self.s("meta_checksum") if "meta_checksum" in self.a else meta.checksum(self.src)
        self.add("meta_edit_time", g, "'time' += 1e-9, meta_checksum not updated", np2=True,
                 edit=lambda f: set_attr(f, "time", np.float64(self.a["time"] + 1e-9)))
        self.add("meta_edit_written_at", g, "'written_at' changed, meta_checksum not updated",
                 edit=lambda f: str_attr(f, "written_at", "2001-01-01T00:00:00Z"))
        self.add("meta_edit_deck", g, "a comment added to 'deck', meta_checksum not updated",
                 edit=lambda f: str_attr(f, "deck", self.s("deck") + "\n# edited\n"))
        self.add("meta_checksum_missing", g, "'meta_checksum' missing", np2=True,
                 edit=lambda f: f.attrs.__delitem__("meta_checksum")
                 if "meta_checksum" in f.attrs else None)
        flipped = chk[:-1] + ("0" if chk[-1] != "0" else "1")
        for name, v in (("meta_checksum_wrong", flipped), ("meta_checksum_15hex", chk[:15]),
                        ("meta_checksum_17hex", chk + "0"), ("meta_checksum_upper", chk.upper()),
                        ("meta_checksum_nonhex", "z" * 16)):
            self.add(name, g, f"'meta_checksum' = '{v}'",
                     edit=lambda f, v=v: str_attr(f, "meta_checksum", v))
        self.attr("meta_checksum_int64", g, "'meta_checksum' an int64 of its value",
                  "meta_checksum", np.array(int(chk, 16), dtype="<u8").view("<i8")[()])
        self.add("lineage_missing", g, "'lineage' missing", reseal=True, np2=True,
                 edit=lambda f: f.attrs.__delitem__("lineage") if "lineage" in f.attrs else None)
        lin = self.base_lineage
        for name, v in (("lineage_31hex", lin[:31]), ("lineage_33hex", lin + "0"),
                        ("lineage_upper", lin.upper()), ("lineage_nonhex", "g" * 32)):
            self.add(name, g, f"'lineage' = '{v}'", reseal=True,
                     edit=lambda f, v=v: str_attr(f, "lineage", v))
        self.attr("lineage_int64", g, "'lineage' an int64", "lineage", np.int64(12345), reseal=True)

    def data_changes(self):
        e = self.data["/fields/ener"]

        def one_value(f):
            x = e.copy()
            x[3 % self.ny, 5 % self.nx] = np.nextafter(x[3 % self.ny, 5 % self.nx], np.inf)
            f["fields/ener"][...] = x
        self.add("ener_one_ulp", "data", "one value of /fields/ener changed by one ulp", np2=True,
                 edit=one_value, sealed="n/a")

    def files(self):
        g = "file"
        half = self.size // 2

        def truncate(n):
            def raw(p):
                with open(p, "r+b") as f:
                    f.truncate(n)
            return raw
        self.add("truncated_half", g, f"the file truncated to {half} bytes", raw=truncate(half),
                 np2=True, sealed="n/a")
        self.add("truncated_zero", g, "the file truncated to 0 bytes", raw=truncate(0), np2=True,
                 sealed="n/a")
        self.add("truncated_minus1", g, "the file's last byte cut", raw=truncate(self.size - 1),
                 sealed="n/a")
        rnd = random.Random(SEED)
        junk = rnd.randbytes(self.size)
        self.add("random_bytes", g, f"{self.size} random bytes", np2=True, sealed="n/a",
                 make=lambda p: open(p, "wb").write(junk))
        self.add("directory", g, "a directory with the checkpoint's name", kind="dir", np2=True,
                 make=os.mkdir)
        self.add("fifo", g, "a FIFO with the checkpoint's name (must not hang)", kind="fifo",
                 np2=True, make=os.mkfifo)
        self.add("symlink_dev_zero", g, "a symbolic link to /dev/zero", kind="symlink", np2=True,
                 make=lambda p: os.symlink("/dev/zero", p))
        self.add("symlink_nowhere", g, "a symbolic link to nothing", kind="symlink",
                 make=lambda p: os.symlink(os.path.join(self.out, "aux", "nothing_here.h5"), p))
        self.add("symlink_loop", g, "a symbolic link to itself", kind="symlink",
                 make=lambda p: os.symlink(os.path.basename(p), p))

    def bitflips(self):
        # Distinct (byte, bit) positions in the first 4 KiB (HDF5's own metadata).
        rnd = random.Random(SEED + 1)
        span = min(4096, self.size)
        positions = sorted(rnd.sample(range(span * 8), BITFLIPS))
        for pos in positions:
            byte, bit = divmod(pos, 8)

            def raw(p, byte=byte, bit=bit):
                with open(p, "r+b") as f:
                    f.seek(byte)
                    b = f.read(1)[0]
                    f.seek(byte)
                    f.write(bytes([b ^ (1 << bit)]))
            self.add(f"bitflip_{byte:04d}_{bit}", "bitflip", f"bit {bit} of byte {byte} flipped",
                     expect=REFUSE_OR_CORRECT, raw=raw, latest=False, sealed="n/a")

    def accepted(self):
        g = "accepted"
        d = self.data
        self.add("control_copy", g, "an unchanged copy", expect=ACCEPT, np2=True)

        def rewrite_fields(**kw):
            def edit(f):
                for n in FIELDS:
                    replace_dataset(f, n, d[n], **kw)
            return edit
        self.add("chunked_plain", g, "fields chunked [4][8], no filter", expect=ACCEPT, np2=True,
                 edit=rewrite_fields(chunks=(min(4, self.ny), min(8, self.nx))), sealed="n/a")
        self.add("chunked_gzip", g, "fields chunked and gzip-compressed", expect=ACCEPT, np2=True,
                 edit=rewrite_fields(chunks=(min(4, self.ny), min(8, self.nx)),
                                     compression="gzip", compression_opts=6), sealed="n/a")
        self.add("chunked_shuffle_fletcher32", g, "fields chunked, shuffle and Fletcher32",
                 expect=ACCEPT, edit=rewrite_fields(chunks=(self.ny, self.nx), shuffle=True,
                                                    fletcher32=True), sealed="n/a")

        if h5py.h5z.filter_avail(h5py.h5z.FILTER_SZIP):
            try:  # h5py's HDF5 may decode szip only
                self.add("chunked_szip", g, "fields chunked and szip-compressed (nn, 8)",
                         expect=ACCEPT, sealed="n/a",
                         edit=rewrite_fields(chunks=(self.ny, min(8, self.nx)),
                                             compression="szip", compression_opts=("nn", 8)))
            except (ValueError, OSError):
                pass

        def compact(f):
            for n in FIELDS:
                del f[n]
                dcpl = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
                dcpl.set_layout(h5py.h5d.COMPACT)
                ds = h5py.h5d.create(f.id, n.encode(), h5py.h5t.IEEE_F64LE,
                                     h5py.h5s.create_simple(d[n].shape), dcpl=dcpl)
                ds.write(h5py.h5s.ALL, h5py.h5s.ALL, np.ascontiguousarray(d[n], dtype="<f8"))
        if 4 * 8 * self.nx * self.ny < 60000:  # compact data live in the object header (< 64 KiB)
            self.add("compact_layout", g, "fields with the compact layout", expect=ACCEPT,
                     edit=compact, sealed="n/a")

        def fixed(pad, extra):
            def edit(f):
                for n in STRING_ATTRS:
                    if n in f.attrs:
                        raw = self.s(n).encode()
                        fixed_string_attr(f, n, raw, len(raw) + extra, pad)
            return edit
        self.add("fixed_strings_nullpad", g,
                 "every string attribute a fixed-length UTF-8 string of its length (NULLPAD, "
                 "as h5py writes them); the meta_checksum unchanged", expect=ACCEPT, np2=True,
                 edit=fixed(h5py.h5t.STR_NULLPAD, 0), sealed="original")
        self.add("fixed_strings_nullterm", g,
                 "every string attribute a fixed-length NUL-terminated UTF-8 string with 8 bytes "
                 "to spare; the meta_checksum unchanged", expect=ACCEPT,
                 edit=fixed(h5py.h5t.STR_NULLTERM, 8), sealed="original")

        def user_attrs(f):
            str_attr(f, "user_note", "tagged by hand")
            set_attr(f, "user_count", np.int64(7))
            set_attr(f, "user_array", np.arange(3.0))
        self.add("user_attributes", g, "extra root attributes a user added (not covered)",
                 expect=ACCEPT, np2=True, edit=user_attrs, sealed="original")

        def latest_libver(p):
            with h5py.File(self.src, "r") as s, h5py.File(p, "w", libver="latest") as f:
                for k in s:
                    s.copy(s[k], f, k)
                for k in s.attrs:
                    f.attrs.create(k, data=s.attrs[k], dtype=s.attrs.get_id(k).dtype)
        self.add("libver_latest", g, "the same content in a file of the newest HDF5 format "
                 "(superblock v3, checksummed metadata)", expect=ACCEPT, make=latest_libver,
                 sealed="original")

    def self_check(self):
        # The accepted variants hold the source's data and attribute values.
        want_digest = meta.state_digest(self.src)
        want_sum = meta.checksum(self.src)
        for e in self.entries:
            if e["expect"] != ACCEPT:
                continue
            p = os.path.join(self.out, e["file"])
            got = (meta.state_digest(p), meta.checksum(p))
            if got != (want_digest, want_sum):
                raise SystemExit(f"hostile_files: {e['name']}: digest/checksum {got} differ "
                                 f"from the source's {(want_digest, want_sum)}")

    def write_manifest(self):
        with open(os.path.join(self.out, "manifest.json"), "w") as f:
            json.dump({e["name"]: e for e in self.entries}, f, indent=1)
        cols = ("name", "file", "kind", "expect", "np2", "latest", "group", "sealed", "desc")
        with open(os.path.join(self.out, "manifest.tsv"), "w") as f:
            for e in self.entries:
                f.write("\t".join(str(int(e[c])) if isinstance(e[c], bool) else str(e[c])
                                  for c in cols) + "\n")


def generate(src_checkpoint, outdir):
    g = Generator(src_checkpoint, outdir)
    for part in (g.accepted, g.attribute_shapes, g.attribute_types, g.sizes, g.values,
                 g.structure, g.integrity, g.data_changes, g.files, g.bitflips):
        part()
    names = [e["name"] for e in g.entries]
    assert len(names) == len(set(names)), "duplicate variant names"
    g.self_check()
    g.write_manifest()
    return g.entries


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: hostile_files.py SRC_CHECKPOINT OUTDIR")
    entries = generate(sys.argv[1], sys.argv[2])
    n = {}
    for e in entries:
        n[e["expect"]] = n.get(e["expect"], 0) + 1
    print(f"hostile_files: {len(entries)} variants in {sys.argv[2]}: " +
          ", ".join(f"{v} {k}" for k, v in sorted(n.items())))
