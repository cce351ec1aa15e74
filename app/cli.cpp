#include "app/cli.hpp"

#include "common/error.hpp"
#include "app/stop_requests.hpp"

namespace slabhydro {
namespace {
[[noreturn]] void cli_error(const std::string& msg) {
  throw Error(msg + " (see slabhydro --help)", true);
}
}  // namespace

std::string usage() {
  return "usage:\n"
         "  slabhydro run DECK [--set section.key=value]... [--output-dir DIR]\n"
         "                    [--restart FILE|latest] [--force] [--time-limit HH:MM:SS]\n"
         "  slabhydro inspect FILE\n"
         "  slabhydro keys run|bench [--markdown]\n"
         "  slabhydro bench [DECK] [--set section.key=value]... [--output-dir DIR]\n"
         "                  [--json FILE] [--verify]\n"
         "  slabhydro --help | --version\n"
         "\n"
         "  run      evolve the problem in DECK (a YAML input deck, see inputs/)\n"
         "           --set         override one deck key, e.g. --set mesh.nx=1024 (repeatable)\n"
         "           --output-dir  directory for all output files (overrides output.dir)\n"
         "           --restart     continue from a checkpoint, on any number of ranks; 'latest':\n"
         "                         the newest complete one in the output directory\n"
         "           --force       allow overwriting checkpoints and plot files this run did\n"
         "                         not write\n"
         "           --time-limit  wall-clock limit of this run ([[D-]HH:]MM:]SS): write a\n"
         "                         checkpoint and exit 0 before it, leaving a margin measured\n"
         "                         from the step and checkpoint times (deck: time.wall_limit)\n"
         "  inspect  print what a checkpoint or plot file holds, check that it is complete\n"
         "           and that its data match the stored state digest (exit 1 if not)\n"
         "  keys     every deck key of a command: its default, allowed values and help\n"
         + bench_usage() +
         "\n"
         "While a run goes: SIGUSR1 or a file dump_now in the output directory writes a\n"
         "checkpoint at the end of the current step and goes on; SIGTERM, SIGINT or a file\n"
         "stop_now writes one and exits 0. Continue with --restart latest.\n"
         "\n"
         "Run under MPI: mpirun -np 4 slabhydro run inputs/sedov.yaml\n";
}

CommandLine parse_command_line(int argc, char** argv) {
  CommandLine c;
  // --kokkos-* options are Kokkos's own (app/main.cpp hands them over).
  std::vector<std::string> args;
  for (int k = 1; k < argc; ++k)
    if (std::string(argv[k]).rfind("--kokkos-", 0) != 0) args.emplace_back(argv[k]);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") return c;
  if (args[0] == "--version") {
    c.kind = CommandLine::Kind::version;
    return c;
  }
  if (args[0] == "inspect") {
    c.kind = CommandLine::Kind::inspect;
    for (std::size_t k = 1; k < args.size(); ++k) {
      if (args[k] == "--help" || args[k] == "-h") {
        c.kind = CommandLine::Kind::help;
        return c;
      }
      if (!args[k].empty() && args[k][0] == '-') cli_error("unknown option '" + args[k] + "'");
      if (!c.file.empty()) cli_error("inspect takes one file");
      c.file = args[k];
    }
    if (c.file.empty()) cli_error("inspect needs a file, e.g. slabhydro inspect out/sod_chk_000100.h5");
    return c;
  }
  if (args[0] == "keys") {
    c.kind = CommandLine::Kind::keys;
    for (std::size_t k = 1; k < args.size(); ++k) {
      if (args[k] == "--markdown") {
        c.markdown = true;
      } else if (args[k] == "run" || args[k] == "bench") {
        c.file = args[k];
      } else {
        cli_error("keys takes run or bench, and --markdown; got '" + args[k] + "'");
      }
    }
    if (c.file.empty()) cli_error("keys needs a command: slabhydro keys run (or bench)");
    return c;
  }
  if (args[0] == "bench") {
    c.bench = parse_bench_args(args);
    c.kind = c.bench.help ? CommandLine::Kind::help : CommandLine::Kind::bench;
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
    if (take_override(args, k, c.overrides, true)) {
      continue;
    } else if (a == "--restart") {
      c.restart = value("--restart");
      if (c.restart.empty()) cli_error("--restart needs a checkpoint file or 'latest'");
    } else if (a.rfind("--restart=", 0) == 0) {
      c.restart = a.substr(10);
      if (c.restart.empty()) cli_error("--restart needs a checkpoint file or 'latest'");
    } else if (a == "--force") {
      c.force = true;
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
