// The dataset layout of io.chunk / io.deflate / io.szip (io/dataset_layout.hpp):
// parsing, the refused combinations, fitting to a dataset, the size bound
// (against real chunked, compressed writes on 1 and 3 ranks), and the
// dataset creation property list it gives.
#include <hdf5.h>
#include <mpi.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "io/atomic_output.hpp"
#include "io/dataset_layout.hpp"
#include "io/slab_field_io.hpp"

using namespace slabhydro;

namespace {
DatasetLayout layout(const std::string& chunk, int deflate = 0, int szip = 0) {
  DatasetLayout l;
  REQUIRE(parse_chunk(chunk, l).empty());
  l.deflate = deflate;
  l.szip = szip;
  return l;
}
bool has(const std::string& s, const std::string& part) { return s.find(part) != s.npos; }
}  // namespace

TEST_CASE("io.chunk text: none, slab, ROWSxCOLS", "[io]") {
  CHECK(chunk_text(DatasetLayout{}) == "slab");  // the default (kDefaultChunk)
  CHECK(chunk_text(layout("slab")) == "slab");
  const DatasetLayout s = layout("5x7");
  CHECK(s.chunk == ChunkKind::shape);
  CHECK(s.rows == 5);
  CHECK(s.cols == 7);
  CHECK(chunk_text(s) == "5x7");
  DatasetLayout l;
  CHECK(has(parse_chunk("5by7", l), "ROWSxCOLUMNS"));
  CHECK(has(parse_chunk("0x7", l), "at least 1"));
  CHECK(has(parse_chunk("100000x100000", l), "4 GiB"));
}

TEST_CASE("refused combinations name the key", "[io]") {
  CHECK(layout_problem(layout("none"), TransferMode::independent).ok());
  CHECK(layout_problem(layout("slab", 6), TransferMode::collective).ok());
  CHECK(layout_problem(layout("5x7", 1), TransferMode::serial).ok());
  LayoutProblem p = layout_problem(layout("none", 1), TransferMode::serial);
  CHECK(p.key == "io.deflate");
  CHECK(has(p.message, "compression needs a chunked layout"));
  p = layout_problem(layout("slab", 1), TransferMode::independent);
  CHECK(p.key == "io.deflate");
  CHECK(p.mode_too);
  CHECK(has(p.message, "only collectively"));
  p = layout_problem(layout("slab", 0, 8), TransferMode::collective);
  CHECK(p.key == "io.szip");
  CHECK(p.mode_too);
  CHECK(layout_problem(layout("slab", 1, 8), TransferMode::serial).key == "io.szip");
  CHECK(layout_problem(layout("slab", 0, 8), TransferMode::serial).ok() ==
        szip_encoder_available());
}

TEST_CASE("fit_layout: one chunk per block, shapes cut to the dataset", "[io]") {
  CHECK(fit_layout(layout("none", 0), 16, 25, 9, 8).chunk.empty());
  const DatasetOptions slab = fit_layout(layout("slab", 6), 16, 25, 9, 8);
  REQUIRE(slab.chunk.size() == 2);
  CHECK(slab.chunk[0] == 16);
  CHECK(slab.chunk[1] == 9);
  CHECK(slab.deflate == 6);
  const DatasetOptions cut = fit_layout(layout("64x7"), 16, 5, 5, 4);
  CHECK(cut.chunk[0] == 16);
  CHECK(cut.chunk[1] == 5);
  // A block of 8 GiB: slab cuts it into bands of rows below HDF5's 4 GiB
  // chunk limit (the default never refuses a mesh); a shape that large is refused.
  CHECK(fit_problem(layout("slab"), 1 << 16, 1 << 14, 1 << 14, 8).ok());
  const DatasetOptions band = fit_layout(layout("slab"), 1 << 16, 1 << 14, 1 << 14, 8);
  CHECK(band.chunk[1] == (1 << 14));
  CHECK(band.chunk[0] == ((1ULL << 32) - 1) / ((1 << 14) * 8));
  CHECK(band.chunk[0] * band.chunk[1] * 8 < (1ULL << 32));
  DatasetLayout huge;
  CHECK(has(parse_chunk("65536x16384", huge), "4 GiB"));
  CHECK(has(fit_problem(layout("5x7", 0, 8), 16, 25, 9, 8).message, "blocks of 8"));
  CHECK_THROWS_AS(fit_layout(layout("5x7", 0, 8), 16, 25, 9, 8), Error);
}

