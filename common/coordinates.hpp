#pragma once
// Coordinates of a uniform 1D mesh of n cells on [lo, hi].
#include <cstddef>
#include <vector>

namespace slabhydro {

inline std::vector<double> cell_centres(double lo, double hi, long long n) {
  std::vector<double> c(static_cast<std::size_t>(n));
  const double d = (hi - lo) / double(n);
  for (long long i = 0; i < n; ++i) c[static_cast<std::size_t>(i)] = lo + (double(i) + 0.5) * d;
  return c;
}

// The n + 1 cell faces; the last is hi exactly.
inline std::vector<double> cell_nodes(double lo, double hi, long long n) {
  std::vector<double> c(static_cast<std::size_t>(n) + 1);
  const double d = (hi - lo) / double(n);
  for (long long i = 0; i < n; ++i) c[static_cast<std::size_t>(i)] = lo + double(i) * d;
  c[static_cast<std::size_t>(n)] = hi;
  return c;
}

}  // namespace slabhydro
