#include "app/bench_config.hpp"

#include <climits>
#include <cstdint>
#include <regex>

#include "app/deck_schema.hpp"
#include "common/error.hpp"
#include "io/mpi_resources.hpp"

namespace slabhydro {
namespace {

int int_in(const Deck& d, const std::string& key, long long lo, long long hi) {
  const long long x = d.get_int(key);
  if (x < lo || x > hi)
    d.fail(key, "must be an integer in [" + std::to_string(lo) + ", " + std::to_string(hi) +
                    "], got " + std::to_string(x));
  return static_cast<int>(x);
}

bool is_bench_key(const std::string& key) {
  return key.rfind("bench.", 0) == 0 || key.rfind("io.", 0) == 0 || key == "output.dir" ||
         key == "output.basename";
}

BenchChunk parse_chunk(const Deck& d) {
  const std::string key = "bench.chunk";
  const std::string s = d.get_string(key);
  BenchChunk c;
  if (s == "none" || s == "contiguous") return c;
  if (s == "slab") {
    c.kind = BenchChunk::Kind::slab;
    return c;
  }
  static const std::regex shape("^([0-9]{1,9})x([0-9]{1,9})$");
  std::smatch m;
  if (!std::regex_match(s, m, shape))
    d.fail(key, "must be none (contiguous), slab (one chunk per slab) or ROWSxCOLUMNS such as "
                "64x128, got '" + s + "'");
  c.kind = BenchChunk::Kind::shape;
  c.ny = std::stoll(m[1]);
  c.nx = std::stoll(m[2]);
  if (c.ny < 1 || c.nx < 1) d.fail(key, "chunk extents must be at least 1, got '" + s + "'");
  // HDF5 limits a chunk to 4 GiB; the float64 checkpoint chunk is the largest.
  if (c.ny * c.nx * 8 >= (1LL << 32))
    d.fail(key, "a chunk of " + s + " float64 values exceeds HDF5's 4 GiB chunk limit");
  return c;
}

}  // namespace

const char* to_string(BenchScaling s) { return s == BenchScaling::weak ? "weak" : "strong"; }

std::string to_string(const BenchChunk& c) {
  switch (c.kind) {
    case BenchChunk::Kind::none: return "none";
    case BenchChunk::Kind::slab: return "slab";
    case BenchChunk::Kind::shape: return std::to_string(c.ny) + "x" + std::to_string(c.nx);
  }
  return "?";
}

BenchConfig make_bench_config(const Deck& d, int nranks) {
  // The benchmark reads only its own keys: a run deck's mesh or problem would
  // silently not apply, so it is refused.
  for (const KeySpec& k : deck_schema())
    if (!is_bench_key(k.key) && d.has(k.key))
      d.fail(k.key, "not a key of slabhydro bench, which reads only bench.*, io.*, output.dir "
                    "and output.basename (its mesh is bench.nx_per_rank or bench.nx, and bench.ny)");

  BenchConfig c;
  c.deck_origin = d.origin();
  c.ny = int_in(d, "bench.ny", 1, 1 << 24);
  c.ng = int_in(d, "bench.ng", 1, 64);
  c.nx = int_in(d, "bench.nx", 0, 1 << 30);
  if (c.nx == 0) {
    // Weak scaling: the slab width is fixed, the mesh grows with the ranks.
    c.scaling = BenchScaling::weak;
    c.nx_per_rank = int_in(d, "bench.nx_per_rank", 1, 1 << 24);
    if (c.nx_per_rank < c.ng)
      d.fail("bench.nx_per_rank", "a slab of " + std::to_string(c.nx_per_rank) +
                                      " columns is narrower than bench.ng = " +
                                      std::to_string(c.ng) +
                                      " (the guard cells must come from one neighbour)");
    const long long nx = static_cast<long long>(c.nx_per_rank) * nranks;
    if (nx > (1 << 30))
      d.fail("bench.nx_per_rank", std::to_string(c.nx_per_rank) + " columns on " +
                                      std::to_string(nranks) + " ranks exceed 2^30 columns");
    c.nx = static_cast<int>(nx);
  } else {
    // Strong scaling: the mesh is fixed, the slabs narrow with more ranks.
    c.scaling = BenchScaling::strong;
    if (c.nx / nranks < c.ng)
      d.fail("bench.nx", std::to_string(c.nx) + " columns on " + std::to_string(nranks) +
                             " ranks leave a slab of " + std::to_string(c.nx / nranks) +
                             " columns, fewer than bench.ng = " + std::to_string(c.ng) +
                             " guard cells: use fewer ranks or more columns");
    c.nx_per_rank = (c.nx + nranks - 1) / nranks;  // the widest slab
  }
  // The widest slab's unknowns go through one MPI-IO call in the baseline.
  const long long widest = (c.nx + nranks - 1) / nranks;
  if (24LL * 8 * c.ny * widest > INT_MAX)
    d.fail(c.scaling == BenchScaling::weak ? "bench.nx_per_rank" : "bench.nx",
           "a slab of " + std::to_string(widest) + " x " + std::to_string(c.ny) +
               " zones holds more than 2 GiB of unknowns: use more ranks or a smaller mesh");

  if (!parse_transfer_mode(d.get_string("io.mode"), c.io.mode))
    d.fail("io.mode", "must be one of collective | independent | serial, got '" +
                          d.get_string("io.mode") + "'");
  c.io.hints = d.get_map("io.hints");
  for (const auto& h : c.io.hints) {
    const std::string bad = hint_problem(h.first, h.second);
    if (!bad.empty()) d.fail("io.hints", bad);
  }
  c.io.alignment = static_cast<hsize_t>(int_in(d, "io.alignment", 0, INT_MAX));
  c.io.alignment_threshold = static_cast<hsize_t>(int_in(d, "io.alignment_threshold", 0, INT_MAX));

  c.chunk = parse_chunk(d);
  c.deflate = int_in(d, "bench.deflate", 0, 9);
  if (c.deflate > 0) {
    if (c.chunk.kind == BenchChunk::Kind::none)
      d.fail("bench.deflate", "compression needs a chunked layout: HDF5 compresses chunk by "
                              "chunk; set bench.chunk to slab or ROWSxCOLUMNS");
    if (c.io.mode == TransferMode::independent)
      d.fail("bench.deflate", "parallel HDF5 writes compressed datasets only collectively, and "
                              "io.mode is independent (" + d.where("io.mode") +
                              "): use io.mode collective, or serial (rank 0 writes alone)");
    if (H5Zfilter_avail(H5Z_FILTER_DEFLATE) <= 0)
      d.fail("bench.deflate", "this HDF5 library was built without the deflate (zlib) filter");
  }
  c.fsync = d.get_bool("bench.fsync");
  c.repetitions = int_in(d, "bench.repetitions", 1, 1000);
  c.keep_files = d.get_bool("bench.keep_files");
  c.read = d.get_bool("bench.read");
  c.drop_cache = d.get_bool("bench.drop_cache");
  c.verify = d.get_bool("bench.verify");

  c.dir = d.get_string("output.dir");
  if (c.dir.empty()) d.fail("output.dir", "must not be empty");
  c.basename = d.get_string("output.basename");
  if (c.basename.empty()) c.basename = "flashio";
  if (c.basename.find('/') != std::string::npos)
    d.fail("output.basename", "must be a file name prefix without '/', got '" + c.basename +
                                  "' (use output.dir for the directory)");
  return c;
}

}  // namespace slabhydro
