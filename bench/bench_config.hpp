#pragma once
// The validated configuration of `slabhydro bench`, built from a deck whose
// keys are bench.* (sizes, repetitions), io.* (transfer mode, MPI-IO hints,
// alignment, dataset layout: the same keys `run` uses for its files) and
// output.dir / output.basename. Any other key is refused: the benchmark has
// its own mesh. Every error names the key and where its value came from.
#include <hdf5.h>

#include <string>
#include <vector>

#include "app/deck.hpp"
#include "app/settings.hpp"
#include "io/h5_props.hpp"

namespace slabhydro {

enum class BenchScaling { weak, strong };

struct BenchConfig {
  BenchScaling scaling = BenchScaling::weak;  // strong when bench.nx > 0
  int nx_per_rank = 160;                      // weak: columns of every slab; strong: of the widest
  int nx = 0;                                 // global columns (weak: nx_per_rank * ranks)
  int ny = 256, ng = 4;
  IoOptions io;  // io.layout: io.chunk, io.deflate, io.szip
  bool fsync = true;
  int repetitions = 3;
  std::string dir = ".", basename = "flashio";
  bool keep_files = false, read = true, drop_cache = true, verify = false;
  std::string deck_origin;
};

// The settings of `slabhydro bench` (bench/bench_settings.cpp): bench.*, and
// output.dir, output.basename and io.* as `run` has them.
const Settings<BenchConfig>& bench_settings();
KeyList bench_keys();

// nranks: the size of the communicator the benchmark runs on.
BenchConfig make_bench_config(const Deck& deck, int nranks);

const char* to_string(BenchScaling s);

}  // namespace slabhydro
