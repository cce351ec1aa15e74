#pragma once
// Choices of the numerical method, as read from the deck's hydro section.
#include <array>
#include <string>

#include "common/enum_names.hpp"

namespace slabhydro {

enum class RiemannSolver { hllc, hlle, rusanov };
enum class Limiter { minmod, vanleer, mc };
// rk2: SSP-RK2 (Shu-Osher), PLM in both stages.
// vl2: van Leer predictor-corrector (Stone & Gardiner 2009): first-order
//      half step, then a PLM full step.
enum class Integrator { rk2, vl2 };

struct HydroOptions {
  double gamma = 1.4;
  double cfl = 0.4;
  RiemannSolver riemann = RiemannSolver::hllc;
  Limiter limiter = Limiter::vanleer;
  Integrator integrator = Integrator::rk2;
};

// Guard cells each scheme needs on every side of a slab.
inline int required_guard_cells(const HydroOptions&) { return 2; }  // PLM

constexpr std::array<EnumName<RiemannSolver>, 3> kRiemannNames{
    {{"hllc", RiemannSolver::hllc},
     {"hlle", RiemannSolver::hlle},
     {"rusanov", RiemannSolver::rusanov}}};
constexpr std::array<EnumName<Limiter>, 3> kLimiterNames{
    {{"minmod", Limiter::minmod}, {"vanleer", Limiter::vanleer}, {"mc", Limiter::mc}}};
constexpr std::array<EnumName<Integrator>, 2> kIntegratorNames{
    {{"rk2", Integrator::rk2}, {"vl2", Integrator::vl2}}};

inline const char* to_string(RiemannSolver r) { return name_of(kRiemannNames, r); }
inline const char* to_string(Limiter l) { return name_of(kLimiterNames, l); }
inline const char* to_string(Integrator i) { return name_of(kIntegratorNames, i); }

}  // namespace slabhydro
