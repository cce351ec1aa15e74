"""Loads spack/packages/slabhydro/package.py against a stand-in of the Spack
package API (no Spack needed) and checks it against the project:

- a CMakePackage with CudaPackage and ROCmPackage, license BSD-3-Clause (as
  LICENSE and CITATION.cff), one git variable (overridable if it reads the
  environment), version main (branch) and the release of CMakeLists.txt's
  project(VERSION) as a tag v<version>;
- dependencies: kokkos@3.4:4 (bounded), hdf5@1.10:+mpi, mpi, yaml-cpp,
  catch2@2 for tests, cmake at least cmake_minimum_required for building;
- the backend from +openmp/+cuda/+rocm: kokkos+openmp, kokkos+cuda+wrapper
  with the same cuda_arch, kokkos+rocm with the same amdgpu_target, +cuda and
  +rocm conflicting;
- every variant of the recipe is a Kokkos backend or sets a CMake cache option
  that exists in CMakeLists.txt / cmake/*.cmake (option() or set(... CACHE)),
  with the same values (set_property(CACHE ... STRINGS), case-insensitive) and
  default, and every SLABHYDRO_* option is passed;
- cmake_args: Kokkos_ROOT, HDF5_ROOT, tests only when Spack runs them, the C++
  compiler nvcc_wrapper for +cuda, hipcc for +rocm, Spack's otherwise.

The recipe is loaded twice: with the Spack >= 1.0 layout (build systems in
spack_repo.builtin.build_systems) and with the Spack 0.21 one (in
spack.package, no compiler dependencies).

    python3 check_spack_recipe.py SOURCE_DIR
"""
import contextlib
import glob
import os
import re
import sys
import types

SOURCE_DIR = sys.argv[1]
RECIPE = os.path.join(SOURCE_DIR, "spack", "packages", "slabhydro", "package.py")
failures = []


def check(ok, what):
    print(("ok: " if ok else "FAIL: ") + what)
    if not ok:
        failures.append(what)
    return ok


# --- The stand-in of Spack's package API -------------------------------------

recorded = []  # (directive, args, kwargs) of the recipe
_when_stack = []


def directive(name):
    def record(*args, **kwargs):
        if _when_stack and name in ("variant", "depends_on", "conflicts", "requires", "patch"):
            kwargs["when"] = " ".join(_when_stack + ([kwargs["when"]] if kwargs.get("when") else []))
        recorded.append((name, args, kwargs))

        def decorator(f):
            return f

        return decorator

    return record


@contextlib.contextmanager
def when(spec):
    _when_stack.append(spec)
    try:
        yield
    finally:
        _when_stack.pop()


def any_combination_of(*values):
    # Spack: a multi-valued variant whose values are "none" or any of these.
    return ("none",) + tuple(values)


class PackageBase:
    _directives = []

    def __getitem__(self, name):  # Spack >= 0.22: self["dep"] is the dependency's package
        return self.spec[name]

    def define(self, name, value):
        # Spack's CMakeBuilder.define: -DNAME:BOOL=ON|OFF, -DNAME:STRING=value.
        if isinstance(value, bool):
            return "-D%s:BOOL=%s" % (name, "ON" if value else "OFF")
        if isinstance(value, (list, tuple)):
            value = ";".join(str(v) for v in value)
        return "-D%s:STRING=%s" % (name, value)

    def define_from_variant(self, name, variant):
        # An undeclared variant is an error in Spack; a conditional one that
        # does not apply gives "".
        if variant not in declared_variants(type(self)):
            raise KeyError("define_from_variant: no variant %r" % variant)
        if variant not in self.spec.variants:
            return ""
        return self.define(name, self.spec.variants[variant].value)


class CMakePackage(PackageBase):
    _directives = [
        ("variant", ("build_type",), {"default": "Release", "multi": False,
                                      "values": ("Debug", "Release", "RelWithDebInfo", "MinSizeRel")}),
        ("depends_on", ("cmake",), {"type": "build"}),
    ]


