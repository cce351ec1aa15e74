#pragma once
// Every MPI call goes through SLABHYDRO_MPI_CHECK: a failure throws
// slabhydro::Error naming the call, the file and the line.
#include <mpi.h>

#include <string>

#include "common/error.hpp"

namespace slabhydro {

inline void mpi_check(int rc, const char* expr, const char* file, int line) {
  if (rc == MPI_SUCCESS) return;
  char msg[MPI_MAX_ERROR_STRING];
  int len = 0;
  MPI_Error_string(rc, msg, &len);
  throw Error(std::string(file) + ":" + std::to_string(line) + ": " + expr +
              " failed: " + std::string(msg, len));
}

}  // namespace slabhydro

#define SLABHYDRO_MPI_CHECK(expr) ::slabhydro::mpi_check((expr), #expr, __FILE__, __LINE__)
