#include "app/bench_schema.hpp"

namespace slabhydro {

const std::vector<KeySpec>& bench_deck_keys() {
  using K = KeyType;
  // Also read by the benchmark: io.mode, io.hints, io.alignment,
  // io.alignment_threshold, output.dir, output.basename (default flashio).
  static const std::vector<KeySpec> keys = {
      {"bench.nx", K::integer, "0",
       "global columns: strong scaling; 0: weak scaling with bench.nx_per_rank"},
      {"bench.nx_per_rank", K::integer, "160",
       "columns per rank when bench.nx is 0 (160 x 256 zones x 24 float64 = FLASH-IO's 7.5 MiB)"},
      {"bench.ny", K::integer, "256", "rows"},
      {"bench.ng", K::integer, "4", "guard cells around each slab in memory (FLASH-IO: 4)"},
      {"bench.chunk", K::string, "none",
       "none (contiguous) | slab (one chunk per slab) | ROWSxCOLS, e.g. 64x128"},
      {"bench.deflate", K::integer, "0",
       "gzip level 0-9 (0: off); needs bench.chunk, and io.mode collective or serial"},
      {"bench.fsync", K::boolean, "true", "flush every file to stable storage before close"},
      {"bench.repetitions", K::integer, "3", "times each file (and its baseline) is written"},
      {"bench.keep_files", K::boolean, "false", "keep the last repetition's files"},
      {"bench.read", K::boolean, "true", "read the checkpoint back restart-style, timed"},
      {"bench.drop_cache", K::boolean, "true",
       "drop a file's cached pages before reading it (fsync + posix_fadvise DONTNEED)"},
      {"bench.verify", K::boolean, "false",
       "read every file back and check every value (also --verify)"},
  };
  return keys;
}

std::vector<KeySpec> with_bench_keys(const std::vector<KeySpec>& base) {
  std::vector<KeySpec> all = base;
  all.insert(all.end(), bench_deck_keys().begin(), bench_deck_keys().end());
  return all;
}

}  // namespace slabhydro
