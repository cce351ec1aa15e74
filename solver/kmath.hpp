#pragma once
// Math functions callable in kernels, for Kokkos 3.x (Kokkos::Experimental::)
// and 4.x (Kokkos::). Kernels write kmath::sqrt(x).
#include <Kokkos_Core.hpp>

namespace slabhydro {
namespace kmath {
#if KOKKOS_VERSION >= 30700
using Kokkos::fabs;
using Kokkos::fmax;
using Kokkos::fmin;
using Kokkos::sqrt;
#else
using Kokkos::Experimental::fabs;
using Kokkos::Experimental::fmax;
using Kokkos::Experimental::fmin;
using Kokkos::Experimental::sqrt;
#endif
}  // namespace kmath
}  // namespace slabhydro
