#include "checkpoint_meta.hpp"

#include <cstdio>
#include <ctime>
#include <vector>

#include "checkpoint_format.hpp"
#include "digest.hpp"
#include "error.hpp"
#include "h5_attributes.hpp"
#include "mpi_check.hpp"

namespace slabhydro {
namespace {

std::uint64_t parse_digest(const std::string& hex, const std::string& what) {
  std::uint64_t d = 0;
  if (hex.size() != 16) throw Error(what + ": state_digest '" + hex + "' is not 16 hex digits");
  for (char c : hex) {
    int v = -1;
    if (c >= '0' && c <= '9') v = c - '0';
    if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
    if (v < 0) throw Error(what + ": state_digest '" + hex + "' is not 16 hex digits");
    d = d << 4 | std::uint64_t(v);
  }
  return d;
}

void bcast_string(MPI_Comm comm, std::string& s) {
  long long n = static_cast<long long>(s.size());
  SLABHYDRO_MPI_CHECK(MPI_Bcast(&n, 1, MPI_LONG_LONG, 0, comm));
  s.resize(static_cast<std::size_t>(n));
  if (n > 0) SLABHYDRO_MPI_CHECK(MPI_Bcast(&s[0], static_cast<int>(n), MPI_CHAR, 0, comm));
}

}  // namespace

void write_checkpoint_attributes(hid_t root, const CheckpointMeta& m, const std::string& what) {
  write_attribute(root, "format", m.format, what);
  write_attribute(root, "format_version", m.format_version, what);
  write_attribute(root, "time", m.time, what);
  write_attribute(root, "step", m.step, what);
  write_attribute(root, "dt", m.dt, what);
  write_attribute(root, "nx", m.nx, what);
  write_attribute(root, "ny", m.ny, what);
  write_attribute(root, "x1min", m.x1min, what);
  write_attribute(root, "x1max", m.x1max, what);
  write_attribute(root, "x2min", m.x2min, what);
  write_attribute(root, "x2max", m.x2max, what);
  for (int k = 0; k < 4; ++k)
    write_attribute(root, std::string("boundary_") + kBoundaryKeys[k], m.boundaries[k], what);
  write_attribute(root, "gamma", m.gamma, what);
  write_attribute(root, "problem", m.problem, what);
  write_attribute(root, "deck", m.deck, what);
  write_attribute(root, "software_version", m.software_version, what);
  write_attribute(root, "nranks", m.nranks, what);
  write_attribute(root, "io_mode", m.io_mode, what);
  write_attribute(root, "written_at", m.written_at, what);
  write_attribute(root, "state_digest", digest_hex(m.digest), what);
}

CheckpointMeta read_checkpoint_attributes(hid_t root, const std::string& what) {
  CheckpointMeta m;
  if (!has_attribute(root, "format", what))
    throw Error(what + ": not a slabhydro checkpoint (no 'format' attribute)");
  m.format = read_string_attribute(root, "format", what);
  if (m.format != kCheckpointFormat)
    throw Error(what + ": not a slabhydro checkpoint (format '" + m.format + "')");
  m.format_version = read_int_attribute(root, "format_version", what);
  if (m.format_version < 1 || m.format_version > kCheckpointVersion)
    throw Error(what + ": checkpoint format version " + std::to_string(m.format_version) +
                " is not one this slabhydro reads (1.." + std::to_string(kCheckpointVersion) + ")");
  m.time = read_double_attribute(root, "time", what);
  m.step = read_int_attribute(root, "step", what);
  m.dt = read_double_attribute(root, "dt", what);
  m.nx = read_int_attribute(root, "nx", what);
  m.ny = read_int_attribute(root, "ny", what);
  m.x1min = read_double_attribute(root, "x1min", what);
  m.x1max = read_double_attribute(root, "x1max", what);
  m.x2min = read_double_attribute(root, "x2min", what);
  m.x2max = read_double_attribute(root, "x2max", what);
  for (int k = 0; k < 4; ++k)
    m.boundaries[k] = read_string_attribute(root, std::string("boundary_") + kBoundaryKeys[k], what);
  m.gamma = read_double_attribute(root, "gamma", what);
  m.problem = read_string_attribute(root, "problem", what);
  m.deck = read_string_attribute(root, "deck", what);
  m.software_version = read_string_attribute(root, "software_version", what);
  m.nranks = read_int_attribute(root, "nranks", what);
  m.io_mode = read_string_attribute(root, "io_mode", what);
  m.written_at = read_string_attribute(root, "written_at", what);
  m.digest = parse_digest(read_string_attribute(root, "state_digest", what), what);
  m.complete = has_attribute(root, kCompleteAttribute, what) &&
               read_int_attribute(root, kCompleteAttribute, what) == 1;
  return m;
}

void broadcast(MPI_Comm comm, CheckpointMeta& m) {
  double d[8] = {m.time, m.dt, m.x1min, m.x1max, m.x2min, m.x2max, m.gamma, 0.0};
  long long i[7] = {m.format_version, m.step, m.nx, m.ny, m.nranks,
                    static_cast<long long>(m.digest), m.complete ? 1 : 0};
  SLABHYDRO_MPI_CHECK(MPI_Bcast(d, 8, MPI_DOUBLE, 0, comm));
  SLABHYDRO_MPI_CHECK(MPI_Bcast(i, 7, MPI_LONG_LONG, 0, comm));
  m.time = d[0], m.dt = d[1], m.x1min = d[2], m.x1max = d[3], m.x2min = d[4], m.x2max = d[5];
  m.gamma = d[6];
  m.format_version = i[0], m.step = i[1], m.nx = i[2], m.ny = i[3], m.nranks = i[4];
  m.digest = static_cast<std::uint64_t>(i[5]);
  m.complete = i[6] != 0;
  for (std::string* s : {&m.format, &m.boundaries[0], &m.boundaries[1], &m.boundaries[2],
                         &m.boundaries[3], &m.problem, &m.deck, &m.software_version,
                         &m.io_mode, &m.written_at})
    bcast_string(comm, *s);
}

std::string utc_now_iso8601() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace slabhydro
