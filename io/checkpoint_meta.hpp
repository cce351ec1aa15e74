#pragma once
// The root attributes of a checkpoint: what a restart needs besides the
// fields, and what a person or a script wants to know about the file.
#include <mpi.h>
#include <hdf5.h>

#include <array>
#include <cstdint>
#include <string>

namespace slabhydro {

struct CheckpointMeta {
  std::string format;              // kCheckpointFormat
  long long format_version = 0;
  double time = 0.0;
  long long step = 0;
  double dt = 0.0;                 // the last step's dt (informative)
  long long nx = 0, ny = 0;
  double x1min = 0, x1max = 0, x2min = 0, x2max = 0;
  std::array<std::string, 4> boundaries;  // x1_inner, x1_outer, x2_inner, x2_outer
  double gamma = 0.0;
  std::string problem;
  std::string deck;                // the deck as run, overrides applied
  std::string software_version;    // "slabhydro 0.1.0"
  long long nranks = 0;            // ranks that wrote the file (informative)
  std::string io_mode;             // transfer mode that wrote it (informative)
  std::string written_at;          // UTC, ISO 8601 (informative)
  std::uint64_t digest = 0;        // state digest, stored as 16 hex digits
  bool complete = false;           // the "complete" attribute, written last
};

constexpr const char* kBoundaryKeys[4] = {"x1_inner", "x1_outer", "x2_inner", "x2_outer"};

// Every attribute except "complete". `what` names the file in errors.
void write_checkpoint_attributes(hid_t root, const CheckpointMeta& m, const std::string& what);
// Reads all attributes; a missing "complete" reads as false. Throws Error
// if the object is not a slabhydro checkpoint of a version this build reads.
CheckpointMeta read_checkpoint_attributes(hid_t root, const std::string& what);

// Rank 0's metadata on every rank.
void broadcast(MPI_Comm comm, CheckpointMeta& m);

std::string utc_now_iso8601();

}  // namespace slabhydro
