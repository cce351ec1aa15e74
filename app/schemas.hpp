#pragma once
// The deck schema of each command: its own keys, and the other commands'
// keys so that one given to the wrong command is refused for what it is
// ("mesh.nx: not a key of slabhydro bench, ...", "bench.ny: not a key of
// slabhydro run").
#include "app/schema.hpp"

namespace slabhydro {

const Schema& run_schema();
const Schema& bench_schema();

// `slabhydro keys run|bench [--markdown]`: every key of the command with its
// default, allowed values and help, as text or as the README's tables. "" for
// an unknown command.
std::string keys_text(const std::string& command, bool markdown);

}  // namespace slabhydro
