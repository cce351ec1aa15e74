#pragma once
// The 1D cut of the global mesh into slabs along x, one per rank.
#include <mpi.h>

#include "solver/mesh.hpp"

namespace slabhydro {

struct SlabRange {
  int x_offset, nx_local;
};

// Columns of rank r of np: the first nx % np ranks get one extra column.
// Pure arithmetic, usable without MPI (tests, the restart reader).
SlabRange slab_range(int nx, int np, int r);

// Throws a collective Error when np > nx or a slab is narrower than ng.
void check_decomposition(const GlobalMesh& mesh, int np);

class SlabDecomposition {
 public:
  // Duplicates `comm`, so slabhydro's messages cannot collide with others.
  SlabDecomposition(MPI_Comm comm, const GlobalMesh& mesh, bool periodic_x);
  ~SlabDecomposition();
  SlabDecomposition(const SlabDecomposition&) = delete;
  SlabDecomposition& operator=(const SlabDecomposition&) = delete;

  MPI_Comm comm() const { return comm_; }
  int rank() const { return rank_; }
  int size() const { return size_; }
  const Slab& slab() const { return slab_; }
  // Neighbours; MPI_PROC_NULL at a non-periodic domain edge. With periodic x
  // on one rank both are this rank; on two ranks both are the other rank.
  int left() const { return left_; }
  int right() const { return right_; }

 private:
  MPI_Comm comm_ = MPI_COMM_NULL;
  int rank_ = 0, size_ = 1;
  int left_ = MPI_PROC_NULL, right_ = MPI_PROC_NULL;
  Slab slab_;
};

}  // namespace slabhydro
