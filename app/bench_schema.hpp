#pragma once
// The deck keys of `slabhydro bench` (section bench:), kept apart from the
// solver's; deck_schema() lists them after its own.
#include <vector>

#include "app/deck_schema.hpp"

namespace slabhydro {

const std::vector<KeySpec>& bench_deck_keys();

// `base` followed by bench_deck_keys().
std::vector<KeySpec> with_bench_keys(const std::vector<KeySpec>& base);

}  // namespace slabhydro
