// The core I/O layer on 1-4 ranks: slab fields written and read back in each
// transfer mode, identical datasets across modes, ranks with no columns,
// reading on another cut, attributes, and errors that reach every rank.
#include <mpi.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "io/io_core.hpp"

using namespace slabhydro;

namespace {

int comm_rank() {
  int r = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &r);
  return r;
}
int comm_size() {
  int s = 1;
  MPI_Comm_size(MPI_COMM_WORLD, &s);
  return s;
}

std::string scratch(const std::string& name) {
  return "io_core_np" + std::to_string(comm_size()) + "_" + name + ".h5";
}

const TransferMode kModes[] = {TransferMode::collective, TransferMode::independent,
                               TransferMode::serial};

// Rank r of np gets `widths[r]` columns, left to right.
SlabBlock block_from_widths(int nx, int ny, int ng, const std::vector<int>& widths, int r) {
  SlabBlock b{nx, ny, 0, widths[r], ng};
  for (int k = 0; k < r; ++k) b.x_offset += widths[k];
  return b;
}

std::vector<int> even_widths(int nx, int np) {
  std::vector<int> w(np, nx / np);
  for (int r = 0; r < nx % np; ++r) ++w[r];
  return w;
}

constexpr double kGuard = -12345.0;

double value(int i, int j) { return 1000.0 * i + j + 0.25; }

// A guarded plane holding value(global i, j) inside and kGuard around.
template <class T>
std::vector<T> make_plane(const SlabBlock& b) {
  const int w = b.nx_local + 2 * b.ng;
  std::vector<T> p(std::size_t(b.ny + 2 * b.ng) * w, T(kGuard));
  for (int j = 0; j < b.ny; ++j)
    for (int i = 0; i < b.nx_local; ++i)
      p[std::size_t(j + b.ng) * w + i + b.ng] = T(value(b.x_offset + i, j));
  return p;
}

template <class T>
int count_mismatches(const SlabBlock& b, const std::vector<T>& p) {
  const std::vector<T> want = make_plane<T>(b);
  int bad = 0;
  for (std::size_t k = 0; k < p.size(); ++k) bad += std::memcmp(&p[k], &want[k], sizeof(T)) != 0;
  return bad;
}

void write_both(const std::string& path, TransferMode mode, const SlabBlock& b) {
  IoOptions opt;
  opt.mode = mode;
  SlabFile f(MPI_COMM_WORLD, path, SlabFile::Access::create, opt);
  const std::vector<double> d = make_plane<double>(b);
  const std::vector<float> s = make_plane<float>(b);
  write_slab_field(f, "/fields/a", b, d.data());
  write_slab_field(f, "/fields/b", b, s.data());
  f.flush();
  f.close();
}

template <class T>
int read_and_count(const std::string& path, TransferMode mode, const std::string& name,
                   const SlabBlock& b) {
  IoOptions opt;
  opt.mode = mode;
  SlabFile f(MPI_COMM_WORLD, path, SlabFile::Access::read, opt);
  std::vector<T> p(std::size_t(b.ny + 2 * b.ng) * (b.nx_local + 2 * b.ng), T(kGuard));
  read_slab_field(f, name, b, p.data());
  f.close();
  return count_mismatches(b, p);
}

// The whole dataset as raw bytes, read by rank 0 with plain serial HDF5.
std::vector<unsigned char> raw_dataset(const std::string& path, const std::string& name) {
  std::vector<unsigned char> out;
  if (comm_rank() != 0) return out;
  const hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  REQUIRE(f >= 0);
  const hid_t d = H5Dopen2(f, name.c_str(), H5P_DEFAULT);
  REQUIRE(d >= 0);
  const hid_t t = H5Dget_type(d);
  const hid_t s = H5Dget_space(d);
  out.resize(H5Tget_size(t) * std::size_t(H5Sget_simple_extent_npoints(s)));
  REQUIRE(H5Dread(d, t, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()) >= 0);
  H5Sclose(s);
  H5Tclose(t);
  H5Dclose(d);
  H5Fclose(f);
  return out;
}

}  // namespace

TEST_CASE("slab fields round-trip in every transfer mode, guards untouched", "[io][mpi]") {
  const int np = comm_size(), r = comm_rank();
  const int nx = 23, ny = 7, ng = 2;  // 23: uneven on 2, 3 and 4 ranks
  const SlabBlock b = block_from_widths(nx, ny, ng, even_widths(nx, np), r);
  for (TransferMode m : kModes) {
    INFO("mode " << to_string(m));
    const std::string path = scratch(std::string("roundtrip_") + to_string(m));
    write_both(path, m, b);
    for (TransferMode rm : kModes) {
      INFO("read mode " << to_string(rm));
      CHECK(read_and_count<double>(path, rm, "/fields/a", b) == 0);
      CHECK(read_and_count<float>(path, rm, "/fields/b", b) == 0);
    }
  }
}

