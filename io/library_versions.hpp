#pragma once
// The versions of the libraries this build runs with, for reports.
#include <string>

namespace slabhydro {

std::string hdf5_version_text();  // "1.10.8"
std::string mpi_library_text();   // "Open MPI v4.1.4" (MPI_Get_library_version, first part)
std::string mpi_version_text();   // "3.1" (the MPI standard)

}  // namespace slabhydro
