// The trust layer of the I/O on 1-4 ranks: attribute reads that check shape,
// class and size; the metadata checksum; lineage ids; the space reserved for
// a file against the files HDF5 really writes; the names of outputs.
#include <mpi.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "io/checkpoint_meta.hpp"
#include "io/file_meta.hpp"
#include "io/io_core.hpp"
#include "io/lineage.hpp"
#include "io/meta_checksum.hpp"
#include "io/output_catalog.hpp"

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

// A file of this rank alone, with one attribute made by `make`.
template <class Make>
std::string file_with(const std::string& name, Make make) {
  const std::string path = "file_meta_np" + std::to_string(comm_size()) + "_r" +
                           std::to_string(comm_rank()) + "_" + name + ".h5";
  const hid_t f = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  REQUIRE(f >= 0);
  make(f);
  REQUIRE(H5Fclose(f) >= 0);
  return path;
}

void attr(hid_t f, const char* name, hid_t type, hid_t space, const void* v) {
  const hid_t a = H5Acreate2(f, name, type, space, H5P_DEFAULT, H5P_DEFAULT);
  REQUIRE(a >= 0);
  if (v) REQUIRE(H5Awrite(a, type, v) >= 0);
  H5Aclose(a);
}

// What reading attribute "x" of the file throws ("" if nothing).
template <class Read>
std::string read_error(const std::string& path, Read read) {
  h5_quiet();
  const hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  REQUIRE(f >= 0);
  std::string err;
  try {
    read(f);
  } catch (const Error& e) {
    err = e.what();
  }
  H5Fclose(f);
  return err;
}

CheckpointMeta sample_meta() {
  CheckpointMeta m;
  m.format = kCheckpointFormat;
  m.format_version = kCheckpointVersion;
  m.lineage = "0123456789abcdef0123456789abcdef";
  m.time = 0.125;
  m.step = 40;
  m.dt = 1e-3;
  m.nx = 64;
  m.ny = 32;
  m.x1min = -0.5, m.x1max = 0.5, m.x2min = 0, m.x2max = 0.5;
  m.boundaries = {"outflow", "outflow", "periodic", "periodic"};
  m.gamma = 1.4;
  m.problem = "sedov";
  m.deck = "mesh: {nx: 64, ny: 32}\n";
  m.software_version = "slabhydro test";
  m.nranks = 3;
  m.io_mode = "collective";
  m.written_at = "2026-12-01T00:00:00Z";
  m.digest = 0x0123456789abcdefULL;
  return m;
}

}  // namespace

