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
# slabhydro uses the C API of MPI only; keep the deprecated C++ bindings out
# (mpi.h pulls them into C++ translation units otherwise, and they need libmpi_cxx).
target_compile_definitions(slabhydro_flags INTERFACE OMPI_SKIP_MPICXX=1 MPICH_SKIP_MPICXX=1)
