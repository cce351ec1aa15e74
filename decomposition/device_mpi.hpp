#pragma once
// Whether MPI may be handed device memory. SLABHYDRO_GPU_AWARE_MPI (CMake):
// ON or OFF decide at build time; AUTO (the default) asks the MPI library at
// run time: Open MPI's MPIX_Query_cuda_support() / MPIX_Query_rocm_support()
// from mpi-ext.h, where the library was built with that extension; any other
// MPI counts as not GPU-aware, and device buffers are staged through host
// memory (always correct, slower).
#include <string>

namespace slabhydro {

// True when the halo exchange may pass device pointers to MPI. Call after
// MPI_Init. Host-accessible memory never needs staging, whatever this says.
bool mpi_accepts_device_memory();
// For the run header and --version: "ON (build setting)", "AUTO: yes (MPIX_Query_cuda_support)",
// ...
std::string device_mpi_description();

}  // namespace slabhydro
