#include "bench/bench_cli.hpp"

#include "common/error.hpp"

namespace slabhydro {
namespace {
[[noreturn]] void cli_error(const std::string& msg) {
  throw Error(msg + " (see slabhydro --help)", true);
}
// `a` as one word of a POSIX shell command line.
std::string shell_word(const std::string& a) {
  const std::string safe =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-./=:,+@%";
  if (!a.empty() && a.find_first_not_of(safe) == std::string::npos) return a;
  std::string q = "'";
  for (const char c : a) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}
}  // namespace

std::string bench_usage() {
  return "  slabhydro bench [DECK] [--set section.key=value]... [--output-dir DIR]\n"
         "                  [--json FILE] [--csv FILE] [--verify]\n"
         "\n"
         "  The FLASH-I/O-style benchmark: a checkpoint (24 unknowns, float64) and two\n"
         "  plot files (4 variables, float32, at centres and corners) written\n"
         "  bench.repetitions times beside plain MPI-IO of the same bytes. DECK defaults\n"
         "  to inputs/flashio.yaml (keys bench.*, io.*, output.dir, output.basename;\n"
         "  every key: slabhydro keys bench).\n"
         "    --json        also write the results as JSON (schema in README)\n"
         "    --csv         also write one CSV row per file and repetition\n"
         "    --verify      read every file back and check every value\n";
}

BenchArgs parse_bench_args(const std::vector<std::string>& args) {
  BenchArgs b;
  b.command_line = "slabhydro";
  for (const std::string& a : args) b.command_line += " " + shell_word(a);
  for (std::size_t k = 1; k < args.size(); ++k) {
    const std::string& a = args[k];
    auto value = [&](const char* flag) -> std::string {
      if (k + 1 >= args.size()) cli_error(std::string(flag) + " needs a value");
      const std::string v = args[++k];
      if (v.empty()) cli_error(std::string(flag) + " needs a non-empty value");
      return v;
    };
    auto inline_value = [&](const char* flag) -> std::string {
      const std::string v = a.substr(std::string(flag).size() + 1);
      if (v.empty()) cli_error(std::string(flag) + " needs a non-empty value");
      return v;
    };
    if (take_override(args, k, b.overrides, false)) {
      continue;
    } else if (a == "--json") {
      b.json = value("--json");
    } else if (a.rfind("--json=", 0) == 0) {
      b.json = inline_value("--json");
    } else if (a == "--csv") {
      b.csv = value("--csv");
    } else if (a.rfind("--csv=", 0) == 0) {
      b.csv = inline_value("--csv");
    } else if (a == "--verify") {
      b.overrides.push_back({"bench.verify=true", "--verify", {"--verify"}});
    } else if (a == "--help" || a == "-h") {
      b.help = true;
      return b;
    } else if (!a.empty() && a[0] == '-') {
      cli_error("unknown option '" + a + "' for bench");
    } else if (b.deck.empty()) {
      b.deck = a;
    } else {
      cli_error("unexpected argument '" + a + "' (the deck is already '" + b.deck + "')");
    }
  }
  return b;
}

}  // namespace slabhydro
