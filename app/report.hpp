#pragma once
// What a run prints: the progress line and the final summary (rank 0 only).
#include <array>
#include <cstdint>
#include <string>

namespace slabhydro {

struct ProgressInfo {
  long long step;
  double time, dt;
  double zone_cycles_per_s;  // since the previous line
  double eta_s;              // to tlim (or nlim), < 0 if unknown
};
std::string progress_line(const ProgressInfo& p);

struct Timing {
  double total, compute, halo, io, other;
};

struct Summary {
  long long step;
  double time;
  long long zones;
  long long steps_this_run;
  std::array<double, 4> totals;  // mass, x-momentum, y-momentum, energy
  std::uint64_t digest;
  Timing timing;
  int ranks;
};
std::string summary_text(const Summary& s);

std::string format_seconds(double s);

}  // namespace slabhydro
