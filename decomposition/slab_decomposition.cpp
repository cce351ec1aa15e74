#include "decomposition/slab_decomposition.hpp"

#include <string>

#include "common/mpi_check.hpp"

namespace slabhydro {

SlabRange slab_range(int nx, int np, int r) {
  const int base = nx / np, extra = nx % np;
  const int n = base + (r < extra ? 1 : 0);
  const int off = r * base + (r < extra ? r : extra);
  return {off, n};
}

void check_decomposition(const GlobalMesh& mesh, int np) {
  const std::string nx = std::to_string(mesh.nx), ng = std::to_string(mesh.ng);
  // Every slab needs at least ng columns (a halo comes from one neighbour),
  // so the largest usable rank count is nx / ng.
  if (mesh.nx < mesh.ng)
    throw Error("mesh.nx: " + nx + " columns are fewer than mesh.ng = " + ng +
                    " guard cells, on any number of ranks: use mesh.nx >= " + ng,
                true);
  const std::string advice =
      "use at most " + std::to_string(mesh.nx / mesh.ng) + " ranks or a larger mesh.nx";
  if (np > mesh.nx)
    throw Error("mesh.nx: " + nx + " columns cannot be cut into " + std::to_string(np) +
                    " slabs (one per rank): " + advice,
                true);
  const int narrowest = mesh.nx / np;
  if (narrowest < mesh.ng)
    throw Error("mesh.nx: with " + std::to_string(np) + " ranks the narrowest slab has " +
                    std::to_string(narrowest) + " columns, fewer than mesh.ng = " + ng +
                    " guard cells (a halo comes from one neighbour): " + advice,
                true);
}

SlabDecomposition::SlabDecomposition(MPI_Comm comm, const GlobalMesh& mesh, bool periodic_x) {
  SLABHYDRO_MPI_CHECK(MPI_Comm_size(comm, &size_));
  check_decomposition(mesh, size_);  // before the dup: a throw leaks nothing
  SLABHYDRO_MPI_CHECK(MPI_Comm_dup(comm, &comm_));
  SLABHYDRO_MPI_CHECK(MPI_Comm_rank(comm_, &rank_));
  const SlabRange r = slab_range(mesh.nx, size_, rank_);
  slab_.mesh = mesh;
  slab_.x_offset = r.x_offset;
  slab_.nx_local = r.nx_local;
  if (rank_ > 0)
    left_ = rank_ - 1;
  else if (periodic_x)
    left_ = size_ - 1;
  if (rank_ < size_ - 1)
    right_ = rank_ + 1;
  else if (periodic_x)
    right_ = 0;
}

SlabDecomposition::~SlabDecomposition() {
  if (comm_ != MPI_COMM_NULL) MPI_Comm_free(&comm_);
}

}  // namespace slabhydro
