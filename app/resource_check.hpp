#pragma once
// Before anything is allocated: does the run fit? Each rank's slab must be
// indexable with 32-bit ints (solver/hydro_state.hpp) and the memory the
// ranks of a node need must be available there (MemAvailable, and the
// cgroup's limit when the job runs in one, e.g. under Slurm). A refusal is a
// collective Error naming mesh.nx and mesh.ny, the bytes needed and the bytes
// available, so that no rank starts allocating what Kokkos cannot give.
#include <mpi.h>

#include "app/deck.hpp"
#include "app/run_config.hpp"

namespace slabhydro {

void check_resources(MPI_Comm comm, const RunConfig& cfg, const Deck& deck);

// Bytes of memory available to this process now (the smaller of
// MemAvailable and the cgroup's limit minus its usage); 0 if unknown.
long long available_memory_bytes();

}  // namespace slabhydro
