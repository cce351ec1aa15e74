#pragma once
// The root attributes of a slabhydro file, described once per format by
//   template <class M, class F> void for_each_attribute(M& m, F&& f)
// which calls, for every attribute, in one list:
//   f(name, double&) / f(name, long long&)   float64 / int64 scalars
//   f(name, std::string&, max_bytes)          UTF-8 string of at most max_bytes
//   f(name, std::uint64_t&)                   a 64-bit hash, stored as 16 hex digits
// (checkpoint_meta.hpp, plot_io.hpp). Everything else is generic over that
// list: writing, reading with type checks, the metadata checksum
// (meta_checksum.hpp) and the broadcast from rank 0. Adding an attribute is
// one line in the list (and, if it must be checked, one in the validation).
#include <hdf5.h>
#include <mpi.h>

#include <cstdint>
#include <string>
#include <vector>

#include "common/collective.hpp"
#include "common/error.hpp"
#include "common/mpi_check.hpp"
#include "io/h5_attributes.hpp"
#include "io/meta_checksum.hpp"

namespace slabhydro {

constexpr const char* kMetaChecksumAttribute = "meta_checksum";
constexpr const char* kCompleteAttribute = "complete";

// The current UTC time through strftime's `format`.
std::string utc_time_text(const char* format);

// The attributes every slabhydro file starts with (checkpoints, plot files),
// for structs that have these members.
template <class M, class F>
void for_each_common_attribute(M& m, F&& f) {
  f("format", m.format, kShortString);
  f("format_version", m.format_version);
  f("lineage", m.lineage, kShortString);
  f("time", m.time);
  f("step", m.step);
  f("nx", m.nx);
  f("ny", m.ny);
  f("x1min", m.x1min);
  f("x1max", m.x1max);
  f("x2min", m.x2min);
  f("x2max", m.x2max);
  f("gamma", m.gamma);
  f("problem", m.problem, kShortString);
  f("software_version", m.software_version, kShortString);
  f("written_at", m.written_at, kShortString);
}

// What is wrong with those values (lineage, time, step, mesh, domain,
// gamma, problem), one sentence each.
struct CommonValues {
  const std::string& lineage;
  double time;
  long long step, nx, ny;
  double x1min, x1max, x2min, x2max, gamma;
  const std::string& problem;
};
std::vector<std::string> common_value_problems(const CommonValues& v);
template <class M>
std::vector<std::string> common_value_problems(const M& m) {
  return common_value_problems(CommonValues{m.lineage, m.time, m.step, m.nx, m.ny, m.x1min, m.x1max,
                                            m.x2min, m.x2max, m.gamma, m.problem});
}

namespace meta_detail {

struct Writer {
  hid_t root;
  const std::string& what;
  void operator()(const char* n, const double& v) const { write_attribute(root, n, v, what); }
  void operator()(const char* n, const long long& v) const { write_attribute(root, n, v, what); }
  void operator()(const char* n, const std::string& v, std::size_t) const {
    write_attribute(root, n, v, what);
  }
  void operator()(const char* n, const std::uint64_t& v) const {
    write_attribute(root, n, hex64(v), what);
  }
};

struct Reader {
  hid_t root;
  const std::string& what;
  void operator()(const char* n, double& v) const { v = read_double_attribute(root, n, what); }
  void operator()(const char* n, long long& v) const { v = read_int_attribute(root, n, what); }
  void operator()(const char* n, std::string& v, std::size_t max) const {
    v = read_string_attribute(root, n, what, max);
  }
  void operator()(const char* n, std::uint64_t& v) const {
    const std::string hex = read_string_attribute(root, n, what, 64);
    if (!parse_hex64(hex, v))
      throw Error(what + " attribute '" + n + "': '" + hex + "' is not 16 hex digits");
  }
};

struct Hasher {
  MetaChecksum& sum;
  void operator()(const char* n, const double& v) const { sum.add(n, v); }
  void operator()(const char* n, const long long& v) const { sum.add(n, v); }
  void operator()(const char* n, const std::string& v, std::size_t) const { sum.add(n, v); }
  void operator()(const char* n, const std::uint64_t& v) const { sum.add(n, hex64(v)); }
};

struct Broadcaster {
  MPI_Comm comm;
  void operator()(const char*, double& v) const {
    SLABHYDRO_MPI_CHECK(MPI_Bcast(&v, 1, MPI_DOUBLE, 0, comm));
  }
  void operator()(const char*, long long& v) const {
    SLABHYDRO_MPI_CHECK(MPI_Bcast(&v, 1, MPI_LONG_LONG, 0, comm));
  }
  void operator()(const char*, std::string& v, std::size_t) const { broadcast(comm, v); }
  void operator()(const char*, std::uint64_t& v) const {
    SLABHYDRO_MPI_CHECK(MPI_Bcast(&v, 1, MPI_UINT64_T, 0, comm));
  }
};

}  // namespace meta_detail

// The checksum over the attributes of m as they are (not as stored).
template <class M>
std::uint64_t meta_checksum(const M& m) {
  MetaChecksum sum;
  for_each_attribute(m, meta_detail::Hasher{sum});
  return sum.value();
}

// Every attribute of the list, then the checksum over them. Not "complete".
template <class M>
void write_meta(hid_t root, const M& m, const std::string& what) {
  for_each_attribute(m, meta_detail::Writer{root, what});
  write_attribute(root, kMetaChecksumAttribute, hex64(meta_checksum(m)), what);
}

struct StoredMeta {
  std::uint64_t checksum = 0;  // as stored
  bool complete = false;       // "complete" = 1 present
};

// Reads every attribute of the list with its type checks, the stored
// checksum and the completeness mark (missing: false). Does not compare the
// checksum: see meta_checksum(m) != stored.checksum.
template <class M>
StoredMeta read_meta(hid_t root, M& m, const std::string& what) {
  for_each_attribute(m, meta_detail::Reader{root, what});
  StoredMeta s;
  meta_detail::Reader{root, what}(kMetaChecksumAttribute, s.checksum);
  s.complete = has_attribute(root, kCompleteAttribute, what) &&
               read_int_attribute(root, kCompleteAttribute, what) == 1;
  return s;
}

// A file's attributes as read, and what is wrong with them.
template <class M>
struct Examined {
  M meta;
  std::uint64_t stored_checksum = 0, computed_checksum = 0;
  bool complete = false;
  // Each value out of range or inconsistent, one sentence each.
  std::vector<std::string> value_problems;
  bool checksum_ok() const { return stored_checksum == computed_checksum; }
  // The checksum mismatch (if any), then the value problems.
  std::vector<std::string> problems() const {
    std::vector<std::string> p;
    if (!checksum_ok())
      p.push_back("its metadata checksum does not match (stored " + hex64(stored_checksum) +
                  ", computed " + hex64(computed_checksum) +
                  "): an attribute was changed after the file was written");
    p.insert(p.end(), value_problems.begin(), value_problems.end());
    return p;
  }
};

// read_meta, then the checksum compared and value_problems(meta) listed.
template <class M, class Check>
Examined<M> examine_meta(hid_t root, const std::string& what, Check value_problems) {
  Examined<M> e;
  const StoredMeta s = read_meta(root, e.meta, what);
  e.stored_checksum = s.checksum;
  e.complete = s.complete;
  e.computed_checksum = meta_checksum(e.meta);
  e.value_problems = value_problems(e.meta);
  return e;
}

// Rank 0's attributes on every rank of comm.
template <class M>
void broadcast_meta(MPI_Comm comm, M& m) {
  for_each_attribute(m, meta_detail::Broadcaster{comm});
}

}  // namespace slabhydro
