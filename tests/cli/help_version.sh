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
done
echo "PASS"