TEST_CASE("attribute reads check the dataspace, the class and the size first", "[io][meta]") {
  const double two[2] = {1.0, 2.0};
  const hsize_t n2 = 2;
  const hid_t scalar = H5Screate(H5S_SCALAR), array = H5Screate_simple(1, &n2, nullptr),
              null = H5Screate(H5S_NULL);
  const long long i64 = 7;
  const int i32 = 7;
  const float f32 = 1.5f;
  const double f64 = 2.5;
  struct Case {
    const char* name;
    hid_t type, space;
    const void* value;
    const char* expect;  // in the message of read_double_attribute
  } cases[] = {
      {"array", H5T_IEEE_F64LE, array, two, "expected a scalar, found a 1-D array [2]"},
      {"null", H5T_IEEE_F64LE, null, nullptr, "expected a scalar, found an empty (null) dataspace"},
      {"int64", H5T_STD_I64LE, scalar, &i64, "expected a float64, found int64"},
      {"float32", H5T_IEEE_F32LE, scalar, &f32, "expected a float64, found float32"},
  };
  for (const Case& c : cases) {
    const std::string p =
        file_with(c.name, [&](hid_t f) { attr(f, "x", c.type, c.space, c.value); });
    const std::string err = read_error(p, [](hid_t f) { read_double_attribute(f, "x", "F"); });
    INFO(c.name << ": " << err);
    CHECK(err.find("F attribute 'x': ") == 0);
    CHECK(err.find(c.expect) != std::string::npos);
  }
  // Integers: signed 64-bit only; a missing attribute says so.
  const std::string p32 =
      file_with("int32", [&](hid_t f) { attr(f, "x", H5T_STD_I32LE, scalar, &i32); });
  CHECK(read_error(p32, [](hid_t f) {
          read_int_attribute(f, "x", "F");
        }).find("expected an int64, found int32") != std::string::npos);
  CHECK(read_error(p32, [](hid_t f) { read_int_attribute(f, "y", "F"); }) ==
        "F attribute 'y': missing");
  const std::string pf =
      file_with("f64", [&](hid_t f) { attr(f, "x", H5T_IEEE_F64LE, scalar, &f64); });
  double v = 0;
  CHECK(read_error(pf, [&](hid_t f) { v = read_double_attribute(f, "x", "F"); }).empty());
  CHECK(v == 2.5);
  CHECK(read_error(pf, [](hid_t f) {
          read_string_attribute(f, "x", "F");
        }).find("expected a string, found float64") != std::string::npos);
  // Strings: fixed-length ones are read too; longer than allowed is refused.
  const std::string ps = file_with("str", [&](hid_t f) {
    const hid_t t = H5Tcopy(H5T_C_S1);
    H5Tset_size(t, 8);
    attr(f, "x", t, scalar, "abcdefgh");
    H5Tclose(t);
    write_attribute(f, "v", std::string(100, 'z'), "F");
  });
  std::string s;
  CHECK(read_error(ps, [&](hid_t f) { s = read_string_attribute(f, "x", "F"); }).empty());
  CHECK(s == "abcdefgh");
  CHECK(read_error(ps, [&](hid_t f) { s = read_string_attribute(f, "v", "F", 100); }).empty());
  CHECK(s == std::string(100, 'z'));
  CHECK(read_error(ps, [](hid_t f) {
          read_string_attribute(f, "v", "F", 99);
        }).find("a string of 100 bytes, longer than the 99 allowed") != std::string::npos);
  CHECK(read_error(ps, [](hid_t f) {
          read_string_attribute(f, "x", "F", 7);
        }).find("a string of 8 bytes") != std::string::npos);
  H5Sclose(scalar);
  H5Sclose(array);
  H5Sclose(null);
}

TEST_CASE("the metadata checksum sees every bit of every attribute, in any order", "[io][meta]") {
  const CheckpointMeta m = sample_meta();
  const std::uint64_t h = meta_checksum(m);
  CHECK(meta_checksum(m) == h);  // deterministic
  // Every bit of a number, and one character of every string.
  std::set<std::uint64_t> seen{h};
  for (int bit = 0; bit < 64; ++bit) {
    CheckpointMeta t = m;
    std::uint64_t b;
    std::memcpy(&b, &t.time, 8);
    b ^= 1ULL << bit;
    std::memcpy(&t.time, &b, 8);
    seen.insert(meta_checksum(t));
    t = m;
    t.step ^= 1LL << bit;
    seen.insert(meta_checksum(t));
  }
  CHECK(seen.size() == 1 + 64 + 64);
  int changed = 0, strings = 0;
  for_each_attribute(m, [&](const char* name, const auto& v, std::size_t = 0) {
    using V = std::decay_t<decltype(v)>;
    CheckpointMeta t = m;
    if constexpr (std::is_same<V, std::string>::value) {
      ++strings;
      for_each_attribute(t, [&](const char* n2, auto& w, std::size_t = 0) {
        if constexpr (std::is_same<std::decay_t<decltype(w)>, std::string>::value)
          if (std::strcmp(n2, name) == 0) w += "x";
      });
      changed += meta_checksum(t) != h;
    }
  });
  CHECK(strings == 11);  // the state digest is a hash, not a string member
  CHECK(changed == strings);
  // The order attributes are added in does not matter (they are sorted by name).
  MetaChecksum a, b;
  a.add("time", 1.0), a.add("step", 2LL), a.add("problem", std::string("sod"));
  b.add("problem", std::string("sod")), b.add("time", 1.0), b.add("step", 2LL);
  CHECK(a.value() == b.value());
  // ... but the names do, and the types: 2 as a float differs from 2 as an int.
  MetaChecksum c, d;
  c.add("step", 2LL);
  d.add("step", 2.0);
  CHECK(c.value() != d.value());
  std::uint64_t back = 0;
  CHECK(parse_hex64(hex64(h), back));
  CHECK(back == h);
  CHECK_FALSE(parse_hex64("0123456789ABCDEF", back));  // lowercase only
  CHECK_FALSE(parse_hex64("0123456789abcde", back));
}

