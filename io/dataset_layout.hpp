#pragma once
// The layout of the field datasets (DatasetLayout in h5_props.hpp; deck keys
// io.chunk, io.deflate, io.szip): its text, the combinations refused, and the
// one place it is fitted to a dataset, giving the DatasetOptions of
// dataset_create_plist and a bound on the bytes the dataset can take.
//
//   chunk none      contiguous; no compression possible
//   chunk slab      one chunk per rank's block: [ny][widest slab's columns]
//                   (the default; bands of rows where a block reaches 4 GiB)
//   chunk RxC       R rows x C columns, each cut to the dataset's extents
//   deflate 1..9    gzip level; szip: pixels per block (2..32, even; NN coding)
//
// Parallel HDF5 1.10 writes filtered datasets only collectively, so filters
// with io.mode independent are refused; serial mode (rank 0, POSIX) may
// filter. A chunk holds less than 4 GiB (HDF5's limit).
#include <mpi.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "io/h5_props.hpp"

namespace slabhydro {

// "none", "slab" or "RxC".
std::string chunk_text(const DatasetLayout& l);
// Sets l.chunk, l.rows, l.cols from "none" | "slab" | "ROWSxCOLS"; returns
// "" or the problem.
std::string parse_chunk(const std::string& s, DatasetLayout& l);

// A refusal: the deck key at fault and why ({"", ""}: none).
struct LayoutProblem {
  std::string key, message;
  bool mode_too = false;  // io.mode is also at fault
  bool ok() const { return key.empty(); }
};
// What the keys cannot be together, or with this HDF5 (filters missing).
LayoutProblem layout_problem(const DatasetLayout& l, TransferMode mode);

// A [ny][nx] dataset of elem-byte values whose widest rank block has
// `widest` columns: its chunk shape (cut to the dataset) and filters, or the
// refusal (a chunk of 4 GiB or more, szip blocks wider than a chunk row).
LayoutProblem fit_problem(const DatasetLayout& l, std::uint64_t ny, std::uint64_t nx,
                          std::uint64_t widest, std::size_t elem);
// As fit_problem, but returns the options; throws Error("KEY: why") on a refusal.
DatasetOptions fit_layout(const DatasetLayout& l, std::uint64_t ny, std::uint64_t nx,
                          std::uint64_t widest, std::size_t elem);
// An upper bound of the bytes a [ny][nx] field written by the ranks of
// `comm` (slab_range's cut) takes in a file written with `opt` (for
// atomic_output.hpp file_size_bound): padded edge chunks, the worst expansion
// of a filter, the chunk index, alignment of every chunk. Not collective.
std::uint64_t dataset_bytes_bound(const IoOptions& opt, MPI_Comm comm, std::uint64_t ny,
                                  std::uint64_t nx, std::size_t elem);
// The same for a dataset whose options are already fitted (`d`).
std::uint64_t dataset_bytes_bound(const IoOptions& opt, const DatasetOptions& d, std::uint64_t ny,
                                  std::uint64_t nx, std::size_t elem);
// The widest block of `nx` columns cut over `nranks` ranks (slab_range's cut).
inline std::uint64_t widest_block(std::uint64_t nx, int nranks) {
  return nranks > 0 ? (nx + std::uint64_t(nranks) - 1) / std::uint64_t(nranks) : nx;
}

// Whether this HDF5 can compress with the filter (szip: its encoder, which
// builds with a decoder only lack).
bool deflate_encoder_available();
bool szip_encoder_available();

}  // namespace slabhydro
