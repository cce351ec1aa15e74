// Approximate Riemann solvers (solver/riemann.hpp): consistency with the
// physical flux, exact mirror symmetries, upwinding of supersonic states and,
// for HLLC, exact resolution of a stationary contact.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "solver/riemann.hpp"

using namespace slabhydro;

namespace {

// RiemannParams for gamma; works whether it stores gamma - 1 (gm1) or its
// inverse (igm1), so the test does not depend on that detail.
template <class P>
auto set_gamma_minus_one(P& p, double g, int) -> decltype(p.igm1, void()) {
  p.igm1 = 1.0 / (g - 1.0);
}
template <class P>
void set_gamma_minus_one(P& p, double g, long) {
  p.gm1 = g - 1.0;
}
RiemannParams riemann_params(double gamma) {
  RiemannParams p{};
  p.gamma = gamma;
  set_gamma_minus_one(p, gamma, 0);
  return p;
}

constexpr double kGamma = 1.4;
const RiemannParams kParams = riemann_params(kGamma);

FaceFlux exact_flux(const FaceState& w) {
  const double e = w.p / (kGamma - 1.0) + 0.5 * w.d * (w.vn * w.vn + w.vt * w.vt);
  return {w.d * w.vn, w.d * w.vn * w.vn + w.p, w.d * w.vn * w.vt, w.vn * (e + w.p)};
}

std::vector<FaceState> random_states(int n, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> logu(-2.0, 2.0), v(-3.0, 3.0);
  std::vector<FaceState> s;
  for (int k = 0; k < n; ++k)
    s.push_back({std::pow(10.0, logu(rng)), v(rng), v(rng), std::pow(10.0, logu(rng))});
  // Special cases: at rest, sonic, zero transverse velocity.
  s.push_back({1.0, 0.0, 0.0, 1.0});
  s.push_back({1.0, std::sqrt(kGamma), 0.0, 1.0});
  s.push_back({1.0, -std::sqrt(kGamma), 0.5, 1.0});
  return s;
}

FaceState mirror(const FaceState& w) { return {w.d, -w.vn, w.vt, w.p}; }

bool same(const FaceFlux& a, const FaceFlux& b) {
  return a.d == b.d && a.mn == b.mn && a.mt == b.mt && a.e == b.e;
}

std::string show(const FaceFlux& f) {
  return "(" + std::to_string(f.d) + ", " + std::to_string(f.mn) + ", " + std::to_string(f.mt) +
         ", " + std::to_string(f.e) + ")";
}

}  // namespace

TEMPLATE_TEST_CASE("Riemann solver is consistent: F(w, w) is the physical flux", "[unit][riemann]",
                   HLLC, HLLE, Rusanov) {
  for (const FaceState& w : random_states(2000, 1)) {
    const FaceFlux f = TestType::flux(w, w, kParams);
    const FaceFlux x = exact_flux(w);
    // Scale of each component, for the round-off of (S_R F - S_L F)/(S_R - S_L).
    const double c = std::sqrt(kGamma * w.p / w.d), vmax = std::fabs(w.vn) + std::fabs(w.vt) + c;
    const double sd = w.d * vmax, sm = w.d * vmax * vmax + w.p;
    const double se = vmax * (w.p / (kGamma - 1.0) + w.d * vmax * vmax + w.p);
    INFO("d " << w.d << " vn " << w.vn << " vt " << w.vt << " p " << w.p << ": " << show(f)
              << " vs " << show(x));
    REQUIRE(std::fabs(f.d - x.d) <= 1e-14 * sd);
    REQUIRE(std::fabs(f.mn - x.mn) <= 1e-14 * sm);
    REQUIRE(std::fabs(f.mt - x.mt) <= 1e-14 * sm);
    REQUIRE(std::fabs(f.e - x.e) <= 1e-14 * se);
  }
}

