#include "decomposition/halo_exchange.hpp"

#include <string>

#include "common/error.hpp"
#include "common/mpi_check.hpp"
#include "decomposition/device_mpi.hpp"
#include "solver/backend.hpp"
#include "solver/eos.hpp"

namespace slabhydro {
namespace {

constexpr int kTagRightward = 1;  // travels to the right neighbour (its left guards)
constexpr int kTagLeftward = 0;   // travels to the left neighbour (its right guards)

// Buffer layout: buf[(v * ny + j) * ng + g].
void pack(const Slab& s, int nvar, const DvceArray3D<double>& u, const DvceArray1D<double>& to_left,
          const DvceArray1D<double>& to_right) {
  const int ng = s.mesh.ng, ny = s.mesh.ny, js = s.js(), is = s.is(), ie = s.ie();
  par_for(
      "halo::pack", 0, nvar * ny, 0, ng, KOKKOS_LAMBDA(const int vj, const int g) {
        const int v = vj / ny, j = js + vj % ny;
        to_left(vj * ng + g) = u(v, j, is + g);
        to_right(vj * ng + g) = u(v, j, ie - ng + g);
      });
}

// first_column: the first guard column the buffer fills.
void unpack(const Slab& s, int nvar, const DvceArray1D<double>& buf, int first_column,
            const DvceArray3D<double>& u) {
  const int ng = s.mesh.ng, ny = s.mesh.ny, js = s.js();
  par_for(
      "halo::unpack", 0, nvar * ny, 0, ng, KOKKOS_LAMBDA(const int vj, const int g) {
        const int v = vj / ny, j = js + vj % ny;
        u(v, j, first_column + g) = buf(vj * ng + g);
      });
}

template <class V>
double* data_for_mpi(const V& dev, const typename V::HostMirror& host, bool stage) {
  return stage ? host.data() : dev.data();
}

}  // namespace

HaloExchange::HaloExchange(const SlabDecomposition& decomp, int nvar)
    : decomp_(decomp),
      nvar_(nvar),
      count_(nvar * decomp.slab().mesh.ny * decomp.slab().mesh.ng),
      stage_(device_memory_is_separate() && !mpi_accepts_device_memory()) {
  if (nvar < 1)
    throw Error("halo exchange: needs at least one variable, got " + std::to_string(nvar));
  using V = DvceArray1D<double>;
  send_left_ = make_uninitialized<V>("halo::send_left", count_);
  send_right_ = make_uninitialized<V>("halo::send_right", count_);
  recv_left_ = make_uninitialized<V>("halo::recv_left", count_);
  recv_right_ = make_uninitialized<V>("halo::recv_right", count_);
  if (!stage_) return;
  h_send_left_ = Kokkos::create_mirror_view(send_left_);
  h_send_right_ = Kokkos::create_mirror_view(send_right_);
  h_recv_left_ = Kokkos::create_mirror_view(recv_left_);
  h_recv_right_ = Kokkos::create_mirror_view(recv_right_);
}

void HaloExchange::exchange(const DvceArray3D<double>& u) {
  const Slab& s = decomp_.slab();
  if (u.extent_int(0) != nvar_ || u.extent_int(1) != s.ny_tot() || u.extent_int(2) != s.nx_tot())
    throw Error("halo exchange: view '" + u.label() + "' is not shaped (" + std::to_string(nvar_) +
                ", " + std::to_string(s.ny_tot()) + ", " + std::to_string(s.nx_tot()) +
                ") like this slab's " + std::to_string(nvar_) + " variables");
  const MPI_Comm comm = decomp_.comm();
  const int left = decomp_.left(), right = decomp_.right();
  MPI_Request req[4];
  // 0: from left, 1: from right, 2: to left, 3: to right
  SLABHYDRO_MPI_CHECK(MPI_Irecv(data_for_mpi(recv_left_, h_recv_left_, stage_), count_, MPI_DOUBLE,
                                left, kTagRightward, comm, &req[0]));
  SLABHYDRO_MPI_CHECK(MPI_Irecv(data_for_mpi(recv_right_, h_recv_right_, stage_), count_,
                                MPI_DOUBLE, right, kTagLeftward, comm, &req[1]));
  pack(s, nvar_, u, send_left_, send_right_);
  if (stage_) {
    Kokkos::deep_copy(h_send_left_, send_left_);
    Kokkos::deep_copy(h_send_right_, send_right_);
  }
  Kokkos::fence();
  SLABHYDRO_MPI_CHECK(MPI_Isend(data_for_mpi(send_left_, h_send_left_, stage_), count_, MPI_DOUBLE,
                                left, kTagLeftward, comm, &req[2]));
  SLABHYDRO_MPI_CHECK(MPI_Isend(data_for_mpi(send_right_, h_send_right_, stage_), count_,
                                MPI_DOUBLE, right, kTagRightward, comm, &req[3]));
  for (int done = 0; done < 2; ++done) {
    int which = MPI_UNDEFINED;
    SLABHYDRO_MPI_CHECK(MPI_Waitany(2, req, &which, MPI_STATUS_IGNORE));
    if (which == MPI_UNDEFINED) break;  // both neighbours are MPI_PROC_NULL
    if (which == 0 && left != MPI_PROC_NULL) {
      if (stage_) Kokkos::deep_copy(recv_left_, h_recv_left_);
      unpack(s, nvar_, recv_left_, s.is() - s.mesh.ng, u);
    } else if (which == 1 && right != MPI_PROC_NULL) {
      if (stage_) Kokkos::deep_copy(recv_right_, h_recv_right_);
      unpack(s, nvar_, recv_right_, s.ie(), u);
    }
  }
  SLABHYDRO_MPI_CHECK(MPI_Waitall(2, req + 2, MPI_STATUSES_IGNORE));
}

}  // namespace slabhydro
