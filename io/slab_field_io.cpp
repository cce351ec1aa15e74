#include "io/slab_field_io.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>

#include "common/collective.hpp"
#include "common/error.hpp"
#include "common/mpi_check.hpp"

namespace slabhydro {
namespace {

template <class T>
struct TypeOf;
template <>
struct TypeOf<double> {
  static hid_t memory() { return H5T_NATIVE_DOUBLE; }
  static hid_t file() { return H5T_IEEE_F64LE; }
  static MPI_Datatype mpi() { return MPI_DOUBLE; }
};
template <>
struct TypeOf<float> {
  static hid_t memory() { return H5T_NATIVE_FLOAT; }
  static hid_t file() { return H5T_IEEE_F32LE; }
  static MPI_Datatype mpi() { return MPI_FLOAT; }
};

// A committed MPI type of one row of a block (nx_local values): messages
// count rows, so no message count overflows an int.
class RowType {
 public:
  RowType(int nx_local, MPI_Datatype base) {
    SLABHYDRO_MPI_CHECK(MPI_Type_contiguous(std::max(nx_local, 1), base, &t_));
    SLABHYDRO_MPI_CHECK(MPI_Type_commit(&t_));
  }
  ~RowType() { MPI_Type_free(&t_); }
  RowType(const RowType&) = delete;
  RowType& operator=(const RowType&) = delete;
  MPI_Datatype get() const { return t_; }

