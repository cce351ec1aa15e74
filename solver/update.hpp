#pragma once
#include "solver/hydro_state.hpp"

namespace slabhydro {

// One stage of a low-storage Runge-Kutta step, on interior zones:
//   out = a*u0 + b*in - c*dt*(dFx/dx + dFy/dy)
struct StageWeights {
  double a, b, c;
};

void update_stage(const Slab& slab, const DvceArray3D<double>& u0, const DvceArray3D<double>& in,
                  const DvceArray3D<double>& out, const DvceArray3D<double>& fx,
                  const DvceArray3D<double>& fy, StageWeights wt, double dt);

}  // namespace slabhydro
