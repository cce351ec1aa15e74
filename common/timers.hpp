#pragma once
// Wall-clock accumulators for the timing breakdown. Stop fences Kokkos so
// asynchronous kernels are charged to the phase that launched them.
#include <Kokkos_Core.hpp>
#include <chrono>

namespace slabhydro {

inline double wall_seconds() {
  using C = std::chrono::steady_clock;
  return std::chrono::duration<double>(C::now().time_since_epoch()).count();
}

class PhaseTimer {
 public:
  void start() { t0_ = wall_seconds(); }
  void stop() {
    Kokkos::fence();
    total_ += wall_seconds() - t0_;
  }
  double total() const { return total_; }

 private:
  double t0_ = 0.0, total_ = 0.0;
};

}  // namespace slabhydro
