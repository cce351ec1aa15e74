#pragma once
// The validated configuration of `slabhydro bench`, built from a deck whose
// keys are bench.* (sizes, layout, repetitions), io.* (transfer mode, MPI-IO
// hints, alignment: the same keys `run` uses for its checkpoints) and
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

// Dataset layout: contiguous, one chunk per slab, or a fixed chunk shape.
struct BenchChunk {
  enum class Kind { none, slab, shape } kind = Kind::none;
  long long ny = 0, nx = 0;  // kind == shape: rows x columns
};

struct BenchConfig {
  BenchScaling scaling = BenchScaling::weak;  // strong when bench.nx > 0
  int nx_per_rank = 160;                      // weak: columns of every slab; strong: of the widest
  int nx = 0;                                 // global columns (weak: nx_per_rank * ranks)
  int ny = 256, ng = 4;
  IoOptions io;
  BenchChunk chunk;
  int deflate = 0;
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

// "none", "slab" or "RxC".
std::string to_string(const BenchChunk& c);
const char* to_string(BenchScaling s);

}  // namespace slabhydro
