#pragma once
// Names in a slabhydro checkpoint file (format version 1). README.md,
// "Checkpoint file format", describes the same layout for readers.
//   /fields/dens, /fields/momx, /fields/momy, /fields/ener  float64 [ny][nx]
//   /coordinates/x [nx], /coordinates/y [ny]                 float64, cell centres
//   root attributes: see CheckpointMeta (checkpoint_meta.hpp); "complete" last.
#include <string>
#include <vector>

namespace slabhydro {

constexpr const char* kCheckpointFormat = "slabhydro-checkpoint";
constexpr long long kCheckpointVersion = 1;
constexpr const char* kCompleteAttribute = "complete";

// Dataset paths of the conserved variables, in the order of u(var, j, i).
inline const std::vector<std::string>& checkpoint_fields() {
  static const std::vector<std::string> names = {"/fields/dens", "/fields/momx",
                                                 "/fields/momy", "/fields/ener"};
  return names;
}
constexpr const char* kCoordinateX = "/coordinates/x";
constexpr const char* kCoordinateY = "/coordinates/y";

}  // namespace slabhydro
