#pragma once
// Geometry of one slab: the global mesh and this slab's place in it.
#include <array>
#include <string>

#include "common/enum_names.hpp"

namespace slabhydro {

enum class BoundaryType { periodic, outflow, reflecting };

constexpr std::array<EnumName<BoundaryType>, 3> kBoundaryNames{
    {{"periodic", BoundaryType::periodic},
     {"outflow", BoundaryType::outflow},
     {"reflecting", BoundaryType::reflecting}}};
inline const char* to_string(BoundaryType b) { return name_of(kBoundaryNames, b); }
// False if `s` names no boundary type.
inline bool parse_boundary(const std::string& s, BoundaryType& b) {
  return value_of(kBoundaryNames, s, b);
}

struct Boundaries {
  BoundaryType x1_inner = BoundaryType::periodic;
  BoundaryType x1_outer = BoundaryType::periodic;
  BoundaryType x2_inner = BoundaryType::periodic;
  BoundaryType x2_outer = BoundaryType::periodic;
};

struct GlobalMesh {
  int nx = 0, ny = 0, ng = 2;
  double x1min = 0.0, x1max = 1.0, x2min = 0.0, x2max = 1.0;
  double dx() const { return (x1max - x1min) / nx; }
  double dy() const { return (x2max - x2min) / ny; }
};

// A slab: columns [x_offset, x_offset + nx_local) of the global mesh, all rows,
// stored with ng guard cells on every side. Index (j, i) of a stored array is
// global column x_offset + i - ng and row j - ng.
struct Slab {
  GlobalMesh mesh;
  int x_offset = 0;
  int nx_local = 0;
  int nx_tot() const { return nx_local + 2 * mesh.ng; }
  int ny_tot() const { return mesh.ny + 2 * mesh.ng; }
  int is() const { return mesh.ng; }
  int ie() const { return mesh.ng + nx_local; }  // one past the last interior column
  int js() const { return mesh.ng; }
  int je() const { return mesh.ng + mesh.ny; }
  bool has_x1_inner_edge() const { return x_offset == 0; }
  bool has_x1_outer_edge() const { return x_offset + nx_local == mesh.nx; }
};

}  // namespace slabhydro
