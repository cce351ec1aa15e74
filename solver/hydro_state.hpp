#pragma once
// The arrays of one slab. Allocated once; nothing is allocated in the time loop.
#include <climits>
#include <string>

#include "common/error.hpp"
#include "solver/eos.hpp"
#include "solver/kokkos_types.hpp"
#include "solver/mesh.hpp"

namespace slabhydro {

struct HydroState {
  Slab slab;
  // Conserved variables u(var, j, i), guard cells included. u0 holds the
  // state at the start of a step and after it; u1 is the stage register.
  DvceArray3D<double> u0, u1;
  // Scratch: primitives (same shape) and face fluxes (one more face per dir).
  DvceArray3D<double> w, fx, fy;

  // Kernels index with int (kokkos_types.hpp, Strided): one slab's array
  // must hold fewer than 2^31 values. Checked before allocating.
  static const Slab& checked(const Slab& s) {
    const long long n = static_cast<long long>(NVAR) * s.ny_tot() * (s.nx_tot() + 1);
    if (n >= INT_MAX)
      throw Error("a slab of " + std::to_string(s.nx_local) + " x " + std::to_string(s.mesh.ny) +
                  " zones is too large for one rank (" + std::to_string(n) +
                  " values per array, the limit is 2^31): use more ranks");
    return s;
  }

  // Bytes the arrays of a slab take (the constructor allocates exactly these).
  static long long bytes(const Slab& s) {
    const long long a = static_cast<long long>(s.ny_tot()) * s.nx_tot();
    const long long faces = static_cast<long long>(s.ny_tot()) * (s.nx_tot() + 1) +
                            static_cast<long long>(s.ny_tot() + 1) * s.nx_tot();
    return static_cast<long long>(sizeof(double)) * NVAR * (3 * a + faces);
  }

  explicit HydroState(const Slab& s)
      : slab(checked(s)),
        u0("hydro::u0", NVAR, s.ny_tot(), s.nx_tot()),
        u1("hydro::u1", NVAR, s.ny_tot(), s.nx_tot()),
        w(make_uninitialized<DvceArray3D<double>>("hydro::w", NVAR, s.ny_tot(), s.nx_tot())),
        fx(make_uninitialized<DvceArray3D<double>>("hydro::fx", NVAR, s.ny_tot(), s.nx_tot() + 1)),
        fy(make_uninitialized<DvceArray3D<double>>("hydro::fy", NVAR, s.ny_tot() + 1, s.nx_tot())) {
  }
};

}  // namespace slabhydro
