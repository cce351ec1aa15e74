#include "app/cli.hpp"

#include "common/error.hpp"

namespace slabhydro {
namespace {

[[noreturn]] void cli_error(const std::string& msg) {
  throw Error(msg + " (see slabhydro --help)", true);
}

const char* kRunUsage =
    "  slabhydro run DECK [--set section.key=value]... [--output-dir DIR]\n"
    "                [--restart FILE|latest] [--force] [--time-limit [[D-]HH:]MM:]SS]\n"
    "\n"
    "  Evolves the problem in DECK (a YAML input deck, see inputs/; every key:\n"
    "  slabhydro keys run).\n"
    "    --set         override one deck key, e.g. --set mesh.nx=1024 (repeatable)\n"
    "    --output-dir  directory for all output files (the deck's output.dir)\n"
    "    --restart     continue from a checkpoint, on any number of ranks; 'latest':\n"
    "                  the newest one in the output directory that verifies\n"
    "    --force       start even where another run's output is in the way: it is\n"
    "                  moved into OUTDIR/superseded/, never deleted\n"
    "    --time-limit  wall-clock limit of this run: write a checkpoint and exit 0\n"
    "                  before it, leaving a margin measured from the step and\n"
    "                  checkpoint times (the deck's time.wall_limit)\n"
    "  While a run goes: SIGUSR1 or a file dump_now in the output directory writes a\n"
    "  checkpoint at the end of the current step and goes on; SIGTERM, SIGINT or a file\n"
    "  stop_now writes one and exits 0. Continue with --restart latest.\n"
    "  Run under MPI: mpirun -np 4 slabhydro run inputs/sedov.yaml\n";

const char* kInspectUsage =
    "  slabhydro inspect FILE\n"
    "\n"
    "  Prints what a checkpoint or plot file holds and checks it: complete, its\n"
    "  metadata checksum and values, and for a checkpoint the state digest\n"
    "  recomputed from the data. Exit code 0 only if every check passes.\n";

const char* kKeysUsage =
    "  slabhydro keys run|bench [--markdown]\n"
    "\n"
    "  Every deck key of the command: its default ([...], * if required), its\n"
    "  allowed values and one line of help; --markdown: as the README's tables.\n";

CommandLine help_for(const char* topic) {
  CommandLine c;
  c.kind = CommandLine::Kind::help;
  c.help_topic = topic;
  return c;
}

CommandLine parse_inspect(const std::vector<std::string>& args) {
  CommandLine c;
  c.kind = CommandLine::Kind::inspect;
  for (std::size_t k = 1; k < args.size(); ++k) {
    if (args[k] == "--help" || args[k] == "-h") return help_for("inspect");
    if (!args[k].empty() && args[k][0] == '-') cli_error("unknown option '" + args[k] + "'");
    if (!c.file.empty()) cli_error("inspect takes one file");
    c.file = args[k];
  }
  if (c.file.empty())
    cli_error("inspect needs a file, e.g. slabhydro inspect out/sod_chk_000100.h5");
  return c;
}

CommandLine parse_keys(const std::vector<std::string>& args) {
  CommandLine c;
  c.kind = CommandLine::Kind::keys;
  for (std::size_t k = 1; k < args.size(); ++k) {
    if (args[k] == "--help" || args[k] == "-h") return help_for("keys");
    if (args[k] == "--markdown")
      c.markdown = true;
    else if (args[k] == "run" || args[k] == "bench")
      c.file = args[k];
    else
      cli_error("keys takes run or bench, and --markdown; got '" + args[k] + "'");
  }
  if (c.file.empty()) cli_error("keys needs a command: slabhydro keys run (or bench)");
  return c;
}

CommandLine parse_run(const std::vector<std::string>& args) {
  CommandLine c;
  c.kind = CommandLine::Kind::run;
  for (std::size_t k = 1; k < args.size(); ++k) {
    const std::string& a = args[k];
    if (take_override(args, k, c.overrides, true)) continue;
    if (a == "--restart" || a.rfind("--restart=", 0) == 0) {
      if (a == "--restart" && k + 1 >= args.size()) cli_error("--restart needs a value");
      c.restart = a == "--restart" ? args[++k] : a.substr(10);
      if (c.restart.empty()) cli_error("--restart needs a checkpoint file or 'latest'");
    } else if (a == "--force") {
      c.force = true;
    } else if (a == "--help" || a == "-h") {
      return help_for("run");
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

}  // namespace

std::string usage(const std::string& topic) {
  if (topic == "run") return std::string("usage:\n") + kRunUsage;
  if (topic == "inspect") return std::string("usage:\n") + kInspectUsage;
  if (topic == "keys") return std::string("usage:\n") + kKeysUsage;
  if (topic == "bench") return "usage:\n" + bench_usage();
  return "usage:\n"
         "  slabhydro run DECK [options]       evolve a problem (slabhydro run --help)\n"
         "  slabhydro inspect FILE             check a checkpoint or plot file\n"
         "  slabhydro bench [DECK] [options]   the FLASH-I/O-style I/O benchmark\n"
         "  slabhydro keys run|bench           every deck key of a command\n"
         "  slabhydro --help | --version\n"
         "  slabhydro COMMAND --help           the options of one command\n"
         "\n"
         "run:\n" +
         std::string(kRunUsage) + "\ninspect:\n" + kInspectUsage + "\nbench:\n" + bench_usage() +
         "\nkeys:\n" + kKeysUsage;
}

CommandLine parse_command_line(int argc, char** argv) {
  // --kokkos-* options are Kokkos's own (app/main.cpp hands them over).
  std::vector<std::string> args;
  for (int k = 1; k < argc; ++k)
    if (std::string(argv[k]).rfind("--kokkos-", 0) != 0) args.emplace_back(argv[k]);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") return {};
  if (args[0] == "--version") {
    CommandLine c;
    c.kind = CommandLine::Kind::version;
    return c;
  }
  if (args[0] == "inspect") return parse_inspect(args);
  if (args[0] == "keys") return parse_keys(args);
  if (args[0] == "run") return parse_run(args);
  if (args[0] == "bench") {
    CommandLine c;
    c.bench = parse_bench_args(args);
    if (c.bench.help) return help_for("bench");
    c.kind = CommandLine::Kind::bench;
    return c;
  }
  cli_error("unknown command '" + args[0] + "'");
}

}  // namespace slabhydro
