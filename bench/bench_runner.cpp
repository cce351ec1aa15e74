#include "bench/bench_runner.hpp"

#include <hdf5.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <limits>
#include "app/deck_source.hpp"
#include "app/version.hpp"
#include "bench/bench_config.hpp"
#include "bench/bench_data.hpp"
#include "bench/bench_io.hpp"
#include "bench/bench_mpiio.hpp"
#include "bench/bench_plan.hpp"
#include "bench/bench_report.hpp"
#include "bench/bench_verify.hpp"
#include "common/collective.hpp"
#include "common/error.hpp"
#include "common/mpi_check.hpp"
#include "common/timers.hpp"
#include "decomposition/global_reduce.hpp"
#include "decomposition/halo_exchange.hpp"
#include "decomposition/slab_decomposition.hpp"
#include "io/file_ops.hpp"
#include "io/library_versions.hpp"
#include "io/slab_view_io.hpp"

namespace slabhydro {
namespace {

class BenchRunner {
 public:
  BenchRunner(MPI_Comm comm, const BenchConfig& cfg)
      : cfg_(cfg),
        decomp_(comm, mesh_of(cfg), false),
        halo_(decomp_, kBenchUnknowns),
        s_(decomp_.slab()),
        ncorner_(corner_columns(s_)),
        u_("bench::unknowns", kBenchUnknowns, s_.ny_tot(), s_.nx_tot()),
        hu_(Kokkos::create_mirror_view(u_)),
        plot_("bench::plot", kBenchPlotVars, s_.mesh.ny, s_.nx_local),
        hplot_(Kokkos::create_mirror_view(plot_)),
        corners_("bench::corners", kBenchPlotVars, s_.mesh.ny + 1, ncorner_),
        hcorners_(Kokkos::create_mirror_view(corners_)) {
    comm_ = decomp_.comm();
    rank_ = decomp_.rank();
    bench_fill_unknowns(s_, u_, std::numeric_limits<double>::quiet_NaN());
    Kokkos::deep_copy(hu_, u_);
    // The baseline's source: this rank's checkpoint values, contiguous.
    packed_.resize(std::size_t(kBenchUnknowns) * s_.mesh.ny * s_.nx_local);
    for (int v = 0; v < kBenchUnknowns; ++v)
      for (int j = 0; j < s_.mesh.ny; ++j)
        std::memcpy(&packed_[(std::size_t(v) * s_.mesh.ny + j) * s_.nx_local],
                    &hu_(v, j + s_.js(), s_.is()), sizeof(double) * s_.nx_local);
    if (cfg_.read) {
      ur_ = DvceArray3D<double>("bench::read", kBenchUnknowns, s_.ny_tot(), s_.nx_tot());
      hur_ = Kokkos::create_mirror_view(ur_);
    }
  }

  BenchRun run() {
    BenchRun r = prepare();
    std::vector<std::string> all_files;
    for (const BenchMeasurement& bm : r.measurements) {
      all_files.push_back(bm.path);
      all_files.push_back(bm.baseline_path);
    }
    if (rank_ == 0) std::cout << bench_header(r) << std::flush;
    for (int rep = 0; rep < cfg_.repetitions; ++rep) {
      remove_files(comm_, all_files);  // every repetition writes new files
      repetition(r, rep);
      if (rank_ == 0) std::cout << bench_repetition_line(r, rep) << std::flush;
    }
    if (!cfg_.keep_files) remove_files(comm_, all_files);
    return r;
  }

 private:
  // What the run is: configuration, versions, the files and their baselines.
  BenchRun prepare() {
    BenchRun r;
    r.config = cfg_;
    r.ranks = decomp_.size();
    r.nx_local_min = -static_cast<int>(allreduce_max(comm_, -double(s_.nx_local)));
    r.nx_local_max = static_cast<int>(allreduce_max(comm_, double(s_.nx_local)));
    r.slabhydro_version = kVersion;
    r.hdf5_version = hdf5_version_text();
    r.mpi_library = mpi_library_text();
    r.mpi_version = mpi_version_text();
    r.kokkos_space = ExecSpace::name();
    r.cache_dropped = cfg_.read && cfg_.drop_cache;
    if (cfg_.verify) r.verified_values = 0;

    agree_on(comm_, [&] {
      if (rank_ == 0) make_directories(cfg_.dir);
    });
    const int widest = static_cast<int>(allreduce_max(comm_, double(s_.nx_local)));
    const int widest_corners = static_cast<int>(allreduce_max(comm_, double(ncorner_)));
    r.measurements = bench_measurements(cfg_, s_.mesh, widest, widest_corners);
    return r;
  }

