#include "bench/bench_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "bench/json_writer.hpp"
#include "common/error.hpp"
#include "io/dataset_layout.hpp"

namespace slabhydro {
namespace {

constexpr double kMiB = 1024.0 * 1024.0;

std::string fmt(const char* f, double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, x);
  return buf;
}

template <class F>
BenchStats stat(const BenchMeasurement& m, F&& of) {
  std::vector<double> v;
  for (const BenchSample& s : m.samples) v.push_back(of(s));
  return stats_of(v);
}

std::string hints_text(const std::map<std::string, std::string>& h) {
  if (h.empty()) return "none";
  std::string t;
  for (const auto& kv : h) t += (t.empty() ? "" : ", ") + kv.first + "=" + kv.second;
  return t;
}

void json_stats(JsonWriter& j, const char* key, const BenchStats& s) {
  j.key(key).begin_object();
  j.key("min").value(s.min).key("median").value(s.median).key("max").value(s.max);
  j.key("mean").value(s.mean).key("stddev").value(s.stddev);
  j.end_object();
}

void json_phases(JsonWriter& j, const std::string& prefix, const BenchMeasurement& m,
                 BenchPhases BenchSample::*which) {
  json_stats(j, (prefix + "open_s").c_str(),
             stat(m, [&](const BenchSample& s) { return (s.*which).open; }));
  json_stats(j, (prefix + "transfer_s").c_str(),
             stat(m, [&](const BenchSample& s) { return (s.*which).transfer; }));
  json_stats(j, (prefix + "close_s").c_str(),
             stat(m, [&](const BenchSample& s) { return (s.*which).close; }));
  json_stats(j, (prefix + "total_s").c_str(),
             stat(m, [&](const BenchSample& s) { return (s.*which).total; }));
  json_stats(j, (prefix + "metadata_s").c_str(),
             stat(m, [&](const BenchSample& s) { return (s.*which).metadata(); }));
  json_stats(j, (prefix + "raw_s").c_str(),
             stat(m, [&](const BenchSample& s) { return (s.*which).raw(); }));
}

void json_measurement(JsonWriter& j, const BenchMeasurement& m) {
  j.begin_object();
  j.key("name").value(m.name);
  j.key("operation").value(m.operation);
  j.key("path").value(m.path);
  j.key("baseline_path").value(m.baseline_path);
  j.key("datasets").value(m.datasets);
  j.key("datatype").value(m.datatype);
  j.key("shape").begin_array().value(m.shape_ny).value(m.shape_nx).end_array();
  j.key("chunk");
  if (m.chunk.empty()) {
    j.null();
  } else {
    j.begin_array();
    for (unsigned long long c : m.chunk) j.value(c);
    j.end_array();
  }
  j.key("data_bytes").value(m.data_bytes);
  j.key("file_bytes").value(m.file_bytes);
  json_stats(j, "prep_s", stat(m, [](const BenchSample& s) { return s.prep; }));
  json_phases(j, "", m, &BenchSample::hdf5);
  json_stats(j, "mib_per_s", stat(m, [&](const BenchSample& s) { return m.mib_per_s(s); }));
  json_phases(j, "baseline_", m, &BenchSample::baseline);
  json_stats(j, "baseline_mib_per_s",
             stat(m, [&](const BenchSample& s) { return m.baseline_mib_per_s(s); }));
  json_stats(j, "ratio", stat(m, [&](const BenchSample& s) { return bench_ratio(m, s); }));
  j.key("samples").begin_array();
  for (const BenchSample& s : m.samples) {
    j.begin_object();
    j.key("prep_s").value(s.prep);
    j.key("open_s").value(s.hdf5.open).key("transfer_s").value(s.hdf5.transfer);
    j.key("close_s").value(s.hdf5.close).key("total_s").value(s.hdf5.total);
    j.key("attributes_s").value(s.hdf5.attributes);
    j.key("mib_per_s").value(m.mib_per_s(s));
    j.key("baseline_open_s").value(s.baseline.open);
    j.key("baseline_transfer_s").value(s.baseline.transfer);
    j.key("baseline_close_s").value(s.baseline.close);
    j.key("baseline_total_s").value(s.baseline.total);
    j.key("baseline_mib_per_s").value(m.baseline_mib_per_s(s));
    j.key("ratio").value(bench_ratio(m, s));
    j.key("baseline_first").value(s.baseline_first);
    j.end_object();
  }
  j.end_array();
  j.end_object();
}

}  // namespace

