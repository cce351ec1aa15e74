#include "driver.hpp"

#include <cmath>
#include <iostream>
#include <sstream>

#include "deck_source.hpp"
#include "error.hpp"
#include "global_reduce.hpp"
#include "halo_exchange.hpp"
#include "hydro_solver.hpp"
#include "report.hpp"
#include "run_config.hpp"
#include "timers.hpp"
#include "version.hpp"

namespace slabhydro {
namespace {

bool periodic_x(const Boundaries& bc) { return bc.x1_inner == BoundaryType::periodic; }

// The CFL step over all ranks; a bad zone anywhere stops every rank together.
double global_timestep(const HydroSolver& solver, double local_key, MPI_Comm comm,
                       long long step, double t) {
  const double key = allreduce_min(comm, local_key);
  const GlobalMesh& m = solver.slab().mesh;
  const LocalTimestep ts = decode_timestep_key(m, key);
  if (ts.bad_zone >= 0) {
    std::ostringstream os;
    os << "zone (i, j) = (" << ts.bad_zone / m.ny << ", " << ts.bad_zone % m.ny
       << ") has a negative or non-finite density or pressure at step " << step << ", time "
       << t << "; the run stops here (try a smaller hydro.cfl, hydro.limiter: minmod or "
       << "hydro.riemann: hlle)";
    throw Error(os.str(), true);
  }
  return ts.dt;
}

class Simulation {
 public:
  Simulation(MPI_Comm comm, const RunConfig& cfg)
      : cfg_(cfg),
        decomp_(comm, cfg.mesh, periodic_x(cfg.bc)),
        solver_(decomp_.slab(), cfg.hydro, cfg.bc),
        halo_(decomp_) {
    solver_.initialize(cfg.problem);
  }

  int run() {
    const bool root = decomp_.rank() == 0;
    if (root)
      std::cout << "slabhydro " << kVersion << " on " << decomp_.size() << " rank(s)\n"
                << describe(cfg_) << std::flush;
    const long long zones = static_cast<long long>(cfg_.mesh.nx) * cfg_.mesh.ny;
    const double t_start = wall_seconds();
    const double t0_sim = time_;
    const long long step0 = step_;
    double last_print = t_start;
    long long last_step = step_;
    double dt = 0.0;
    bool done = finished();
    while (!done) {
      compute_.start();
      const double key = solver_.timestep_key();
      compute_.stop();
      other_.start();
      dt = global_timestep(solver_, key, decomp_.comm(), step_, time_);
      other_.stop();
      bool last = false;
      if (time_ + dt >= cfg_.time.tlim) {
        dt = cfg_.time.tlim - time_;
        last = true;
      }
      for (int s = 0; s < HydroSolver::nstages(); ++s) {
        halo_time_.start();
        halo_.exchange(solver_.stage_input(s));
        halo_time_.stop();
        compute_.start();
        solver_.stage(s, dt);
        compute_.stop();
      }
      time_ = last ? cfg_.time.tlim : time_ + dt;
      ++step_;
      done = finished();
      const double now = wall_seconds();
      if (root && (done || now - last_print >= cfg_.output.progress_interval)) {
        const double rate = zones * double(step_ - last_step) / std::max(now - last_print, 1e-9);
        const double frac_t = (time_ - t0_sim) / (cfg_.time.tlim - t0_sim);
        double eta = frac_t > 0 ? (now - t_start) * (1.0 - frac_t) / frac_t : -1.0;
        if (cfg_.time.nlim >= 0) {
          const double frac_n = double(step_ - step0) / std::max<long long>(cfg_.time.nlim - step0, 1);
          const double eta_n = (now - t_start) * (1.0 - frac_n) / std::max(frac_n, 1e-12);
          eta = eta < 0 ? eta_n : std::min(eta, eta_n);
        }
        std::cout << progress_line({step_, time_, dt, rate, eta}) << "\n" << std::flush;
        last_print = now;
        last_step = step_;
      }
    }
    // The final state is checked like every other.
    global_timestep(solver_, solver_.timestep_key(), decomp_.comm(), step_, time_);
    const double total = wall_seconds() - t_start;
    Summary s{};
    s.step = step_;
    s.time = time_;
    s.zones = zones;
    s.steps_this_run = step_ - step0;
    s.totals = conserved_totals(decomp_, solver_.u());
    s.digest = state_digest(decomp_, solver_.u());
    s.ranks = decomp_.size();
    // Times of rank 0; compute/halo balance is similar on all ranks.
    s.timing = {total, compute_.total(), halo_time_.total(), 0.0,
                total - compute_.total() - halo_time_.total()};
    if (root) std::cout << summary_text(s) << std::flush;
    return 0;
  }

 private:
  bool finished() const {
    return time_ >= cfg_.time.tlim || (cfg_.time.nlim >= 0 && step_ >= cfg_.time.nlim);
  }

  RunConfig cfg_;
  SlabDecomposition decomp_;
  HydroSolver solver_;
  HaloExchange halo_;
  double time_ = 0.0;
  long long step_ = 0;
  PhaseTimer compute_, halo_time_, other_;
};

}  // namespace

int run_simulation(MPI_Comm comm, const CommandLine& cl) {
  const std::string text = read_deck_text(comm, cl.deck);
  const Deck deck(text, cl.deck, cl.sets);
  RunConfig cfg = make_run_config(deck);
  if (!cl.output_dir.empty()) cfg.output.dir = cl.output_dir;
  Simulation sim(comm, cfg);
  return sim.run();
}

}  // namespace slabhydro
