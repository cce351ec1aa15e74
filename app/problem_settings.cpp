#include "app/problem_settings.hpp"

namespace slabhydro {
namespace {

using P = ProblemParams;

Settings<P> sod_settings() {
  return {
      choice_setting<P>(
          "problem.direction", Axis::x, "sod: the axis of the tube", kAxisNames,
          [](auto& p) -> auto& { return p.sod.direction; }),
      real_setting<P>(
          "problem.x0", 0.5, "sod: interface at this fraction of the domain",
          in_interval(0, 1, false, false), [](auto& p) -> auto& { return p.sod.x0; }),
      real_setting<P>(
          "problem.dl", 1.0, "sod: left density", positive(),
          [](auto& p) -> auto& { return p.sod.dl; }),
      real_setting<P>(
          "problem.vl", 0.0, "sod: left normal velocity", any_finite(),
          [](auto& p) -> auto& { return p.sod.vl; }),
      real_setting<P>(
          "problem.pl", 1.0, "sod: left pressure", positive(),
          [](auto& p) -> auto& { return p.sod.pl; }),
      real_setting<P>(
          "problem.dr", 0.125, "sod: right density", positive(),
          [](auto& p) -> auto& { return p.sod.dr; }),
      real_setting<P>(
          "problem.vr", 0.0, "sod: right normal velocity", any_finite(),
          [](auto& p) -> auto& { return p.sod.vr; }),
      real_setting<P>(
          "problem.pr", 0.1, "sod: right pressure", positive(),
          [](auto& p) -> auto& { return p.sod.pr; }),
  };
}

Settings<P> sedov_settings() {
  return {
      real_setting<P>(
          "problem.energy", 1.0, "sedov: blast energy", positive(),
          [](auto& p) -> auto& { return p.sedov.energy; }),
      real_setting<P>(
          "problem.radius", 0.05, "sedov: radius of the energy deposit", positive(),
          [](auto& p) -> auto& { return p.sedov.radius; }),
      real_setting<P>(
          "problem.d_ambient", 1.0, "sedov: background density", positive(),
          [](auto& p) -> auto& { return p.sedov.d_ambient; }),
      real_setting<P>(
          "problem.p_ambient", 1.0e-5, "sedov: background pressure", positive(),
          [](auto& p) -> auto& { return p.sedov.p_ambient; }),
  };
}

Settings<P> kh_settings() {
  return {
      real_setting<P>(
          "problem.vflow", 0.5, "kelvin_helmholtz: flow speed", any_finite(),
          [](auto& p) -> auto& { return p.kh.vflow; }),
      real_setting<P>(
          "problem.drho", 1.0, "kelvin_helmholtz: density contrast",
          in_interval(-1, 1e30, true, false), [](auto& p) -> auto& { return p.kh.drho; }),
      real_setting<P>(
          "problem.width", 0.05, "kelvin_helmholtz: shear layer thickness", positive(),
          [](auto& p) -> auto& { return p.kh.width; }),
      real_setting<P>(
          "problem.amplitude", 0.01, "kelvin_helmholtz: vy perturbation", any_finite(),
          [](auto& p) -> auto& { return p.kh.amplitude; }),
      real_setting<P>(
          "problem.sigma", 0.2, "kelvin_helmholtz: perturbation width", positive(),
          [](auto& p) -> auto& { return p.kh.sigma; }),
      real_setting<P>(
          "problem.p0", 10.0, "kelvin_helmholtz: pressure", positive(),
          [](auto& p) -> auto& { return p.kh.p0; }),
  };
}

Settings<P> wave_settings() {
  return {real_setting<P>(
      "problem.amplitude_wave", 1.0e-6, "linear_wave: relative amplitude",
      in_interval(-0.1, 0.1, false, false), [](auto& p) -> auto& { return p.wave.amplitude; })};
}

}  // namespace

const std::vector<ProblemSettings>& problem_settings() {
  static const std::vector<ProblemSettings> all = {
      {"sod", sod_settings()},
      {"sedov", sedov_settings()},
      {"kelvin_helmholtz", kh_settings()},
      {"riemann2d", {}},
      {"linear_wave", wave_settings()},
  };
  return all;
}

Settings<ProblemParams> all_problem_parameters() {
  Settings<ProblemParams> t;
  for (const ProblemSettings& p : problem_settings())
    t.insert(t.end(), p.parameters.begin(), p.parameters.end());
  return t;
}

const ProblemSettings& chosen_problem(const Deck& d, std::vector<std::string>& warnings) {
  const std::string name = d.get_string("problem.name");
  const ProblemSettings* chosen = nullptr;
  std::string list;
  for (const ProblemSettings& p : problem_settings()) {
    list += (list.empty() ? "" : " | ") + std::string(p.name);
    if (name == p.name) chosen = &p;
  }
  if (!chosen) d.fail("problem.name", "must be one of " + list + ", got '" + name + "'");
  for (const ProblemSettings& p : problem_settings()) {
    if (&p == chosen) continue;
    for (const Setting<ProblemParams>& s : p.parameters)
      if (d.has(s.spec.key))
        warnings.push_back(d.where(s.spec.key) + ": " + s.spec.key + " is a parameter of " +
                           p.name + ", not of " + name + "; ignored");
  }
  return *chosen;
}

}  // namespace slabhydro
