#include "io/dataset_layout.hpp"

#include <algorithm>
#include <array>
#include <regex>

#include "common/error.hpp"
#include "common/mpi_check.hpp"
#include "io/h5_check.hpp"

namespace slabhydro {

std::string chunk_text(const DatasetLayout& l) {
  switch (l.chunk) {
    case ChunkKind::none: return "none";
    case ChunkKind::slab: return "slab";
    case ChunkKind::shape: return std::to_string(l.rows) + "x" + std::to_string(l.cols);
  }
  return "?";
}

std::string parse_chunk(const std::string& s, DatasetLayout& l) {
  l.chunk = ChunkKind::none;
  l.rows = l.cols = 0;
  if (s == "none" || s == "contiguous") return "";
  if (s == "slab") {
    l.chunk = ChunkKind::slab;
    return "";
  }
  static const std::regex shape("^([0-9]{1,9})x([0-9]{1,9})$");
  std::smatch m;
  if (!std::regex_match(s, m, shape))
    return "must be none (contiguous), slab (one chunk per rank's block) or ROWSxCOLUMNS such "
           "as 64x128, got '" +
           s + "'";
  l.chunk = ChunkKind::shape;
  l.rows = std::stoull(m[1]);
  l.cols = std::stoull(m[2]);
  if (l.rows < 1 || l.cols < 1) return "chunk extents must be at least 1, got '" + s + "'";
  // The float64 checkpoint chunk is the largest the run writes.
  if (l.rows * l.cols * 8 >= (1ULL << 32))
    return "a chunk of " + s + " float64 values is 4 GiB or more, HDF5's chunk limit";
  return "";
}

LayoutProblem layout_problem(const DatasetLayout& l, TransferMode mode) {
  if (!l.filtered()) return {};
  const std::string key = l.deflate > 0 ? "io.deflate" : "io.szip";
  const std::string both = l.deflate > 0 && l.szip > 0 ? "io.deflate and io.szip" : key;
  if (l.chunk == ChunkKind::none)
    return {key,
            "compression needs a chunked layout: HDF5 compresses chunk by chunk, and "
            "io.chunk is none; set io.chunk to slab or ROWSxCOLUMNS, or " +
                both + " to 0"};
  if (mode == TransferMode::independent)
    return {key,
            "parallel HDF5 writes compressed datasets only collectively, and io.mode is "
            "independent: use io.mode collective or serial, or set " +
                both + " to 0",
            true};
  if (l.szip > 0 && l.deflate > 0)
    return {"io.szip",
            "io.deflate and io.szip are alternatives (szip cannot code deflate's "
            "bytes; HDF5 fails to read such chunks back): set one of them to 0"};
  if (l.szip > 0 && mode == TransferMode::collective)
    return {"io.szip",
            "parallel HDF5 (1.10.8 tested) loses the mark of a chunk szip could not compress "
            "and leaves a file that cannot be read back: use io.szip with io.mode serial, or "
            "io.deflate",
            true};
  if (l.deflate > 0 && !deflate_encoder_available())
    return {"io.deflate", "this HDF5 library was built without the deflate (zlib) filter"};
  if (l.szip > 0 && !szip_encoder_available())
    return {"io.szip",
            "this HDF5 library has no szip encoder (built without libaec/szip, or "
            "with a decoder only): use io.deflate"};
  return {};
}

namespace {

// The chunk extents {rows, cols} of a chunked layout, cut to the dataset.
// slab: the widest block's columns and all rows, or, where that reaches
// HDF5's 4 GiB chunk limit (a huge slab on few ranks), the most rows below
// it: bands of the block, so that the default layout never refuses a mesh.
std::array<std::uint64_t, 2> chunk_extents(const DatasetLayout& l, std::uint64_t ny,
                                           std::uint64_t nx, std::uint64_t widest,
                                           std::size_t elem) {
  if (l.chunk == ChunkKind::shape)
    return {std::min<std::uint64_t>(ny, l.rows), std::min<std::uint64_t>(nx, l.cols)};
  const std::uint64_t cols = std::min(std::max<std::uint64_t>(widest, 1), nx);
  const std::uint64_t fit = ((1ULL << 32) - 1) / (cols * elem);
  return {std::max<std::uint64_t>(1, std::min(ny, fit)), cols};
}

}  // namespace

LayoutProblem fit_problem(const DatasetLayout& l, std::uint64_t ny, std::uint64_t nx,
                          std::uint64_t widest, std::size_t elem) {
  if (l.chunk == ChunkKind::none) return {};
  const auto [rows, cols] = chunk_extents(l, ny, nx, widest, elem);
  const std::string shape = std::to_string(rows) + "x" + std::to_string(cols);
  const std::string of = " of the [" + std::to_string(ny) + "][" + std::to_string(nx) + "] " +
                         (elem == 8 ? "float64" : "float32") + " datasets";
  if (rows * cols * elem >= (1ULL << 32))
    return {"io.chunk", "the chunks " + shape + of +
                            " are 4 GiB or more, HDF5's chunk limit: use a ROWSxCOLUMNS shape "
                            "or more ranks"};
  if (l.szip > 0 && cols < std::uint64_t(l.szip))
    return {"io.szip", "szip codes blocks of " + std::to_string(l.szip) +
                           " values along a chunk row, but the chunks" + of + " are " + shape +
                           ": use a smaller io.szip or wider chunks"};
  return {};
}

DatasetOptions fit_layout(const DatasetLayout& l, std::uint64_t ny, std::uint64_t nx,
                          std::uint64_t widest, std::size_t elem) {
  const LayoutProblem p = fit_problem(l, ny, nx, widest, elem);
  if (!p.ok()) throw Error(p.key + ": " + p.message);
  DatasetOptions d;
  if (l.chunk == ChunkKind::none) return d;
  const auto e = chunk_extents(l, ny, nx, widest, elem);
  d.chunk = {e[0], e[1]};
  d.deflate = l.deflate;
  d.szip = l.szip;
  return d;
}

std::uint64_t dataset_bytes_bound(const IoOptions& opt, MPI_Comm comm, std::uint64_t ny,
                                  std::uint64_t nx, std::size_t elem) {
  int nranks = 1;
  SLABHYDRO_MPI_CHECK(MPI_Comm_size(comm, &nranks));
  return dataset_bytes_bound(opt, fit_layout(opt.layout, ny, nx, widest_block(nx, nranks), elem),
                             ny, nx, elem);
}

std::uint64_t dataset_bytes_bound(const IoOptions& opt, const DatasetOptions& d, std::uint64_t ny,
                                  std::uint64_t nx, std::size_t elem) {
  if (d.chunk.size() != 2) return ny * nx * elem;
  const std::uint64_t chunks =
      ((ny + d.chunk[0] - 1) / d.chunk[0]) * ((nx + d.chunk[1] - 1) / d.chunk[1]);
  std::uint64_t per_chunk = d.chunk[0] * d.chunk[1] * elem;  // edge chunks are whole
  // Compression can expand: zlib's compressBound is n + n/4096 + n/16384 +
  // 13, szip's worst block adds bits; HDF5 stores a chunk raw when a filter
  // fails. 1/256 + 64 bytes covers both.
  if (d.deflate > 0 || d.szip > 0) per_chunk += per_chunk / 256 + 64;
  // Every chunk this large may start at the next multiple of the alignment.
  if (opt.alignment > 1 && per_chunk >= opt.alignment_threshold) per_chunk += opt.alignment;
  // The chunk index (a fixed array: address, size, filter mask per chunk),
  // itself possibly aligned.
  const std::uint64_t index = chunks * 32 + 4096 + (opt.alignment > 1 ? opt.alignment : 0);
  return chunks * per_chunk + index;
}

bool deflate_encoder_available() {
  unsigned config = 0;
  if (H5Zfilter_avail(H5Z_FILTER_DEFLATE) <= 0) return false;
  SLABHYDRO_H5_CHECK(H5Zget_filter_info(H5Z_FILTER_DEFLATE, &config), "the deflate filter");
  return (config & H5Z_FILTER_CONFIG_ENCODE_ENABLED) != 0;
}

bool szip_encoder_available() {
  unsigned config = 0;
  if (H5Zfilter_avail(H5Z_FILTER_SZIP) <= 0) return false;
  SLABHYDRO_H5_CHECK(H5Zget_filter_info(H5Z_FILTER_SZIP, &config), "the szip filter");
  return (config & H5Z_FILTER_CONFIG_ENCODE_ENABLED) != 0;
}

}  // namespace slabhydro
