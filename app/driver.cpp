#include "app/driver.hpp"

#include <cmath>
#include <iomanip>
#include <iostream>
#include <memory>
#include <new>
#include <sstream>

#include "io/atomic_output.hpp"
#include "io/checkpoint_io.hpp"
#include "common/collective.hpp"
#include "app/command_text.hpp"
#include "app/deck_source.hpp"
#include "solver/digest.hpp"
#include "common/error.hpp"
#include "decomposition/global_reduce.hpp"
#include "decomposition/halo_exchange.hpp"
#include "solver/hydro_solver.hpp"
#include "io/file_ops.hpp"
#include "io/lineage.hpp"
#include "common/mpi_check.hpp"
#include "io/output_lock.hpp"
#include "io/output_catalog.hpp"
#include "app/outputs.hpp"
#include "app/progress.hpp"
#include "app/report.hpp"
#include "app/resource_check.hpp"
#include "app/restart.hpp"
#include "app/schemas.hpp"
#include "app/run_config.hpp"
#include "app/run_status.hpp"
#include "app/stop_requests.hpp"
#include "common/timers.hpp"
#include "app/version.hpp"

namespace slabhydro {
namespace {

bool periodic_x(const Boundaries& bc) { return bc.x1_inner == BoundaryType::periodic; }

// The CFL step over all ranks; a bad zone anywhere stops every rank together.
// `initial`: the state is the problem's initial one (the message says so).
double global_timestep(const HydroSolver& solver, double local_key, MPI_Comm comm,
                       long long step, double t, bool initial = false) {
  const double key = allreduce_min(comm, local_key);
  const GlobalMesh& m = solver.slab().mesh;
  const LocalTimestep ts = decode_timestep_key(m, key);
  std::ostringstream os;
  if (ts.bad_zone >= 0) {
    os << "zone (i, j) = (" << ts.bad_zone / m.ny << ", " << ts.bad_zone % m.ny
       << ") has a negative or non-finite density or pressure";
    if (initial)
      os << " in the initial state; check hydro.gamma and the problem.* values (nothing was "
            "written)";
    else
      os << " at step " << step << ", time " << t
         << "; the run stops here (try a smaller hydro.cfl, hydro.limiter: minmod or "
         << "hydro.riemann: hlle)";
    throw Error(os.str(), true);
  }
  if (!(ts.dt > 0 && std::isfinite(ts.dt)) || !(t + ts.dt > t)) {
    if (initial)
      os << "the initial state gives a time step dt = " << ts.dt
         << ", which does not advance the time: the state holds extreme values; check "
            "hydro.gamma and the problem.* values (nothing was written)";
    else
      os << "the time step dt = " << ts.dt << " at step " << step << ", time " << t
         << " does not advance the time: the state holds extreme values";
    throw Error(os.str(), true);
  }
  return ts.dt;
}

class Simulation {
 public:
  // t_launch: when this run started (the time limit counts from there).
  // Allocates everything; a rank that cannot is a collective Error.
  Simulation(MPI_Comm comm, const RunConfig& cfg, const CommandLine& cl, double t_launch)
      : cfg_(cfg),
        cl_(cl),
        decomp_(comm, cfg.mesh, periodic_x(cfg.bc)),
        stop_(decomp_.comm(), {cfg.time.wall_limit, cfg.output.dir, cfg.output.trigger_interval,
                               true},
              t_launch) {
    agree_on(decomp_.comm(), [&] {
      try {
        parts_ = std::make_unique<Parts>(cfg_, decomp_, cl.force);
      } catch (const std::bad_alloc&) {
        throw Error("cannot allocate the arrays of a " + std::to_string(decomp_.slab().nx_local) +
                    " x " + std::to_string(cfg_.mesh.ny) +
                    "-zone slab: not enough memory (reduce mesh.nx x mesh.ny or use more ranks)");
      }
    });
  }

