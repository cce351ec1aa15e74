// The deck (app/deck.cpp, app/run_config.cpp, app/cli.cpp): edit distance
// and suggestions, where a value came from, type and range errors naming the
// key and the deck line, --set overrides, and every shipped deck validates.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/cli.hpp"
#include "app/deck.hpp"
#include "app/deck_yaml.hpp"
#include "app/run_config.hpp"
#include "app/schemas.hpp"
#include "common/error.hpp"

using namespace slabhydro;

namespace {

// A small valid deck, one key per line; line numbers are 1-based.
const std::vector<std::string> kBase = {
    "mesh:",                // 1
    "  nx: 16",             // 2
    "  ny: 8",              // 3
    "boundary:",            // 4
    "  x1_inner: outflow",  // 5
    "  x1_outer: outflow",  // 6
    "time:",                // 7
    "  tlim: 0.1",          // 8
    "hydro:",               // 9
    "  gamma: 1.4",         // 10
    "  cfl: 0.4",           // 11
    "problem:",             // 12
    "  name: sod",          // 13
};

std::string text_of(const std::vector<std::string>& lines) {
  std::string t;
  for (const std::string& l : lines) t += l + "\n";
  return t;
}

// kBase with line `n` (1-based) replaced.
std::string with_line(int n, const std::string& line) {
  std::vector<std::string> l = kBase;
  l[n - 1] = line;
  return text_of(l);
}

// The message of the collective Error thrown by f, or "" if none.
template <class F>
std::string error_of(F f) {
  try {
    f();
  } catch (const Error& e) {
    CHECK(e.collective());  // every rank throws it: printed once, clean stop
    return e.what();
  } catch (const std::exception& e) {
    FAIL("not a slabhydro::Error: " << e.what());
  }
  return "";
}

std::string config_error(const std::string& text, const std::vector<std::string>& sets = {}) {
  return error_of(
      [&] { make_run_config(Deck(text, "t.yaml", set_overrides(sets), run_schema())); });
}

}  // namespace

TEST_CASE("edit_distance is the Levenshtein distance", "[unit][deck]") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("abc", "") == 3);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("sitting", "kitten") == 3);
  CHECK(edit_distance("hydro.cfl", "hydro.cfl") == 0);
  CHECK(edit_distance("hydro.cfll", "hydro.cfl") == 1);  // insertion
  CHECK(edit_distance("hydro.cf", "hydro.cfl") == 1);    // deletion
  CHECK(edit_distance("hydro.cgl", "hydro.cfl") == 1);   // substitution
  CHECK(edit_distance("ab", "ba") == 2);                 // no transpositions
  CHECK(edit_distance("flaw", "lawn") == 2);
}

TEST_CASE("deck schema: unique keys, defaults parse as their type", "[unit][deck]") {
  const KeyList& schema = run_schema().keys;
  for (std::size_t a = 0; a < schema.size(); ++a) {
    INFO(schema[a].key);
    CHECK(find_key(schema, schema[a].key) == &schema[a]);
    for (std::size_t b = a + 1; b < schema.size(); ++b) CHECK(schema[a].key != schema[b].key);
  }
  CHECK(find_key(schema, "hydro.cfll") == nullptr);
  // Every default reads back as its key's type.
  const std::string minimal = "mesh: {nx: 8, ny: 8}\ntime: {tlim: 1.0}\nproblem: {name: sedov}\n";
  const Deck defaults(minimal, "m.yaml", {}, run_schema());
  for (const KeySpec& k : schema) {
    if (k.required) continue;
    INFO(k.key << " default '" << k.fallback << "'");
    switch (k.type) {
      case KeyType::integer: CHECK_NOTHROW(defaults.get_int(k.key)); break;
      case KeyType::real: CHECK_NOTHROW(defaults.get_real(k.key)); break;
      case KeyType::string: CHECK_NOTHROW(defaults.get_string(k.key)); break;
      case KeyType::boolean: CHECK_NOTHROW(defaults.get_bool(k.key)); break;
      case KeyType::map: CHECK_NOTHROW(defaults.get_map(k.key)); break;
    }
    CHECK(defaults.where(k.key) == "m.yaml (default)");
  }
  // The schema defaults of a minimal deck validate.
  const RunConfig c = make_run_config(Deck(minimal, "m.yaml", {}, run_schema()));
  CHECK(c.hydro.cfl == 0.4);
  CHECK(c.hydro.gamma == 1.4);
  CHECK(c.mesh.ng == 2);
  CHECK(c.time.nlim == -1);
  CHECK(c.bc.x1_inner == BoundaryType::periodic);
  CHECK(c.output.basename == "sedov");
}

