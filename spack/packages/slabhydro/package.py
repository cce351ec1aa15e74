# slabhydro: a 2D compressible Euler MPI proxy app with Kokkos kernels and
# parallel HDF5 checkpoint/restart.
#
#   spack repo add /path/to/slabhydro/spack
#   spack install slabhydro backend=openmp ^openmpi
#   spack install slabhydro backend=cuda ^kokkos cuda_arch=80
#   spack install --test=root slabhydro     # also builds and runs the ctest suite
#
# From a local clone instead of the git URL below:
#   spack env create -d env && spack -e env add slabhydro@main backend=openmp
#   spack -e env develop --path /path/to/slabhydro slabhydro@main && spack -e env install
import spack
from spack.package import *

try:  # Spack >= 1.0: build systems live in the builtin package repository
    from spack_repo.builtin.build_systems.cmake import CMakePackage  # noqa: F811
except ImportError:  # Spack 0.x: spack.package provides them
    pass


class Slabhydro(CMakePackage):
    """Finite-volume Godunov solver for the 2D compressible Euler equations on
    MPI slabs with Kokkos kernels, YAML input decks, parallel HDF5
    checkpoint/restart, and batch scripts that checkpoint before the
    wall-clock limit and resubmit themselves."""

    homepage = "https://github.com/slabhydro/slabhydro"
    # Where the project is published; a mirror or fork can replace it, or use
    # `spack develop` on a local clone (see the top of this file).
    git = "https://github.com/slabhydro/slabhydro.git"

    version("main", branch="main")

    variant(
        "backend",
        default="serial",
        values=("serial", "openmp", "cuda", "hip"),
        multi=False,
        description="Kokkos execution space for the kernels",
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
    conflicts("gpu_aware_mpi=on", when="backend=serial", msg="gpu_aware_mpi=on needs a GPU backend")
    conflicts("gpu_aware_mpi=on", when="backend=openmp", msg="gpu_aware_mpi=on needs a GPU backend")

    # Compilers are dependencies from Spack 0.22 on (and required in 1.0).
    if spack.spack_version_info >= (0, 22):
        depends_on("c", type="build")
        depends_on("cxx", type="build")
    depends_on("cmake@3.16:", type="build")

    depends_on("mpi")
    depends_on("hdf5@1.10:+mpi")
    depends_on("yaml-cpp@0.6:")
    depends_on("catch2@2.0:2", type="test")

    # Kokkos 3.4 or 4.x with the chosen backend. CUDA builds use Kokkos's
    # nvcc_wrapper as the C++ compiler (+wrapper) and need lambdas on the
    # device; pick the GPU with ^kokkos cuda_arch=.. / amdgpu_target=..
    depends_on("kokkos@3.4:")
    depends_on("kokkos+serial", when="backend=serial")
    depends_on("kokkos+openmp", when="backend=openmp")
    depends_on("kokkos+cuda+cuda_lambda+wrapper", when="backend=cuda")
    depends_on("kokkos+rocm", when="backend=hip")

    def cmake_args(self):
        spec = self.spec
        args = [
            self.define("SLABHYDRO_ENABLE_TESTS", self.run_tests),
            self.define("SLABHYDRO_WERROR", False),
            self.define("Kokkos_ROOT", spec["kokkos"].prefix),
            self.define("HDF5_ROOT", spec["hdf5"].prefix),
            self.define_from_variant("SLABHYDRO_GPU_AWARE_MPI", "gpu_aware_mpi"),
        ]
        if spec.satisfies("backend=hip"):
            args.append(self.define("CMAKE_CXX_COMPILER", spec["hip"].hipcc))
        else:
            # nvcc_wrapper for CUDA, the Spack compiler otherwise.
            args.append(self.define("CMAKE_CXX_COMPILER", self._kokkos_cxx()))
        return args

    def _kokkos_cxx(self):
        # A property of the kokkos package in current Spack, an attribute its
        # setup_dependent_package puts on the spec in older ones.
        try:
            return self["kokkos"].kokkos_cxx
        except (AttributeError, KeyError, TypeError):
            return self.spec["kokkos"].kokkos_cxx

    def setup_run_environment(self, env):
        # The decks and job scripts installed with the binary.
        env.set("SLABHYDRO_SHARE", self.prefix.share.slabhydro)
