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

int run_bench(MPI_Comm comm, const BenchArgs& a, const Schema& schema) {
  int np = 1, rank = 0;
  SLABHYDRO_MPI_CHECK(MPI_Comm_size(comm, &np));
  SLABHYDRO_MPI_CHECK(MPI_Comm_rank(comm, &rank));
  const Deck deck = load_deck(comm, a, schema);
  const BenchConfig cfg = make_bench_config(deck, np);
  // A JSON report that cannot be written fails now, not after the benchmark.
  if (!a.json.empty())
    agree_on(comm, [&] {
      if (rank != 0) return;
      const bool exists = file_exists(a.json);
      if (exists ? ::access(a.json.c_str(), W_OK) != 0
                 : ::access(parent_dir(a.json).c_str(), W_OK | X_OK) != 0)
        throw Error("cannot write the JSON report '" + a.json + "': " + std::strerror(errno));
    });

  const BenchRun result = run_benchmark(comm, cfg);
  if (rank == 0) std::cout << bench_table(result) << std::flush;
  if (!a.json.empty()) {
    agree_on(comm, [&] {
      if (rank != 0) return;
      const std::string text = bench_json(result);
      std::ofstream out(a.json, std::ios::binary | std::ios::trunc);
      out << text;
      out.flush();
      if (!out) throw Error("cannot write the JSON report '" + a.json + "'");
    });
    if (rank == 0) std::cout << "JSON report: " << a.json << "\n" << std::flush;
  }
  return 0;
}

}  // namespace slabhydro
