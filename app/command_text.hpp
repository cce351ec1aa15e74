#pragma once
// Text for the user to copy: YAML and shell quoting, and the command that
// continues a run.
#include <string>

#include "app/cli.hpp"

namespace slabhydro {

// A word for a shell command line, quoted when it needs to be.
std::string shell_word(const std::string& w);
// "mpirun -np N slabhydro run DECK [--set ...] [--output-dir D] --restart latest"
std::string continue_command(const CommandLine& cl, int ranks);
// The command line as given, for the lock file and messages (at most 200 characters).
std::string command_summary(const CommandLine& cl);

}  // namespace slabhydro
