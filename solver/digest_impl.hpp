#pragma once
// Template part of digest.hpp: column hashes for a device or host view.

namespace slabhydro {

template <class View3D>
void column_hashes(const Slab& slab, const View3D& u, std::uint64_t* out_host) {
  using Space = typename View3D::execution_space;
  const int ng = slab.mesh.ng, ny = slab.mesh.ny, xoff = slab.x_offset;
  const int n = slab.nx_local;
  Kokkos::View<std::uint64_t*, typename View3D::memory_space> h(
      Kokkos::ViewAllocateWithoutInitializing("digest::columns"), n);
  Kokkos::parallel_for(
      "digest::column_hashes", Kokkos::RangePolicy<Space>(0, n),
      KOKKOS_LAMBDA(const int k) { h(k) = column_hash(u, ng, ny, xoff, k); });
  Kokkos::View<std::uint64_t*, Kokkos::HostSpace, Kokkos::MemoryTraits<Kokkos::Unmanaged>> dst(
      out_host, n);
  Kokkos::deep_copy(dst, h);
}

}  // namespace slabhydro
