#pragma once
// The typed, validated configuration of a run, built from a Deck.
#include <string>
#include <vector>

#include "app/deck.hpp"
#include "app/settings.hpp"
#include "io/h5_props.hpp"
#include "solver/hydro_options.hpp"
#include "solver/mesh.hpp"
#include "solver/problems.hpp"

namespace slabhydro {

struct TimeConfig {
  double tlim = 0.0;
  long long nlim = -1;      // -1: no step limit
  double wall_limit = 0.0;  // seconds of wall clock for this run; 0: none
};

struct OutputConfig {
  std::string basename;
  std::string dir = ".";
  double progress_interval = 2.0;  // seconds of wall clock
  double trigger_interval = 1.0;   // seconds between looks for dump_now/stop_now
  long long history_every = 0;     // steps between lines of BASENAME.hst (0: no history)
};

// When to write a file: every N steps, at the first step end at or after each
// multiple of a simulated time, or after some wall-clock seconds (0: off).
// Outputs never shorten a time step, so changing a cadence at a restart does
// not change the solution.
struct Cadence {
  long long every_steps = 0;
  double every_time = 0.0;
  double every_wall = 0.0;  // checkpoints only
  bool enabled() const { return every_steps > 0 || every_time > 0.0 || every_wall > 0.0; }
};

struct CheckpointConfig {
  Cadence cadence;
  int keep = 3;        // checkpoints left in output.dir after each write
  double mtbf = 0.0;   // seconds; > 0 and no every_wall: Young/Daly wall cadence
  bool async = false;  // written by a background thread from a snapshot (io/async_checkpoint.hpp)
};

struct RunConfig {
  GlobalMesh mesh;
  Boundaries bc;
  TimeConfig time;
  HydroOptions hydro;
  ProblemParams problem;
  OutputConfig output;
  CheckpointConfig checkpoint;
  Cadence plot;
  IoOptions io;
  std::string deck_text;              // the deck as run, overrides applied
  std::vector<std::string> warnings;  // for rank 0 to print (e.g. keys of another problem)
};

// The settings of `slabhydro run` (app/run_settings.cpp), and its keys:
// those and every problem's parameters. The deck schemas (app/schemas.hpp)
// put them together with the other commands'.
const Settings<RunConfig>& run_settings();
KeyList run_keys();

// Reads and checks every value of a deck made with run_schema(); errors
// name the key and where it came from.
RunConfig make_run_config(const Deck& deck);

// The paths of every file the run will write, checked against the limits of
// the system and the MPI library (io/path_limits.hpp) for nranks ranks; a
// path that cannot work is a deck error naming output.dir or output.basename.
// Also the io.chunk layout fitted to the mesh on nranks ranks (4 GiB chunks,
// szip blocks wider than a chunk row: a deck error naming the key).
void check_output_paths(const Deck& deck, const RunConfig& c, int nranks);

// One-line-per-section description, printed once at the start of a run.
std::string describe(const RunConfig& c);

}  // namespace slabhydro
