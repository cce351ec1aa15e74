#include "solver/primitives.hpp"

namespace slabhydro {

void conserved_to_primitive(const DvceArray3D<double>& u, const DvceArray3D<double>& w,
                            double gamma) {
  const double gm1 = gamma - 1.0;
  const auto us = strided(DvceArray3D<const double>(u));
  const auto ws = strided(w);
  const int nj = static_cast<int>(u.extent(1));
  const int ni = static_cast<int>(u.extent(2));
  par_for(
      "hydro::cons_to_prim", 0, nj, 0, ni, KOKKOS_LAMBDA(const int j, const int i) {
        const double d = us(IDN, j, i);
        const double m1 = us(IM1, j, i);
        const double m2 = us(IM2, j, i);
        const double id = 1.0 / d;
        const double vx = m1 * id, vy = m2 * id;
        ws(IDN, j, i) = d;
        ws(IVX, j, i) = vx;
        ws(IVY, j, i) = vy;
        ws(IPR, j, i) = gm1 * (us(IEN, j, i) - 0.5 * (m1 * vx + m2 * vy));
      });
}

}  // namespace slabhydro
