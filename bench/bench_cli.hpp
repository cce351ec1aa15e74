#pragma once
// The arguments of `slabhydro bench`. Pure parsing, no MPI.
#include <string>
#include <vector>

#include "app/deck.hpp"

namespace slabhydro {

struct BenchArgs {
  std::string deck;                 // empty: inputs/flashio.yaml if present, else the defaults
  std::vector<Override> overrides;  // --set, --output-dir, --verify, in order
  std::string json;                 // --json FILE; empty: no JSON report
  std::string csv;                  // --csv FILE; empty: no CSV report
  std::string command_line;         // "slabhydro bench ...", quoted for a shell
  bool help = false;                // --help among them
};

constexpr const char* kBenchDefaultDeck = "inputs/flashio.yaml";

// args[0] is "bench". Throws a collective Error with a usage hint on bad arguments.
BenchArgs parse_bench_args(const std::vector<std::string>& args);
// The lines of `slabhydro --help` about bench.
std::string bench_usage();

}  // namespace slabhydro
