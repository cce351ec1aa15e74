#include "inspect.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>
#include <vector>

#include "checkpoint_format.hpp"
#include "checkpoint_io.hpp"
#include "digest.hpp"
#include "error.hpp"
#include "h5_attributes.hpp"
#include "h5_handle.hpp"
#include "h5_props.hpp"
#include "plot_io.hpp"
#include "slab_field_io.hpp"

namespace slabhydro {
namespace {

using HostView3D = Kokkos::View<double***, Kokkos::LayoutRight, Kokkos::HostSpace>;

struct FieldRange {
  double lo = std::numeric_limits<double>::infinity();
  double hi = -std::numeric_limits<double>::infinity();
  long long nonfinite = 0;
};

std::string num(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.16e", x);
  return buf;
}

// Reads the fields in blocks of columns: per-field ranges, and (if wanted)
// the column hashes of the digest.
void scan_fields(const std::string& path, const std::vector<std::string>& fields, long long nx,
                 long long ny, std::vector<FieldRange>& ranges, std::vector<std::uint64_t>* hashes) {
  IoOptions opt;
  opt.mode = TransferMode::serial;  // this process alone, POSIX driver
  SlabFile f(MPI_COMM_SELF, path, SlabFile::Access::read, opt);
  const long long budget = 64LL << 20;  // bytes per block
  const int ncols = static_cast<int>(
      std::max<long long>(1, std::min<long long>(nx, budget / (8 * ny * long(fields.size())))));
  ranges.assign(fields.size(), FieldRange{});
  if (hashes) hashes->assign(static_cast<std::size_t>(nx), 0);
  for (long long c0 = 0; c0 < nx; c0 += ncols) {
    const int n = static_cast<int>(std::min<long long>(ncols, nx - c0));
    const SlabBlock b{int(nx), int(ny), int(c0), n, 0};
    // The block's columns of every field, planes [ny][n] with no guard cells.
    HostView3D dense(Kokkos::ViewAllocateWithoutInitializing("inspect::dense"), fields.size(),
                     ny, n);
    for (std::size_t k = 0; k < fields.size(); ++k) {
      read_slab_field(f, fields[k], b, dense.data() + k * std::size_t(ny) * n);
      FieldRange& r = ranges[k];
      for (long long j = 0; j < ny; ++j)
        for (int i = 0; i < n; ++i) {
          const double x = dense(k, j, i);
          if (!std::isfinite(x)) {
            ++r.nonfinite;
            continue;
          }
          r.lo = std::min(r.lo, x);
          r.hi = std::max(r.hi, x);
        }
    }
    if (hashes) {
      Slab s;
      s.mesh.nx = int(nx);
      s.mesh.ny = int(ny);
      s.mesh.ng = 0;
      s.x_offset = int(c0);
      s.nx_local = n;
      column_hashes(s, dense, hashes->data() + c0);
    }
  }
  f.close();
}

void print_ranges(std::ostringstream& os, const std::vector<std::string>& fields,
                  const std::vector<FieldRange>& ranges) {
  os << "fields        min                       max\n";
  for (std::size_t k = 0; k < fields.size(); ++k) {
    const std::string name = fields[k].substr(fields[k].find_last_of('/') + 1);
    char buf[160];
    std::snprintf(buf, sizeof buf, "  %-10s  %-24s  %s", name.c_str(), num(ranges[k].lo).c_str(),
                  num(ranges[k].hi).c_str());
    os << buf;
    if (ranges[k].nonfinite) os << "  (" << ranges[k].nonfinite << " non-finite values)";
    os << "\n";
  }
}

InspectResult inspect_checkpoint(const std::string& path) {
  const CheckpointMeta m = read_checkpoint_meta(path);
  std::ostringstream os;
  os << "file          " << path << "\n"
     << "format        " << m.format << ", version " << m.format_version << "\n"
     << "complete      " << (m.complete ? "yes" : "NO (no completeness mark)") << "\n"
     << "problem       " << m.problem << "\n"
     << "time          " << num(m.time) << "\n"
     << "step          " << m.step << " (last dt " << num(m.dt) << ")\n"
     << "mesh          " << m.nx << " x " << m.ny << ", x in [" << m.x1min << ", " << m.x1max
     << "], y in [" << m.x2min << ", " << m.x2max << "]\n"
     << "boundaries    x1 " << m.boundaries[0] << "/" << m.boundaries[1] << ", x2 "
     << m.boundaries[2] << "/" << m.boundaries[3] << "\n"
     << "gamma         " << m.gamma << "\n"
     << "written by    " << m.software_version << " on " << m.nranks << " rank(s), io mode "
     << m.io_mode << ", " << m.written_at << "\n";
  std::vector<FieldRange> ranges;
  std::vector<std::uint64_t> hashes;
  scan_fields(path, checkpoint_fields(), m.nx, m.ny, ranges, &hashes);
  print_ranges(os, checkpoint_fields(), ranges);
  const std::uint64_t d = combine_column_hashes(hashes);
  const bool match = d == m.digest;
  os << "state digest  stored " << digest_hex(m.digest) << ", recomputed " << digest_hex(d)
     << (match ? ": match" : ": MISMATCH") << "\n";
  InspectResult r;
  r.ok = match && m.complete;
  if (r.ok)
    os << "result        OK\n";
  else
    os << "result        FAILED:" << (m.complete ? "" : " the file is incomplete;")
       << (match ? "" : " the data does not match the stored state digest") << "\n";
  r.text = os.str();
  return r;
}

InspectResult inspect_plot(const std::string& path, hid_t root) {
  std::ostringstream os;
  const long long nx = read_int_attribute(root, "nx", path), ny = read_int_attribute(root, "ny", path);
  const bool complete = has_attribute(root, "complete", path) &&
                        read_int_attribute(root, "complete", path) == 1;
  os << "file          " << path << "\n"
     << "format        " << kPlotFormat << ", version "
     << read_int_attribute(root, "format_version", path) << "\n"
     << "complete      " << (complete ? "yes" : "NO (no completeness mark)") << "\n"
     << "problem       " << read_string_attribute(root, "problem", path) << "\n"
     << "time          " << num(read_double_attribute(root, "time", path)) << "\n"
     << "step          " << read_int_attribute(root, "step", path) << "\n"
     << "mesh          " << nx << " x " << ny << "\n";
  const std::vector<std::string> fields = {"/fields/dens", "/fields/velx", "/fields/vely",
                                           "/fields/pres"};
  std::vector<FieldRange> ranges;
  scan_fields(path, fields, nx, ny, ranges, nullptr);
  print_ranges(os, fields, ranges);
  os << "state digest  (plot files hold float32 primitives; no digest)\n"
     << "result        " << (complete ? "OK" : "FAILED: the file is incomplete") << "\n";
  return {os.str(), complete};
}

}  // namespace

InspectResult inspect_file(const std::string& path) {
  h5_quiet();
  std::string format;
  {
    const H5Plist fapl = file_access_plist(MPI_COMM_SELF, IoOptions{}, false);
    H5File f{SLABHYDRO_H5_CHECK(H5Fopen(path.c_str(), H5F_ACC_RDONLY, fapl.get()), path)};
    if (!has_attribute(f.get(), "format", path))
      throw Error(path + ": not a slabhydro file (no 'format' attribute)");
    format = read_string_attribute(f.get(), "format", path);
    if (format == kPlotFormat) {
      InspectResult r = inspect_plot(path, f.get());
      f.close(path);
      return r;
    }
    f.close(path);
  }
  if (format != kCheckpointFormat)
    throw Error(path + ": not a slabhydro file (format '" + format + "')");
  return inspect_checkpoint(path);
}

}  // namespace slabhydro