BenchStats stats_of(std::vector<double> v) {
  if (v.empty()) throw Error("bench: statistics of no samples");
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  const double median = n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
  double sum = 0.0;
  for (const double x : v) sum += x;
  const double mean = sum / double(n);
  double ss = 0.0;
  for (const double x : v) ss += (x - mean) * (x - mean);
  return {v.front(), median, v.back(), mean, n > 1 ? std::sqrt(ss / double(n - 1)) : 0.0};
}

double bench_ratio(const BenchMeasurement& m, const BenchSample& s) {
  return m.mib_per_s(s) / m.baseline_mib_per_s(s);
}

double BenchMeasurement::mib_per_s(const BenchSample& s) const {
  return double(data_bytes) / kMiB / s.hdf5.total;
}
double BenchMeasurement::baseline_mib_per_s(const BenchSample& s) const {
  return double(data_bytes) / kMiB / s.baseline.total;
}

std::string bench_header(const BenchRun& r) {
  const BenchConfig& c = r.config;
  std::ostringstream os;
  os << "slabhydro bench " << r.slabhydro_version << ": FLASH-I/O-style benchmark on " << r.ranks
     << " rank(s), " << to_string(c.scaling) << " scaling, 24 unknowns\n";
  os << "  deck        " << c.deck_origin << "\n";
  os << "  mesh        " << c.nx << " x " << c.ny << " zones, slabs of " << r.nx_local_min;
  if (r.nx_local_max != r.nx_local_min) os << "-" << r.nx_local_max;
  os << " columns, ng = " << c.ng << "; checkpoint "
     << fmt("%.2f", 24.0 * 8 * c.ny * r.nx_local_max / kMiB) << " MiB per rank (widest slab)\n";
  os << "  io          mode " << to_string(c.io.mode) << ", chunk " << chunk_text(c.io.layout)
     << ", deflate " << c.io.layout.deflate << ", szip " << c.io.layout.szip << ", alignment "
     << c.io.alignment << " (threshold " << c.io.alignment_threshold << "), hints "
     << hints_text(c.io.hints) << ", fsync " << (c.fsync ? "on" : "off") << "\n";
  os << "  runs        " << c.repetitions << " repetition(s), each file beside its MPI-IO baseline"
     << (c.read ? ", checkpoint read back" : "")
     << (c.read ? (c.drop_cache ? " (page cache dropped first)" : " (from the page cache)") : "")
     << (c.verify ? ", every value verified" : "") << "\n";
  os << "  output      " << c.dir << "/" << c.basename << "_*"
     << (c.keep_files ? " (kept)" : " (deleted)") << "\n";
  os << "  software    HDF5 " << r.hdf5_version << ", " << r.mpi_library << " (MPI "
     << r.mpi_version << "), Kokkos " << r.kokkos_space << "\n";
  return os.str();
}

std::string bench_repetition_line(const BenchRun& r, int rep) {
  std::ostringstream os;
  os << "rep " << rep + 1 << "/" << r.config.repetitions << ":";
  bool first = true;
  for (const BenchMeasurement& m : r.measurements) {
    if (rep >= static_cast<int>(m.samples.size())) continue;
    const BenchSample& s = m.samples[rep];
    os << (first ? " " : " | ") << m.name << " " << fmt("%.1f", m.mib_per_s(s)) << " MiB/s (MPI-IO "
       << fmt("%.1f", m.baseline_mib_per_s(s)) << ", x" << fmt("%.2f", bench_ratio(m, s)) << ")";
    first = false;
  }
  return os.str() + "\n";
}

namespace {
// Without the padding the last column leaves.
std::string rtrim(const char* s) {
  std::string t(s);
  const bool nl = !t.empty() && t.back() == '\n';
  if (nl) t.pop_back();
  while (!t.empty() && t.back() == ' ') t.pop_back();
  return nl ? t + "\n" : t;
}
}  // namespace

