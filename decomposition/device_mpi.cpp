#include "decomposition/device_mpi.hpp"

#include <mpi.h>
#if defined(OPEN_MPI) && OPEN_MPI
#include <mpi-ext.h>
#endif

#include <Kokkos_Core.hpp>

namespace slabhydro {
namespace {

struct Answer {
  bool yes;
  const char* source;
};

#if !defined(SLABHYDRO_GPU_AWARE_MPI_ON) && !defined(SLABHYDRO_GPU_AWARE_MPI_OFF)
Answer ask_library() {
#if defined(KOKKOS_ENABLE_CUDA) && defined(MPIX_CUDA_AWARE_SUPPORT) && MPIX_CUDA_AWARE_SUPPORT
  return {MPIX_Query_cuda_support() == 1, "MPIX_Query_cuda_support"};
#elif defined(KOKKOS_ENABLE_HIP) && defined(MPIX_ROCM_AWARE_SUPPORT) && MPIX_ROCM_AWARE_SUPPORT
  return {MPIX_Query_rocm_support() == 1, "MPIX_Query_rocm_support"};
#else
  return {false, "the MPI library has no query for this device"};
#endif
}
#endif

Answer decide() {
#if defined(SLABHYDRO_GPU_AWARE_MPI_ON)
  return {true, "ON (build setting)"};
#elif defined(SLABHYDRO_GPU_AWARE_MPI_OFF)
  return {false, "OFF (build setting)"};
#else
  return ask_library();
#endif
}

}  // namespace

bool mpi_accepts_device_memory() { return decide().yes; }

std::string device_mpi_description() {
  const Answer a = decide();
#if defined(SLABHYDRO_GPU_AWARE_MPI_ON) || defined(SLABHYDRO_GPU_AWARE_MPI_OFF)
  return a.source;
#else
  return std::string("AUTO: ") + (a.yes ? "yes" : "no") + " (" + a.source + ")";
#endif
}

}  // namespace slabhydro