class CudaPackage(PackageBase):
    cuda_arch_values = ("50", "52", "53", "60", "61", "62", "70", "72", "75", "80", "86", "87",
                        "89", "90", "90a", "100", "100a", "120")
    _directives = [
        ("variant", ("cuda",), {"default": False, "description": "Build with CUDA"}),
        ("variant", ("cuda_arch",), {"values": any_combination_of(*cuda_arch_values),
                                     "multi": True, "when": "+cuda"}),
        ("depends_on", ("cuda",), {"when": "+cuda"}),
    ]


class ROCmPackage(PackageBase):
    amdgpu_targets = ("gfx900", "gfx906", "gfx908", "gfx90a", "gfx90a:xnack-", "gfx90a:xnack+",
                      "gfx940", "gfx942", "gfx1030", "gfx1100")
    _directives = [
        ("variant", ("rocm",), {"default": False, "description": "Enable ROCm support"}),
        ("variant", ("amdgpu_target",), {"values": any_combination_of(*amdgpu_targets),
                                         "multi": True, "when": "+rocm"}),
        ("depends_on", ("hip",), {"when": "+rocm"}),
        ("conflicts", ("amdgpu_target=none",), {"when": "+rocm"}),
    ]


BUILD_SYSTEMS = {"cmake": CMakePackage, "cuda": CudaPackage, "rocm": ROCmPackage}
DIRECTIVES = ["version", "variant", "depends_on", "conflicts", "requires", "patch", "maintainers",
              "license", "run_after", "run_before", "on_package_attributes", "resource",
              "provides", "extends", "default_args"]


def install_api(layout):
    """Put a stand-in spack (and spack_repo for Spack >= 1.0) in sys.modules."""
    for name in list(sys.modules):
        if name == "spack" or name.startswith(("spack.", "spack_repo")):
            del sys.modules[name]
    api = types.ModuleType("spack.package")
    for name in DIRECTIVES:
        setattr(api, name, directive(name))
    api.when = when
    api.any_combination_of = any_combination_of
    api.PackageBase = PackageBase
    api.InstallError = type("InstallError", (Exception,), {})
    spack = types.ModuleType("spack")
    spack.package = api
    sys.modules["spack"] = spack
    sys.modules["spack.package"] = api
    if layout == "1.0":
        spack.spack_version_info = (1, 0, 0)
        parents = ["spack_repo", "spack_repo.builtin", "spack_repo.builtin.build_systems"]
        for name in parents:
            sys.modules[name] = types.ModuleType(name)
        for short, cls in BUILD_SYSTEMS.items():
            mod = types.ModuleType("spack_repo.builtin.build_systems." + short)
            setattr(mod, cls.__name__, cls)
            sys.modules[mod.__name__] = mod
    else:  # Spack 0.21: the build systems come with spack.package
        spack.spack_version_info = (0, 21, 0)
        for cls in BUILD_SYSTEMS.values():
            setattr(api, cls.__name__, cls)
    api.__all__ = [n for n in dir(api) if not n.startswith("_")]


def load_recipe(layout):
    del recorded[:]
    install_api(layout)
    scope = {"__name__": "slabhydro_recipe"}
    exec(compile(open(RECIPE).read(), RECIPE, "exec"), scope)
    return scope, list(recorded)


# --- Spec strings --------------------------------------------------------------

