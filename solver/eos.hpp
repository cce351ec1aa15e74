#pragma once
// Variable indices and the ideal-gas equation of state.
#include "solver/kmath.hpp"

namespace slabhydro {

constexpr int NVAR = 4;
// conserved: density, x-momentum, y-momentum, total energy
enum ConsIndex { IDN = 0, IM1 = 1, IM2 = 2, IEN = 3 };
// primitive: density, x-velocity, y-velocity, pressure
enum PrimIndex { IVX = 1, IVY = 2, IPR = 3 };

KOKKOS_FORCEINLINE_FUNCTION double ideal_pressure(double gm1, double d, double m1, double m2,
                                                  double e) {
  return gm1 * (e - 0.5 * (m1 * m1 + m2 * m2) / d);
}

// igm1 = 1 / (gamma - 1): a multiplication in the flux kernels, not a division.
KOKKOS_FORCEINLINE_FUNCTION double ideal_energy(double igm1, double d, double v1, double v2,
                                                double p) {
  return p * igm1 + 0.5 * d * (v1 * v1 + v2 * v2);
}

KOKKOS_FORCEINLINE_FUNCTION double sound_speed(double gamma, double d, double p) {
  return kmath::sqrt(gamma * p / d);
}

}  // namespace slabhydro