  // One repetition: each file beside its baseline (which goes first alternates).
  void repetition(BenchRun& r, int rep) {
    const bool baseline_first = rep % 2 == 0;
    write_checkpoint(r.measurements[0], baseline_first, rep == 0 ? &r.mpiio_info : nullptr);
    write_plot(r.measurements[1], baseline_first);
    write_corners(r.measurements[2], baseline_first);
    if (cfg_.verify) {
      r.verified_values +=
          bench_verify_file(comm_, r.measurements[0].path, BenchFileKind::checkpoint, s_, cfg_.io);
      r.verified_values +=
          bench_verify_file(comm_, r.measurements[1].path, BenchFileKind::plot, s_, cfg_.io);
      r.verified_values += bench_verify_file(comm_, r.measurements[2].path,
                                             BenchFileKind::plot_corners, s_, cfg_.io);
    }
    if (cfg_.read) {
      const bool dropped = read_checkpoint(r.measurements[3], !baseline_first);
      r.cache_dropped = r.cache_dropped && dropped;
      if (cfg_.verify) r.verified_values += bench_verify_unknowns(comm_, s_, hur_);
    }
  }

  static GlobalMesh mesh_of(const BenchConfig& c) {
    GlobalMesh m;
    m.nx = c.nx;
    m.ny = c.ny;
    m.ng = c.ng;
    return m;
  }

  BenchWriteOptions write_options(const BenchMeasurement& bm) const {
    BenchWriteOptions o;
    o.io = cfg_.io;
    o.fsync = cfg_.fsync;
    o.dataset.chunk.assign(bm.chunk.begin(), bm.chunk.end());
    if (!bm.chunk.empty()) {  // the filters of io.deflate and io.szip (fit_layout)
      o.dataset.deflate = cfg_.io.layout.deflate;
      o.dataset.szip = cfg_.io.layout.szip;
    }
    return o;
  }

  BenchFileMeta meta(BenchFileKind kind) const {
    return {kind, s_.mesh.nx, s_.mesh.ny, s_.mesh.ng, decomp_.size()};
  }

  // Seconds of `f` on the slowest rank, kernels included.
  double timed(const std::function<void()>& f) const {
    SLABHYDRO_MPI_CHECK(MPI_Barrier(comm_));
    const double t0 = wall_seconds();
    f();
    Kokkos::fence();
    return allreduce_max(comm_, wall_seconds() - t0);
  }

  void record_size(BenchMeasurement& bm) const {
    unsigned long long bytes = 0;
    agree_on(comm_, [&] {
      if (rank_ == 0) bytes = file_size(bm.path);
    });
    SLABHYDRO_MPI_CHECK(MPI_Bcast(&bytes, 1, MPI_UNSIGNED_LONG_LONG, 0, comm_));
    bm.file_bytes = bytes;
  }

  // One repetition of one file: the HDF5 write (with its preparation) and the
  // MPI-IO baseline of the same bytes per rank, in the given order.
  void pair(BenchMeasurement& bm, bool baseline_first,
            const std::function<void(BenchSample&)>& hdf5, const void* base_buf,
            std::size_t base_bytes, std::map<std::string, std::string>* info = nullptr) {
    BenchSample s;
    s.baseline_first = baseline_first;
    auto baseline = [&] {
      s.baseline = mpiio_write(comm_, bm.baseline_path, cfg_.io.hints, base_buf, base_bytes,
                               cfg_.fsync, info);
    };
    if (baseline_first) baseline();
    hdf5(s);
    if (!baseline_first) baseline();
    record_size(bm);
    bm.samples.push_back(s);
  }

  void write_checkpoint(BenchMeasurement& bm, bool baseline_first,
                        std::map<std::string, std::string>* info) {
    const std::vector<std::string>& names = bench_unknown_names();
    pair(
        bm, baseline_first,
        [&](BenchSample& s) {
          // As the checkpoint writer: the device state to its host mirror (nothing
          // to do on a host backend), then the guarded planes straight to HDF5.
          s.prep = timed([&] { Kokkos::deep_copy(hu_, u_); });
          std::vector<const double*> planes;
          for (int v = 0; v < kBenchUnknowns; ++v) planes.push_back(slab_plane(s_, hu_, v));
          s.hdf5 = bench_write_file<double>(comm_, bm.path, write_options(bm), slab_block(s_),
                                            names, planes, meta(BenchFileKind::checkpoint));
        },
        packed_.data(), packed_.size() * sizeof(double), info);
  }

