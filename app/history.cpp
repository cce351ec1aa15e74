#include "app/history.hpp"

#include <cstdio>
#include <sstream>
#include <vector>

#include "common/collective.hpp"
#include "common/error.hpp"
#include "common/number_text.hpp"
#include "decomposition/global_reduce.hpp"
#include "io/file_ops.hpp"
#include "solver/digest.hpp"

namespace slabhydro {
namespace {

constexpr const char* kFirstLine = "# slabhydro history, lineage ";
constexpr const char* kColumns =
    "# [1]=step [2]=time [3]=dt [4]=mass [5]=momentum_x [6]=momentum_y [7]=energy [8]=digest";

std::string hex16(std::uint64_t d) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(d));
  return buf;
}

// The data lines of `path` up to `step` (lines that do not parse end the keep).
std::vector<std::string> lines_up_to(const std::string& path, long long step) {
  std::ifstream in(path);
  std::vector<std::string> kept;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    long long s = -1;
    if (std::sscanf(line.c_str(), "%lld", &s) != 1 || s > step) break;
    kept.push_back(line);
  }
  return kept;
}

}  // namespace

std::string history_lineage(const std::string& path) {
  std::ifstream in(path);
  std::string first;
  if (!std::getline(in, first) || first.rfind(kFirstLine, 0) != 0) return "";
  return first.substr(std::string(kFirstLine).size());
}

History::History(const RunConfig& cfg, const SlabDecomposition& decomp, const HydroSolver& solver)
    : cfg_(cfg), decomp_(decomp), solver_(solver) {}

std::string History::path() const {
  return join_path(cfg_.output.dir, cfg_.output.basename + ".hst");
}

std::string History::foreign_file(const std::string& lineage, bool restarted) const {
  const std::string p = path();
  if (!enabled() || !(file_exists(p) || is_symlink(p))) return "";
  // Only a regular file is read (a FIFO would block the read): anything else
  // is not this run's to continue.
  return restarted && is_plain_file(p) && history_lineage(p) == lineage ? "" : p;
}

void History::begin(const std::string& lineage, bool restarted, long long start_step) {
  if (!enabled()) return;
  const std::string p = path(), tmp = p + ".tmp";
  const std::vector<std::string> kept =
      restarted && is_plain_file(p) ? lines_up_to(p, start_step) : std::vector<std::string>{};
  {
    std::ofstream f(tmp, std::ios::trunc);
    f << kFirstLine << lineage << "\n" << kColumns << "\n";
    for (const std::string& l : kept) f << l << "\n";
    f.flush();
    if (!f) throw Error(tmp + ": cannot write the history file");
  }
  if (std::rename(tmp.c_str(), p.c_str()) != 0)
    throw Error("cannot rename " + tmp + " to " + p + " (history file)");
  out_.open(p, std::ios::app);
  if (!out_) throw Error(p + ": cannot open the history file to append");
  last_step_ = restarted ? start_step : -1;
}

void History::record(long long step, double time, double dt, bool force) {
  if (!enabled() || step == last_step_) return;
  if (!force && step % cfg_.output.history_every != 0) return;
  const std::array<double, 4> totals = conserved_totals(decomp_, solver_.u());
  const std::uint64_t digest = state_digest(decomp_, solver_.u());
  last_step_ = step;
  agree_on(decomp_.comm(), [&] {
    if (decomp_.rank() != 0) return;
    std::ostringstream line;
    line << step << " " << exact_text(time) << " " << exact_text(dt);
    for (const double t : totals) line << " " << exact_text(t);
    line << " " << hex16(digest) << "\n";
    out_ << line.str() << std::flush;
    if (!out_) throw Error(path() + ": cannot append to the history file (disk full?)");
  });
}

}  // namespace slabhydro
