#!/usr/bin/python3
"""vis/slabhydro_plot.py on real slabhydro files: a PNG that is a picture
(not one colour), a PDF, options, a montage, frames, and the error paths
(exit 1, one line).

    /usr/bin/python3 test_plot.py SLABHYDRO_BINARY
"""
import os

import vislib

vislib.require("numpy", "h5py", "matplotlib")
import matplotlib  # noqa: E402

matplotlib.use("Agg")
import h5py  # noqa: E402
import matplotlib.image as mpimg  # noqa: E402
import numpy as np  # noqa: E402

from vislib import PLOT_TOOL, ScratchCase, files, run_slabhydro, run_tool  # noqa: E402


def vislib_read():
    import sys
    sys.path.insert(0, os.path.dirname(PLOT_TOOL))
    import slabhydro_read
    return slabhydro_read


def pixels(path):
    img = mpimg.imread(path)
    self_check = img.ndim == 3 and img.shape[2] in (3, 4)
    assert self_check, f"{path}: not an RGB(A) image: shape {img.shape}"
    return img[:, :, :3]


def middle(path):
    """The distinct colours in the middle of the data area (a single picture:
    the axes fill the left part, the colour bar is on the right)."""
    img = pixels(path)
    h, w, _ = img.shape
    return np.unique(img[h * 3 // 10: h * 7 // 10, w * 2 // 10: w * 6 // 10].reshape(-1, 3),
                     axis=0)


class Plot(ScratchCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.out = os.path.join(cls.tmp, "run")
        run_slabhydro("sedov.yaml", cls.out, ["mesh.nx=48", "mesh.ny=48", "time.nlim=30",
                                              "plot.every_steps=10", "checkpoint.every_steps=30",
                                              "output.history_every=5"])
        cls.plt = files(cls.out, r"sedov_plt_\d+\.h5")
        cls.chk = files(cls.out, r"sedov_chk_\d+\.h5")
        cls.work = os.path.join(cls.tmp, "work")
        os.makedirs(cls.work)

    def plot(self, *args):
        return run_tool(PLOT_TOOL, *args, cwd=self.work)

    def assert_picture(self, path):
        self.assertTrue(os.path.isfile(path), path)
        img = pixels(path)
        flat = img.reshape(-1, 3)
        colours = np.unique((flat * 255).round().astype(np.uint8), axis=0)
        self.assertGreater(len(colours), 20, f"{path}: {len(colours)} colours")
        self.assertGreater(float(flat.std(axis=0).max()), 0.05, path)
        return img

    def test_inputs(self):
        self.assertEqual(len(self.plt), 4)
        self.assertEqual(len(self.chk), 1)

    def test_png(self):
        out = os.path.join(self.tmp, "dens.png")
        rc, stdout, err = self.plot(self.plt[-1], "--out", out)
        self.assertEqual(rc, 0, err)
        self.assertEqual(stdout.strip(), out)
        img = self.assert_picture(out)
        # the data area is not one colour: its middle row crosses the blast
        h, w, _ = img.shape
        row = img[h // 2, w // 10: w * 7 // 10]
        self.assertGreater(float(row.std(axis=0).max()), 0.05)

    def test_default_name_and_options(self):
        rc, stdout, err = self.plot(self.chk[0], "--field", "pres", "--log", "--cmap", "inferno")
        self.assertEqual(rc, 0, err)
        want = os.path.join(self.work, "sedov_chk_000030_pres.png")
        self.assertEqual(os.path.join(self.work, stdout.strip()), want)
        self.assert_picture(want)
        out = os.path.join(self.tmp, "clipped.png")
        rc, _, err = self.plot(self.plt[-1], "--vmin", "0.5", "--vmax", "2", "--out", out)
        self.assertEqual(rc, 0, err)
        self.assert_picture(out)
        # the colour scale matters: with a range far above the data, the middle
        # of the data area (the blast) is one colour
        rc, _, err = self.plot(self.plt[-1], "--vmin", "100", "--vmax", "200", "--out",
                               os.path.join(self.tmp, "flat.png"))
        self.assertEqual(rc, 0, err)
        self.assertGreater(len(middle(out)), 5)
        self.assertEqual(len(middle(os.path.join(self.tmp, "flat.png"))), 1)

    def test_pdf(self):
        out = os.path.join(self.tmp, "vel.pdf")
        rc, stdout, err = self.plot(self.chk[0], "--field", "velx", "--out", out)
        self.assertEqual(rc, 0, err)
        self.assertEqual(stdout.strip(), out)
        with open(out, "rb") as f:
            data = f.read()
        self.assertTrue(data.startswith(b"%PDF-"), data[:10])
        self.assertGreater(len(data), 2000)

    def test_montage(self):
        single = os.path.join(self.tmp, "single.png")
        self.assertEqual(self.plot(self.plt[0], "--out", single)[0], 0)
        out = os.path.join(self.tmp, "montage.png")
        rc, stdout, err = self.plot(*self.plt, "--montage", "--out", out)
        self.assertEqual(rc, 0, err)
        self.assertEqual(stdout.strip().splitlines(), [out])
        img = self.assert_picture(out)
        one = pixels(single)
        self.assertGreater(img.shape[1], 1.5 * one.shape[1])  # 2 x 2 panels
        self.assertGreater(img.shape[0], 1.5 * one.shape[0])

    def test_frames(self):
        d = os.path.join(self.tmp, "frames")
        rc, stdout, err = self.plot(*reversed(self.plt), "--frames", d)
        self.assertEqual(rc, 0, err)
        want = [os.path.join(d, f"frame_{k:04d}.png") for k in range(len(self.plt))]
        self.assertEqual(stdout.strip().splitlines(), want)
        self.assertEqual(sorted(os.listdir(d)), [os.path.basename(p) for p in want])
        # in time order whatever the order given: frame 0 is step 0, a uniform
        # density (one colour in the middle), the later ones show the blast
        self.assertEqual(len(middle(want[0])), 1)
        for p in want[1:]:
            self.assert_picture(p)
            self.assertGreater(len(middle(p)), 5, p)
        first, last = pixels(want[0]), pixels(want[-1])
        self.assertEqual(first.shape, last.shape)

    def assert_error(self, args, *words):
        rc, stdout, err = self.plot(*args)
        self.assertEqual(rc, 1, f"{args}: {stdout}{err}")
        self.assertEqual(stdout, "")
        lines = err.strip().splitlines()
        self.assertEqual(len(lines), 1, err)
        self.assertTrue(lines[0].startswith("slabhydro_plot.py: error: "), lines[0])
        for w in words:
            self.assertIn(w, lines[0])
        self.assertNotIn("Traceback", err)

    def test_history(self):
        hst = os.path.join(self.out, "sedov.hst")
        h = vislib_read().read_history(hst)
        self.assertEqual(list(h["step"]), [0, 5, 10, 15, 20, 25, 30])
        self.assertEqual(len(h["lineage"]), 32)
        # Sedov: outflow boundaries, the blast inside: mass and energy stay put.
        np.testing.assert_allclose(h["mass"], h["mass"][0], rtol=1e-12)
        np.testing.assert_allclose(h["energy"], h["energy"][0], rtol=1e-12)
        rc, out, err = self.plot(hst, "--out", "h.png")
        self.assertEqual(rc, 0, err)
        self.assertEqual(out.strip(), "h.png")
        self.assert_picture(os.path.join(self.work, "h.png"))
        rc, _, err = self.plot(hst, "--columns", "mass,nothing")
        self.assertEqual(rc, 1)
        self.assertIn("no column nothing", err)
        self.assertEqual(len(err.strip().splitlines()), 1, err)
        bad = os.path.join(self.work, "bad.hst")
        with open(bad, "w") as f:
            f.write("step time\n1 2\n")
        rc, _, err = self.plot(bad)
        self.assertEqual(rc, 1)
        self.assertIn("not a slabhydro history file", err)

    def test_errors(self):
        missing = os.path.join(self.tmp, "nope.h5")
        self.assert_error([missing], missing, "no such file")
        self.assert_error([self.plt[0], "--field", "rho"], "unknown field 'rho'", "dens",
                          "velx", "pres")
        self.assert_error([self.chk[0], "--field", "rho"], "unknown field 'rho'", "momx", "ener")
        text = os.path.join(self.tmp, "text.h5")
        with open(text, "w") as f:
            f.write("hello\n")
        self.assert_error([text], text, "not a slabhydro file")
        xmf = self.plt[0][:-3] + ".xmf"
        self.assert_error([xmf], xmf, "not a slabhydro file")
        other = os.path.join(self.tmp, "other.h5")
        with h5py.File(other, "w") as f:
            f.attrs["format"] = np.bytes_(b"athena")
        self.assert_error([other], other, "not a slabhydro file")
        # a bad file among good ones: nothing written
        out = os.path.join(self.tmp, "never.png")
        self.assert_error([self.plt[0], missing, "--montage", "--out", out], missing)
        self.assertFalse(os.path.exists(out))


if __name__ == "__main__":
    vislib.main()
