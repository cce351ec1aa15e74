#include "io/checkpoint_io.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <utility>

#include "common/collective.hpp"
#include "common/coordinates.hpp"
#include "common/error.hpp"
#include "common/mpi_check.hpp"
#include "common/timers.hpp"
#include "decomposition/global_reduce.hpp"
#include "io/checkpoint_format.hpp"
#include "io/dataset_layout.hpp"
#include "io/file_meta.hpp"
#include "io/file_ops.hpp"
#include "io/h5_attributes.hpp"
#include "io/h5_objects.hpp"
#include "io/slab_view_io.hpp"

namespace slabhydro {

namespace {

// A test hook (tests/io/async_checkpoint.sh): SLABHYDRO_TEST_HOLD_CHECKPOINT_STEP=N
// stops the writer of the checkpoint of step N for good once its fields
// are in the .tmp, so that a test can kill the run in the middle of that
// write whatever the machine's speed. Unset (always, outside tests): nothing.
void test_hold(long long step) {
  const char* v = std::getenv("SLABHYDRO_TEST_HOLD_CHECKPOINT_STEP");
  if (!v || !*v) return;
  char* end = nullptr;
  const long long n = std::strtoll(v, &end, 10);
  if (*end != '\0' || n != step) return;  // not a whole number: no hold (step 0 included)
  std::fprintf(stderr, "slabhydro: test hold: the checkpoint of step %lld waits for good\n", step);
  std::fflush(stderr);
  for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
}

}  // namespace

CheckpointWriter::CheckpointWriter(const Slab& slab, const DvceArray3D<double>& u, bool snapshot)
    : slab_(slab),
      u_(u),
      host_(snapshot ? Kokkos::create_mirror(u) : Kokkos::create_mirror_view(u)) {}

std::size_t CheckpointWriter::extra_bytes() const {
  return host_.data() == u_.data() ? 0 : host_.span() * sizeof(double);
}

std::uint64_t CheckpointWriter::captured_digest(MPI_Comm comm) const {
  return state_digest_here(comm, slab_, host_);
}

void CheckpointWriter::capture() {
  Kokkos::deep_copy(host_, u_);  // nothing to do when host_ is u_
}

FileStats CheckpointWriter::write(MPI_Comm comm, const std::string& path, CheckpointMeta meta,
                                  const IoOptions& opt) {
  capture();
  return write_captured(comm, path, std::move(meta), opt);
}

FileStats CheckpointWriter::write_captured(MPI_Comm comm, const std::string& path,
                                           CheckpointMeta meta, const IoOptions& opt) const {
  int size = 1;
  SLABHYDRO_MPI_CHECK(MPI_Comm_size(comm, &size));
  meta.format = kCheckpointFormat;
  meta.format_version = kCheckpointVersion;
  meta.nranks = size;
  meta.io_mode = to_string(opt.mode);
  meta.written_at = utc_now_iso8601();
  broadcast(comm, meta.written_at);  // every rank writes rank 0's clock

  const GlobalMesh& m = slab_.mesh;
  const std::uint64_t field = dataset_bytes_bound(opt, comm, m.ny, m.nx, sizeof(double));
  const std::uint64_t bound = file_size_bound(
      opt, {field, field, field, field, std::uint64_t(m.nx) * 8, std::uint64_t(m.ny) * 8},
      2 * meta.deck.size() + 4096);
  return write_atomically(comm, path, opt, {bound}, [&](SlabFile& f) {
    write_slab_vars(f, checkpoint_fields(), slab_, host_);
    test_hold(meta.step);
    write_root_vector(f, kCoordinateX, cell_centres(m.x1min, m.x1max, m.nx));
    write_root_vector(f, kCoordinateY, cell_centres(m.x2min, m.x2max, m.ny));
    agree_on(f.comm(), [&] {
      if (f.holds_file()) write_checkpoint_attributes(f.id(), meta, f.path());
    });
    // Last: the completeness mark.
    agree_on(f.comm(), [&] {
      if (f.holds_file()) write_attribute(f.id(), kCompleteAttribute, 1LL, f.path());
    });
  });
}

CheckpointAttributes examine_checkpoint(const std::string& path) {
  std::uint64_t bytes = 0;
  H5File f = open_untrusted(path, bytes);
  CheckpointAttributes a = read_checkpoint_attributes(f.get(), path);
  if (a.value_problems.empty()) {
    // The mesh values are sane: the fields may be looked at.
    for (const std::string& name : checkpoint_fields()) {
      const H5Dataset d = open_hard_dataset(f.get(), name, path);
      check_dataset(d.get(), {H5T_FLOAT, 8, a.meta.ny, a.meta.nx}, path + ":" + name, bytes);
    }
  }
  f.close(path);
  return a;
}

CheckpointAttributes read_checkpoint_meta(const std::string& path) {
  CheckpointAttributes a = examine_checkpoint(path);
  const std::vector<std::string> p = a.problems();
  if (!p.empty()) throw Error(path + ": " + p.front());
  return a;
}

FileStats read_checkpoint_fields(MPI_Comm comm, const std::string& path, const Slab& slab,
                                 const DvceArray3D<double>& u, const IoOptions& opt) {
  SLABHYDRO_MPI_CHECK(MPI_Barrier(comm));
  const double t0 = wall_seconds();
  auto host = Kokkos::create_mirror_view(u);
  {
    SlabFile f(comm, path, SlabFile::Access::read, opt);
    read_slab_vars(f, checkpoint_fields(), slab, host);
    f.close();
  }
  Kokkos::deep_copy(u, host);
  FileStats st;
  st.path = path;
  int rank = 0;
  SLABHYDRO_MPI_CHECK(MPI_Comm_rank(comm, &rank));
  unsigned long long bytes = 0;
  agree_on(comm, [&] {
    if (rank == 0) bytes = file_size(path);
  });
  SLABHYDRO_MPI_CHECK(MPI_Bcast(&bytes, 1, MPI_UNSIGNED_LONG_LONG, 0, comm));
  SLABHYDRO_MPI_CHECK(MPI_Barrier(comm));
  st.bytes = bytes;
  st.seconds = wall_seconds() - t0;
  return st;
}

}  // namespace slabhydro
