#include "app/report.hpp"

#include <cstdio>

#include "solver/digest.hpp"

namespace slabhydro {

std::string format_seconds(double s) {
  char buf[64];
  if (s < 0) return "?";
  if (s < 100)
    std::snprintf(buf, sizeof buf, "%.1fs", s);
  else
    std::snprintf(buf, sizeof buf, "%dh%02dm%02ds", static_cast<int>(s / 3600),
                  static_cast<int>(s / 60) % 60, static_cast<int>(s) % 60);
  return buf;
}

std::string progress_line(const ProgressInfo& p) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "step %8lld  time %.6e  dt %.4e  zone-cycles/s %.3e  ETA %s",
                p.step, p.time, p.dt, p.zone_cycles_per_s, format_seconds(p.eta_s).c_str());
  return buf;
}

std::string summary_text(const Summary& s) {
  char buf[2048];
  const Timing& t = s.timing;
  auto pct = [&](double x) { return t.total > 0 ? 100.0 * x / t.total : 0.0; };
  // Throughput of the time loop without the output it wrote (I/O has its
  // own line per file and its share below).
  const double loop = t.total - t.io;
  const double zc = loop > 0 ? static_cast<double>(s.zones) * s.steps_this_run / loop : 0;
  std::snprintf(buf, sizeof buf,
                "summary: step %lld, time %.10e, %lld steps in this run on %d rank(s)\n"
                "  conserved totals: mass %.15e  x-momentum %.15e  y-momentum %.15e  energy %.15e\n"
                "  performance: %.4e zone-cycles/s (%.4e per rank), time loop without I/O\n"
                "  time: total %.3fs = compute %.3fs (%.1f%%) + halo exchange %.3fs (%.1f%%)"
                " + I/O %.3fs (%.1f%%) + other %.3fs (%.1f%%)\n"
                "state digest: %s\n",
                s.step, s.time, s.steps_this_run, s.ranks, s.totals[0], s.totals[1], s.totals[2],
                s.totals[3], zc, zc / s.ranks, t.total, t.compute, pct(t.compute), t.halo,
                pct(t.halo), t.io, pct(t.io), t.other, pct(t.other), digest_hex(s.digest).c_str());
  return buf;
}

}  // namespace slabhydro