 private:
  MPI_Datatype t_ = MPI_DATATYPE_NULL;
};

constexpr int kTag = 4242;

void check_block(const SlabBlock& b) {
  if (b.nx <= 0 || b.ny <= 0 || b.ng < 0 || b.nx_local < 0 || b.x_offset < 0 ||
      b.x_offset + b.nx_local > b.nx)
    throw Error("slab I/O: block columns [" + std::to_string(b.x_offset) + ", " +
                std::to_string(b.x_offset + b.nx_local) + ") of a " + std::to_string(b.ny) +
                " x " + std::to_string(b.nx) + " dataset with " + std::to_string(b.ng) +
                " guard cells is not valid");
}

std::size_t plane_width(const SlabBlock& b) { return std::size_t(b.nx_local) + 2 * b.ng; }

// The file dataspace [ny][nx] with this block's columns selected (or none).
H5Space file_space(const SlabBlock& b, const std::string& where) {
  const hsize_t dims[2] = {hsize_t(b.ny), hsize_t(b.nx)};
  H5Space s{SLABHYDRO_H5_CHECK(H5Screate_simple(2, dims, nullptr), where)};
  if (b.nx_local == 0) {
    SLABHYDRO_H5_CHECK(H5Sselect_none(s.get()), where);
  } else {
    const hsize_t start[2] = {0, hsize_t(b.x_offset)}, count[2] = {hsize_t(b.ny),
                                                                   hsize_t(b.nx_local)};
    SLABHYDRO_H5_CHECK(H5Sselect_hyperslab(s.get(), H5S_SELECT_SET, start, nullptr, count, nullptr),
                       where);
  }
  return s;
}

// The memory dataspace of a guarded plane with its interior selected (or none).
H5Space memory_space(const SlabBlock& b, const std::string& where) {
  const hsize_t dims[2] = {hsize_t(b.ny) + 2 * b.ng, std::max<hsize_t>(plane_width(b), 1)};
  H5Space s{SLABHYDRO_H5_CHECK(H5Screate_simple(2, dims, nullptr), where)};
  if (b.nx_local == 0) {
    SLABHYDRO_H5_CHECK(H5Sselect_none(s.get()), where);
  } else {
    const hsize_t start[2] = {hsize_t(b.ng), hsize_t(b.ng)},
                  count[2] = {hsize_t(b.ny), hsize_t(b.nx_local)};
    SLABHYDRO_H5_CHECK(H5Sselect_hyperslab(s.get(), H5S_SELECT_SET, start, nullptr, count, nullptr),
                       where);
  }
  return s;
}

// Copies between the interior of a guarded plane and a dense ny x nx_local buffer.
template <class T>
void pack(const SlabBlock& b, const T* plane, std::vector<T>& buf) {
  buf.resize(std::size_t(b.ny) * b.nx_local);
  const std::size_t w = plane_width(b);
  for (int j = 0; j < b.ny; ++j)
    std::copy_n(plane + (std::size_t(j) + b.ng) * w + b.ng, b.nx_local,
                buf.data() + std::size_t(j) * b.nx_local);
}
template <class T>
void unpack(const SlabBlock& b, const std::vector<T>& buf, T* plane) {
  const std::size_t w = plane_width(b);
  for (int j = 0; j < b.ny; ++j)
    std::copy_n(buf.data() + std::size_t(j) * b.nx_local, b.nx_local,
                plane + (std::size_t(j) + b.ng) * w + b.ng);
}

// Every rank's (x_offset, nx_local), on rank 0.
std::vector<int> gather_blocks(const SlabFile& f, const SlabBlock& b) {
  const int mine[2] = {b.x_offset, b.nx_local};
  std::vector<int> all(f.rank() == 0 ? 2 * std::size_t(f.size()) : 0);
  SLABHYDRO_MPI_CHECK(MPI_Gather(mine, 2, MPI_INT, all.data(), 2, MPI_INT, 0, f.comm()));
  return all;
}

H5Dataset create_dataset(SlabFile& f, const std::string& name, hid_t file_type,
                         const std::vector<hsize_t>& dims, const DatasetOptions& d) {
  const std::string where = f.where(name);
  H5Space space{SLABHYDRO_H5_CHECK(
      H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), where)};
  const H5Plist lcpl = link_create_plist();
  const H5Plist dcpl = dataset_create_plist(d, static_cast<int>(dims.size()));
  return H5Dataset{SLABHYDRO_H5_CHECK(H5Dcreate2(f.id(), name.c_str(), file_type, space.get(),
                                                 lcpl.get(), dcpl.get(), H5P_DEFAULT),
                                      where)};
}

H5Dataset open_2d(SlabFile& f, const std::string& name, const SlabBlock& b) {
  const std::string where = f.where(name);
  H5Dataset d{SLABHYDRO_H5_CHECK(H5Dopen2(f.id(), name.c_str(), H5P_DEFAULT), where)};
  const H5Space s{SLABHYDRO_H5_CHECK(H5Dget_space(d.get()), where)};
  const int rank = SLABHYDRO_H5_CHECK(H5Sget_simple_extent_ndims(s.get()), where);
  hsize_t dims[2] = {0, 0};
  if (rank == 2) SLABHYDRO_H5_CHECK(H5Sget_simple_extent_dims(s.get(), dims, nullptr), where);
  if (rank != 2 || dims[0] != hsize_t(b.ny) || dims[1] != hsize_t(b.nx))
    throw Error(where + ": expected shape [" + std::to_string(b.ny) + "][" +
                std::to_string(b.nx) + "], found " +
                (rank == 2 ? "[" + std::to_string(dims[0]) + "][" + std::to_string(dims[1]) + "]"
                           : "a dataset of rank " + std::to_string(rank)));
  return d;
}

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

// The seed's serial write: buffers to rank 0 in rank order, one hyperslab each.
template <class T>
void write_serial(SlabFile& f, const std::string& name, const SlabBlock& b, const T* plane,
                  const DatasetOptions& d) {
  const std::string where = f.where(name);
  std::vector<T> buf;
  pack(b, plane, buf);
  const std::vector<int> blocks = gather_blocks(f, b);
  H5Dataset dset;
  agree_on(f.comm(), [&] {
    if (f.rank() == 0)
      dset = create_dataset(f, name, TypeOf<T>::file(), {hsize_t(b.ny), hsize_t(b.nx)}, d);
  });
  std::string error;  // rank 0 keeps receiving after a failure, so no sender waits forever
  if (f.rank() == 0) {
    for (int r = 0; r < f.size(); ++r) {
      SlabBlock br = b;
      br.x_offset = blocks[2 * r];
      br.nx_local = blocks[2 * r + 1];
      br.ng = 0;
      if (br.nx_local == 0) continue;
      std::vector<T> recv;
      if (r > 0) {
        recv.resize(std::size_t(b.ny) * br.nx_local);
        const RowType row(br.nx_local, TypeOf<T>::mpi());
        SLABHYDRO_MPI_CHECK(
            MPI_Recv(recv.data(), b.ny, row.get(), r, kTag, f.comm(), MPI_STATUS_IGNORE));
      }
      if (!error.empty()) continue;
      try {
        const H5Space fs = file_space(br, where), ms = memory_space(br, where);
        const H5Plist dxpl = transfer_plist(TransferMode::serial);
        SLABHYDRO_H5_CHECK(H5Dwrite(dset.get(), TypeOf<T>::memory(), ms.get(), fs.get(),
                                    dxpl.get(), r == 0 ? buf.data() : recv.data()),
                           where);
      } catch (const std::exception& e) {
        error = e.what();
      }
    }
    if (error.empty()) {
      try {
        dset.close(where);
      } catch (const std::exception& e) {
        error = e.what();
      }
    }
  } else if (b.nx_local > 0) {
    const RowType row(b.nx_local, TypeOf<T>::mpi());
    SLABHYDRO_MPI_CHECK(MPI_Send(buf.data(), b.ny, row.get(), 0, kTag, f.comm()));
  }
  agree(f.comm(), error);
}

// The reverse: rank 0 reads each rank's columns and sends them in rank order.
template <class T>
void read_serial(SlabFile& f, const std::string& name, const SlabBlock& b, T* plane) {
  const std::string where = f.where(name);
  const std::vector<int> blocks = gather_blocks(f, b);
  H5Dataset dset;
  agree_on(f.comm(), [&] {
    if (f.rank() == 0) dset = open_2d(f, name, b);
  });
  std::string error;  // rank 0 sends to every rank even after a failure
  std::vector<T> buf;
  if (f.rank() == 0) {
    for (int r = 0; r < f.size(); ++r) {
      SlabBlock br = b;
      br.x_offset = blocks[2 * r];
      br.nx_local = blocks[2 * r + 1];
      br.ng = 0;
      if (br.nx_local == 0) continue;
      buf.assign(std::size_t(b.ny) * br.nx_local, T(0));
      if (error.empty()) {
        try {
          const H5Space fs = file_space(br, where), ms = memory_space(br, where);
          const H5Plist dxpl = transfer_plist(TransferMode::serial);
          SLABHYDRO_H5_CHECK(H5Dread(dset.get(), TypeOf<T>::memory(), ms.get(), fs.get(),
                                     dxpl.get(), buf.data()),
                             where);
        } catch (const std::exception& e) {
          error = e.what();
        }
      }
      if (r == 0) {
        unpack(b, buf, plane);
      } else {
        const RowType row(br.nx_local, TypeOf<T>::mpi());
        SLABHYDRO_MPI_CHECK(MPI_Send(buf.data(), b.ny, row.get(), r, kTag, f.comm()));
      }
    }
    if (error.empty()) {
      try {
        dset.close(where);
      } catch (const std::exception& e) {
        error = e.what();
      }
    }
  } else if (b.nx_local > 0) {
    buf.resize(std::size_t(b.ny) * b.nx_local);
    const RowType row(b.nx_local, TypeOf<T>::mpi());
    SLABHYDRO_MPI_CHECK(MPI_Recv(buf.data(), b.ny, row.get(), 0, kTag, f.comm(), MPI_STATUS_IGNORE));
    unpack(b, buf, plane);
  }
  agree(f.comm(), error);
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

void write_root_vector(SlabFile& f, const std::string& name, const std::vector<double>& v) {
  const std::string where = f.where(name);
  const bool parallel = f.mode() != TransferMode::serial;
  // Rank 0's length, so every rank creates the same dataset.
  long long n = static_cast<long long>(v.size());
  SLABHYDRO_MPI_CHECK(MPI_Bcast(&n, 1, MPI_LONG_LONG, 0, f.comm()));
  H5Dataset dset;
  agree_on(f.comm(), [&] {
    if (parallel || f.rank() == 0)
      dset = create_dataset(f, name, H5T_IEEE_F64LE, {hsize_t(n)}, {});
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
