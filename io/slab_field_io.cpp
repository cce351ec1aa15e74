#include "io/slab_field_io.hpp"

#include "common/collective.hpp"
#include "common/error.hpp"
#include "common/mpi_check.hpp"
#include "io/dataset_layout.hpp"
#include "io/slab_detail.hpp"

namespace slabhydro {
namespace {

using namespace slab_detail;

template <class T>
void write_parallel(SlabFile& f, const std::string& name, const SlabBlock& b, const T* plane,
                    const DatasetOptions& d) {
  const std::string where = f.where(name);
  H5Dataset dset;
  agree_on(f.comm(), [&] {
    dset = create_dataset(f, name, TypeOf<T>::file(), {hsize_t(b.ny), hsize_t(b.nx)}, d);
  });
  agree_on(f.comm(), [&] {
    const H5Space fs = file_space(b, where), ms = memory_space(b, where);
    const H5Plist dxpl = transfer_plist(f.mode());
    const T dummy{};  // HDF5 wants a buffer even for an empty selection
    SLABHYDRO_H5_CHECK(H5Dwrite(dset.get(), TypeOf<T>::memory(), ms.get(), fs.get(), dxpl.get(),
                                plane ? plane : &dummy),
                       where);
    dset.close(where);
  });
}

template <class T>
void read_parallel(SlabFile& f, const std::string& name, const SlabBlock& b, T* plane) {
  const std::string where = f.where(name);
  H5Dataset dset;
  agree_on(f.comm(), [&] { dset = open_2d(f, name, b); });
  agree_on(f.comm(), [&] {
    const H5Space fs = file_space(b, where), ms = memory_space(b, where);
    const H5Plist dxpl = transfer_plist(f.mode());
    T dummy{};
    SLABHYDRO_H5_CHECK(H5Dread(dset.get(), TypeOf<T>::memory(), ms.get(), fs.get(), dxpl.get(),
                               plane ? plane : &dummy),
                       where);
    dset.close(where);
  });
}

}  // namespace

template <class T>
void write_slab_field(SlabFile& f, const std::string& name, const SlabBlock& b, const T* plane,
                      const DatasetOptions& d) {
  agree_on(f.comm(), [&] { check_block(b); });
  if (f.mode() == TransferMode::serial)
    write_serial(f, name, b, plane, d);
  else
    write_parallel(f, name, b, plane, d);
}

template <class T>
void read_slab_field(SlabFile& f, const std::string& name, const SlabBlock& b, T* plane) {
  agree_on(f.comm(), [&] { check_block(b); });
  if (f.mode() == TransferMode::serial)
    read_serial(f, name, b, plane);
  else
    read_parallel(f, name, b, plane);
}

template void write_slab_field(SlabFile&, const std::string&, const SlabBlock&, const double*,
                               const DatasetOptions&);
template void write_slab_field(SlabFile&, const std::string&, const SlabBlock&, const float*,
                               const DatasetOptions&);
template void read_slab_field(SlabFile&, const std::string&, const SlabBlock&, double*);
template void read_slab_field(SlabFile&, const std::string&, const SlabBlock&, float*);

DatasetOptions field_options(SlabFile& f, const SlabBlock& b, std::size_t elem) {
  int widest = b.nx_local;
  SLABHYDRO_MPI_CHECK(MPI_Allreduce(MPI_IN_PLACE, &widest, 1, MPI_INT, MPI_MAX, f.comm()));
  DatasetOptions d;
  agree_on(f.comm(), [&] {
    try {
      d = fit_layout(f.options().layout, hsize_t(b.ny), hsize_t(b.nx), hsize_t(widest), elem);
    } catch (const Error& e) {
      throw Error(f.path() + ": " + e.what());
    }
  });
  return d;
}

void write_root_vector(SlabFile& f, const std::string& name, const std::vector<double>& v) {
  const std::string where = f.where(name);
  const bool parallel = f.mode() != TransferMode::serial;
  // Rank 0's length, so every rank creates the same dataset.
  long long n = static_cast<long long>(v.size());
  SLABHYDRO_MPI_CHECK(MPI_Bcast(&n, 1, MPI_LONG_LONG, 0, f.comm()));
  H5Dataset dset;
  agree_on(f.comm(), [&] {
    if (parallel || f.rank() == 0) dset = create_dataset(f, name, H5T_IEEE_F64LE, {hsize_t(n)}, {});
  });
  agree_on(f.comm(), [&] {
    if (!parallel && f.rank() != 0) return;
    const hsize_t dims[1] = {hsize_t(n)};
    const H5Space fs{SLABHYDRO_H5_CHECK(H5Screate_simple(1, dims, nullptr), where)};
    const H5Space ms{SLABHYDRO_H5_CHECK(H5Screate_simple(1, dims, nullptr), where)};
    if (f.rank() != 0) {
      SLABHYDRO_H5_CHECK(H5Sselect_none(fs.get()), where);
      SLABHYDRO_H5_CHECK(H5Sselect_none(ms.get()), where);
    }
    const H5Plist dxpl = transfer_plist(f.mode());
    const double dummy = 0.0;
    SLABHYDRO_H5_CHECK(H5Dwrite(dset.get(), H5T_NATIVE_DOUBLE, ms.get(), fs.get(), dxpl.get(),
                                f.rank() == 0 ? v.data() : &dummy),
                       where);
    dset.close(where);
  });
}

}  // namespace slabhydro