TEST_CASE("deck values, their origin and --set overrides", "[unit][deck]") {
  const Deck d(text_of(kBase), "t.yaml", set_overrides({"hydro.cfl=0.25", "mesh.ny=12"}),
               run_schema());
  CHECK(d.get_int("mesh.nx") == 16);
  CHECK(d.get_int("mesh.ny") == 12);
  CHECK(d.get_real("hydro.cfl") == 0.25);
  CHECK(d.get_real("hydro.gamma") == 1.4);
  CHECK(d.get_string("problem.name") == "sod");
  CHECK(d.where("mesh.nx") == "t.yaml:2");
  CHECK(d.where("hydro.gamma") == "t.yaml:10");
  CHECK(d.where("hydro.cfl") == "--set hydro.cfl=0.25");
  CHECK(d.where("hydro.riemann") == "t.yaml (default)");
  CHECK(d.get_string("hydro.riemann") == "hllc");
  // --set may add a key (and a section) the file does not have.
  const Deck e(text_of(kBase), "t.yaml", set_overrides({"output.dir=somewhere"}), run_schema());
  CHECK(e.get_string("output.dir") == "somewhere");
  // The deck as run carries the override.
  const RunConfig c = make_run_config(d);
  CHECK(c.hydro.cfl == 0.25);
  CHECK(c.deck_text.find("0.25") != std::string::npos);
}

TEST_CASE("unknown keys name their line and suggest the nearest key", "[unit][deck]") {
  CHECK(error_of([] { Deck(with_line(11, "  cfll: 0.4"), "t.yaml", {}, run_schema()); }) ==
        "t.yaml:11: hydro.cfll: unknown key; did you mean hydro.cfl?");
  CHECK(error_of([] { Deck(with_line(10, "  gama: 1.4"), "t.yaml", {}, run_schema()); }) ==
        "t.yaml:10: hydro.gama: unknown key; did you mean hydro.gamma?");
  // A key under the wrong section: the same name in another section.
  CHECK(error_of([] { Deck(with_line(11, "  tlim: 0.4"), "t.yaml", {}, run_schema()); }) ==
        "t.yaml:11: hydro.tlim: unknown key; did you mean time.tlim?");
  // Nothing close: no suggestion.
  const std::string far =
      error_of([] { Deck(with_line(11, "  qqqqqqqqqqqq: 1"), "t.yaml", {}, run_schema()); });
  CHECK(far == "t.yaml:11: hydro.qqqqqqqqqqqq: unknown key");
  // Unknown section.
  const std::string sec = error_of([] { Deck(with_line(9, "hydr:"), "t.yaml", {}, run_schema()); });
  CHECK(sec.find("t.yaml:10: hydr.gamma: unknown key; did you mean hydro.gamma?") == 0);
  // Via --set.
  CHECK(error_of([] {
          Deck(text_of(kBase), "t.yaml", set_overrides({"hydro.cfll=0.3"}), run_schema());
        }) == "--set hydro.cfll=0.3: hydro.cfll: unknown key; did you mean hydro.cfl?");
  CHECK(error_of([] {
          Deck(text_of(kBase), "t.yaml", set_overrides({"cfl=0.3"}), run_schema());
        }) == "--set cfl=0.3: cfl: unknown key; did you mean hydro.cfl?");
  CHECK(error_of([] {
          Deck(text_of(kBase), "t.yaml", set_overrides({"hydro.cfl"}), run_schema());
        }) == "--set hydro.cfl: expected --set section.key=value");
}

TEST_CASE("malformed YAML names the deck line", "[unit][deck]") {
  const std::string msg =
      error_of([] { Deck(with_line(3, "   ny: 8"), "t.yaml", {}, run_schema()); });
  INFO(msg);
  CHECK(msg.rfind("t.yaml:3: malformed YAML", 0) == 0);
  const std::string set =
      error_of([] { Deck(text_of(kBase), "t.yaml", set_overrides({"mesh.nx=[1"}), run_schema()); });
  CHECK(set.rfind("--set mesh.nx=[1: mesh.nx: malformed value", 0) == 0);
  // A deck that is not a map of sections.
  CHECK(error_of([] { Deck("- 1\n- 2\n", "t.yaml", {}, run_schema()); }).rfind("t.yaml:1:", 0) ==
        0);
}

TEST_CASE("wrong types name the key, the line and the value", "[unit][deck]") {
  CHECK(config_error(with_line(2, "  nx: abc")) ==
        "t.yaml:2: mesh.nx: expected an integer, got 'abc'");
  CHECK(config_error(with_line(2, "  nx: 1.5")) ==
        "t.yaml:2: mesh.nx: expected an integer, got '1.5'");
  CHECK(config_error(with_line(11, "  cfl: fast")) ==
        "t.yaml:11: hydro.cfl: expected a number, got 'fast'");
  CHECK(config_error(with_line(11, "  cfl: [1, 2]"))
            .rfind("t.yaml:11: hydro.cfl: expected a number", 0) == 0);
  CHECK(config_error(text_of(kBase), {"mesh.nx=abc"}) ==
        "--set mesh.nx=abc: mesh.nx: expected an integer, got 'abc'");
}

