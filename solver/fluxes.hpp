#pragma once
#include "solver/hydro_options.hpp"
#include "solver/hydro_state.hpp"

namespace slabhydro {

enum class ReconstructionOrder { first, plm };

// Face fluxes fx (x faces of interior rows) and fy (y faces of interior
// columns) from the primitives w, which must be valid in the guard cells.
void compute_fluxes(const Slab& slab, const DvceArray3D<double>& w, const DvceArray3D<double>& fx,
                    const DvceArray3D<double>& fy, const HydroOptions& opt,
                    ReconstructionOrder order);

}  // namespace slabhydro
