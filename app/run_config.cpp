#include "app/run_config.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <vector>

#include "common/error.hpp"
#include "io/file_ops.hpp"
#include "io/mpi_resources.hpp"
#include "io/path_limits.hpp"
#include "app/stop_requests.hpp"

namespace slabhydro {
namespace {

std::string num(double x) {
  std::ostringstream os;
  os.precision(17);
  os << x;
  return os.str();
}

template <class E>
E choose(const Deck& d, const std::string& key, const std::vector<std::pair<const char*, E>>& options) {
  const std::string v = d.get_string(key);
  std::string list;
  for (const auto& o : options) {
    if (v == o.first) return o.second;
    list += (list.empty() ? "" : " | ") + std::string(o.first);
  }
  d.fail(key, "must be one of " + list + ", got '" + v + "'");
}

double real_in(const Deck& d, const std::string& key, double lo, double hi, bool lo_open,
               const char* range_text) {
  const double x = d.get_real(key);
  const bool ok = std::isfinite(x) && (lo_open ? x > lo : x >= lo) && x <= hi;
  if (!ok) d.fail(key, std::string("must be in ") + range_text + ", got " + num(x));
  return x;
}

double positive(const Deck& d, const std::string& key) {
  const double x = d.get_real(key);
  if (!(std::isfinite(x) && x > 0.0)) d.fail(key, "must be a positive number, got " + num(x));
  return x;
}

double finite(const Deck& d, const std::string& key) {
  const double x = d.get_real(key);
  if (!std::isfinite(x)) d.fail(key, "must be a finite number, got " + num(x));
  return x;
}

int int_at_least(const Deck& d, const std::string& key, long long lo) {
  const long long x = d.get_int(key);
  if (x < lo || x > (1LL << 30))
    d.fail(key, "must be an integer in [" + std::to_string(lo) + ", 2^30], got " +
                    std::to_string(x));
  return static_cast<int>(x);
}

double non_negative(const Deck& d, const std::string& key) {
  const double x = d.get_real(key);
  if (!(std::isfinite(x) && x >= 0.0)) d.fail(key, "must be >= 0 (0: off), got " + num(x));
  return x;
}

long long non_negative_int(const Deck& d, const std::string& key) {
  const long long x = d.get_int(key);
  if (x < 0) d.fail(key, "must be >= 0 (0: off), got " + std::to_string(x));
  return x;
}

BoundaryType boundary(const Deck& d, const std::string& key) {
  return choose<BoundaryType>(d, key,
                              {{"periodic", BoundaryType::periodic},
                               {"outflow", BoundaryType::outflow},
                               {"reflecting", BoundaryType::reflecting}});
}

void check_periodic_pair(const Deck& d, const std::string& inner, BoundaryType bi,
                         const std::string& outer, BoundaryType bo) {
  if ((bi == BoundaryType::periodic) != (bo == BoundaryType::periodic))
    d.fail(outer, std::string("periodic boundaries come in pairs: ") + inner + " is " +
                      to_string(bi) + " but " + outer + " is " + to_string(bo));
}

}  // namespace

RunConfig make_run_config(const Deck& d) {
  RunConfig c;
  c.mesh.nx = int_at_least(d, "mesh.nx", 1);
  c.mesh.ny = int_at_least(d, "mesh.ny", 1);
  c.mesh.x1min = finite(d, "mesh.x1min");
  c.mesh.x1max = finite(d, "mesh.x1max");
  c.mesh.x2min = finite(d, "mesh.x2min");
  c.mesh.x2max = finite(d, "mesh.x2max");
  if (!(c.mesh.x1max > c.mesh.x1min))
    d.fail("mesh.x1max", "must be greater than mesh.x1min = " + num(c.mesh.x1min) + ", got " +
                             num(c.mesh.x1max));
  if (!(c.mesh.x2max > c.mesh.x2min))
    d.fail("mesh.x2max", "must be greater than mesh.x2min = " + num(c.mesh.x2min) + ", got " +
                             num(c.mesh.x2max));

  c.bc.x1_inner = boundary(d, "boundary.x1_inner");
  c.bc.x1_outer = boundary(d, "boundary.x1_outer");
  c.bc.x2_inner = boundary(d, "boundary.x2_inner");
  c.bc.x2_outer = boundary(d, "boundary.x2_outer");
  check_periodic_pair(d, "boundary.x1_inner", c.bc.x1_inner, "boundary.x1_outer", c.bc.x1_outer);
  check_periodic_pair(d, "boundary.x2_inner", c.bc.x2_inner, "boundary.x2_outer", c.bc.x2_outer);

  c.time.tlim = positive(d, "time.tlim");
  {
    const std::string wl = d.get_string("time.wall_limit");
    if (!wl.empty()) c.time.wall_limit = parse_duration(wl, d.where("time.wall_limit") + ": time.wall_limit");
  }
  c.time.nlim = d.get_int("time.nlim");
  if (c.time.nlim < -1) d.fail("time.nlim", "must be -1 (no limit) or >= 0, got " +
                                                std::to_string(c.time.nlim));

  // A ratio of specific heats: above 100 nothing physical, and the equation
  // of state overflows long before double's range ends.
  c.hydro.gamma = real_in(d, "hydro.gamma", 1.0, 100.0, true, "(1, 100]");
  c.hydro.cfl = real_in(d, "hydro.cfl", 0.0, 1.0, true, "(0, 1]");
  c.hydro.riemann = choose<RiemannSolver>(d, "hydro.riemann",
                                          {{"hllc", RiemannSolver::hllc},
                                           {"hlle", RiemannSolver::hlle},
                                           {"rusanov", RiemannSolver::rusanov}});
  c.hydro.limiter = choose<Limiter>(
      d, "hydro.limiter",
      {{"minmod", Limiter::minmod}, {"vanleer", Limiter::vanleer}, {"mc", Limiter::mc}});
  c.hydro.integrator = choose<Integrator>(
      d, "hydro.integrator", {{"rk2", Integrator::rk2}, {"vl2", Integrator::vl2}});

  const int ng_min = required_guard_cells(c.hydro);
  c.mesh.ng = int_at_least(d, "mesh.ng", 1);
  if (c.mesh.ng < ng_min)
    d.fail("mesh.ng", "must be at least " + std::to_string(ng_min) +
                          " for PLM reconstruction, got " + std::to_string(c.mesh.ng));

  ProblemParams& p = c.problem;
  p.name = d.get_string("problem.name");
  {
    std::string list;
    bool known = false;
    for (const std::string& n : problem_names()) {
      known |= n == p.name;
      list += (list.empty() ? "" : " | ") + n;
    }
    if (!known) d.fail("problem.name", "must be one of " + list + ", got '" + p.name + "'");
  }
  p.direction = choose<std::string>(d, "problem.direction", {{"x", "x"}, {"y", "y"}});
  p.x0 = real_in(d, "problem.x0", 0.0, 1.0, false, "[0, 1]");
  p.dl = positive(d, "problem.dl");
  p.vl = finite(d, "problem.vl");
  p.pl = positive(d, "problem.pl");
  p.dr = positive(d, "problem.dr");
  p.vr = finite(d, "problem.vr");
  p.pr = positive(d, "problem.pr");
  p.energy = positive(d, "problem.energy");
  p.radius = positive(d, "problem.radius");
  p.d_ambient = positive(d, "problem.d_ambient");
  p.p_ambient = positive(d, "problem.p_ambient");
  p.vflow = finite(d, "problem.vflow");
  p.drho = real_in(d, "problem.drho", -1.0, 1.0e30, true, "(-1, inf)");
  p.width = positive(d, "problem.width");
  p.amplitude = finite(d, "problem.amplitude");
  p.sigma = positive(d, "problem.sigma");
  p.p0 = positive(d, "problem.p0");
  p.amplitude_wave = real_in(d, "problem.amplitude_wave", -0.1, 0.1, false, "[-0.1, 0.1]");

  c.output.basename = d.get_string("output.basename");
  if (c.output.basename.empty()) c.output.basename = p.name;
  if (c.output.basename.find('/') != std::string::npos)
    d.fail("output.basename", "must be a file name prefix without '/', got '" +
                                  c.output.basename + "' (use output.dir for the directory)");
  c.output.dir = d.get_string("output.dir");
  if (c.output.dir.empty()) d.fail("output.dir", "must not be empty");
  c.output.progress_interval = d.get_real("output.progress_interval");
  if (!(c.output.progress_interval >= 0.0))
    d.fail("output.progress_interval",
           "must be >= 0 seconds, got " + num(c.output.progress_interval));

  c.checkpoint.cadence.every_steps = non_negative_int(d, "checkpoint.every_steps");
  c.checkpoint.cadence.every_time = non_negative(d, "checkpoint.every_time");
  c.checkpoint.cadence.every_wall = non_negative(d, "checkpoint.every_wall");
  c.checkpoint.keep = int_at_least(d, "checkpoint.keep", 1);
  c.checkpoint.mtbf = non_negative(d, "checkpoint.mtbf");
  c.output.trigger_interval = non_negative(d, "output.trigger_interval");
  c.plot.every_steps = non_negative_int(d, "plot.every_steps");
  c.plot.every_time = non_negative(d, "plot.every_time");

  if (!parse_transfer_mode(d.get_string("io.mode"), c.io.mode))
    d.fail("io.mode", "must be one of collective | independent | serial, got '" +
                          d.get_string("io.mode") + "'");
  c.io.hints = d.get_map("io.hints");
  for (const auto& h : c.io.hints) {
    const std::string bad = hint_problem(h.first, h.second);
    if (!bad.empty()) d.fail("io.hints", bad);
  }
  c.io.alignment = static_cast<hsize_t>(non_negative_int(d, "io.alignment"));
  c.io.alignment_threshold = static_cast<hsize_t>(non_negative_int(d, "io.alignment_threshold"));

  c.deck_text = d.text_as_run();
  return c;
}

void check_output_paths(const Deck& d, const RunConfig& c, int nranks) {
  // The longest names the run writes: a checkpoint's temporary file (opened
  // through MPI-IO) and a sidecar's, with the writer tag (at most 16
  // characters) and steps of 6 digits, or more when time.nlim needs them.
  const int digits = std::max<int>(6, static_cast<int>(std::to_string(std::max(0LL, c.time.nlim)).size()));
  const std::string step(static_cast<std::size_t>(digits), '0');
  const std::string tag(16, 'x');
  const std::string h5 = join_path(c.output.dir, c.output.basename + "_chk_" + step + ".h5." + tag + ".tmp");
  const std::string xmf = join_path(c.output.dir, c.output.basename + "_plt_" + step + ".xmf." + tag + ".tmp");
  const bool mpiio = c.io.mode != TransferMode::serial;
  for (const auto& p : {std::make_pair(h5, mpiio ? nranks : 0), std::make_pair(xmf, 0)}) {
    const std::string bad = path_problem(p.first, p.second);
    if (bad.empty()) continue;
    const bool name = bad.find("NAME_MAX") != std::string::npos;
    const std::string file = base_name(p.first);
    d.fail(name ? "output.basename" : "output.dir",
           "the run's files would be named like " +
               (file.size() > 60 ? file.substr(0, 40) + "..." + file.substr(file.size() - 17)
                                 : file) +
               ": " + bad);
  }
}

std::string describe(const RunConfig& c) {
  std::ostringstream os;
  os << "  problem     " << c.problem.name;
  if (c.problem.name == "sod") os << " (along " << c.problem.direction << ")";
  os << "\n  mesh        " << c.mesh.nx << " x " << c.mesh.ny << " zones, ng = " << c.mesh.ng
     << ", [" << c.mesh.x1min << ", " << c.mesh.x1max << "] x [" << c.mesh.x2min << ", "
     << c.mesh.x2max << "]\n"
     << "  boundaries  x1: " << to_string(c.bc.x1_inner) << "/" << to_string(c.bc.x1_outer)
     << ", x2: " << to_string(c.bc.x2_inner) << "/" << to_string(c.bc.x2_outer) << "\n"
     << "  hydro       gamma = " << c.hydro.gamma << ", cfl = " << c.hydro.cfl
     << ", riemann = " << to_string(c.hydro.riemann)
     << ", limiter = " << to_string(c.hydro.limiter)
     << ", integrator = " << to_string(c.hydro.integrator) << "\n"
     << "  time        tlim = " << c.time.tlim;
  if (c.time.nlim >= 0) os << ", nlim = " << c.time.nlim;
  if (c.time.wall_limit > 0) os << ", wall-clock limit " << format_hms(c.time.wall_limit);
  os << "\n  output      " << c.output.dir << "/" << c.output.basename << "_*\n";
  auto cadence = [&](const Cadence& k, const char* what) {
    os << "  " << what;
    if (!k.enabled()) {
      os << "at the end of the run only\n";
      return;
    }
    const char* sep = "every ";
    if (k.every_steps > 0) os << sep << k.every_steps << " steps", sep = ", every ";
    if (k.every_time > 0) os << sep << k.every_time << " in time", sep = ", every ";
    if (k.every_wall > 0) os << sep << k.every_wall << " s of wall clock";
    os << "\n";
  };
  cadence(c.checkpoint.cadence, "checkpoints ");
  if (c.checkpoint.mtbf > 0 && c.checkpoint.cadence.every_wall <= 0)
    os << "              and every sqrt(2 x cost x mtbf) s of wall clock (Young/Daly, mtbf = "
       << c.checkpoint.mtbf << " s)\n";
  os << "              keep " << c.checkpoint.keep << ", io mode " << to_string(c.io.mode);
  if (c.io.alignment > 1) os << ", alignment " << c.io.alignment;
  for (const auto& h : c.io.hints) os << ", " << h.first << "=" << h.second;
  os << "\n";
  if (c.plot.enabled()) cadence(c.plot, "plot files  ");
  return os.str();
}

}  // namespace slabhydro
