#include "collective.hpp"

#include "error.hpp"
#include "mpi_check.hpp"

namespace slabhydro {

void agree(MPI_Comm comm, const std::string& local_error) {
  int rank = 0, size = 1;
  SLABHYDRO_MPI_CHECK(MPI_Comm_rank(comm, &rank));
  SLABHYDRO_MPI_CHECK(MPI_Comm_size(comm, &size));
  const int mine = local_error.empty() ? size : rank;
  int first = size;
  SLABHYDRO_MPI_CHECK(MPI_Allreduce(&mine, &first, 1, MPI_INT, MPI_MIN, comm));
  if (first == size) return;
  // The first failing rank tells the others what happened.
  std::string msg = rank == first ? local_error : std::string();
  int len = static_cast<int>(msg.size());
  SLABHYDRO_MPI_CHECK(MPI_Bcast(&len, 1, MPI_INT, first, comm));
  msg.resize(static_cast<std::size_t>(len));
  if (len > 0) SLABHYDRO_MPI_CHECK(MPI_Bcast(&msg[0], len, MPI_CHAR, first, comm));
  if (first != 0) msg += " (on rank " + std::to_string(first) + ")";
  throw Error(msg, true);
}

}  // namespace slabhydro
