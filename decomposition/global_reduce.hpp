#pragma once
// Reductions over all slabs whose results do not depend on the rank count.
#include <array>
#include <cstdint>
#include <vector>

#include "decomposition/slab_decomposition.hpp"
#include "solver/kokkos_types.hpp"

namespace slabhydro {

double allreduce_min(MPI_Comm comm, double x);
double allreduce_max(MPI_Comm comm, double x);

// Gathers nx_local values per rank (counts from slab_range) to rank 0 in
// global column order; other ranks get an empty vector.
template <class T>
std::vector<T> gather_columns(const SlabDecomposition& d, const std::vector<T>& local,
                              int values_per_column = 1);
// The same on any communicator whose ranks hold the slabs of slab_range(nx, size, rank).
template <class T>
std::vector<T> gather_columns(MPI_Comm comm, int nx, const std::vector<T>& local,
                              int values_per_column = 1);

// The state digest (see solver/digest.hpp), on every rank.
std::uint64_t state_digest(const SlabDecomposition& d, const DvceArray3D<double>& u);
// The same of a host copy of the state, computed on the calling thread
// without Kokkos (column_hashes_here), over comm (such as gather_columns').
std::uint64_t state_digest_here(MPI_Comm comm, const Slab& slab, const HostArray3D<double>& u);

// Volume integrals of dens, momx, momy, ener, summed column by column in
// global order, so they are identical for any rank count. On every rank.
std::array<double, 4> conserved_totals(const SlabDecomposition& d, const DvceArray3D<double>& u);

}  // namespace slabhydro
