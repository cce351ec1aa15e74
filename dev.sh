#!/usr/bin/env bash
# slabhydro developer entry point, safe to run again (each step skips what is done).
#   bash dev.sh demo   install missing packages, build, run the default problem on 2 ranks
#   bash dev.sh test   install missing packages, build, run the whole test suite (ctest)
#   bash dev.sh build  install missing packages and build only
#   bash dev.sh fuzz [S]  install clang, build the fuzz targets (build-fuzz), fuzz each for S s (60);
#                         S = ci: a fixed number of inputs from a fixed seed (what CI runs)
# Environment: BUILD_DIR (default build), JOBS (default: nproc), CMAKE_ARGS (extra -D...).
set -euo pipefail
cd "$(dirname "$0")"

BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
PACKAGES=(build-essential cmake libhdf5-openmpi-dev hdf5-tools openmpi-bin libopenmpi-dev
          libtrilinos-kokkos-dev libyaml-cpp-dev catch2 python3 python3-h5py
          python3-matplotlib python3-yt python3-h5py-mpi python3-mpi4py
          paraview python3-paraview xvfb xauth)

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "dev.sh: installing ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
}

build() {
  if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
    # shellcheck disable=SC2086
    cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release ${CMAKE_ARGS:-}
  fi
  cmake --build "$BUILD_DIR" -j "$JOBS"
}

# Open MPI as root (containers, CI) and more ranks than cores.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export OMPI_MCA_rmaps_base_oversubscribe=1

case "${1:-}" in
  demo)
    install_missing; build
    # out/demo belongs to this command: cleared so a second demo runs afresh
    # (slabhydro itself never overwrites output it did not write).
    rm -rf out/demo
    mpirun -np 2 "$BUILD_DIR/app/slabhydro" run inputs/sedov.yaml --output-dir out/demo \
      --set output.history_every=10
    # a picture of the newest plot file (else checkpoint) of that run (vis/README.md)
    shopt -s nullglob
    outputs=(out/demo/sedov_chk_*.h5 out/demo/sedov_plt_*.h5)  # names sort by step
    last=${outputs[${#outputs[@]} - 1]}
    pic=$(/usr/bin/python3 vis/slabhydro_plot.py "$last" --out "${last%.h5}_dens.png")
    echo "picture: $pic"
    hist=$(/usr/bin/python3 vis/slabhydro_plot.py out/demo/sedov.hst --out out/demo/sedov_history.png)
    echo "history: $hist" ;;
  test)
    install_missing; build
    ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS" ;;
  build)
    install_missing; build ;;
  fuzz)
    PACKAGES+=(clang-14 libclang-rt-14-dev); install_missing
    bash tests/fuzz/run_fuzz.sh "${2:-60}" ;;
  *)
    sed -n '2,9p' "$0"; exit 2 ;;
esac
