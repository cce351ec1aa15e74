#include "bench/bench_plan.hpp"

#include <algorithm>

#include "bench/bench_data.hpp"
#include "io/dataset_layout.hpp"
#include "io/file_ops.hpp"

namespace slabhydro {
namespace {

BenchMeasurement measurement(const char* name, const char* op, const std::string& path,
                             const std::string& baseline, const char* type, int datasets,
                             long long ny, long long nx) {
  BenchMeasurement bm;
  bm.name = name;
  bm.operation = op;
  bm.path = path;
  bm.baseline_path = baseline;
  bm.datatype = type;
  bm.datasets = datasets;
  bm.shape_ny = ny;
  bm.shape_nx = nx;
  bm.data_bytes =
      static_cast<unsigned long long>(datasets) * ny * nx * (bm.datatype == "float64" ? 8 : 4);
  return bm;
}

// The chunk shape of a file's datasets (dataset_layout.hpp fit_layout):
// empty (contiguous), every rank's block in one chunk (the widest block's
// width), or the configured shape cut to the dataset.
std::vector<unsigned long long> chunk_of(const BenchConfig& cfg, const BenchMeasurement& bm,
                                         int widest) {
  const DatasetOptions d =
      fit_layout(cfg.io.layout, bm.shape_ny, bm.shape_nx, static_cast<std::uint64_t>(widest),
                 bm.datatype == "float64" ? 8 : 4);
  return {d.chunk.begin(), d.chunk.end()};
}

}  // namespace

std::vector<BenchMeasurement> bench_measurements(const BenchConfig& cfg, const GlobalMesh& m,
                                                 int widest, int widest_corners) {
  const std::string base = join_path(cfg.dir, cfg.basename);
  std::vector<BenchMeasurement> r = {
      measurement("checkpoint", "write", base + "_chk.h5", base + "_mpiio_chk.dat", "float64",
                  kBenchUnknowns, m.ny, m.nx),
      measurement("plot", "write", base + "_plt_cnt.h5", base + "_mpiio_plt_cnt.dat", "float32",
                  kBenchPlotVars, m.ny, m.nx),
      measurement("plot_corners", "write", base + "_plt_crn.h5", base + "_mpiio_plt_crn.dat",
                  "float32", kBenchPlotVars, m.ny + 1LL, m.nx + 1LL)};
  if (cfg.read)
    r.push_back(measurement("checkpoint_read", "read", base + "_chk.h5", base + "_mpiio_chk.dat",
                            "float64", kBenchUnknowns, m.ny, m.nx));
  for (int k = 0; k < 3; ++k) r[k].chunk = chunk_of(cfg, r[k], k == 2 ? widest_corners : widest);
  if (cfg.read) r[3].chunk = r[0].chunk;
  return r;
}

}  // namespace slabhydro
