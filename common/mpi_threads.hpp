#pragma once
// The MPI thread level. slabhydro asks MPI_Init_thread for
// MPI_THREAD_MULTIPLE, which an asynchronous checkpoint needs (its writer
// thread calls MPI-IO while the time loop exchanges halos); the environment
// variable SLABHYDRO_MPI_THREAD (single | funneled | serialized | multiple)
// asks for another level, for an MPI library whose MPI_THREAD_MULTIPLE is
// slow or broken. What the library provided is kept for the checks of
// settings that need a level (checkpoint.async).
#include <string>

namespace slabhydro {

// The level to ask for; `problem` says why SLABHYDRO_MPI_THREAD was not
// understood (then MPI_THREAD_MULTIPLE is asked for).
int requested_mpi_thread_level(std::string& problem);
void set_provided_mpi_thread_level(int level);
int provided_mpi_thread_level();
// "MPI_THREAD_MULTIPLE", ...
std::string mpi_thread_level_name(int level);

}  // namespace slabhydro