def parse_spec(text):
    """'kokkos@3.4:4+cuda~rocm cuda_arch=80 ^dep' -> dict(name, version,
    on, off, kv, other). Only what this recipe needs; the rest lands in other."""
    out = {"name": None, "version": None, "on": set(), "off": set(), "kv": {}, "other": []}
    for i, token in enumerate(text.split()):
        if token[0] in "^%":
            out["other"].append(token)
            continue
        m = re.match(r"([A-Za-z0-9_-]+)=(.+)$", token)
        if m:  # key=value takes the rest of the token: gfx90a:xnack+
            out["kv"].setdefault(m.group(1), set()).update(m.group(2).split(","))
            continue
        m = re.match(r"[A-Za-z0-9_-]+", token)
        if m and i == 0:
            out["name"] = m.group(0)
            token = token[m.end():]
        for kind, value in re.findall(r"([@+~])([^@+~]+)", token):
            if kind == "@":
                out["version"] = value
            else:
                out["on" if kind == "+" else "off"].add(value)
    return out


class Variant:
    def __init__(self, value):
        self.value = value


class Spec:
    """The concrete spec of slabhydro: every variant that applies, with a value."""

    def __init__(self, cls, **values):
        self.cls = cls
        self.variants = {}
        decl = declared_variants(cls)
        for name, kw in decl.items():  # unconditional ones first, then those with when=
            if not kw.get("when"):
                self.variants[name] = Variant(values.get(name, kw.get("default")))
        for name, kw in decl.items():
            if kw.get("when") and self.satisfies(kw["when"]):
                value = values.get(name, kw.get("default", "none"))
                if kw.get("multi"):
                    value = tuple(value) if isinstance(value, (list, tuple)) else (value,)
                self.variants[name] = Variant(value)
        unknown = set(values) - set(self.variants)
        if unknown:
            raise KeyError("not variants of this spec: %s" % sorted(unknown))

    def _has(self, name, value):
        v = self.variants.get(name)
        if v is None:
            return False
        if isinstance(value, bool):
            return v.value is value
        values = v.value if isinstance(v.value, tuple) else (v.value,)
        return value in [str(x) for x in values]

    def satisfies(self, constraint):
        c = parse_spec(constraint)
        if c["name"] not in (None, "slabhydro") or c["version"] or c["other"]:
            return False  # versions, dependencies, compilers: not modelled
        return (all(self._has(n, True) for n in c["on"])
                and all(self._has(n, False) for n in c["off"])
                and all(self._has(k, v) for k, vs in c["kv"].items() for v in vs))

    __contains__ = satisfies

    def __getitem__(self, name):
        cuda = self.satisfies("+cuda")
        cxx = "/opt/kokkos-nvcc-wrapper/bin/nvcc_wrapper" if cuda else SPACK_CXX
        return types.SimpleNamespace(prefix="/opt/" + name, kokkos_cxx=cxx,
                                     hipcc="/opt/rocm/bin/hipcc")


SPACK_CXX = "/opt/spack/lib/spack/env/gcc/g++"


def all_directives(cls, own):
    out = list(own)
    for base in cls.__mro__[1:]:
        out += base.__dict__.get("_directives", [])
    return out


def declared_variants(cls):
    out = {}
    for d, a, k in all_directives(cls, current_directives):
        if d == "variant":
            out[a[0]] = k
    return out


def run_cmake_args(cls, run_tests=False, **values):
    pkg = cls.__new__(cls)
    pkg.spec = Spec(cls, **values)
    pkg.run_tests = run_tests
    defs = {}
    for arg in pkg.cmake_args():
        if not arg:
            continue
        m = re.match(r"-D([^:=]+)(?::[A-Z]+)?=(.*)$", arg)
        if not m:
            raise ValueError("cmake_args gives %r, not -DNAME=value" % arg)
        defs[m.group(1)] = m.group(2)
    return defs


# --- What the CMake files define -------------------------------------------------

