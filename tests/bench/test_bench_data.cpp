// The benchmark's data and file layer on 1-4 ranks: the corner averages made
// through the halo exchange equal the pattern's own corner rule everywhere
// (uneven cuts, several ng), the plot variables are the float32 pattern,
// files written in each transfer mode and layout pass verification, a single
// wrong value is caught and named, and the MPI-IO baseline puts each rank's
// bytes at its offset.
#include <mpi.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "bench/bench_data.hpp"
#include "bench/bench_io.hpp"
#include "bench/bench_mpiio.hpp"
#include "bench/bench_verify.hpp"
#include "common/error.hpp"
#include "decomposition/halo_exchange.hpp"
#include "decomposition/slab_decomposition.hpp"
#include "io/file_ops.hpp"
#include "io/slab_view_io.hpp"

using namespace slabhydro;

namespace {

int world_rank() {
  int r = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &r);
  return r;
}
int world_size() {
  int s = 1;
  MPI_Comm_size(MPI_COMM_WORLD, &s);
  return s;
}

GlobalMesh mesh(int nx, int ny, int ng) {
  GlobalMesh m;
  m.nx = nx;
  m.ny = ny;
  m.ng = ng;
  return m;
}

template <class T>
bool same_bits(T a, T b) {
  return std::memcmp(&a, &b, sizeof(T)) == 0;
}

std::string scratch(const std::string& name) {
  return "bench_data_np" + std::to_string(world_size()) + "_" + name;
}

// Unknowns filled, guards exchanged and edge-filled, corners computed.
struct Prepared {
  DvceArray3D<double> u;
  DvceArray3D<float> plot, corners;
};
Prepared prepare(const SlabDecomposition& d) {
  const Slab& s = d.slab();
  Prepared p{DvceArray3D<double>("u", kBenchUnknowns, s.ny_tot(), s.nx_tot()),
             DvceArray3D<float>("plot", kBenchPlotVars, s.mesh.ny, s.nx_local),
             DvceArray3D<float>("corners", kBenchPlotVars, s.mesh.ny + 1, corner_columns(s))};
  bench_fill_unknowns(s, p.u, std::numeric_limits<double>::quiet_NaN());
  HaloExchange halo(d, kBenchUnknowns);
  halo.exchange(p.u);
  bench_fill_edge_guards(s, p.u);
  bench_plot_vars(s, p.u, p.plot);
  bench_corner_vars(s, p.u, p.corners);
  Kokkos::fence();
  return p;
}

}  // namespace

TEST_CASE("corner averages through the halo exchange follow the corner rule on any cut",
          "[mpi][bench]") {
  const int np = world_size();
  struct M {
    int nx, ny, ng;
  };
  for (const M m : {M{23, 9, 4}, M{4 * np + 1, 3, 1}, M{5 * np + 3, 6, 2}}) {
    if (m.nx / np < m.ng) continue;
    const SlabDecomposition d(MPI_COMM_WORLD, mesh(m.nx, m.ny, m.ng), false);
    const Slab& s = d.slab();
    INFO("nx " << m.nx << " ny " << m.ny << " ng " << m.ng << " rank " << d.rank() << " of " << np
               << ", columns [" << s.x_offset << ", " << s.x_offset + s.nx_local << ")");
    const Prepared p = prepare(d);
    auto hp = Kokkos::create_mirror_view_and_copy(Kokkos::HostSpace(), p.plot);
    auto hc = Kokkos::create_mirror_view_and_copy(Kokkos::HostSpace(), p.corners);
    REQUIRE(hc.extent_int(2) == s.nx_local + (d.rank() == np - 1 ? 1 : 0));
    long long wrong = 0, edge_corners = 0;
    for (int k = 0; k < kBenchPlotVars; ++k) {
      const int v = kBenchPlotIndex[k];
      for (int j = 0; j < m.ny; ++j)
        for (int i = 0; i < s.nx_local; ++i)
          wrong += !same_bits(hp(k, j, i),
                              static_cast<float>(bench_pattern(v, s.x_offset + i, j, m.nx)));
      for (int J = 0; J <= m.ny; ++J)
        for (int I = 0; I < hc.extent_int(2); ++I) {
          const long long Ig = s.x_offset + I;
          const float want = static_cast<float>(bench_corner_expected(v, Ig, J, m.nx, m.ny));
          if (!same_bits(hc(k, J, I), want) && wrong++ < 3)
            CHECK(hc(k, J, I) == want);                // prints both
          edge_corners += (I == 0 && s.x_offset > 0);  // needs the left neighbour's column
        }
    }
    CHECK(wrong == 0);
    // Non-vacuity: beyond the first slab, the left corner column came through the halo.
    if (d.rank() > 0) CHECK(edge_corners == kBenchPlotVars * (m.ny + 1LL));
  }
  // The rule itself: a domain corner is its cell, an edge corner the mean of two.
  CHECK(bench_corner_expected(0, 0, 0, 5, 4) == bench_pattern(0, 0, 0, 5));
  CHECK(bench_corner_expected(0, 2, 0, 5, 4) ==
        0.5 * (bench_pattern(0, 1, 0, 5) + bench_pattern(0, 2, 0, 5)));
  CHECK(bench_corner_expected(3, 2, 2, 5, 4) ==
        0.25 * (bench_pattern(3, 1, 1, 5) + bench_pattern(3, 2, 1, 5) + bench_pattern(3, 1, 2, 5) +
                bench_pattern(3, 2, 2, 5)));
}

