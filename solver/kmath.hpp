#pragma once
// Math functions callable in kernels, for Kokkos 3.x (Kokkos::Experimental::)
// and 4.x (Kokkos::). Kernels write kmath::sqrt(x).
#include <Kokkos_Core.hpp>

namespace slabhydro {
namespace kmath {
#if KOKKOS_VERSION >= 30700
using Kokkos::fabs;
using Kokkos::sqrt;
#else
using Kokkos::Experimental::fabs;
using Kokkos::Experimental::sqrt;
#endif
// min/max as plain comparisons: std::fmin's NaN rules make GCC call libm
// instead of emitting one instruction, and block vectorisation. Symmetric in
// their arguments for every non-NaN input (equal values are identical).
KOKKOS_FORCEINLINE_FUNCTION double fmin(double a, double b) { return b < a ? b : a; }
KOKKOS_FORCEINLINE_FUNCTION double fmax(double a, double b) { return a < b ? b : a; }
}  // namespace kmath
}  // namespace slabhydro
