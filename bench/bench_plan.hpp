#pragma once
// What the benchmark measures: its files and their MPI-IO baselines, each
// with its datasets, type, shape and chunks (FLASH-IO's three files, and
// the checkpoint read back when bench.read).
#include <vector>

#include "bench/bench_config.hpp"
#include "bench/bench_report.hpp"
#include "solver/mesh.hpp"

namespace slabhydro {

// widest: the widest slab's columns (for io.chunk: slab), widest_corners
// the same of the corner file.
std::vector<BenchMeasurement> bench_measurements(const BenchConfig& cfg, const GlobalMesh& m,
                                                 int widest, int widest_corners);

}  // namespace slabhydro
