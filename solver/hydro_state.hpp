#pragma once
// The arrays of one slab. Allocated once; nothing is allocated in the time loop.
#include "eos.hpp"
#include "kokkos_types.hpp"
#include "mesh.hpp"

namespace slabhydro {

struct HydroState {
  Slab slab;
  // Conserved variables u(var, j, i), guard cells included. u0 holds the
  // state at the start of a step and after it; u1 is the stage register.
  DvceArray3D<double> u0, u1;
  // Scratch: primitives (same shape) and face fluxes (one more face per dir).
  DvceArray3D<double> w, fx, fy;

  explicit HydroState(const Slab& s)
      : slab(s),
        u0("hydro::u0", NVAR, s.ny_tot(), s.nx_tot()),
        u1("hydro::u1", NVAR, s.ny_tot(), s.nx_tot()),
        w(make_uninitialized<DvceArray3D<double>>("hydro::w", NVAR, s.ny_tot(), s.nx_tot())),
        fx(make_uninitialized<DvceArray3D<double>>("hydro::fx", NVAR, s.ny_tot(),
                                                   s.nx_tot() + 1)),
        fy(make_uninitialized<DvceArray3D<double>>("hydro::fy", NVAR, s.ny_tot() + 1,
                                                   s.nx_tot())) {}
};

}  // namespace slabhydro