  // A fresh run: the problem's initial state, checked before any file is written.
  void start_fresh(const std::string& lineage) {
    solver().initialize(cfg_.problem);
    global_timestep(solver(), solver().timestep_key(), decomp_.comm(), 0, 0.0, true);
    outputs().set_identity({lineage, false, 0});
  }

  // Restart: every rank reads its columns, whatever the writer's rank count;
  // time, step and dt are restored exactly, the guard cells refilled, and the
  // state checked against the digest stored with it. Returns "" or why the
  // data cannot be used (the same on every rank).
  std::string load(const RestartPoint& r) {
    const double t0 = wall_seconds();
    FileStats st;
    try {
      st = read_checkpoint_fields(decomp_.comm(), r.path, decomp_.slab(), solver().u(), cfg_.io);
    } catch (const Error& e) {
      if (!e.collective()) throw;
      return std::string("its fields cannot be read: ") + e.what();
    }
    halo_().exchange(solver().u());
    solver().apply_physical_boundaries(solver().u());
    const std::uint64_t digest = state_digest(decomp_, solver().u());
    if (digest != r.meta.digest)
      return "the data read from " + r.path + " do not match its state digest (" +
             digest_hex(digest) + " read, " + digest_hex(r.meta.digest) +
             " stored): the file is damaged";
    time_ = r.meta.time;
    step_ = r.meta.step;
    last_dt_ = r.meta.dt;
    read_seconds_ = wall_seconds() - t0;
    outputs().set_identity({r.meta.lineage, true, r.meta.step});
    std::ostringstream os;
    os << "restart from " << r.path << ": step " << step_ << ", time " << time_
       << ", written on " << r.meta.nranks << " rank(s)\n"
       << describe(st, "restart read") << "\n";
    restart_line_ = os.str();
    return "";
  }

