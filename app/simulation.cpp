#include "app/simulation.hpp"

#include <iomanip>
#include <iostream>
#include <new>
#include <sstream>

#include "app/command_text.hpp"
#include "app/report.hpp"
#include "app/run_status.hpp"
#include "app/version.hpp"
#include "common/collective.hpp"
#include "common/error.hpp"
#include "common/mpi_check.hpp"
#include "decomposition/device_mpi.hpp"
#include "decomposition/global_reduce.hpp"
#include "io/checkpoint_io.hpp"
#include "io/file_ops.hpp"
#include "io/output_catalog.hpp"
#include "solver/backend.hpp"
#include "solver/digest.hpp"

namespace slabhydro {

// What is allocated for the slab, made in one agreed step.
struct Simulation::Parts {
  Parts(const RunConfig& cfg, const SlabDecomposition& d, bool force)
      : solver(d.slab(), cfg.hydro, cfg.bc),
        halo(d),
        outputs(cfg, d, solver, force),
        stepper(d, solver, halo) {}
  HydroSolver solver;
  HaloExchange halo;
  Outputs outputs;
  Stepper stepper;
};

Simulation::Simulation(MPI_Comm comm, const RunConfig& cfg, const CommandLine& cl, double t_launch)
    : cfg_(cfg),
      cl_(cl),
      decomp_(comm, cfg.mesh, cfg.bc.x1_inner == BoundaryType::periodic),
      stop_(decomp_.comm(),
            {cfg.time.wall_limit, cfg.output.dir, cfg.output.trigger_interval, true}, t_launch),
      schedule_(cfg.checkpoint, cfg.plot, wall_seconds()) {
  agree_on(decomp_.comm(), [&] {
    try {
      parts_ = std::make_unique<Parts>(cfg_, decomp_, cl.force);
    } catch (const std::bad_alloc&) {
      throw Error("cannot allocate the arrays of a " + std::to_string(decomp_.slab().nx_local) +
                  " x " + std::to_string(cfg_.mesh.ny) +
                  "-zone slab: not enough memory (reduce mesh.nx x mesh.ny or use more ranks)");
    }
  });
  parts_->outputs.start_async_writer();  // collective: every rank has its parts
}

Simulation::~Simulation() = default;

HydroSolver& Simulation::solver() { return parts_->solver; }
Outputs& Simulation::outputs() { return parts_->outputs; }
Stepper& Simulation::stepper() { return parts_->stepper; }

void Simulation::start_fresh(const std::string& lineage) {
  solver().initialize(cfg_.problem);
  stepper().stable_dt(0, 0.0, true);
  outputs().set_identity({lineage, false, 0});
}

std::string Simulation::load(const RestartPoint& r) {
  const double t0 = wall_seconds();
  FileStats st;
  try {
    st = read_checkpoint_fields(decomp_.comm(), r.path, decomp_.slab(), solver().u(), cfg_.io);
  } catch (const Error& e) {
    if (!e.collective()) throw;
    return std::string("its fields cannot be read: ") + e.what();
  }
  parts_->halo.exchange(solver().u());
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
  os << "restart from " << r.path << ": step " << step_ << ", time " << time_ << ", written on "
     << r.meta.nranks << " rank(s)\n"
     << describe(st, "restart read") << "\n";
  restart_line_ = os.str();
  return "";
}

int Simulation::run(StopSignalHandlers& handlers) {
  const long long step0 = step_;
  const double t_start = begin(handlers);
  const StepRequest stop = loop(t_start);
  end(stop, t_start, step0);
  return 0;
}

// The header, the output directory made ready, and run_status "running".
double Simulation::begin(StopSignalHandlers& handlers) {
  const bool root = decomp_.rank() == 0;
  if (root)
    std::cout << "slabhydro " << kVersion << " on " << decomp_.size() << " rank(s)\n"
              << "  backend     " << backend_text()
              << (device_memory_is_separate()
                      ? ", device buffers to MPI: " + device_mpi_description()
                      : std::string())
              << "\n"
              << describe(cfg_) << restart_line_ << std::flush;
  const double t_start = wall_seconds();
  outputs().start({step_, time_, last_dt_});
  // From here a SIGTERM asks for a checkpoint and a stop, on every rank
  // before run_status says "running" (the batch scripts signal on that).
  handlers.arm();
  SLABHYDRO_MPI_CHECK(MPI_Barrier(decomp_.comm()));
  if (root) {
    write_run_status(cfg_.output.dir,
                     {"running", "", step_, time_, "", decomp_.size(), cfg_.output.basename});
    if (stop_.time_limit() > 0)
      std::cout << "time limit " << format_hms(stop_.time_limit())
                << ": a checkpoint and a clean stop before it\n"
                << std::flush;
  }
  return t_start;
}

StepRequest Simulation::loop(double t_start) {
  const bool root = decomp_.rank() == 0;
  const long long zones = static_cast<long long>(cfg_.mesh.nx) * cfg_.mesh.ny;
  ProgressMeter progress(cfg_.output.progress_interval, cfg_.time.tlim, cfg_.time.nlim, time_,
                         step_, t_start);
  StepRequest stop_request;
  bool done = finished();
  while (!done) {
    const double t_prev = time_, t0 = wall_seconds();
    last_dt_ = stepper().advance(time_, step_, cfg_.time.tlim, &compute_, &halo_time_);
    stop_.record_step(wall_seconds() - t0);
    done = finished();
    const StepRequest req = poll();
    write_due(req, t_prev, done);
    if (req.stop && !done) {
      stop_request = req;
      done = true;
    }
    if (!root) continue;
    const std::string line =
        progress.after_step(step_, time_, last_dt_, zones, wall_seconds(), done);
    if (!line.empty()) std::cout << line << "\n" << std::flush;
  }
  return stop_request;
}

// Signals, trigger files, the time limit and the wall-clock cadence, the
// same on every rank, in one MPI_Allreduce.
StepRequest Simulation::poll() {
  const bool wall =
      decomp_.rank() == 0 && schedule_.wall_due(wall_seconds(), stop_.checkpoint_estimate());
  return stop_.poll((wall ? stop_bits::wall_checkpoint : 0) |
                    (outputs().background_write_ended() ? stop_bits::write_ended : 0));
}

// The files due after a step: a checkpoint on a cadence or a request (at
// the end, finish() writes the final one anyway), a plot file.
void Simulation::write_due(const StepRequest& req, double t_prev, bool done) {
  const OutputState s{step_, time_, last_dt_};
  // A background checkpoint that ended on some rank is collected on all
  // (its failure is thrown here, on every rank, at the same step).
  if (req.write_ended) outputs().collect();
  const bool asked = req.dump || req.stop;
  // A checkpoint asked for (dump_now and a stop: its trigger file goes and
  // its message says so once it is written) and the last step's are
  // written synchronously; cadences in the background with checkpoint.async.
  const bool background = cfg_.checkpoint.async && !asked && !done;
  if (schedule_.checkpoint_due(step_, t_prev, time_) || req.wall_checkpoint || (asked && !done))
    checkpointed(outputs().checkpoint(s, background), background);
  if (schedule_.plot_due(step_, t_prev, time_)) outputs().plot(s);
  // A stop may have to wait for a background write, then write the final
  // checkpoint: the margin keeps room for two of the longest so far.
  if (outputs().background_write_seconds() > 0)
    stop_.record_checkpoint(2 * outputs().background_write_seconds());
  outputs().history(s);
  if (!asked) return;
  stop_.acknowledge(req);
  if (decomp_.rank() == 0 && !req.stop)
    std::cout << req.why << ": checkpoint at step " << step_ << ", the run goes on\n" << std::flush;
}

// A checkpoint's cost goes into the schedule and the time-limit margin
// (of a background one, what the loop paid is not what a stop waits for:
// the margin keeps its estimate until a background write was measured).
void Simulation::checkpointed(double seconds, bool background) {
  if (seconds <= 0) return;
  if (!background) stop_.record_checkpoint(seconds);
  const std::string line = schedule_.written(wall_seconds(), seconds);
  if (decomp_.rank() == 0 && !line.empty()) std::cout << line << "\n" << std::flush;
}

void Simulation::end(const StepRequest& stop, double t_start, long long step0) {
  // The final state is checked like every other, then checkpointed.
  stepper().stable_dt(step_, time_);
  outputs().finish({step_, time_, last_dt_});
  const std::string checkpoint =
      outputs().last_checkpoint_step() == step_
          ? join_path(cfg_.output.dir, checkpoint_name(cfg_.output.basename, step_))
          : "";
  const double total = wall_seconds() - t_start + read_seconds_;
  Summary s{};
  s.step = step_;
  s.time = time_;
  s.zones = static_cast<long long>(cfg_.mesh.nx) * cfg_.mesh.ny;
  s.steps_this_run = step_ - step0;
  s.totals = conserved_totals(decomp_, solver().u());
  s.digest = state_digest(decomp_, solver().u());
  s.ranks = decomp_.size();
  // Times of rank 0; compute/halo balance is similar on all ranks.
  const double io = outputs().io_seconds() + read_seconds_;
  s.timing = {total, compute_.total(), halo_time_.total(), io,
              total - compute_.total() - halo_time_.total() - io};
  if (decomp_.rank() != 0) return;
  std::cout << summary_text(s) << std::flush;
  report_end(stop, checkpoint);
}

// Rank 0: the last words of the run, and run_status for batch scripts.
void Simulation::report_end(const StepRequest& req, const std::string& checkpoint) {
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

bool Simulation::finished() const {
  return time_ >= cfg_.time.tlim || (cfg_.time.nlim >= 0 && step_ >= cfg_.time.nlim);
}

}  // namespace slabhydro
