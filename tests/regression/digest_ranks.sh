#!/usr/bin/env bash
# The same deck on 1, 2, 3 and 4 ranks prints the same `state digest:` line.
# usage: digest_ranks.sh BINARY SOURCE_DIR SCRATCH DECK [--set key=value]...
# nx = 70 is divided by neither 3 nor 4, so the slabs are uneven. The digest
# must also differ from the initial state's (the steps changed something)
# and the summary must report the steps asked for. The conserved totals
# (summed column by column in global order) must agree too, and more guard
# cells than the scheme needs (mesh.ng = 3) must change nothing.
source "$(dirname "$0")/../common/script_lib.sh"

DECK=${1:?deck name}
shift
DECK_PATH="$SRC/inputs/$DECK.yaml"
[ -f "$DECK_PATH" ] || fail "no deck $DECK_PATH"
NSTEPS=25
COMMON=(run "$DECK_PATH" --set output.progress_interval=1000 "$@")

digest_of_output() {
  local lines
  lines=$(printf '%s\n' "$OUT" | grep -E '^state digest: [0-9a-f]{16}$')
  [ "$(printf '%s\n' "$lines" | grep -c .)" -eq 1 ] || { echo "$OUT" >&2; fail "expected one state digest line"; }
  printf '%s\n' "${lines#state digest: }"
}

# Each run writes into a directory of its own (runs do not overwrite output).
run 1 "${COMMON[@]}" --output-dir "$SCRATCH/out_initial" --set time.nlim=0
[ "$RC" -eq 0 ] || { echo "$OUT" >&2; fail "np 1, nlim 0: exit code $RC"; }
initial=$(digest_of_output)

totals_of_output() {
  printf '%s\n' "$OUT" | grep -E '^ *conserved totals:' || { echo "$OUT" >&2; fail "no conserved totals line"; }
}

reference=""
ref_totals=""
for np in 1 2 3 4; do
  run "$np" "${COMMON[@]}" --output-dir "$SCRATCH/out_np$np" --set time.nlim=$NSTEPS
  [ "$RC" -eq 0 ] || { echo "$OUT" >&2; fail "np $np: exit code $RC"; }
  printf '%s\n' "$OUT" | grep -q "^summary: step $NSTEPS, .* on $np rank(s)$" ||
    { echo "$OUT" >&2; fail "np $np: no summary of $NSTEPS steps on $np rank(s)"; }
  d=$(digest_of_output)
  t=$(totals_of_output)
  echo "$DECK $* np $np: state digest $d"
  if [ -z "$reference" ]; then
    reference=$d
    ref_totals=$t
    [ "$d" != "$initial" ] || fail "the digest after $NSTEPS steps equals the initial one ($d)"
  else
    [ "$d" == "$reference" ] || fail "np $np gives state digest $d, np 1 gives $reference"
    [ "$t" == "$ref_totals" ] || fail "np $np gives totals
$t
np 1 gives
$ref_totals"
  fi
done

run 3 "${COMMON[@]}" --output-dir "$SCRATCH/out_ng3" --set time.nlim=$NSTEPS --set mesh.ng=3
[ "$RC" -eq 0 ] || { echo "$OUT" >&2; fail "np 3, ng 3: exit code $RC"; }
d=$(digest_of_output)
[ "$d" == "$reference" ] || fail "mesh.ng = 3 gives state digest $d, ng = 2 gives $reference"
echo "PASS: $DECK on 1-4 ranks: state digest $reference"
