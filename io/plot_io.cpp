#include "io/plot_io.hpp"

#include <cmath>
#include <cstdio>

#include "common/collective.hpp"
#include "common/coordinates.hpp"
#include "common/error.hpp"
#include "common/mpi_check.hpp"
#include "io/checkpoint_io.hpp"
#include "io/dataset_layout.hpp"
#include "io/file_meta.hpp"
#include "io/file_ops.hpp"
#include "io/h5_attributes.hpp"
#include "io/h5_objects.hpp"
#include "io/lineage.hpp"
#include "io/output_catalog.hpp"
#include "io/slab_view_io.hpp"
#include "io/xdmf.hpp"
#include "solver/eos.hpp"

namespace slabhydro {
namespace {

// dens, velx, vely, pres of the interior zones, as float32, without guards.
void plot_variables(const Slab& s, const DvceArray3D<double>& u, double gamma,
                    const DvceArray3D<float>& out) {
  const int ng = s.mesh.ng;
  const double gm1 = gamma - 1.0;
  auto u_ = u;
  auto out_ = out;
  par_for(
      "io::plot_variables", 0, s.mesh.ny, 0, s.nx_local, KOKKOS_LAMBDA(const int j, const int i) {
        const double d = u_(IDN, j + ng, i + ng), m1 = u_(IM1, j + ng, i + ng),
                     m2 = u_(IM2, j + ng, i + ng), e = u_(IEN, j + ng, i + ng);
        out_(0, j, i) = static_cast<float>(d);
        out_(1, j, i) = static_cast<float>(m1 / d);
        out_(2, j, i) = static_cast<float>(m2 / d);
        out_(3, j, i) = static_cast<float>(ideal_pressure(gm1, d, m1, m2, e));
      });
}

}  // namespace

PlotAttributes examine_plot(const std::string& path) {
  std::uint64_t bytes = 0;
  H5File f = open_untrusted(path, bytes);
  const std::string fmt = read_string_attribute(f.get(), "format", path);
  if (fmt != kPlotFormat) throw Error(path + ": not a slabhydro plot file (format '" + fmt + "')");
  const long long version = read_int_attribute(f.get(), "format_version", path);
  if (version != kPlotVersion)
    throw Error(path + ": plot file format version " + std::to_string(version) +
                " is not one this slabhydro reads (" + std::to_string(kPlotVersion) + ")");
  PlotAttributes a = examine_meta<PlotMeta>(
      f.get(), path, [](const PlotMeta& m) { return common_value_problems(m); });
  if (a.value_problems.empty())
    for (const std::string& name : plot_fields()) {
      const H5Dataset d = open_hard_dataset(f.get(), name, path);
      check_dataset(d.get(), {H5T_FLOAT, 4, a.meta.ny, a.meta.nx}, path + ":" + name, bytes);
    }
  f.close(path);
  return a;
}

const std::vector<std::string>& plot_fields() {
  static const std::vector<std::string> names = {"/fields/dens", "/fields/velx", "/fields/vely",
                                                 "/fields/pres"};
  return names;
}

PlotWriter::PlotWriter(const Slab& slab)
    : slab_(slab),
      plot_slab_(slab),
      vars_(
          make_uninitialized<DvceArray3D<float>>("io::plot_vars", 4, slab.mesh.ny, slab.nx_local)),
      host_(Kokkos::create_mirror_view(vars_)) {
  plot_slab_.mesh.ng = 0;
}

FileStats PlotWriter::write(MPI_Comm comm, const std::string& path, PlotMeta meta,
                            const DvceArray3D<double>& u, const IoOptions& opt) {
  plot_variables(slab_, u, meta.gamma, vars_);
  Kokkos::deep_copy(host_, vars_);
  const GlobalMesh& m = slab_.mesh;
  meta.format = kPlotFormat;
  meta.format_version = kPlotVersion;
  meta.nx = m.nx;
  meta.ny = m.ny;
  meta.x1min = m.x1min, meta.x1max = m.x1max, meta.x2min = m.x2min, meta.x2max = m.x2max;
  meta.written_at = utc_now_iso8601();
  broadcast(comm, meta.written_at);
  const std::uint64_t field = dataset_bytes_bound(opt, comm, m.ny, m.nx, sizeof(float));
  const std::uint64_t bound =
      file_size_bound(opt,
                      {field, field, field, field, std::uint64_t(m.nx) * 8, std::uint64_t(m.ny) * 8,
                       std::uint64_t(m.nx + 1) * 8, std::uint64_t(m.ny + 1) * 8},
                      4096);
  FileStats st = write_atomically(comm, path, opt, {bound}, [&](SlabFile& f) {
    write_slab_vars(f, plot_fields(), plot_slab_, host_);
    write_root_vector(f, "/coordinates/x", cell_centres(m.x1min, m.x1max, m.nx));
    write_root_vector(f, "/coordinates/y", cell_centres(m.x2min, m.x2max, m.ny));
    write_root_vector(f, "/coordinates/x_nodes", cell_nodes(m.x1min, m.x1max, m.nx));
    write_root_vector(f, "/coordinates/y_nodes", cell_nodes(m.x2min, m.x2max, m.ny));
    agree_on(f.comm(), [&] {
      if (f.holds_file()) write_meta(f.id(), meta, f.path());
    });
    agree_on(f.comm(), [&] {
      if (f.holds_file()) write_attribute(f.id(), kCompleteAttribute, 1LL, f.path());
    });
  });
  // The sidecar, after the data it points to exists.
  int rank = 0;
  SLABHYDRO_MPI_CHECK(MPI_Comm_rank(comm, &rank));
  const std::string xmf = xdmf_name(path);
  agree_on(comm, [&] {
    if (rank != 0) return;
    XdmfGrid g;
    g.h5_file = base_name(path);
    g.name = g.h5_file.substr(0, g.h5_file.size() - 3);
    g.dz = (m.x1max - m.x1min) / m.nx;
    g.nx = m.nx;
    g.ny = m.ny;
    g.time = meta.time;
    g.lineage = meta.lineage;
    g.x_nodes = "/coordinates/x_nodes";
    g.y_nodes = "/coordinates/y_nodes";
    for (const std::string& name : plot_fields())
      g.fields.push_back({name.substr(name.find_last_of('/') + 1), name, 4});
    write_xdmf_file(xmf, xdmf_text(g), opt.writer_tag);
    const auto series = g.name.rfind("_plt_");  // the series of <basename>_plt_<step>.h5
    if (series != std::string::npos)
      write_xdmf_series(parent_dir(path), g.name.substr(0, series), meta.lineage, opt.writer_tag);
  });
  return st;
}

}  // namespace slabhydro
