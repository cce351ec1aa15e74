#include "solver/hydro_solver.hpp"

#include "solver/boundary.hpp"
#include "solver/fluxes.hpp"
#include "solver/primitives.hpp"
#include "solver/update.hpp"

namespace slabhydro {

HydroSolver::HydroSolver(const Slab& slab, const HydroOptions& opt, const Boundaries& bc)
    : state_(slab), opt_(opt), bc_(bc) {}

void HydroSolver::initialize(const ProblemParams& p) {
  initialize_problem(state_.slab, p, opt_, state_.u0);
}

const DvceArray3D<double>& HydroSolver::stage_input(int s) const {
  return s == 0 ? state_.u0 : state_.u1;
}

void HydroSolver::apply_physical_boundaries(const DvceArray3D<double>& u) const {
  slabhydro::apply_physical_boundaries(state_.slab, bc_, u);
}

void HydroSolver::stage(int s, double dt) {
  const DvceArray3D<double>& in = stage_input(s);
  const DvceArray3D<double>& out = s == 0 ? state_.u1 : state_.u0;
  slabhydro::apply_physical_boundaries(state_.slab, bc_, in);
  conserved_to_primitive(in, state_.w, opt_.gamma);
  StageWeights wt{};
  ReconstructionOrder order = ReconstructionOrder::plm;
  if (opt_.integrator == Integrator::rk2) {
    // Shu-Osher SSP-RK2: u1 = u0 + dt L(u0); u0 = (u0 + u1 + dt L(u1)) / 2
    wt = s == 0 ? StageWeights{0.0, 1.0, 1.0} : StageWeights{0.5, 0.5, 0.5};
  } else {
    // VL2: u1 = u0 + dt/2 L1(u0) (first order); u0 = u0 + dt L2(u1)
    wt = s == 0 ? StageWeights{0.0, 1.0, 0.5} : StageWeights{1.0, 0.0, 1.0};
    if (s == 0) order = ReconstructionOrder::first;
  }
  compute_fluxes(state_.slab, state_.w, state_.fx, state_.fy, opt_, order);
  update_stage(state_.slab, state_.u0, in, out, state_.fx, state_.fy, wt, dt);
}

double HydroSolver::timestep_key() const {
  return local_timestep_key(state_.slab, state_.u0, opt_);
}

}  // namespace slabhydro
