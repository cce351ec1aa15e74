#include "app/deck_schema.hpp"

#include "app/bench_schema.hpp"

namespace slabhydro {

const std::vector<KeySpec>& deck_schema() {
  using K = KeyType;
  static const std::vector<KeySpec> schema = {
      {"mesh.nx", K::integer, nullptr, "zones along x (the slab cut is along x)"},
      {"mesh.ny", K::integer, nullptr, "zones along y"},
      {"mesh.ng", K::integer, "2", "guard cells on every side (PLM needs 2)"},
      {"mesh.x1min", K::real, "0.0", "domain lower x bound"},
      {"mesh.x1max", K::real, "1.0", "domain upper x bound"},
      {"mesh.x2min", K::real, "0.0", "domain lower y bound"},
      {"mesh.x2max", K::real, "1.0", "domain upper y bound"},
      {"boundary.x1_inner", K::string, "periodic", "periodic | outflow | reflecting"},
      {"boundary.x1_outer", K::string, "periodic", "periodic | outflow | reflecting"},
      {"boundary.x2_inner", K::string, "periodic", "periodic | outflow | reflecting"},
      {"boundary.x2_outer", K::string, "periodic", "periodic | outflow | reflecting"},
      {"time.tlim", K::real, nullptr, "simulated time at which the run ends"},
      {"time.nlim", K::integer, "-1", "step limit (-1: none)"},
      {"time.wall_limit", K::string, "",
       "wall-clock limit [[D-]HH:]MM:]SS: checkpoint and stop before it (--time-limit "
       "overrides; empty: none)"},
      {"hydro.gamma", K::real, "1.4", "ratio of specific heats, in (1, 100]"},
      {"hydro.cfl", K::real, "0.4", "Courant number, in (0, 1]"},
      {"hydro.riemann", K::string, "hllc", "hllc | hlle | rusanov"},
      {"hydro.limiter", K::string, "vanleer", "minmod | vanleer | mc"},
      {"hydro.integrator", K::string, "rk2", "rk2 (SSP-RK2) | vl2 (van Leer)"},
      {"problem.name", K::string, nullptr,
       "sod | sedov | kelvin_helmholtz | riemann2d | linear_wave"},
      {"problem.direction", K::string, "x", "sod: x | y"},
      {"problem.x0", K::real, "0.5", "sod: interface at this fraction of the domain"},
      {"problem.dl", K::real, "1.0", "sod: left density"},
      {"problem.vl", K::real, "0.0", "sod: left normal velocity"},
      {"problem.pl", K::real, "1.0", "sod: left pressure"},
      {"problem.dr", K::real, "0.125", "sod: right density"},
      {"problem.vr", K::real, "0.0", "sod: right normal velocity"},
      {"problem.pr", K::real, "0.1", "sod: right pressure"},
      {"problem.energy", K::real, "1.0", "sedov: blast energy"},
      {"problem.radius", K::real, "0.05", "sedov: radius of the energy deposit"},
      {"problem.d_ambient", K::real, "1.0", "sedov: background density"},
      {"problem.p_ambient", K::real, "1.0e-5", "sedov: background pressure"},
      {"problem.vflow", K::real, "0.5", "kelvin_helmholtz: flow speed"},
      {"problem.drho", K::real, "1.0", "kelvin_helmholtz: density contrast"},
      {"problem.width", K::real, "0.05", "kelvin_helmholtz: shear layer thickness"},
      {"problem.amplitude", K::real, "0.01", "kelvin_helmholtz: vy perturbation"},
      {"problem.sigma", K::real, "0.2", "kelvin_helmholtz: perturbation width"},
      {"problem.p0", K::real, "10.0", "kelvin_helmholtz: pressure"},
      {"problem.amplitude_wave", K::real, "1.0e-6", "linear_wave: relative amplitude"},
      {"output.basename", K::string, "", "file name prefix (default: problem.name)"},
      {"output.dir", K::string, ".", "output directory (--output-dir overrides)"},
      {"output.progress_interval", K::real, "2.0",
       "seconds of wall clock between progress lines (0: every step)"},
      {"output.trigger_interval", K::real, "1.0",
       "seconds of wall clock between looks for the files dump_now and stop_now in "
       "output.dir (0: every step)"},
      {"checkpoint.every_steps", K::integer, "0", "checkpoint every this many steps (0: off)"},
      {"checkpoint.every_time", K::real, "0.0",
       "checkpoint at the first step end at or after each multiple of this simulated time (0: off)"},
      {"checkpoint.every_wall", K::real, "0.0",
       "checkpoint when this many wall-clock seconds passed since the last one (0: off)"},
      {"checkpoint.keep", K::integer, "3", "checkpoints kept in output.dir (older ones deleted)"},
      {"checkpoint.mtbf", K::real, "0.0",
       "mean time between failures in seconds: without every_wall, checkpoint every "
       "sqrt(2 x checkpoint cost x mtbf) s of wall clock (Young/Daly; 0: off)"},
      {"plot.every_steps", K::integer, "0", "plot file every this many steps (0: off)"},
      {"plot.every_time", K::real, "0.0",
       "plot file at the first step end at or after each multiple of this simulated time (0: off)"},
      {"io.mode", K::string, "collective", "collective | independent | serial"},
      {"io.hints", K::map, "", "MPI-IO hints, e.g. {cb_buffer_size: 16777216}"},
      {"io.alignment", K::integer, "1048576",
       "align HDF5 objects of io.alignment_threshold bytes or more to this many bytes (0: off)"},
      {"io.alignment_threshold", K::integer, "65536", "see io.alignment"},
  };
  static const std::vector<KeySpec> all = with_bench_keys(schema);  // + bench.*
  return all;
}

const KeySpec* find_key(const std::string& key) {
  for (const KeySpec& k : deck_schema())
    if (key == k.key) return &k;
  return nullptr;
}

const char* type_name(KeyType t) {
  switch (t) {
    case KeyType::integer: return "an integer";
    case KeyType::real: return "a number";
    case KeyType::string: return "a string";
    case KeyType::boolean: return "true or false";
    case KeyType::map: return "a map of key: value";
  }
  return "?";
}

}  // namespace slabhydro
