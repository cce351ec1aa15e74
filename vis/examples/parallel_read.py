#!/usr/bin/python3
"""Read a slabhydro checkpoint on N MPI ranks with h5py's MPI-IO driver.

    mpiexec -n 3 /usr/bin/python3 vis/examples/parallel_read.py FILE [--dump OUT.npy] [--per-rank]

Every rank reads its own block of columns of each field of /fields, cut exactly
as slabhydro cuts its slabs (decomposition/slab_decomposition.cpp: the first
nx % np ranks get one column more), with one collective read per field. Rank 0
prints, per field, "FIELD sum=... min=... max=..." and then the total mass
(sum of dens times the zone area).

The sums do not depend on the number of ranks: each column is summed over y
(row after row, in y order), the column sums are combined across ranks by an
MPI allreduce in which every column has exactly one contributor (the others
add +0.0, which is exact), and the nx column sums are added with math.fsum
(correctly rounded). A serial reader doing the same gets the same bits.

--dump OUT.npy: rank 0 gathers the columns (in column order, by offset) and
  saves the assembled fields as one float64 array [nfields][ny][nx], fields in
  the order dens momx momy ener.
--per-rank: rank 0 also prints, per rank and field, the rank's columns and the
  sum over them ("rank R columns X0:X1 FIELD sum=...").

Exit status 1, with one line on stderr, for a missing file, a file that is not
HDF5, not a complete slabhydro checkpoint, or more ranks than columns.

Needs h5py built against parallel HDF5 (Debian 12: python3-h5py-mpi, and
python3-mpi4py). Debian's h5py picks its MPI build only when it sees it runs
under MPI (OMPI_COMM_WORLD_SIZE / MPI_LOCALNRANKS set by mpiexec) or when
H5PY_ALWAYS_USE_MPI is set; this script sets the latter before importing h5py
so that a singleton run (no mpiexec) gets the MPI build as well.
"""
import argparse
import math
import os
import sys

os.environ.setdefault("H5PY_ALWAYS_USE_MPI", "1")  # Debian: select h5py._debian_h5py_mpi

from mpi4py import MPI  # noqa: E402  (before h5py: h5py's MPI build uses it)
import h5py  # noqa: E402
import numpy as np  # noqa: E402

FIELDS = ("dens", "momx", "momy", "ener")
FORMAT = "slabhydro-checkpoint"
PROG = os.path.basename(sys.argv[0])


def slab_range(nx, np_, r):
    """Columns [x0, x1) of rank r of np_, as slabhydro's slab_range()."""
    base, extra = divmod(nx, np_)
    x0 = r * base + min(r, extra)
    return x0, x0 + base + (1 if r < extra else 0)


def text(v):  # fixed-length strings come back as bytes
    return v.decode("utf-8", "replace") if isinstance(v, bytes) else v


def fail_all(comm, err):
    """Collective: if any rank has an error, rank 0 prints the first one and
    every rank exits 1. err is a string or None on each rank."""
    errs = comm.allgather(err)
    first = next((e for e in errs if e), None)
    if first:
        if comm.rank == 0:
            print(f"{PROG}: error: {first}", file=sys.stderr, flush=True)
        return True
    return False


def check_checkpoint(f, path):
    """None if f looks like a complete slabhydro checkpoint, else why not."""
    a = f.attrs
    fmt = text(a.get("format"))
    if fmt is None:
        return f"{path}: not a slabhydro checkpoint (no root attribute 'format')"
    if fmt != FORMAT:
        return (f"{path}: not a slabhydro checkpoint (root attribute 'format' is "
                f"{fmt!r}, not {FORMAT!r})")
    if a.get("complete") != 1:
        return f"{path}: incomplete checkpoint (no 'complete' = 1 attribute)"
    try:
        nx, ny = int(a["nx"]), int(a["ny"])
    except (KeyError, TypeError, ValueError):
        return f"{path}: no integer 'nx'/'ny' root attributes"
    for name in FIELDS:
        d = f.get("fields/" + name)
        if not isinstance(d, h5py.Dataset):
            return f"{path}: no dataset /fields/{name}"
        if d.shape != (ny, nx) or d.dtype != np.float64:
            return (f"{path}: /fields/{name} is {d.dtype} {d.shape}, "
                    f"not float64 ({ny}, {nx}) = [ny][nx]")
    return None


