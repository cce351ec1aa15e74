#include "common/collective.hpp"

#include <algorithm>

#include "common/error.hpp"
#include "common/mpi_check.hpp"

namespace slabhydro {

void broadcast(MPI_Comm comm, std::string& s, int root) {
  unsigned long long n = s.size();
  SLABHYDRO_MPI_CHECK(MPI_Bcast(&n, 1, MPI_UNSIGNED_LONG_LONG, root, comm));
  s.resize(static_cast<std::size_t>(n));
  // In pieces of at most 1 GiB: MPI counts are ints.
  constexpr unsigned long long kPiece = 1ULL << 30;
  for (unsigned long long off = 0; off < n; off += kPiece) {
    const int len = static_cast<int>(std::min(kPiece, n - off));
    SLABHYDRO_MPI_CHECK(MPI_Bcast(&s[off], len, MPI_CHAR, root, comm));
  }
}

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
  broadcast(comm, msg, first);
  if (first != 0) msg += " (on rank " + std::to_string(first) + ")";
  throw Error(msg, true);
}

}  // namespace slabhydro
