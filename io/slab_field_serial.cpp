// The seed tutorial's serial transfer: every rank's interior to rank 0 in
// rank order (MPI_Send/Recv), which alone writes (or reads) each by hyperslab.
#include "common/collective.hpp"
#include "common/error.hpp"
#include "io/slab_detail.hpp"

namespace slabhydro {
namespace slab_detail {

// The seed's serial write: buffers to rank 0 in rank order, one hyperslab each.
template <class T>
void write_serial(SlabFile& f, const std::string& name, const SlabBlock& b, const T* plane,
                  const DatasetOptions& d) {
  const std::string where = f.where(name);
  std::vector<T> buf;
  pack(b, plane, buf);
  const std::vector<SlabBlock> blocks = gather_blocks(f, b);
  H5Dataset dset;
  agree_on(f.comm(), [&] {
    if (f.rank() == 0)
      dset = create_dataset(f, name, TypeOf<T>::file(), {hsize_t(b.ny), hsize_t(b.nx)}, d);
  });
  std::string error;  // rank 0 keeps receiving after a failure, so no sender waits forever
  if (f.rank() == 0) {
    for (int r = 0; r < f.size(); ++r) {
      const SlabBlock& br = blocks[r];
      if (br.nx_local == 0) continue;
      std::vector<T> recv;
      if (r > 0) {
        recv.resize(std::size_t(b.ny) * br.nx_local);
        const RowType row(br.nx_local, TypeOf<T>::mpi());
        SLABHYDRO_MPI_CHECK(
            MPI_Recv(recv.data(), b.ny, row.get(), r, kTag, f.comm(), MPI_STATUS_IGNORE));
      }
      capture_error(error, [&] {
        const H5Space fs = file_space(br, where), ms = memory_space(br, where);
        const H5Plist dxpl = transfer_plist(TransferMode::serial);
        SLABHYDRO_H5_CHECK(H5Dwrite(dset.get(), TypeOf<T>::memory(), ms.get(), fs.get(), dxpl.get(),
                                    r == 0 ? buf.data() : recv.data()),
                           where);
      });
    }
    capture_error(error, [&] { dset.close(where); });
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
  const std::vector<SlabBlock> blocks = gather_blocks(f, b);
  H5Dataset dset;
  agree_on(f.comm(), [&] {
    if (f.rank() == 0) dset = open_2d(f, name, b);
  });
  std::string error;  // rank 0 sends to every rank even after a failure
  std::vector<T> buf;
  if (f.rank() == 0) {
    for (int r = 0; r < f.size(); ++r) {
      const SlabBlock& br = blocks[r];
      if (br.nx_local == 0) continue;
      buf.assign(std::size_t(b.ny) * br.nx_local, T(0));
      capture_error(error, [&] {
        const H5Space fs = file_space(br, where), ms = memory_space(br, where);
        const H5Plist dxpl = transfer_plist(TransferMode::serial);
        SLABHYDRO_H5_CHECK(
            H5Dread(dset.get(), TypeOf<T>::memory(), ms.get(), fs.get(), dxpl.get(), buf.data()),
            where);
      });
      if (r == 0) {
        unpack(b, buf, plane);
      } else {
        const RowType row(br.nx_local, TypeOf<T>::mpi());
        SLABHYDRO_MPI_CHECK(MPI_Send(buf.data(), b.ny, row.get(), r, kTag, f.comm()));
      }
    }
    capture_error(error, [&] { dset.close(where); });
  } else if (b.nx_local > 0) {
    buf.resize(std::size_t(b.ny) * b.nx_local);
    const RowType row(b.nx_local, TypeOf<T>::mpi());
    SLABHYDRO_MPI_CHECK(
        MPI_Recv(buf.data(), b.ny, row.get(), 0, kTag, f.comm(), MPI_STATUS_IGNORE));
    unpack(b, buf, plane);
  }
  agree(f.comm(), error);
}

template void write_serial(SlabFile&, const std::string&, const SlabBlock&, const double*,
                           const DatasetOptions&);
template void write_serial(SlabFile&, const std::string&, const SlabBlock&, const float*,
                           const DatasetOptions&);
template void read_serial(SlabFile&, const std::string&, const SlabBlock&, double*);
template void read_serial(SlabFile&, const std::string&, const SlabBlock&, float*);

}  // namespace slab_detail
}  // namespace slabhydro