def cmake_options():
    """{name: {"type", "default", "strings", "upper"}} from option() and
    set(... CACHE ...) in CMakeLists.txt and cmake/*.cmake."""
    text = ""
    for path in [os.path.join(SOURCE_DIR, "CMakeLists.txt")] + sorted(
            glob.glob(os.path.join(SOURCE_DIR, "cmake", "*.cmake"))):
        text += re.sub(r"#[^\n]*", "", open(path).read()) + "\n"
    opts = {}
    for m in re.finditer(r"\boption\(\s*(\w+)\s+\"[^\"]*\"\s*(\w+)?\s*\)", text, re.I):
        opts[m.group(1)] = {"type": "BOOL", "default": m.group(2) or "OFF", "strings": None}
    for m in re.finditer(r"\bset\(\s*(\w+)\s+(\"[^\"]*\"|\S+)\s+CACHE\s+(\w+)", text, re.I):
        opts[m.group(1)] = {"type": m.group(3).upper(), "default": m.group(2).strip('"'),
                            "strings": None}
    for m in re.finditer(r"set_property\(\s*CACHE\s+(\w+)\s+PROPERTY\s+STRINGS\s+([^)]*)\)", text, re.I):
        if m.group(1) in opts:
            opts[m.group(1)]["strings"] = [s.strip('"') for s in m.group(2).split()]
    all_text = text
    for path in glob.glob(os.path.join(SOURCE_DIR, "**", "CMakeLists.txt"), recursive=True):
        all_text += open(path).read()
    for name, o in opts.items():
        # Does the project compare the value upper-cased (string(TOUPPER "${NAME}" ...))?
        o["upper"] = bool(re.search(r"string\(\s*TOUPPER\s+\"?\$\{%s\}" % name, all_text, re.I))
    return opts, all_text


# --- The checks -----------------------------------------------------------------

scope, current_directives = load_recipe("1.0")
source = open(RECIPE).read()
cls = scope.get("Slabhydro")
check(cls is not None and [b.__name__ for b in cls.__bases__] == ["CMakePackage", "CudaPackage", "ROCmPackage"]
      and issubclass(cls, (CMakePackage)) and issubclass(cls, CudaPackage) and issubclass(cls, ROCmPackage),
      "class Slabhydro(CMakePackage, CudaPackage, ROCmPackage)")
if cls is None:
    sys.exit(1)
directives = all_directives(cls, current_directives)
own = current_directives

# License, as the project states it.
licenses = [a[0] for d, a, _ in own if d == "license"]
citation = open(os.path.join(SOURCE_DIR, "CITATION.cff")).read()
license_file = open(os.path.join(SOURCE_DIR, "LICENSE")).readline()
check(licenses == ["BSD-3-Clause"] and "license: BSD-3-Clause" in citation
      and license_file.startswith("BSD 3-Clause"),
      "license(\"BSD-3-Clause\"), as LICENSE and CITATION.cff: %s" % licenses)

# One git variable.
git_vars = [n for n, v in scope.items() if re.match(r"^[A-Z][A-Z0-9_]*GIT[A-Z0-9_]*$", n)
            and isinstance(v, str)]
git = getattr(cls, "git", "")
check(len(git_vars) == 1 and scope[git_vars[0]] == git and git.endswith(".git"),
      "git from one module variable %s = %r" % (git_vars, git))
literal = git if git else "<none>"
check(source.count('"%s"' % literal) + source.count("'%s'" % literal) == 1,
      "the git URL is written once in the recipe")
env = re.search(r"os\.environ\.get\(\s*[\"'](\w+)[\"']", source)
if env:
    saved = os.environ.get(env.group(1))
    os.environ[env.group(1)] = "file:///srv/mirror/slabhydro.git"
    try:
        cls_mirror = load_recipe("1.0")[0]["Slabhydro"]
    finally:
        if saved is None:
            del os.environ[env.group(1)]
        else:
            os.environ[env.group(1)] = saved
    check(cls_mirror.git == "file:///srv/mirror/slabhydro.git",
          "%s=file:///srv/mirror/slabhydro.git in the environment moves git" % env.group(1))
    scope, current_directives = load_recipe("1.0")  # back to the default
    cls = scope["Slabhydro"]
    own = current_directives

