#include "checkpoint_io.hpp"

#include <chrono>

#include "checkpoint_format.hpp"
#include "collective.hpp"
#include "error.hpp"
#include "file_ops.hpp"
#include "h5_attributes.hpp"
#include "mpi_check.hpp"
#include "slab_view_io.hpp"

namespace slabhydro {
namespace {

std::vector<double> centres(double lo, double hi, long long n) {
  std::vector<double> c(static_cast<std::size_t>(n));
  const double d = (hi - lo) / double(n);
  for (long long i = 0; i < n; ++i) c[i] = lo + (double(i) + 0.5) * d;
  return c;
}

void check_field_shape(hid_t file, const std::string& name, long long ny, long long nx,
                       const std::string& what) {
  const std::string w = what + ":" + name;
  if (SLABHYDRO_H5_CHECK(H5Lexists(file, "/fields", H5P_DEFAULT), w) <= 0 ||
      SLABHYDRO_H5_CHECK(H5Lexists(file, name.c_str(), H5P_DEFAULT), w) <= 0)
    throw Error(w + ": dataset missing");
  const H5Dataset d{SLABHYDRO_H5_CHECK(H5Dopen2(file, name.c_str(), H5P_DEFAULT), w)};
  const H5Space s{SLABHYDRO_H5_CHECK(H5Dget_space(d.get()), w)};
  hsize_t dims[2] = {0, 0};
  const int rank = SLABHYDRO_H5_CHECK(H5Sget_simple_extent_ndims(s.get()), w);
  if (rank == 2) SLABHYDRO_H5_CHECK(H5Sget_simple_extent_dims(s.get(), dims, nullptr), w);
  if (rank != 2 || dims[0] != hsize_t(ny) || dims[1] != hsize_t(nx))
    throw Error(w + ": shape is not [ny][nx] = [" + std::to_string(ny) + "][" +
                std::to_string(nx) + "]");
}

}  // namespace

CheckpointWriter::CheckpointWriter(const Slab& slab, const DvceArray3D<double>& u)
    : slab_(slab), u_(u), host_(Kokkos::create_mirror_view(u)) {}

FileStats CheckpointWriter::write(MPI_Comm comm, const std::string& path, CheckpointMeta meta,
                                  const IoOptions& opt) {
  int size = 1;
  SLABHYDRO_MPI_CHECK(MPI_Comm_size(comm, &size));
  meta.format = kCheckpointFormat;
  meta.format_version = kCheckpointVersion;
  meta.nranks = size;
  meta.io_mode = to_string(opt.mode);
  meta.written_at = utc_now_iso8601();
  // Every rank must write the same attribute values: rank 0's clock decides.
  std::string& when = meta.written_at;
  long long n = static_cast<long long>(when.size());
  SLABHYDRO_MPI_CHECK(MPI_Bcast(&n, 1, MPI_LONG_LONG, 0, comm));
  when.resize(static_cast<std::size_t>(n));
  SLABHYDRO_MPI_CHECK(MPI_Bcast(&when[0], static_cast<int>(n), MPI_CHAR, 0, comm));

  Kokkos::deep_copy(host_, u_);  // nothing to do when host_ is u_
  return write_atomically(comm, path, opt, [&](SlabFile& f) {
    write_slab_vars(f, checkpoint_fields(), slab_, host_);
    const GlobalMesh& m = slab_.mesh;
    write_root_vector(f, kCoordinateX, centres(m.x1min, m.x1max, m.nx));
    write_root_vector(f, kCoordinateY, centres(m.x2min, m.x2max, m.ny));
    agree_on(f.comm(), [&] {
      if (f.holds_file()) write_checkpoint_attributes(f.id(), meta, f.path());
    });
    // Last: the completeness mark.
    agree_on(f.comm(), [&] {
      if (f.holds_file()) write_attribute(f.id(), kCompleteAttribute, 1LL, f.path());
    });
  });
}

CheckpointMeta read_checkpoint_meta(const std::string& path) {
  h5_quiet();
  if (!file_exists(path)) throw Error(path + ": no such file");
  const H5Plist fapl = file_access_plist(MPI_COMM_SELF, IoOptions{}, false);
  H5File f{SLABHYDRO_H5_CHECK(H5Fopen(path.c_str(), H5F_ACC_RDONLY, fapl.get()), path)};
  CheckpointMeta m = read_checkpoint_attributes(f.get(), path);
  if (m.nx < 1 || m.ny < 1) throw Error(path + ": nx and ny must be positive");
  for (const std::string& name : checkpoint_fields()) check_field_shape(f.get(), name, m.ny, m.nx, path);
  f.close(path);
  return m;
}

FileStats read_checkpoint_fields(MPI_Comm comm, const std::string& path, const Slab& slab,
                                 const DvceArray3D<double>& u, const IoOptions& opt) {
  using C = std::chrono::steady_clock;
  SLABHYDRO_MPI_CHECK(MPI_Barrier(comm));
  const auto t0 = C::now();
  auto host = Kokkos::create_mirror_view(u);
  {
    SlabFile f(comm, path, SlabFile::Access::read, opt);
    read_slab_vars(f, checkpoint_fields(), slab, host);
    f.close();
  }
  Kokkos::deep_copy(u, host);
  FileStats st;
  st.path = path;
  int rank = 0;
  SLABHYDRO_MPI_CHECK(MPI_Comm_rank(comm, &rank));
  unsigned long long bytes = 0;
  agree_on(comm, [&] {
    if (rank == 0) bytes = file_size(path);
  });
  SLABHYDRO_MPI_CHECK(MPI_Bcast(&bytes, 1, MPI_UNSIGNED_LONG_LONG, 0, comm));
  SLABHYDRO_MPI_CHECK(MPI_Barrier(comm));
  st.bytes = bytes;
  st.seconds = std::chrono::duration<double>(C::now() - t0).count();
  return st;
}

}  // namespace slabhydro
