#pragma once
// XDMF (version 2) descriptions of the plot files, which ParaView opens with
// any of its three XDMF readers (XDMFReader, Xdmf3ReaderS, Xdmf3ReaderT) and
// VisIt with its own:
//   <basename>_plt_<step>.xmf  the sidecar of one plot file: a temporal
//                              collection of its one grid (so that every
//                              reader shows its time);
//   <basename>_plt.xmf         the series: one temporal collection of the
//                              grids of every plot file of the run in the
//                              directory, in step order.
// A grid is a 3DRectMesh one cell thick (node coordinates VXVYVZ, z nodes 0
// and dz: ParaView's legacy reader collapses a 2DRectMesh to a line) with
// cell-centred scalar attributes, the [ny][nx] datasets of the HDF5 file next
// to it declared as "1 ny nx". HDF5 paths are "./NAME.h5:/dataset", relative
// to the .xmf. Open a .xmf by a path with a directory part ("./x.xmf", an
// absolute path): ParaView 5.11's Xdmf3 readers misplace the HDF5 file of a
// .xmf named without one.
#include <string>
#include <vector>

namespace slabhydro {

struct XdmfField {
  std::string name;     // attribute name shown by the viewer
  std::string dataset;  // path inside the HDF5 file, shape [ny][nx]
  int precision;        // bytes per value: 4 (float32) or 8 (float64)
};

struct XdmfGrid {
  std::string name;     // the grid's name (the plot file's, without .h5)
  std::string h5_file;  // file name relative to the .xmf (same directory)
  long long nx = 0, ny = 0;
  double time = 0.0;
  double dz = 1.0;               // thickness of the one layer of cells
  std::string lineage;           // the run lineage, as an <Information> element (empty: none)
  std::string x_nodes, y_nodes;  // float64 datasets of nx+1 and ny+1 node coordinates
  std::vector<XdmfField> fields;
};

// The sidecar of one plot file.
std::string xdmf_text(const XdmfGrid& g);

// Writes `text` to `path` as a whole: into a temporary file (tmp_name(path,
// tag)), synced, then renamed. Throws Error naming the file.
void write_xdmf_file(const std::string& path, const std::string& text, const std::string& tag);

std::string xdmf_series_name(const std::string& basename);  // "sod" -> "sod_plt.xmf"

// Rewrites dir/<basename>_plt.xmf (write_xdmf_file) from the sidecars in
// `dir` named exactly as slabhydro names them, whose plot file is there and
// that carry `lineage` (empty: any), lowest step first; files moved aside
// (superseded/) are not in `dir` and so not listed. A sidecar without a grid
// of this format is left out. Local: call it on one rank. Returns the number
// of plot files listed.
int write_xdmf_series(const std::string& dir, const std::string& basename,
                      const std::string& lineage, const std::string& tag);

}  // namespace slabhydro
