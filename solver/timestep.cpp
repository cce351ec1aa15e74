#include "solver/timestep.hpp"

#include <cfloat>

#include "solver/kmath.hpp"

namespace slabhydro {

double local_timestep_key(const Slab& slab, const DvceArray3D<double>& u, const HydroOptions& opt) {
  const double gamma = opt.gamma, gm1 = opt.gamma - 1.0, cfl = opt.cfl;
  const double dx = slab.mesh.dx(), dy = slab.mesh.dy();
  const double nzones = static_cast<double>(slab.mesh.nx) * slab.mesh.ny;
  const int ny = slab.mesh.ny, ng = slab.mesh.ng, xoff = slab.x_offset;
  const int nj = slab.je() - slab.js(), ni = slab.ie() - slab.is();
  double key = DBL_MAX;
  Kokkos::parallel_reduce(
      "hydro::new_dt", Kokkos::RangePolicy<ExecSpace>(0, nj * ni),
      KOKKOS_LAMBDA(const int idx, double& kmin) {
        const int j = ng + idx / ni;
        const int i = ng + idx % ni;
        const double d = u(IDN, j, i);
        const double m1 = u(IM1, j, i), m2 = u(IM2, j, i);
        const double p = ideal_pressure(gm1, d, m1, m2, u(IEN, j, i));
        double k;
        if (!(d > 0.0 && d <= DBL_MAX && p > 0.0 && p <= DBL_MAX)) {
          const double global = static_cast<double>(xoff + i - ng) * ny + (j - ng);
          k = -(nzones - global);
        } else {
          const double c = sound_speed(gamma, d, p);
          k = cfl * kmath::fmin(dx / (kmath::fabs(m1 / d) + c), dy / (kmath::fabs(m2 / d) + c));
        }
        if (k < kmin) kmin = k;
      },
      Kokkos::Min<double>(key));
  return key;
}

LocalTimestep decode_timestep_key(const GlobalMesh& mesh, double key) {
  if (key >= 0.0) return {key, -1};
  const double nzones = static_cast<double>(mesh.nx) * mesh.ny;
  return {0.0, static_cast<long long>(nzones + key)};
}

}  // namespace slabhydro
