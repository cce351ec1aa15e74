#include "io/output_catalog.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>

#include "common/error.hpp"
#include "io/checkpoint_io.hpp"
#include "io/file_meta.hpp"
#include "io/file_ops.hpp"
#include "io/h5_attributes.hpp"
#include "io/h5_handle.hpp"
#include "io/h5_props.hpp"
#include "io/lineage.hpp"

namespace slabhydro {
namespace {

std::string numbered(const std::string& basename, const char* tag, long long step) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%06lld", step);
  return basename + "_" + tag + "_" + buf + ".h5";
}

// "<prefix><digits><suffix>" -> step, or -1.
long long parse_step(const std::string& name, const std::string& prefix,
                     const std::string& suffix) {
  if (name.size() < prefix.size() + suffix.size() + 6) return -1;
  if (name.compare(0, prefix.size(), prefix) != 0) return -1;
  if (name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) return -1;
  const std::string digits =
      name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
  if (digits.size() < 6 || digits.size() > 18) return -1;
  for (char c : digits)
    if (c < '0' || c > '9') return -1;
  return std::stoll(digits);
}

// "NAME.tmp" or "NAME.<tag>.tmp" (tag: letters, digits, '-') -> "NAME", else "".
std::string strip_tmp(const std::string& name) {
  const std::string t = ".tmp";
  if (name.size() <= t.size() || name.compare(name.size() - t.size(), t.size(), t) != 0) return "";
  std::string rest = name.substr(0, name.size() - t.size());
  for (const char* suffix : {".h5", ".xmf"}) {
    const std::string s = suffix;
    if (rest.size() > s.size() && rest.compare(rest.size() - s.size(), s.size(), s) == 0)
      return rest;  // NAME.tmp
    const auto dot = rest.find_last_of('.');
    if (dot == std::string::npos) continue;
    const std::string tag = rest.substr(dot + 1), base = rest.substr(0, dot);
    const bool tag_ok = !tag.empty() && tag.find_first_not_of(
                                            "abcdefghijklmnopqrstuvwxyz"
                                            "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                            "0123456789-") == std::string::npos;
    if (tag_ok && base.size() > s.size() && base.compare(base.size() - s.size(), s.size(), s) == 0)
      return base;
  }
  return "";
}

FileLineage lineage_of_h5(const std::string& path) {
  FileLineage r;
  try {
    h5_quiet();
    require_regular_file(path);
    const H5Plist fapl = file_access_plist(MPI_COMM_SELF, IoOptions{}, false);
    H5File f{SLABHYDRO_H5_CHECK(H5Fopen(path.c_str(), H5F_ACC_RDONLY, fapl.get()), path)};
    if (!has_attribute(f.get(), "format", path)) return r;  // not a slabhydro file
    read_string_attribute(f.get(), "format", path);
    // slabhydro 0.1 (format version 1) wrote no lineage: another run's file.
    // A later version's file without one is damaged.
    if (read_int_attribute(f.get(), "format_version", path) == 1) {
      r.state = FileLineage::State::none;
      return r;
    }
    r.id = read_string_attribute(f.get(), "lineage", path, 64);
    r.state = valid_lineage_id(r.id) ? FileLineage::State::id : FileLineage::State::unreadable;
    f.close(path);
  } catch (const std::exception&) {
    r.state = FileLineage::State::unreadable;
  }
  return r;
}

FileLineage lineage_of_xdmf(const std::string& path) {
  FileLineage r;
  try {
    require_regular_file(path);
  } catch (const std::exception&) {
    return r;
  }
  std::ifstream in(path, std::ios::binary);
  std::string head(1 << 16, '\0');
  in.read(&head[0], static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  if (head.find("<Xdmf") == std::string::npos) return r;
  const std::string key = "<Information Name=\"lineage\" Value=\"";
  const auto at = head.find(key);
  if (at == std::string::npos) {
    r.state = FileLineage::State::none;
    return r;
  }
  r.id = head.substr(at + key.size(), 32);
  r.state = valid_lineage_id(r.id) ? FileLineage::State::id : FileLineage::State::unreadable;
  return r;
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
  for (const std::string& entry : list_dir(dir)) {
    const std::string final_name = strip_tmp(entry);
    const bool tmp = !final_name.empty();
    const std::string name = tmp ? final_name : entry;
    for (const Pattern& p : patterns) {
      const long long step = parse_step(name, basename + p.tag, p.suffix);
      if (step < 0) continue;
      const std::string own = p.kind == OutputKind::checkpoint ? checkpoint_name(basename, step)
                              : p.kind == OutputKind::plot     ? plot_name(basename, step)
                                                           : xdmf_name(plot_name(basename, step));
      out.push_back({join_path(dir, entry), p.kind, step, tmp, !tmp && name == own});
    }
  }
  std::sort(out.begin(), out.end(), [](const OutputFile& a, const OutputFile& b) {
    if (a.step != b.step) return a.step > b.step;
    if (a.tmp != b.tmp) return !a.tmp;
    return a.path < b.path;
  });
  return out;
}

FileLineage read_lineage(const OutputFile& f) {
  return f.kind == OutputKind::plot_xdmf ? lineage_of_xdmf(f.path) : lineage_of_h5(f.path);
}

LatestCheckpoint find_latest_checkpoint(const std::string& dir, const std::string& basename,
                                        long long below_step) {
  LatestCheckpoint r;
  for (const OutputFile& f : list_outputs(dir, basename)) {
    if (f.kind != OutputKind::checkpoint) continue;
    if (below_step >= 0 && f.step >= below_step) continue;
    if (f.tmp) {
      r.skipped.push_back(f.path + ": a temporary file (its write never finished)");
      continue;
    }
    try {
      const CheckpointAttributes a = read_checkpoint_meta(f.path);
      if (!a.complete) {
        r.skipped.push_back(f.path + ": incomplete (no completeness mark)");
        continue;
      }
      if (a.meta.step != f.step) {
        r.skipped.push_back(f.path + ": its step attribute is " + std::to_string(a.meta.step) +
                            ", not the step in its name");
        continue;
      }
      r.path = f.path;
      r.step = f.step;
      return r;
    } catch (const std::exception& e) {
      r.skipped.push_back(f.path + ": unreadable (" + e.what() + ")");
    }
  }
  return r;
}

std::vector<std::string> prune_checkpoints(const std::string& dir, const std::string& basename,
                                           long long newest_step, int keep,
                                           const std::string& lineage,
                                           std::vector<std::string>& failures) {
  std::vector<std::string> deleted;
  int kept = 0;
  for (const OutputFile& f : list_outputs(dir, basename)) {
    if (f.kind != OutputKind::checkpoint || f.tmp || !f.exact || f.step > newest_step) continue;
    if (!is_plain_file(f.path)) continue;
    const FileLineage l = read_lineage(f);
    if (l.state != FileLineage::State::id || l.id != lineage) continue;
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

Superseded superseded_outputs(const std::string& dir, const std::string& basename,
                              long long after_step, const std::string& lineage) {
  Superseded s;
  std::vector<OutputFile> files = list_outputs(dir, basename);
  std::reverse(files.begin(), files.end());  // lowest step first
  for (const OutputFile& f : files) {
    if (after_step >= 0 && f.step < after_step) continue;
    const bool damaged = f.tmp || !is_plain_file(f.path);
    if (after_step >= 0 && f.step == after_step) {
      // At the restart step only unfinished or damaged files: the run may
      // have died while writing that step's plot file.
      if (damaged || read_lineage(f).state == FileLineage::State::unreadable)
        s.own.push_back(f.path);
      continue;
    }
    if (damaged) {
      s.own.push_back(f.path);
      continue;
    }
    const FileLineage l = read_lineage(f);
    const bool foreign = l.state == FileLineage::State::none ||
                         (l.state == FileLineage::State::id && l.id != lineage);
    (foreign ? s.foreign : s.own).push_back(f.path);
  }
  return s;
}

std::string move_aside(const std::string& dir, const std::vector<std::string>& paths) {
  const std::string parent = join_path(dir, "superseded");
  make_directories(parent);
  std::string target = join_path(parent, utc_time_text("%Y%m%dT%H%M%SZ"));
  for (int k = 2; file_exists(target) || is_symlink(target); ++k)
    target = join_path(parent, utc_time_text("%Y%m%dT%H%M%SZ") + "-" + std::to_string(k));
  make_directories(target);
  for (const std::string& p : paths)
    if (std::rename(p.c_str(), join_path(target, base_name(p)).c_str()) != 0)
      throw Error("cannot move '" + p + "' into " + target + ": " + std::strerror(errno));
  fsync_dir(target);
  fsync_dir(dir);
  return target;
}

}  // namespace slabhydro