TEST_CASE("the three transfer modes write identical datasets", "[io][mpi]") {
  const int np = comm_size(), r = comm_rank();
  const SlabBlock b = block_from_widths(19, 5, 1, even_widths(19, np), r);
  std::vector<std::vector<unsigned char>> a, s;
  for (TransferMode m : kModes) {
    const std::string path = scratch(std::string("same_") + to_string(m));
    write_both(path, m, b);
    a.push_back(raw_dataset(path, "/fields/a"));
    s.push_back(raw_dataset(path, "/fields/b"));
  }
  if (r == 0) {
    REQUIRE(a[0].size() == 19u * 5u * 8u);
    REQUIRE(s[0].size() == 19u * 5u * 4u);
    CHECK(a[0] == a[1]);
    CHECK(a[0] == a[2]);
    CHECK(s[0] == s[1]);
    CHECK(s[0] == s[2]);
  }
}

TEST_CASE("a rank with no columns joins every call; reading on another cut works", "[io][mpi]") {
  const int np = comm_size(), r = comm_rank();
  const int nx = 11, ny = 6;
  // The last rank holds nothing (with one rank: everything).
  std::vector<int> widths = even_widths(nx, std::max(np - 1, 1));
  if (np > 1) widths.push_back(0);
  const SlabBlock b = block_from_widths(nx, ny, 2, widths, r);
  // Read back reversed: rank r reads what rank np-1-r wrote, with ng = 0 or 3.
  std::vector<int> reversed(widths.rbegin(), widths.rend());
  for (TransferMode m : kModes) {
    INFO("mode " << to_string(m));
    const std::string path = scratch(std::string("empty_") + to_string(m));
    write_both(path, m, b);
    for (int ng : {0, 3}) {
      const SlabBlock rb = block_from_widths(nx, ny, ng, reversed, r);
      CHECK(read_and_count<double>(path, m, "/fields/a", rb) == 0);
    }
  }
}

TEST_CASE("a whole dataset read by one rank, a root vector and attributes", "[io][mpi]") {
  const int np = comm_size(), r = comm_rank();
  const SlabBlock b = block_from_widths(9, 4, 2, even_widths(9, np), r);
  for (TransferMode m : kModes) {
    INFO("mode " << to_string(m));
    const std::string path = scratch(std::string("attrs_") + to_string(m));
    IoOptions opt;
    opt.mode = m;
    {
      SlabFile f(MPI_COMM_WORLD, path, SlabFile::Access::create, opt);
      const std::vector<double> d = make_plane<double>(b);
      write_slab_field(f, "/fields/a", b, d.data());
      write_root_vector(f, "/coordinates/x",
                        r == 0 ? std::vector<double>{0.5, 1.5, 2.5} : std::vector<double>{});
      agree_on(f.comm(), [&] {
        if (!f.holds_file()) return;
        write_attribute(f.id(), "time", 0.125, path);
        write_attribute(f.id(), "step", 42LL, path);
        write_attribute(f.id(), "deck", std::string("mesh:\n  nx: 9\n# é\n"), path);
      });
      f.close();
    }
    // One rank alone reads everything: a block of all nx columns.
    const SlabBlock all{9, 4, 0, 9, 0};
    std::vector<double> p(9 * 4);
    std::string deck;
    long long step = 0;
    double t = 0;
    if (r == 0) {
      IoOptions one;
      one.mode = TransferMode::independent;
      SlabFile f(MPI_COMM_SELF, path, SlabFile::Access::read, one);
      read_slab_field(f, "/fields/a", all, p.data());
      t = read_double_attribute(f.id(), "time", path);
      step = read_int_attribute(f.id(), "step", path);
      deck = read_string_attribute(f.id(), "deck", path);
      CHECK(has_attribute(f.id(), "time", path));
      CHECK_FALSE(has_attribute(f.id(), "complete", path));
      f.close();
      CHECK(count_mismatches(all, p) == 0);
      CHECK(t == 0.125);
      CHECK(step == 42);
      CHECK(deck == "mesh:\n  nx: 9\n# é\n");
      const std::vector<unsigned char> x = raw_dataset(path, "/coordinates/x");
      REQUIRE(x.size() == 3 * sizeof(double));
      double xv[3];
      std::memcpy(xv, x.data(), sizeof xv);
      CHECK(xv[2] == 2.5);
    }
  }
}

