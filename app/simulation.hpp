#pragma once
// One run of `slabhydro run` once its deck is read: the slab's arrays, the
// initial state or a checkpoint's, then the time loop (the step, the files
// on their cadences, the stop requests and the progress line) and the
// summary. Every member function is collective over the communicator.
#include <mpi.h>

#include <memory>
#include <string>

#include "app/checkpoint_schedule.hpp"
#include "app/cli.hpp"
#include "app/outputs.hpp"
#include "app/progress.hpp"
#include "app/restart.hpp"
#include "app/run_config.hpp"
#include "app/stop_requests.hpp"
#include "common/timers.hpp"
#include "decomposition/halo_exchange.hpp"
#include "decomposition/slab_decomposition.hpp"
#include "decomposition/stepper.hpp"

namespace slabhydro {

class Simulation {
 public:
  // t_launch: when this run started (the time limit counts from there).
  // Allocates everything; a rank that cannot is a collective Error.
  Simulation(MPI_Comm comm, const RunConfig& cfg, const CommandLine& cl, double t_launch);
  ~Simulation();

  // A fresh run: the problem's initial state, checked before any file is written.
  void start_fresh(const std::string& lineage);
  // Restart: every rank reads its columns, whatever the writer's rank count;
  // time, step and dt are restored exactly, the guard cells refilled, and the
  // state checked against the digest stored with it. Returns "" or why the
  // data cannot be used (the same on every rank).
  std::string load(const RestartPoint& r);
  // The time loop to its end; returns the exit code.
  int run(StopSignalHandlers& handlers);

 private:
  struct Parts;
  double begin(StopSignalHandlers& handlers);
  StepRequest loop(double t_start);
  StepRequest poll();
  void write_due(const StepRequest& req, double t_prev, bool done);
  void checkpointed(double seconds, bool background);
  void end(const StepRequest& stop, double t_start, long long step0);
  void report_end(const StepRequest& req, const std::string& checkpoint);
  bool finished() const;
  HydroSolver& solver();
  Outputs& outputs();
  Stepper& stepper();

  RunConfig cfg_;
  const CommandLine& cl_;
  SlabDecomposition decomp_;
  StopRequests stop_;
  CheckpointSchedule schedule_;
  std::unique_ptr<Parts> parts_;
  double time_ = 0.0;
  long long step_ = 0;
  double last_dt_ = 0.0;
  double read_seconds_ = 0.0;
  std::string restart_line_;
  PhaseTimer compute_, halo_time_;  // "other" is what neither they nor I/O took
};

}  // namespace slabhydro
