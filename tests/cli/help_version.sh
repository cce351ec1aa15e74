#!/usr/bin/env bash
# --help and --version: exit code 0, printed once even on several ranks.
source "$(dirname "$0")/../common/script_lib.sh"

for np in 1 2; do
  run "$np" --help
  [ "$RC" -eq 0 ] || { echo "$OUT" >&2; fail "--help on $np ranks: exit code $RC"; }
  [ "$(printf '%s\n' "$OUT" | grep -c '^usage:')" -eq 1 ] || { echo "$OUT" >&2; fail "--help on $np ranks: usage not printed once"; }
  [[ "$OUT" == *"slabhydro run DECK"* ]] || fail "--help does not show the run command"
  run "$np" --version
  [ "$RC" -eq 0 ] || fail "--version on $np ranks: exit code $RC"
  [ "$(printf '%s\n' "$OUT" | grep -cE '^slabhydro [0-9]+\.[0-9]+\.[0-9]+')" -eq 1 ] ||
    { echo "$OUT" >&2; fail "--version on $np ranks: version not printed once"; }
  for field in "commit" "build" "backend     Kokkos " "concurrency" "loop policy" \
               "HDF5        " "filters: deflate" "MPI         "; do
    [ "$(printf '%s\n' "$OUT" | grep -cF -- "$field")" -eq 1 ] ||
      { echo "$OUT" >&2; fail "--version on $np ranks: '$field' not printed once"; }
  done
done
# The HDF5 and MPI versions are the ones the binary runs with.
run 1 --version
h5=$(sed -n 's/^  HDF5 *\([0-9.]*\).*/\1/p' <<<"$OUT")
if command -v h5cc >/dev/null 2>&1 || command -v h5pcc >/dev/null 2>&1; then
  want=$( (h5pcc -showconfig 2>/dev/null || h5cc -showconfig) | sed -n 's/^ *HDF5 Version: *//p')
  [ -z "$want" ] || [ "$h5" = "$want" ] || fail "--version says HDF5 $h5, the library is $want"
fi
[[ "$OUT" == *"(parallel)"* ]] || { echo "$OUT" >&2; fail "--version: HDF5 not reported parallel"; }
# The MPI thread level provided: MPI_THREAD_MULTIPLE as asked, or what
# SLABHYDRO_MPI_THREAD asked for instead.
[[ "$OUT" == *", MPI_THREAD_MULTIPLE"* ]] || { echo "$OUT" >&2; fail "--version: thread level not MPI_THREAD_MULTIPLE"; }
SLABHYDRO_MPI_THREAD=funneled run 1 --version
[[ "$OUT" == *", MPI_THREAD_FUNNELED"* ]] || { echo "$OUT" >&2; fail "--version: SLABHYDRO_MPI_THREAD=funneled not reported"; }
echo "PASS"
