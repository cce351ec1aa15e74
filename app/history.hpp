#pragma once
// The history file OUTDIR/BASENAME.hst (Athena++'s convention): text, a
// comment line naming the run's lineage, one comment line of column names,
// then one line every output.history_every steps:
//
//   # slabhydro history, lineage 5f0c...
//   # [1]=step [2]=time [3]=dt [4]=mass [5]=momentum_x [6]=momentum_y [7]=energy [8]=digest
//
// Totals are conserved_totals (integrals over the domain, summed in global
// column order), the digest the state digest: the same file on any rank count. Rank 0 writes it. A
// restart keeps the lines up to its restart step (rewritten atomically) and appends from there; a
// file of another lineage is another run's output (Outputs refuses it, or moves it aside with
// --force).
#include <array>
#include <fstream>
#include <string>

#include "app/run_config.hpp"
#include "decomposition/slab_decomposition.hpp"
#include "solver/hydro_solver.hpp"

namespace slabhydro {

class History {
 public:
  History(const RunConfig& cfg, const SlabDecomposition& decomp, const HydroSolver& solver);
  bool enabled() const { return cfg_.output.history_every > 0; }
  std::string path() const;

  // Rank 0: the existing history file if it is not this run's to continue
  // (another lineage, unreadable, or any file before a fresh run); else "".
  std::string foreign_file(const std::string& lineage, bool restarted) const;
  // Rank 0, once foreign files are out of the way: a new file with its
  // header, or this lineage's file cut back to the lines up to start_step.
  void begin(const std::string& lineage, bool restarted, long long start_step);
  // Collective: the line of this step when due (a step the cadence names,
  // or `force`: the start of a fresh run); throws a collective Error if rank 0
  // cannot write it.
  void record(long long step, double time, double dt, bool force = false);

 private:
  const RunConfig& cfg_;
  const SlabDecomposition& decomp_;
  const HydroSolver& solver_;
  std::ofstream out_;
  long long last_step_ = -1;
};

// The lineage a history file names in its first line ("" if none).
std::string history_lineage(const std::string& path);

}  // namespace slabhydro
