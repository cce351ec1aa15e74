#include "primitives.hpp"

namespace slabhydro {

void conserved_to_primitive(const DvceArray3D<double>& u, const DvceArray3D<double>& w,
                            double gamma) {
  const double gm1 = gamma - 1.0;
  const int nj = static_cast<int>(u.extent(1));
  const int ni = static_cast<int>(u.extent(2));
  par_for("hydro::cons_to_prim", 0, nj, 0, ni, KOKKOS_LAMBDA(const int j, const int i) {
    const double d = u(IDN, j, i);
    const double m1 = u(IM1, j, i);
    const double m2 = u(IM2, j, i);
    w(IDN, j, i) = d;
    w(IVX, j, i) = m1 / d;
    w(IVY, j, i) = m2 / d;
    w(IPR, j, i) = ideal_pressure(gm1, d, m1, m2, u(IEN, j, i));
  });
}

}  // namespace slabhydro
