#include "bench/bench_data.hpp"

#include <algorithm>

namespace slabhydro {

const std::vector<std::string>& bench_unknown_names() {
  static const std::vector<std::string> names = {"dens", "velx", "vely", "velz", "pres", "ener",
                                                 "temp", "gamc", "game", "enuc", "gpot", "f1",
                                                 "f2",   "f3",   "f4",   "f5",   "f6",   "f7",
                                                 "f8",   "f9",   "f10",  "f11",  "f12",  "f13"};
  return names;
}

std::vector<std::string> bench_plot_names() {
  std::vector<std::string> out;
  for (int v : kBenchPlotIndex) out.push_back(bench_unknown_names()[v]);
  return out;
}

double bench_corner_expected(int v, long long I, long long J, long long nx, long long ny) {
  // Outflow guard cells: a cell outside the mesh holds its nearest interior cell.
  auto cell = [&](long long i, long long j) {
    return bench_pattern(v, std::clamp(i, 0LL, nx - 1), std::clamp(j, 0LL, ny - 1), nx);
  };
  const double a = cell(I - 1, J - 1), b = cell(I, J - 1), c = cell(I - 1, J), d = cell(I, J);
  return (((a + b) + c) + d) * 0.25;
}

void bench_fill_unknowns(const Slab& s, const DvceArray3D<double>& u, double guard) {
  const int ng = s.mesh.ng, js = s.js(), je = s.je(), is = s.is(), ie = s.ie();
  const long long nx = s.mesh.nx, x0 = s.x_offset;
  auto u_ = u;
  par_for(
      "bench::fill_unknowns", 0, s.ny_tot(), 0, s.nx_tot(),
      KOKKOS_LAMBDA(const int j, const int i) {
        const bool interior = j >= js && j < je && i >= is && i < ie;
        for (int v = 0; v < kBenchUnknowns; ++v)
          u_(v, j, i) = interior ? bench_pattern(v, x0 + i - ng, j - ng, nx) : guard;
      });
}

void bench_fill_edge_guards(const Slab& s, const DvceArray3D<double>& u) {
  const int ng = s.mesh.ng, js = s.js(), je = s.je(), is = s.is(), ie = s.ie();
  auto u_ = u;
  if (s.has_x1_inner_edge())
    par_for(
        "bench::edge_x1_inner", js, je, 0, ng, KOKKOS_LAMBDA(const int j, const int g) {
          for (int v = 0; v < kBenchUnknowns; ++v) u_(v, j, is - 1 - g) = u_(v, j, is);
        });
  if (s.has_x1_outer_edge())
    par_for(
        "bench::edge_x1_outer", js, je, 0, ng, KOKKOS_LAMBDA(const int j, const int g) {
          for (int v = 0; v < kBenchUnknowns; ++v) u_(v, j, ie + g) = u_(v, j, ie - 1);
        });
  // Every column, guard columns included: the guard corners then hold what
  // one slab covering the whole mesh would hold.
  par_for(
      "bench::edge_x2", 0, ng, 0, s.nx_tot(), KOKKOS_LAMBDA(const int g, const int i) {
        for (int v = 0; v < kBenchUnknowns; ++v) {
          u_(v, js - 1 - g, i) = u_(v, js, i);
          u_(v, je + g, i) = u_(v, je - 1, i);
        }
      });
}

void bench_plot_vars(const Slab& s, const DvceArray3D<double>& u, const DvceArray3D<float>& out) {
  const int ng = s.mesh.ng;
  // Plain ints for the kernel (no std::array in device code).
  const int p0 = kBenchPlotIndex[0], p1 = kBenchPlotIndex[1], p2 = kBenchPlotIndex[2],
            p3 = kBenchPlotIndex[3];
  auto u_ = u;
  auto out_ = out;
  par_for(
      "bench::plot_vars", 0, s.mesh.ny, 0, s.nx_local, KOKKOS_LAMBDA(const int j, const int i) {
        out_(0, j, i) = static_cast<float>(u_(p0, j + ng, i + ng));
        out_(1, j, i) = static_cast<float>(u_(p1, j + ng, i + ng));
        out_(2, j, i) = static_cast<float>(u_(p2, j + ng, i + ng));
        out_(3, j, i) = static_cast<float>(u_(p3, j + ng, i + ng));
      });
}

void bench_corner_vars(const Slab& s, const DvceArray3D<double>& u, const DvceArray3D<float>& out) {
  const int ng = s.mesh.ng;
  const int p[kBenchPlotVars] = {kBenchPlotIndex[0], kBenchPlotIndex[1], kBenchPlotIndex[2],
                                 kBenchPlotIndex[3]};
  auto u_ = u;
  auto out_ = out;
  for (int k = 0; k < kBenchPlotVars; ++k) {
    const int v = p[k];
    // Corner (I, J) lies between stored cells (j0, i0) .. (j0 + 1, i0 + 1).
    par_for(
        "bench::corner_vars", 0, s.mesh.ny + 1, 0, corner_columns(s),
        KOKKOS_LAMBDA(const int J, const int I) {
          const int j0 = J + ng - 1, i0 = I + ng - 1;
          const double a = u_(v, j0, i0), b = u_(v, j0, i0 + 1), c = u_(v, j0 + 1, i0),
                       d = u_(v, j0 + 1, i0 + 1);
          out_(k, J, I) = static_cast<float>((((a + b) + c) + d) * 0.25);
        });
  }
}

}  // namespace slabhydro
