#pragma once
// The files a run writes, wired into the time loop: checkpoints and plot files
// on their cadences, a final checkpoint at the end, checkpoint.keep, and the
// rule that a run never overwrites output it did not write unless --force.
// Every member function is collective over the decomposition's communicator.
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "app/history.hpp"
#include "app/run_config.hpp"
#include "decomposition/slab_decomposition.hpp"
#include "io/async_checkpoint.hpp"
#include "io/checkpoint_io.hpp"
#include "io/plot_io.hpp"
#include "solver/hydro_solver.hpp"

namespace slabhydro {

struct OutputState {
  long long step;
  double time;
  double dt;  // of the step that led here (0 before the first)
};

// Which run this is: its lineage (lineage.hpp), and where it starts.
struct RunIdentity {
  std::string lineage;
  bool restarted = false;
  long long start_step = 0;  // 0, or the checkpoint's step
};

class Outputs {
 public:
  Outputs(const RunConfig& cfg, const SlabDecomposition& decomp, const HydroSolver& solver,
          bool force);

  // Before start(): the run's lineage and start (a fresh run: a new lineage, step 0).
  void set_identity(const RunIdentity& id);
  // checkpoint.async: the writer's communicator (collective, MPI_Comm_dup):
  // after the allocation's agreement, which no collective call may be
  // inside (one rank failing there would meet the others' dup).
  void start_async_writer();

  // Makes way for this run's output: the files of basename after the start
  // step (a fresh run: all) that this lineage wrote, and unfinished or
  // unreadable ones, are moved into output.dir/superseded/<time>/ with one
  // warning listing them (nothing is deleted); files another run wrote are
  // refused (collective Error) unless --force, which moves them aside too.
  // A fresh run writes its initial plot file here.
  void start(const OutputState& s);
  // A checkpoint of this state, unless this step was already checkpointed;
  // in the background if checkpoint.async and allow_async. Returns what the
  // time loop paid for it in seconds (0: none written).
  double checkpoint(const OutputState& s, bool allow_async = true);
  // A plot file of this state, unless this step was already plotted.
  void plot(const OutputState& s);
  // The history line of this step, when output.history_every says so.
  void history(const OutputState& s) { history_.record(s.step, s.time, s.dt); }
  // The final checkpoint (and plot file), unless this state was already
  // written, or is the checkpoint the run restarted from.
  void finish(const OutputState& s);

  // checkpoint.async: a background write has ended on this rank (never
  // blocks; Simulation::poll makes it known to every rank), and, called on
  // every rank once any rank's has, collect() waits for it, reports it and
  // prunes; its failure is thrown here, on every rank. Plot files, the next
  // checkpoint and finish() collect first, so HDF5 is called by one thread
  // at a time.
  bool background_write_ended() const { return async_ && async_->ended(); }
  void collect();
  // The longest background checkpoint so far (seconds, from the start of
  // its copy to the end of its write, digest included), for the time-limit margin.
  double background_write_seconds() const { return background_seconds_; }

  double io_seconds() const { return io_seconds_; }
  // The newest checkpoint of this run: its step (the restart step, or -1, before the first).
  long long last_checkpoint_step() const { return last_checkpoint_step_; }

 private:
  // allow_async: false for the checkpoints the run waits for anyway (the
  // final one, the last step's, those asked for).
  void write_checkpoint(const OutputState& s, bool allow_async);
  CheckpointMeta checkpoint_meta(const OutputState& s) const;  // all but the digest
  // Rank 0: the checkpoint line, then checkpoint.keep.
  void checkpoint_written(const FileStats& st, long long step, double loop_seconds,
                          bool background);
  void write_plot(const OutputState& s);
  // The values a checkpoint and a plot file share (CheckpointMeta, PlotMeta).
  template <class Meta>
  void describe_run(Meta& m, const OutputState& s) const;
  // Refuses to replace `path` if it exists and this run did not write it
  // (with --force: moves it aside).
  void guard_overwrite(const std::string& path);
  // Rank 0: moves `paths` aside with one warning.
  void supersede(const std::vector<std::string>& paths, const std::string& why) const;

  const RunConfig& cfg_;
  const SlabDecomposition& decomp_;
  const HydroSolver& solver_;
  bool force_;
  bool root_;
  RunIdentity id_;
  long long last_checkpoint_step_ = -1;
  long long last_plot_step_ = -1;
  double io_seconds_ = 0.0;
  std::set<std::string> written_;  // paths written by this run
  CheckpointWriter checkpoint_writer_;
  std::unique_ptr<AsyncCheckpoint> async_;  // checkpoint.async only
  struct Pending {
    long long step = -1;
    double loop_seconds = 0.0;  // the time loop's part: the wait for the one before, the copy
  } pending_;
  double background_seconds_ = 0.0;
  PlotWriter plot_writer_;
  History history_;
};

}  // namespace slabhydro
