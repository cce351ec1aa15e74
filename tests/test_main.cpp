// Catch2 main for every slabhydro test binary: MPI (MPI_THREAD_MULTIPLE, as
// slabhydro asks), then Kokkos, then Catch;
// finalised in reverse. Under mpirun every rank runs the same test cases.
// Rank 0 reports as Catch does; every other rank writes its report to a file
// of its own and prints it (headed with its rank) only when one of its
// assertions failed, so a passing run prints one report and a failure on any
// rank is shown. The process fails if any rank failed.
#define CATCH_CONFIG_RUNNER
#include <mpi.h>
#include <unistd.h>

#include <Kokkos_Core.hpp>
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

namespace {

int run_catch(int argc, char** argv, int rank) {
  Catch::Session session;
  const int parsed = session.applyCommandLine(argc, argv);
  if (parsed != 0) return parsed;
  std::string report;
  if (rank != 0 && session.configData().outputFilename.empty()) {
    report = ".catch_rank" + std::to_string(rank) + "." + std::to_string(getpid()) + ".log";
    session.configData().outputFilename = report;
  }
  const int failed = session.run();
  if (!report.empty()) {
    if (failed) {
      std::ifstream in(report);
      std::cerr << "---- rank " << rank << " ----\n" << in.rdbuf() << std::flush;
    }
    std::remove(report.c_str());
  }
  return failed;
}

}  // namespace

int main(int argc, char** argv) {
  // As slabhydro does: asynchronous checkpoints call MPI from a second thread.
  int provided = MPI_THREAD_SINGLE;
  MPI_Init_thread(&argc, &argv, MPI_THREAD_MULTIPLE, &provided);
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  Kokkos::initialize();
  const int failed = run_catch(argc, argv, rank);
  Kokkos::finalize();
  int any = 0;
  MPI_Allreduce(&failed, &any, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  MPI_Finalize();
  return any ? 1 : 0;
}
