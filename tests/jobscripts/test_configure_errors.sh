#!/bin/bash
# Configure mistakes are configure errors: a Kokkos_ROOT that does not exist,
# or that holds no Kokkos, stops CMake with a message naming it, instead of
# falling back to another Kokkos found on the system.
# shellcheck source=lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

configure() {  # configure NAME ARGS...: exit code in RC, output in $SCRATCH/NAME.log
  local name=$1
  shift
  RC=0
  cmake -S "$SRC" -B "$SCRATCH/$name" -DSLABHYDRO_ENABLE_TESTS=OFF "$@" \
    >"$SCRATCH/$name.log" 2>&1 || RC=$?
}

says() {  # says NAME TEXT: CMake wraps its messages; compare with the lines joined
  tr -s ' \n' '  ' <"$SCRATCH/$1.log" | grep -qF -- "$2"
}

configure missing -DKokkos_ROOT="$SCRATCH/no/such/kokkos"
[ "$RC" -ne 0 ] || fail "a Kokkos_ROOT that does not exist configured"
says missing "Kokkos_ROOT is '$SCRATCH/no/such/kokkos', which is not a directory" ||
  { cat "$SCRATCH/missing.log" >&2; fail "no message naming the missing Kokkos_ROOT"; }
pass "Kokkos_ROOT that does not exist: configure error"

mkdir -p "$SCRATCH/empty_prefix"
configure empty -DKokkos_ROOT="$SCRATCH/empty_prefix"
[ "$RC" -ne 0 ] || fail "a Kokkos_ROOT without Kokkos configured (fell back to another Kokkos)"
says empty "Kokkos" || { cat "$SCRATCH/empty.log" >&2; fail "no message about Kokkos"; }
pass "Kokkos_ROOT without a Kokkos: configure error"

configure gpu -DSLABHYDRO_GPU_AWARE_MPI=sometimes
[ "$RC" -ne 0 ] || fail "SLABHYDRO_GPU_AWARE_MPI=sometimes configured"
says gpu "SLABHYDRO_GPU_AWARE_MPI must be AUTO, ON or OFF" ||
  { cat "$SCRATCH/gpu.log" >&2; fail "no message naming SLABHYDRO_GPU_AWARE_MPI"; }
pass "SLABHYDRO_GPU_AWARE_MPI=sometimes: configure error"
echo PASS
