#include "common/number_text.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace slabhydro {

std::string number_text(double x) {
  char buf[64];
  for (int digits = 6; digits <= 17; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*g", digits, x);
    if (std::strtod(buf, nullptr) == x || std::isnan(x)) break;
  }
  return buf;
}

std::string exact_text(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", x);
  return buf;
}

}  // namespace slabhydro
