#include "app/resource_check.hpp"

#include <climits>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "common/collective.hpp"
#include "common/error.hpp"
#include "common/mpi_check.hpp"
#include "decomposition/slab_decomposition.hpp"
#include "solver/backend.hpp"
#include "solver/hydro_state.hpp"

namespace slabhydro {
namespace {

long long read_number(const std::string& path) {
  std::ifstream in(path);
  std::string s;
  if (!(in >> s) || s == "max") return -1;
  try {
    return std::stoll(s);
  } catch (const std::exception&) {
    return -1;
  }
}

// MemAvailable from /proc/meminfo, in bytes; -1 if unknown.
long long mem_available() {
  std::ifstream in("/proc/meminfo");
  std::string key, unit;
  long long kb = 0;
  while (in >> key >> kb) {
    std::getline(in, unit);
    if (key == "MemAvailable:") return kb * 1024;
  }
  return -1;
}

// The cgroup's limit minus its usage (v2, then v1); -1 if none.
long long cgroup_room() {
  std::ifstream cg("/proc/self/cgroup");
  std::string line, v2path, v1path;
  while (std::getline(cg, line)) {
    if (line.rfind("0::", 0) == 0) v2path = line.substr(3);
    // v1: "N:memory:/path" (or a list of controllers with memory among them)
    const auto a = line.find(':'), b = line.find(':', a + 1);
    if (a != std::string::npos && b != std::string::npos) {
      const std::string ctl = "," + line.substr(a + 1, b - a - 1) + ",";
      if (ctl.find(",memory,") != std::string::npos) v1path = line.substr(b + 1);
    }
  }
  if (!v2path.empty()) {
    const std::string dir = "/sys/fs/cgroup" + v2path;
    const long long max = read_number(dir + "/memory.max"),
                    cur = read_number(dir + "/memory.current");
    if (max > 0 && cur >= 0) return max - cur;
  }
  const std::string v1 = "/sys/fs/cgroup/memory" + (v1path == "/" ? std::string() : v1path);
  const long long lim = read_number(v1 + "/memory.limit_in_bytes");
  const long long use = read_number(v1 + "/memory.usage_in_bytes");
  if (lim > 0 && lim < (1LL << 60) && use >= 0) return lim - use;
  return -1;
}

std::string gib(long long b) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%lld bytes (%.2f GiB)", b, double(b) / double(1LL << 30));
  return buf;
}

// Bytes one rank allocates for its slab: the solver's arrays, the plot
// variables (float32, and a host mirror on a device), the halo buffers, and
// with checkpoint.async the snapshot of the state (guard cells included).
long long rank_bytes(const Slab& s, bool async) {
  const long long interior = static_cast<long long>(s.nx_local) * s.mesh.ny;
  const long long halo =
      4LL * NVAR * s.mesh.ny * s.mesh.ng * static_cast<long long>(sizeof(double));
  const long long snapshot = async ? static_cast<long long>(NVAR) * s.ny_tot() * s.nx_tot() *
                                         static_cast<long long>(sizeof(double))
                                   : 0;
  return HydroState::bytes(s) + 2 * 4 * interior * static_cast<long long>(sizeof(float)) + halo +
         snapshot;
}

}  // namespace

long long available_memory_bytes() {
  long long a = mem_available();
  const long long c = cgroup_room();
  if (c >= 0 && (a < 0 || c < a)) a = c;
  return a < 0 ? 0 : a;
}

void check_resources(MPI_Comm comm, const RunConfig& cfg, const Deck& deck) {
  int rank = 0, size = 1;
  SLABHYDRO_MPI_CHECK(MPI_Comm_rank(comm, &rank));
  SLABHYDRO_MPI_CHECK(MPI_Comm_size(comm, &size));
  check_decomposition(cfg.mesh, size);
  const std::string mesh = "mesh.nx x mesh.ny = " + std::to_string(cfg.mesh.nx) + " x " +
                           std::to_string(cfg.mesh.ny) + " (" + deck.where("mesh.nx") + ")";
  // The widest slab is rank 0's: the limit of int indexing.
  Slab widest;
  widest.mesh = cfg.mesh;
  widest.nx_local = slab_range(cfg.mesh.nx, size, 0).nx_local;
  const long long values = static_cast<long long>(NVAR) * widest.ny_tot() * (widest.nx_tot() + 1);
  if (values >= INT_MAX)
    throw Error(mesh + ": a slab of " + std::to_string(widest.nx_local) + " x " +
                    std::to_string(cfg.mesh.ny) + " zones on " + std::to_string(size) +
                    " rank(s) holds " + std::to_string(values) +
                    " values per array; slabhydro indexes a slab with 32-bit ints (at most 2^31): "
                    "use more ranks or a smaller mesh",
                true);
  // Memory: this node's ranks together against what the node has free.
  // Only where the arrays live in host memory (a GPU's memory is not seen here).
  if (device_memory_is_separate()) return;
  Slab mine = widest;
  const SlabRange r = slab_range(cfg.mesh.nx, size, rank);
  mine.x_offset = r.x_offset;
  mine.nx_local = r.nx_local;
  MPI_Comm node = MPI_COMM_NULL;
  SLABHYDRO_MPI_CHECK(MPI_Comm_split_type(comm, MPI_COMM_TYPE_SHARED, 0, MPI_INFO_NULL, &node));
  long long need = rank_bytes(mine, cfg.checkpoint.async), node_need = 0;
  int node_rank = 0, node_size = 1;
  MPI_Comm_rank(node, &node_rank);
  MPI_Comm_size(node, &node_size);
  const int rc = MPI_Allreduce(&need, &node_need, 1, MPI_LONG_LONG, MPI_SUM, node);
  MPI_Comm_free(&node);
  SLABHYDRO_MPI_CHECK(rc);
  agree_on(comm, [&] {
    if (node_rank != 0) return;
    const long long avail = available_memory_bytes();
    if (avail > 0 && node_need > avail)
      throw Error(mesh + ": the " + std::to_string(node_size) + " rank(s) on this node need " +
                  gib(node_need) + " for their slabs, and " + gib(avail) +
                  " of memory are available; use more nodes (ranks) or a smaller mesh");
  });
}

}  // namespace slabhydro
