#pragma once
// The benchmark's repetitions: its three files and their MPI-IO baselines
// written (the order alternating), verified when asked, the checkpoint read
// back restart-style; every phase timed (bench/bench_io.hpp). Collective.
#include <mpi.h>

#include "bench/bench_config.hpp"
#include "bench/bench_report.hpp"

namespace slabhydro {

BenchRun run_benchmark(MPI_Comm comm, const BenchConfig& cfg);

}  // namespace slabhydro
