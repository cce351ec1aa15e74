#include "common/mpi_threads.hpp"

#include <mpi.h>

#include <array>
#include <cstdlib>
#include <utility>

namespace slabhydro {
namespace {

int provided = MPI_THREAD_SINGLE;

const std::array<std::pair<const char*, int>, 4>& levels() {
  static const std::array<std::pair<const char*, int>, 4> l{{{"single", MPI_THREAD_SINGLE},
                                                             {"funneled", MPI_THREAD_FUNNELED},
                                                             {"serialized", MPI_THREAD_SERIALIZED},
                                                             {"multiple", MPI_THREAD_MULTIPLE}}};
  return l;
}

}  // namespace

int requested_mpi_thread_level(std::string& problem) {
  const char* v = std::getenv("SLABHYDRO_MPI_THREAD");
  if (!v || !*v) return MPI_THREAD_MULTIPLE;
  for (const auto& l : levels())
    if (std::string(v) == l.first) return l.second;
  problem = std::string("SLABHYDRO_MPI_THREAD='") + v +
            "' is not a thread level: use single, funneled, serialized or multiple";
  return MPI_THREAD_MULTIPLE;
}

void set_provided_mpi_thread_level(int level) { provided = level; }
int provided_mpi_thread_level() { return provided; }

std::string mpi_thread_level_name(int level) {
  for (const auto& l : levels())
    if (l.second == level) {
      std::string n = l.first;
      for (char& c : n) c = char(c - 'a' + 'A');
      return "MPI_THREAD_" + n;
    }
  return "thread level " + std::to_string(level);
}

}  // namespace slabhydro
