// Convergence on a smooth problem: a linear sound wave along the diagonal of
// the periodic unit square returns to its initial state after one period
// (t = 1/sqrt(2)). The L1 density error at 32^2, 64^2 and 128^2 must fall at
// close to second order. One rank (MPI_COMM_SELF); the periodic x guard
// cells come from the halo exchange with itself.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "tests/common/hydro_run.hpp"

using namespace slabhydro_test;

namespace {

constexpr double kAmplitude = 1.0e-6;

// L1 norm of the density error after one period, relative to the amplitude.
double linear_wave_error(int n, const HydroOptions& hydro) {
  Setup s;
  s.mesh.nx = s.mesh.ny = n;
  s.bc = all_sides(BoundaryType::periodic);
  s.hydro = hydro;
  s.problem.name = "linear_wave";
  s.problem.wave.amplitude = kAmplitude;
  Run run(MPI_COMM_SELF, s);
  const HostState u0 = run.host_state();
  const double period = 1.0 / std::sqrt(2.0);
  run.advance(period);
  REQUIRE(run.time() == period);
  const HostState u1 = run.host_state();
  double err = 0.0;
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i) err += std::fabs(u1(IDN, j, i) - u0(IDN, j, i));
  return err / (static_cast<double>(n) * n) / kAmplitude;
}

struct Case {
  RiemannSolver riemann;
  Limiter limiter;
  Integrator integrator;
  double min_order_coarse;  // floor on the order measured from 32^2 to 64^2
  double min_order_fine;    // floor on the order measured from 64^2 to 128^2
  double tol128;            // bound on the relative L1 error at 128^2
};

}  // namespace

TEST_CASE("linear wave converges at second order", "[regression][convergence]") {
  using RS = RiemannSolver;
  using L = Limiter;
  using I = Integrator;
  // The orders and errors measured when this test was written (Release,
  // gcc 12, x86-64) are in the comment of each row. The limiters clip the
  // slopes at the wave's extrema, so the order approaches 2 from below with
  // RK2 (more so with the more compressive limiters); the floors sit ~0.1
  // below the measured orders and the error bounds ~1.3x above the errors.
  const Case cases[] = {
      // riemann, limiter, integrator, floors coarse/fine, tol at 128
      //                                       measured: order 32->64, 64->128; L1/A at 128
      {RS::hllc, L::mc, I::rk2, 1.60, 1.75, 3.2e-3},       // 1.687 1.847 2.4128e-3 (the deck)
      {RS::hlle, L::mc, I::rk2, 1.55, 1.75, 3.3e-3},       // 1.672 1.835 2.4632e-3
      {RS::rusanov, L::mc, I::rk2, 1.55, 1.75, 3.3e-3},    // 1.672 1.835 2.4632e-3
      {RS::hllc, L::vanleer, I::rk2, 1.65, 1.85, 4.0e-3},  // 1.772 1.945 2.9695e-3
      {RS::hllc, L::minmod, I::rk2, 1.40, 1.60, 9.5e-3},   // 1.518 1.681 7.1075e-3
      {RS::hllc, L::mc, I::vl2, 1.95, 2.05, 5.5e-4},       // 2.093 2.166 4.1384e-4
  };
  for (const Case& c : cases) {
    HydroOptions h;
    h.gamma = 5.0 / 3.0;
    h.cfl = 0.4;
    h.riemann = c.riemann;
    h.limiter = c.limiter;
    h.integrator = c.integrator;
    const std::string name = std::string(to_string(c.riemann)) + "/" + to_string(c.limiter) + "/" +
                             to_string(c.integrator);
    INFO(name);
    std::vector<double> err;
    for (int n : {32, 64, 128}) err.push_back(linear_wave_error(n, h));
    const double q1 = std::log2(err[0] / err[1]), q2 = std::log2(err[1] / err[2]);
    char line[200];
    std::snprintf(line, sizeof line,
                  "linear wave %-16s L1(rho)/A 32: %.4e  64: %.4e  128: %.4e  order %.3f %.3f",
                  name.c_str(), err[0], err[1], err[2], q1, q2);
    std::cout << line << "\n";
    INFO(line);
    CHECK(err[2] < c.tol128);
    CHECK(q1 >= c.min_order_coarse);
    CHECK(q2 >= c.min_order_fine);
  }
}
