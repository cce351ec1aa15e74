#include "cli.hpp"

#include "error.hpp"

namespace slabhydro {
namespace {
[[noreturn]] void cli_error(const std::string& msg) {
  throw Error(msg + " (see slabhydro --help)", true);
}
}  // namespace

std::string usage() {
  return "usage:\n"
         "  slabhydro run DECK [--set section.key=value]... [--output-dir DIR]\n"
         "  slabhydro --help | --version\n"
         "\n"
         "  run     evolve the problem in DECK (a YAML input deck, see inputs/)\n"
         "          --set         override one deck key, e.g. --set mesh.nx=1024 (repeatable)\n"
         "          --output-dir  directory for all output files (overrides output.dir)\n"
         "\n"
         "Run under MPI: mpirun -np 4 slabhydro run inputs/sedov.yaml\n";
}

CommandLine parse_command_line(int argc, char** argv) {
  CommandLine c;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") return c;
  if (args[0] == "--version") {
    c.kind = CommandLine::Kind::version;
    return c;
  }
  if (args[0] != "run") cli_error("unknown command '" + args[0] + "'");
  c.kind = CommandLine::Kind::run;
  for (std::size_t k = 1; k < args.size(); ++k) {
    const std::string& a = args[k];
    auto value = [&](const char* flag) -> std::string {
      if (k + 1 >= args.size()) cli_error(std::string(flag) + " needs a value");
      return args[++k];
    };
    if (a == "--set") {
      c.sets.push_back(value("--set"));
    } else if (a.rfind("--set=", 0) == 0) {
      c.sets.push_back(a.substr(6));
    } else if (a == "--output-dir") {
      c.output_dir = value("--output-dir");
    } else if (a == "--help" || a == "-h") {
      c.kind = CommandLine::Kind::help;
      return c;
    } else if (!a.empty() && a[0] == '-') {
      cli_error("unknown option '" + a + "'");
    } else if (c.deck.empty()) {
      c.deck = a;
    } else {
      cli_error("unexpected argument '" + a + "' (the deck is already '" + c.deck + "')");
    }
  }
  if (c.deck.empty()) cli_error("run needs a deck, e.g. slabhydro run inputs/sod.yaml");
  return c;
}

}  // namespace slabhydro
