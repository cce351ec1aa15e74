#pragma once
// The root attributes of a checkpoint: what a restart needs besides the
// fields, and what a person or a script wants to know about the file. The
// list for_each_attribute below is the one place they are named (file_meta.hpp
// writes, reads, checksums and broadcasts from it).
#include <hdf5.h>
#include <mpi.h>

#include <array>
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

#include "io/checkpoint_format.hpp"
#include "io/file_meta.hpp"
#include "io/h5_attributes.hpp"

namespace slabhydro {

struct CheckpointMeta {
  std::string format;  // kCheckpointFormat
  long long format_version = 0;
  std::string lineage;  // the run lineage (lineage.hpp)
  double time = 0.0;
  long long step = 0;
  double dt = 0.0;  // the last step's dt (0 before the first)
  long long nx = 0, ny = 0;
  double x1min = 0, x1max = 0, x2min = 0, x2max = 0;
  std::array<std::string, 4> boundaries;  // x1_inner, x1_outer, x2_inner, x2_outer
  double gamma = 0.0;
  std::string problem;
  std::string deck;              // the deck as run, overrides applied
  std::string software_version;  // "slabhydro 0.2.0"
  long long nranks = 0;          // ranks that wrote the file (informative)
  std::string io_mode;           // transfer mode that wrote it (informative)
  std::string written_at;        // UTC, ISO 8601 (informative)
  std::uint64_t digest = 0;      // state digest, stored as 16 hex digits
};

constexpr const char* kBoundaryKeys[4] = {"x1_inner", "x1_outer", "x2_inner", "x2_outer"};

template <class M, class F>
std::enable_if_t<std::is_same<std::decay_t<M>, CheckpointMeta>::value> for_each_attribute(M& m,
                                                                                          F&& f) {
  static const char* const boundary_names[4] = {"boundary_x1_inner", "boundary_x1_outer",
                                                "boundary_x2_inner", "boundary_x2_outer"};
  for_each_common_attribute(m, f);
  f("dt", m.dt);
  for (int k = 0; k < 4; ++k) f(boundary_names[k], m.boundaries[k], kShortString);
  f("deck", m.deck, kMaxDeckBytes);
  f("nranks", m.nranks);
  f("io_mode", m.io_mode, kShortString);
  f("state_digest", m.digest);
}

// Every attribute, the metadata checksum; not "complete" (written last, apart).
void write_checkpoint_attributes(hid_t root, const CheckpointMeta& m, const std::string& what);

using CheckpointAttributes = Examined<CheckpointMeta>;
// Reads all attributes with their type checks (throws Error if the object is
// not a slabhydro checkpoint of a version this build reads, or an attribute
// is missing or of the wrong type or shape), then checks the checksum and
// the values.
CheckpointAttributes read_checkpoint_attributes(hid_t root, const std::string& what);

// Rank 0's metadata on every rank.
void broadcast(MPI_Comm comm, CheckpointMeta& m);

inline std::string utc_now_iso8601() { return utc_time_text("%Y-%m-%dT%H:%M:%SZ"); }

}  // namespace slabhydro
