#pragma once
#include "solver/hydro_state.hpp"

namespace slabhydro {

// Fills the guard cells this slab owns by a physical boundary condition:
// the x sides only where the slab touches the domain edge and the x boundary
// is not periodic (periodic x is the halo exchange's job, also on one rank),
// then both y sides over every column, guard columns included, so the corners
// hold what a single slab would hold. Call after the halo exchange.
void apply_physical_boundaries(const Slab& slab, const Boundaries& bc,
                               const DvceArray3D<double>& u);

}  // namespace slabhydro
