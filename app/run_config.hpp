#pragma once
// The typed, validated configuration of a run, built from a Deck.
#include <string>

#include "deck.hpp"
#include "hydro_options.hpp"
#include "mesh.hpp"
#include "problems.hpp"

namespace slabhydro {

struct TimeConfig {
  double tlim = 0.0;
  long long nlim = -1;  // -1: no step limit
};

struct OutputConfig {
  std::string basename;
  std::string dir = ".";
  double progress_interval = 2.0;  // seconds of wall clock
};

struct RunConfig {
  GlobalMesh mesh;
  Boundaries bc;
  TimeConfig time;
  HydroOptions hydro;
  ProblemParams problem;
  OutputConfig output;
  std::string deck_text;  // the deck as run, overrides applied
};

// Validates every value; errors name the key and where it came from.
RunConfig make_run_config(const Deck& deck);

// One-line-per-section description, printed once at the start of a run.
std::string describe(const RunConfig& c);

const char* to_string(BoundaryType b);

}  // namespace slabhydro
