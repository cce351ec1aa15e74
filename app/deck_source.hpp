#pragma once
#include <mpi.h>

#include <string>

namespace slabhydro {
// Rank 0 reads the deck file and broadcasts its text; a missing or unreadable
// file is a collective Error on every rank.
std::string read_deck_text(MPI_Comm comm, const std::string& path);
}  // namespace slabhydro
