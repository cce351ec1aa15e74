#include "decomposition/stepper.hpp"

#include <cmath>
#include <sstream>

#include "common/error.hpp"
#include "decomposition/global_reduce.hpp"
#include "solver/timestep.hpp"

namespace slabhydro {
namespace {

void start(PhaseTimer* t) {
  if (t) t->start();
}
void stop(PhaseTimer* t) {
  if (t) t->stop();
}

}  // namespace

double Stepper::stable_dt(long long step, double time, bool initial) const {
  const double key = allreduce_min(decomp_.comm(), solver_.timestep_key());
  const GlobalMesh& m = solver_.slab().mesh;
  const LocalTimestep ts = decode_timestep_key(m, key);
  std::ostringstream os;
  if (ts.bad_zone >= 0) {
    os << "zone (i, j) = (" << ts.bad_zone / m.ny << ", " << ts.bad_zone % m.ny
       << ") has a negative or non-finite density or pressure";
    if (initial)
      os << " in the initial state; check hydro.gamma and the problem.* values (nothing was "
            "written)";
    else
      os << " at step " << step << ", time " << time
         << "; the run stops here (try a smaller hydro.cfl, hydro.limiter: minmod or "
         << "hydro.riemann: hlle)";
    throw Error(os.str(), true);
  }
  if (!(ts.dt > 0 && std::isfinite(ts.dt)) || !(time + ts.dt > time)) {
    if (initial)
      os << "the initial state gives a time step dt = " << ts.dt
         << ", which does not advance the time: the state holds extreme values; check "
            "hydro.gamma and the problem.* values (nothing was written)";
    else
      os << "the time step dt = " << ts.dt << " at step " << step << ", time " << time
         << " does not advance the time: the state holds extreme values";
    throw Error(os.str(), true);
  }
  return ts.dt;
}

double Stepper::advance(double& time, long long& step, double tlim, PhaseTimer* compute,
                        PhaseTimer* halo) {
  start(compute);  // the CFL kernel (and its small reduction)
  double dt = stable_dt(step, time);
  stop(compute);
  const bool last = time + dt >= tlim;
  if (last) dt = tlim - time;
  for (int s = 0; s < HydroSolver::nstages(); ++s) {
    start(halo);
    halo_.exchange(solver_.stage_input(s));
    stop(halo);
    start(compute);
    solver_.stage(s, dt);
    stop(compute);
  }
  time = last ? tlim : time + dt;
  ++step;
  return dt;
}

}  // namespace slabhydro
