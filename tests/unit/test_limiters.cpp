// Slope limiters and PLM reconstruction (solver/reconstruct.hpp): the exact
// symmetries the mirror-symmetry guarantee rests on, and the TVD bounds.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <vector>

#include "solver/reconstruct.hpp"

using namespace slabhydro;

namespace {

// Pairs (a, b) over many magnitudes and both signs, with the special cases
// (zeros, equal, opposite, tiny, huge).
std::vector<std::pair<double, double>> sample_pairs() {
  std::vector<std::pair<double, double>> v = {{0.0, 0.0},
                                              {0.0, 1.0},
                                              {1.0, 0.0},
                                              {1.0, 1.0},
                                              {-1.0, -1.0},
                                              {1.0, -1.0},
                                              {2.0, 1.0},
                                              {1.0, 3.0},
                                              {-2.0, -0.5},
                                              {1e-300, 1e-300},
                                              {1e-300, 2e-300},
                                              {1e150, 3e149},
                                              {0.1, 0.30000000000000004},
                                              {-0.0, 1.0},
                                              {5.0, 5.0000001}};
  std::mt19937_64 rng(20240611);
  std::uniform_real_distribution<double> mant(-1.0, 1.0);
  std::uniform_int_distribution<int> expo(-20, 20);
  for (int k = 0; k < 20000; ++k)
    v.emplace_back(std::ldexp(mant(rng), expo(rng)), std::ldexp(mant(rng), expo(rng)));
  // Close pairs (smooth data).
  for (int k = 0; k < 5000; ++k) {
    const double a = mant(rng);
    v.emplace_back(a, a * (1.0 + 0.01 * mant(rng)));
  }
  return v;
}

template <class Lim>
void check_limiter(double max_ratio, bool exact_on_equal) {
  long long asym = 0, odd = 0, bound = 0, extremum = 0, sign = 0;
  for (const auto& ab : sample_pairs()) {
    const double a = ab.first, b = ab.second;
    const double s = Lim::slope(a, b);
    asym += s != Lim::slope(b, a);
    odd += Lim::slope(-a, -b) != -s;
    if (a * b <= 0.0) {
      extremum += s != 0.0;
    } else {
      // Same sign as the differences, and at most max_ratio * min(|a|, |b|)
      // (the TVD region), and at least min(|a|, |b|) for every limiter but
      // none below minmod.
      sign += (s > 0.0) != (a > 0.0);
      const double lo = std::fmin(std::fabs(a), std::fabs(b));
      bound += std::fabs(s) > max_ratio * lo * (1.0 + 1e-15);
      bound += std::fabs(s) < lo * (1.0 - 1e-15);
    }
  }
  CHECK(asym == 0);
  CHECK(odd == 0);
  CHECK(extremum == 0);
  CHECK(sign == 0);
  CHECK(bound == 0);
  // Linear data: the slope is the difference itself.
  for (double a : {1.0, -3.5, 1e-8, 0.1}) {
    if (exact_on_equal)
      CHECK(Lim::slope(a, a) == a);
    else
      CHECK(Lim::slope(a, a) == Approx(a).epsilon(1e-15));
  }
}

}  // namespace

TEST_CASE("minmod limiter: symmetric, odd, TVD", "[unit][limiter]") {
  check_limiter<MinmodLimiter>(1.0, true);
  CHECK(MinmodLimiter::slope(1.0, 3.0) == 1.0);
  CHECK(MinmodLimiter::slope(-1.0, -3.0) == -1.0);
}

TEST_CASE("van Leer limiter: symmetric, odd, TVD", "[unit][limiter]") {
  check_limiter<VanLeerLimiter>(2.0, false);
  CHECK(VanLeerLimiter::slope(1.0, 3.0) == Approx(1.5));  // harmonic mean 2ab/(a+b)
}

TEST_CASE("MC limiter: symmetric, odd, TVD", "[unit][limiter]") {
  check_limiter<MCLimiter>(2.0, true);
  CHECK(MCLimiter::slope(1.0, 3.0) == 2.0);   // min(2|a|, 2|b|, |a+b|/2)
  CHECK(MCLimiter::slope(1.0, 1.5) == 1.25);  // central difference
}

TEMPLATE_TEST_CASE("PLM faces: linear data exact, extrema flat, mirror exact", "[unit][limiter]",
                   MinmodLimiter, VanLeerLimiter, MCLimiter) {
  using R = PLM<TestType>;
  double fl, fr;
  // Linear data: faces at c -+ h/2.
  R::faces(1.0, 2.0, 3.0, fl, fr);
  CHECK(fl == 1.5);
  CHECK(fr == 2.5);
  R::faces(3.0, 2.0, 1.0, fl, fr);
  CHECK(fl == 2.5);
  CHECK(fr == 1.5);
  // An extremum: first order, both faces take the zone value.
  R::faces(1.0, 2.0, 1.5, fl, fr);
  CHECK(fl == 2.0);
  CHECK(fr == 2.0);
  // Bounded by the neighbours (no new extrema), and mirror-exact.
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  long long out_of_range = 0, mirror = 0;
  for (int k = 0; k < 20000; ++k) {
    const double l = u(rng), c = u(rng), r = u(rng);
    R::faces(l, c, r, fl, fr);
    const double lo = std::fmin(std::fmin(l, c), r), hi = std::fmax(std::fmax(l, c), r);
    const double eps = 4e-16;  // one rounding of c -+ (c - neighbour)
    out_of_range += fl < lo - eps || fl > hi + eps || fr < lo - eps || fr > hi + eps;
    double ml, mr;
    R::faces(r, c, l, ml, mr);  // mirror image: neighbours swapped
    mirror += ml != fr || mr != fl;
    R::faces(-l, -c, -r, ml, mr);  // negated data (a velocity under reflection)
    mirror += ml != -fl || mr != -fr;
  }
  CHECK(out_of_range == 0);
  CHECK(mirror == 0);
}

TEST_CASE("donor cell returns the zone value on both faces", "[unit][limiter]") {
  double fl = 0, fr = 0;
  DonorCell::faces(1.0, 2.0, 3.0, fl, fr);
  CHECK(fl == 2.0);
  CHECK(fr == 2.0);
}
