#!/usr/bin/env bash
# A zone going bad (negative or non-finite density or pressure) stops the run
# with exit code 1 and one message naming the zone's global (i, j), the step
# and the time, without hanging, and the same message on 1 and 3 ranks (the
# first bad zone in global order). Provoked by the 2D Riemann problem at
# hydro.cfl 1 with the MC limiter, which fails within ~40 steps at 70 x 64.
source "$(dirname "$0")/../common/script_lib.sh"

ARGS=(run "$SRC/inputs/riemann2d.yaml" --set mesh.nx=70 --set mesh.ny=64 --set hydro.cfl=1
      --set hydro.limiter=mc --set time.nlim=400 --set output.progress_interval=1000)
first=""
for np in 1 3; do
  run "$np" "${ARGS[@]}" --output-dir "out_np$np"
  echo "--- np $np: exit code $RC"
  echo "$OUT"
  [ "$RC" -eq 1 ] || fail "np $np: exit code $RC, expected 1"
  lines=$(printf '%s\n' "$OUT" | grep 'slabhydro: error')
  [ "$(printf '%s\n' "$lines" | grep -c .)" -eq 1 ] || fail "np $np: expected one error line"
  [[ "$lines" =~ ^slabhydro:\ error:\ zone\ \(i,\ j\)\ =\ \(([0-9]+),\ ([0-9]+)\)\ has\ a\ negative\ or\ non-finite\ density\ or\ pressure\ at\ step\ ([0-9]+),\ time\ [0-9.e+-]+ ]] ||
    fail "np $np: unexpected message: $lines"
  i=${BASH_REMATCH[1]} j=${BASH_REMATCH[2]}
  [ "$i" -lt 70 ] && [ "$j" -lt 64 ] || fail "np $np: zone ($i, $j) is outside the 70 x 64 mesh"
  printf '%s\n' "$OUT" | grep -q -e '^summary:' -e '^state digest:' && fail "np $np: the run reported a summary"
  if [ -z "$first" ]; then first=$lines; elif [ "$lines" != "$first" ]; then
    fail "np $np reports
  $lines
np 1 reports
  $first"
  fi
done
echo "PASS"
