"""Loads spack/packages/slabhydro/package.py against a stand-in of the Spack
package API (no Spack needed) and checks what the issue asks of it: a CMake
package with a Kokkos backend variant mapping to kokkos+serial/openmp/cuda/rocm,
dependencies on mpi, hdf5+mpi, kokkos, yaml-cpp and catch2 (for tests), and
cmake_args that turn the tests on only when Spack runs them.

    python3 check_spack_recipe.py SOURCE_DIR
"""
import sys
import types

recorded = []  # (directive, args, kwargs)


def directive(name):
    def record(*args, **kwargs):
        recorded.append((name, args, kwargs))

        def decorator(f):
            return f

        return decorator

    return record


class CMakePackage:
    def define(self, name, value):
        if isinstance(value, bool):
            value = "ON" if value else "OFF"
        return "-D%s=%s" % (name, value)

    def define_from_variant(self, name, variant):
        return self.define(name, self.spec.variants[variant])


package_api = types.ModuleType("spack.package")
for name in ["version", "variant", "depends_on", "conflicts", "requires", "patch",
             "maintainers", "license", "run_after", "run_before", "on_package_attributes"]:
    setattr(package_api, name, directive(name))
package_api.CMakePackage = CMakePackage
package_api.__all__ = [n for n in dir(package_api) if not n.startswith("_")]
spack = types.ModuleType("spack")
spack.spack_version_info = (1, 0, 0)
spack.package = package_api
sys.modules["spack"] = spack
sys.modules["spack.package"] = package_api

path = sys.argv[1] + "/spack/packages/slabhydro/package.py"
scope = {"__name__": "slabhydro_recipe"}
exec(compile(open(path).read(), path, "exec"), scope)
failures = []


def check(ok, what):
    print(("ok: " if ok else "FAIL: ") + what)
    if not ok:
        failures.append(what)


cls = scope.get("Slabhydro")
check(cls is not None and issubclass(cls, CMakePackage), "class Slabhydro(CMakePackage)")
check(bool(getattr(cls, "git", "")), "a git source")
variants = {a[0]: k for d, a, k in recorded if d == "variant"}
check("backend" in variants, "variant backend")
values = set(variants.get("backend", {}).get("values", ()))
check({"serial", "openmp", "cuda", "hip"} <= values, "backend values serial openmp cuda hip: %s" % values)
check(variants.get("backend", {}).get("multi") is False, "backend is single-valued")
gpu_values = tuple(variants.get("gpu_aware_mpi", {}).get("values", ()))
check(gpu_values == ("auto", "on", "off") and variants["gpu_aware_mpi"].get("default") == "auto",
      "gpu_aware_mpi: auto (default), on, off like SLABHYDRO_GPU_AWARE_MPI: %s" % (gpu_values,))

deps = [(a[0], k.get("when"), k.get("type")) for d, a, k in recorded if d == "depends_on"]
names = [s for s, _, _ in deps]
check("mpi" in names, "depends on mpi")
check(any(s.startswith("hdf5") and "+mpi" in s for s in names), "depends on hdf5+mpi")
check(any(s.startswith("yaml-cpp") for s in names), "depends on yaml-cpp")
check(any(s.startswith("catch2") and t == "test" for s, _, t in deps), "depends on catch2 for tests")
for backend, kokkos in [("serial", "+serial"), ("openmp", "+openmp"), ("cuda", "+cuda"), ("hip", "+rocm")]:
    check(any(s.startswith("kokkos") and kokkos in s and w == "backend=" + backend for s, w, _ in deps),
          "backend=%s -> kokkos%s" % (backend, kokkos))
check(any(s.startswith("cmake@3.16") and t == "build" for s, _, t in deps), "cmake@3.16: for building")


class Spec:
    def __init__(self, backend, gpu_aware):
        self.backend = backend
        self.variants = {"backend": backend, "gpu_aware_mpi": gpu_aware}

    def satisfies(self, constraint):
        return constraint == "backend=" + self.backend

    def __getitem__(self, name):
        return types.SimpleNamespace(prefix="/opt/" + name, kokkos_cxx="/opt/kokkos/bin/cxx",
                                     hipcc="/opt/rocm/bin/hipcc")


for backend, run_tests in [("serial", False), ("openmp", True), ("cuda", False), ("hip", False)]:
    pkg = cls.__new__(cls)
    pkg.spec = Spec(backend, "on" if backend in ("cuda", "hip") else "auto")
    pkg.run_tests = run_tests
    args = pkg.cmake_args()
    check("-DSLABHYDRO_ENABLE_TESTS=%s" % ("ON" if run_tests else "OFF") in args,
          "%s: tests %s" % (backend, "on" if run_tests else "off"))
    compiler = [a for a in args if a.startswith("-DCMAKE_CXX_COMPILER=")]
    want = "/opt/rocm/bin/hipcc" if backend == "hip" else "/opt/kokkos/bin/cxx"
    check(compiler == ["-DCMAKE_CXX_COMPILER=" + want], "%s: C++ compiler %s" % (backend, compiler))
    gpu = pkg.spec.variants["gpu_aware_mpi"]
    check("-DSLABHYDRO_GPU_AWARE_MPI=%s" % gpu in args, "%s: gpu_aware_mpi=%s passed" % (backend, gpu))

sys.exit(1 if failures else 0)
