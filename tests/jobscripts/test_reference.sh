#!/bin/bash
# The uninterrupted runs the other tests compare with: their state digests,
# stored in this test's scratch directory (a ctest fixture).
# shellcheck source=lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

run_ref 2 "$SCRATCH/small.log" "$SEDOV" --output-dir "$SCRATCH/small" "${SMALL[@]}"
run_ref 2 "$SCRATCH/big.log" "$SEDOV" --output-dir "$SCRATCH/big" "${BIG[@]}"
[ "$(status_of "$SCRATCH/small" state)" = complete ] || fail "small run: run_status is not complete"
[ "$(status_of "$SCRATCH/small" reason)" = tlim ] || fail "small run: run_status reason is not tlim"
digest_of "$SCRATCH/small.log" >"$SCRATCH/small.digest"
digest_of "$SCRATCH/big.log" >"$SCRATCH/big.digest"
pass "small $(cat "$SCRATCH/small.digest") ($(status_of "$SCRATCH/small" step) steps), big $(cat "$SCRATCH/big.digest") ($(status_of "$SCRATCH/big" step) steps)"
