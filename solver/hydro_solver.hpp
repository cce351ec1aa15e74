#pragma once
// The hydro solver on one slab: a 2-stage integrator over the kernels in
// primitives/fluxes/update/boundary. It knows no MPI: before each stage the
// caller fills the x guard cells of stage_input(s) (halo exchange), then
// calls stage(s, dt), which applies the physical boundaries itself.
#include "solver/hydro_options.hpp"
#include "solver/hydro_state.hpp"
#include "solver/problems.hpp"
#include "solver/timestep.hpp"

namespace slabhydro {

class HydroSolver {
 public:
  HydroSolver(const Slab& slab, const HydroOptions& opt, const Boundaries& bc);

  const Slab& slab() const { return state_.slab; }
  const HydroOptions& options() const { return opt_; }
  const Boundaries& boundaries() const { return bc_; }

  // Conserved state at the start/end of a step, guard cells included.
  const DvceArray3D<double>& u() const { return state_.u0; }

  void initialize(const ProblemParams& p);

  static constexpr int nstages() { return 2; }
  // The array whose guard cells must be filled before stage s.
  const DvceArray3D<double>& stage_input(int s) const;
  void stage(int s, double dt);

  // Reduction key of this slab for the CFL time step (see timestep.hpp).
  double timestep_key() const;
  // Fills all guard cells of u() that do not need a neighbour: x physical
  // sides and y sides (used after a restart or before output).
  void apply_physical_boundaries(const DvceArray3D<double>& u) const;

 private:
  HydroState state_;
  HydroOptions opt_;
  Boundaries bc_;
};

}  // namespace slabhydro
