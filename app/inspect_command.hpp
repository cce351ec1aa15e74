#pragma once
// `slabhydro inspect FILE`: rank 0 inspects (io/inspect.hpp), the other ranks
// wait for its verdict. Returns the exit code: 0 if the file is complete and
// its data match the stored digest, 1 otherwise or if it cannot be read.
#include <mpi.h>

#include <string>

namespace slabhydro {
int run_inspect(MPI_Comm comm, const std::string& file);
}  // namespace slabhydro
