// Asynchronous checkpoints on 1-4 ranks: the file holds the state at the
// start of the write although the state changes while it is written; it is
// the file a synchronous write makes; a failed write throws one collective
// Error on every rank at wait(), and the next write works. And the
// background task underneath: ended() without blocking, wait() rethrows.
#include <mpi.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

#include "common/background_task.hpp"
#include "common/error.hpp"
#include "decomposition/global_reduce.hpp"
#include "decomposition/slab_decomposition.hpp"
#include "io/async_checkpoint.hpp"
#include "io/checkpoint_io.hpp"
#include "io/file_ops.hpp"
#include "solver/backend.hpp"
#include "solver/hydro_state.hpp"

using namespace slabhydro;

namespace {

GlobalMesh test_mesh() {
  GlobalMesh m;
  m.nx = 37;  // no rank count of 2-4 divides it
  m.ny = 11;
  m.ng = 2;
  return m;
}

// u(v, j, i) = a function of the global zone and `level`, guards included.
void fill(const Slab& s, const DvceArray3D<double>& u, double level) {
  auto h = Kokkos::create_mirror_view(u);
  for (int v = 0; v < int(u.extent(0)); ++v)
    for (int j = 0; j < s.ny_tot(); ++j)
      for (int i = 0; i < s.nx_tot(); ++i)
        h(v, j, i) = level * 1000.0 + v * 100.0 + (s.x_offset + i) + 0.001 * j;
  Kokkos::deep_copy(u, h);
}

// The interior of the checkpoint at `path` equals fill(level).
bool holds_level(MPI_Comm comm, const std::string& path, const Slab& s, double level) {
  DvceArray3D<double> r("read", NVAR, s.ny_tot(), s.nx_tot());
  read_checkpoint_fields(comm, path, s, r, IoOptions{});
  auto h = Kokkos::create_mirror_view_and_copy(Kokkos::HostSpace(), r);
  const int ng = s.mesh.ng;
  for (int v = 0; v < NVAR; ++v)
    for (int j = ng; j < ng + s.mesh.ny; ++j)
      for (int i = ng; i < ng + s.nx_local; ++i)
        if (h(v, j, i) != level * 1000.0 + v * 100.0 + (s.x_offset + i) + 0.001 * j) return false;
  return true;
}

CheckpointMeta test_meta(long long step) {
  CheckpointMeta m;
  const GlobalMesh g = test_mesh();
  m.lineage = "0123456789abcdef0123456789abcdef";
  m.step = step;
  m.dt = 0.01;
  m.time = 0.01 * double(step);
  m.nx = g.nx;
  m.ny = g.ny;
  m.x1max = m.x2max = 1.0;
  m.boundaries = {"periodic", "periodic", "periodic", "periodic"};
  m.gamma = 1.4;
  m.problem = "sod";
  m.deck = "mesh: {nx: 37}";
  m.software_version = "slabhydro test";
  return m;
}

std::string scratch(const std::string& name, int size) {
  return "async_np" + std::to_string(size) + "_" + name + ".h5";
}

}  // namespace

TEST_CASE("an asynchronous checkpoint holds the state of its start and equals a synchronous one") {
  SlabDecomposition d(MPI_COMM_WORLD, test_mesh(), true);
  const Slab& s = d.slab();
  DvceArray3D<double> u("u", NVAR, s.ny_tot(), s.nx_tot());
  fill(s, u, 1.0);
  CheckpointWriter w(s, u, true);
  REQUIRE(w.extra_bytes() == std::size_t(NVAR) * s.ny_tot() * s.nx_tot() * sizeof(double));
  AsyncCheckpoint a(d.comm(), w);
  const std::uint64_t digest = state_digest(d, u);  // what a synchronous checkpoint stores
  const std::string path = scratch("state", d.size());
  a.start(path, test_meta(3), IoOptions{});
  REQUIRE(a.busy());
  fill(s, u, 2.0);  // the time loop goes on
  const FileStats st = a.wait();
  REQUIRE_FALSE(a.busy());
  REQUIRE(st.bytes == file_size(path));
  CHECK(holds_level(d.comm(), path, s, 1.0));
  // The synchronous writer, from the state as it is now.
  CheckpointWriter plain(s, u);
  if (!device_memory_is_separate()) REQUIRE(plain.extra_bytes() == 0);  // the mirror is u
  const std::string sync_path = scratch("sync", d.size());
  plain.write(d.comm(), sync_path, test_meta(3), IoOptions{});
  CHECK(holds_level(d.comm(), sync_path, s, 2.0));
  const CheckpointAttributes x = read_checkpoint_meta(path), y = read_checkpoint_meta(sync_path);
  CHECK(x.meta.step == y.meta.step);
  CHECK(x.meta.lineage == y.meta.lineage);
  CHECK(x.meta.nranks == d.size());
  // The digest, computed on the writer thread from the snapshot, is the state's.
  CHECK(x.meta.digest == digest);
  CHECK(y.meta.digest == 0);  // none given to the synchronous writer here
  CHECK(x.meta.digest != state_digest(d, u));
}

TEST_CASE("a failed asynchronous checkpoint throws one collective error on every rank") {
  SlabDecomposition d(MPI_COMM_WORLD, test_mesh(), true);
  const Slab& s = d.slab();
  DvceArray3D<double> u("u", NVAR, s.ny_tot(), s.nx_tot());
  fill(s, u, 1.0);
  CheckpointWriter w(s, u, true);
  AsyncCheckpoint a(d.comm(), w);
  a.start("no_such_directory/x_chk.h5", test_meta(1), IoOptions{});
  REQUIRE_THROWS_AS(a.start("y.h5", test_meta(2), IoOptions{}), Error);  // still busy
  bool collective = false;
  std::string what;
  try {
    a.wait();
  } catch (const Error& e) {
    collective = e.collective();
    what = e.what();
  }
  CHECK(collective);
  CHECK(what.find("no_such_directory/x_chk.h5 was not written") != std::string::npos);
  // The next one works.
  const std::string path = scratch("after_failure", d.size());
  a.start(path, test_meta(2), IoOptions{});
  a.wait();
  CHECK(holds_level(d.comm(), path, s, 1.0));
}

TEST_CASE("a background task: ended() without blocking, wait() joins and rethrows") {
  BackgroundTask t;
  CHECK_FALSE(t.busy());
  CHECK_FALSE(t.ended());
  t.wait();  // nothing to wait for
  std::atomic<bool> go{false};
  t.start([&] {
    while (!go.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  });
  CHECK(t.busy());
  CHECK_FALSE(t.ended());  // held until go
  CHECK_THROWS_AS(t.start([] {}), Error);
  go = true;
  while (!t.ended()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  t.wait();
  CHECK_FALSE(t.busy());
  t.start([] { throw std::runtime_error("from the task"); });
  CHECK_THROWS_WITH(t.wait(), "from the task");
  CHECK_FALSE(t.busy());
}
