#include "solver/problems.hpp"

#include <cmath>
#include <functional>

#include "common/error.hpp"

namespace slabhydro {
namespace {

struct Prim {
  double d, vx, vy, p;
};

// Offsets from the domain centre in index space (exactly antisymmetric, so
// mirror-symmetric problems start mirror-symmetric to the last bit).
struct Cell {
  double x, y;    // cell centre
  double rx, ry;  // cell centre minus domain centre
};

Cell cell_at(const GlobalMesh& m, int ig, int jg) {
  const double rx = (ig + 0.5 - 0.5 * m.nx) * m.dx();
  const double ry = (jg + 0.5 - 0.5 * m.ny) * m.dy();
  return {m.x1min + (ig + 0.5) * m.dx(), m.x2min + (jg + 0.5) * m.dy(), rx, ry};
}

using Generator = std::function<Prim(const Cell&)>;

Generator sod(const GlobalMesh& m, const SodParams& p) {
  const bool along_y = p.direction == Axis::y;
  const double x0 =
      along_y ? m.x2min + p.x0 * (m.x2max - m.x2min) : m.x1min + p.x0 * (m.x1max - m.x1min);
  return [=](const Cell& c) {
    const double s = along_y ? c.y : c.x;
    const bool left = s < x0;
    const double v = left ? p.vl : p.vr;
    return Prim{left ? p.dl : p.dr, along_y ? 0.0 : v, along_y ? v : 0.0, left ? p.pl : p.pr};
  };
}

Generator sedov(const GlobalMesh& m, const SedovParams& p, double gamma) {
  // Count the zones inside the radius over the whole mesh (the same on every
  // rank), so the deposited energy is exactly `energy`.
  const double r2 = p.radius * p.radius;
  long long inside = 0;
  for (int j = 0; j < m.ny; ++j)
    for (int i = 0; i < m.nx; ++i) {
      const Cell c = cell_at(m, i, j);
      if (c.rx * c.rx + c.ry * c.ry < r2) ++inside;
    }
  if (inside == 0)
    throw Error("problem.radius: " + std::to_string(p.radius) +
                    " is smaller than one zone; no zone receives the blast energy",
                true);
  const double p_in = (gamma - 1.0) * p.energy / (inside * m.dx() * m.dy());
  return [=](const Cell& c) {
    const bool in = c.rx * c.rx + c.ry * c.ry < r2;
    return Prim{p.d_ambient, 0.0, 0.0, in ? p_in : p.p_ambient};
  };
}

Generator kelvin_helmholtz(const GlobalMesh& m, const KelvinHelmholtzParams& p) {
  const double ly = m.x2max - m.x2min, lx = m.x1max - m.x1min;
  const double pi = std::acos(-1.0);
  return [=](const Cell& c) {
    // y measured from the centre: layers at -ly/4 and +ly/4, symmetric.
    const double y1 = -0.25 * ly, y2 = 0.25 * ly;
    const double prof = std::tanh((c.ry - y1) / p.width) - std::tanh((c.ry - y2) / p.width);
    const double d = 1.0 + 0.5 * p.drho * prof;
    const double vx = p.vflow * (prof - 1.0);
    const double g = std::exp(-(c.ry - y1) * (c.ry - y1) / (p.sigma * p.sigma)) +
                     std::exp(-(c.ry - y2) * (c.ry - y2) / (p.sigma * p.sigma));
    const double vy = p.amplitude * std::sin(2.0 * pi * (c.x - m.x1min) / lx) * g;
    return Prim{d, vx, vy, p.p0};
  };
}

// Liska & Wendroff (2003), configuration 3: four constant states meeting at
// (0.8, 0.8) of the unit square.
Generator riemann2d(const GlobalMesh& m) {
  const double xs = m.x1min + 0.8 * (m.x1max - m.x1min);
  const double ys = m.x2min + 0.8 * (m.x2max - m.x2min);
  return [=](const Cell& c) {
    const bool right = c.x >= xs, top = c.y >= ys;
    if (right && top) return Prim{1.5, 0.0, 0.0, 1.5};
    if (!right && top) return Prim{0.5323, 1.206, 0.0, 0.3};
    if (!right && !top) return Prim{0.138, 1.206, 1.206, 0.029};
    return Prim{0.5323, 0.0, 1.206, 0.3};
  };
}

Generator linear_wave(const GlobalMesh& m, const LinearWaveParams& p, double gamma) {
  const double pi = std::acos(-1.0);
  const double kx = 2.0 * pi / (m.x1max - m.x1min), ky = 2.0 * pi / (m.x2max - m.x2min);
  const double kn = std::sqrt(kx * kx + ky * ky);
  return [=](const Cell& c) {
    // rho0 = 1, p0 = 1/gamma: sound speed 1; right-going acoustic eigenvector.
    const double dd = p.amplitude * std::sin(kx * (c.x - m.x1min) + ky * (c.y - m.x2min));
    return Prim{1.0 + dd, dd * kx / kn, dd * ky / kn, 1.0 / gamma + dd};
  };
}

Generator make_generator(const GlobalMesh& m, const ProblemParams& p, double gamma) {
  if (p.name == "sod") return sod(m, p.sod);
  if (p.name == "sedov") return sedov(m, p.sedov, gamma);
  if (p.name == "kelvin_helmholtz") return kelvin_helmholtz(m, p.kh);
  if (p.name == "riemann2d") return riemann2d(m);
  if (p.name == "linear_wave") return linear_wave(m, p.wave, gamma);
  throw Error("problem.name: unknown problem '" + p.name + "'", true);
}

}  // namespace

std::vector<std::string> problem_names() {
  return {"sod", "sedov", "kelvin_helmholtz", "riemann2d", "linear_wave"};
}

void initialize_problem(const Slab& slab, const ProblemParams& p, const HydroOptions& opt,
                        const DvceArray3D<double>& u) {
  const GlobalMesh& m = slab.mesh;
  const Generator gen = make_generator(m, p, opt.gamma);
  const double gm1 = opt.gamma - 1.0;
  auto h = Kokkos::create_mirror_view(u);
  const int ng = m.ng;
  for (int j = 0; j < slab.ny_tot(); ++j)
    for (int i = 0; i < slab.nx_tot(); ++i) {
      const Prim w = gen(cell_at(m, slab.x_offset + i - ng, j - ng));
      h(IDN, j, i) = w.d;
      h(IM1, j, i) = w.d * w.vx;
      h(IM2, j, i) = w.d * w.vy;
      h(IEN, j, i) = w.p / gm1 + 0.5 * w.d * (w.vx * w.vx + w.vy * w.vy);
    }
  Kokkos::deep_copy(u, h);
}

}  // namespace slabhydro
