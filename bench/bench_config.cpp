#include "bench/bench_config.hpp"

#include <climits>
#include <cstdint>

#include "app/file_settings.hpp"
#include "common/error.hpp"

namespace slabhydro {

const char* to_string(BenchScaling s) { return s == BenchScaling::weak ? "weak" : "strong"; }

namespace {

// The mesh: weak scaling (bench.nx = 0: the slab width fixed, the mesh grows
// with the ranks) or strong (the mesh fixed, the slabs narrow with more ranks).
void size_mesh(const Deck& d, BenchConfig& c, int nranks) {
  if (c.nx == 0) {
    c.scaling = BenchScaling::weak;
    if (c.nx_per_rank < c.ng)
      d.fail("bench.nx_per_rank",
             "a slab of " + std::to_string(c.nx_per_rank) +
                 " columns is narrower than bench.ng = " + std::to_string(c.ng) +
                 " (the guard cells must come from one neighbour)");
    const long long nx = static_cast<long long>(c.nx_per_rank) * nranks;
    if (nx > (1 << 30))
      d.fail("bench.nx_per_rank", std::to_string(c.nx_per_rank) + " columns on " +
                                      std::to_string(nranks) + " ranks exceed 2^30 columns");
    c.nx = static_cast<int>(nx);
  } else {
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
}

}  // namespace

BenchConfig make_bench_config(const Deck& d, int nranks) {
  BenchConfig c;
  c.deck_origin = d.origin();
  read_settings(bench_settings(), d, c);
  size_mesh(d, c, nranks);
  check_layout(d, c.io);
  // The checkpoint's float64 [ny][nx] and the plot files' float32 [ny][nx]
  // and [ny + 1][nx + 1] (bench_plan.cpp).
  const std::uint64_t ny = std::uint64_t(c.ny), nx = std::uint64_t(c.nx);
  check_layout_fits(d, c.io, ny, nx, widest_block(nx, nranks), 8);
  check_layout_fits(d, c.io, ny + 1, nx + 1, widest_block(nx, nranks) + 1, 4);
  return c;
}

}  // namespace slabhydro
