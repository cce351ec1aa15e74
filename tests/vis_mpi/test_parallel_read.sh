# vis_parallel_h5py: vis/examples/parallel_read.py (h5py's mpio driver, one
# collective read per field, columns cut as slabhydro cuts its slabs) on 2 and
# 3 ranks against a serial h5py read of the same checkpoint.
#   bash test_parallel_read.sh SLABHYDRO_BINARY WORK_DIR
# The source tree is found from this script's own location. Installs
# python3-h5py-mpi and python3-mpi4py with apt-get where missing (as root);
# exit 77 (skipped) where they are missing and cannot be installed.
#
# Checked, for each rank count:
#  - the assembled array (--dump: rank 0 gathers every rank's columns by offset)
#    is np.array_equal to the serial read of every field: a rank that reads
#    the wrong columns fails this;
#  - each rank's printed column range is slabhydro's cut and its printed sum
#    is bit-equal to the serial sum over those columns (--per-rank);
#  - every field's sum, min and max are bit-equal to serial ones computed in
#    the same order (column sums, rows added in y order; math.fsum over columns);
#  - the total mass equals slabhydro's own "conserved totals: mass" within
#    1e-12 relative (slabhydro sums in another order, and prints 16 digits);
# and a missing file, a text file and an HDF5 file that is not a slabhydro
# checkpoint each give exit status 1 and one clean message.
set -u -o pipefail
BIN=${1:?usage: test_parallel_read.sh SLABHYDRO_BINARY WORK_DIR}
WORK=${2:?usage: test_parallel_read.sh SLABHYDRO_BINARY WORK_DIR}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SRC=$(cd "$HERE/../.." && pwd)
EXAMPLE="$SRC/vis/examples/parallel_read.py"
PY=/usr/bin/python3
MPIEXEC=${MPIEXEC:-mpiexec}
export OMPI_ALLOW_RUN_AS_ROOT=${OMPI_ALLOW_RUN_AS_ROOT:-1}
export OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=${OMPI_ALLOW_RUN_AS_ROOT_CONFIRM:-1}
export OMPI_MCA_rmaps_base_oversubscribe=${OMPI_MCA_rmaps_base_oversubscribe:-1}

fail() { echo "vis_parallel_h5py: FAIL: $*" >&2; exit 1; }

# Debian 12 ships h5py as a dispatcher (h5py/__init__.py) over two builds,
# h5py._debian_h5py_serial and h5py._debian_h5py_mpi; the MPI one is used
# under mpiexec (or with H5PY_ALWAYS_USE_MPI set). Check for that build.
have_mods() { "$PY" -c "import mpi4py, numpy, h5py._debian_h5py_mpi" 2>/dev/null ||
              H5PY_ALWAYS_USE_MPI=1 "$PY" -c "import mpi4py, h5py, sys; sys.exit(not h5py.get_config().mpi)" 2>/dev/null; }
if ! have_mods; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing python3-h5py-mpi python3-mpi4py"
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 install -y \
      python3-h5py-mpi python3-mpi4py >"$WORK/apt.log" 2>&1 ||
      { tail -20 "$WORK/apt.log" >&2; fail "apt-get install python3-h5py-mpi python3-mpi4py failed"; }
    have_mods || fail "h5py with MPI still not importable after installing"
  else
    echo "no MPI-enabled h5py/mpi4py for $PY and cannot install them: skipped"
    exit 77
  fi
fi

S="$WORK/scratch/vis_parallel_h5py"
rm -rf "$S" && mkdir -p "$S" && cd "$S" || fail "cannot make $S"

"$BIN" run "$SRC/inputs/kelvin_helmholtz.yaml" --set mesh.nx=67 --set mesh.ny=40 \
  --set time.nlim=5 --output-dir out >run.log 2>&1 || { cat run.log >&2; fail "slabhydro run failed"; }
CHK=out/kh_chk_000005.h5
[ -f "$CHK" ] || { ls -l out >&2; fail "no checkpoint $CHK"; }
MASS=$(sed -n 's/.*conserved totals: mass \([^ ]*\).*/\1/p' run.log)
[ -n "$MASS" ] || fail "no 'conserved totals: mass' in the run's log"

for n in 2 3; do
  "$MPIEXEC" -n $n "$PY" "$EXAMPLE" "$CHK" --dump np$n.npy --per-rank >np$n.log 2>np$n.err ||
    { cat np$n.log np$n.err >&2; fail "parallel_read.py on $n ranks failed"; }
  # Serial h5py (no mpiexec: Debian's dispatcher takes the serial build).
  env -u H5PY_ALWAYS_USE_MPI "$PY" - "$CHK" np$n.log np$n.npy $n "$MASS" <<'EOF' || fail "$n ranks: see above"
import math, re, sys
import h5py
import numpy as np

chk, log, dump, nranks, mass_run = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
FIELDS = ("dens", "momx", "momy", "ener")
bad = []
with h5py.File(chk, "r") as f:
    a = f.attrs
    nx, ny = int(a["nx"]), int(a["ny"])
    dx = (float(a["x1max"]) - float(a["x1min"])) / nx
    dy = (float(a["x2max"]) - float(a["x2min"])) / ny
    serial = {k: f["fields/" + k][...] for k in FIELDS}