# Versions: main, and the project's release as a tag.
versions = {a[0]: k for d, a, k in own if d == "version"}
project = re.search(r"project\(\s*\w+\s+VERSION\s+([0-9.]+)",
                    open(os.path.join(SOURCE_DIR, "CMakeLists.txt")).read())
release = project.group(1) if project else "?"
check(versions.get("main") == {"branch": "main"}, "version main from branch main")
check(versions.get(release, {}).get("tag") == "v" + release,
      "version %s (CMakeLists.txt project VERSION) from tag v%s: %s"
      % (release, release, versions.get(release)))
check(all(k.get("tag") == "v" + v for v, k in versions.items() if v != "main"),
      "every release version is its tag v<version>: %s" % sorted(versions))

# Dependencies.
deps = [(parse_spec(a[0]), a[0], k.get("when"), k.get("type")) for d, a, k in own if d == "depends_on"]


def unconditional(name):
    return [(s, text, t) for s, text, w, t in deps if s["name"] == name and not w]


def version_range(v):
    if not v or ":" not in v:
        return None
    low, high = v.split(":", 1)
    return low, high


kokkos = [s for s, _, _ in unconditional("kokkos") if s["version"]]
kokkos_versions = [s["version"] for s, _, _, _ in deps if s["name"] == "kokkos" and s["version"]]
check(len(kokkos) == 1 and version_range(kokkos[0]["version"]) == ("3.4", "4"),
      "kokkos@3.4:4 (3.4 to 4.x): %s" % kokkos_versions)
check(all(version_range(v) and all(version_range(v)) for v in kokkos_versions),
      "every kokkos version range is bounded on both ends: %s" % kokkos_versions)
check(unconditional("mpi") != [], "depends on mpi")
hdf5 = [s for s, _, _ in unconditional("hdf5")]
check(any("mpi" in s["on"] and version_range(s["version"] or "") == ("1.10", "") for s in hdf5),
      "depends on hdf5@1.10:+mpi")
check(unconditional("yaml-cpp") != [], "depends on yaml-cpp")
catch2 = [(s, t) for s, _, t in unconditional("catch2")]
check(len(catch2) == 1 and catch2[0][1] == "test" and (catch2[0][0]["version"] or "").split(":")[-1] == "2",
      "catch2@2 for tests only: %s" % [(s["version"], t) for s, t in catch2])
cmake_min = re.search(r"cmake_minimum_required\(\s*VERSION\s+([0-9.]+)",
                      open(os.path.join(SOURCE_DIR, "CMakeLists.txt")).read()).group(1)
check(any(t == "build" and (s["version"] or "") == cmake_min + ":" for s, _, t in unconditional("cmake")),
      "cmake@%s: (cmake_minimum_required) for building" % cmake_min)

# Backends.
variants = declared_variants(cls)
own_variants = {a[0]: k for d, a, k in own if d == "variant"}
check("backend" not in variants, "the backend is +openmp/+cuda/+rocm, no backend variant")
check(variants.get("openmp", {}).get("default") is False, "variant openmp, default off")


def kokkos_when(when):
    return [s for s, _, w, _ in deps if s["name"] == "kokkos" and w == when]


def has_kokkos(when, on=(), off=(), kv=None):
    return any(set(on) <= s["on"] and set(off) <= s["off"]
               and all(s["kv"].get(k) == {v} for k, v in (kv or {}).items()) for s in kokkos_when(when))


check(has_kokkos("+openmp", on=["openmp"]) and has_kokkos("~openmp", off=["openmp"]),
      "+openmp -> kokkos+openmp, ~openmp -> kokkos~openmp")
check(has_kokkos("+cuda", on=["cuda", "wrapper"]) and has_kokkos("~cuda", off=["cuda"]),
      "+cuda -> kokkos+cuda+wrapper, ~cuda -> kokkos~cuda")
check(has_kokkos("+rocm", on=["rocm"]) and has_kokkos("~rocm", off=["rocm"]),
      "+rocm -> kokkos+rocm, ~rocm -> kokkos~rocm")
