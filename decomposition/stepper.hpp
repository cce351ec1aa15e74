#pragma once
// One time step of the solver across the decomposition, the same in the
// driver and in the tests: the CFL dt reduced over all ranks (a bad zone or a
// dt that does not advance the time stops every rank together with one
// message), cut to land exactly on tlim; before each stage the halo exchange
// (the solver fills the physical boundaries itself).
#include "common/timers.hpp"
#include "decomposition/halo_exchange.hpp"
#include "decomposition/slab_decomposition.hpp"
#include "solver/hydro_solver.hpp"

namespace slabhydro {

class Stepper {
 public:
  Stepper(const SlabDecomposition& decomp, HydroSolver& solver, HaloExchange& halo)
      : decomp_(decomp), solver_(solver), halo_(halo) {}

  // The CFL time step of the current state over all ranks. A bad zone or a
  // dt that is not finite and positive, or does not advance `time`, is a
  // collective Error; `initial`: the state is the problem's initial one.
  double stable_dt(long long step, double time, bool initial = false) const;

  // One step to at most tlim: time and step advance; returns the dt taken.
  // The timers (if given) get the compute and halo exchange phases.
  double advance(double& time, long long& step, double tlim, PhaseTimer* compute = nullptr,
                 PhaseTimer* halo = nullptr);

 private:
  const SlabDecomposition& decomp_;
  HydroSolver& solver_;
  HaloExchange& halo_;
};

}  // namespace slabhydro
