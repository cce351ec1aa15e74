#pragma once
// Exchange of the ng x-guard columns of all variables with the neighbouring
// slabs (periodic wrap included), nonblocking: post receives, pack on the
// device, send, unpack each side as it arrives, wait for the sends.
// The variable count is NVAR (the conserved state) unless given: the I/O
// benchmark exchanges its 24 unknowns through the same code.
#include "decomposition/slab_decomposition.hpp"
#include "solver/eos.hpp"
#include "solver/kokkos_types.hpp"

namespace slabhydro {

class HaloExchange {
 public:
  // nvar: variables of the views exchanged, u(0..nvar-1, j, i).
  explicit HaloExchange(const SlabDecomposition& decomp, int nvar = NVAR);
  // Fills the x guard columns of the interior rows of u (shape of a slab,
  // nvar variables; throws Error otherwise).
  void exchange(const DvceArray3D<double>& u);
  int nvar() const { return nvar_; }

 private:
  const SlabDecomposition& decomp_;
  int nvar_;
  int count_;  // doubles per message: nvar * ny * ng
  // Buffers in the execution space's memory; host copies only when the device
  // memory is not host-accessible and MPI does not take device memory
  // (device_mpi.hpp).
  DvceArray1D<double> send_left_, send_right_, recv_left_, recv_right_;
  HostArray1D<double> h_send_left_, h_send_right_, h_recv_left_, h_recv_right_;
  bool stage_;
};

}  // namespace slabhydro
