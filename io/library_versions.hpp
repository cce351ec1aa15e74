#pragma once
// The versions of the libraries this build runs with, for reports.
#include <string>

namespace slabhydro {

std::string hdf5_version_text();  // "1.10.8"
std::string mpi_library_text();   // "Open MPI v4.1.4" (MPI_Get_library_version, first part)
std::string mpi_version_text();   // "3.1" (the MPI standard)
bool hdf5_is_parallel();          // built with H5_HAVE_PARALLEL
// The HDF5 filters this library can apply: "deflate yes, szip no, ..."
// (szip "yes" only with its encoder, "decode-only" without).
std::string hdf5_filters_text();

}  // namespace slabhydro