  int run(StopSignalHandlers& handlers) {
    const bool root = decomp_.rank() == 0;
    if (root)
      std::cout << "slabhydro " << kVersion << " on " << decomp_.size() << " rank(s)\n"
                << describe(cfg_) << std::flush;
    if (root && !restart_line_.empty()) std::cout << restart_line_ << std::flush;
    const double t_start = wall_seconds();
    outputs().start({step_, time_, last_dt_});
    // From here a SIGTERM asks for a checkpoint and a stop, on every rank
    // before run_status says "running" (the batch scripts signal on that).
    handlers.arm();
    SLABHYDRO_MPI_CHECK(MPI_Barrier(decomp_.comm()));
    if (root)
      write_run_status(cfg_.output.dir, {"running", "", step_, time_, "", decomp_.size(),
                                         cfg_.output.basename});
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
        outputs().set_default_wall_interval(
            young_daly_interval(stop_.checkpoint_estimate(), cfg_.checkpoint.mtbf));
      outputs().after_step({step_, time_, last_dt_}, t_prev);
      after_checkpoint();
      done = finished();
      // Signals, trigger files and the time limit, the same on every rank.
      const StepRequest req = stop_.poll();
      if (req.dump || req.stop) {
        if (!done) {  // at the end, finish() writes the final checkpoint anyway
          outputs().checkpoint_now({step_, time_, last_dt_});
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
    global_timestep(solver(), solver().timestep_key(), decomp_.comm(), step_, time_);
    outputs().finish({step_, time_, last_dt_});
    const std::string checkpoint =
        outputs().last_checkpoint_step() == step_
            ? join_path(cfg_.output.dir, checkpoint_name(cfg_.output.basename, step_))
            : "";
    const double total = wall_seconds() - t_start + read_seconds_;
    Summary s{};
    s.step = step_;
    s.time = time_;
    s.zones = zones;
    s.steps_this_run = step_ - step0;
    s.totals = conserved_totals(decomp_, solver().u());
    s.digest = state_digest(decomp_, solver().u());
    s.ranks = decomp_.size();
    // Times of rank 0; compute/halo balance is similar on all ranks.
    const double io = outputs().io_seconds() + read_seconds_;
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
    const double key = solver().timestep_key();
    compute_.stop();
    double dt = global_timestep(solver(), key, decomp_.comm(), step_, time_);
    const bool last = time_ + dt >= cfg_.time.tlim;
    if (last) dt = cfg_.time.tlim - time_;
    for (int s = 0; s < HydroSolver::nstages(); ++s) {
      halo_time_.start();
      halo_().exchange(solver().stage_input(s));
      halo_time_.stop();
      compute_.start();
      solver().stage(s, dt);
      compute_.stop();
    }
    time_ = last ? cfg_.time.tlim : time_ + dt;
    ++step_;
    last_dt_ = dt;
    return dt;
  }

  // After a step that may have written a checkpoint: its cost goes into the
  // time-limit margin and, with checkpoint.mtbf, into the Young/Daly interval.
  void after_checkpoint() {
    if (outputs().last_checkpoint_step() != step_ || step_ == measured_checkpoint_step_) return;
    measured_checkpoint_step_ = step_;
    const double c = outputs().last_checkpoint_seconds();
    stop_.record_checkpoint(c);
    checkpoint_cost_sum_ += c;
    ++checkpoint_count_;
    if (young_daly()) {
      const double mean = checkpoint_cost_sum_ / checkpoint_count_;
      const double interval = young_daly_interval(mean, cfg_.checkpoint.mtbf);
      outputs().set_default_wall_interval(interval);
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
    RunStatus st{"complete", "", step_, time_, checkpoint, decomp_.size(), cfg_.output.basename};
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

  // What is allocated for the slab, made in one agreed step.
  struct Parts {
    Parts(const RunConfig& cfg, const SlabDecomposition& d, bool force)
        : solver(d.slab(), cfg.hydro, cfg.bc), halo(d), outputs(cfg, d, solver, force) {}
    HydroSolver solver;
    HaloExchange halo;
    Outputs outputs;
  };
  HydroSolver& solver() { return parts_->solver; }
  const HydroSolver& solver() const { return parts_->solver; }
  HaloExchange& halo_() { return parts_->halo; }
  Outputs& outputs() { return parts_->outputs; }
  const Outputs& outputs() const { return parts_->outputs; }

  RunConfig cfg_;
  const CommandLine& cl_;
  SlabDecomposition decomp_;
  StopRequests stop_;
  std::unique_ptr<Parts> parts_;
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
  // SIGUSR1/SIGTERM/SIGINT only set flags once the time loop runs (before it,
  // SIGTERM and SIGINT end the process: there is nothing to checkpoint yet).
  StopSignalHandlers handlers;
  const std::string text = read_deck_text(comm, cl.deck);
  const Deck deck(text, cl.deck, cl.overrides, run_schema());
  RunConfig cfg = make_run_config(deck);
  int rank = 0;
  SLABHYDRO_MPI_CHECK(MPI_Comm_rank(comm, &rank));
  if (rank == 0)
    for (const std::string& w : cfg.warnings) warn(w);
  int nranks = 1;
  SLABHYDRO_MPI_CHECK(MPI_Comm_size(comm, &nranks));
  check_output_paths(deck, cfg, nranks);
  check_resources(comm, cfg, deck);
  cfg.io.writer_tag = new_writer_tag(comm);
  Simulation sim(comm, cfg, cl, t_launch);
  if (cl.restart.empty()) sim.start_fresh(new_lineage_id(comm));
  // One live run per output directory and basename, from here to the end.
  const OutputLock lock(comm, cfg.output.dir, cfg.output.basename, command_summary(cl));
  if (!cl.restart.empty()) {
    // --restart latest falls back past checkpoints whose data are damaged.
    for (long long below = -1;;) {
      const RestartPoint r = find_restart(comm, cl.restart, cfg, deck, below);
      const std::string why = sim.load(r);
      if (why.empty()) break;
      if (cl.restart != "latest") throw Error("--restart: " + r.path + ": " + why, true);
      if (rank == 0)
        warn("--restart latest: skipping " + r.path + ": " + why);
      below = r.meta.step;
    }
  }
  return sim.run(handlers);
}

}  // namespace slabhydro
