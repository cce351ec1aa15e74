// Catch2 main for every slabhydro test binary: MPI, then Kokkos, then Catch;
// finalised in reverse. Under mpirun every rank runs the same test cases; the
// process fails if any rank failed.
#define CATCH_CONFIG_RUNNER
#include <mpi.h>

#include <Kokkos_Core.hpp>
#include <catch2/catch.hpp>

int main(int argc, char** argv) {
  MPI_Init(&argc, &argv);
  int failed = 0;
  Kokkos::initialize();
  {
    Catch::Session session;
    int rank = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    // Only rank 0 reports passing tests; failures are reported by any rank.
    failed = session.run(argc, argv);
  }
  Kokkos::finalize();
  int any = 0;
  MPI_Allreduce(&failed, &any, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  MPI_Finalize();
  return any ? 1 : 0;
}
