#!/usr/bin/python3
"""vis/slabhydro_read.py against real slabhydro files: values equal a raw
h5py read, coordinates are the deck's domain, primitives of a Sod initial
state, plot primitives equal the checkpoint's, verify (good, flipped data
bit, no 'complete' mark, changed attribute) and refusals.

    /usr/bin/python3 test_reader.py SLABHYDRO_BINARY
"""
import os
import shutil
import subprocess

import vislib

vislib.require("numpy", "h5py")
import h5py  # noqa: E402
import numpy as np  # noqa: E402

import slabhydro_read as sr  # noqa: E402
from vislib import ScratchCase, files, run_slabhydro, run_tool  # noqa: E402

# A Sedov blast on a non-square mesh and an off-centre, non-square domain, so
# that a swapped x/y or a wrong extent shows.
DOMAIN = dict(x1min=-0.75, x1max=0.45, x2min=-0.3, x2max=0.5)
NX, NY = 48, 32


class Reader(ScratchCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sedov = os.path.join(cls.tmp, "sedov")
        sets = [f"mesh.nx={NX}", f"mesh.ny={NY}", "time.nlim=20", "plot.every_steps=10",
                "checkpoint.every_steps=10"] + [f"mesh.{k}={v}" for k, v in DOMAIN.items()]
        _, cls.sedov_digest = run_slabhydro("sedov.yaml", cls.sedov, sets, ranks=2)
        cls.sod = os.path.join(cls.tmp, "sod")
        _, cls.sod_digest = run_slabhydro("sod.yaml", cls.sod, ["time.nlim=0"], ranks=1)
        cls.chk = files(cls.sedov, r"sedov_chk_\d+\.h5")
        cls.plt = files(cls.sedov, r"sedov_plt_\d+\.h5")
        cls.sod_chk = files(cls.sod, r"sod_chk_\d+\.h5")

    def test_files_made(self):
        self.assertEqual([os.path.basename(p) for p in self.chk],
                         ["sedov_chk_000010.h5", "sedov_chk_000020.h5"])
        self.assertEqual(len(self.plt), 3)
        self.assertEqual([os.path.basename(p) for p in self.sod_chk], ["sod_chk_000000.h5"])

    def test_values_equal_raw_h5py(self):
        for path in self.chk + self.plt + self.sod_chk:
            d = sr.read(path)
            with h5py.File(path, "r") as f:
                names = sorted(f["fields"])
                self.assertEqual(sorted(d.fields), names, path)
                for n in names:
                    raw = f["fields"][n][...]
                    self.assertEqual(d.fields[n].dtype, raw.dtype)
                    self.assertEqual(d.fields[n].shape, (int(f.attrs["ny"]), int(f.attrs["nx"])))
                    # bit for bit (NaN-safe): compare the bytes
                    self.assertEqual(d.fields[n].tobytes(), raw.tobytes(), f"{path}:{n}")
                np.testing.assert_array_equal(d.x, f["coordinates/x"][...])
                np.testing.assert_array_equal(d.y, f["coordinates/y"][...])
                self.assertEqual(d.time, float(f.attrs["time"]))
                self.assertEqual(d.step, int(f.attrs["step"]))
                self.assertEqual(set(d.attrs), set(f.attrs))
                for k, v in f.attrs.items():
                    want = v.decode() if isinstance(v, bytes) else v
                    self.assertEqual(d.attrs[k], want, k)
                    self.assertNotIsInstance(d.attrs[k], bytes)
            kind = "checkpoint" if "_chk_" in path else "plot"
            self.assertEqual(d.kind, kind)
            self.assertEqual(d.path, path)
        d = sr.read(self.chk[-1])
        self.assertEqual(d.kind, "checkpoint")
        self.assertEqual(d.step, 20)
        self.assertEqual(d.attrs["problem"], "sedov")
        self.assertEqual(d.attrs["state_digest"], self.sedov_digest)

    def test_coordinates_match_deck(self):
        for path in self.chk + self.plt:
            d = sr.read(path)
            self.assertEqual((d.nx, d.ny), (NX, NY))
            self.assertEqual(d.extent, (DOMAIN["x1min"], DOMAIN["x1max"],
                                        DOMAIN["x2min"], DOMAIN["x2max"]))
            dx = (DOMAIN["x1max"] - DOMAIN["x1min"]) / NX
            dy = (DOMAIN["x2max"] - DOMAIN["x2min"]) / NY
            self.assertEqual(d.x.shape, (NX,))
            self.assertEqual(d.y.shape, (NY,))
            self.assertEqual(d.x_edges.shape, (NX + 1,))
            self.assertEqual(d.y_edges.shape, (NY + 1,))
            np.testing.assert_allclose(d.x, DOMAIN["x1min"] + (np.arange(NX) + 0.5) * dx,
                                       rtol=0, atol=1e-14)
            np.testing.assert_allclose(d.y, DOMAIN["x2min"] + (np.arange(NY) + 0.5) * dy,
                                       rtol=0, atol=1e-14)
            self.assertEqual(d.x_edges[0], DOMAIN["x1min"])
            self.assertEqual(d.x_edges[-1], DOMAIN["x1max"])
            self.assertEqual(d.y_edges[0], DOMAIN["x2min"])
            self.assertEqual(d.y_edges[-1], DOMAIN["x2max"])
            np.testing.assert_allclose(0.5 * (d.x_edges[1:] + d.x_edges[:-1]), d.x, atol=1e-14)
            np.testing.assert_allclose(0.5 * (d.y_edges[1:] + d.y_edges[:-1]), d.y, atol=1e-14)
        # a plot file's node coordinates are the stored ones
        with h5py.File(self.plt[0], "r") as f:
            d = sr.read(self.plt[0])
            np.testing.assert_array_equal(d.x_edges, f["coordinates/x_nodes"][...])
            np.testing.assert_array_equal(d.y_edges, f["coordinates/y_nodes"][...])

    def test_sod_initial_primitives(self):
        d = sr.read(self.sod_chk[0])
        self.assertEqual(d.step, 0)
        self.assertEqual(d.time, 0.0)
        p = sr.primitives(d)
        left, right = d.x < 0.5, d.x > 0.5
        self.assertEqual(left.sum(), d.nx // 2)
        self.assertEqual(right.sum(), d.nx // 2)
        np.testing.assert_allclose(p["dens"][:, left], 1.0, rtol=1e-14)
        np.testing.assert_allclose(p["dens"][:, right], 0.125, rtol=1e-14)
        np.testing.assert_allclose(p["pres"][:, left], 1.0, rtol=1e-14)
        np.testing.assert_allclose(p["pres"][:, right], 0.1, rtol=1e-14)
        np.testing.assert_array_equal(p["velx"], 0.0)
        np.testing.assert_array_equal(p["vely"], 0.0)
        np.testing.assert_allclose(p["cs"][:, left], np.sqrt(1.4), rtol=1e-14)
        np.testing.assert_allclose(p["cs"][:, right], np.sqrt(1.4 * 0.1 / 0.125), rtol=1e-14)
        np.testing.assert_allclose(p["eint"][:, left], 1.0 / 0.4, rtol=1e-14)
        np.testing.assert_array_equal(p["mach"], 0.0)

    def test_plot_primitives_equal_checkpoint(self):
        # the plot file of step 20 holds float32 of the checkpoint's primitives,
        # computed in the same order of operations
        chk = sr.read(os.path.join(self.sedov, "sedov_chk_000020.h5"))
        plt_ = sr.read(os.path.join(self.sedov, "sedov_plt_000020.h5"))
        self.assertEqual((chk.time, chk.step), (plt_.time, plt_.step))
        pc, pp = sr.primitives(chk), sr.primitives(plt_)
        for n in ("dens", "velx", "vely", "pres"):
            self.assertIs(pp[n], plt_.fields[n])  # a plot file's own fields
            self.assertEqual(pc[n].dtype, np.float64)
            np.testing.assert_array_equal(pc[n].astype(np.float32), pp[n], err_msg=n)
        self.assertGreater(float(np.abs(pc["velx"]).max()), 0.1)  # the blast has moved

    def test_verify_good_files(self):
        for path in self.chk + self.plt + self.sod_chk:
            r = sr.verify(path)
            self.assertTrue(r.ok, f"{path}: {r.reasons}")
            self.assertEqual(r.reasons, [])
            self.assertTrue(r.complete)
            self.assertEqual(r.meta_checksum_stored, r.meta_checksum_computed)
        # the digest recomputed in numpy is the one the run printed
        r = sr.verify(self.chk[-1])
        self.assertEqual(r.digest_computed, self.sedov_digest)
        self.assertEqual(r.digest_stored, self.sedov_digest)
        self.assertEqual(sr.verify(self.sod_chk[0]).digest_computed, self.sod_digest)
        # and the digest of an intermediate checkpoint is the stored one, bit for bit
        with h5py.File(self.chk[0], "r") as f:
            u = [f["fields/" + n][...] for n in sr.CHECKPOINT_FIELDS]
            stored = f.attrs["state_digest"].decode()
        self.assertEqual(sr.state_digest(u), stored)
        self.assertEqual(sr.state_digest(np.stack(u)), stored)
        rc, out, err = run_tool(vislib.READ_TOOL, "--verify", *self.chk, *self.plt)
        self.assertEqual(rc, 0, err)
        self.assertEqual(out.count(" OK"), len(self.chk) + len(self.plt))

    def copy(self, src, name):
        dst = os.path.join(self.tmp, name)
        shutil.copyfile(src, dst)
        return dst

    def test_verify_flipped_data_value(self):
        bad = self.copy(self.chk[-1], "flipped.h5")
        with h5py.File(bad, "r+") as f:
            ds = f["fields/ener"]
            a = ds[...]
            bits = a.view(np.uint64)
            bits[NY // 3, NX // 5] ^= np.uint64(1)  # lowest mantissa bit of one value
            ds[...] = a
        r = sr.verify(bad)
        self.assertFalse(r.ok)
        self.assertFalse(bool(r))
        self.assertEqual(len(r.reasons), 1, r.reasons)
        self.assertIn("state digest", r.reasons[0])
        self.assertEqual(r.digest_stored, self.sedov_digest)
        self.assertNotEqual(r.digest_computed, self.sedov_digest)
        self.assertTrue(r.complete)
        # slabhydro itself agrees that it is bad
        p = subprocess.run([vislib.BIN, "inspect", bad], env=vislib.ENV,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.assertEqual(p.returncode, 1, p.stdout)
        self.assertIn(r.digest_computed, p.stdout)
        rc, out, _ = run_tool(vislib.READ_TOOL, "--verify", bad)
        self.assertEqual(rc, 1)
        self.assertIn("FAILED", out)

    def test_verify_without_complete(self):
        for src in (self.chk[-1], self.plt[-1]):
            bad = self.copy(src, "incomplete_" + os.path.basename(src))
            with h5py.File(bad, "r+") as f:
                del f.attrs["complete"]
            r = sr.verify(bad)
            self.assertFalse(r.ok)
            self.assertFalse(r.complete)
            self.assertTrue(any("complete" in s for s in r.reasons), r.reasons)
            with self.assertRaisesRegex(ValueError, "incomplete"):
                sr.read(bad)
            d = sr.read(bad, allow_incomplete=True)
            self.assertEqual(d.step, sr.read(src).step)
        # complete = 0 is not complete either
        bad = self.copy(self.chk[-1], "complete0.h5")
        with h5py.File(bad, "r+") as f:
            f.attrs["complete"] = np.int64(0)
        self.assertFalse(sr.verify(bad).ok)

    def test_verify_changed_attribute(self):
        bad = self.copy(self.plt[-1], "changed_time.h5")
        with h5py.File(bad, "r+") as f:
            f.attrs["time"] = np.float64(f.attrs["time"] * 2)
        r = sr.verify(bad)
        self.assertFalse(r.ok)
        self.assertTrue(any("metadata checksum" in s for s in r.reasons), r.reasons)

    def test_refuses_other_files(self):
        text = os.path.join(self.tmp, "notes.txt")
        with open(text, "w") as f:
            f.write("not HDF5\n")
        other = os.path.join(self.tmp, "other.h5")
        with h5py.File(other, "w") as f:
            f["fields/dens"] = np.zeros((2, 2))
            f.attrs["format"] = np.bytes_(b"something-else")
        bare = os.path.join(self.tmp, "bare.h5")
        with h5py.File(bare, "w") as f:
            f["x"] = np.zeros(3)
        xmf = self.plt[0][:-3] + ".xmf"
        for path in (text, other, bare, xmf, self.tmp):
            for fn in (sr.read, sr.verify):
                with self.assertRaises(ValueError) as cm:
                    fn(path)
                self.assertIn(path, str(cm.exception))
                self.assertIn("not a slabhydro file", str(cm.exception))
        missing = os.path.join(self.tmp, "missing.h5")
        for fn in (sr.read, sr.verify):
            with self.assertRaises(FileNotFoundError) as cm:
                fn(missing)
            self.assertIn(missing, str(cm.exception))
        with self.assertRaisesRegex(ValueError, "unknown field 'foo'.*dens"):
            sr.get_field(sr.read(self.plt[0]), "foo")
        rc, out, err = run_tool(vislib.READ_TOOL, text)
        self.assertEqual(rc, 1)
        self.assertEqual(len(err.strip().splitlines()), 1, err)
        self.assertIn(text, err)


if __name__ == "__main__":
    vislib.main()