for arch in ("70", "80", "90", "90a"):
    check(has_kokkos("+cuda cuda_arch=" + arch, on=["cuda"], kv={"cuda_arch": arch}),
          "+cuda cuda_arch=%s -> kokkos+cuda cuda_arch=%s" % (arch, arch))
arch_whens = {w for s, _, w, _ in deps if s["name"] == "kokkos" and "cuda_arch" in s["kv"]}
check(arch_whens == {"+cuda cuda_arch=" + a for a in CudaPackage.cuda_arch_values},
      "each of CudaPackage.cuda_arch_values (%d) is passed to kokkos" % len(CudaPackage.cuda_arch_values))
for target in ("gfx90a", "gfx942", "gfx90a:xnack-"):
    check(has_kokkos("+rocm amdgpu_target=" + target, on=["rocm"], kv={"amdgpu_target": target}),
          "+rocm amdgpu_target=%s -> kokkos+rocm amdgpu_target=%s" % (target, target))
target_whens = {w for s, _, w, _ in deps if s["name"] == "kokkos" and "amdgpu_target" in s["kv"]}
check(target_whens == {"+rocm amdgpu_target=" + t for t in ROCmPackage.amdgpu_targets},
      "each of ROCmPackage.amdgpu_targets (%d) is passed to kokkos" % len(ROCmPackage.amdgpu_targets))

conflicts = [(a[0], k.get("when") or "") for d, a, k in directives if d == "conflicts"]


def conflicting(**values):
    spec = Spec(cls, **values)
    return [(c, w) for c, w in conflicts if spec.satisfies(c) and spec.satisfies(w)]


check(bool(conflicting(cuda=True, rocm=True, cuda_arch="80", amdgpu_target="gfx90a")),
      "+cuda +rocm conflict")
check(bool(conflicting(cuda=True)), "+cuda without a cuda_arch conflicts")
check(bool(conflicting(rocm=True)), "+rocm without an amdgpu_target conflicts")
check(bool(conflicting(gpu_aware_mpi="on")), "gpu_aware_mpi=on without a GPU backend conflicts")
good = [dict(), dict(openmp=True), dict(cuda=True, cuda_arch="80"),
        dict(cuda=True, cuda_arch="90", openmp=True, gpu_aware_mpi="on"),
        dict(rocm=True, amdgpu_target="gfx90a", gpu_aware_mpi="off")]
check(all(not conflicting(**v) for v in good),
      "no conflict for %s" % ["".join("+%s" % k if v is True else " %s=%s" % (k, v)
                                      for k, v in g.items()) or "(defaults)" for g in good])

# Variants and the CMake options they set.
opts, cmake_text = cmake_options()
check(bool(opts), "CMake options found: %s" % sorted(opts))
DEPENDENCY_VARIANTS = {"openmp", "cuda", "cuda_arch", "rocm", "amdgpu_target"}  # the Kokkos backend
base = run_cmake_args(cls)
for name, kw in sorted(own_variants.items()):
    if name in DEPENDENCY_VARIANTS:
        continue
    values = tuple(kw["values"]) if kw.get("values") else (True, False)  # bool variants
    # Every value of the variant, on a spec where each is allowed (+cuda for
    # gpu_aware_mpi=on): the CMake options whose value follows the variant's.
    context = dict(cuda=True, cuda_arch="80")
    runs = {value: run_cmake_args(cls, **dict(context, **{name: value})) for value in values}
    keys = set().union(*runs.values())
    set_by = {key: {value: runs[value].get(key) for value in values} for key in keys
              if len({runs[value].get(key) for value in values}) > 1}
    set_by = {k: v for k, v in set_by.items() if not k.startswith("CMAKE_")}
    if not check(len(set_by) == 1, "variant %s sets one CMake option: %s" % (name, sorted(set_by))):
        continue
    option, passed = next(iter(set_by.items()))
    o = opts.get(option)
    if not check(o is not None, "variant %s -> %s, a cache option of the CMake files" % (name, option)):
        continue
    if o["strings"] is not None:
        check(sorted(str(v).lower() for v in values) == sorted(s.lower() for s in o["strings"]),
              "variant %s values %s = %s STRINGS %s" % (name, list(values), option, o["strings"]))
        for value in values:
            got = passed[value]
            exact = got in o["strings"]
            ok = exact or (o["upper"] and str(got).upper() in o["strings"])
            check(ok, "%s=%s -> -D%s=%s, %s" % (name, value, option, got,
                                                  "a STRINGS value" if exact else "upper-cased by CMake" if ok else "not a STRINGS value"))
    check(str(kw.get("default")).lower() == o["default"].lower(),
          "variant %s default %s = %s default %s" % (name, kw.get("default"), option, o["default"]))

