#include "app/run_config.hpp"

#include "app/file_settings.hpp"
#include "app/problem_settings.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <vector>

#include "app/stop_requests.hpp"
#include "common/error.hpp"
#include "io/file_ops.hpp"
#include "io/mpi_resources.hpp"
#include "io/path_limits.hpp"

namespace slabhydro {
namespace {

std::string num(double x) { return number_text(x); }

// What one key cannot say alone.
void check_together(const Deck& d, const RunConfig& c) {
  if (!(c.mesh.x1max > c.mesh.x1min))
    d.fail("mesh.x1max",
           "must be greater than mesh.x1min = " + num(c.mesh.x1min) + ", got " + num(c.mesh.x1max));
  if (!(c.mesh.x2max > c.mesh.x2min))
    d.fail("mesh.x2max",
           "must be greater than mesh.x2min = " + num(c.mesh.x2min) + ", got " + num(c.mesh.x2max));
  auto pair = [&](const char* inner, BoundaryType bi, const char* outer, BoundaryType bo) {
    if ((bi == BoundaryType::periodic) != (bo == BoundaryType::periodic))
      d.fail(outer, std::string("periodic boundaries come in pairs: ") + inner + " is " +
                        to_string(bi) + " but " + outer + " is " + to_string(bo));
  };
  pair("boundary.x1_inner", c.bc.x1_inner, "boundary.x1_outer", c.bc.x1_outer);
  pair("boundary.x2_inner", c.bc.x2_inner, "boundary.x2_outer", c.bc.x2_outer);
  const int ng_min = required_guard_cells(c.hydro);
  if (c.mesh.ng < ng_min)
    d.fail("mesh.ng", "must be at least " + std::to_string(ng_min) +
                          " for PLM reconstruction, got " + std::to_string(c.mesh.ng));
}

}  // namespace

RunConfig make_run_config(const Deck& d) {
  RunConfig c;
  read_settings(run_settings(), d, c);
  check_together(d, c);
  check_layout(d, c.io);
  if (c.output.basename.empty()) c.output.basename = c.problem.name;
  c.deck_text = d.text_as_run();
  return c;
}

void check_output_paths(const Deck& d, const RunConfig& c, int nranks) {
  // The checkpoints' float64 and the plot files' float32 fields, chunked.
  const std::uint64_t nx = std::uint64_t(c.mesh.nx), ny = std::uint64_t(c.mesh.ny);
  for (const std::size_t elem : {8, 4})
    check_layout_fits(d, c.io, ny, nx, widest_block(nx, nranks), elem);
  // The longest names the run writes: a checkpoint's temporary file (opened
  // through MPI-IO) and a sidecar's, with the writer tag (at most 16
  // characters) and steps of 6 digits, or more when time.nlim needs them.
  const int digits =
      std::max<int>(6, static_cast<int>(std::to_string(std::max(0LL, c.time.nlim)).size()));
  const std::string step(static_cast<std::size_t>(digits), '0');
  const std::string tag(16, 'x');
  const std::string h5 =
      join_path(c.output.dir, c.output.basename + "_chk_" + step + ".h5." + tag + ".tmp");
  const std::string xmf =
      join_path(c.output.dir, c.output.basename + "_plt_" + step + ".xmf." + tag + ".tmp");
  const bool mpiio = c.io.mode != TransferMode::serial;
  for (const auto& p : {std::make_pair(h5, mpiio ? nranks : 0), std::make_pair(xmf, 0)}) {
    const std::string bad = path_problem(p.first, p.second);
    if (bad.empty()) continue;
    const bool name = bad.find("NAME_MAX") != std::string::npos;
    const std::string file = base_name(p.first);
    d.fail(
        name ? "output.basename" : "output.dir",
        "the run's files would be named like " +
            (file.size() > 60 ? file.substr(0, 40) + "..." + file.substr(file.size() - 17) : file) +
            ": " + bad);
  }
}

std::string describe(const RunConfig& c) {
  // The run's settings, with the chosen problem's parameters after its name.
  Settings<RunConfig> shown;
  for (const Setting<RunConfig>& x : run_settings()) {
    shown.push_back(x);
    if (x.spec.key != "problem.name") continue;
    for (const ProblemSettings& p : problem_settings())
      if (c.problem.name == p.name) {
        const Settings<RunConfig> params = nested<RunConfig>(
            p.parameters, [](auto& r) -> auto& { return r.problem; });
        shown.insert(shown.end(), params.begin(), params.end());
      }
  }
  std::string s = header_text(shown, c);
  if (c.checkpoint.mtbf > 0 && c.checkpoint.cadence.every_wall <= 0)
    s += "  (checkpoints every sqrt(2 x cost x mtbf) s of wall clock: Young/Daly)\n";
  return s;
}

}  // namespace slabhydro
