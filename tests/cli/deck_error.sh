#!/usr/bin/env bash
# A bad deck, bad --set or impossible decomposition stops the run on 1 and 3
# ranks with exit code 1, without hanging, before anything is written, and
# prints exactly one error line: the expected message naming the key and where
# its value came from.
# usage: deck_error.sh BINARY SOURCE_DIR SCRATCH KIND
source "$(dirname "$0")/../common/script_lib.sh"

KIND=${1:?kind}
RANKS=(1 3)
cp "$SRC/inputs/sod.yaml" "$SCRATCH/sod.yaml"
DECK=sod.yaml  # relative to $SCRATCH, where the runs start: messages say "sod.yaml:N"
SETS=()

# edit REGEX REPLACEMENT: replaces the one line matching REGEX in the deck and
# sets LINE to its number.
edit() {
  LINE=$(line_of "$SCRATCH/$DECK" "$1")
  [ -n "$LINE" ] || fail "no line matching '$1' in $DECK"
  sed -i "${LINE}s/.*/$2/" "$SCRATCH/$DECK"
}

# expect_for NP: sets EXPECT, the whole error line expected on NP ranks (or
# its beginning followed by '*').
case "$KIND" in
  missing_file)
    DECK=no_such_deck.yaml
    expect_for() { EXPECT="slabhydro: error: cannot open deck 'no_such_deck.yaml': No such file or directory"; } ;;
  malformed_yaml)
    edit '^  ny: ' '   ny: 4'  # one space too many: not a key of mesh
    # The parser's own words after "malformed YAML: " are yaml-cpp's.
    expect_for() { EXPECT="slabhydro: error: sod.yaml:$LINE: malformed YAML: *"; } ;;
  unknown_key)
    edit '^  cfl: ' '  cfll: 0.4'
    expect_for() { EXPECT="slabhydro: error: sod.yaml:$LINE: hydro.cfll: unknown key; did you mean hydro.cfl?"; } ;;
  unknown_section)
    edit '^hydro:' 'hydr:'
    expect_for() { EXPECT="slabhydro: error: sod.yaml:$((LINE + 1)): hydr.gamma: unknown key; did you mean hydro.gamma?"; } ;;
  wrong_type)
    edit '^  nx: ' '  nx: abc'
    expect_for() { EXPECT="slabhydro: error: sod.yaml:$LINE: mesh.nx: expected an integer, got 'abc'"; } ;;
  out_of_range)
    edit '^  cfl: ' '  cfl: 1.5'
    expect_for() { EXPECT="slabhydro: error: sod.yaml:$LINE: hydro.cfl: must be in (0, 1], got 1.5"; } ;;
  missing_required)
    edit '^  tlim: ' '  nlim: 10'
    expect_for() { EXPECT="slabhydro: error: sod.yaml: time.tlim: required key is missing"; } ;;
  periodic_pair)
    edit '^  x2_outer: ' '  x2_outer: outflow'
    expect_for() { EXPECT="slabhydro: error: sod.yaml:$LINE: boundary.x2_outer: periodic boundaries come in pairs: boundary.x2_inner is periodic but boundary.x2_outer is outflow"; } ;;
  set_unknown_key)
    SETS=(--set hydro.cfll=0.3)
    expect_for() { EXPECT="slabhydro: error: --set hydro.cfll=0.3: hydro.cfll: unknown key; did you mean hydro.cfl?"; } ;;
  set_wrong_type)
    SETS=(--set mesh.nx=abc)
    expect_for() { EXPECT="slabhydro: error: --set mesh.nx=abc: mesh.nx: expected an integer, got 'abc'"; } ;;
  set_out_of_range)
    SETS=(--set hydro.cfl=1.5)
    expect_for() { EXPECT="slabhydro: error: --set hydro.cfl=1.5: hydro.cfl: must be in (0, 1], got 1.5"; } ;;
  set_no_value)
    SETS=(--set hydro.cfl)
    expect_for() { EXPECT="slabhydro: error: --set hydro.cfl: expected --set section.key=value"; } ;;
  too_many_ranks)
    # The message names both numbers, and its advice ("use at most K ranks")
    # is followed below: K ranks must run (tests/unit/test_slab_range.cpp
    # checks that K is the largest such count).
    RANKS=(3 4)
    expect_for() {
      SETS=(--set mesh.nx=$(($1 - 1)))
      EXPECT="slabhydro: error: mesh.nx: $(($1 - 1)) columns cannot be cut into $1 slabs (one per rank)*"
    } ;;
  narrow_slab)
    # nx = 2 np - 1: the narrowest slab has 1 column, fewer than ng = 2.
    RANKS=(3 4)
    expect_for() {
      SETS=(--set mesh.nx=$((2 * $1 - 1)))
      EXPECT="slabhydro: error: mesh.nx: with $1 ranks the narrowest slab has 1 columns, fewer than mesh.ng = 2 guard cells*"
    } ;;
  mesh_below_ng)
    # nx = 1 < ng = 2: no rank count helps.
    SETS=(--set mesh.nx=1)
    expect_for() { EXPECT="slabhydro: error: mesh.nx: 1 columns are fewer than mesh.ng = 2 guard cells*"; } ;;
  bad_option)
    expect_for() { EXPECT="slabhydro: error: unknown option '--frobnicate' (see slabhydro --help)"; }
    SETS=(--frobnicate) ;;
  *) fail "unknown kind $KIND" ;;
esac

for np in "${RANKS[@]}"; do
  expect_for "$np"
  rm -rf "$SCRATCH/out"
  run "$np" run "$DECK" --output-dir out "${SETS[@]}"
  echo "--- $KIND, np $np: exit code $RC"
  echo "$OUT"
  [ "$RC" -eq 1 ] || fail "np $np: exit code $RC, expected 1"
  if [[ "$EXPECT" == *'*' ]]; then  # a prefix
    n=$(count_prefixed "${EXPECT%'*'}")
    [ "$n" -eq 1 ] || fail "np $np: a line starting
  ${EXPECT%'*'}
appears $n times, expected once"
  else
    n=$(count_lines "$EXPECT")
    [ "$n" -eq 1 ] || fail "np $np: the line
  $EXPECT
appears $n times, expected once"
  fi
  nerr=$(printf '%s\n' "$OUT" | grep -c 'slabhydro: error')
  [ "$nerr" -eq 1 ] || fail "np $np: $nerr error lines, expected 1"
  printf '%s\n' "$OUT" | grep -q -e '^summary:' -e '^state digest:' -e '^step ' &&
    fail "np $np: the run started"
  [ ! -e "$SCRATCH/out" ] || [ -z "$(ls -A "$SCRATCH/out")" ] || fail "np $np: files written to out/"
  if [ "$KIND" = too_many_ranks ] || [ "$KIND" = narrow_slab ]; then
    [[ "$OUT" =~ use\ at\ most\ ([0-9]+)\ ranks ]] || fail "np $np: no rank count advised"
    k=${BASH_REMATCH[1]}
    run "$k" run "$DECK" --output-dir "out_advised_$np" "${SETS[@]}" --set time.nlim=0
    [ "$RC" -eq 0 ] || { echo "$OUT"; fail "np $np: the advised $k ranks do not run (exit code $RC)"; }
    echo "--- the advised $k ranks run"
  fi
done
echo "PASS: $KIND on ${RANKS[*]} ranks"
