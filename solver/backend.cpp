#include "solver/backend.hpp"

#include "solver/kokkos_types.hpp"

namespace slabhydro {

const char* loop_policy_name() {
  switch (kLoopPolicy) {
    case LoopPolicy::rows: return "rows";
    case LoopPolicy::range1d: return "range1d";
    case LoopPolicy::mdrange: return "mdrange";
  }
  return "?";
}

std::string backend_text() {
  const int v = KOKKOS_VERSION;  // e.g. 30401
  return "Kokkos " + std::to_string(v / 10000) + "." + std::to_string(v / 100 % 100) + "." +
         std::to_string(v % 100) + ", " + ExecSpace::name() + ", concurrency " +
         std::to_string(ExecSpace().concurrency()) + ", loop policy " + loop_policy_name();
}

bool device_memory_is_separate() {
  return !Kokkos::SpaceAccessibility<Kokkos::HostSpace, MemSpace>::accessible;
}

}  // namespace slabhydro
