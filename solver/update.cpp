#include "solver/update.hpp"

namespace slabhydro {

void update_stage(const Slab& slab, const DvceArray3D<double>& u0, const DvceArray3D<double>& in,
                  const DvceArray3D<double>& out, const DvceArray3D<double>& fx,
                  const DvceArray3D<double>& fy, StageWeights wt, double dt) {
  const double a = wt.a, b = wt.b;
  const auto u0s = strided(DvceArray3D<const double>(u0));
  const auto ins = strided(DvceArray3D<const double>(in));
  const auto fxs = strided(DvceArray3D<const double>(fx));
  const auto fys = strided(DvceArray3D<const double>(fy));
  const auto outs = strided(out);
  const double cdtdx = wt.c * dt / slab.mesh.dx();
  const double cdtdy = wt.c * dt / slab.mesh.dy();
  par_for(
      "hydro::update", slab.js(), slab.je(), slab.is(), slab.ie(),
      KOKKOS_LAMBDA(const int j, const int i) {
        for (int v = 0; v < NVAR; ++v) {
          const double div =
              cdtdx * (fxs(v, j, i + 1) - fxs(v, j, i)) + cdtdy * (fys(v, j + 1, i) - fys(v, j, i));
          outs(v, j, i) = (a * u0s(v, j, i) + b * ins(v, j, i)) - div;
        }
      });
}

}  // namespace slabhydro