def main():
    ap = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n\n")[0])
    ap.add_argument("file", help="a slabhydro checkpoint (*_chk_*.h5)")
    ap.add_argument("--dump", metavar="OUT.npy",
                    help="rank 0 saves the assembled fields [nfields][ny][nx]")
    ap.add_argument("--per-rank", action="store_true",
                    help="also print each rank's columns and sums")
    args = ap.parse_args()

    comm = MPI.COMM_WORLD
    rank, size = comm.rank, comm.size

    err = None
    if not h5py.get_config().mpi:
        err = ("this h5py is not built with MPI (Debian 12: apt-get install "
               "python3-h5py-mpi python3-mpi4py)")
    elif rank == 0 and not os.path.isfile(args.file):
        err = f"{args.file}: no such file"
    elif rank == 0 and not h5py.is_hdf5(args.file):
        err = f"{args.file}: not an HDF5 file"
    if fail_all(comm, err):
        return 1

    # Open collectively (every rank, the same communicator) with MPI-IO.
    try:
        f = h5py.File(args.file, "r", driver="mpio", comm=comm)
    except OSError as e:
        f, err = None, f"{args.file}: cannot open with the mpio driver: {e}"
    if fail_all(comm, err):
        if f is not None:
            f.close()
        return 1

    with f:
        err = check_checkpoint(f, args.file) if rank == 0 else None
        nx = ny = 0
        if err is None and rank == 0:
            nx, ny = int(f.attrs["nx"]), int(f.attrs["ny"])
            if size > nx:  # slabhydro refuses this too; an empty slab would
                err = (f"{args.file}: {nx} columns cannot be cut into {size} "
                       f"slabs: use at most {nx} ranks")  # skip the collective read
        if fail_all(comm, err):
            return 1
        nx, ny = comm.bcast((nx, ny), root=0)
        a = f.attrs
        dx = (float(a["x1max"]) - float(a["x1min"])) / nx
        dy = (float(a["x2max"]) - float(a["x2min"])) / ny

        x0, x1 = slab_range(nx, size, rank)
        local = {}
        for name in FIELDS:
            dset = f["fields/" + name]
            with dset.collective:                   # one collective MPI-IO read
                local[name] = dset[:, x0:x1]        # [ny][x1-x0], C-contiguous
        step = int(a["step"])
        time = float(a["time"])

    results = {}
    per_rank = {}
    for name in FIELDS:
        blk = local[name]
        # Column sums, rows added in y order (deterministic, vectorised over x).
        cs = np.zeros(x1 - x0)
        for j in range(ny):
            cs += blk[j]
        per_rank_sum = math.fsum(cs.tolist())                  # this rank's sum
        full = np.zeros(nx)
        full[x0:x1] = cs
        comm.Allreduce(MPI.IN_PLACE, full, op=MPI.SUM)         # exact: one contributor per column
        gsum = math.fsum(full.tolist())
        lo = np.array([blk.min()]); hi = np.array([blk.max()])
        comm.Allreduce(MPI.IN_PLACE, lo, op=MPI.MIN)
        comm.Allreduce(MPI.IN_PLACE, hi, op=MPI.MAX)
        results[name] = (gsum, float(lo[0]), float(hi[0]))
        per_rank[name] = comm.gather(per_rank_sum, root=0)

    if args.dump:
        counts = [ny * (slab_range(nx, size, r)[1] - slab_range(nx, size, r)[0])
                  for r in range(size)]
        displs = [ny * slab_range(nx, size, r)[0] for r in range(size)]
        out = np.empty((len(FIELDS), ny, nx)) if rank == 0 else None
        for k, name in enumerate(FIELDS):
            send = np.ascontiguousarray(local[name].T)            # [ncol][ny]
            recv = np.empty((nx, ny)) if rank == 0 else None     # [nx][ny]
            comm.Gatherv(send, [recv, counts, displs, MPI.DOUBLE] if rank == 0 else None,
                         root=0)
            if rank == 0:
                out[k] = recv.T
        if rank == 0:
            np.save(args.dump, out)

    if rank == 0:
        print(f"# {args.file}: step {step} time {time!r} nx {nx} ny {ny}, "
              f"read on {size} rank(s)")
        for name in FIELDS:
            s, lo, hi = results[name]
            print("%s sum=%.17g min=%.17g max=%.17g" % (name, s, lo, hi))
        print("total mass=%.17g" % (results["dens"][0] * dx * dy))
        if args.per_rank:
            for r in range(size):
                r0, r1 = slab_range(nx, size, r)
                for name in FIELDS:
                    print("rank %d columns %d:%d %s sum=%.17g"
                          % (r, r0, r1, name, per_rank[name][r]))
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