def cut(r):  # slabhydro's slab_range, written out again
    base, extra = nx // nranks, nx % nranks
    x0 = r * base + min(r, extra)
    return x0, x0 + base + (1 if r < extra else 0)

def colsums(blk):  # rows added in y order, as the example does
    cs = np.zeros(blk.shape[1])
    for j in range(blk.shape[0]):
        cs += blk[j]
    return cs

text = open(log).read()
def val(pattern):
    m = re.search(pattern, text, re.M)
    if not m:
        bad.append(f"no line matching {pattern!r}")
        return None
    return float(m.group(1))

# 1. The assembled array equals the serial read, exactly.
d = np.load(dump)
want = np.stack([serial[k] for k in FIELDS])
if d.shape != want.shape:
    bad.append(f"dump shape {d.shape} != {want.shape}")
else:
    for k, name in enumerate(FIELDS):
        if not np.array_equal(d[k], serial[name]):
            cols = sorted(set(np.nonzero(d[k] != serial[name])[1].tolist()))
            bad.append(f"{name}: assembled array differs from the serial read in columns {cols[:10]}...")

# 2. Column ranges are slabhydro's cut; the cut covers 0..nx once.
edges = [cut(r) for r in range(nranks)]
if edges[0][0] != 0 or edges[-1][1] != nx or any(edges[r][1] != edges[r + 1][0] for r in range(nranks - 1)):
    bad.append(f"the test's cut {edges} does not tile 0..{nx}")
for r, (x0, x1) in enumerate(edges):
    for name in FIELDS:
        got = val(rf"^rank {r} columns {x0}:{x1} {name} sum=(\S+)$")
        exp = math.fsum(colsums(np.ascontiguousarray(serial[name][:, x0:x1])).tolist())
        if got is not None and got != exp:
            bad.append(f"rank {r} {name}: sum {got!r} != serial {exp!r} over columns {x0}:{x1}")

# 3. Global sum, min, max: bit-equal (%.17g round-trips a float64).
for name in FIELDS:
    v = serial[name]
    exp = (math.fsum(colsums(v).tolist()), float(v.min()), float(v.max()))
    m = re.search(rf"^{name} sum=(\S+) min=(\S+) max=(\S+)$", text, re.M)
    if not m:
        bad.append(f"no line for {name}")
        continue
    got = tuple(float(g) for g in m.groups())
    if got != exp:
        bad.append(f"{name}: sum/min/max {got} != serial {exp}")
    # and, independently of the summation order, numpy's own sum within 1e-12
    if not math.isclose(got[0], float(v.sum()), rel_tol=1e-12, abs_tol=1e-12 * float(np.abs(v).sum())):
        bad.append(f"{name}: sum {got[0]!r} far from numpy's {float(v.sum())!r}")

# 4. Mass: same bits as serial; slabhydro's own total within 1e-12 relative.
mass = val(r"^total mass=(\S+)$")
if mass is not None:
    exp = math.fsum(colsums(serial["dens"]).tolist()) * dx * dy
    if mass != exp:
        bad.append(f"total mass {mass!r} != serial {exp!r}")
    if not math.isclose(mass, mass_run, rel_tol=1e-12):
        bad.append(f"total mass {mass!r} != slabhydro's {mass_run!r} (rel 1e-12)")

if bad:
    print(f"{nranks} ranks:", *bad, sep="\n  ", file=sys.stderr)
    sys.exit(1)
print(f"{nranks} ranks: array, column ranges, per-rank sums, sums/min/max and mass agree with serial h5py")
EOF
done

# The 2- and 3-rank outputs print the same global lines (the sums do not depend on np).
diff <(grep -v '^#\|^rank ' np2.log) <(grep -v '^#\|^rank ' np3.log) >/dev/null ||
  fail "2 and 3 ranks print different global lines"

# Refusals: exit status 1 and one clean message, for each of three non-checkpoints.
echo "not hdf5" >text.txt
"$PY" -c "import h5py; f = h5py.File('other.h5', 'w'); f.attrs['format'] = b'something-else'; f['x'] = 1"
for bad in missing.h5:"no such file" text.txt:"not an HDF5 file" other.h5:"not a slabhydro checkpoint"; do
  file=${bad%%:*} msg=${bad#*:}
  "$MPIEXEC" -n 3 "$PY" "$EXAMPLE" "$file" >bad.log 2>bad.err
  rc=$?
  [ $rc = 1 ] || { cat bad.log bad.err >&2; fail "$file: exit status $rc, not 1"; }
  grep -q "^parallel_read.py: error: $file: $msg" bad.err || { cat bad.err >&2; fail "$file: no message '$msg'"; }
  grep -q "Traceback" bad.err && { cat bad.err >&2; fail "$file: a traceback"; }
  [ "$(grep -c '^parallel_read.py: error:' bad.err)" = 1 ] || { cat bad.err >&2; fail "$file: not one message"; }
done

echo "vis_parallel_h5py: OK"
