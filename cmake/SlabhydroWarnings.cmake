# Warnings and floating-point rules shared by every slabhydro target.
add_library(slabhydro_flags INTERFACE)
# One include root: every #include names its folder ("solver/riemann.hpp"),
# so a reader sees the layer; generated headers live under the build root.
target_include_directories(slabhydro_flags INTERFACE ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR})
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(slabhydro_flags INTERFACE -Wall -Wextra
    # Results must not depend on the rank count bit for bit. A zone computed in
    # a vectorised loop body on one rank may fall in the scalar remainder loop
    # on another; allowing the compiler to contract a*b+c into an FMA in one
    # and not the other would change the last bit. So: no contraction.
    -ffp-contract=off
    # sqrt need not set errno: lets the compiler emit one instruction with no
    # branch to libm. Does not change any result.
    -fno-math-errno
    # Floating-point operations may be assumed not to trap (slabhydro never
    # enables FP exceptions), so selects around divisions can be vectorised.
    -fno-trapping-math)
  if(SLABHYDRO_WERROR)
    target_compile_options(slabhydro_flags INTERFACE -Werror)
  endif()
endif()
# Device compilers keep the same rule. nvcc (directly or through Kokkos's
# nvcc_wrapper, whose compiler id is the host's) fuses a*b+c by default:
# --fmad=false turns that off. Clang as the CUDA or HIP compiler (hipcc,
# amdclang++) takes -ffp-contract=off above for host and device alike.
if(Kokkos_ENABLE_CUDA AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  target_compile_options(slabhydro_flags INTERFACE --fmad=false)
endif()
# Debug builds check every View index (Kokkos's debug bounds check, also with a
# Kokkos built without it) and hand Views, not raw pointers, to the kernels
# (solver/kokkos_types.hpp, strided()).
target_compile_definitions(slabhydro_flags INTERFACE $<$<CONFIG:Debug>:SLABHYDRO_BOUNDS_CHECK>)
if(NOT "DEBUG_BOUNDS_CHECK" IN_LIST Kokkos_OPTIONS)
  target_compile_definitions(slabhydro_flags INTERFACE
    $<$<CONFIG:Debug>:KOKKOS_ENABLE_DEBUG_BOUNDS_CHECK>)
endif()
# slabhydro uses the C API of MPI only; keep the deprecated C++ bindings out
# (mpi.h pulls them into C++ translation units otherwise, and they need libmpi_cxx).
target_compile_definitions(slabhydro_flags INTERFACE OMPI_SKIP_MPICXX=1 MPICH_SKIP_MPICXX=1)
