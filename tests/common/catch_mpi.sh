#!/bin/bash
# ctest's launcher for one Catch2 test case at one rank count.
#   catch_mpi.sh MPIEXEC NUMPROC_FLAG EXE ARGS... [--ranks=N]
# catch_discover_tests puts it in front of every command (the target's
# CROSSCOMPILING_EMULATOR): listing the test cases at build time runs EXE
# alone (no --ranks); a test case runs as `MPIEXEC NUMPROC_FLAG N EXE "name"`. It sets
# the Open MPI environment itself, because Catch's PROPERTIES cannot carry a
# list such as ENVIRONMENT "A=1;B=2".
set -u
mpiexec=$1
numproc_flag=$2
shift 2
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export OMPI_MCA_rmaps_base_oversubscribe=1 OMPI_MCA_btl_vader_single_copy_mechanism=none
ranks=
args=()
for a in "$@"; do
  case $a in
    --ranks=*) ranks=${a#--ranks=} ;;
    *) args+=("$a") ;;
  esac
done
if [ -z "$ranks" ]; then
  exec "${args[@]}"
fi
exec "$mpiexec" "$numproc_flag" "$ranks" "${args[@]}"
