#include "output_catalog.hpp"

#include <algorithm>
#include <cstdio>

#include "checkpoint_io.hpp"
#include "error.hpp"
#include "file_ops.hpp"

namespace slabhydro {
namespace {

std::string numbered(const std::string& basename, const char* tag, long long step) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%06lld", step);
  return basename + "_" + tag + "_" + buf + ".h5";
}

// "<basename>_<tag>_<digits><suffix>" -> step, or -1.
long long parse_step(const std::string& name, const std::string& prefix, const std::string& suffix) {
  if (name.size() < prefix.size() + suffix.size() + 6) return -1;
  if (name.compare(0, prefix.size(), prefix) != 0) return -1;
  if (name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) return -1;
  const std::string digits = name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
  if (digits.size() < 6 || digits.size() > 18) return -1;
  for (char c : digits)
    if (c < '0' || c > '9') return -1;
  return std::stoll(digits);
}

}  // namespace

std::string checkpoint_name(const std::string& basename, long long step) {
  return numbered(basename, "chk", step);
}
std::string plot_name(const std::string& basename, long long step) {
  return numbered(basename, "plt", step);
}
std::string xdmf_name(const std::string& plot_h5_name) {
  return plot_h5_name.substr(0, plot_h5_name.size() - 3) + ".xmf";
}

std::vector<OutputFile> list_outputs(const std::string& dir, const std::string& basename) {
  struct Pattern {
    const char* tag;
    const char* suffix;
    OutputKind kind;
  };
  const Pattern patterns[] = {{"_chk_", ".h5", OutputKind::checkpoint},
                              {"_plt_", ".h5", OutputKind::plot},
                              {"_plt_", ".xmf", OutputKind::plot_xdmf}};
  std::vector<OutputFile> out;
  for (const std::string& name : list_dir(dir)) {
    for (const Pattern& p : patterns) {
      const std::string prefix = basename + p.tag;
      long long step = parse_step(name, prefix, p.suffix);
      if (step >= 0) out.push_back({join_path(dir, name), p.kind, step, false});
      step = parse_step(name, prefix, std::string(p.suffix) + ".tmp");
      if (step >= 0) out.push_back({join_path(dir, name), p.kind, step, true});
    }
  }
  std::sort(out.begin(), out.end(), [](const OutputFile& a, const OutputFile& b) {
    if (a.step != b.step) return a.step > b.step;
    if (a.tmp != b.tmp) return !a.tmp;
    return a.path < b.path;
  });
  return out;
}

LatestCheckpoint find_latest_checkpoint(const std::string& dir, const std::string& basename) {
  LatestCheckpoint r;
  for (const OutputFile& f : list_outputs(dir, basename)) {
    if (f.kind != OutputKind::checkpoint) continue;
    if (f.tmp) {
      r.skipped.push_back(f.path + ": a temporary file (its write never finished)");
      continue;
    }
    try {
      const CheckpointMeta m = read_checkpoint_meta(f.path);
      if (!m.complete) {
        r.skipped.push_back(f.path + ": incomplete (no completeness mark)");
        continue;
      }
      if (m.step != f.step) {
        r.skipped.push_back(f.path + ": its step attribute is " + std::to_string(m.step) +
                            ", not the step in its name");
        continue;
      }
      r.path = f.path;
      return r;
    } catch (const Error& e) {
      r.skipped.push_back(f.path + ": unreadable (" + e.what() + ")");
    }
  }
  return r;
}

std::vector<std::string> prune_checkpoints(const std::string& dir, const std::string& basename,
                                           long long newest_step, int keep,
                                           std::vector<std::string>& failures) {
  std::vector<std::string> deleted;
  int kept = 0;
  for (const OutputFile& f : list_outputs(dir, basename)) {
    if (f.kind != OutputKind::checkpoint || f.tmp || f.step > newest_step) continue;
    if (kept < keep) {
      ++kept;
      continue;
    }
    try {
      remove_file(f.path);
      deleted.push_back(f.path);
    } catch (const Error& e) {
      failures.push_back(e.what());
    }
  }
  return deleted;
}

std::vector<std::string> outputs_in_step_range(const std::string& dir,
                                               const std::string& basename, long long lo,
                                               long long hi) {
  std::vector<std::string> out;
  for (const OutputFile& f : list_outputs(dir, basename))
    if (!f.tmp && f.step >= lo && (hi < 0 || f.step <= hi)) out.push_back(f.path);
  std::reverse(out.begin(), out.end());  // lowest step first: the first a run would meet
  return out;
}

}  // namespace slabhydro