TEST_CASE("the size bound covers padded chunks, expansion and the index", "[io]") {
  IoOptions o;
  o.layout = layout("none");
  const std::uint64_t raw = 16 * 25 * 8;
  CHECK(dataset_bytes_bound(o, MPI_COMM_SELF, 16, 25, 8) == raw);  // contiguous
  o.layout = layout("5x7", 1);
  // 4 x 4 chunks of 5 x 7 float64, each allowed to grow, and the index.
  CHECK(dataset_bytes_bound(o, MPI_COMM_SELF, 16, 25, 8) >= 16 * (5 * 7 * 8 + 16) + 4096);
  o.layout = layout("slab");
  o.alignment = 1 << 20;
  o.alignment_threshold = 1;  // every chunk aligned: one alignment each
  CHECK(dataset_bytes_bound(o, MPI_COMM_SELF, 16, 25, 8) >= raw + (1 << 20));
}

TEST_CASE("dataset creation: chunk, deflate, szip, and compression needs chunks", "[io]") {
  const H5Plist d = dataset_create_plist(fit_layout(layout("slab", 6), 16, 25, 9, 8), 2);
  CHECK(H5Pget_layout(d.get()) == H5D_CHUNKED);
  REQUIRE(H5Pget_nfilters(d.get()) == 1);
  unsigned flags = 0, level[1] = {0}, config = 0;
  std::size_t n = 1;
  CHECK(H5Pget_filter2(d.get(), 0, &flags, &n, level, 0, nullptr, &config) == H5Z_FILTER_DEFLATE);
  CHECK(level[0] == 6);
  CHECK_THROWS_AS(dataset_create_plist({{}, 0, 8}, 2), Error);
  if (szip_encoder_available()) {
    const H5Plist s = dataset_create_plist({{16, 9}, 0, 8}, 2);
    n = 0;
    CHECK(H5Pget_filter2(s.get(), 0, &flags, &n, nullptr, 0, nullptr, &config) == H5Z_FILTER_SZIP);
  }
}

TEST_CASE("the space reserved holds chunked and compressed fields, on any rank count",
          "[io][mpi]") {
  int np = 1, rank = 0;
  MPI_Comm_size(MPI_COMM_WORLD, &np);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  const struct {
    const char* chunk;
    int deflate;
  } layouts[] = {{"slab", 0}, {"3x5", 0}, {"slab", 9}, {"5x7", 1}, {"64x64", 6}};
  for (const auto& lay : layouts)
    for (const hsize_t alignment : {hsize_t(0), hsize_t(1) << 20})
      for (const int nx : {7, 64, 300})
        for (const TransferMode mode : {TransferMode::collective, TransferMode::serial}) {
          const int ny = nx == 300 ? 100 : nx;
          if (nx < np) continue;
          IoOptions opt;
          opt.mode = mode;
          opt.alignment = alignment;
          opt.alignment_threshold = 4096;
          opt.layout = layout(lay.chunk, lay.deflate);
          // slab_range's cut: the first nx % np ranks one column more.
          const int x0 = rank * (nx / np) + std::min(rank, nx % np);
          const SlabBlock b{nx, ny, x0, nx / np + (rank < nx % np ? 1 : 0), 0};
          // Values that do not compress: a filter's worst case.
          std::vector<double> plane(std::size_t(ny) * b.nx_local);
          std::uint64_t z = 88172645463325252ULL + std::uint64_t(rank);
          for (double& x : plane) {
            z ^= z << 13, z ^= z >> 7, z ^= z << 17;
            x = double(z >> 11) * 0x1p-53;
          }
          const std::uint64_t field = dataset_bytes_bound(opt, MPI_COMM_WORLD, ny, nx, 8);
          const std::uint64_t bound = file_size_bound(opt, {field, field, field}, 4096);
          const std::string path = "dataset_layout_np" + std::to_string(np) + ".h5";
          const FileStats st =
              write_atomically(MPI_COMM_WORLD, path, opt, {bound}, [&](SlabFile& f) {
                const DatasetOptions d = field_options(f, b, 8);
                CHECK(d.chunk.size() == 2);
                for (const char* name : {"/fields/a", "/fields/b", "/fields/c"})
                  write_slab_field(f, name, b, plane.data(), d);
              });
          INFO(lay.chunk << " deflate " << lay.deflate << " nx " << nx << " alignment " << alignment
                         << " mode " << to_string(mode) << ": " << st.bytes << " bytes, bound "
                         << bound);
          CHECK(st.bytes <= bound);
          CHECK(st.bytes >= 3 * std::uint64_t(nx) * ny * 8 * 9 / 10);  // random data barely shrink
        }
}
