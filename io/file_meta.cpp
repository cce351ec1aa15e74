#include "io/file_meta.hpp"

#include <cmath>
#include <cstdio>
#include <ctime>

#include "common/number_text.hpp"
#include "io/checkpoint_format.hpp"
#include "io/lineage.hpp"
#include "solver/problems.hpp"

namespace slabhydro {
std::vector<std::string> common_value_problems(const CommonValues& m) {
  std::vector<std::string> p;
  auto need = [&](bool ok, const std::string& msg) {
    if (!ok) p.push_back(msg);
  };
  need(valid_lineage_id(m.lineage), "lineage '" + m.lineage + "' is not 32 hex digits");
  need(std::isfinite(m.time) && m.time >= 0,
       "time " + exact_text(m.time) + " is not finite and >= 0");
  need(m.step >= 0 && m.step <= kMaxStep,
       "step " + std::to_string(m.step) + " is not in [0, 2^40]");
  need(m.nx >= 1 && m.nx <= kMaxCells, "nx " + std::to_string(m.nx) + " is not in [1, 2^30]");
  need(m.ny >= 1 && m.ny <= kMaxCells, "ny " + std::to_string(m.ny) + " is not in [1, 2^30]");
  need(std::isfinite(m.x1min) && std::isfinite(m.x1max) && m.x1max > m.x1min,
       "x1min " + exact_text(m.x1min) + ", x1max " + exact_text(m.x1max) +
           " are not a finite interval");
  need(std::isfinite(m.x2min) && std::isfinite(m.x2max) && m.x2max > m.x2min,
       "x2min " + exact_text(m.x2min) + ", x2max " + exact_text(m.x2max) +
           " are not a finite interval");
  need(std::isfinite(m.gamma) && m.gamma > 1, "gamma " + exact_text(m.gamma) + " is not > 1");
  bool known = false;
  for (const std::string& n : problem_names()) known |= n == m.problem;
  need(known, "problem '" + m.problem + "' is not one this slabhydro knows");
  return p;
}

std::string utc_time_text(const char* format) {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, format, &tm);
  return buf;
}

}  // namespace slabhydro