  void write_plot(BenchMeasurement& bm, bool baseline_first) {
    const std::size_t plane = std::size_t(s_.mesh.ny) * s_.nx_local;
    pair(
        bm, baseline_first,
        [&](BenchSample& s) {
          s.prep = timed([&] {
            bench_plot_vars(s_, u_, plot_);
            Kokkos::deep_copy(hplot_, plot_);
          });
          std::vector<const float*> planes;
          for (int k = 0; k < kBenchPlotVars; ++k) planes.push_back(hplot_.data() + k * plane);
          const SlabBlock b{s_.mesh.nx, s_.mesh.ny, s_.x_offset, s_.nx_local, 0};
          s.hdf5 = bench_write_file<float>(comm_, bm.path, write_options(bm), b, bench_plot_names(),
                                           planes, meta(BenchFileKind::plot));
        },
        hplot_.data(), plane * kBenchPlotVars * sizeof(float));
  }

  void write_corners(BenchMeasurement& bm, bool baseline_first) {
    const std::size_t plane = std::size_t(s_.mesh.ny + 1) * ncorner_;
    pair(
        bm, baseline_first,
        [&](BenchSample& s) {
          s.prep = timed([&] {
            halo_.exchange(u_);  // the neighbour's column for the corners at slab boundaries
            bench_fill_edge_guards(s_, u_);
            bench_corner_vars(s_, u_, corners_);
            Kokkos::deep_copy(hcorners_, corners_);
          });
          std::vector<const float*> planes;
          for (int k = 0; k < kBenchPlotVars; ++k) planes.push_back(hcorners_.data() + k * plane);
          const SlabBlock b{s_.mesh.nx + 1, s_.mesh.ny + 1, s_.x_offset, ncorner_, 0};
          s.hdf5 = bench_write_file<float>(comm_, bm.path, write_options(bm), b, bench_plot_names(),
                                           planes, meta(BenchFileKind::plot_corners));
        },
        hcorners_.data(), plane * kBenchPlotVars * sizeof(float));
  }

  // Restart-style: every rank reads its columns into a guarded array, which
  // then goes to the device. Returns whether the page cache was dropped.
  bool read_checkpoint(BenchMeasurement& bm, bool baseline_first) {
    const bool dropped = !cfg_.drop_cache || (drop_file_cache(comm_, bm.path) &&
                                              drop_file_cache(comm_, bm.baseline_path));
    Kokkos::deep_copy(hur_, std::numeric_limits<double>::quiet_NaN());
    BenchSample s;
    s.baseline_first = baseline_first;
    auto baseline = [&] {
      s.baseline = mpiio_read(comm_, bm.baseline_path, cfg_.io.hints, packed_.data(),
                              packed_.size() * sizeof(double));
    };
    if (baseline_first) baseline();
    std::vector<double*> planes;
    for (int v = 0; v < kBenchUnknowns; ++v) planes.push_back(slab_plane(s_, hur_, v));
    s.hdf5 = bench_read_file<double>(comm_, bm.path, cfg_.io, slab_block(s_), bench_unknown_names(),
                                     planes);
    s.prep = timed([&] { Kokkos::deep_copy(ur_, hur_); });
    if (!baseline_first) baseline();
    record_size(bm);
    bm.samples.push_back(s);
    return dropped;
  }

  BenchConfig cfg_;
  SlabDecomposition decomp_;
  HaloExchange halo_;  // after decomp_, which it keeps a reference to
  Slab s_;
  int ncorner_;
  MPI_Comm comm_ = MPI_COMM_NULL;
  int rank_ = 0;
  DvceArray3D<double> u_;
  HostArray3D<double> hu_;
  DvceArray3D<float> plot_;
  HostArray3D<float> hplot_;
  DvceArray3D<float> corners_;
  HostArray3D<float> hcorners_;
  std::vector<double> packed_;
  DvceArray3D<double> ur_;
  HostArray3D<double> hur_;
};

}  // namespace

BenchRun run_benchmark(MPI_Comm comm, const BenchConfig& cfg) {
  BenchRunner runner(comm, cfg);
  return runner.run();
}

}  // namespace slabhydro
