# slabhydro: a 2D compressible Euler MPI proxy app with Kokkos kernels and
# parallel HDF5 checkpoint/restart.
#
#   spack repo add /path/to/slabhydro/spack
#   spack install slabhydro                        # Kokkos Serial backend
#   spack install slabhydro +openmp ^openmpi       # Kokkos OpenMP backend
#   spack install slabhydro +cuda cuda_arch=80     # Kokkos CUDA (A100), nvcc_wrapper
#   spack install slabhydro +rocm amdgpu_target=gfx90a   # Kokkos HIP (MI250X), hipcc
#   spack install --test=root slabhydro            # also builds and runs the ctest suite
#
# Where the sources come from: SLABHYDRO_GIT below, the one place that names
# the repository. Set the environment variable SLABHYDRO_GIT to a mirror, a
# fork or a local clone (`SLABHYDRO_GIT=file:///path/to/slabhydro spack
# install slabhydro@main`), or build a working copy with `spack develop`:
#   spack env create -d env && spack -e env add slabhydro@main +openmp
#   spack -e env develop --path /path/to/slabhydro slabhydro@main && spack -e env install
import os

import spack
from spack.package import *

try:  # Spack >= 1.0: build systems live in the builtin package repository
    from spack_repo.builtin.build_systems.cmake import CMakePackage  # noqa: F811
    from spack_repo.builtin.build_systems.cuda import CudaPackage  # noqa: F811
    from spack_repo.builtin.build_systems.rocm import ROCmPackage  # noqa: F811
except ImportError:  # Spack 0.x: spack.package provides them
    pass

# The git repository of slabhydro (versions: branch main, release tags vX.Y.Z).
SLABHYDRO_GIT = os.environ.get("SLABHYDRO_GIT", "https://github.com/slabhydro/slabhydro.git")


class Slabhydro(CMakePackage, CudaPackage, ROCmPackage):
    """Finite-volume Godunov solver for the 2D compressible Euler equations on
    MPI slabs with Kokkos kernels, YAML input decks, parallel HDF5
    checkpoint/restart, and batch scripts that checkpoint before the
    wall-clock limit and resubmit themselves."""

    homepage = "https://github.com/slabhydro/slabhydro"
    git = SLABHYDRO_GIT

    license("BSD-3-Clause")

    version("main", branch="main")
    version("0.2.0", tag="v0.2.0")

    # The Kokkos backend follows the variants: +cuda (CudaPackage, one
    # cuda_arch), +rocm (ROCmPackage, one amdgpu_target), +openmp for the host;
    # with none of them Kokkos's Serial backend. The kernels run in Kokkos's
    # default execution space, so the Kokkos that slabhydro builds against has
    # exactly the backends asked for here.
    variant("openmp", default=False, description="Kokkos OpenMP backend on the host")
    variant(
        "loop_policy",
        default="auto",
        values=("auto", "rows", "range1d", "mdrange"),
        multi=False,
        description="Kernel loop policy (SLABHYDRO_LOOP_POLICY): auto picks per backend; "
        "rows, range1d or mdrange force one, for measuring",
    )
    variant(
        "gpu_aware_mpi",
        default="auto",
        values=("auto", "on", "off"),
        multi=False,
        description="GPU backends: auto asks the MPI library at run time "
        "(MPIX_Query_cuda_support); on hands device halo buffers to MPI; "
        "off stages them through host memory",
    )

    conflicts("+cuda", when="+rocm", msg="slabhydro builds for one GPU backend: +cuda or +rocm")
    conflicts("+cuda", when="cuda_arch=none", msg="+cuda needs a GPU: cuda_arch=80, 90, ...")
    conflicts("+rocm", when="amdgpu_target=none", msg="+rocm needs a GPU: amdgpu_target=gfx90a, ...")
    conflicts("gpu_aware_mpi=on", when="~cuda ~rocm", msg="gpu_aware_mpi=on needs +cuda or +rocm")

    # Compilers are dependencies from Spack 0.22 on (and required in 1.0).
    if spack.spack_version_info >= (0, 22):
        depends_on("c", type="build")
        depends_on("cxx", type="build")
    depends_on("cmake@3.16:", type="build")

    depends_on("mpi")
    depends_on("hdf5@1.10:+mpi")
    depends_on("yaml-cpp@0.6:")
    depends_on("catch2@2", type="test")

    # Kokkos 3.4 to 4.x (5 is not supported yet).
    depends_on("kokkos@3.4:4")
    depends_on("kokkos+openmp", when="+openmp")
    depends_on("kokkos~openmp+serial", when="~openmp")
    # CUDA: nvcc_wrapper is the C++ compiler (+wrapper), lambdas on the device;
    # Kokkos builds for one GPU, the cuda_arch given to slabhydro.
    depends_on("kokkos+cuda+cuda_lambda+wrapper", when="+cuda")
    depends_on("kokkos~cuda", when="~cuda")
    for _arch in CudaPackage.cuda_arch_values:
        depends_on("kokkos+cuda cuda_arch=%s" % _arch, when="+cuda cuda_arch=%s" % _arch)
    # ROCm: hipcc is the C++ compiler; Kokkos builds for the amdgpu_target given.
    depends_on("kokkos+rocm", when="+rocm")
    depends_on("kokkos~rocm", when="~rocm")
    for _target in ROCmPackage.amdgpu_targets:
        depends_on("kokkos+rocm amdgpu_target=%s" % _target, when="+rocm amdgpu_target=%s" % _target)

    def cmake_args(self):
        spec = self.spec
        args = [
            self.define("SLABHYDRO_ENABLE_TESTS", self.run_tests),
            # New compilers bring new warnings: a Spack build does not fail on them.
            self.define("SLABHYDRO_WERROR", False),
            self.define("Kokkos_ROOT", spec["kokkos"].prefix),
            self.define("HDF5_ROOT", spec["hdf5"].prefix),
            self.define_from_variant("SLABHYDRO_GPU_AWARE_MPI", "gpu_aware_mpi"),
            self.define_from_variant("SLABHYDRO_LOOP_POLICY", "loop_policy"),
        ]
        if spec.satisfies("+cuda"):
            args.append(self.define("CMAKE_CXX_COMPILER", self._kokkos_cxx()))
        elif spec.satisfies("+rocm"):
            args.append(self.define("CMAKE_CXX_COMPILER", spec["hip"].hipcc))
        # Otherwise Spack's C++ compiler.
        return args

    def _kokkos_cxx(self):
        # nvcc_wrapper: a property of the kokkos package in current Spack, an
        # attribute its setup_dependent_package puts on the spec in older ones.
        try:
            return self["kokkos"].kokkos_cxx
        except (AttributeError, KeyError, TypeError):
            return self.spec["kokkos"].kokkos_cxx

    def setup_run_environment(self, env):
        # The decks and job scripts installed with the binary.
        env.set("SLABHYDRO_SHARE", self.prefix.share.slabhydro)
