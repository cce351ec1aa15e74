#include "bench/bench_verify.hpp"

#include <cstring>
#include <sstream>
#include <vector>

#include "bench/bench_data.hpp"
#include "common/collective.hpp"
#include "common/error.hpp"
#include "common/mpi_check.hpp"
#include "io/h5_attributes.hpp"
#include "io/h5_handle.hpp"
#include "io/h5_objects.hpp"
#include "io/h5_props.hpp"
#include "io/slab_field_io.hpp"
#include "io/slab_file.hpp"

namespace slabhydro {
namespace {

struct Layout {
  std::vector<std::string> names;
  hid_t file_type;
  const char* type_name;
  long long ny, nx;
};

Layout layout_of(BenchFileKind kind, const GlobalMesh& m) {
  switch (kind) {
    case BenchFileKind::checkpoint:
      return {bench_unknown_names(), H5T_IEEE_F64LE, "float64", m.ny, m.nx};
    case BenchFileKind::plot: return {bench_plot_names(), H5T_IEEE_F32LE, "float32", m.ny, m.nx};
    case BenchFileKind::plot_corners:
      return {bench_plot_names(), H5T_IEEE_F32LE, "float32", m.ny + 1LL, m.nx + 1LL};
  }
  throw Error("bench: unknown file kind");
}

// Rank 0 alone (POSIX driver): the kind attribute, the set of datasets, their
// shapes and types.
void check_layout(const std::string& path, BenchFileKind kind, const Layout& l) {
  std::uint64_t bytes = 0;
  H5File f = open_untrusted(path, bytes);
  const std::string k = read_string_attribute(f.get(), "kind", path);
  if (k != to_string(kind))
    throw Error(path + ": attribute kind is '" + k + "', expected '" + to_string(kind) + "'");
  const std::string wg = path + ":/fields";
  H5Group g = open_hard_group(f.get(), "/fields", path);
  H5G_info_t info;
  SLABHYDRO_H5_CHECK(H5Gget_info(g.get(), &info), wg);
  if (info.nlinks != l.names.size())
    throw Error(wg + ": holds " + std::to_string(info.nlinks) + " objects, expected " +
                std::to_string(l.names.size()));
  const std::size_t size = H5Tget_size(l.file_type);
  for (const std::string& n : l.names) {
    const H5Dataset d = open_hard_dataset(f.get(), "/fields/" + n, path);
    const std::string w = path + ":/fields/" + n;
    check_dataset(d.get(), {H5T_FLOAT, size, l.ny, l.nx}, w, bytes);
    const H5Type t{SLABHYDRO_H5_CHECK(H5Dget_type(d.get()), w)};
    if (SLABHYDRO_H5_CHECK(H5Tequal(t.get(), l.file_type), w) <= 0)
      throw Error(w + ": type is not " + l.type_name + " little-endian");
  }
  g.close(wg);
  f.close(path);
}

template <class T>
long long check_values(SlabFile& f, BenchFileKind kind, const Slab& s, const Layout& l) {
  const GlobalMesh& m = s.mesh;
  const bool corners = kind == BenchFileKind::plot_corners;
  const int ncols = corners ? corner_columns(s) : s.nx_local;
  const SlabBlock b{int(l.nx), int(l.ny), s.x_offset, ncols, 0};
  std::vector<T> plane(std::size_t(l.ny) * ncols);
  long long wrong = 0, checked = 0;
  std::string first;
  for (std::size_t k = 0; k < l.names.size(); ++k) {
    const int v = kind == BenchFileKind::checkpoint ? int(k) : kBenchPlotIndex[k];
    read_slab_field(f, "/fields/" + l.names[k], b, plane.data());
    for (long long j = 0; j < l.ny; ++j)
      for (int i = 0; i < ncols; ++i) {
        const long long ig = s.x_offset + i;
        const double want64 =
            corners ? bench_corner_expected(v, ig, j, m.nx, m.ny) : bench_pattern(v, ig, j, m.nx);
        const T want = static_cast<T>(want64);
        const T got = plane[std::size_t(j) * ncols + i];
        ++checked;
        if (std::memcmp(&got, &want, sizeof(T)) != 0) {
          if (wrong++ == 0) {
            std::ostringstream os;
            os.precision(17);
            os << "/fields/" << l.names[k] << " at (i, j) = (" << ig << ", " << j << "): got "
               << got << ", expected " << want;
            first = os.str();
          }
        }
      }
  }
  long long totals[2] = {wrong, checked}, sums[2] = {0, 0};
  SLABHYDRO_MPI_CHECK(MPI_Allreduce(totals, sums, 2, MPI_LONG_LONG, MPI_SUM, f.comm()));
  agree(f.comm(), wrong > 0 ? f.path() + ": verification failed: " + std::to_string(sums[0]) +
                                  " of " + std::to_string(sums[1]) + " values wrong; first " + first
                            : std::string());
  return sums[1];
}

}  // namespace

long long bench_verify_file(MPI_Comm comm, const std::string& path, BenchFileKind kind,
                            const Slab& slab, const IoOptions& io) {
  const Layout l = layout_of(kind, slab.mesh);
  int rank = 0;
  SLABHYDRO_MPI_CHECK(MPI_Comm_rank(comm, &rank));
  agree_on(comm, [&] {
    if (rank == 0) check_layout(path, kind, l);
  });
  SlabFile f(comm, path, SlabFile::Access::read, io);
  const long long n = kind == BenchFileKind::checkpoint ? check_values<double>(f, kind, slab, l)
                                                        : check_values<float>(f, kind, slab, l);
  f.close();
  return n;
}

long long bench_verify_unknowns(MPI_Comm comm, const Slab& s, const HostArray3D<double>& u) {
  long long wrong = 0, checked = 0;
  std::string first;
  for (int v = 0; v < kBenchUnknowns; ++v)
    for (int j = 0; j < s.mesh.ny; ++j)
      for (int i = 0; i < s.nx_local; ++i) {
        const double want = bench_pattern(v, s.x_offset + i, j, s.mesh.nx);
        const double got = u(v, j + s.js(), i + s.is());
        ++checked;
        if (std::memcmp(&got, &want, sizeof got) != 0 && wrong++ == 0)
          first = bench_unknown_names()[v] + " at (i, j) = (" + std::to_string(s.x_offset + i) +
                  ", " + std::to_string(j) + ")";
      }
  long long in[2] = {wrong, checked}, sum[2] = {0, 0};
  SLABHYDRO_MPI_CHECK(MPI_Allreduce(in, sum, 2, MPI_LONG_LONG, MPI_SUM, comm));
  agree(comm, wrong ? "checkpoint read back: " + std::to_string(sum[0]) + " of " +
                          std::to_string(sum[1]) + " values wrong; first " + first
                    : std::string());
  return sum[1];
}

}  // namespace slabhydro
