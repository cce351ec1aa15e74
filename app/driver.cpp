#include "app/driver.hpp"

#include <cstdlib>
#include <optional>
#include <string>

#include "app/command_text.hpp"
#include "app/deck_source.hpp"
#include "app/resource_check.hpp"
#include "app/restart.hpp"
#include "app/run_config.hpp"
#include "app/schemas.hpp"
#include "app/simulation.hpp"
#include "app/stop_requests.hpp"
#include "common/error.hpp"
#include "common/mpi_check.hpp"
#include "common/mpi_threads.hpp"
#include "common/timers.hpp"
#include "io/lineage.hpp"
#include "io/output_lock.hpp"

namespace slabhydro {
namespace {

// The deck read and checked, before anything is allocated or written.
RunConfig run_config(MPI_Comm comm, const Deck& deck) {
  RunConfig cfg = make_run_config(deck);
  int rank = 0, nranks = 1;
  SLABHYDRO_MPI_CHECK(MPI_Comm_rank(comm, &rank));
  SLABHYDRO_MPI_CHECK(MPI_Comm_size(comm, &nranks));
  if (rank == 0)
    for (const std::string& w : cfg.warnings) warn(w);
  check_output_paths(deck, cfg, nranks);
  if (cfg.checkpoint.async && provided_mpi_thread_level() < MPI_THREAD_MULTIPLE)
    deck.fail("checkpoint.async",
              "true needs MPI_THREAD_MULTIPLE (the writer thread calls MPI-IO while the time "
              "loop exchanges halos), and this MPI library provided " +
                  mpi_thread_level_name(provided_mpi_thread_level()) +
                  (std::getenv("SLABHYDRO_MPI_THREAD")
                       ? " (asked for with SLABHYDRO_MPI_THREAD=" +
                             std::string(std::getenv("SLABHYDRO_MPI_THREAD")) + ")"
                       : std::string()) +
                  ": set checkpoint.async: false");
  check_resources(comm, cfg, deck);
  cfg.io.writer_tag = new_writer_tag(comm);
  return cfg;
}

// The newest checkpoint that can be continued: --restart latest falls back
// past checkpoints whose data are damaged.
void restart(MPI_Comm comm, const CommandLine& cl, const RunConfig& cfg, const Deck& deck,
             Simulation& sim) {
  int rank = 0;
  SLABHYDRO_MPI_CHECK(MPI_Comm_rank(comm, &rank));
  for (long long below = -1;;) {
    const RestartPoint r = find_restart(comm, cl.restart, cfg, deck, below);
    const std::string why = sim.load(r);
    if (why.empty()) return;
    if (cl.restart != "latest") throw Error("--restart: " + r.path + ": " + why, true);
    if (rank == 0) warn("--restart latest: skipping " + r.path + ": " + why);
    below = r.meta.step;
  }
}

// A failure of this rank alone ends the job at once, as main() would, but
// before unwinding joins an asynchronous checkpoint's writer thread, whose
// collective calls may wait for ranks that have stopped.
[[noreturn]] void abort_job(int rank, const std::string& what, int code) {
  print_stderr_line("slabhydro: " + std::string(code == 1 ? "error" : "internal error") +
                    " on rank " + std::to_string(rank) + ": " + what);
  MPI_Abort(MPI_COMM_WORLD, code);
  std::_Exit(code);
}

template <class F>
int abort_on_local_failure(MPI_Comm comm, F&& f) {
  int rank = 0, size = 1;
  SLABHYDRO_MPI_CHECK(MPI_Comm_rank(comm, &rank));
  SLABHYDRO_MPI_CHECK(MPI_Comm_size(comm, &size));
  try {
    return f();
  } catch (const Error& e) {
    if (e.collective() || size == 1) throw;
    abort_job(rank, e.what(), 1);
  } catch (const std::exception& e) {
    if (size == 1) throw;
    abort_job(rank, e.what(), 2);
  }
}

}  // namespace

int run_simulation(MPI_Comm comm, const CommandLine& cl) {
  const double t_launch = wall_seconds();
  // SIGUSR1/SIGTERM/SIGINT only set flags once the time loop runs (before it,
  // SIGTERM and SIGINT end the process: there is nothing to checkpoint yet).
  StopSignalHandlers handlers;
  const Deck deck(read_deck_text(comm, cl.deck), cl.deck, cl.overrides, run_schema());
  const RunConfig cfg = run_config(comm, deck);
  // One live run per output directory and basename, from before the output
  // is looked at to the end; declared first so that it outlives the
  // simulation and the background checkpoint it may still be writing.
  std::optional<OutputLock> lock;
  Simulation sim(comm, cfg, cl, t_launch);
  if (cl.restart.empty()) sim.start_fresh(new_lineage_id(comm));
  lock.emplace(comm, cfg.output.dir, cfg.output.basename, command_summary(cl));
  return abort_on_local_failure(comm, [&] {
    if (!cl.restart.empty()) restart(comm, cl, cfg, deck, sim);
    return sim.run(handlers);
  });
}

}  // namespace slabhydro
