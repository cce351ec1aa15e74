#include "solver/fluxes.hpp"

#include "solver/reconstruct.hpp"
#include "solver/riemann.hpp"

namespace slabhydro {
namespace {

// Left and right face values at the face between zones (j-dj, i-di) and
// (j, i) for variable v.
template <class Recon, int dj, int di>
KOKKOS_FORCEINLINE_FUNCTION void face_values(const StridedArray<const double>& w, int v, int j,
                                             int i, double& left, double& right) {
  const double wmm = w(v, j - 2 * dj, i - 2 * di);
  const double wm = w(v, j - dj, i - di);
  const double w0 = w(v, j, i);
  const double wp = w(v, j + dj, i + di);
  double unused;
  Recon::faces(wmm, wm, w0, unused, left);
  Recon::faces(wm, w0, wp, right, unused);
}

// One direction: DIR 0 sweeps x faces (between i-1 and i), DIR 1 y faces
// (between j-1 and j). The same code serves both, so a problem turned by 90
// degrees gives the transposed answer bit for bit.
template <int DIR, class Recon, class RS>
void fluxes_dir(const char* name, const DvceArray3D<double>& w_, const DvceArray3D<double>& f_,
                int jl, int ju, int il, int iu, RiemannParams rp) {
  const auto w = strided(DvceArray3D<const double>(w_));
  const auto f = strided(f_);
  constexpr int dj = DIR == 1 ? 1 : 0;
  constexpr int di = DIR == 0 ? 1 : 0;
  constexpr int ivn = DIR == 0 ? IVX : IVY;
  constexpr int ivt = DIR == 0 ? IVY : IVX;
  par_for(
      name, jl, ju, il, iu, KOKKOS_LAMBDA(const int j, const int i) {
        FaceState l, r;
        face_values<Recon, dj, di>(w, IDN, j, i, l.d, r.d);
        face_values<Recon, dj, di>(w, ivn, j, i, l.vn, r.vn);
        face_values<Recon, dj, di>(w, ivt, j, i, l.vt, r.vt);
        face_values<Recon, dj, di>(w, IPR, j, i, l.p, r.p);
        const FaceFlux fl = RS::flux(l, r, rp);
        f(IDN, j, i) = fl.d;
        f(ivn, j, i) = fl.mn;
        f(ivt, j, i) = fl.mt;
        f(IEN, j, i) = fl.e;
      });
}

template <class Recon, class RS>
void fluxes_both(const Slab& s, const DvceArray3D<double>& w, const DvceArray3D<double>& fx,
                 const DvceArray3D<double>& fy, RiemannParams rp) {
  fluxes_dir<0, Recon, RS>("hydro::fluxes_x", w, fx, s.js(), s.je(), s.is(), s.ie() + 1, rp);
  fluxes_dir<1, Recon, RS>("hydro::fluxes_y", w, fy, s.js(), s.je() + 1, s.is(), s.ie(), rp);
}

template <class Recon>
void dispatch_riemann(const Slab& s, const DvceArray3D<double>& w, const DvceArray3D<double>& fx,
                      const DvceArray3D<double>& fy, const HydroOptions& opt) {
  const RiemannParams rp{opt.gamma, 1.0 / (opt.gamma - 1.0)};
  switch (opt.riemann) {
    case RiemannSolver::hllc: fluxes_both<Recon, HLLC>(s, w, fx, fy, rp); break;
    case RiemannSolver::hlle: fluxes_both<Recon, HLLE>(s, w, fx, fy, rp); break;
    case RiemannSolver::rusanov: fluxes_both<Recon, Rusanov>(s, w, fx, fy, rp); break;
  }
}

}  // namespace

void compute_fluxes(const Slab& slab, const DvceArray3D<double>& w, const DvceArray3D<double>& fx,
                    const DvceArray3D<double>& fy, const HydroOptions& opt,
                    ReconstructionOrder order) {
  if (order == ReconstructionOrder::first) {
    dispatch_riemann<DonorCell>(slab, w, fx, fy, opt);
    return;
  }
  switch (opt.limiter) {
    case Limiter::minmod: dispatch_riemann<PLM<MinmodLimiter>>(slab, w, fx, fy, opt); break;
    case Limiter::vanleer: dispatch_riemann<PLM<VanLeerLimiter>>(slab, w, fx, fy, opt); break;
    case Limiter::mc: dispatch_riemann<PLM<MCLimiter>>(slab, w, fx, fy, opt); break;
  }
}

}  // namespace slabhydro
