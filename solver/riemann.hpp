#pragma once
// Approximate Riemann solvers, header-only. States are given in the frame of
// the face: vn normal, vt transverse. Every formula is written so that the
// mirror image of the input (left <-> right, vn -> -vn) gives the mirror image
// of the flux exactly, to the last bit; keep that when editing (pairs written
// as (x_L - x_R), never re-associated).
#include "solver/eos.hpp"
#include "solver/kmath.hpp"

namespace slabhydro {

struct FaceState {
  double d, vn, vt, p;
};

struct FaceFlux {
  double d, mn, mt, e;
};

struct RiemannParams {
  double gamma;
  double igm1;  // 1 / (gamma - 1)
};

namespace riemann_detail {

KOKKOS_FORCEINLINE_FUNCTION FaceFlux physical_flux(const FaceState& w, double e) {
  const double mn = w.d * w.vn;
  return {mn, mn * w.vn + w.p, mn * w.vt, w.vn * (e + w.p)};
}

// Total energy and sound speed of a face state.
struct Thermo {
  double e, c;
};
KOKKOS_FORCEINLINE_FUNCTION Thermo thermo(const FaceState& w, const RiemannParams& pr) {
  return {ideal_energy(pr.igm1, w.d, w.vn, w.vt, w.p), sound_speed(pr.gamma, w.d, w.p)};
}

// Davis (1988) estimates of the slowest and fastest signal speeds.
KOKKOS_FORCEINLINE_FUNCTION void davis_speeds(const FaceState& l, const FaceState& r,
                                              const Thermo& tl, const Thermo& tr, double& sl,
                                              double& sr) {
  sl = kmath::fmin(l.vn - tl.c, r.vn - tr.c);
  sr = kmath::fmax(l.vn + tl.c, r.vn + tr.c);
}

}  // namespace riemann_detail

// Local Lax-Friedrichs.
struct Rusanov {
  KOKKOS_FORCEINLINE_FUNCTION static FaceFlux flux(const FaceState& l, const FaceState& r,
                                                   const RiemannParams& pr) {
    using namespace riemann_detail;
    const Thermo tl = thermo(l, pr), tr = thermo(r, pr);
    const double el = tl.e, er = tr.e;
    const double sl = kmath::fabs(l.vn) + tl.c;
    const double sr = kmath::fabs(r.vn) + tr.c;
    const double s = kmath::fmax(sl, sr);
    const FaceFlux fl = physical_flux(l, el);
    const FaceFlux fr = physical_flux(r, er);
    return {0.5 * ((fl.d + fr.d) - s * (r.d - l.d)),
            0.5 * ((fl.mn + fr.mn) - s * (r.d * r.vn - l.d * l.vn)),
            0.5 * ((fl.mt + fr.mt) - s * (r.d * r.vt - l.d * l.vt)),
            0.5 * ((fl.e + fr.e) - s * (er - el))};
  }
};

// Harten-Lax-van Leer-Einfeldt, with Davis wave-speed estimates bounded by 0.
struct HLLE {
  KOKKOS_FORCEINLINE_FUNCTION static FaceFlux flux(const FaceState& l, const FaceState& r,
                                                   const RiemannParams& pr) {
    using namespace riemann_detail;
    const Thermo tl = thermo(l, pr), tr = thermo(r, pr);
    const double el = tl.e, er = tr.e;
    double sl, sr;
    davis_speeds(l, r, tl, tr, sl, sr);
    sl = kmath::fmin(sl, 0.0);
    sr = kmath::fmax(sr, 0.0);
    const double inv = 1.0 / (sr - sl);
    const double slsr = sl * sr;
    const FaceFlux fl = physical_flux(l, el);
    const FaceFlux fr = physical_flux(r, er);
    return {((sr * fl.d - sl * fr.d) + slsr * (r.d - l.d)) * inv,
            ((sr * fl.mn - sl * fr.mn) + slsr * (r.d * r.vn - l.d * l.vn)) * inv,
            ((sr * fl.mt - sl * fr.mt) + slsr * (r.d * r.vt - l.d * l.vt)) * inv,
            ((sr * fl.e - sl * fr.e) + slsr * (er - el)) * inv};
  }
};

// HLLC (Toro, Spruce & Speares 1994) in the form of Toro's book, eq. 10.71:
// F*_K = (S*(S_K U_K - F_K) + S_K (p_K + d_K (S_K - u_K)(S* - u_K)) D*) / (S_K - S*)
// with D* = (0, 1, 0, S*): the mass, transverse-momentum and energy fluxes
// carry the factor S*, so they vanish exactly where S* does.
struct HLLC {
  KOKKOS_FORCEINLINE_FUNCTION static FaceFlux star_flux(const FaceState& w, double e, double sk,
                                                        double ss) {
    const double mn = w.d * w.vn;
    const double pstar = w.p + (w.d * (sk - w.vn)) * (ss - w.vn);
    const double inv = 1.0 / (sk - ss);
    const double skd = sk * w.d;
    return {ss * (skd - mn) * inv, (ss * (skd * w.vn - (mn * w.vn + w.p)) + sk * pstar) * inv,
            ss * (skd * w.vt - mn * w.vt) * inv,
            ss * ((sk * e - w.vn * (e + w.p)) + sk * pstar) * inv};
  }

  KOKKOS_FORCEINLINE_FUNCTION static FaceFlux flux(const FaceState& l, const FaceState& r,
                                                   const RiemannParams& pr) {
    using namespace riemann_detail;
    const Thermo tl = thermo(l, pr), tr = thermo(r, pr);
    const double el = tl.e, er = tr.e;
    double sl, sr;
    davis_speeds(l, r, tl, tr, sl, sr);
    const double al = l.d * (sl - l.vn);
    const double ar = r.d * (sr - r.vn);
    const double ss = ((r.p - l.p) + (al * l.vn - ar * r.vn)) / (al - ar);
    // Branch-free, so the face loop vectorises: pick the side K of the
    // contact, then its physical flux (supersonic) or its star flux. The
    // flux not chosen may be inf/NaN (S_K == S*); it is discarded.
    const bool left = ss >= 0.0;
    const FaceState k{left ? l.d : r.d, left ? l.vn : r.vn, left ? l.vt : r.vt, left ? l.p : r.p};
    const double ek = left ? el : er;
    const double sk = left ? sl : sr;
    const bool supersonic = (left ? sk : -sk) >= 0.0;  // sl >= 0 or sr <= 0
    const FaceFlux fk = physical_flux(k, ek);
    const FaceFlux fs = star_flux(k, ek, sk, ss);
    return {supersonic ? fk.d : fs.d, supersonic ? fk.mn : fs.mn, supersonic ? fk.mt : fs.mt,
            supersonic ? fk.e : fs.e};
  }
};

}  // namespace slabhydro
