#pragma once
// Kokkos spaces, View aliases and the one loop helper every kernel goes through.
// Nothing else in slabhydro names a Kokkos space or policy directly.
#include <Kokkos_Core.hpp>

namespace slabhydro {

using ExecSpace = Kokkos::DefaultExecutionSpace;
using MemSpace = ExecSpace::memory_space;
using HostSpace = Kokkos::HostSpace;

// LayoutRight everywhere: the last index (x) is fastest, as in the HDF5 files
// ([ny][nx], C order). Forced so CUDA/HIP do not switch to LayoutLeft.
template <typename T>
using DvceArray1D = Kokkos::View<T*, Kokkos::LayoutRight, MemSpace>;
template <typename T>
using DvceArray2D = Kokkos::View<T**, Kokkos::LayoutRight, MemSpace>;
template <typename T>
using DvceArray3D = Kokkos::View<T***, Kokkos::LayoutRight, MemSpace>;
template <typename T>
using HostArray1D = typename DvceArray1D<T>::HostMirror;
template <typename T>
using HostArray3D = typename DvceArray3D<T>::HostMirror;

// Allocate without the initialising kernel (scratch, buffers).
template <typename ViewT, typename... Dims>
ViewT make_uninitialized(const std::string& label, Dims... dims) {
  return ViewT(Kokkos::ViewAllocateWithoutInitializing(label), dims...);
}

#if defined(SLABHYDRO_LOOP_MDRANGE)
constexpr bool kUseMDRange = true;
#elif defined(SLABHYDRO_LOOP_RANGE1D)
constexpr bool kUseMDRange = false;
#else
// Default: measured on the host backends (see README, "Loop policy").
constexpr bool kUseMDRange = false;
#endif

// par_for over j in [jl, ju), i in [il, iu): the functor is called as f(j, i).
// The policy is chosen here once, so it can be switched after measuring:
// 1D RangePolicy with index arithmetic (AthenaK's choice; on a host backend the
// compiler sees a plain loop) or a 2D MDRangePolicy.
template <typename F>
inline void par_for(const char* name, int jl, int ju, int il, int iu, const F& f) {
  if (ju <= jl || iu <= il) return;
  if constexpr (kUseMDRange) {
    Kokkos::parallel_for(
        name, Kokkos::MDRangePolicy<ExecSpace, Kokkos::Rank<2>>({jl, il}, {ju, iu}), f);
  } else {
    const int ni = iu - il;
    const int n = (ju - jl) * ni;
    Kokkos::parallel_for(
        name, Kokkos::RangePolicy<ExecSpace>(0, n), KOKKOS_LAMBDA(const int idx) {
          const int j = jl + idx / ni;
          const int i = il + idx - (idx / ni) * ni;
          f(j, i);
        });
  }
}

// 1D loop over [il, iu).
template <typename F>
inline void par_for(const char* name, int il, int iu, const F& f) {
  if (iu <= il) return;
  Kokkos::parallel_for(name, Kokkos::RangePolicy<ExecSpace>(il, iu), f);
}

}  // namespace slabhydro
