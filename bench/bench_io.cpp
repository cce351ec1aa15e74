#include "bench/bench_io.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>

#include "common/collective.hpp"
#include "common/error.hpp"
#include "common/mpi_check.hpp"
#include "common/timers.hpp"
#include "io/atomic_output.hpp"
#include "io/dataset_layout.hpp"
#include "io/file_ops.hpp"
#include "io/h5_attributes.hpp"
#include "io/slab_file.hpp"

namespace slabhydro {
namespace {

int rank_of(MPI_Comm comm) {
  int r = 0;
  SLABHYDRO_MPI_CHECK(MPI_Comm_rank(comm, &r));
  return r;
}

std::string dataset_path(const std::string& name) { return "/fields/" + name; }

void write_meta(SlabFile& f, const BenchFileMeta& m) {
  agree_on(f.comm(), [&] {
    if (!f.holds_file()) return;
    const hid_t r = f.id();
    const std::string& w = f.path();
    write_attribute(r, "format", std::string(kBenchFormat), w);
    write_attribute(r, "format_version", kBenchFormatVersion, w);
    write_attribute(r, "kind", std::string(to_string(m.kind)), w);
    write_attribute(r, "nx", m.nx, w);
    write_attribute(r, "ny", m.ny, w);
    write_attribute(r, "ng", m.ng, w);
    write_attribute(r, "nranks", m.nranks, w);
    write_attribute(r, "io_mode", std::string(to_string(f.mode())), w);
    write_attribute(r, "pattern",
                    std::string("cell (i, j) of unknown v: (j * nx + i) + (v + 1) / 32; corners: "
                                "average of the 4 cells around, outflow at the domain edge"),
                    w);
  });
}

}  // namespace

BenchPhases max_over_ranks(MPI_Comm comm, const BenchPhases& local) {
  double in[5] = {local.open, local.transfer, local.close, local.total, local.attributes}, out[5];
  SLABHYDRO_MPI_CHECK(MPI_Allreduce(in, out, 5, MPI_DOUBLE, MPI_MAX, comm));
  return {out[0], out[1], out[2], out[3], out[4]};
}

template <class T>
BenchPhases bench_write_file(MPI_Comm comm, const std::string& path, const BenchWriteOptions& o,
                             const SlabBlock& b, const std::vector<std::string>& names,
                             const std::vector<const T*>& planes, const BenchFileMeta& meta) {
  if (names.size() != planes.size())
    throw Error("bench: " + std::to_string(names.size()) + " dataset names for " +
                std::to_string(planes.size()) + " planes");
  // The checkpoint writer's path (io/atomic_output.hpp), with its space
  // reservation, timed phase by phase.
  std::vector<std::uint64_t> sizes(names.size(),
                                   dataset_bytes_bound(o.io, o.dataset, b.ny, b.nx, sizeof(T)));
  AtomicPhases p;
  AtomicWrite how{file_size_bound(o.io, sizes, 4096), o.fsync, &p};
  double attributes = 0.0;
  write_atomically(comm, path, o.io, how, [&](SlabFile& f) {
    for (std::size_t k = 0; k < names.size(); ++k)
      write_slab_field(f, dataset_path(names[k]), b, planes[k], o.dataset);
    const double t0 = wall_seconds();
    write_meta(f, meta);
    attributes = wall_seconds() - t0;
  });
  return max_over_ranks(comm, {p.open, p.body, p.close, p.total, attributes});
}

template <class T>
BenchPhases bench_read_file(MPI_Comm comm, const std::string& path, const IoOptions& io,
                            const SlabBlock& b, const std::vector<std::string>& names,
                            const std::vector<T*>& planes) {
  if (names.size() != planes.size())
    throw Error("bench: " + std::to_string(names.size()) + " dataset names for " +
                std::to_string(planes.size()) + " planes");
  SLABHYDRO_MPI_CHECK(MPI_Barrier(comm));
  const double t0 = wall_seconds();
  SlabFile f(comm, path, SlabFile::Access::read, io);
  const double t1 = wall_seconds();
  for (std::size_t k = 0; k < names.size(); ++k)
    read_slab_field(f, dataset_path(names[k]), b, planes[k]);
  const double t2 = wall_seconds();
  f.close();
  const double t3 = wall_seconds();
  return max_over_ranks(comm, {t1 - t0, t2 - t1, t3 - t2, t3 - t0, 0.0});
}

template BenchPhases bench_write_file(MPI_Comm, const std::string&, const BenchWriteOptions&,
                                      const SlabBlock&, const std::vector<std::string>&,
                                      const std::vector<const double*>&, const BenchFileMeta&);
template BenchPhases bench_write_file(MPI_Comm, const std::string&, const BenchWriteOptions&,
                                      const SlabBlock&, const std::vector<std::string>&,
                                      const std::vector<const float*>&, const BenchFileMeta&);
template BenchPhases bench_read_file(MPI_Comm, const std::string&, const IoOptions&,
                                     const SlabBlock&, const std::vector<std::string>&,
                                     const std::vector<double*>&);

bool drop_file_cache(MPI_Comm comm, const std::string& path) {
  int ok = 1;
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) {
    ok = 0;
  } else {
    // Dirty pages cannot be dropped: write them first.
    if (::fsync(fd) != 0) ok = 0;
#if defined(POSIX_FADV_DONTNEED)
    if (::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED) != 0) ok = 0;
#else
    ok = 0;
#endif
    ::close(fd);
  }
  int all = 0;
  SLABHYDRO_MPI_CHECK(MPI_Allreduce(&ok, &all, 1, MPI_INT, MPI_MIN, comm));
  return all == 1;
}

void remove_files(MPI_Comm comm, const std::vector<std::string>& paths) {
  if (rank_of(comm) == 0)
    for (const std::string& p : paths) {
      std::remove(p.c_str());
      std::remove(tmp_name(p).c_str());
    }
  SLABHYDRO_MPI_CHECK(MPI_Barrier(comm));
}

}  // namespace slabhydro