project_opts = sorted(n for n in opts if n.startswith("SLABHYDRO_"))
check(all(n in base for n in project_opts),
      "cmake_args sets every SLABHYDRO_* option %s: %s"
      % (project_opts, {n: base.get(n) for n in project_opts}))
found = set(re.findall(r"find_package\(\s*([\w-]+)", cmake_text))
unread = [n for n in base if not (n in opts or n.startswith("CMAKE_")
                                  or (n.endswith("_ROOT") and n[:-5] in found))]
check(not unread, "every -D the recipe passes is a cache option or <Pkg>_ROOT of a find_package "
      "(%s): %s" % (", ".join(sorted(found)), sorted(base)))
check(base.get("Kokkos_ROOT") == "/opt/kokkos" and base.get("HDF5_ROOT") == "/opt/hdf5",
      "Kokkos_ROOT and HDF5_ROOT are the dependencies' prefixes")
check(base.get("SLABHYDRO_WERROR") == "OFF", "SLABHYDRO_WERROR off: new compilers' warnings do not fail a build")

# Tests and the C++ compiler per backend.
NVCC_WRAPPER = "/opt/kokkos-nvcc-wrapper/bin/nvcc_wrapper"
for label, values, compiler in [
        ("serial", {}, None),
        ("+openmp", dict(openmp=True), None),
        ("+cuda cuda_arch=80", dict(cuda=True, cuda_arch="80"), NVCC_WRAPPER),
        ("+cuda+openmp cuda_arch=90", dict(cuda=True, openmp=True, cuda_arch="90"), NVCC_WRAPPER),
        ("+rocm amdgpu_target=gfx90a", dict(rocm=True, amdgpu_target="gfx90a"), "/opt/rocm/bin/hipcc")]:
    for run_tests in (False, True):
        defs = run_cmake_args(cls, run_tests=run_tests, **values)
        check(defs.get("SLABHYDRO_ENABLE_TESTS") == ("ON" if run_tests else "OFF"),
              "%s, %s: SLABHYDRO_ENABLE_TESTS=%s" % (label, "--test" if run_tests else "no tests",
                                                      defs.get("SLABHYDRO_ENABLE_TESTS")))
    got = defs.get("CMAKE_CXX_COMPILER")
    ok = got == compiler or (compiler is None and got == SPACK_CXX)
    check(ok, "%s: C++ compiler %s" % (label, got or "Spack's"))

# The Spack 0.21 layout: same recipe, build systems from spack.package.
scope21, directives21 = load_recipe("0.21")
cls21 = scope21.get("Slabhydro")
strip = [(d, a, k) for d, a, k in own if not (d == "depends_on" and a[0] in ("c", "cxx"))]
check(cls21 is not None and cls21.__bases__ == (CMakePackage, CudaPackage, ROCmPackage)
      and directives21 == strip,
      "Spack 0.21 layout: loads, same directives without the c/cxx dependencies")

sys.exit(1 if failures else 0)
