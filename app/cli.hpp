#pragma once
// The command line: slabhydro run|inspect|bench ... Pure parsing, no MPI.
#include <string>
#include <vector>

#include "app/deck.hpp"
#include "bench/bench_cli.hpp"

namespace slabhydro {

struct CommandLine {
  enum class Kind { help, version, run, inspect, bench, keys } kind = Kind::help;
  std::string help_topic;           // help: "" (all), "run", "inspect", "bench", "keys"
  std::string deck;                 // run: the deck file
  std::vector<Override> overrides;  // --set, --output-dir, --time-limit, in order
  std::string restart;              // --restart FILE | latest; empty: a fresh run
  bool force = false;               // --force: may move another run's output aside
  std::string file;                 // inspect: the file; keys: the command
  bool markdown = false;            // keys --markdown
  BenchArgs bench;                  // bench: its arguments (bench_cli.hpp)
};

// Throws a collective Error with a usage hint on bad arguments.
CommandLine parse_command_line(int argc, char** argv);
// The help of one command ("run", "inspect", "bench", "keys"), or of all ("").
std::string usage(const std::string& topic = "");

}  // namespace slabhydro
