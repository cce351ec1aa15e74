#pragma once
#include "solver/hydro_state.hpp"

namespace slabhydro {
// w <- primitives of u over every stored zone (guard cells included).
void conserved_to_primitive(const DvceArray3D<double>& u, const DvceArray3D<double>& w,
                            double gamma);
}  // namespace slabhydro
