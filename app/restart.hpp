#pragma once
// Choosing and checking the checkpoint a run continues from.
#include <mpi.h>

#include <string>

#include "checkpoint_meta.hpp"
#include "deck.hpp"
#include "run_config.hpp"

namespace slabhydro {

struct RestartPoint {
  std::string path;
  CheckpointMeta meta;
};

// Collective. spec: a checkpoint file, or "latest" (the newest complete
// checkpoint of output.basename in output.dir; .tmp, incomplete and
// unreadable files are skipped with a warning naming each and the reason).
// Rank 0 reads the metadata and broadcasts it. The deck may change what is
// safe (tlim, nlim, cadences, io, output); a change of mesh size, domain,
// gamma, boundaries or problem is a collective Error naming the key and both
// values. Changes to the numerical method are allowed, with a note that the
// continuation will differ from an uninterrupted run.
RestartPoint find_restart(MPI_Comm comm, const std::string& spec, const RunConfig& cfg,
                          const Deck& deck);

}  // namespace slabhydro
