#include "checkpoint_meta.hpp"

#include <cmath>
#include <cstdio>
#include <ctime>

#include "error.hpp"
#include "file_meta.hpp"
#include "h5_props.hpp"
#include "lineage.hpp"
#include "mesh.hpp"
#include "problems.hpp"

namespace slabhydro {
namespace {

std::string num(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", x);
  return buf;
}

// The checks of the values a restart relies on; each failure one sentence.
std::vector<std::string> value_problems(const CheckpointMeta& m) {
  std::vector<std::string> p;
  auto need = [&](bool ok, const std::string& msg) {
    if (!ok) p.push_back(msg);
  };
  need(valid_lineage_id(m.lineage), "lineage '" + m.lineage + "' is not 32 hex digits");
  need(std::isfinite(m.time) && m.time >= 0, "time " + num(m.time) + " is not finite and >= 0");
  need(std::isfinite(m.dt) && m.dt >= 0, "dt " + num(m.dt) + " is not finite and >= 0");
  need(m.step >= 0 && m.step <= kMaxStep,
       "step " + std::to_string(m.step) + " is not in [0, 2^40]");
  if (m.step == 0)
    need(m.time == 0 && m.dt == 0, "step 0 with time " + num(m.time) + " and dt " + num(m.dt) +
                                       " (a run starts at time 0)");
  else
    need(m.time > 0 && m.dt > 0 && m.dt <= m.time,
         "step " + std::to_string(m.step) + " with time " + num(m.time) + " and dt " +
             num(m.dt) + " (after a step, 0 < dt <= time)");
  need(m.nx >= 1 && m.nx <= kMaxCells, "nx " + std::to_string(m.nx) + " is not in [1, 2^30]");
  need(m.ny >= 1 && m.ny <= kMaxCells, "ny " + std::to_string(m.ny) + " is not in [1, 2^30]");
  need(std::isfinite(m.x1min) && std::isfinite(m.x1max) && m.x1max > m.x1min,
       "x1min " + num(m.x1min) + ", x1max " + num(m.x1max) + " are not a finite interval");
  need(std::isfinite(m.x2min) && std::isfinite(m.x2max) && m.x2max > m.x2min,
       "x2min " + num(m.x2min) + ", x2max " + num(m.x2max) + " are not a finite interval");
  BoundaryType b[4];
  bool bc_ok = true;
  for (int k = 0; k < 4; ++k) {
    const bool ok = parse_boundary(m.boundaries[k], b[k]);
    bc_ok &= ok;
    need(ok, std::string("boundary_") + kBoundaryKeys[k] + " '" + m.boundaries[k] +
                 "' is not periodic, outflow or reflecting");
  }
  if (bc_ok)
    for (int k = 0; k < 4; k += 2)
      need((b[k] == BoundaryType::periodic) == (b[k + 1] == BoundaryType::periodic),
           std::string("boundary_") + kBoundaryKeys[k] + " and boundary_" +
               kBoundaryKeys[k + 1] + " are not both periodic or both not");
  need(std::isfinite(m.gamma) && m.gamma > 1, "gamma " + num(m.gamma) + " is not > 1");
  bool known = false;
  for (const std::string& n : problem_names()) known |= n == m.problem;
  need(known, "problem '" + m.problem + "' is not one this slabhydro knows");
  need(m.nranks >= 1 && m.nranks <= (1LL << 31),
       "nranks " + std::to_string(m.nranks) + " is not a rank count");
  TransferMode mode;
  need(parse_transfer_mode(m.io_mode, mode), "io_mode '" + m.io_mode + "' is not a mode");
  return p;
}

}  // namespace

void write_checkpoint_attributes(hid_t root, const CheckpointMeta& m, const std::string& what) {
  write_meta(root, m, what);
}

CheckpointAttributes read_checkpoint_attributes(hid_t root, const std::string& what) {
  CheckpointMeta m;
  if (!has_attribute(root, "format", what))
    throw Error(what + ": not a slabhydro checkpoint (no 'format' attribute)");
  m.format = read_string_attribute(root, "format", what);
  if (m.format != kCheckpointFormat)
    throw Error(what + ": not a slabhydro checkpoint (format '" + m.format + "')");
  m.format_version = read_int_attribute(root, "format_version", what);
  if (m.format_version == 1)
    throw Error(what + ": checkpoint format version 1 (slabhydro 0.1) has no metadata "
                       "checksum and no lineage, and this slabhydro does not restart from it; "
                       "finish that run with slabhydro 0.1");
  if (m.format_version != kCheckpointVersion)
    throw Error(what + ": checkpoint format version " + std::to_string(m.format_version) +
                " is not one this slabhydro reads (" + std::to_string(kCheckpointVersion) + ")");
  return examine_meta<CheckpointMeta>(root, what, value_problems);
}

void broadcast(MPI_Comm comm, CheckpointMeta& m) { broadcast_meta(comm, m); }

std::string utc_now_iso8601() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace slabhydro
