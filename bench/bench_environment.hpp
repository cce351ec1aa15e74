#pragma once
// Where and how a benchmark ran, for its report: times, hosts, the command
// line, the output directory's file system and free space (and Lustre stripe
// settings where `lfs` exists), the MPI-IO component asked for.
#include <mpi.h>

#include <string>
#include <utility>
#include <vector>

namespace slabhydro {

class JsonWriter;

struct BenchEnvironment {
  std::string start_utc, end_utc;  // ISO 8601
  std::string command_line;
  std::string dir;      // the output directory, absolute
  std::string fs_type;  // "ext4", "tmpfs", "lustre", ... or the magic number in hex
  unsigned long long fs_free_bytes = 0, fs_size_bytes = 0;
  std::string lustre_stripe;    // `lfs getstripe -d DIR`; empty without lfs
  std::string mpiio_component;  // OMPI_MCA_io, or "default (the MPI library's choice)"
  std::vector<std::pair<std::string, int>> hosts;  // host name and ranks on it, in rank order
};

std::string utc_now_iso8601();
// Collective (the host names); the rest is rank 0's view. `dir` must exist.
BenchEnvironment bench_environment(MPI_Comm comm, const std::string& dir);
int max_ranks_per_node(const BenchEnvironment& e);
void json_environment(JsonWriter& j, const BenchEnvironment& e);
std::string environment_text(const BenchEnvironment& e);  // lines for the report

}  // namespace slabhydro
