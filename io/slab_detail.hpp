#pragma once
// The pieces the slab I/O paths share (slab_field_io.cpp: parallel,
// slab_field_serial.cpp: the seed's gather to rank 0): types, the block's
// file and memory selections, packing, dataset creation and opening.
// Internal to io/.
#include <hdf5.h>
#include <mpi.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "common/mpi_check.hpp"
#include "io/slab_field_io.hpp"

namespace slabhydro {
namespace slab_detail {

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

// Throws Error unless the block is a valid part of its dataset.
void check_block(const SlabBlock& b);
inline std::size_t plane_width(const SlabBlock& b) { return std::size_t(b.nx_local) + 2 * b.ng; }
// The file dataspace [ny][nx] with this block's columns selected (or none).
H5Space file_space(const SlabBlock& b, const std::string& where);
// The memory dataspace of a guarded plane with its interior selected (or none).
H5Space memory_space(const SlabBlock& b, const std::string& where);
// On rank 0: every rank's block (its columns, no guard cells); elsewhere empty.
std::vector<SlabBlock> gather_blocks(const SlabFile& f, const SlabBlock& b);
H5Dataset create_dataset(SlabFile& f, const std::string& name, hid_t file_type,
                         const std::vector<hsize_t>& dims, const DatasetOptions& d);
// The dataset `name`, after checking that its shape is [b.ny][b.nx].
H5Dataset open_2d(SlabFile& f, const std::string& name, const SlabBlock& b);

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

// The seed's serial transfer (slab_field_serial.cpp), for T = double, float.
template <class T>
void write_serial(SlabFile& f, const std::string& name, const SlabBlock& b, const T* plane,
                  const DatasetOptions& d);
template <class T>
void read_serial(SlabFile& f, const std::string& name, const SlabBlock& b, T* plane);

}  // namespace slab_detail
}  // namespace slabhydro
