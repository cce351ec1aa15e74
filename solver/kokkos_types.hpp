#pragma once
// Kokkos spaces, View aliases and par_for, the loop helper every element-wise
// kernel goes through. The reductions name their own RangePolicy
// (solver/timestep.cpp, solver/digest_impl.hpp), and code that copies to or
// from the host names Kokkos::HostSpace; whether device memory is separate
// from the host is asked in one place (solver/backend.hpp).
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

// Plain strided access to a LayoutRight (var, j, i) array: int index
// arithmetic with unit stride in i, which host compilers can vectorise (the
// View's size_t offsets hide that from GCC).
template <class T>
struct Strided {
  T* p;
  int sv, sj;
  KOKKOS_FORCEINLINE_FUNCTION T& operator()(int v, int j, int i) const {
    return p[v * sv + j * sj + i];
  }
};
#if defined(SLABHYDRO_BOUNDS_CHECK)
// Debug builds (CMAKE_BUILD_TYPE=Debug): the View itself, so that Kokkos
// checks every index (KOKKOS_ENABLE_DEBUG_BOUNDS_CHECK).
template <class T>
using StridedArray = Kokkos::View<T***, Kokkos::LayoutRight, MemSpace>;
template <class V>
inline StridedArray<typename V::value_type> strided(const V& a) {
  return a;
}
#else
template <class T>
using StridedArray = Strided<T>;
template <class V>
inline StridedArray<typename V::value_type> strided(const V& a) {
  return {a.data(), static_cast<int>(a.stride(0)), static_cast<int>(a.stride(1))};
}
#endif

// Allocate without the initialising kernel (scratch, buffers).
template <typename ViewT, typename... Dims>
ViewT make_uninitialized(const std::string& label, Dims... dims) {
  return ViewT(Kokkos::ViewAllocateWithoutInitializing(label), dims...);
}

enum class LoopPolicy { rows, range1d, mdrange };

#if defined(SLABHYDRO_LOOP_MDRANGE)
constexpr LoopPolicy kLoopPolicy = LoopPolicy::mdrange;
#elif defined(SLABHYDRO_LOOP_RANGE1D)
constexpr LoopPolicy kLoopPolicy = LoopPolicy::range1d;
#elif defined(SLABHYDRO_LOOP_ROWS)
constexpr LoopPolicy kLoopPolicy = LoopPolicy::rows;
#else
// auto: on a host execution space, parallelise over rows and run i as a plain
// inner loop the compiler can vectorise; on a device, one flat 1D range with
// index arithmetic (AthenaK's finding). See docs/performance.md, "Loop policy".
constexpr LoopPolicy kLoopPolicy =
    Kokkos::SpaceAccessibility<Kokkos::HostSpace, ExecSpace::memory_space>::accessible
        ? LoopPolicy::rows
        : LoopPolicy::range1d;
#endif

// par_for over j in [jl, ju), i in [il, iu): the functor is called as f(j, i).
// The policy is chosen here once (kLoopPolicy), so it can be switched after
// measuring (cmake -DSLABHYDRO_LOOP_POLICY=rows|range1d|mdrange).
template <typename F>
inline void par_for(const char* name, int jl, int ju, int il, int iu, const F& f) {
  if (ju <= jl || iu <= il) return;
  if constexpr (kLoopPolicy == LoopPolicy::mdrange) {
    Kokkos::parallel_for(name,
                         Kokkos::MDRangePolicy<ExecSpace, Kokkos::Rank<2>>({jl, il}, {ju, iu}), f);
  } else if constexpr (kLoopPolicy == LoopPolicy::rows) {
    Kokkos::parallel_for(
        name, Kokkos::RangePolicy<ExecSpace>(jl, ju), KOKKOS_LAMBDA(const int j) {
    // Iterations of a parallel_for are independent by contract, so
    // the compiler may ignore assumed dependences between them.
#if defined(__clang__)
#pragma clang loop vectorize(assume_safety)
#elif defined(__GNUC__)
#pragma GCC ivdep
#endif
          for (int i = il; i < iu; ++i) f(j, i);
        });
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
