#include "io/checkpoint_meta.hpp"

#include <cmath>
#include <cstdio>

#include "common/error.hpp"
#include "common/number_text.hpp"
#include "io/file_meta.hpp"
#include "io/h5_props.hpp"
#include "io/lineage.hpp"
#include "solver/mesh.hpp"

namespace slabhydro {
namespace {

// The checks of the values a restart relies on; each failure one sentence.
std::vector<std::string> value_problems(const CheckpointMeta& m) {
  std::vector<std::string> p = common_value_problems(m);
  auto need = [&](bool ok, const std::string& msg) {
    if (!ok) p.push_back(msg);
  };
  need(std::isfinite(m.dt) && m.dt >= 0, "dt " + exact_text(m.dt) + " is not finite and >= 0");
  if (m.step == 0)
    need(m.time == 0 && m.dt == 0, "step 0 with time " + exact_text(m.time) + " and dt " +
                                       exact_text(m.dt) + " (a run starts at time 0)");
  else
    need(m.time > 0 && m.dt > 0 && m.dt <= m.time,
         "step " + std::to_string(m.step) + " with time " + exact_text(m.time) + " and dt " +
             exact_text(m.dt) + " (after a step, 0 < dt <= time)");
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
           std::string("boundary_") + kBoundaryKeys[k] + " and boundary_" + kBoundaryKeys[k + 1] +
               " are not both periodic or both not");
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
    throw Error(what +
                ": checkpoint format version 1 (slabhydro 0.1) has no metadata "
                "checksum and no lineage, and this slabhydro does not restart from it; "
                "finish that run with slabhydro 0.1");
  if (m.format_version != kCheckpointVersion)
    throw Error(what + ": checkpoint format version " + std::to_string(m.format_version) +
                " is not one this slabhydro reads (" + std::to_string(kCheckpointVersion) + ")");
  return examine_meta<CheckpointMeta>(root, what, value_problems);
}

void broadcast(MPI_Comm comm, CheckpointMeta& m) { broadcast_meta(comm, m); }

}  // namespace slabhydro