std::string bench_table(const BenchRun& r) {
  std::ostringstream os;
  char line[512];
  os << "\nPer file: seconds are the median over repetitions of the slowest rank; MiB/s = data "
        "bytes / (open + write + close);\nratio = MiB/s / MPI-IO MiB/s of the same bytes in the "
        "same repetition.\n";
  std::snprintf(line, sizeof line, "%-16s %9s %8s %8s %8s %8s  %-25s %9s  %-20s\n", "file", "MiB",
                "prep s", "open s", "write s", "close s", "MiB/s min/median/max", "MPI-IO",
                "ratio min/median/max");
  os << rtrim(line);
  for (const BenchMeasurement& m : r.measurements) {
    auto med = [&](auto f) { return stat(m, f).median; };
    const BenchStats bw = stat(m, [&](const BenchSample& s) { return m.mib_per_s(s); });
    const BenchStats rt = stat(m, [&](const BenchSample& s) { return bench_ratio(m, s); });
    const std::string bws =
        fmt("%.1f", bw.min) + "/" + fmt("%.1f", bw.median) + "/" + fmt("%.1f", bw.max);
    const std::string rts =
        fmt("%.2f", rt.min) + "/" + fmt("%.2f", rt.median) + "/" + fmt("%.2f", rt.max);
    std::snprintf(line, sizeof line, "%-16s %9.2f %8.4f %8.4f %8.4f %8.4f  %-25s %9.1f  %-20s\n",
                  m.name.c_str(), double(m.data_bytes) / kMiB,
                  med([](const BenchSample& s) { return s.prep; }),
                  med([](const BenchSample& s) { return s.hdf5.open; }),
                  med([](const BenchSample& s) { return s.hdf5.transfer; }),
                  med([](const BenchSample& s) { return s.hdf5.close; }), bws.c_str(),
                  med([&](const BenchSample& s) { return m.baseline_mib_per_s(s); }), rts.c_str());
    os << rtrim(line);
  }
  for (const BenchMeasurement& m : r.measurements)
    if (m.file_bytes != m.data_bytes && m.operation == "write")
      os << "  " << m.name << ": file " << m.file_bytes << " bytes for " << m.data_bytes
         << " bytes of data (" << fmt("%.3f", double(m.file_bytes) / double(m.data_bytes)) << ")\n";
  if (r.config.read && r.config.drop_cache && !r.cache_dropped)
    os << "  note: the page cache could not be dropped; reads may come from memory\n";
  if (r.verified_values >= 0)
    os << "verified: " << r.verified_values << " values, all as expected\n";
  return os.str();
}

std::string bench_json(const BenchRun& r) {
  const BenchConfig& c = r.config;
  JsonWriter j;
  j.begin_object();
  j.key("schema").value("slabhydro-bench");
  j.key("schema_version").value(2);
  j.key("software").begin_object();
  j.key("slabhydro").value(r.slabhydro_version);
  j.key("hdf5").value(r.hdf5_version);
  j.key("mpi_library").value(r.mpi_library);
  j.key("mpi_version").value(r.mpi_version);
  j.key("kokkos_execution_space").value(r.kokkos_space);
  j.end_object();
  json_environment(j, r.environment);
  j.key("config").begin_object();
  j.key("deck").value(c.deck_origin);
  j.key("ranks").value(r.ranks);
  j.key("scaling").value(to_string(c.scaling));
  j.key("nx").value(c.nx).key("ny").value(c.ny).key("ng").value(c.ng);
  j.key("nx_per_rank_min").value(r.nx_local_min).key("nx_per_rank_max").value(r.nx_local_max);
  j.key("unknowns").value(24);
  j.key("mode").value(to_string(c.io.mode));
  j.key("chunk").value(chunk_text(c.io.layout));
  j.key("deflate").value(c.io.layout.deflate);
  j.key("szip").value(c.io.layout.szip);
  j.key("alignment").value(static_cast<unsigned long long>(c.io.alignment));
  j.key("alignment_threshold").value(static_cast<unsigned long long>(c.io.alignment_threshold));
  j.key("hints").begin_object();
  for (const auto& kv : c.io.hints) j.key(kv.first).value(kv.second);
  j.end_object();
  j.key("mpiio_info").begin_object();
  for (const auto& kv : r.mpiio_info) j.key(kv.first).value(kv.second);
  j.end_object();
  j.key("fsync").value(c.fsync);
  j.key("repetitions").value(c.repetitions);
  j.key("dir").value(c.dir);
  j.key("basename").value(c.basename);
  j.key("keep_files").value(c.keep_files);
  j.key("read").value(c.read);
  j.key("drop_cache").value(c.drop_cache);
  j.key("cache_dropped").value(r.cache_dropped);
  j.key("verify").value(c.verify);
  j.end_object();
  j.key("measurements").begin_array();
  for (const BenchMeasurement& m : r.measurements) json_measurement(j, m);
  j.end_array();
  j.key("verified_values");
  if (r.verified_values >= 0)
    j.value(r.verified_values);
  else
    j.null();
  j.end_object();
  return j.str();
}

}  // namespace slabhydro
