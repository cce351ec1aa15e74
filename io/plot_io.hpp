#pragma once
// Plot files: float32 dens, velx, vely, pres on [ny][nx] with node and
// cell-centre coordinates, written atomically like checkpoints, each with an
// XDMF sidecar (same name, .xmf) for ParaView and VisIt.
#include <mpi.h>

#include <string>
#include <type_traits>
#include <vector>

#include "io/atomic_output.hpp"
#include "io/file_meta.hpp"
#include "io/h5_attributes.hpp"
#include "io/h5_props.hpp"
#include "solver/kokkos_types.hpp"
#include "solver/mesh.hpp"

namespace slabhydro {

constexpr const char* kPlotFormat = "slabhydro-plot";
constexpr long long kPlotVersion = 2;  // 1: slabhydro 0.1 (no lineage, no checksum)

struct PlotMeta {
  std::string format = kPlotFormat;
  long long format_version = kPlotVersion;
  std::string lineage;
  double time = 0.0;
  long long step = 0;
  long long nx = 0, ny = 0;
  double x1min = 0, x1max = 0, x2min = 0, x2max = 0;
  double gamma = 1.4;
  std::string problem;
  std::string software_version;
  std::string written_at;
};

// The root attributes of a plot file (file_meta.hpp), then meta_checksum and
// "complete".
template <class M, class F>
std::enable_if_t<std::is_same<std::decay_t<M>, PlotMeta>::value> for_each_attribute(M& m, F&& f) {
  for_each_common_attribute(m, f);
}

// The plot variables, in the order of the writer's float32 planes.
const std::vector<std::string>& plot_fields();

using PlotAttributes = Examined<PlotMeta>;
// This process alone, trusting nothing (as examine_checkpoint): the
// attributes with their type checks (throws), checksum and value problems,
// and (if the mesh values are sane) the float32 fields checked (throws).
PlotAttributes examine_plot(const std::string& path);

class PlotWriter {
 public:
  // Allocates the float32 plot variables (device) and their host mirror once.
  explicit PlotWriter(const Slab& slab);

  // Collective: derives the plot variables from the conserved u on the
  // device, writes `path` (.h5), then its .xmf. Bytes: the .h5 file. The
  // mesh attributes, written_at and the format are filled in here.
  FileStats write(MPI_Comm comm, const std::string& path, PlotMeta meta,
                  const DvceArray3D<double>& u, const IoOptions& opt);

 private:
  Slab slab_;
  Slab plot_slab_;  // the same columns without guard cells
  DvceArray3D<float> vars_;
  HostArray3D<float> host_;
};

}  // namespace slabhydro