TEST_CASE("checkpoint attributes read back with their checksum; damage is listed", "[io][meta]") {
  CheckpointMeta m = sample_meta();
  const std::string p = file_with("meta", [&](hid_t f) { write_checkpoint_attributes(f, m, "F"); });
  h5_quiet();
  hid_t f = H5Fopen(p.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  CheckpointAttributes a = read_checkpoint_attributes(f, "F");
  H5Fclose(f);
  CHECK(a.checksum_ok());
  CHECK(a.value_problems.empty());
  CHECK_FALSE(a.complete);
  CHECK(a.meta.lineage == m.lineage);
  CHECK(a.meta.digest == m.digest);
  CHECK(a.meta.boundaries == m.boundaries);
  // A changed value with the old checksum: the checksum says so.
  f = H5Fopen(p.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
  REQUIRE(H5Adelete(f, "time") >= 0);
  write_attribute(f, "time", 0.25, "F");
  a = read_checkpoint_attributes(f, "F");
  CHECK_FALSE(a.checksum_ok());
  REQUIRE(a.problems().size() == 1);
  CHECK(a.problems()[0].find("metadata checksum does not match") != std::string::npos);
  H5Fclose(f);
  // Values that are wrong but sealed: each one named.
  m.time = std::nan("");
  m.step = -5;
  m.gamma = 1.0;
  m.boundaries[1] = "bogus";
  m.lineage = "xyz";
  const std::string q = file_with("bad", [&](hid_t g) { write_checkpoint_attributes(g, m, "F"); });
  f = H5Fopen(q.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  a = read_checkpoint_attributes(f, "F");
  H5Fclose(f);
  CHECK(a.checksum_ok());
  std::string all;
  for (const std::string& s : a.value_problems) all += s + "\n";
  INFO(all);
  CHECK(all.find("time nan is not finite") != std::string::npos);
  CHECK(all.find("step -5 is not in [0, 2^40]") != std::string::npos);
  CHECK(all.find("gamma 1 is not > 1") != std::string::npos);
  CHECK(all.find("boundary_x1_outer 'bogus'") != std::string::npos);
  CHECK(all.find("lineage 'xyz' is not 32 hex digits") != std::string::npos);
}

TEST_CASE("lineage ids: 32 hex digits, new each time, the same on every rank", "[io][meta]") {
  const std::string a = new_lineage_id(MPI_COMM_WORLD), b = new_lineage_id(MPI_COMM_WORLD);
  CHECK(valid_lineage_id(a));
  CHECK(a != b);
  CHECK_FALSE(valid_lineage_id(a.substr(1)));
  CHECK_FALSE(valid_lineage_id("0123456789ABCDEF0123456789abcdef"));
  std::string root = a;
  broadcast(MPI_COMM_WORLD, root);
  CHECK(root == a);
  const std::string t = new_writer_tag(MPI_COMM_WORLD);
  std::string t0 = t;
  broadcast(MPI_COMM_WORLD, t0);
  CHECK(t == t0);
  CHECK(tmp_name("d/x.h5", t) == "d/x.h5." + t + ".tmp");
}

TEST_CASE("the space reserved for a file holds what HDF5 writes, in every mode", "[io][meta]") {
  const int np = comm_size(), rank = comm_rank();
  for (const hsize_t alignment : {hsize_t(0), hsize_t(1) << 20})
    for (const int nx : {1, 7, 64, 300})
      for (const TransferMode mode :
           {TransferMode::collective, TransferMode::independent, TransferMode::serial}) {
        const int ny = nx == 300 ? 200 : nx;
        if (nx < np) continue;
        IoOptions opt;
        opt.mode = mode;
        opt.alignment = alignment;
        opt.alignment_threshold = 65536;
        const std::vector<int> w = [&] {
          std::vector<int> v(np, nx / np);
          for (int r = 0; r < nx % np; ++r) ++v[r];
          return v;
        }();
        SlabBlock b{nx, ny, 0, w[rank], 2};
        for (int r = 0; r < rank; ++r) b.x_offset += w[r];
        const std::vector<double> plane(std::size_t(ny + 4) * (b.nx_local + 4), 1.5);
        const std::uint64_t field = std::uint64_t(nx) * ny * 8;
        const std::string deck(3000, 'd');
        const std::uint64_t bound = file_size_bound(
            opt, {field, field, field, field, std::uint64_t(nx) * 8, std::uint64_t(ny) * 8},
            2 * deck.size() + 4096);
        const std::string path = "file_meta_np" + std::to_string(np) + "_bound.h5";
        const FileStats st = write_atomically(MPI_COMM_WORLD, path, opt, {bound}, [&](SlabFile& f) {
          for (const char* name : {"/fields/a", "/fields/b", "/fields/c", "/fields/d"})
            write_slab_field(f, name, b, plane.data());
          write_root_vector(f, "/coordinates/x", std::vector<double>(nx, 0.5));
          write_root_vector(f, "/coordinates/y", std::vector<double>(ny, 0.5));
          agree_on(f.comm(), [&] {
            if (f.holds_file()) {
              write_checkpoint_attributes(f.id(), sample_meta(), path);
              write_attribute(f.id(), "deck_copy", deck, path);
            }
          });
        });
        INFO("nx " << nx << " alignment " << alignment << " mode " << to_string(mode) << ": "
                   << st.bytes << " bytes, bound " << bound);
        CHECK(st.bytes <= bound);
        CHECK(st.bytes >= 4 * field);  // and the reservation beyond it was given back
        CHECK(st.bytes < 4 * field + 64 * 1024 + 6 * alignment);
      }
}

TEST_CASE("output names: unfinished writes with or without a tag, exact naming", "[io][meta]") {
  if (comm_rank() != 0) return;
  const std::string dir = "file_meta_np" + std::to_string(comm_size()) + "_names";
  make_directories(dir);
  for (const std::string& old : list_dir(dir)) remove_file(join_path(dir, old));
  for (const char* n :
       {"a_chk_000010.h5", "a_chk_000010.h5.tmp", "a_chk_000012.h5.1f2e-77.tmp", "a_chk_0000014.h5",
        "a_plt_000003.xmf", "a_plt_000003.xmf.ab-1.tmp", "a_chk_000010.h5.bak", "a_chk_00001.h5",
        "b_chk_000010.h5", "a_chk_000016.h5.bad tag.tmp"})
    std::ofstream(join_path(dir, n)) << "x";
  std::vector<std::string> got;
  for (const OutputFile& f : list_outputs(dir, "a"))
    got.push_back(base_name(f.path) + (f.tmp ? " tmp" : "") + (f.exact ? " exact" : "") + " " +
                  std::to_string(f.step));
  const std::vector<std::string> want = {
      "a_chk_0000014.h5 14",      "a_chk_000012.h5.1f2e-77.tmp tmp 12",
      "a_chk_000010.h5 exact 10", "a_chk_000010.h5.tmp tmp 10",
      "a_plt_000003.xmf exact 3", "a_plt_000003.xmf.ab-1.tmp tmp 3"};
  CHECK(got == want);
}
