#pragma once
// --verify: every value of every benchmark file read back and compared, bit
// for bit, with what the pattern says it must be (bench_data.hpp), and the
// layout checked: exactly the expected datasets under /fields, each of the
// expected shape and type. Collective over `comm`; each rank reads and checks
// its own columns (in the transfer mode of `io`); a mismatch anywhere throws
// one collective Error naming the file, the dataset, the zone, both values and
// how many values were wrong.
#include <mpi.h>

#include <string>

#include "bench/bench_io.hpp"

#include "io/h5_props.hpp"
#include "solver/kokkos_types.hpp"
#include "solver/mesh.hpp"

namespace slabhydro {

// Returns the number of values checked on all ranks together.
long long bench_verify_file(MPI_Comm comm, const std::string& path, BenchFileKind kind,
                            const Slab& slab, const IoOptions& io);

// The values of the checkpoint the read benchmark brought back into the
// guarded host array u, against the pattern; a wrong value is a collective
// Error naming the first. Returns the values checked (all ranks).
long long bench_verify_unknowns(MPI_Comm comm, const Slab& s, const HostArray3D<double>& u);

}  // namespace slabhydro
