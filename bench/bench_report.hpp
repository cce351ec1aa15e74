#pragma once
// What `slabhydro bench` measured and how it prints it: a configuration
// header, one line per repetition, the table, and the JSON document whose
// schema README.md ("I/O benchmark", JSON schema) describes.
#include <map>
#include <string>
#include <vector>

#include "bench/bench_config.hpp"
#include "bench/bench_environment.hpp"
#include "bench/bench_io.hpp"

namespace slabhydro {

struct BenchStats {
  double min = 0.0, median = 0.0, max = 0.0;
  double mean = 0.0, stddev = 0.0;  // stddev: the sample's (n - 1); 0 for one value
};
// Of a non-empty sample; the median of an even count is the mean of the middle two.
BenchStats stats_of(std::vector<double> v);

// One repetition of one file. Seconds are maxima over the ranks.
struct BenchSample {
  double prep = 0.0;           // making the data: device kernels, halo exchange, copy to host
  BenchPhases hdf5;            // the file through slabhydro's writer (or reader)
  BenchPhases baseline;        // the same bytes per rank through plain MPI-IO
  bool baseline_first = true;  // the order alternates between repetitions
};

struct BenchMeasurement {
  std::string name;       // checkpoint | plot | plot_corners | checkpoint_read
  std::string operation;  // write | read
  std::string path, baseline_path;
  std::string datatype;  // float64 | float32
  int datasets = 0;
  long long shape_ny = 0, shape_nx = 0;   // of every dataset
  unsigned long long data_bytes = 0;      // all ranks, values only (also the baseline's size)
  unsigned long long file_bytes = 0;      // size of the HDF5 file (metadata, compression)
  std::vector<unsigned long long> chunk;  // chunk shape, empty: contiguous
  std::vector<BenchSample> samples;

  double mib_per_s(const BenchSample& s) const;           // data_bytes / hdf5.total
  double baseline_mib_per_s(const BenchSample& s) const;  // data_bytes / baseline.total
};

struct BenchRun {
  BenchConfig config;
  int ranks = 1;
  int nx_local_min = 0, nx_local_max = 0;
  std::string slabhydro_version, hdf5_version, mpi_library, mpi_version, kokkos_space;
  std::map<std::string, std::string> mpiio_info;  // hints MPI-IO reports for an open file
  bool cache_dropped = false;                     // bench.drop_cache took effect before every read
  long long verified_values = -1;                 // values checked by --verify; -1: not verified
  std::vector<BenchMeasurement> measurements;
  BenchEnvironment environment;  // where and how (filled by the command)
};

std::string bench_header(const BenchRun& r);
// "rep 2/3: checkpoint 512.3 MiB/s (MPI-IO 600.1, x0.85) | plot ..."
std::string bench_repetition_line(const BenchRun& r, int rep);
std::string bench_table(const BenchRun& r);
std::string bench_json(const BenchRun& r);
// One row per file and repetition, with a header row (--csv FILE).
std::string bench_csv(const BenchRun& r);
double bench_ratio(const BenchMeasurement& m, const BenchSample& s);

}  // namespace slabhydro
