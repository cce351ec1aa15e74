#include "solver/boundary.hpp"

namespace slabhydro {

namespace {

// Guard zone g = 0..ng-1 counted outward from the edge. DIR 0: x, DIR 1: y.
// inner: the low side. Periodic y wraps inside the slab (all of y is local).
template <int DIR>
void fill_side(const Slab& s, BoundaryType type, bool inner, const DvceArray3D<double>& u) {
  const int ng = s.mesh.ng;
  const int first = DIR == 0 ? s.is() : s.js();  // first interior index
  const int last = DIR == 0 ? s.ie() - 1 : s.je() - 1;
  const int normal_mom = DIR == 0 ? IM1 : IM2;
  // Along the side: interior rows for x sides, every column for y sides.
  const int tl = DIR == 0 ? s.js() : 0;
  const int tu = DIR == 0 ? s.je() : s.nx_tot();
  const char* name = DIR == 0 ? (inner ? "hydro::bc_x1_inner" : "hydro::bc_x1_outer")
                              : (inner ? "hydro::bc_x2_inner" : "hydro::bc_x2_outer");
  const int kind = static_cast<int>(type);
  par_for(
      name, 0, ng, tl, tu, KOKKOS_LAMBDA(const int g, const int t) {
        const int dst = inner ? first - 1 - g : last + 1 + g;
        int src;
        double flip = 1.0;
        if (kind == static_cast<int>(BoundaryType::outflow)) {
          src = inner ? first : last;
        } else if (kind == static_cast<int>(BoundaryType::reflecting)) {
          src = inner ? first + g : last - g;
          flip = -1.0;
        } else {  // periodic
          src = inner ? last - g : first + g;
        }
        for (int v = 0; v < NVAR; ++v) {
          const double sign = v == normal_mom ? flip : 1.0;
          if (DIR == 0)
            u(v, t, dst) = sign * u(v, t, src);
          else
            u(v, dst, t) = sign * u(v, src, t);
        }
      });
}

}  // namespace

void apply_physical_boundaries(const Slab& slab, const Boundaries& bc,
                               const DvceArray3D<double>& u) {
  if (slab.has_x1_inner_edge() && bc.x1_inner != BoundaryType::periodic)
    fill_side<0>(slab, bc.x1_inner, true, u);
  if (slab.has_x1_outer_edge() && bc.x1_outer != BoundaryType::periodic)
    fill_side<0>(slab, bc.x1_outer, false, u);
  fill_side<1>(slab, bc.x2_inner, true, u);
  fill_side<1>(slab, bc.x2_outer, false, u);
}

}  // namespace slabhydro
