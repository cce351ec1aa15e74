// The settings table of `slabhydro bench` (app/settings.hpp says what an
// entry holds); output.dir, output.basename and io.* are the ones `run`
// has (app/file_settings.hpp).
#include "app/file_settings.hpp"
#include "bench/bench_config.hpp"

namespace slabhydro {
namespace {

using C = BenchConfig;

Settings<C> own_settings() {
  return {
      int_setting<C>(
          "bench.nx", 0, "global columns: strong scaling; 0: weak scaling with bench.nx_per_rank",
          at_least(0), [](auto& c) -> auto& { return c.nx; }),
      int_setting<C>(
          "bench.nx_per_rank", 160,
          "columns per rank when bench.nx is 0 (160 x 256 zones x 24 float64 = "
          "FLASH-IO's 7.5 MiB)",
          at_least(1, 1 << 24), [](auto& c) -> auto& { return c.nx_per_rank; }),
      int_setting<C>(
          "bench.ny", 256, "rows", at_least(1, 1 << 24), [](auto& c) -> auto& { return c.ny; }),
      int_setting<C>(
          "bench.ng", 4, "guard cells around each slab in memory (FLASH-IO: 4)", at_least(1, 64),
          [](auto& c) -> auto& { return c.ng; }),
      bool_setting<C>(
          "bench.fsync", true, "flush every file to stable storage before close",
          [](auto& c) -> auto& { return c.fsync; }),
      int_setting<C>(
          "bench.repetitions", 3, "times each file (and its baseline) is written",
          at_least(1, 1000), [](auto& c) -> auto& { return c.repetitions; }),
      bool_setting<C>(
          "bench.keep_files", false, "keep the last repetition's files",
          [](auto& c) -> auto& { return c.keep_files; }),
      bool_setting<C>(
          "bench.read", true, "read the checkpoint back restart-style, timed",
          [](auto& c) -> auto& { return c.read; }),
      bool_setting<C>(
          "bench.drop_cache", true,
          "drop a file's cached pages before reading it (fsync + posix_fadvise "
          "DONTNEED)",
          [](auto& c) -> auto& { return c.drop_cache; }),
      bool_setting<C>(
          "bench.verify", false, "read every file back and check every value (also --verify)",
          [](auto& c) -> auto& { return c.verify; }),
  };
}

}  // namespace

// slabhydro:table
const Settings<BenchConfig>& bench_settings() {
  static const Settings<C> table = [] {
    Settings<C> t = own_settings();
    const Settings<C> files = file_settings<C>(
        "flashio", "prefix of the benchmark's files", [](auto& c) -> auto& { return c.dir; },
        [](auto& c) -> auto& { return c.basename; }, [](auto& c) -> auto& { return c.io; });
    t.insert(t.end(), files.begin(), files.end());
    return t;
  }();
  return table;
}

KeyList bench_keys() { return keys_of(bench_settings()); }

}  // namespace slabhydro
