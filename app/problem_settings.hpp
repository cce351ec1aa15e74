#pragma once
// The problems and their parameters (problem.*): each problem's keys are
// read and checked only when it is the one chosen (a Sod run does not look
// at problem.radius); the keys of the others are known to the deck, and a
// value given for one is ignored with a warning.
#include <string>
#include <vector>

#include "app/settings.hpp"
#include "solver/problems.hpp"

namespace slabhydro {

struct ProblemSettings {
  const char* name;  // problem.name
  Settings<ProblemParams> parameters;
};

const std::vector<ProblemSettings>& problem_settings();
// Every problem.* key but problem.name, for the schema.
Settings<ProblemParams> all_problem_parameters();
// The chosen problem's settings (problem.name read first); a collective
// Error for an unknown name. Warnings name the keys of other problems the
// deck gives, which are ignored.
const ProblemSettings& chosen_problem(const Deck& d, std::vector<std::string>& warnings);

}  // namespace slabhydro
