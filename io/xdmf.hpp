#pragma once
// The XDMF (version 2) sidecar of a plot file: a 2D rectilinear mesh
// (2DRectMesh, node coordinates VXVY) with cell-centred scalar attributes
// read from the HDF5 file next to it. ParaView and VisIt open the .xmf as it is.
#include <string>
#include <vector>

namespace slabhydro {

struct XdmfField {
  std::string name;     // attribute name shown by the viewer
  std::string dataset;  // path inside the HDF5 file, shape [ny][nx]
  int precision;        // bytes per value: 4 (float32) or 8 (float64)
};

struct XdmfGrid {
  std::string h5_file;  // file name relative to the .xmf (same directory)
  long long nx = 0, ny = 0;
  double time = 0.0;
  std::string lineage;           // the run lineage, as an <Information> element (empty: none)
  std::string x_nodes, y_nodes;  // float64 datasets of nx+1 and ny+1 node coordinates
  std::vector<XdmfField> fields;
};

std::string xdmf_text(const XdmfGrid& g);

}  // namespace slabhydro
