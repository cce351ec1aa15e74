#pragma once
// The files a run writes, wired into the time loop: checkpoints and plot files
// on their cadences, a final checkpoint at the end, checkpoint.keep, and the
// rule that a run never overwrites output it did not write unless --force.
// Every member function is collective over the decomposition's communicator.
#include <set>
#include <string>

#include "checkpoint_io.hpp"
#include "hydro_solver.hpp"
#include "plot_io.hpp"
#include "run_config.hpp"
#include "slab_decomposition.hpp"

namespace slabhydro {

struct OutputState {
  long long step;
  double time;
  double dt;  // of the step that led here (0 before the first)
};

class Outputs {
 public:
  // start_step: the step the run starts from (0, or the checkpoint's step).
  Outputs(const RunConfig& cfg, const SlabDecomposition& decomp, const HydroSolver& solver,
          bool force, bool restarted, long long start_step);

  // Creates the output directory and refuses (collective Error) to start if
  // it holds output of this basename the run could overwrite, unless --force.
  // A fresh run writes its initial plot file here.
  void start(const OutputState& s);
  // After each step; t_prev: the time before the step.
  void after_step(const OutputState& s, double t_prev);
  // The final checkpoint (and plot file), unless this state was already
  // written, or is the checkpoint the run restarted from.
  void finish(const OutputState& s);

  // A checkpoint of this state now, outside the cadences (e.g. on a signal),
  // unless this step was already checkpointed. Returns its seconds (0: none written).
  double checkpoint_now(const OutputState& s);

  double io_seconds() const { return io_seconds_; }
  // The newest checkpoint of this run: its step (the restart step, or -1,
  // before the first) and what writing it cost, in seconds.
  long long last_checkpoint_step() const { return last_checkpoint_step_; }
  double last_checkpoint_seconds() const { return last_checkpoint_seconds_; }
  // The wall-clock checkpoint interval used when the deck sets none
  // (checkpoint.every_wall = 0), e.g. the Young/Daly interval; 0: none.
  void set_default_wall_interval(double seconds) { default_wall_interval_ = seconds; }
  void add_io_seconds(double s) { io_seconds_ += s; }

 private:
  void write_checkpoint(const OutputState& s);
  void write_plot(const OutputState& s);
  // Refuses to replace `path` if it exists and this run did not write it.
  void guard_overwrite(const std::string& path);
  bool wall_due();

  const RunConfig& cfg_;
  const SlabDecomposition& decomp_;
  const HydroSolver& solver_;
  bool force_;
  bool root_;
  bool restarted_;
  long long start_step_;
  long long last_checkpoint_step_;
  long long last_plot_step_ = -1;
  double last_checkpoint_wall_;
  double last_checkpoint_seconds_ = 0.0;
  double default_wall_interval_ = 0.0;
  double io_seconds_ = 0.0;
  std::set<std::string> written_;  // paths written by this run
  CheckpointWriter checkpoint_writer_;
  PlotWriter plot_writer_;
};

}  // namespace slabhydro
