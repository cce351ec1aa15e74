#include "app/outputs.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "app/version.hpp"
#include "common/collective.hpp"
#include "common/error.hpp"
#include "common/mpi_check.hpp"
#include "common/timers.hpp"
#include "decomposition/global_reduce.hpp"
#include "io/file_ops.hpp"
#include "io/output_catalog.hpp"
#include "io/xdmf.hpp"

namespace slabhydro {
Outputs::Outputs(const RunConfig& cfg, const SlabDecomposition& decomp, const HydroSolver& solver,
                 bool force)
    : cfg_(cfg),
      decomp_(decomp),
      solver_(solver),
      force_(force),
      root_(decomp.rank() == 0),
      checkpoint_writer_(decomp.slab(), solver.u(), cfg.checkpoint.async),
      plot_writer_(decomp.slab()),
      history_(cfg, decomp, solver) {}

void Outputs::start_async_writer() {
  if (cfg_.checkpoint.async && !async_)
    async_ = std::make_unique<AsyncCheckpoint>(decomp_.comm(), checkpoint_writer_);
}

void Outputs::set_identity(const RunIdentity& id) {
  id_ = id;
  last_checkpoint_step_ = id.restarted ? id.start_step : -1;
}

void Outputs::supersede(const std::vector<std::string>& paths, const std::string& why) const {
  if (paths.empty()) return;
  const std::string to = move_aside(cfg_.output.dir, paths);
  std::string list;
  for (const std::string& p : paths) list += (list.empty() ? "" : ", ") + base_name(p);
  warn(why + ": moved " + std::to_string(paths.size()) + " file(s) into " + to +
       " (nothing was deleted): " + list);
}

void Outputs::start(const OutputState& s) {
  int plot_missing = 0;  // a restart: the restart step's plot output is incomplete
  agree_on(decomp_.comm(), [&] {
    if (!root_) return;
    make_directories(cfg_.output.dir);
    Superseded found = superseded_outputs(cfg_.output.dir, cfg_.output.basename,
                                          id_.restarted ? id_.start_step : -1, id_.lineage);
    const std::string hst = history_.foreign_file(id_.lineage, id_.restarted);
    if (!hst.empty()) found.foreign.push_back(hst);
    const std::string after = id_.restarted
                                  ? "after the restart step " + std::to_string(id_.start_step)
                                  : "of a fresh run";
    if (!found.foreign.empty()) {
      const std::string more = found.foreign.size() > 1
                                   ? " (and " + std::to_string(found.foreign.size() - 1) + " more)"
                                   : "";
      if (!force_)
        throw Error("output directory '" + cfg_.output.dir + "' holds " + found.foreign.front() +
                    more + ", output of '" + cfg_.output.basename + "' " + after +
                    " written by another run (another lineage); slabhydro does not replace "
                    "another run's output: choose another output.dir or output.basename, or "
                    "pass --force to move it aside");
      supersede(found.foreign, "--force: another run's output " + after);
    }
    if (id_.restarted && cfg_.plot.enabled()) {
      // The run that wrote the checkpoint may have died before the plot
      // output of that step was complete: what is left of it goes too, and
      // the restart writes it again.
      const std::string p = join_path(cfg_.output.dir, plot_name(cfg_.output.basename, s.step));
      const std::string x = xdmf_name(p);
      auto going = [&](const std::string& f) {
        return std::find(found.own.begin(), found.own.end(), f) != found.own.end();
      };
      const bool h5_ok = file_exists(p) && !going(p), xmf_ok = file_exists(x) && !going(x);
      plot_missing = !(h5_ok && xmf_ok);
      if (h5_ok && !xmf_ok) found.own.push_back(p);
      if (xmf_ok && !h5_ok) found.own.push_back(x);
    }
    supersede(found.own, (id_.restarted ? "--restart: this run's output " : "output ") + after +
                             " (later or unfinished files)");
    // The series of plot files, without those just moved aside.
    if (id_.restarted && cfg_.plot.enabled())
      write_xdmf_series(cfg_.output.dir, cfg_.output.basename, id_.lineage, cfg_.io.writer_tag);
    history_.begin(id_.lineage, id_.restarted, id_.start_step);
  });
  // A fresh run's initial plot file, or the restart step's written again.
  SLABHYDRO_MPI_CHECK(MPI_Bcast(&plot_missing, 1, MPI_INT, 0, decomp_.comm()));
  if (cfg_.plot.enabled() && (!id_.restarted || plot_missing)) write_plot(s);
  if (!id_.restarted) history_.record(s.step, s.time, s.dt, true);
}

void Outputs::finish(const OutputState& s) {
  collect();
  if (last_checkpoint_step_ != s.step) write_checkpoint(s, false);
  const bool restart_state = id_.restarted && s.step == id_.start_step;
  if (cfg_.plot.enabled() && last_plot_step_ != s.step && !restart_state) write_plot(s);
  history_.record(s.step, s.time, s.dt, true);
}

double Outputs::checkpoint(const OutputState& s, bool allow_async) {
  if (last_checkpoint_step_ == s.step) return 0.0;
  const double t0 = wall_seconds();
  write_checkpoint(s, allow_async);
  return wall_seconds() - t0;
}

void Outputs::plot(const OutputState& s) {
  if (last_plot_step_ != s.step) write_plot(s);
}

void Outputs::collect() {
  if (!async_ || !async_->busy()) return;
  const double t0 = wall_seconds();
  const FileStats st = async_->wait();  // a failed write throws here, on every rank
  background_seconds_ = std::max(background_seconds_, async_->task_seconds());
  checkpoint_written(st, pending_.step, pending_.loop_seconds, true);
  io_seconds_ += wall_seconds() - t0;
}

void Outputs::guard_overwrite(const std::string& path) {
  agree_on(decomp_.comm(), [&] {
    if (!root_ || written_.count(path) || !(file_exists(path) || is_symlink(path))) return;
    if (force_) {
      supersede({path}, "--force: " + path + " appeared during the run");
      return;
    }
    throw Error(path +
                " exists and was not written by this run; slabhydro does not overwrite "
                "output it did not write: move it away, choose another output.dir or "
                "output.basename, or pass --force to move it aside");
  });
}

template <class Meta>
void Outputs::describe_run(Meta& m, const OutputState& s) const {
  m.lineage = id_.lineage;
  m.time = s.time;
  m.step = s.step;
  m.gamma = cfg_.hydro.gamma;
  m.problem = cfg_.problem.name;
  m.software_version = std::string("slabhydro ") + kVersion;
}

CheckpointMeta Outputs::checkpoint_meta(const OutputState& s) const {
  CheckpointMeta m;
  describe_run(m, s);
  m.dt = s.dt;
  m.nx = cfg_.mesh.nx;
  m.ny = cfg_.mesh.ny;
  m.x1min = cfg_.mesh.x1min;
  m.x1max = cfg_.mesh.x1max;
  m.x2min = cfg_.mesh.x2min;
  m.x2max = cfg_.mesh.x2max;
  m.boundaries = {to_string(cfg_.bc.x1_inner), to_string(cfg_.bc.x1_outer),
                  to_string(cfg_.bc.x2_inner), to_string(cfg_.bc.x2_outer)};
  m.deck = cfg_.deck_text;
  return m;
}

void Outputs::write_checkpoint(const OutputState& s, bool allow_async) {
  const double t_wait = wall_seconds();
  collect();  // the previous one first (its wait counts in io_seconds_ there)
  const double t0 = wall_seconds();
  const std::string path =
      join_path(cfg_.output.dir, checkpoint_name(cfg_.output.basename, s.step));
  guard_overwrite(path);
  CheckpointMeta m = checkpoint_meta(s);
  written_.insert(path);
  last_checkpoint_step_ = s.step;
  if (async_ && allow_async) {
    async_->start(path, m, cfg_.io);  // the digest too, from the snapshot
    pending_ = {s.step, wall_seconds() - t_wait};
  } else {
    m.digest = state_digest(decomp_, solver_.u());
    const FileStats st = checkpoint_writer_.write(decomp_.comm(), path, m, cfg_.io);
    checkpoint_written(st, s.step, wall_seconds() - t_wait, false);
  }
  io_seconds_ += wall_seconds() - t0;
}

void Outputs::checkpoint_written(const FileStats& st, long long step, double loop_seconds,
                                 bool background) {
  if (!root_) return;
  char loop[64];
  std::snprintf(loop, sizeof loop, ", time loop %.3f s", loop_seconds);
  std::cout << describe(st, "checkpoint") << loop
            << (background ? " (written in the background)" : "") << "\n"
            << std::flush;
  // Older checkpoints go only now that the newest is complete.
  try {
    std::vector<std::string> failures;
    for (const std::string& gone : prune_checkpoints(cfg_.output.dir, cfg_.output.basename, step,
                                                     cfg_.checkpoint.keep, id_.lineage, failures))
      std::cout << "removed " << gone << " (checkpoint.keep = " << cfg_.checkpoint.keep << ")\n";
    for (const std::string& f : failures) warn(f);
  } catch (const std::exception& e) {
    warn(std::string("checkpoint.keep: ") + e.what());
  }
}

void Outputs::write_plot(const OutputState& s) {
  collect();  // HDF5: one thread at a time (its wait counts in io_seconds_ there)
  const double t0 = wall_seconds();
  const std::string path = join_path(cfg_.output.dir, plot_name(cfg_.output.basename, s.step));
  guard_overwrite(path);
  guard_overwrite(xdmf_name(path));
  PlotMeta m;
  describe_run(m, s);
  const FileStats st = plot_writer_.write(decomp_.comm(), path, m, solver_.u(), cfg_.io);
  written_.insert(path);
  written_.insert(xdmf_name(path));
  last_plot_step_ = s.step;
  if (root_) std::cout << describe(st, "plot file") << "\n" << std::flush;
  io_seconds_ += wall_seconds() - t0;
}

}  // namespace slabhydro
