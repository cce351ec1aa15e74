#!/usr/bin/python3
"""vis/slabhydro_read.load_yt on a Sedov blast run on 2 ranks: the domain,
dimensions, time, units and values yt sees, a SlicePlot, and the radius of
the density maximum (the shell) from yt against the one from read().

    /usr/bin/python3 test_yt.py SLABHYDRO_BINARY
"""
import os

import vislib

vislib.require("numpy", "h5py", "yt")
import numpy as np  # noqa: E402

import slabhydro_read as sr  # noqa: E402
from vislib import ScratchCase, files, run_slabhydro  # noqa: E402

N = 64


def shell_radius(x, y, dens):
    """Radius of the density maximum; x, y, dens 1-D arrays of the same zones.
    With the blast's symmetry several zones tie; they lie at one radius."""
    k = np.flatnonzero(dens == dens.max())
    r = np.hypot(x[k], y[k])
    return float(r.min()), float(r.max())


class Yt(ScratchCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        import yt
        yt.set_log_level(40)
        cls.yt = yt
        cls.out = os.path.join(cls.tmp, "run")
        run_slabhydro("sedov.yaml", cls.out, [f"mesh.nx={N}", f"mesh.ny={N}", "time.nlim=40",
                                              "checkpoint.every_steps=20", "plot.every_steps=20"],
                      ranks=2)
        cls.chk = files(cls.out, r"sedov_chk_\d+\.h5")
        cls.plt = files(cls.out, r"sedov_plt_\d+\.h5")

    def test_dataset(self):
        for path in (self.chk[-1], self.plt[-1]):
            d = sr.read(path)
            ds = sr.load_yt(path)
            self.assertEqual(ds.dimensionality, 2)
            np.testing.assert_array_equal(ds.domain_dimensions, [N, N, 1])
            np.testing.assert_array_equal(ds.domain_left_edge.to("code_length").d,
                                          [-0.5, -0.5, 0.0])
            np.testing.assert_array_equal(ds.domain_right_edge.to("code_length").d,
                                          [0.5, 0.5, 1.0])
            self.assertEqual(float(ds.current_time.to("code_time")), d.time)
            self.assertGreater(d.time, 0)
            self.assertEqual(ds.current_step, d.step)
            self.assertEqual(ds.parameters["step"], 40)
            fl = set(ds.field_list)
            for n in d.fields:
                self.assertIn(("stream", n), fl)
            for n in ("density", "velocity_x", "velocity_y", "pressure"):
                self.assertIn(("stream", n), fl)
            ad = ds.all_data()
            rho = ad["gas", "density"]
            self.assertEqual(str(rho.units), "code_mass/code_length**3")
            self.assertEqual(str(ad["gas", "pressure"].to("code_pressure").units), "code_pressure")
            # zone (i, j) in yt is zone [j, i] of read()
            xi = np.rint((ad["index", "x"].to("code_length").d + 0.5) * N - 0.5).astype(int)
            yj = np.rint((ad["index", "y"].to("code_length").d + 0.5) * N - 0.5).astype(int)
            np.testing.assert_allclose(ad["index", "x"].to("code_length").d, d.x[xi], atol=1e-12)
            np.testing.assert_allclose(ad["index", "y"].to("code_length").d, d.y[yj], atol=1e-12)
            np.testing.assert_array_equal(rho.d, d.fields["dens"][yj, xi].astype(np.float64))
            p = sr.primitives(d)
            np.testing.assert_array_equal(ad["gas", "velocity_x"].to("code_velocity").d,
                                          np.asarray(p["velx"], np.float64)[yj, xi])
            # mass in yt (unit thickness) equals the sum of dens * dx * dy
            mass = float(ad["gas", "mass"].to("code_mass").sum())
            self.assertAlmostEqual(mass, float(d.fields["dens"].astype(np.float64).sum()) / N**2,
                                   places=6)

    def test_slice_plot(self):
        ds = sr.load_yt(self.chk[-1])
        for k, field in enumerate((("gas", "density"), "density", ("stream", "dens"))):
            p = self.yt.SlicePlot(ds, "z", field)
            out = os.path.join(self.tmp, f"slice_{k}.png")
            written = p.save(out)
            self.assertTrue(os.path.isfile(written[0]), written)
            self.assertGreater(os.path.getsize(written[0]), 5000)
        frb = self.yt.SlicePlot(ds, "z", ("gas", "density")).frb[("gas", "density")].d
        self.assertGreater(float(frb.max()), 1.5)  # the shell is compressed
        self.assertLess(float(frb.min()), 1.0)     # the inside rarefied

    def test_shell_radius(self):
        radii = []
        for path in self.chk:
            d = sr.read(path)
            X, Y = np.meshgrid(d.x, d.y)  # [ny][nx], like the fields
            r_read = shell_radius(X.ravel(), Y.ravel(), d.fields["dens"].ravel())
            ad = sr.load_yt(path).all_data()
            r_yt = shell_radius(ad["index", "x"].to("code_length").d,
                                ad["index", "y"].to("code_length").d,
                                ad["gas", "density"].d)
            self.assertAlmostEqual(r_read[0], r_yt[0], delta=1e-9)
            self.assertAlmostEqual(r_read[1], r_yt[1], delta=1e-9)
            # the tied maxima lie on one ring (symmetry), within a zone
            self.assertLess(r_read[1] - r_read[0], 1.5 / N)
            r = r_read[0]
            self.assertGreater(r, 0.0)
            self.assertLess(r, 0.5)  # inside the domain
            # a blast shell, outside the energy deposit (r = 0.05), near the
            # Sedov-Taylor radius (E t^2 / rho)^(1/4) (xi_0 ~ 1 for gamma 1.4)
            self.assertGreater(r, 0.05)
            r_st = (1.0 * d.time**2 / 1.0) ** 0.25
            self.assertGreater(r, 0.6 * r_st, (r, r_st))
            self.assertLess(r, 1.2 * r_st, (r, r_st))
            radii.append(r)
        self.assertEqual(len(radii), 2)
        self.assertGreater(radii[1], radii[0])  # the shell moves out


if __name__ == "__main__":
    vislib.main()
