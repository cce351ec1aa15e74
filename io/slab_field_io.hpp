#pragma once
// Fields of a slab-decomposed 2D mesh as HDF5 datasets of shape [ny][nx]
// (C order, x fastest), in any transfer mode of the SlabFile.
//
// A rank holds columns [x_offset, x_offset + nx_local) of all ny rows, in
// memory as one plane of a LayoutRight array (ny + 2 ng) x (nx_local + 2 ng)
// with ng guard cells on every side (ng = 0: a plain interior block). In the
// collective and independent modes each rank's interior goes straight from
// that plane to the file: a memory hyperslab that skips the guard cells and a
// file hyperslab at [0][x_offset], no copy. A rank with nx_local = 0 selects
// nothing and still joins the collective calls. In serial mode every rank
// copies its interior to a buffer and rank 0 receives them in rank order
// (MPI_Send/Recv) and writes each by hyperslab; reading is the reverse.
// The blocks of the ranks need not follow any particular cut, but together
// they must tile the columns [0, nx) for a write.
//
// All functions are collective over the file's communicator and end in an
// agreement: an error on any rank throws the same collective Error on all.
#include <cstddef>
#include <string>
#include <vector>

#include "io/slab_file.hpp"

namespace slabhydro {

struct SlabBlock {
  int nx = 0, ny = 0;              // the global dataset is [ny][nx]
  int x_offset = 0, nx_local = 0;  // this rank's columns
  int ng = 0;                      // guard cells around the block in memory
};

// T = double or float; the file type is the IEEE little-endian type of T.
// `plane` points at element (0, 0) of the guarded plane (host memory).
template <class T>
void write_slab_field(SlabFile& f, const std::string& name, const SlabBlock& b, const T* plane,
                      const DatasetOptions& d = {});

// Reads this rank's columns of dataset `name` into the interior of `plane`
// (guard cells untouched). The dataset must be [b.ny][b.nx]; a wrong shape
// throws naming the dataset and both shapes. Any stored float type converts.
template <class T>
void read_slab_field(SlabFile& f, const std::string& name, const SlabBlock& b, T* plane);

// The DatasetOptions of a [b.ny][b.nx] field of elem-byte values in the
// layout of f.options() (dataset_layout.hpp fit_layout; "slab": the widest
// block of the ranks). Collective; a refusal throws on every rank.
DatasetOptions field_options(SlabFile& f, const SlabBlock& b, std::size_t elem);

// A 1D float64 dataset whose values rank 0 holds (e.g. coordinates).
void write_root_vector(SlabFile& f, const std::string& name, const std::vector<double>& v);

}  // namespace slabhydro