TEST_CASE("out-of-range values name the key, the line and the bound", "[unit][deck]") {
  CHECK(config_error(with_line(11, "  cfl: 1.5")) ==
        "t.yaml:11: hydro.cfl: must be in (0, 1], got 1.5");
  CHECK(config_error(with_line(11, "  cfl: 0")) ==
        "t.yaml:11: hydro.cfl: must be in (0, 1], got 0");
  CHECK(config_error(text_of(kBase), {"hydro.cfl=1.5"}) ==
        "--set hydro.cfl=1.5: hydro.cfl: must be in (0, 1], got 1.5");
  CHECK(config_error(with_line(10, "  gamma: 1.0")) ==
        "t.yaml:10: hydro.gamma: must be in (1, 100], got 1");
  CHECK(config_error(with_line(10, "  gamma: 101")) ==
        "t.yaml:10: hydro.gamma: must be in (1, 100], got 101");
  CHECK(config_error(with_line(8, "  tlim: -1")) ==
        "t.yaml:8: time.tlim: must be a positive number, got -1");
  CHECK(config_error(with_line(2, "  nx: 0"))
            .rfind("t.yaml:2: mesh.nx: must be an integer in [1,", 0) == 0);
  CHECK(config_error(text_of(kBase), {"mesh.ng=1"}) ==
        "--set mesh.ng=1: mesh.ng: must be at least 2 for PLM reconstruction, got 1");
  CHECK(config_error(with_line(6, "  x1_outer: periodic"))
            .rfind("t.yaml:6: boundary.x1_outer: periodic boundaries come in pairs", 0) == 0);
  CHECK(config_error(text_of(kBase), {"hydro.riemann=roe"}) ==
        "--set hydro.riemann=roe: hydro.riemann: must be one of hllc | hlle | rusanov, got 'roe'");
  CHECK(config_error(with_line(13, "  name: blast"))
            .rfind("t.yaml:13: problem.name: must be one of", 0) == 0);
}

TEST_CASE("a missing required key names the deck", "[unit][deck]") {
  std::vector<std::string> l = kBase;
  l.erase(l.begin() + 6, l.begin() + 8);  // "time:" and "  tlim: 0.1"
  CHECK(config_error(text_of(l)) == "t.yaml: time.tlim: required key is missing");
}

TEST_CASE("every deck in inputs/ validates", "[unit][deck]") {
  for (const char* name : {"sod", "sedov", "kelvin_helmholtz", "riemann2d", "linear_wave"}) {
    const std::string path = std::string(SLABHYDRO_SOURCE_DIR) + "/inputs/" + name + ".yaml";
    INFO(path);
    std::ifstream in(path);
    REQUIRE(in);
    std::stringstream ss;
    ss << in.rdbuf();
    RunConfig c;
    REQUIRE_NOTHROW(c = make_run_config(Deck(ss.str(), path, {}, run_schema())));
    CHECK(c.problem.name == name);
  }
}

TEST_CASE("command line parsing", "[unit][cli]") {
  auto parse = [](std::vector<std::string> args) {
    args.insert(args.begin(), "slabhydro");
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(&a[0]);
    return parse_command_line(static_cast<int>(argv.size()), argv.data());
  };
  const CommandLine c =
      parse({"run", "d.yaml", "--set", "mesh.nx=8", "--set=hydro.cfl=0.3", "--output-dir", "o"});
  CHECK(c.kind == CommandLine::Kind::run);
  CHECK(c.deck == "d.yaml");
  REQUIRE(c.overrides.size() == 3);
  CHECK(c.overrides[0].assignment == "mesh.nx=8");
  CHECK(c.overrides[0].origin == "--set mesh.nx=8");
  CHECK(c.overrides[1].assignment == "hydro.cfl=0.3");
  CHECK(c.overrides[2].assignment == "output.dir=\"o\"");
  CHECK(c.overrides[2].origin == "--output-dir o");
  CHECK(c.overrides[2].words == std::vector<std::string>{"--output-dir", "o"});
  CHECK(parse({}).kind == CommandLine::Kind::help);
  CHECK(parse({"--help"}).kind == CommandLine::Kind::help);
  CHECK(parse({"--version"}).kind == CommandLine::Kind::version);
  auto cli_error = [&](std::vector<std::string> args) { return error_of([&] { parse(args); }); };
  CHECK(cli_error({"fly"}).find("unknown command 'fly'") != std::string::npos);
  CHECK(cli_error({"run"}).find("run needs a deck") != std::string::npos);
  CHECK(cli_error({"run", "a.yaml", "--bogus"}).find("unknown option '--bogus'") !=
        std::string::npos);
  CHECK(cli_error({"run", "a.yaml", "--set"}).find("--set needs a value") != std::string::npos);
  CHECK(cli_error({"run", "a.yaml", "b.yaml"}).find("unexpected argument 'b.yaml'") !=
        std::string::npos);
}
