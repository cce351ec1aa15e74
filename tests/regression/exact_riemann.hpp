#pragma once
// The exact solution of the Riemann problem for the 1D Euler equations of an
// ideal gas (Toro, "Riemann Solvers and Numerical Methods for Fluid Dynamics",
// 3rd ed., chapter 4): Newton iteration for the star pressure (4.5.1), then
// sampling of the self-similar solution at s = (x - x0) / t (4.5.2).
// Test reference only; host code, no Kokkos.
#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace exact_riemann {

struct State {
  double d, u, p;
};

class Solver {
 public:
  Solver(const State& l, const State& r, double gamma) : l_(l), r_(r), g_(gamma) {
    cl_ = std::sqrt(g_ * l_.p / l_.d);
    cr_ = std::sqrt(g_ * r_.p / r_.d);
    if (2.0 / (g_ - 1.0) * (cl_ + cr_) <= r_.u - l_.u)
      throw std::invalid_argument("exact_riemann: the data generate vacuum");
    solve_star();
  }

  double p_star() const { return ps_; }
  double u_star() const { return us_; }
  // Densities on either side of the contact.
  double d_star_left() const { return star_density(l_, ps_); }
  double d_star_right() const { return star_density(r_, ps_); }

  // The solution at s = (x - x0) / t.
  State sample(double s) const {
    if (s <= us_) return sample_side(l_, cl_, s, +1.0);
    // The right side is the mirror image of a left side: x -> -x, u -> -u.
    const State m = sample_side({r_.d, -r_.u, r_.p}, cr_, -s, -1.0);
    return {m.d, -m.u, m.p};
  }

 private:
  // f_K(p) of (4.6)-(4.7) and its derivative.
  void pressure_function(double p, const State& k, double ck, double& f, double& df) const {
    if (p <= k.p) {  // rarefaction
      const double pr = p / k.p;
      f = 2.0 * ck / (g_ - 1.0) * (std::pow(pr, (g_ - 1.0) / (2.0 * g_)) - 1.0);
      df = 1.0 / (k.d * ck) * std::pow(pr, -(g_ + 1.0) / (2.0 * g_));
    } else {  // shock
      const double ak = 2.0 / ((g_ + 1.0) * k.d);
      const double bk = (g_ - 1.0) / (g_ + 1.0) * k.p;
      const double q = std::sqrt(ak / (bk + p));
      f = (p - k.p) * q;
      df = (1.0 - 0.5 * (p - k.p) / (bk + p)) * q;
    }
  }

  void solve_star() {
    // Initial guess: the two-rarefaction approximation (4.46), robust for
    // every test of Toro's Table 4.1.
    const double z = (g_ - 1.0) / (2.0 * g_);
    const double p_tr = std::pow((cl_ + cr_ - 0.5 * (g_ - 1.0) * (r_.u - l_.u)) /
                                     (cl_ / std::pow(l_.p, z) + cr_ / std::pow(r_.p, z)),
                                 1.0 / z);
    double p = std::max(p_tr, 1e-12);
    for (int it = 0; it < 100; ++it) {
      double fl, dfl, fr, dfr;
      pressure_function(p, l_, cl_, fl, dfl);
      pressure_function(p, r_, cr_, fr, dfr);
      double pn = p - (fl + fr + (r_.u - l_.u)) / (dfl + dfr);
      if (pn < 0.0) pn = 1e-12;
      const double change = 2.0 * std::fabs(pn - p) / (pn + p);
      p = pn;
      if (change < 1e-15) break;
    }
    double fl, dfl, fr, dfr;
    pressure_function(p, l_, cl_, fl, dfl);
    pressure_function(p, r_, cr_, fr, dfr);
    ps_ = p;
    us_ = 0.5 * (l_.u + r_.u) + 0.5 * (fr - fl);
  }

  double star_density(const State& k, double ps) const {
    const double pr = ps / k.p;
    if (ps > k.p) {
      const double g6 = (g_ - 1.0) / (g_ + 1.0);
      return k.d * (pr + g6) / (g6 * pr + 1.0);
    }
    return k.d * std::pow(pr, 1.0 / g_);
  }

  // Left-side sampling (Toro 4.5.2, s <= u*); `sign` maps the star velocity
  // into the frame of the (possibly mirrored) left state.
  State sample_side(const State& k, double ck, double s, double sign) const {
    const double us = sign * us_;
    if (ps_ > k.p) {  // shock
      const double pr = ps_ / k.p;
      const double sk =
          k.u - ck * std::sqrt((g_ + 1.0) / (2.0 * g_) * pr + (g_ - 1.0) / (2.0 * g_));
      if (s <= sk) return k;
      return {star_density(k, ps_), us, ps_};
    }
    // rarefaction
    const double head = k.u - ck;
    if (s <= head) return k;
    const double cs = ck * std::pow(ps_ / k.p, (g_ - 1.0) / (2.0 * g_));
    const double tail = us - cs;
    if (s > tail) return {star_density(k, ps_), us, ps_};
    const double c = 2.0 / (g_ + 1.0) * (ck + 0.5 * (g_ - 1.0) * (k.u - s));
    return {k.d * std::pow(c / ck, 2.0 / (g_ - 1.0)),
            2.0 / (g_ + 1.0) * (ck + 0.5 * (g_ - 1.0) * k.u + s),
            k.p * std::pow(c / ck, 2.0 * g_ / (g_ - 1.0))};
  }

  State l_, r_;
  double g_, cl_, cr_;
  double ps_ = 0.0, us_ = 0.0;
};

}  // namespace exact_riemann
