#pragma once
// Initial conditions. Each problem fills every stored zone of a slab
// (interior and guard cells) from the global cell index, so the state does
// not depend on the decomposition.
#include <array>
#include <string>
#include <vector>

#include "common/enum_names.hpp"

#include "solver/hydro_options.hpp"
#include "solver/hydro_state.hpp"

namespace slabhydro {

// Each problem's parameters (the deck's problem.* keys, app/problem_settings.cpp,
// which holds their defaults and ranges; the values here are the same, for
// tests that set up a problem without a deck).
enum class Axis { x, y };
constexpr std::array<EnumName<Axis>, 2> kAxisNames{{{"x", Axis::x}, {"y", Axis::y}}};

// sod: shock tube along `direction` with the interface at fraction x0 of the domain.
struct SodParams {
  Axis direction = Axis::x;
  double x0 = 0.5;
  double dl = 1.0, vl = 0.0, pl = 1.0;
  double dr = 0.125, vr = 0.0, pr = 0.1;
};
// sedov: energy in the zones within `radius` of the centre, on a uniform background.
struct SedovParams {
  double energy = 1.0, radius = 0.05, d_ambient = 1.0, p_ambient = 1.0e-5;
};
// kelvin_helmholtz (Lecoanet et al. 2016, smooth): shear layers at y = 1/4 and
// 3/4 of the domain, thickness `width`; vy perturbation of `amplitude` with
// Gaussian width `sigma`; density contrast `drho`; flow speed `vflow`; pressure `p0`.
struct KelvinHelmholtzParams {
  double vflow = 0.5, drho = 1.0, width = 0.05, amplitude = 0.01, sigma = 0.2, p0 = 10.0;
};
// linear_wave: sound wave along the diagonal, relative amplitude `amplitude`
// on rho = 1, p = 1/gamma (sound speed 1); one wavelength across the domain.
struct LinearWaveParams {
  double amplitude = 1.0e-6;
};

struct ProblemParams {
  std::string name = "sod";
  SodParams sod;
  SedovParams sedov;
  KelvinHelmholtzParams kh;
  LinearWaveParams wave;
};

std::vector<std::string> problem_names();

// Fills u (the whole stored slab). Throws Error for an unknown name.
void initialize_problem(const Slab& slab, const ProblemParams& p, const HydroOptions& opt,
                        const DvceArray3D<double>& u);

}  // namespace slabhydro
