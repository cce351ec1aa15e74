#include "update.hpp"

namespace slabhydro {

void update_stage(const Slab& slab, const DvceArray3D<double>& u0,
                  const DvceArray3D<double>& in, const DvceArray3D<double>& out,
                  const DvceArray3D<double>& fx, const DvceArray3D<double>& fy,
                  StageWeights wt, double dt) {
  const double a = wt.a, b = wt.b;
  const double cdtdx = wt.c * dt / slab.mesh.dx();
  const double cdtdy = wt.c * dt / slab.mesh.dy();
  par_for("hydro::update", slab.js(), slab.je(), slab.is(), slab.ie(),
          KOKKOS_LAMBDA(const int j, const int i) {
            for (int v = 0; v < NVAR; ++v) {
              const double div = cdtdx * (fx(v, j, i + 1) - fx(v, j, i)) +
                                 cdtdy * (fy(v, j + 1, i) - fy(v, j, i));
              out(v, j, i) = (a * u0(v, j, i) + b * in(v, j, i)) - div;
            }
          });
}

}  // namespace slabhydro
