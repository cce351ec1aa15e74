#pragma once
// The command line: slabhydro run|inspect|bench ... Pure parsing, no MPI.
#include <string>
#include <vector>

#include "app/bench_cli.hpp"

namespace slabhydro {

struct CommandLine {
  enum class Kind { help, version, run, inspect, bench } kind = Kind::help;
  std::string deck;                // run: the deck file
  std::vector<std::string> sets;   // --set section.key=value, in order
  std::string output_dir;          // --output-dir (overrides output.dir)
  std::string restart;             // --restart FILE | latest; empty: a fresh run
  bool force = false;              // --force: may overwrite output it did not write
  double time_limit = 0.0;         // --time-limit, seconds; 0: the deck's time.wall_limit
  std::string file;                // inspect: the file
  BenchArgs bench;                 // bench: its arguments (bench_cli.hpp)
};

// Throws a collective Error with a usage hint on bad arguments.
CommandLine parse_command_line(int argc, char** argv);
std::string usage();

}  // namespace slabhydro
