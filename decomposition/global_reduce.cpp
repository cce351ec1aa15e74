#include "decomposition/global_reduce.hpp"

#include "common/mpi_check.hpp"
#include "solver/digest.hpp"

namespace slabhydro {
namespace {

template <class T>
MPI_Datatype mpi_type();
template <>
MPI_Datatype mpi_type<double>() {
  return MPI_DOUBLE;
}
template <>
MPI_Datatype mpi_type<std::uint64_t>() {
  return MPI_UINT64_T;
}

}  // namespace

double allreduce_min(MPI_Comm comm, double x) {
  double r = 0.0;
  SLABHYDRO_MPI_CHECK(MPI_Allreduce(&x, &r, 1, MPI_DOUBLE, MPI_MIN, comm));
  return r;
}

double allreduce_max(MPI_Comm comm, double x) {
  double r = 0.0;
  SLABHYDRO_MPI_CHECK(MPI_Allreduce(&x, &r, 1, MPI_DOUBLE, MPI_MAX, comm));
  return r;
}

template <class T>
std::vector<T> gather_columns(MPI_Comm comm, int nx, const std::vector<T>& local,
                              int values_per_column) {
  int np = 1, rank = 0;
  SLABHYDRO_MPI_CHECK(MPI_Comm_size(comm, &np));
  SLABHYDRO_MPI_CHECK(MPI_Comm_rank(comm, &rank));
  std::vector<int> counts(np), displs(np);
  for (int r = 0; r < np; ++r) {
    const SlabRange sr = slab_range(nx, np, r);
    counts[r] = sr.nx_local * values_per_column;
    displs[r] = sr.x_offset * values_per_column;
  }
  std::vector<T> all(rank == 0 ? static_cast<std::size_t>(nx) * values_per_column : 0);
  SLABHYDRO_MPI_CHECK(MPI_Gatherv(local.data(), static_cast<int>(local.size()), mpi_type<T>(),
                                  all.data(), counts.data(), displs.data(), mpi_type<T>(), 0,
                                  comm));
  return all;
}

template <class T>
std::vector<T> gather_columns(const SlabDecomposition& d, const std::vector<T>& local,
                              int values_per_column) {
  return gather_columns(d.comm(), d.slab().mesh.nx, local, values_per_column);
}

template std::vector<double> gather_columns(const SlabDecomposition&, const std::vector<double>&,
                                            int);
template std::vector<std::uint64_t> gather_columns(const SlabDecomposition&,
                                                   const std::vector<std::uint64_t>&, int);

namespace {

std::uint64_t digest_of_columns(MPI_Comm comm, int nx, const std::vector<std::uint64_t>& local) {
  int rank = 0;
  SLABHYDRO_MPI_CHECK(MPI_Comm_rank(comm, &rank));
  const std::vector<std::uint64_t> all = gather_columns(comm, nx, local);
  std::uint64_t digest = rank == 0 ? combine_column_hashes(all) : 0;
  SLABHYDRO_MPI_CHECK(MPI_Bcast(&digest, 1, MPI_UINT64_T, 0, comm));
  return digest;
}

}  // namespace

std::uint64_t state_digest(const SlabDecomposition& d, const DvceArray3D<double>& u) {
  std::vector<std::uint64_t> local(d.slab().nx_local);
  column_hashes(d.slab(), u, local.data());
  return digest_of_columns(d.comm(), d.slab().mesh.nx, local);
}

std::uint64_t state_digest_here(MPI_Comm comm, const Slab& slab, const HostArray3D<double>& u) {
  std::vector<std::uint64_t> local(slab.nx_local);
  column_hashes_here(slab, u, local.data());
  return digest_of_columns(comm, slab.mesh.nx, local);
}

std::array<double, 4> conserved_totals(const SlabDecomposition& d, const DvceArray3D<double>& u) {
  const Slab& s = d.slab();
  std::vector<double> sums;  // sums[v * nx_local + i]
  column_sums(s, u, sums);
  // Reorder to column-major pieces [i][v] so one Gatherv keeps global order.
  std::vector<double> local(sums.size());
  for (int i = 0; i < s.nx_local; ++i)
    for (int v = 0; v < 4; ++v) local[i * 4 + v] = sums[v * s.nx_local + i];
  const std::vector<double> all = gather_columns(d, local, 4);
  std::array<double, 4> tot{0.0, 0.0, 0.0, 0.0};
  if (d.rank() == 0) {
    for (int i = 0; i < s.mesh.nx; ++i)
      for (int v = 0; v < 4; ++v) tot[v] += all[i * 4 + v];
    for (double& t : tot) t *= s.mesh.dx() * s.mesh.dy();
  }
  SLABHYDRO_MPI_CHECK(MPI_Bcast(tot.data(), 4, MPI_DOUBLE, 0, d.comm()));
  return tot;
}

}  // namespace slabhydro