TEST_CASE("bench files in every mode and layout verify; one wrong value is caught and named",
          "[mpi][bench]") {
  const int np = world_size();
  const SlabDecomposition d(MPI_COMM_WORLD, mesh(6 * np + 1, 5, 2), false);
  const Slab& s = d.slab();
  const Prepared p = prepare(d);
  auto hu = Kokkos::create_mirror_view_and_copy(Kokkos::HostSpace(), p.u);
  auto hp = Kokkos::create_mirror_view_and_copy(Kokkos::HostSpace(), p.plot);
  auto hc = Kokkos::create_mirror_view_and_copy(Kokkos::HostSpace(), p.corners);
  const int nc = corner_columns(s);
  std::vector<const double*> chk;
  for (int v = 0; v < kBenchUnknowns; ++v) chk.push_back(slab_plane(s, hu, v));
  std::vector<const float*> plt, crn;
  for (int k = 0; k < kBenchPlotVars; ++k) {
    plt.push_back(hp.data() + std::size_t(k) * s.mesh.ny * s.nx_local);
    crn.push_back(hc.data() + std::size_t(k) * (s.mesh.ny + 1) * nc);
  }
  const SlabBlock pb{s.mesh.nx, s.mesh.ny, s.x_offset, s.nx_local, 0};
  const SlabBlock cb{s.mesh.nx + 1, s.mesh.ny + 1, s.x_offset, nc, 0};

  for (TransferMode mode :
       {TransferMode::collective, TransferMode::independent, TransferMode::serial}) {
    for (bool chunked : {false, true}) {
      BenchWriteOptions o;
      o.io.mode = mode;
      o.fsync = chunked;  // both settings
      if (chunked) o.dataset.chunk = {3, 4};
      if (chunked && mode != TransferMode::independent) o.dataset.deflate = 1;
      INFO("mode " << to_string(mode) << (chunked ? " chunked" : " contiguous"));
      const std::string base = scratch(std::string(to_string(mode)) + (chunked ? "_c" : "_n"));
      const BenchPhases t = bench_write_file<double>(
          MPI_COMM_WORLD, base + "_chk.h5", o, slab_block(s), bench_unknown_names(), chk,
          {BenchFileKind::checkpoint, s.mesh.nx, s.mesh.ny, 2, np});
      bench_write_file<float>(MPI_COMM_WORLD, base + "_plt.h5", o, pb, bench_plot_names(), plt,
                              {BenchFileKind::plot, s.mesh.nx, s.mesh.ny, 2, np});
      bench_write_file<float>(MPI_COMM_WORLD, base + "_crn.h5", o, cb, bench_plot_names(), crn,
                              {BenchFileKind::plot_corners, s.mesh.nx, s.mesh.ny, 2, np});
      CHECK(t.total > 0.0);
      CHECK(t.open <= t.total);
      CHECK(t.transfer <= t.total);
      CHECK_FALSE(file_exists(tmp_name(base + "_chk.h5")));  // renamed into place
      const long long cells = 1LL * s.mesh.nx * s.mesh.ny;
      CHECK(bench_verify_file(MPI_COMM_WORLD, base + "_chk.h5", BenchFileKind::checkpoint, s,
                              o.io) == 24 * cells);
      CHECK(bench_verify_file(MPI_COMM_WORLD, base + "_plt.h5", BenchFileKind::plot, s, o.io) ==
            4 * cells);
      CHECK(bench_verify_file(MPI_COMM_WORLD, base + "_crn.h5", BenchFileKind::plot_corners, s,
                              o.io) == 4LL * (s.mesh.nx + 1) * (s.mesh.ny + 1));
      // A file of the wrong kind is refused.
      CHECK_THROWS_AS(
          bench_verify_file(MPI_COMM_WORLD, base + "_plt.h5", BenchFileKind::plot_corners, s, o.io),
          Error);

      // The restart-style read brings back every value.
      auto hr = Kokkos::create_mirror_view(hu);
      Kokkos::deep_copy(hr, -1.0);
      std::vector<double*> rd;
      for (int v = 0; v < kBenchUnknowns; ++v) rd.push_back(slab_plane(s, hr, v));
      bench_read_file<double>(MPI_COMM_WORLD, base + "_chk.h5", o.io, slab_block(s),
                              bench_unknown_names(), rd);
      long long bad = 0;
      for (int v = 0; v < kBenchUnknowns; ++v)
        for (int j = s.js(); j < s.je(); ++j)
          for (int i = s.is(); i < s.ie(); ++i) bad += !same_bits(hr(v, j, i), hu(v, j, i));
      CHECK(bad == 0);

      // One value of the corner file changed: verification names it.
      if (world_rank() == 0) {
        const hid_t f = H5Fopen((base + "_crn.h5").c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
        REQUIRE(f >= 0);
        const hid_t ds = H5Dopen2(f, "/fields/temp", H5P_DEFAULT);
        const hid_t fs = H5Dget_space(ds);
        const hsize_t start[2] = {2, 3}, count[2] = {1, 1};
        H5Sselect_hyperslab(fs, H5S_SELECT_SET, start, nullptr, count, nullptr);
        const hid_t ms = H5Screate_simple(2, count, nullptr);
        const float x = -1.0f;
        CHECK(H5Dwrite(ds, H5T_NATIVE_FLOAT, ms, fs, H5P_DEFAULT, &x) >= 0);
        H5Sclose(ms);
        H5Sclose(fs);
        H5Dclose(ds);
        H5Fclose(f);
      }
      MPI_Barrier(MPI_COMM_WORLD);
      try {
        bench_verify_file(MPI_COMM_WORLD, base + "_crn.h5", BenchFileKind::plot_corners, s, o.io);
        FAIL("a changed value passed verification");
      } catch (const Error& e) {
        const std::string msg = e.what();
        INFO(msg);
        CHECK(e.collective());
        CHECK(msg.find("1 of ") != std::string::npos);
        CHECK(msg.find("/fields/temp at (i, j) = (3, 2)") != std::string::npos);
      }
      remove_files(MPI_COMM_WORLD, {base + "_chk.h5", base + "_plt.h5", base + "_crn.h5"});
    }
  }
}

TEST_CASE("the MPI-IO baseline writes each rank's bytes at its offset and reads them back",
          "[mpi][bench]") {
  const int np = world_size(), rank = world_rank();
  const std::string path = scratch("mpiio.dat");
  // Rank r writes r + 3 bytes of value 'a' + r; with 2+ ranks, rank 1 writes nothing.
  const std::size_t n = (np > 1 && rank == 1) ? 0 : std::size_t(rank) + 3;
  std::vector<char> mine(n, static_cast<char>('a' + rank));
  remove_files(MPI_COMM_WORLD, {path});
  const BenchPhases w = mpiio_write(MPI_COMM_WORLD, path, {}, mine.data(), n, true);
  CHECK(w.total > 0.0);
  std::size_t total = 0;
  for (int r = 0; r < np; ++r) total += (np > 1 && r == 1) ? 0 : std::size_t(r) + 3;
  if (rank == 0) {
    CHECK(file_size(path) == total);
    std::FILE* f = std::fopen(path.c_str(), "rb");
    REQUIRE(f);
    std::vector<char> all(total);
    CHECK(std::fread(all.data(), 1, total, f) == total);
    std::fclose(f);
    std::size_t at = 0;
    for (int r = 0; r < np; ++r) {
      const std::size_t nr = (np > 1 && r == 1) ? 0 : std::size_t(r) + 3;
      for (std::size_t k = 0; k < nr; ++k) CHECK(all[at + k] == static_cast<char>('a' + r));
      at += nr;
    }
  }
  std::vector<char> back(n, 0);
  mpiio_read(MPI_COMM_WORLD, path, {}, back.data(), n);
  CHECK(back == mine);
  remove_files(MPI_COMM_WORLD, {path});
  CHECK_FALSE(file_exists(path));
}
