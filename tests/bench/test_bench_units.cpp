// Pieces of `slabhydro bench` without files: min/median/max, the JSON
// writer, the bench deck keys and every rule of make_bench_config (sizes,
// scaling, chunk, deflate, modes, keys that are not the bench's).
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "app/deck.hpp"
#include "app/schemas.hpp"
#include "bench/bench_cli.hpp"
#include "bench/bench_config.hpp"
#include "bench/bench_report.hpp"
#include "bench/json_writer.hpp"
#include "common/error.hpp"
#include "io/dataset_layout.hpp"

using namespace slabhydro;

namespace {

BenchConfig config(const std::vector<std::string>& sets, int nranks = 2,
                   const std::string& text = "") {
  return make_bench_config(Deck(text, "test.yaml", set_overrides(sets), bench_schema()), nranks);
}

// The message of the Error make_bench_config throws ("" if none).
std::string refusal(const std::vector<std::string>& sets, int nranks = 2) {
  try {
    config(sets, nranks);
  } catch (const Error& e) {
    CHECK(e.collective());
    return e.what();
  }
  return "";
}

bool has(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("min, median and max of repetitions", "[unit][bench]") {
  const BenchStats odd = stats_of({3.0, 1.0, 2.0});
  CHECK(odd.min == 1.0);
  CHECK(odd.median == 2.0);
  CHECK(odd.max == 3.0);
  const BenchStats even = stats_of({4.0, 1.0, 3.0, 2.0});
  CHECK(even.median == 2.5);
  CHECK(stats_of({7.0}).median == 7.0);
  CHECK_THROWS_AS(stats_of({}), Error);
}

TEST_CASE("the JSON writer nests, escapes and refuses malformed documents", "[unit][bench]") {
  JsonWriter j;
  j.begin_object();
  j.key("s").value("a\"b\\c\n\x01");
  j.key("n").value(1.5).key("i").value(-3).key("big").value(18446744073709551615ULL);
  j.key("nan").value(std::numeric_limits<double>::quiet_NaN());
  j.key("t").value(true).key("z").null();
  j.key("a").begin_array().value(1).begin_object().end_object().end_array();
  j.key("e").begin_array().end_array();
  j.end_object();
  CHECK(j.str() ==
        "{\n"
        "  \"s\": \"a\\\"b\\\\c\\n\\u0001\",\n"
        "  \"n\": 1.5,\n"
        "  \"i\": -3,\n"
        "  \"big\": 18446744073709551615,\n"
        "  \"nan\": null,\n"
        "  \"t\": true,\n"
        "  \"z\": null,\n"
        "  \"a\": [\n"
        "    1,\n"
        "    {}\n"
        "  ],\n"
        "  \"e\": []\n"
        "}\n");
  // 0.1 survives a round trip: 17 significant digits.
  JsonWriter r;
  r.begin_array().value(0.1).end_array();
  CHECK(r.str().find("0.10000000000000001") != std::string::npos);

  JsonWriter no_key;
  no_key.begin_object();
  CHECK_THROWS_AS(no_key.value(1), Error);
  JsonWriter open;
  open.begin_array();
  CHECK_THROWS_AS(open.str(), Error);
  JsonWriter wrong;
  wrong.begin_array();
  CHECK_THROWS_AS(wrong.end_object(), Error);
}

TEST_CASE("bench deck keys: defaults are FLASH-IO's sizes", "[unit][bench]") {
  for (const char* k : {"bench.nx_per_rank", "bench.nx", "bench.ny", "bench.ng", "io.chunk",
                        "io.deflate", "io.szip", "bench.fsync", "bench.repetitions",
                        "bench.keep_files", "bench.read", "bench.drop_cache", "bench.verify"})
    CHECK(find_key(bench_schema().keys, k) != nullptr);
  const BenchConfig c = config({}, 3);
  CHECK(c.scaling == BenchScaling::weak);
  CHECK(find_key(bench_schema().keys, "bench.scaling") == nullptr);
  CHECK(c.nx_per_rank == 160);
  CHECK(c.nx == 480);
  CHECK(c.ny == 256);
  CHECK(c.ng == 4);
  // 24 float64 unknowns of a slab: FLASH-IO's 80 blocks of 8^3 zones.
  CHECK(24LL * 8 * c.ny * c.nx_per_rank == 24LL * 8 * 80 * 512);
  CHECK(c.io.mode == TransferMode::collective);
  CHECK(c.io.layout.chunk == ChunkKind::slab);  // kDefaultChunk
  CHECK(c.io.layout.deflate == 0);
  CHECK(c.io.layout.szip == 0);
  CHECK(find_key(bench_schema().keys, "bench.chunk") == nullptr);
  CHECK(c.fsync);
  CHECK(c.repetitions == 3);
  CHECK(c.basename == "flashio");
  CHECK(c.dir == ".");
  CHECK(c.read);
  CHECK_FALSE(c.verify);
}

TEST_CASE("bench configuration: sizes, chunk shapes and allowed combinations", "[unit][bench]") {
  const BenchConfig strong =
      config({"bench.nx=1000", "bench.ny=10", "bench.ng=2", "bench.nx_per_rank=7"}, 3);
  CHECK(strong.scaling == BenchScaling::strong);
  CHECK(strong.nx == 1000);
  CHECK(strong.nx_per_rank == 334);  // the widest slab
  const BenchConfig shape = config({"io.chunk=64x128"});
  CHECK(shape.io.layout.chunk == ChunkKind::shape);
  CHECK(shape.io.layout.rows == 64);
  CHECK(shape.io.layout.cols == 128);
  CHECK(chunk_text(shape.io.layout) == "64x128");
  CHECK(config({"io.chunk=slab"}).io.layout.chunk == ChunkKind::slab);
  for (const char* mode : {"collective", "serial"})
    for (const char* chunk : {"slab", "8x8"}) {
      const BenchConfig c = config(
          {std::string("io.mode=") + mode, std::string("io.chunk=") + chunk, "io.deflate=6"});
      CHECK(c.io.layout.deflate == 6);
    }
  const BenchConfig io = config({"io.mode=independent", "io.hints={romio_cb_write: enable}",
                                 "io.alignment=4096", "io.alignment_threshold=1"});
  CHECK(io.io.mode == TransferMode::independent);
  CHECK(io.io.hints.at("romio_cb_write") == "enable");
  CHECK(io.io.alignment == 4096);
  const BenchConfig off =
      config({"bench.fsync=false", "bench.read=false", "bench.drop_cache=false",
              "bench.keep_files=true", "bench.repetitions=1", "output.dir=o", "output.basename=b"});
  CHECK_FALSE(off.fsync);
  CHECK_FALSE(off.read);
  CHECK(off.keep_files);
  CHECK(off.dir == "o");
  CHECK(off.basename == "b");
}

TEST_CASE("bench configuration: disallowed combinations name the key and the fix",
          "[unit][bench]") {
  std::string m = refusal({"io.deflate=1", "io.chunk=none"});
  CHECK(has(m, "io.deflate: compression needs a chunked layout"));
  CHECK(has(m, "io.chunk"));
  m = refusal({"io.deflate=1", "io.chunk=slab", "io.mode=independent"});
  CHECK(has(m, "io.deflate"));
  CHECK(has(m, "collective"));
  CHECK(has(m, "--set io.mode=independent"));
  CHECK(has(refusal({"io.deflate=10", "io.chunk=slab"}), "[0, 9]"));
  CHECK(has(refusal({"io.szip=3", "io.chunk=slab"}), "io.szip: must be 0 (off) or an even"));
  CHECK(has(refusal({"io.szip=34", "io.chunk=slab"}), "io.szip"));
  CHECK(
      has(refusal({"io.szip=8", "io.chunk=none"}), "io.szip: compression needs a chunked layout"));
  CHECK(has(refusal({"io.szip=8", "io.chunk=slab"}), "io.szip: parallel HDF5"));
  CHECK(has(refusal({"io.szip=8", "io.deflate=1", "io.chunk=slab", "io.mode=serial"}),
            "are alternatives"));
  if (szip_encoder_available()) {
    CHECK(has(refusal({"io.szip=8", "io.chunk=4x4", "io.mode=serial"}),
              "io.szip: szip codes blocks of 8"));
    CHECK(config({"io.szip=8", "io.chunk=slab", "io.mode=serial"}).io.layout.szip == 8);
  }
  CHECK(has(refusal({"bench.chunk=slab"}), "bench.chunk: no longer a key: it is now io.chunk"));
  CHECK(has(refusal({"bench.deflate=1"}), "now io.deflate"));
  CHECK(has(refusal({"bench.nx=7"}, 2), "fewer than bench.ng = 4"));
  CHECK(has(refusal({"bench.nx=-1"}), "bench.nx"));
  CHECK(has(refusal({"bench.nx_per_rank=3"}), "narrower than bench.ng = 4"));
  CHECK(has(refusal({"io.chunk=8by8"}), "ROWSxCOLUMNS"));
  CHECK(has(refusal({"io.chunk=0x8"}), "at least 1"));
  CHECK(has(refusal({"io.chunk=100000x100000"}), "4 GiB"));
  CHECK(has(refusal({"bench.repetitions=0"}), "bench.repetitions"));
  CHECK(has(refusal({"bench.ny=0"}), "bench.ny"));
  CHECK(has(refusal({"io.mode=posix"}), "collective | independent | serial"));
  CHECK(has(refusal({"mesh.nx=64"}), "not a key of slabhydro bench"));
  CHECK(has(refusal({"problem.name=sod"}), "problem.name"));
  CHECK(has(refusal({"output.basename=a/b"}), "without '/'"));
  CHECK(has(refusal({"bench.nx_per_rank=100000000"}), "bench.nx_per_rank"));
  // From a deck file: the line is named.
  try {
    make_bench_config(
        Deck("io:\n  chunk: none\n  deflate: 4\n", "flashio.yaml", {}, bench_schema()), 1);
    FAIL("deflate without chunk accepted");
  } catch (const Error& e) {
    CHECK(has(e.what(), "flashio.yaml:3: io.deflate"));
  }
}

TEST_CASE("bench command line", "[unit][bench]") {
  const BenchArgs a =
      parse_bench_args({"bench", "d.yaml", "--set", "bench.ny=4", "--set=bench.ng=1", "--json",
                        "r.json", "--verify", "--output-dir=o"});
  CHECK(a.deck == "d.yaml");
  std::vector<std::string> assigned;
  for (const Override& o : a.overrides) assigned.push_back(o.assignment);
  CHECK(assigned == std::vector<std::string>{"bench.ny=4", "bench.ng=1", "bench.verify=true",
                                             "output.dir=\"o\""});
  CHECK(a.json == "r.json");
  // The overrides go into the deck like --set: --verify and --output-dir too.
  const BenchConfig c = make_bench_config(Deck("", "d.yaml", a.overrides, bench_schema()), 1);
  CHECK(c.verify);
  CHECK(c.dir == "o");
  CHECK(parse_bench_args({"bench"}).deck.empty());
  CHECK(parse_bench_args({"bench", "--help"}).help);
  CHECK_THROWS_AS(parse_bench_args({"bench", "--json"}), Error);
  CHECK_THROWS_AS(parse_bench_args({"bench", "--frobnicate"}), Error);
  CHECK_THROWS_AS(parse_bench_args({"bench", "a.yaml", "b.yaml"}), Error);
}
