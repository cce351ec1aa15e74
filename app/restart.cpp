#include "app/restart.hpp"

#include <iostream>
#include <map>

#include "app/schemas.hpp"
#include "common/collective.hpp"
#include "common/error.hpp"
#include "common/mpi_check.hpp"
#include "io/checkpoint_io.hpp"
#include "io/file_ops.hpp"
#include "io/meta_checksum.hpp"
#include "io/output_catalog.hpp"

namespace slabhydro {
namespace {

// Rank 0: the file to restart from.
std::string resolve(const std::string& spec, const RunConfig& cfg, long long below_step) {
  if (spec != "latest") return spec;
  const LatestCheckpoint l =
      find_latest_checkpoint(cfg.output.dir, cfg.output.basename, below_step);
  for (const std::string& s : l.skipped) warn("--restart latest: skipping " + s);
  if (l.path.empty())
    throw Error("--restart latest: no usable checkpoint " +
                join_path(cfg.output.dir, cfg.output.basename + "_chk_NNNNNN.h5") +
                " in output.dir '" + cfg.output.dir + "'" +
                (below_step >= 0 ? " below step " + std::to_string(below_step) : "") +
                (l.skipped.empty() ? "" : " (the files found are listed above)") +
                "; give the checkpoint file instead, or check output.dir and output.basename");
  return l.path;
}

// The checkpoint's attributes as text, as the settings print their values.
struct AttributeText {
  std::map<std::string, std::string>& out;
  void operator()(const char* n, const double& v) const { out[n] = number_text(v); }
  void operator()(const char* n, const long long& v) const { out[n] = std::to_string(v); }
  void operator()(const char* n, const std::string& v, std::size_t) const { out[n] = v; }
  void operator()(const char* n, const std::uint64_t& v) const { out[n] = hex64(v); }
};

// The settings a restart cannot change (app/run_settings.cpp: fixed_at_restart)
// must equal the checkpoint's attributes.
void check_compatible(const CheckpointMeta& m, const std::string& path, const RunConfig& cfg,
                      const Deck& deck) {
  std::map<std::string, std::string> attr;
  for_each_attribute(m, AttributeText{attr});
  for (const Setting<RunConfig>& s : run_settings()) {
    if (!s.checkpoint_attribute) continue;
    const std::string in_file = attr[s.checkpoint_attribute], in_deck = s.show(cfg);
    if (in_file == in_deck) continue;
    const bool text = s.spec.type == KeyType::string;
    const std::string f = text ? "'" + in_file + "'" : in_file,
                      d = text ? "'" + in_deck + "'" : in_deck;
    const std::string& key = s.spec.key;
    throw Error(deck.where(key) + ": " + key + ": the checkpoint " + path + " has " + f +
                    ", the deck has " + d +
                    "; mesh size, domain, gamma, boundaries and problem cannot change at a "
                    "restart (set " +
                    key + " back to " + f + " to continue this run, or start a new one)",
                true);
  }
}

// Rank 0: notes on method changes that are allowed but break bit-identity
// (app/run_settings.cpp: noted_at_restart).
void note_method_changes(const CheckpointMeta& m, const RunConfig& cfg) {
  try {
    const RunConfig old = make_run_config(Deck(m.deck, "the checkpoint's deck", {}, run_schema()));
    for (const Setting<RunConfig>& s : run_settings()) {
      if (!s.note_when_changed) continue;
      const std::string was = s.show(old), now = s.show(cfg);
      if (was != now)
        std::cout << "note: " << s.spec.key << " was " << was << " in the checkpoint's run and is "
                  << now << " now: the continuation will differ from an uninterrupted run\n";
    }
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
