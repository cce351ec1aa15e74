// slabhydro: a 2D Euler proxy app on MPI slabs with Kokkos and parallel HDF5.
// Order of life: MPI, then Kokkos; every command runs inside, errors are
// caught once here.
#include <mpi.h>

#include <Kokkos_Core.hpp>
#include <csignal>
#include <cstring>
#include <iostream>
#include <vector>

#include "app/cli.hpp"
#include "app/driver.hpp"
#include "app/inspect_command.hpp"
#include "app/schemas.hpp"
#include "app/version_text.hpp"
#include "bench/bench_command.hpp"
#include "common/error.hpp"
#include "common/mpi_threads.hpp"
#include "io/path_limits.hpp"

namespace {

int dispatch(int argc, char** argv) {
  using slabhydro::CommandLine;
  const CommandLine cl = slabhydro::parse_command_line(argc, argv);
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  switch (cl.kind) {
    case CommandLine::Kind::help:
      if (rank == 0) std::cout << slabhydro::usage(cl.help_topic);
      return 0;
    case CommandLine::Kind::version:
      if (rank == 0) std::cout << slabhydro::version_text();
      return 0;
    case CommandLine::Kind::run: return slabhydro::run_simulation(MPI_COMM_WORLD, cl);
    case CommandLine::Kind::inspect: return slabhydro::run_inspect(MPI_COMM_WORLD, cl.file);
    case CommandLine::Kind::bench:
      return slabhydro::run_bench(MPI_COMM_WORLD, cl.bench, slabhydro::bench_schema());
    case CommandLine::Kind::keys:
      if (rank == 0) std::cout << slabhydro::keys_text(cl.file, cl.markdown);
      return 0;
  }
  return 0;
}

// MPI_THREAD_MULTIPLE unless SLABHYDRO_MPI_THREAD says otherwise
// (common/mpi_threads.hpp); checkpoint.async checks what was provided.
bool start_mpi(int& argc, char**& argv, std::string& thread_problem) {
  const int wanted = slabhydro::requested_mpi_thread_level(thread_problem);
  int provided = MPI_THREAD_SINGLE;
  if (MPI_Init_thread(&argc, &argv, wanted, &provided) != MPI_SUCCESS) {
    slabhydro::print_stderr_line("slabhydro: error: MPI_Init_thread failed");
    return false;
  }
  slabhydro::set_provided_mpi_thread_level(provided);
  // MPI errors come back as return codes that SLABHYDRO_MPI_CHECK reports,
  // instead of the MPI library aborting the job (communicators duplicated
  // from MPI_COMM_WORLD inherit this; files take MPI_FILE_NULL's).
  MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
  MPI_File_set_errhandler(MPI_FILE_NULL, MPI_ERRORS_RETURN);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  // Open MPI: no OMPIO "lockedfile" component (it aborts on long paths, and
  // slabhydro uses no shared file pointers); the user's choice wins.
  slabhydro::prefer_safe_mpiio_components();
  // Past a file size limit (ulimit -f) a write fails with EFBIG and is
  // reported like any failed write, instead of the signal ending the process.
  std::signal(SIGXFSZ, SIG_IGN);
  std::string thread_problem;
  if (!start_mpi(argc, argv, thread_problem)) return 1;
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  int code = 0;
  if (!thread_problem.empty()) {
    if (rank == 0) slabhydro::print_stderr_line("slabhydro: error: " + thread_problem);
    MPI_Finalize();
    return 1;
  }
  // Kokkos sees only its own --kokkos-* options: given `--help` it would print
  // its help on every rank, in the middle of ours.
  std::vector<char*> kargv{argv[0]};
  for (int k = 1; k < argc; ++k)
    if (std::strncmp(argv[k], "--kokkos-", 9) == 0) kargv.push_back(argv[k]);
  int kargc = static_cast<int>(kargv.size());
  kargv.push_back(nullptr);
  Kokkos::initialize(kargc, kargv.data());
  try {
    code = dispatch(argc, argv);
  } catch (const slabhydro::Error& e) {
    if (e.collective()) {
      // Every rank threw the same error: one message, a clean stop.
      if (rank == 0) slabhydro::print_stderr_line(std::string("slabhydro: error: ") + e.what());
      code = 1;
    } else {
      slabhydro::print_stderr_line("slabhydro: error on rank " + std::to_string(rank) + ": " +
                                   e.what());
      if (size > 1) MPI_Abort(MPI_COMM_WORLD, 1);  // the others may wait in a collective
      code = 1;
    }
  } catch (const std::exception& e) {
    slabhydro::print_stderr_line("slabhydro: internal error on rank " + std::to_string(rank) +
                                 ": " + e.what());
    if (size > 1) MPI_Abort(MPI_COMM_WORLD, 2);
    code = 2;
  }
  Kokkos::finalize();
  MPI_Finalize();
  return code;
}
