#include "plot_io.hpp"

#include <fstream>

#include "collective.hpp"
#include "eos.hpp"
#include "error.hpp"
#include "file_ops.hpp"
#include "h5_attributes.hpp"
#include "mpi_check.hpp"
#include "output_catalog.hpp"
#include "slab_view_io.hpp"
#include "xdmf.hpp"

namespace slabhydro {
namespace {

const std::vector<std::string>& plot_fields() {
  static const std::vector<std::string> names = {"/fields/dens", "/fields/velx",
                                                 "/fields/vely", "/fields/pres"};
  return names;
}

std::vector<double> centres(double lo, double hi, long long n) {
  std::vector<double> c(static_cast<std::size_t>(n));
  const double d = (hi - lo) / double(n);
  for (long long i = 0; i < n; ++i) c[i] = lo + (double(i) + 0.5) * d;
  return c;
}

std::vector<double> nodes(double lo, double hi, long long n) {
  std::vector<double> c(static_cast<std::size_t>(n) + 1);
  const double d = (hi - lo) / double(n);
  for (long long i = 0; i < n; ++i) c[i] = lo + double(i) * d;
  c[n] = hi;
  return c;
}

// dens, velx, vely, pres of the interior zones, as float32, without guards.
void plot_variables(const Slab& s, const DvceArray3D<double>& u, double gamma,
                    const DvceArray3D<float>& out) {
  const int ng = s.mesh.ng;
  const double gm1 = gamma - 1.0;
  auto u_ = u;
  auto out_ = out;
  par_for("io::plot_variables", 0, s.mesh.ny, 0, s.nx_local, KOKKOS_LAMBDA(const int j, const int i) {
    const double d = u_(IDN, j + ng, i + ng), m1 = u_(IM1, j + ng, i + ng),
                 m2 = u_(IM2, j + ng, i + ng), e = u_(IEN, j + ng, i + ng);
    out_(0, j, i) = static_cast<float>(d);
    out_(1, j, i) = static_cast<float>(m1 / d);
    out_(2, j, i) = static_cast<float>(m2 / d);
    out_(3, j, i) = static_cast<float>(ideal_pressure(gm1, d, m1, m2, e));
  });
}

void write_text_atomically(const std::string& path, const std::string& text) {
  const std::string tmp = tmp_name(path);
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) throw Error("cannot write '" + tmp + "'");
  }
  fsync_file(tmp);
  commit_rename(tmp, path);
}

}  // namespace

PlotWriter::PlotWriter(const Slab& slab)
    : slab_(slab),
      plot_slab_(slab),
      vars_(make_uninitialized<DvceArray3D<float>>("io::plot_vars", 4, slab.mesh.ny,
                                                   slab.nx_local)),
      host_(Kokkos::create_mirror_view(vars_)) {
  plot_slab_.mesh.ng = 0;
}

FileStats PlotWriter::write(MPI_Comm comm, const std::string& path, const PlotMeta& meta,
                            const DvceArray3D<double>& u, const IoOptions& opt) {
  plot_variables(slab_, u, meta.gamma, vars_);
  Kokkos::deep_copy(host_, vars_);
  const GlobalMesh& m = slab_.mesh;
  FileStats st = write_atomically(comm, path, opt, [&](SlabFile& f) {
    write_slab_vars(f, plot_fields(), plot_slab_, host_);
    write_root_vector(f, "/coordinates/x", centres(m.x1min, m.x1max, m.nx));
    write_root_vector(f, "/coordinates/y", centres(m.x2min, m.x2max, m.ny));
    write_root_vector(f, "/coordinates/x_nodes", nodes(m.x1min, m.x1max, m.nx));
    write_root_vector(f, "/coordinates/y_nodes", nodes(m.x2min, m.x2max, m.ny));
    agree_on(f.comm(), [&] {
      if (!f.holds_file()) return;
      const hid_t r = f.id();
      write_attribute(r, "format", std::string(kPlotFormat), f.path());
      write_attribute(r, "format_version", kPlotVersion, f.path());
      write_attribute(r, "time", meta.time, f.path());
      write_attribute(r, "step", meta.step, f.path());
      write_attribute(r, "nx", static_cast<long long>(m.nx), f.path());
      write_attribute(r, "ny", static_cast<long long>(m.ny), f.path());
      write_attribute(r, "x1min", m.x1min, f.path());
      write_attribute(r, "x1max", m.x1max, f.path());
      write_attribute(r, "x2min", m.x2min, f.path());
      write_attribute(r, "x2max", m.x2max, f.path());
      write_attribute(r, "gamma", meta.gamma, f.path());
      write_attribute(r, "problem", meta.problem, f.path());
      write_attribute(r, "software_version", meta.software_version, f.path());
      write_attribute(r, "complete", 1LL, f.path());
    });
  });
  // The sidecar, after the data it points to exists.
  int rank = 0;
  SLABHYDRO_MPI_CHECK(MPI_Comm_rank(comm, &rank));
  const std::string xmf = xdmf_name(path);
  agree_on(comm, [&] {
    if (rank != 0) return;
    XdmfGrid g;
    const auto slash = path.find_last_of('/');
    g.h5_file = slash == std::string::npos ? path : path.substr(slash + 1);
    g.nx = m.nx;
    g.ny = m.ny;
    g.time = meta.time;
    g.x_nodes = "/coordinates/x_nodes";
    g.y_nodes = "/coordinates/y_nodes";
    for (const std::string& name : plot_fields())
      g.fields.push_back({name.substr(name.find_last_of('/') + 1), name, 4});
    write_text_atomically(xmf, xdmf_text(g));
  });
  return st;
}

}  // namespace slabhydro
