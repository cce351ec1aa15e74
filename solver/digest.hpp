#pragma once
// The state digest: a 64-bit hash of the global conserved state in global
// order, independent of how the columns are split between ranks.
//   column hash  c_i = H(seed_i, bits of u(v, j, i) for j = 0..ny-1, v = 0..3)
//   digest        D  = H(seed, c_0, c_1, ..., c_{nx-1})
// Each rank hashes its own columns; the nx column hashes are gathered in
// global order and hashed again (decomposition/global_reduce.cpp).
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "solver/hydro_state.hpp"

namespace slabhydro {

KOKKOS_INLINE_FUNCTION std::uint64_t hash_mix(std::uint64_t h, std::uint64_t x) {
  // splitmix64 finaliser applied to the running value xor the new word
  std::uint64_t z = h ^ (x + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

KOKKOS_INLINE_FUNCTION std::uint64_t double_bits(double x) {
  std::uint64_t b;
  std::memcpy(&b, &x, sizeof b);
  return b;
}

constexpr std::uint64_t kDigestSeed = 0x736c616268796472ULL;  // "slabhydr"

// The hash c_i of interior column k (local index) of a slab-shaped view u.
template <class View3D>
KOKKOS_INLINE_FUNCTION std::uint64_t column_hash(const View3D& u, int ng, int ny, int x_offset,
                                                 int k) {
  const int i = ng + k;
  std::uint64_t c = hash_mix(kDigestSeed, static_cast<std::uint64_t>(x_offset + k));
  for (int j = ng; j < ng + ny; ++j)
    for (int v = 0; v < NVAR; ++v) c = hash_mix(c, double_bits(u(v, j, i)));
  return c;
}

// Hashes of this slab's interior columns, in local order (size nx_local).
// Works on a device view or a host view of the same shape.
template <class View3D>
void column_hashes(const Slab& slab, const View3D& u, std::uint64_t* out_host);

// The same for a host view, in a plain loop on the calling thread (no
// Kokkos dispatch: any thread may call it, e.g. an asynchronous checkpoint's).
// Row by row, all columns at once (the same sequence per column as
// column_hash, so the same hashes), to walk the LayoutRight array in order.
template <class HostView3D>
void column_hashes_here(const Slab& slab, const HostView3D& u, std::uint64_t* out) {
  const int ng = slab.mesh.ng, n = slab.nx_local;
  for (int k = 0; k < n; ++k)
    out[k] = hash_mix(kDigestSeed, static_cast<std::uint64_t>(slab.x_offset + k));
  for (int j = ng; j < ng + slab.mesh.ny; ++j)
    for (int k = 0; k < n; ++k)
      for (int v = 0; v < NVAR; ++v) out[k] = hash_mix(out[k], double_bits(u(v, j, ng + k)));
}

// Combines the nx column hashes (global order) into the digest.
std::uint64_t combine_column_hashes(const std::vector<std::uint64_t>& columns);

std::string digest_hex(std::uint64_t d);

// Column sums of the conserved variables, sums[v * nx_local + i], each
// summed over j in order, for totals that do not depend on the rank count.
void column_sums(const Slab& slab, const DvceArray3D<double>& u, std::vector<double>& sums);

}  // namespace slabhydro

#include "solver/digest_impl.hpp"
