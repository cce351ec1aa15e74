#include "solver/digest.hpp"

#include <cstdio>

namespace slabhydro {

std::uint64_t combine_column_hashes(const std::vector<std::uint64_t>& columns) {
  std::uint64_t d = hash_mix(kDigestSeed, columns.size());
  for (std::uint64_t c : columns) d = hash_mix(d, c);
  return d;
}

std::string digest_hex(std::uint64_t d) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(d));
  return buf;
}

void column_sums(const Slab& slab, const DvceArray3D<double>& u, std::vector<double>& sums) {
  const int ng = slab.mesh.ng, ny = slab.mesh.ny, n = slab.nx_local;
  DvceArray1D<double> s(Kokkos::ViewAllocateWithoutInitializing("digest::column_sums"), NVAR * n);
  par_for(
      "digest::column_sums", 0, NVAR * n, KOKKOS_LAMBDA(const int idx) {
        const int v = idx / n, i = ng + idx % n;
        double acc = 0.0;
        for (int j = ng; j < ng + ny; ++j) acc += u(v, j, i);
        s(idx) = acc;
      });
  sums.resize(NVAR * n);
  Kokkos::View<double*, Kokkos::HostSpace, Kokkos::MemoryTraits<Kokkos::Unmanaged>> dst(
      sums.data(), sums.size());
  Kokkos::deep_copy(dst, s);
}

}  // namespace slabhydro
