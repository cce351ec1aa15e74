// The --csv report: one row per file and repetition.
#include <sstream>

#include "bench/bench_report.hpp"
#include "common/number_text.hpp"

namespace slabhydro {

std::string bench_csv(const BenchRun& r) {
  std::ostringstream os;
  os << "name,operation,repetition,data_bytes,file_bytes,prep_s,open_s,transfer_s,attributes_s,"
        "close_s,total_s,metadata_s,raw_s,mib_per_s,baseline_open_s,baseline_transfer_s,"
        "baseline_close_s,baseline_total_s,baseline_mib_per_s,ratio,baseline_first\n";
  for (const BenchMeasurement& m : r.measurements)
    for (std::size_t k = 0; k < m.samples.size(); ++k) {
      const BenchSample& s = m.samples[k];
      const double v[] = {s.prep,
                          s.hdf5.open,
                          s.hdf5.transfer,
                          s.hdf5.attributes,
                          s.hdf5.close,
                          s.hdf5.total,
                          s.hdf5.metadata(),
                          s.hdf5.raw(),
                          m.mib_per_s(s),
                          s.baseline.open,
                          s.baseline.transfer,
                          s.baseline.close,
                          s.baseline.total,
                          m.baseline_mib_per_s(s),
                          bench_ratio(m, s)};
      os << m.name << "," << m.operation << "," << k + 1 << "," << m.data_bytes << ","
         << m.file_bytes;
      for (const double x : v) os << "," << exact_text(x);
      os << "," << (s.baseline_first ? "true" : "false") << "\n";
    }
  return os.str();
}

}  // namespace slabhydro
