#pragma once
// The time loop of `slabhydro run`: wires the decomposition, the solver and
// the halo exchange, and prints the configuration, progress and summary.
#include <mpi.h>

#include "app/cli.hpp"

namespace slabhydro {
// Returns the process exit code. Throws slabhydro::Error on failure.
int run_simulation(MPI_Comm comm, const CommandLine& cl);
}  // namespace slabhydro
