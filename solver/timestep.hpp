#pragma once
#include "solver/hydro_options.hpp"
#include "solver/hydro_state.hpp"

namespace slabhydro {

// The CFL time step of this slab, and the first bad zone (density or
// pressure not finite and positive) in global order, if any.
struct LocalTimestep {
  double dt;           // cfl * min(dx/(|vx|+c), dy/(|vy|+c)); meaningless if bad
  long long bad_zone;  // global index i*ny + j of the first bad zone, or -1
};

// Both results come out of one reduction: a bad zone k is encoded as the
// negative number -(nx*ny - k), so min() over all zones (and over ranks, with
// the same MPI_MIN) yields the first bad zone in global order if there is one
// and the smallest dt otherwise. encode/decode live here, next to each other.
double local_timestep_key(const Slab& slab, const DvceArray3D<double>& u, const HydroOptions& opt);
LocalTimestep decode_timestep_key(const GlobalMesh& mesh, double key);

}  // namespace slabhydro
