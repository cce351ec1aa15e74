#pragma once
// Choosing and checking the checkpoint a run continues from.
#include <mpi.h>

#include <string>

#include "app/deck.hpp"
#include "app/run_config.hpp"
#include "io/checkpoint_meta.hpp"

namespace slabhydro {

struct RestartPoint {
  std::string path;
  CheckpointMeta meta;
};

// Collective. spec: a checkpoint file, or "latest": the newest checkpoint of
// output.basename in output.dir below `below_step` (< 0: any) whose
// metadata verify (types, metadata checksum, values: checkpoint_io.hpp) and
// that is complete; .tmp, incomplete, unreadable and damaged files are
// skipped with a warning naming each and the reason. Rank 0 reads and checks
// the metadata and broadcasts them. The deck may change what is safe (tlim,
// nlim, cadences, io, output); a change of mesh size, domain, gamma,
// boundaries or problem is a collective Error naming the key and both
// values. Changes to the numerical method are allowed, with a note that the
// continuation will differ from an uninterrupted run.
RestartPoint find_restart(MPI_Comm comm, const std::string& spec, const RunConfig& cfg,
                          const Deck& deck, long long below_step = -1);

}  // namespace slabhydro
