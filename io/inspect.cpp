#include "io/inspect.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>
#include <vector>

#include "common/error.hpp"
#include "io/checkpoint_format.hpp"
#include "io/checkpoint_io.hpp"
#include "io/h5_attributes.hpp"
#include "io/h5_handle.hpp"
#include "io/h5_objects.hpp"
#include "io/h5_props.hpp"
#include "io/meta_checksum.hpp"
#include "io/plot_io.hpp"
#include "io/slab_field_io.hpp"
#include "solver/digest.hpp"

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
                 long long ny, std::vector<FieldRange>& ranges,
                 std::vector<std::uint64_t>* hashes) {
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
    HostView3D dense(Kokkos::ViewAllocateWithoutInitializing("inspect::dense"), fields.size(), ny,
                     n);
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

// "deflate(6)", "szip(nn, 8)", "shuffle", ... of one filter.
std::string filter_text(hid_t dcpl, int k, const std::string& where) {
  unsigned flags = 0, config = 0, values[8] = {};
  std::size_t n = 8;
  char name[64] = "";
  const H5Z_filter_t id = SLABHYDRO_H5_CHECK(
      H5Pget_filter2(dcpl, unsigned(k), &flags, &n, values, sizeof name, name, &config), where);
  if (id == H5Z_FILTER_DEFLATE) return "deflate(" + std::to_string(n > 0 ? values[0] : 0) + ")";
  if (id == H5Z_FILTER_SZIP)
    return std::string("szip(") + ((n > 0 && (values[0] & H5_SZIP_NN_OPTION_MASK)) ? "nn" : "ec") +
           ", " + std::to_string(n > 1 ? values[1] : 0) + ")";
  if (id == H5Z_FILTER_SHUFFLE) return "shuffle";
  if (id == H5Z_FILTER_FLETCHER32) return "fletcher32";
  return "filter " + std::to_string(id);
}

// Per field: contiguous or chunked (chunk dims), filters, and the bytes
// stored against the logical bytes (their ratio: the compression).
void print_storage(std::ostringstream& os, const std::string& path,
                   const std::vector<std::string>& fields, std::uint64_t logical) {
  std::uint64_t bytes = 0;
  H5File f = open_untrusted(path, bytes);
  os << "storage       layout            filters        stored / logical bytes\n";
  for (const std::string& field : fields) {
    const std::string where = path + ":" + field;
    const H5Dataset d = open_hard_dataset(f.get(), field, path);
    const H5Plist dcpl{SLABHYDRO_H5_CHECK(H5Dget_create_plist(d.get()), where)};
    std::string layout = "contiguous";
    const H5D_layout_t l = H5Pget_layout(dcpl.get());
    if (l == H5D_COMPACT) layout = "compact";
    if (l == H5D_CHUNKED) {
      hsize_t c[2] = {0, 0};
      const int rank = SLABHYDRO_H5_CHECK(H5Pget_chunk(dcpl.get(), 2, c), where);
      layout = "chunked " + std::to_string(c[0]) + (rank > 1 ? "x" + std::to_string(c[1]) : "");
    }
    std::string filters;
    const int n = SLABHYDRO_H5_CHECK(H5Pget_nfilters(dcpl.get()), where);
    for (int k = 0; k < n; ++k) filters += (k ? "," : "") + filter_text(dcpl.get(), k, where);
    const hsize_t stored = H5Dget_storage_size(d.get());
    char buf[200];
    std::snprintf(buf, sizeof buf, "  %-10s  %-16s  %-13s  %llu / %llu (ratio %.2f)\n",
                  field.substr(field.find_last_of('/') + 1).c_str(), layout.c_str(),
                  filters.empty() ? "none" : filters.c_str(), (unsigned long long)stored,
                  (unsigned long long)logical, stored ? double(logical) / double(stored) : 0.0);
    os << buf;
  }
  f.close(path);
}

void print_problems(std::ostringstream& os, const std::vector<std::string>& problems) {
  for (const std::string& p : problems) os << "problem       " << p << "\n";
}

std::string checksum_line(std::uint64_t stored, std::uint64_t computed) {
  return "metadata      checksum stored " + hex64(stored) + ", computed " + hex64(computed) +
         (stored == computed ? ": match\n" : ": MISMATCH\n");
}

// The lines a checkpoint and a plot file print alike (CheckpointMeta and PlotMeta).
template <class Meta>
void print_identity(std::ostream& os, const std::string& path, const Meta& m, bool complete) {
  os << "file          " << path << "\n"
     << "format        " << m.format << ", version " << m.format_version << "\n"
     << "complete      " << (complete ? "yes" : "NO (no completeness mark)") << "\n"
     << "lineage       " << m.lineage << "\n"
     << "problem       " << m.problem << "\n"
     << "time          " << num(m.time) << "\n";
}

InspectResult inspect_checkpoint(const std::string& path) {
  const CheckpointAttributes a = examine_checkpoint(path);
  const CheckpointMeta& m = a.meta;
  std::ostringstream os;
  print_identity(os, path, m, a.complete);
  os << "step          " << m.step << " (last dt " << num(m.dt) << ")\n"
     << "mesh          " << m.nx << " x " << m.ny << ", x in [" << m.x1min << ", " << m.x1max
     << "], y in [" << m.x2min << ", " << m.x2max << "]\n"
     << "boundaries    x1 " << m.boundaries[0] << "/" << m.boundaries[1] << ", x2 "
     << m.boundaries[2] << "/" << m.boundaries[3] << "\n"
     << "gamma         " << m.gamma << "\n"
     << "written by    " << m.software_version << " on " << m.nranks << " rank(s), io mode "
     << m.io_mode << ", " << m.written_at << "\n"
     << checksum_line(a.stored_checksum, a.computed_checksum);
  print_problems(os, a.value_problems);
  bool match = false;
  if (a.value_problems.empty()) {
    std::vector<FieldRange> ranges;
    std::vector<std::uint64_t> hashes;
    scan_fields(path, checkpoint_fields(), m.nx, m.ny, ranges, &hashes);
    print_ranges(os, checkpoint_fields(), ranges);
    print_storage(os, path, checkpoint_fields(), std::uint64_t(m.nx) * std::uint64_t(m.ny) * 8);
    const std::uint64_t d = combine_column_hashes(hashes);
    match = d == m.digest;
    os << "state digest  stored " << digest_hex(m.digest) << ", recomputed " << digest_hex(d)
       << (match ? ": match" : ": MISMATCH") << "\n";
  } else {
    os << "state digest  not checked: the attributes above are not valid\n";
  }
  InspectResult r;
  r.ok = match && a.complete && a.checksum_ok() && a.value_problems.empty();
  if (r.ok) {
    os << "result        OK\n";
  } else {
    os << "result        FAILED:" << (a.complete ? "" : " the file is incomplete;")
       << (a.checksum_ok() ? "" : " its metadata checksum does not match;")
       << (a.value_problems.empty() ? "" : " its attributes hold invalid values;")
       << (match || !a.value_problems.empty() ? ""
                                              : " the data does not match the stored state digest")
       << "\n";
  }
  r.text = os.str();
  return r;
}

InspectResult inspect_plot(const std::string& path) {
  const PlotAttributes a = examine_plot(path);
  const PlotMeta& m = a.meta;
  std::ostringstream os;
  print_identity(os, path, m, a.complete);
  os << "step          " << m.step << "\n"
     << "mesh          " << m.nx << " x " << m.ny << "\n"
     << checksum_line(a.stored_checksum, a.computed_checksum);
  print_problems(os, a.value_problems);
  if (a.value_problems.empty()) {
    std::vector<FieldRange> ranges;
    scan_fields(path, plot_fields(), m.nx, m.ny, ranges, nullptr);
    print_ranges(os, plot_fields(), ranges);
    print_storage(os, path, plot_fields(), std::uint64_t(m.nx) * std::uint64_t(m.ny) * 4);
  }
  const bool ok = a.complete && a.checksum_ok() && a.value_problems.empty();
  os << "state digest  (plot files hold float32 primitives; no digest)\n"
     << "result        "
     << (ok ? "OK"
            : std::string("FAILED:") + (a.complete ? "" : " the file is incomplete;") +
                  (a.checksum_ok() ? "" : " its metadata checksum does not match;") +
                  (a.value_problems.empty() ? "" : " its attributes hold invalid values;"))
     << "\n";
  return {os.str(), ok};
}

}  // namespace

InspectResult inspect_file(const std::string& path) {
  std::string format;
  {
    std::uint64_t bytes = 0;
    H5File f = open_untrusted(path, bytes);
    if (!has_attribute(f.get(), "format", path))
      throw Error(path + ": not a slabhydro file (no 'format' attribute)");
    format = read_string_attribute(f.get(), "format", path);
    f.close(path);
  }
  if (format == kPlotFormat) return inspect_plot(path);
  if (format == kCheckpointFormat) return inspect_checkpoint(path);
  throw Error(path + ": not a slabhydro file (format '" + format + "')");
}

}  // namespace slabhydro