TEMPLATE_TEST_CASE("Riemann solver mirror symmetry is exact", "[unit][riemann]", HLLC, HLLE,
                   Rusanov) {
  // x -> -x swaps the states and flips vn: the mass, transverse-momentum and
  // energy fluxes change sign, the normal-momentum flux does not. vt -> -vt
  // flips the transverse-momentum flux only. Both to the last bit.
  const std::vector<FaceState> ls = random_states(3000, 2), rs = random_states(3000, 3);
  long long bad_mirror = 0, bad_transverse = 0;
  for (std::size_t k = 0; k < ls.size(); ++k) {
    const FaceState& l = ls[k];
    const FaceState& r = rs[k];
    const FaceFlux f = TestType::flux(l, r, kParams);
    const FaceFlux m = TestType::flux(mirror(r), mirror(l), kParams);
    const FaceFlux want_m{-f.d, f.mn, -f.mt, -f.e};
    if (!same(m, want_m)) {
      ++bad_mirror;
      if (bad_mirror <= 3) {
        INFO("mirror: " << show(m) << " vs " << show(want_m));
        CHECK(same(m, want_m));
      }
    }
    const FaceFlux t = TestType::flux({l.d, l.vn, -l.vt, l.p}, {r.d, r.vn, -r.vt, r.p}, kParams);
    bad_transverse += !same(t, FaceFlux{f.d, f.mn, -f.mt, f.e});
    // Identical states either side of the face mirror onto themselves.
    const FaceFlux s0 = TestType::flux({l.d, 0.0, l.vt, l.p}, {l.d, 0.0, l.vt, l.p}, kParams);
    bad_mirror += s0.d != 0.0 || s0.e != 0.0 || s0.mt != 0.0;
  }
  CHECK(bad_mirror == 0);
  CHECK(bad_transverse == 0);
}

TEMPLATE_TEST_CASE("HLLC and HLLE upwind supersonic states exactly", "[unit][riemann]", HLLC,
                   HLLE) {
  // Both states move faster than sound to the right: the flux is the left
  // state's physical flux; to the left: the right state's.
  const FaceState l{1.0, 3.0, 0.2, 1.0}, r{0.5, 2.5, -0.1, 0.4};  // c = 1.18, 1.06
  const FaceFlux f = TestType::flux(l, r, kParams);
  const FaceFlux fl = exact_flux(l);
  CHECK(f.d == Approx(fl.d).epsilon(1e-15));
  CHECK(f.mn == Approx(fl.mn).epsilon(1e-15));
  CHECK(f.mt == Approx(fl.mt).epsilon(1e-15));
  CHECK(f.e == Approx(fl.e).epsilon(1e-15));
  const FaceFlux g = TestType::flux(mirror(r), mirror(l), kParams);
  const FaceFlux gl = exact_flux(mirror(l));
  CHECK(g.d == Approx(gl.d).epsilon(1e-15));
  CHECK(g.e == Approx(gl.e).epsilon(1e-15));
}

TEST_CASE("HLLC holds a stationary contact exactly; HLLE and Rusanov diffuse it",
          "[unit][riemann]") {
  // Density and transverse-velocity jump at uniform pressure, at rest.
  const FaceState l{1.0, 0.0, 0.3, 2.5}, r{0.125, 0.0, -0.7, 2.5};
  const FaceFlux h = HLLC::flux(l, r, kParams);
  CHECK(h.d == 0.0);
  CHECK(h.mt == 0.0);
  CHECK(h.e == 0.0);
  CHECK(h.mn == Approx(2.5).epsilon(1e-15));
  // The approximate solvers without a contact wave carry mass across it.
  CHECK(HLLE::flux(l, r, kParams).d > 1e-3);
  CHECK(Rusanov::flux(l, r, kParams).d > 1e-3);
  // A contact moving at u: the mass flux is the upwind state's d * u.
  const FaceState ml{1.0, 0.4, 0.0, 1.0}, mr{0.125, 0.4, 0.0, 1.0};
  const FaceFlux m = HLLC::flux(ml, mr, kParams);
  CHECK(m.d == Approx(0.4).epsilon(1e-14));
  CHECK(m.mn == Approx(0.4 * 0.4 + 1.0).epsilon(1e-14));
}

TEMPLATE_TEST_CASE("Riemann solver: a strong shock gives finite fluxes", "[unit][riemann]", HLLC,
                   HLLE, Rusanov) {
  // Toro's test 3 (pressure ratio 1e5) and a near-vacuum 123 problem.
  const FaceState cases[][2] = {{{1.0, 0.0, 0.0, 1000.0}, {1.0, 0.0, 0.0, 0.01}},
                                {{1.0, -2.0, 0.0, 0.4}, {1.0, 2.0, 0.0, 0.4}}};
  for (const auto& c : cases) {
    const FaceFlux f = TestType::flux(c[0], c[1], kParams);
    CHECK(std::isfinite(f.d));
    CHECK(std::isfinite(f.mn));
    CHECK(std::isfinite(f.mt));
    CHECK(std::isfinite(f.e));
  }
}
