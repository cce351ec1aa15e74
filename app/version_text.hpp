#pragma once
// What `slabhydro --version` prints: the build and the libraries it runs with.
#include <string>

namespace slabhydro {

std::string version_text();

}  // namespace slabhydro
