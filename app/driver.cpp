#include "driver.hpp"

#include <cmath>
#include <iomanip>
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
#include "file_ops.hpp"
#include "output_catalog.hpp"
#include "outputs.hpp"
#include "progress.hpp"
#include "report.hpp"
#include "restart.hpp"
#include "run_config.hpp"
#include "run_status.hpp"
#include "stop_requests.hpp"
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

// A word for a shell command line, quoted when it needs to be.
std::string shell_word(const std::string& w) {
  if (!w.empty() && w.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                        "0123456789_-+=/.,:@%") == std::string::npos)
    return w;
  std::string q = "'";
  for (char c : w) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// The command that continues this run from its newest checkpoint.
std::string continue_command(const CommandLine& cl, int ranks) {
  std::string c = "mpirun -np " + std::to_string(ranks) + " slabhydro run " + shell_word(cl.deck);
  for (const std::string& s : cl.sets) c += " --set " + shell_word(s);
  if (!cl.output_dir.empty()) c += " --output-dir " + shell_word(cl.output_dir);
  return c + " --restart latest";
}

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
  // t_launch: when this run started (the time limit counts from there).
  Simulation(MPI_Comm comm, const RunConfig& cfg, const RestartPoint* restart, bool force,
             const CommandLine& cl, double t_launch)
      : cfg_(cfg),
        cl_(cl),
        decomp_(comm, cfg.mesh, periodic_x(cfg.bc)),
        solver_(decomp_.slab(), cfg.hydro, cfg.bc),
        halo_(decomp_),
        outputs_(cfg_, decomp_, solver_, force, restart != nullptr,
                 restart ? restart->meta.step : 0),
        stop_(decomp_.comm(), {cl.time_limit > 0 ? cl.time_limit : cfg.time.wall_limit,
                               cfg.output.dir, cfg.output.trigger_interval, true},
              t_launch) {
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
    if (root) write_run_status(cfg_.output.dir, {"running", "", step_, time_, "", decomp_.size()});
    if (root && stop_.time_limit() > 0)
      std::cout << "time limit " << format_hms(stop_.time_limit())
                << ": a checkpoint and a clean stop before it\n"
                << std::flush;
    const long long zones = static_cast<long long>(cfg_.mesh.nx) * cfg_.mesh.ny;
    const long long step0 = step_;
    ProgressMeter progress(cfg_.output.progress_interval, cfg_.time.tlim, cfg_.time.nlim, time_,
                           step_, t_start);
    double dt = 0.0;
    bool done = finished();
    StepRequest stop_request;
    while (!done) {
      const double step_t0 = wall_seconds();
      const double t_prev = time_;
      dt = take_step();
      stop_.record_step(wall_seconds() - step_t0);
      // checkpoint.mtbf before any checkpoint: a first interval from the
      // estimated cost, so that one is written and measured.
      if (young_daly() && checkpoint_count_ == 0)
        outputs_.set_default_wall_interval(
            young_daly_interval(stop_.checkpoint_estimate(), cfg_.checkpoint.mtbf));
      outputs_.after_step({step_, time_, last_dt_}, t_prev);
      after_checkpoint();
      done = finished();
      // Signals, trigger files and the time limit, the same on every rank.
      const StepRequest req = stop_.poll();
      if (req.dump || req.stop) {
        if (!done) {  // at the end, finish() writes the final checkpoint anyway
          outputs_.checkpoint_now({step_, time_, last_dt_});
          after_checkpoint();
        }
        stop_.acknowledge(req);
        if (root && !req.stop)
          std::cout << req.why << ": checkpoint at step " << step_ << ", the run goes on\n"
                    << std::flush;
        if (req.stop && !done) {
          stop_request = req;
          done = true;
        }
      }
      if (root) {
        const std::string line = progress.after_step(step_, time_, dt, zones, wall_seconds(), done);
        if (!line.empty()) std::cout << line << "\n" << std::flush;
      }
    }
    // The final state is checked like every other, then checkpointed.
    global_timestep(solver_, solver_.timestep_key(), decomp_.comm(), step_, time_);
    outputs_.finish({step_, time_, last_dt_});
    const std::string checkpoint =
        outputs_.last_checkpoint_step() == step_
            ? join_path(cfg_.output.dir, checkpoint_name(cfg_.output.basename, step_))
            : "";
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
    if (root) report_end(stop_request, checkpoint);
    return 0;
  }

 private:
  // One step: the CFL dt over all ranks (cut to land on tlim), then each
  // stage after a halo exchange. Returns dt.
  double take_step() {
    compute_.start();
    const double key = solver_.timestep_key();
    compute_.stop();
    double dt = global_timestep(solver_, key, decomp_.comm(), step_, time_);
    const bool last = time_ + dt >= cfg_.time.tlim;
    if (last) dt = cfg_.time.tlim - time_;
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
    last_dt_ = dt;
    return dt;
  }

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

  // After a step that may have written a checkpoint: its cost goes into the
  // time-limit margin and, with checkpoint.mtbf, into the Young/Daly interval.
  void after_checkpoint() {
    if (outputs_.last_checkpoint_step() != step_ || step_ == measured_checkpoint_step_) return;
    measured_checkpoint_step_ = step_;
    const double c = outputs_.last_checkpoint_seconds();
    stop_.record_checkpoint(c);
    checkpoint_cost_sum_ += c;
    ++checkpoint_count_;
    if (young_daly()) {
      const double mean = checkpoint_cost_sum_ / checkpoint_count_;
      const double interval = young_daly_interval(mean, cfg_.checkpoint.mtbf);
      outputs_.set_default_wall_interval(interval);
      if (checkpoint_count_ == 1 && decomp_.rank() == 0)
        std::cout << "checkpoint interval (Young/Daly): sqrt(2 x cost " << c << " s x mtbf "
                  << cfg_.checkpoint.mtbf << " s) = " << interval << " s of wall clock\n"
                  << std::flush;
    }
  }

  bool young_daly() const {
    return cfg_.checkpoint.mtbf > 0 && cfg_.checkpoint.cadence.every_wall <= 0;
  }

  // Rank 0: the last words of the run, and run_status for batch scripts.
  void report_end(const StepRequest& req, const std::string& checkpoint) {
    RunStatus st{"complete", "", step_, time_, checkpoint, decomp_.size()};
    if (!req.stop) {
      st.reason = time_ >= cfg_.time.tlim ? "tlim" : "nlim";
      write_run_status(cfg_.output.dir, st);
      return;
    }
    st.state = "stopped";
    st.reason = to_string(req.reason);
    write_run_status(cfg_.output.dir, st);
    std::ostringstream os;
    os << "slabhydro: stopped at step " << step_ << ", time " << time_ << " of tlim "
       << cfg_.time.tlim << ": ";
    if (req.reason == StopReason::time_limit)
      os << "the time limit " << format_hms(stop_.time_limit()) << " is near (" << std::fixed
         << std::setprecision(1) << stop_.decided_elapsed() << " s used, margin "
         << stop_.decided_margin() << " s kept for a step and a checkpoint)";
    else
      os << req.why << " asked for a checkpoint and a stop";
    os << "; checkpoint " << (checkpoint.empty() ? std::string("(none)") : checkpoint) << "\n"
       << "continue with: " << continue_command(cl_, decomp_.size()) << "\n";
    std::cout << os.str() << std::flush;
  }

  bool finished() const {
    return time_ >= cfg_.time.tlim || (cfg_.time.nlim >= 0 && step_ >= cfg_.time.nlim);
  }

  RunConfig cfg_;
  const CommandLine& cl_;
  SlabDecomposition decomp_;
  HydroSolver solver_;
  HaloExchange halo_;
  Outputs outputs_;
  StopRequests stop_;
  long long measured_checkpoint_step_ = -1;
  double checkpoint_cost_sum_ = 0.0;
  long long checkpoint_count_ = 0;
  double time_ = 0.0;
  long long step_ = 0;
  double last_dt_ = 0.0;
  double read_seconds_ = 0.0;
  std::string restart_line_;
  PhaseTimer compute_, halo_time_;  // "other" is what neither they nor I/O took
};

}  // namespace

int run_simulation(MPI_Comm comm, const CommandLine& cl) {
  const double t_launch = wall_seconds();
  // SIGUSR1/SIGTERM/SIGINT only set flags from here on; the loop acts on them.
  const StopSignalHandlers handlers;
  const std::string text = read_deck_text(comm, cl.deck);
  std::vector<std::string> sets = cl.sets;
  // --output-dir is an override like --set, so the deck stored in checkpoints shows it.
  if (!cl.output_dir.empty()) sets.push_back("output.dir=" + yaml_quoted(cl.output_dir));
  const Deck deck(text, cl.deck, sets);
  const RunConfig cfg = make_run_config(deck);
  if (cl.restart.empty()) {
    Simulation sim(comm, cfg, nullptr, cl.force, cl, t_launch);
    return sim.run();
  }
  const RestartPoint r = find_restart(comm, cl.restart, cfg, deck);
  Simulation sim(comm, cfg, &r, cl.force, cl, t_launch);
  return sim.run();
}

}  // namespace slabhydro
