#include "bench/bench_command.hpp"

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
#include "bench/bench_report.hpp"
#include "bench/bench_runner.hpp"
#include "bench/bench_verify.hpp"
#include "common/collective.hpp"
#include "common/error.hpp"
#include "common/mpi_check.hpp"
#include "common/timers.hpp"
#include "decomposition/global_reduce.hpp"
#include "decomposition/halo_exchange.hpp"
#include "decomposition/slab_decomposition.hpp"
#include "io/file_ops.hpp"
#include "io/slab_view_io.hpp"

namespace slabhydro {
namespace {

// The deck: the one named, else inputs/flashio.yaml if there is one, else
// every key at its default.
Deck load_deck(MPI_Comm comm, const BenchArgs& a, const Schema& schema) {
  std::string path = a.deck;
  if (path.empty()) {
    int rank = 0, exists = 0;
    SLABHYDRO_MPI_CHECK(MPI_Comm_rank(comm, &rank));
    if (rank == 0) exists = file_exists(kBenchDefaultDeck) ? 1 : 0;
    SLABHYDRO_MPI_CHECK(MPI_Bcast(&exists, 1, MPI_INT, 0, comm));
    if (!exists) return Deck("", "(built-in defaults)", a.overrides, schema);
    path = kBenchDefaultDeck;
  }
  return Deck(read_deck_text(comm, path), path, a.overrides, schema);
}

}  // namespace

namespace {

// A report file that cannot be written fails before the benchmark, not after.
void check_writable(MPI_Comm comm, int rank, const std::string& path, const char* what) {
  if (path.empty()) return;
  agree_on(comm, [&] {
    if (rank != 0) return;
    const bool exists = file_exists(path);
    if (exists ? ::access(path.c_str(), W_OK) != 0
               : ::access(parent_dir(path).c_str(), W_OK | X_OK) != 0)
      throw Error(std::string("cannot write the ") + what + " '" + path +
                  "': " + std::strerror(errno));
  });
}

void write_report(MPI_Comm comm, int rank, const std::string& path, const char* what,
                  const std::function<std::string()>& text) {
  if (path.empty()) return;
  agree_on(comm, [&] {
    if (rank != 0) return;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text();
    out.flush();
    if (!out) throw Error(std::string("cannot write the ") + what + " '" + path + "'");
  });
  if (rank == 0) std::cout << what << ": " << path << "\n" << std::flush;
}

}  // namespace

int run_bench(MPI_Comm comm, const BenchArgs& a, const Schema& schema) {
  int np = 1, rank = 0;
  SLABHYDRO_MPI_CHECK(MPI_Comm_size(comm, &np));
  SLABHYDRO_MPI_CHECK(MPI_Comm_rank(comm, &rank));
  const Deck deck = load_deck(comm, a, schema);
  const BenchConfig cfg = make_bench_config(deck, np);
  check_writable(comm, rank, a.json, "JSON report");
  check_writable(comm, rank, a.csv, "CSV report");
  const std::string start = utc_now_iso8601();
  BenchRun result = run_benchmark(comm, cfg);
  result.environment = bench_environment(comm, cfg.dir);
  result.environment.start_utc = start;
  result.environment.end_utc = utc_now_iso8601();
  result.environment.command_line = a.command_line;
  for (BenchMeasurement& m : result.measurements) {  // the reports name absolute paths
    m.path = join_path(result.environment.dir, base_name(m.path));
    m.baseline_path = join_path(result.environment.dir, base_name(m.baseline_path));
  }
  if (rank == 0)
    std::cout << environment_text(result.environment) << bench_table(result) << std::flush;
  write_report(comm, rank, a.json, "JSON report", [&] { return bench_json(result); });
  write_report(comm, rank, a.csv, "CSV report", [&] { return bench_csv(result); });
  return 0;
}

}  // namespace slabhydro
