#pragma once
// Plot files: float32 dens, velx, vely, pres on [ny][nx] with node and
// cell-centre coordinates, written atomically like checkpoints, each with an
// XDMF sidecar (same name, .xmf) for ParaView and VisIt.
#include <mpi.h>

#include <string>

#include "atomic_output.hpp"
#include "h5_props.hpp"
#include "kokkos_types.hpp"
#include "mesh.hpp"

namespace slabhydro {

constexpr const char* kPlotFormat = "slabhydro-plot";
constexpr long long kPlotVersion = 1;

struct PlotMeta {
  double time = 0.0;
  long long step = 0;
  double gamma = 1.4;
  std::string problem;
  std::string software_version;
};

class PlotWriter {
 public:
  // Allocates the float32 plot variables (device) and their host mirror once.
  explicit PlotWriter(const Slab& slab);

  // Collective: derives the plot variables from the conserved u on the
  // device, writes `path` (.h5), then its .xmf. Bytes: the .h5 file.
  FileStats write(MPI_Comm comm, const std::string& path, const PlotMeta& meta,
                  const DvceArray3D<double>& u, const IoOptions& opt);

 private:
  Slab slab_;
  Slab plot_slab_;  // the same columns without guard cells
  DvceArray3D<float> vars_;
  HostArray3D<float> host_;
};

}  // namespace slabhydro
