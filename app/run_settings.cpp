// The settings table of `slabhydro run` (app/settings.hpp says what an entry
// holds). The problem's parameters are in app/problem_settings.cpp, the
// output and io.* keys shared with `slabhydro bench` in app/file_settings.hpp.
#include "app/file_settings.hpp"
#include "app/problem_settings.hpp"
#include "app/run_config.hpp"
#include "common/duration.hpp"

namespace slabhydro {
namespace {

using C = RunConfig;

Settings<C> mesh_settings() {
  return {
      required_int<C>(
          "mesh.nx", "zones along x (the slab cut is along x)", at_least(1),
          [](auto& c) -> auto& { return c.mesh.nx; })
          .fixed_at_restart("nx"),
      required_int<C>(
          "mesh.ny", "zones along y", at_least(1), [](auto& c) -> auto& { return c.mesh.ny; })
          .fixed_at_restart("ny"),
      int_setting<C>(
          "mesh.ng", 2, "guard cells on every side (PLM needs 2)", at_least(1),
          [](auto& c) -> auto& { return c.mesh.ng; }),
      real_setting<C>(
          "mesh.x1min", 0.0, "domain lower x bound", any_finite(),
          [](auto& c) -> auto& { return c.mesh.x1min; })
          .fixed_at_restart("x1min"),
      real_setting<C>(
          "mesh.x1max", 1.0, "domain upper x bound", any_finite(),
          [](auto& c) -> auto& { return c.mesh.x1max; })
          .fixed_at_restart("x1max"),
      real_setting<C>(
          "mesh.x2min", 0.0, "domain lower y bound", any_finite(),
          [](auto& c) -> auto& { return c.mesh.x2min; })
          .fixed_at_restart("x2min"),
      real_setting<C>(
          "mesh.x2max", 1.0, "domain upper y bound", any_finite(),
          [](auto& c) -> auto& { return c.mesh.x2max; })
          .fixed_at_restart("x2max"),
  };
}

Settings<C> boundary_settings() {
  const char* help = "boundary; periodic comes in pairs";
  return {
      choice_setting<C>(
          "boundary.x1_inner", BoundaryType::periodic, help, kBoundaryNames,
          [](auto& c) -> auto& { return c.bc.x1_inner; })
          .fixed_at_restart("boundary_x1_inner"),
      choice_setting<C>(
          "boundary.x1_outer", BoundaryType::periodic, help, kBoundaryNames,
          [](auto& c) -> auto& { return c.bc.x1_outer; })
          .fixed_at_restart("boundary_x1_outer"),
      choice_setting<C>(
          "boundary.x2_inner", BoundaryType::periodic, help, kBoundaryNames,
          [](auto& c) -> auto& { return c.bc.x2_inner; })
          .fixed_at_restart("boundary_x2_inner"),
      choice_setting<C>(
          "boundary.x2_outer", BoundaryType::periodic, help, kBoundaryNames,
          [](auto& c) -> auto& { return c.bc.x2_outer; })
          .fixed_at_restart("boundary_x2_outer"),
  };
}

Setting<C> wall_limit_setting() {
  const char* key = "time.wall_limit";
  return {{key, KeyType::string, "", false},
          "wall-clock limit [[D-]HH:]MM:]SS: checkpoint and stop before it (--time-limit "
          "overrides; empty: none)",
          [key](const Deck& d, C& c) {
            const std::string v = d.get_string(key);
            c.time.wall_limit = v.empty() ? 0.0 : parse_duration(v, d.where(key) + ": " + key);
          },
          [](const C& c) {
            return c.time.wall_limit > 0 ? format_hms(c.time.wall_limit) : std::string("none");
          }};
}

Settings<C> time_settings() {
  return {
      required_real<C>(
          "time.tlim", "simulated time at which the run ends", positive(),
          [](auto& c) -> auto& { return c.time.tlim; }),
      int_setting<C>(
          "time.nlim", -1, "step limit", none_or_count(),
          [](auto& c) -> auto& { return c.time.nlim; }),
      wall_limit_setting(),
  };
}

Settings<C> hydro_settings() {
  return {
      real_setting<C>(
          "hydro.gamma", 1.4, "ratio of specific heats", in_interval(1, 100, true, false),
          [](auto& c) -> auto& { return c.hydro.gamma; })
          .fixed_at_restart("gamma"),
      real_setting<C>(
          "hydro.cfl", 0.4, "Courant number", in_interval(0, 1, true, false),
          [](auto& c) -> auto& { return c.hydro.cfl; })
          .noted_at_restart(),
      choice_setting<C>(
          "hydro.riemann", RiemannSolver::hllc, "Riemann solver", kRiemannNames,
          [](auto& c) -> auto& { return c.hydro.riemann; })
          .noted_at_restart(),
      choice_setting<C>(
          "hydro.limiter", Limiter::vanleer, "PLM limiter on primitive variables", kLimiterNames,
          [](auto& c) -> auto& { return c.hydro.limiter; })
          .noted_at_restart(),
      choice_setting<C>(
          "hydro.integrator", Integrator::rk2,
          "rk2 (SSP-RK2, PLM in both stages) or vl2 (van Leer)", kIntegratorNames,
          [](auto& c) -> auto& { return c.hydro.integrator; })
          .noted_at_restart(),
  };
}

// problem.name, and then the chosen problem's own parameters.
Setting<C> problem_setting() {
  std::string names;
  for (const ProblemSettings& p : problem_settings())
    names += (names.empty() ? "" : " | ") + std::string(p.name);
  Setting<C> s{{"problem.name", KeyType::string, "", true},
               "the problem: " + names,
               [](const Deck& d, C& c) {
                 const ProblemSettings& p = chosen_problem(d, c.warnings);
                 c.problem.name = p.name;
                 read_settings(p.parameters, d, c.problem);
               },
               [](const C& c) { return c.problem.name; }};
  return s.fixed_at_restart("problem");
}

Settings<C> output_settings() {
  Settings<C> t = file_settings<C>(
      "", "prefix of output files (default: problem.name)",
      [](auto& c) -> auto& { return c.output.dir; },
      [](auto& c) -> auto& { return c.output.basename; }, [](auto& c) -> auto& { return c.io; });
  t.insert(t.begin() + 2,
           {real_setting<C>(
                "output.progress_interval", 2.0,
                "seconds of wall clock between progress lines (0: every step)", off_or_positive(),
                [](auto& c) -> auto& { return c.output.progress_interval; }),
            real_setting<C>(
                "output.trigger_interval", 1.0,
                "seconds between looks for the files dump_now and stop_now in "
                "output.dir (0: every step)",
                off_or_positive(), [](auto& c) -> auto& { return c.output.trigger_interval; }),
            int_setting<C>(
                "output.history_every", 0,
                "a line of output.dir/BASENAME.hst (conserved totals, dt, digest) "
                "every this many steps",
                off_or_count(), [](auto& c) -> auto& { return c.output.history_every; })});
  return t;
}

Settings<C> checkpoint_settings() {
  return {
      int_setting<C>(
          "checkpoint.every_steps", 0, "checkpoint every this many steps", off_or_count(),
          [](auto& c) -> auto& { return c.checkpoint.cadence.every_steps; }),
      real_setting<C>(
          "checkpoint.every_time", 0.0,
          "checkpoint at the first step end at or after each multiple of this "
          "simulated time",
          off_or_positive(), [](auto& c) -> auto& { return c.checkpoint.cadence.every_time; }),
      real_setting<C>(
          "checkpoint.every_wall", 0.0,
          "checkpoint when this many wall-clock seconds passed since the last one",
          off_or_positive(), [](auto& c) -> auto& { return c.checkpoint.cadence.every_wall; }),
      int_setting<C>(
          "checkpoint.keep", 3, "this run's checkpoints left in output.dir (older ones deleted)",
          at_least(1), [](auto& c) -> auto& { return c.checkpoint.keep; }),
      real_setting<C>(
          "checkpoint.mtbf", 0.0,
          "mean time between failures in seconds: without every_wall, checkpoint "
          "every sqrt(2 x checkpoint cost x mtbf) s of wall clock (Young/Daly)",
          off_or_positive(), [](auto& c) -> auto& { return c.checkpoint.mtbf; }),
      bool_setting<C>(
          "checkpoint.async", false,
          "write checkpoints from a copy of the state on a thread of their own while "
          "the time loop goes on (one more copy of the state in memory; needs "
          "MPI_THREAD_MULTIPLE)",
          [](auto& c) -> auto& { return c.checkpoint.async; }),
  };
}

Settings<C> plot_settings() {
  return {
      int_setting<C>(
          "plot.every_steps", 0, "plot file every this many steps", off_or_count(),
          [](auto& c) -> auto& { return c.plot.every_steps; }),
      real_setting<C>(
          "plot.every_time", 0.0,
          "plot file at the first step end at or after each multiple of this "
          "simulated time",
          off_or_positive(), [](auto& c) -> auto& { return c.plot.every_time; }),
  };
}

}  // namespace

// slabhydro:table
const Settings<RunConfig>& run_settings() {
  static const Settings<RunConfig> table = [] {
    Settings<C> t;
    for (const Settings<C>& part : {mesh_settings(), boundary_settings(), time_settings(),
                                    hydro_settings(), Settings<C>{problem_setting()},
                                    output_settings(), checkpoint_settings(), plot_settings()})
      t.insert(t.end(), part.begin(), part.end());
    return t;
  }();
  return table;
}

KeyList run_keys() {
  KeyList k = keys_of(run_settings());
  const KeyList p = keys_of(all_problem_parameters());
  k.insert(k.end(), p.begin(), p.end());
  return k;
}

}  // namespace slabhydro
