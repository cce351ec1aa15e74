#pragma once
// Slope limiters and piecewise-linear reconstruction, header-only.
// Every limiter satisfies lim(a, b) == lim(b, a) and lim(-a, -b) == -lim(a, b)
// exactly, which keeps mirror-symmetric problems symmetric bit for bit.
#include "solver/kmath.hpp"

namespace slabhydro {

// Written without early returns so face loops vectorise.
struct MinmodLimiter {
  KOKKOS_FORCEINLINE_FUNCTION static double slope(double a, double b) {
    const double m = a > 0.0 ? kmath::fmin(a, b) : kmath::fmax(a, b);
    return a * b > 0.0 ? m : 0.0;
  }
};

struct VanLeerLimiter {
  KOKKOS_FORCEINLINE_FUNCTION static double slope(double a, double b) {
    const double ab = a * b;
    return ab > 0.0 ? 2.0 * ab / (a + b) : 0.0;
  }
};

struct MCLimiter {
  KOKKOS_FORCEINLINE_FUNCTION static double slope(double a, double b) {
    const double m = kmath::fmin(kmath::fmin(2.0 * kmath::fabs(a), 2.0 * kmath::fabs(b)),
                                 0.5 * kmath::fabs(a + b));
    return a * b > 0.0 ? (a > 0.0 ? m : -m) : 0.0;
  }
};

// Values at the left and right faces of a zone with value c between
// neighbours l and r.
template <class Lim>
struct PLM {
  KOKKOS_FORCEINLINE_FUNCTION static void faces(double l, double c, double r, double& at_left,
                                                double& at_right) {
    const double half = 0.5 * Lim::slope(c - l, r - c);
    at_left = c - half;
    at_right = c + half;
  }
};

// First order (donor cell): used by the VL2 predictor.
struct DonorCell {
  KOKKOS_FORCEINLINE_FUNCTION static void faces(double, double c, double, double& at_left,
                                                double& at_right) {
    at_left = c;
    at_right = c;
  }
};

}  // namespace slabhydro
