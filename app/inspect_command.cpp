#include "app/inspect_command.hpp"

#include <iostream>

#include "common/error.hpp"
#include "common/mpi_check.hpp"
#include "io/inspect.hpp"

namespace slabhydro {

int run_inspect(MPI_Comm comm, const std::string& file) {
  int rank = 0;
  SLABHYDRO_MPI_CHECK(MPI_Comm_rank(comm, &rank));
  int code = 0;
  if (rank == 0) {
    try {
      const InspectResult r = inspect_file(file);
      std::cout << r.text << std::flush;
      code = r.ok ? 0 : 1;
    } catch (const std::exception& e) {
      print_stderr_line(std::string("slabhydro: error: inspect: ") + e.what());
      code = 1;
    }
  }
  SLABHYDRO_MPI_CHECK(MPI_Bcast(&code, 1, MPI_INT, 0, comm));
  return code;
}

}  // namespace slabhydro
