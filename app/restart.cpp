#include "app/restart.hpp"

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "io/checkpoint_io.hpp"
#include "common/collective.hpp"
#include "common/error.hpp"
#include "io/file_ops.hpp"
#include "common/mpi_check.hpp"
#include "io/output_catalog.hpp"

namespace slabhydro {
namespace {

// The shortest decimal text that reads back as x.
std::string num(double x) {
  char buf[64];
  for (int digits = 6; digits <= 17; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*g", digits, x);
    if (std::strtod(buf, nullptr) == x) break;
  }
  return buf;
}

// Rank 0: the file to restart from.
std::string resolve(const std::string& spec, const RunConfig& cfg, long long below_step) {
  if (spec != "latest") return spec;
  const LatestCheckpoint l =
      find_latest_checkpoint(cfg.output.dir, cfg.output.basename, below_step);
  for (const std::string& s : l.skipped)
    warn("--restart latest: skipping " + s);
  if (l.path.empty())
    throw Error("--restart latest: no usable checkpoint " +
                join_path(cfg.output.dir, cfg.output.basename + "_chk_NNNNNN.h5") +
                " in output.dir '" + cfg.output.dir + "'" +
                (below_step >= 0 ? " below step " + std::to_string(below_step) : "") +
                (l.skipped.empty() ? "" : " (the files found are listed above)") +
                "; give the checkpoint file instead, or check output.dir and output.basename");
  return l.path;
}

class Compare {
 public:
  Compare(const Deck& deck, const std::string& path) : deck_(deck), path_(path) {}
  template <class T>
  void key(const std::string& key, const T& in_file, const T& in_deck, const std::string& f,
           const std::string& d) const {
    if (in_file == in_deck) return;
    throw Error(deck_.where(key) + ": " + key + ": the checkpoint " + path_ + " has " + f +
                    ", the deck has " + d +
                    "; mesh size, domain, gamma, boundaries and problem cannot change at a "
                    "restart (set " + key + " back to " + f +
                    " to continue this run, or start a new one)",
                true);
  }
  void real(const std::string& k, double f, double d) const { key(k, f, d, num(f), num(d)); }
  void integer(const std::string& k, long long f, long long d) const {
    key(k, f, d, std::to_string(f), std::to_string(d));
  }
  void text(const std::string& k, const std::string& f, const std::string& d) const {
    key(k, f, d, "'" + f + "'", "'" + d + "'");
  }

 private:
  const Deck& deck_;
  std::string path_;
};

void check_compatible(const CheckpointMeta& m, const std::string& path, const RunConfig& cfg,
                      const Deck& deck) {
  const Compare c(deck, path);
  c.integer("mesh.nx", m.nx, cfg.mesh.nx);
  c.integer("mesh.ny", m.ny, cfg.mesh.ny);
  c.real("mesh.x1min", m.x1min, cfg.mesh.x1min);
  c.real("mesh.x1max", m.x1max, cfg.mesh.x1max);
  c.real("mesh.x2min", m.x2min, cfg.mesh.x2min);
  c.real("mesh.x2max", m.x2max, cfg.mesh.x2max);
  c.real("hydro.gamma", m.gamma, cfg.hydro.gamma);
  const BoundaryType bc[4] = {cfg.bc.x1_inner, cfg.bc.x1_outer, cfg.bc.x2_inner, cfg.bc.x2_outer};
  for (int k = 0; k < 4; ++k)
    c.text(std::string("boundary.") + kBoundaryKeys[k], m.boundaries[k], to_string(bc[k]));
  c.text("problem.name", m.problem, cfg.problem.name);
}

// Rank 0: notes on method changes that are allowed but break bit-identity.
void note_method_changes(const CheckpointMeta& m, const RunConfig& cfg) {
  try {
    const RunConfig old = make_run_config(Deck(m.deck, "the checkpoint's deck", {}));
    auto note = [](const std::string& key, const std::string& was, const std::string& now) {
      if (was != now)
        std::cout << "note: " << key << " was " << was << " in the checkpoint's run and is "
                  << now << " now: the continuation will differ from an uninterrupted run\n";
    };
    note("hydro.cfl", num(old.hydro.cfl), num(cfg.hydro.cfl));
    note("hydro.riemann", to_string(old.hydro.riemann), to_string(cfg.hydro.riemann));
    note("hydro.limiter", to_string(old.hydro.limiter), to_string(cfg.hydro.limiter));
    note("hydro.integrator", to_string(old.hydro.integrator), to_string(cfg.hydro.integrator));
  } catch (const std::exception&) {
    // A deck this version cannot read: the checks that matter were done on attributes.
  }
}

}  // namespace

RestartPoint find_restart(MPI_Comm comm, const std::string& spec, const RunConfig& cfg,
                          const Deck& deck, long long below_step) {
  int rank = 0;
  SLABHYDRO_MPI_CHECK(MPI_Comm_rank(comm, &rank));
  RestartPoint p;
  agree_on(comm, [&] {
    if (rank != 0) return;
    p.path = resolve(spec, cfg, below_step);
    CheckpointAttributes a;
    try {
      a = read_checkpoint_meta(p.path);
    } catch (const Error& e) {
      throw Error(std::string("--restart: cannot restart from ") + e.what());
    }
    if (!a.complete)
      throw Error("--restart: " + p.path +
                  " is incomplete (no completeness mark): its write did not finish; restart "
                  "from an older checkpoint (--restart latest skips incomplete files)");
    p.meta = a.meta;
  });
  broadcast(comm, p.path);
  broadcast(comm, p.meta);
  check_compatible(p.meta, p.path, cfg, deck);  // same data on every rank: a collective Error
  if (rank == 0) note_method_changes(p.meta, cfg);
  return p;
}

}  // namespace slabhydro
