#include "driver.hpp"

#include <cmath>
#include <iostream>
#include <sstream>

#include "atomic_output.hpp"
#include "checkpoint_io.hpp"
#include "deck_source.hpp"
#include "digest.hpp"
#include "error.hpp"
#include "global_reduce.hpp"
#include "halo_exchange.hpp"
#include "hydro_solver.hpp"
#include "outputs.hpp"
#include "report.hpp"
#include "restart.hpp"
#include "run_config.hpp"
#include "timers.hpp"
#include "version.hpp"

namespace slabhydro {
namespace {

// A YAML double-quoted scalar holding s exactly.
std::string yaml_quoted(const std::string& s) {
  std::string q = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') q += '\\';
    q += c;
  }
  return q + "\"";
}

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
  // restart: the checkpoint to continue from, or null for a fresh run.
  Simulation(MPI_Comm comm, const RunConfig& cfg, const RestartPoint* restart, bool force)
      : cfg_(cfg),
        decomp_(comm, cfg.mesh, periodic_x(cfg.bc)),
        solver_(decomp_.slab(), cfg.hydro, cfg.bc),
        halo_(decomp_),
        outputs_(cfg_, decomp_, solver_, force, restart != nullptr,
                 restart ? restart->meta.step : 0) {
    if (restart)
      load(*restart);
    else
      solver_.initialize(cfg.problem);
  }

  int run() {
    const bool root = decomp_.rank() == 0;
    if (root)
      std::cout << "slabhydro " << kVersion << " on " << decomp_.size() << " rank(s)\n"
                << describe(cfg_) << std::flush;
    if (root && !restart_line_.empty()) std::cout << restart_line_ << std::flush;
    const double t_start = wall_seconds();
    outputs_.start({step_, time_, last_dt_});
    const long long zones = static_cast<long long>(cfg_.mesh.nx) * cfg_.mesh.ny;
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
      const double t_prev = time_;
      time_ = last ? cfg_.time.tlim : time_ + dt;
      ++step_;
      last_dt_ = dt;
      outputs_.after_step({step_, time_, last_dt_}, t_prev);
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
    // The final state is checked like every other, then checkpointed.
    global_timestep(solver_, solver_.timestep_key(), decomp_.comm(), step_, time_);
    outputs_.finish({step_, time_, last_dt_});
    const double total = wall_seconds() - t_start + read_seconds_;
    Summary s{};
    s.step = step_;
    s.time = time_;
    s.zones = zones;
    s.steps_this_run = step_ - step0;
    s.totals = conserved_totals(decomp_, solver_.u());
    s.digest = state_digest(decomp_, solver_.u());
    s.ranks = decomp_.size();
    // Times of rank 0; compute/halo balance is similar on all ranks.
    const double io = outputs_.io_seconds() + read_seconds_;
    s.timing = {total, compute_.total(), halo_time_.total(), io,
                total - compute_.total() - halo_time_.total() - io};
    if (root) std::cout << summary_text(s) << std::flush;
    return 0;
  }

 private:
  // Restart: every rank reads its columns, whatever the writer's rank count;
  // time, step and dt are restored exactly, the guard cells refilled, and the
  // state checked against the digest stored with it.
  void load(const RestartPoint& r) {
    const double t0 = wall_seconds();
    const FileStats st =
        read_checkpoint_fields(decomp_.comm(), r.path, decomp_.slab(), solver_.u(), cfg_.io);
    halo_.exchange(solver_.u());
    solver_.apply_physical_boundaries(solver_.u());
    const std::uint64_t digest = state_digest(decomp_, solver_.u());
    if (digest != r.meta.digest)
      throw Error("--restart: the data read from " + r.path + " do not match its state digest (" +
                      digest_hex(digest) + " read, " + digest_hex(r.meta.digest) +
                      " stored): the file is damaged; try an older checkpoint",
                  true);
    time_ = r.meta.time;
    step_ = r.meta.step;
    last_dt_ = r.meta.dt;
    read_seconds_ = wall_seconds() - t0;
    std::ostringstream os;
    os << "restart from " << r.path << ": step " << step_ << ", time " << time_
       << ", written on " << r.meta.nranks << " rank(s)\n"
       << describe(st, "restart read") << "\n";
    restart_line_ = os.str();
  }

  bool finished() const {
    return time_ >= cfg_.time.tlim || (cfg_.time.nlim >= 0 && step_ >= cfg_.time.nlim);
  }

  RunConfig cfg_;
  SlabDecomposition decomp_;
  HydroSolver solver_;
  HaloExchange halo_;
  Outputs outputs_;
  double time_ = 0.0;
  long long step_ = 0;
  double last_dt_ = 0.0;
  double read_seconds_ = 0.0;
  std::string restart_line_;
  PhaseTimer compute_, halo_time_, other_;
};

}  // namespace

int run_simulation(MPI_Comm comm, const CommandLine& cl) {
  const std::string text = read_deck_text(comm, cl.deck);
  std::vector<std::string> sets = cl.sets;
  // --output-dir is an override like --set, so the deck stored in checkpoints shows it.
  if (!cl.output_dir.empty()) sets.push_back("output.dir=" + yaml_quoted(cl.output_dir));
  const Deck deck(text, cl.deck, sets);
  const RunConfig cfg = make_run_config(deck);
  if (cl.restart.empty()) {
    Simulation sim(comm, cfg, nullptr, cl.force);
    return sim.run();
  }
  const RestartPoint r = find_restart(comm, cl.restart, cfg, deck);
  Simulation sim(comm, cfg, &r, cl.force);
  return sim.run();
}

}  // namespace slabhydro
