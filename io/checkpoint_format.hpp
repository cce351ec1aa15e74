#pragma once
// Names in a slabhydro checkpoint file (format version 2). README.md,
// "Checkpoint file format", describes the same layout for readers.
//   /fields/dens, /fields/momx, /fields/momy, /fields/ener  float64 [ny][nx]
//   /coordinates/x [nx], /coordinates/y [ny]                 float64, cell centres
//   root attributes: see CheckpointMeta (checkpoint_meta.hpp), then
//   meta_checksum (file_meta.hpp) and "complete" last.
#include <cstddef>
#include <string>
#include <vector>

namespace slabhydro {

constexpr const char* kCheckpointFormat = "slabhydro-checkpoint";
// 1: slabhydro 0.1 (no lineage, no metadata checksum); 2: since 0.2.
constexpr long long kCheckpointVersion = 2;

// Longest deck text a run takes and a checkpoint may hold.
constexpr std::size_t kMaxDeckBytes = 1 << 20;
// The largest step a file may name (about 10^12; a step counter beyond
// that is damage, not a run).
constexpr long long kMaxStep = 1LL << 40;
// The largest mesh extent (as the deck allows).
constexpr long long kMaxCells = 1LL << 30;

// Dataset paths of the conserved variables, in the order of u(var, j, i).
inline const std::vector<std::string>& checkpoint_fields() {
  static const std::vector<std::string> names = {"/fields/dens", "/fields/momx", "/fields/momy",
                                                 "/fields/ener"};
  return names;
}
constexpr const char* kCoordinateX = "/coordinates/x";
constexpr const char* kCoordinateY = "/coordinates/y";

}  // namespace slabhydro
