#pragma once
// `slabhydro bench`: the FLASH-I/O-style benchmark. Per repetition, three
// HDF5 files written through slabhydro's slab writer, each right beside
// (order alternating) a plain MPI-IO write of the same bytes per rank:
//   BASENAME_chk.h5      24 unknowns, float64, [ny][nx]
//   BASENAME_plt_cnt.h5  dens temp pres f1, float32, [ny][nx]
//   BASENAME_plt_crn.h5  the same averaged onto cell corners, float32, [ny+1][nx+1]
// then the checkpoint read back restart-style beside an MPI-IO read; a table
// on stdout and, with --json, the same numbers as JSON.
#include <mpi.h>

#include "app/schema.hpp"

#include "bench/bench_cli.hpp"

namespace slabhydro {

// Returns the process exit code; throws slabhydro::Error on failure.
int run_bench(MPI_Comm comm, const BenchArgs& args, const Schema& schema);

}  // namespace slabhydro
