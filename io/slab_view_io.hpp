#pragma once
// The Kokkos side of the core I/O layer: a Slab as a SlabBlock, and the
// variables of a host view u(var, j, i) shaped like the slab (LayoutRight,
// guard cells included) written or read one dataset per variable. For a
// device view, pass a host mirror made once (Kokkos::create_mirror_view: on
// a host backend that is the view itself, so nothing is copied).
#include <string>
#include <type_traits>
#include <vector>

#include "common/error.hpp"
#include "io/slab_field_io.hpp"
#include "solver/kokkos_types.hpp"
#include "solver/mesh.hpp"

namespace slabhydro {

inline SlabBlock slab_block(const Slab& s) {
  return {s.mesh.nx, s.mesh.ny, s.x_offset, s.nx_local, s.mesh.ng};
}

// Pointer to plane v of a host-accessible LayoutRight 3D view shaped like the slab.
template <class View3D>
auto slab_plane(const Slab& s, const View3D& u, int v) {
  static_assert(std::is_same<typename View3D::array_layout, Kokkos::LayoutRight>::value,
                "slab I/O needs a LayoutRight view");
  static_assert(
      Kokkos::SpaceAccessibility<Kokkos::HostSpace, typename View3D::memory_space>::accessible,
      "slab I/O needs a host view (a host mirror of a device view)");
  if (v < 0 || std::size_t(v) >= u.extent(0) || u.extent(1) != std::size_t(s.ny_tot()) ||
      u.extent(2) != std::size_t(s.nx_tot()))
    throw Error("slab I/O: view '" + u.label() + "' does not hold variable " + std::to_string(v) +
                " of this slab");
  return u.data() + std::size_t(v) * u.extent(1) * u.extent(2);
}

// Each variable in the layout of the file's options (IoOptions::layout).
template <class View3D>
void write_slab_vars(SlabFile& f, const std::vector<std::string>& names, const Slab& s,
                     const View3D& host_u) {
  using T = typename View3D::non_const_value_type;
  const DatasetOptions d = field_options(f, slab_block(s), sizeof(T));
  for (std::size_t v = 0; v < names.size(); ++v)
    write_slab_field(f, names[v], slab_block(s), slab_plane(s, host_u, int(v)), d);
}

template <class View3D>
void read_slab_vars(SlabFile& f, const std::vector<std::string>& names, const Slab& s,
                    const View3D& host_u) {
  for (std::size_t v = 0; v < names.size(); ++v)
    read_slab_field(f, names[v], slab_block(s), slab_plane(s, host_u, int(v)));
}

}  // namespace slabhydro
