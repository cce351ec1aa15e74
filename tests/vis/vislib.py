"""Shared by the tests of vis/: runs of the slabhydro binary in a scratch
directory, and the paths of the tools.

Each test script is run as   /usr/bin/python3 test_X.py SLABHYDRO_BINARY [unittest args]
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
VIS = os.path.join(ROOT, "vis")
INPUTS = os.path.join(ROOT, "inputs")
PLOT_TOOL = os.path.join(VIS, "slabhydro_plot.py")
READ_TOOL = os.path.join(VIS, "slabhydro_read.py")
PYTHON = "/usr/bin/python3"
sys.path.insert(0, VIS)

ENV = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1",
           OMPI_MCA_rmaps_base_oversubscribe="1",
           OMPI_MCA_btl_vader_single_copy_mechanism="none", MPLBACKEND="Agg")

BIN = None  # set by main()


def mpiexec():
    return os.environ.get("MPIEXEC") or shutil.which("mpiexec") or "mpiexec"


def run_slabhydro(deck, outdir, sets=(), ranks=1):
    """Runs `slabhydro run inputs/DECK --set ... --output-dir OUTDIR` on
    `ranks` ranks; returns (stdout, state digest printed). Fails the test on
    a non-zero exit."""
    cmd = [BIN, "run", os.path.join(INPUTS, deck), "--output-dir", outdir]
    for s in sets:
        cmd += ["--set", s]
    if ranks > 1:
        cmd = [mpiexec(), "-n", str(ranks)] + cmd
    p = subprocess.run(cmd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True, timeout=240)
    if p.returncode != 0:
        raise AssertionError(f"{' '.join(cmd)} exited {p.returncode}:\n{p.stdout[-3000:]}")
    m = re.search(r"^state digest: ([0-9a-f]{16})$", p.stdout, re.M)
    if not m:
        raise AssertionError(f"no state digest in the output of {' '.join(cmd)}")
    return p.stdout, m.group(1)


def run_tool(tool, *args, cwd=None):
    """(returncode, stdout, stderr) of a vis/ tool."""
    p = subprocess.run([PYTHON, tool] + [str(a) for a in args], env=ENV, cwd=cwd,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=240)
    return p.returncode, p.stdout, p.stderr


def files(outdir, pattern):
    return sorted(os.path.join(outdir, f) for f in os.listdir(outdir) if re.fullmatch(pattern, f))


class ScratchCase(unittest.TestCase):
    """A scratch directory for the class, removed at the end."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="slabhydro_vis_")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)


# Debian package of each Python module the tests need.
PACKAGES = {"numpy": "python3-numpy", "h5py": "python3-h5py",
            "matplotlib": "python3-matplotlib", "yt": "python3-yt"}
SKIP = 77  # ctest SKIP_RETURN_CODE, as the other tests of a missing tool


def require(*modules):
    """Exit 77 (skipped) if this Python lacks one of the modules; call it
    before importing them."""
    for m in modules:
        try:
            __import__(m)
        except ImportError:
            print(f"{sys.executable} has no module {m} (apt-get install {PACKAGES[m]}): skipped")
            sys.exit(SKIP)


def main():
    global BIN
    if len(sys.argv) < 2 or not os.access(sys.argv[1], os.X_OK):
        sys.exit(f"usage: {sys.argv[0]} SLABHYDRO_BINARY [unittest args]")
    BIN = os.path.abspath(sys.argv.pop(1))
    unittest.main(module="__main__", verbosity=2)
