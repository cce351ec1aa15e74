#pragma once
// Test helper: a problem set up and advanced with the driver's Stepper (CFL
// step reduced over the communicator and cut to land on tlim; before each
// stage the halo exchange, then the stage), without the deck, the reports and
// the I/O. Header-only; links slabhydro_decomposition.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

#include "decomposition/global_reduce.hpp"
#include "decomposition/halo_exchange.hpp"
#include "decomposition/slab_decomposition.hpp"
#include "decomposition/stepper.hpp"
#include "solver/hydro_solver.hpp"

namespace slabhydro_test {

using namespace slabhydro;

struct Setup {
  GlobalMesh mesh;
  Boundaries bc;
  HydroOptions hydro;
  ProblemParams problem;
};

inline Boundaries all_sides(BoundaryType t) { return {t, t, t, t}; }

// A slab's conserved state on the host: interior zones only, u(v, j, i_local).
struct HostState {
  int x_offset = 0, nx_local = 0, ny = 0;
  std::vector<double> data;  // [(v * ny + j) * nx_local + i]
  double operator()(int v, int j, int i) const {
    return data[(static_cast<std::size_t>(v) * ny + j) * nx_local + i];
  }
};

class Run {
 public:
  Run(MPI_Comm comm, const Setup& s)
      : decomp_(comm, s.mesh, s.bc.x1_inner == BoundaryType::periodic),
        solver_(decomp_.slab(), s.hydro, s.bc),
        halo_(decomp_) {
    solver_.initialize(s.problem);
  }

  const SlabDecomposition& decomposition() const { return decomp_; }
  const HydroSolver& solver() const { return solver_; }
  const Slab& slab() const { return decomp_.slab(); }
  double time() const { return time_; }
  long long step() const { return step_; }

  // One step to at most tlim, as the driver takes it (decomposition/stepper.hpp).
  // Returns the dt taken. A bad zone throws, failing the current test case.
  double step_once(double tlim) { return stepper_.advance(time_, step_, tlim); }

  // Advances to tlim, or until nlim steps have been taken (nlim >= 0).
  void advance(double tlim, long long nlim = -1) {
    while (time_ < tlim && (nlim < 0 || step_ < nlim)) step_once(tlim);
  }

  std::uint64_t digest() const { return state_digest(decomp_, solver_.u()); }
  std::array<double, 4> totals() const { return conserved_totals(decomp_, solver_.u()); }

  HostState host_state() const {
    const Slab& s = slab();
    auto h = Kokkos::create_mirror_view_and_copy(Kokkos::HostSpace(), solver_.u());
    HostState out;
    out.x_offset = s.x_offset;
    out.nx_local = s.nx_local;
    out.ny = s.mesh.ny;
    out.data.resize(static_cast<std::size_t>(NVAR) * s.mesh.ny * s.nx_local);
    for (int v = 0; v < NVAR; ++v)
      for (int j = 0; j < s.mesh.ny; ++j)
        for (int i = 0; i < s.nx_local; ++i)
          out.data[(static_cast<std::size_t>(v) * s.mesh.ny + j) * s.nx_local + i] =
              h(v, s.js() + j, s.is() + i);
    return out;
  }

  // The whole global interior on rank 0 (empty elsewhere), as a HostState with
  // x_offset 0 and nx_local = nx.
  HostState gather_global() const {
    const Slab& s = slab();
    const HostState local = host_state();
    const int ny = s.mesh.ny;
    // Column-major pieces [i][v][j] so one gather keeps the global order.
    std::vector<double> cols(local.data.size());
    for (int i = 0; i < s.nx_local; ++i)
      for (int v = 0; v < NVAR; ++v)
        for (int j = 0; j < ny; ++j)
          cols[(static_cast<std::size_t>(i) * NVAR + v) * ny + j] = local(v, j, i);
    const std::vector<double> all = gather_columns(decomp_, cols, NVAR * ny);
    HostState g;
    g.nx_local = s.mesh.nx;
    g.ny = ny;
    if (all.empty()) return g;
    g.data.resize(all.size());
    for (int i = 0; i < s.mesh.nx; ++i)
      for (int v = 0; v < NVAR; ++v)
        for (int j = 0; j < ny; ++j)
          g.data[(static_cast<std::size_t>(v) * ny + j) * s.mesh.nx + i] =
              all[(static_cast<std::size_t>(i) * NVAR + v) * ny + j];
    return g;
  }

 private:
  SlabDecomposition decomp_;  // before halo_, which keeps a reference
  HydroSolver solver_;
  HaloExchange halo_;
  Stepper stepper_{decomp_, solver_, halo_};
  double time_ = 0.0;
  long long step_ = 0;
};

}  // namespace slabhydro_test