TEST_CASE("errors reach every rank as one collective Error, without a hang", "[io][mpi]") {
  const int np = comm_size(), r = comm_rank();
  const SlabBlock b = block_from_widths(8, 3, 1, even_widths(8, np), r);
  for (TransferMode m : kModes) {
    INFO("mode " << to_string(m));
    IoOptions opt;
    opt.mode = m;
    // A file in a directory that does not exist.
    bool collective = false;
    std::string msg;
    try {
      SlabFile f(MPI_COMM_WORLD, "no/such/dir/x.h5", SlabFile::Access::create, opt);
    } catch (const Error& e) {
      collective = e.collective();
      msg = e.what();
    }
    CHECK(collective);
    CHECK(msg.find("no/such/dir/x.h5") != std::string::npos);

    // A dataset of the wrong shape: the message names it and both shapes.
    const std::string path = scratch(std::string("shape_") + to_string(m));
    write_both(path, m, b);
    SlabFile f(MPI_COMM_WORLD, path, SlabFile::Access::read, opt);
    SlabBlock wrong = b;
    wrong.nx = 9;
    std::vector<double> p(std::size_t(b.ny + 2) * (b.nx_local + 2));
    msg.clear();
    collective = false;
    try {
      read_slab_field(f, "/fields/a", wrong, p.data());
    } catch (const Error& e) {
      collective = e.collective();
      msg = e.what();
    }
    CHECK(collective);
    CHECK(msg.find("/fields/a") != std::string::npos);
    CHECK(msg.find("[3][9]") != std::string::npos);
    CHECK(msg.find("[3][8]") != std::string::npos);
    // A missing dataset.
    msg.clear();
    try {
      read_slab_field(f, "/fields/nope", b, p.data());
    } catch (const Error& e) {
      msg = e.what();
    }
    CHECK(msg.find("/fields/nope") != std::string::npos);
    f.close();
  }
}

TEST_CASE("H5Handle owns one id and moves it", "[io]") {
  H5Space a{SLABHYDRO_H5_CHECK(H5Screate(H5S_SCALAR), "test")};
  const hid_t id = a.get();
  CHECK(H5Iis_valid(id) > 0);
  H5Space b = std::move(a);
  CHECK_FALSE(a.valid());
  CHECK(b.get() == id);
  b.close("test");
  CHECK(H5Iis_valid(id) <= 0);
  h5_quiet();
  CHECK_THROWS_AS(SLABHYDRO_H5_CHECK(H5Dopen2(id, "x", H5P_DEFAULT), "closed space"), Error);
}

TEST_CASE("property lists carry the hints, alignment, collective metadata and no fill",
          "[io][mpi]") {
  IoOptions opt;
  opt.hints = {{"cb_buffer_size", "1048576"}, {"romio_cb_write", "enable"}};
  opt.alignment = 1 << 20;
  opt.alignment_threshold = 4096;
  const H5Plist fapl = file_access_plist(MPI_COMM_WORLD, opt, true);
  MPI_Comm comm = MPI_COMM_NULL;
  MPI_Info info = MPI_INFO_NULL;
  REQUIRE(H5Pget_fapl_mpio(fapl.get(), &comm, &info) >= 0);
  REQUIRE(info != MPI_INFO_NULL);
  char value[64] = "";
  int flag = 0;
  MPI_Info_get(info, "cb_buffer_size", sizeof value - 1, value, &flag);
  CHECK(flag);
  CHECK(std::string(value) == "1048576");
  MPI_Info_get(info, "romio_cb_write", sizeof value - 1, value, &flag);
  CHECK(std::string(value) == "enable");
  MPI_Info_free(&info);
  MPI_Comm_free(&comm);
  hsize_t threshold = 0, alignment = 0;
  REQUIRE(H5Pget_alignment(fapl.get(), &threshold, &alignment) >= 0);
  CHECK(alignment == (1u << 20));
  CHECK(threshold == 4096u);
  hbool_t coll = false;
  REQUIRE(H5Pget_all_coll_metadata_ops(fapl.get(), &coll) >= 0);
  CHECK(coll);
  REQUIRE(H5Pget_coll_metadata_write(fapl.get(), &coll) >= 0);
  CHECK(coll);

  const H5Plist dcpl = dataset_create_plist({{4, 8}, 1}, 2);
  H5D_fill_time_t fill = H5D_FILL_TIME_ALLOC;
  REQUIRE(H5Pget_fill_time(dcpl.get(), &fill) >= 0);
  CHECK(fill == H5D_FILL_TIME_NEVER);
  hsize_t chunk[2] = {0, 0};
  CHECK(H5Pget_chunk(dcpl.get(), 2, chunk) == 2);
  CHECK(chunk[1] == 8u);
  CHECK_THROWS_AS(dataset_create_plist({{}, 3}, 2), Error);  // deflate needs chunks

  const H5Plist dxpl = transfer_plist(TransferMode::collective);
  H5FD_mpio_xfer_t xfer = H5FD_MPIO_INDEPENDENT;
  REQUIRE(H5Pget_dxpl_mpio(dxpl.get(), &xfer) >= 0);
  CHECK(xfer == H5FD_MPIO_COLLECTIVE);
}
