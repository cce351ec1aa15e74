#!/usr/bin/env bash
# A bad deck, bad --set or impossible decomposition stops the run on 1 and 3
# ranks with exit code 1, without hanging, before anything is written, and
# prints exactly one error line: the expected message naming the key and where
# its value came from. The same for YAML of the wrong shape, duplicate keys
# and sections, output paths too long for the file system or for Open MPI's
# lockedfile component, MPI-IO hints too long for MPI (run and bench), meshes
# too large for memory or 32-bit indexing, initial states that cannot be
# evolved, an output directory that is a dangling symbolic link, and a deck
# that is a directory or too large. One kind runs instead: long_path_runs, a
# 250-character checkpoint path that must simply work.
# usage: deck_error.sh BINARY SOURCE_DIR SCRATCH KIND
source "$(dirname "$0")/../common/script_lib.sh"

KIND=${1:?kind}
RANKS=(1 3)
cp "$SRC/inputs/sod.yaml" "$SCRATCH/sod.yaml"
DECK=sod.yaml  # relative to $SCRATCH, where the runs start: messages say "sod.yaml:N"
SETS=()
# The output directory the runs are given (relative to $SCRATCH), and whether
# they get it through --output-dir (OUT_SET=0) or --set output.dir= (1: the
# message then names the --set, as the user wrote it).
OUT_DIR=out
OUT_SET=0
# COMMAND: the slabhydro subcommand ("bench" takes its own deck).
COMMAND=run
# EXPECT_RE: when set by expect_for, the error line must match this extended
# regex instead of being EXPECT (for values of this machine or huge lines).
EXPECT_RE=
# after_refusal NP: checks of a kind after the common ones (default: none).
after_refusal() { :; }

# pad_deck FILE BYTES: sod.yaml followed by comment lines, exactly BYTES long.
pad_deck() {
  local left
  cp "$SCRATCH/sod.yaml" "$1"
  while left=$(($2 - $(stat -c %s "$1"))) && [ "$left" -gt 0 ]; do
    if [ "$left" -gt 2000 ]; then
      printf '#%999s\n' '' >>"$1"  # 1001 bytes
    elif [ "$left" -ge 2 ]; then
      printf '#%*s\n' $((left - 2)) '' >>"$1"
    else
      printf '\n' >>"$1"
    fi
  done
  [ "$(stat -c %s "$1")" -eq "$2" ] || fail "pad_deck: $1 is $(stat -c %s "$1") bytes, not $2"
}

# word C N: N copies of the letter C.
word() { printf "%${2}s" '' | tr ' ' "$1"; }
# How messages quote what they name: a --set text longer than 100 characters
# as its first 60 and its length, a file name longer than 60 as its first 40
# and last 17 characters.
set_text() { if ((${#1} > 100)); then printf '%s...(%d characters)' "${1:0:60}" "${#1}"; else printf '%s' "$1"; fi; }
short_file() { if ((${#1} > 60)); then printf '%s...%s' "${1:0:40}" "${1: -17}"; else printf '%s' "$1"; fi; }
re_escape() { printf '%s' "$1" | sed 's/[][\\.*^$()+?{}|]/\\&/g'; }
NAME_MAX_HERE=$(getconf NAME_MAX "$SCRATCH")
PATH_MAX_HERE=$(getconf PATH_MAX "$SCRATCH")
# The name the length checks look at: a checkpoint's temporary file, with the
# writer tag as long as it can be (16 characters) and a step of 6 digits.
TMP_SUFFIX="_chk_000000.h5.$(word x 16).tmp"
# A relative output.dir whose checkpoint of step 2 (sod_chk_000002.h5) has a
# path of exactly 250 characters: 232 + 1 + 17.
LONG_DIR=$(word a 200)/$(word b 31)
# 17 nested directories of 250 characters: a path beyond PATH_MAX (4096).
DEEP_DIR=$(word p 250)
for _ in $(seq 2 17); do DEEP_DIR=$DEEP_DIR/$(word p 250); done
FLASHIO_SMALL=(--set bench.nx_per_rank=5 --set bench.ny=6 --set bench.ng=2 --set bench.repetitions=1)

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

  # --- YAML that parses but has the wrong shape (36bd2f0: "internal error",
  # a second document ignored, a message over two lines) ---
  sequence_as_section)
    # A sequence as a key of the deck: "? [a, b]\n: 1" after the sections.
    LINE=$(($(wc -l <"$SCRATCH/$DECK") + 1))
    printf '? [a, b]\n: 1\n' >>"$SCRATCH/$DECK"
    expect_for() { EXPECT="slabhydro: error: sod.yaml:$LINE: a section name must be a plain word, got '[a, b]'"; } ;;
  map_as_key)
    # A map as a key inside mesh:
    LINE=$(($(line_of "$SCRATCH/$DECK" '^mesh:') + 1))
    sed -i "$((LINE - 1))a\\  ? {a: 1}\\n  : 2" "$SCRATCH/$DECK"
    expect_for() { EXPECT="slabhydro: error: sod.yaml:$LINE: mesh: a key must be a plain name, got '{a: 1}'"; } ;;
  deck_is_sequence)
    # Its first node is on line 3, after two comment lines.
    printf '# a list, not a map\n\n- mesh\n- time\n' >"$SCRATCH/$DECK"
    expect_for() { EXPECT="slabhydro: error: sod.yaml:3: the deck must be a map of sections (mesh:, time:, hydro:, ...)"; } ;;
  document_stream)
    # A valid deck, then a second document that would change it.
    printf -- '---\nmesh: {nx: 16}\n' >>"$SCRATCH/$DECK"
    LINE=$(line_of "$SCRATCH/$DECK" '^---$')
    expect_for() { EXPECT="slabhydro: error: sod.yaml:$LINE: the deck holds more than one YAML document (separated by ---); it must be one map of sections"; } ;;
  sequence_value)
    # A block sequence where an integer is expected: shown on one line, at
    # the line of the value (below the key's).
    edit '^  nx: ' '  nx:\n    - 1\n    - 2'
    expect_for() { EXPECT="slabhydro: error: sod.yaml:$((LINE + 1)): mesh.nx: expected an integer, got '- 1 - 2'"; } ;;
  map_value)
    edit '^  nx: ' '  nx:\n    a: 1\n    b: 2'
    expect_for() { EXPECT="slabhydro: error: sod.yaml:$((LINE + 1)): mesh.nx: expected an integer, got 'a: 1 b: 2'"; } ;;
  duplicate_key)
    edit '^  nx: ' '  nx: 256\n  ny: 4\n  nx: 128'
    expect_for() { EXPECT="slabhydro: error: sod.yaml:$((LINE + 2)): mesh.nx: given twice (lines $LINE and $((LINE + 2))); keep one"; } ;;
  duplicate_section)
    FIRST=$(line_of "$SCRATCH/$DECK" '^mesh:')
    LINE=$(($(wc -l <"$SCRATCH/$DECK") + 1))
    printf 'mesh:\n  nx: 128\n' >>"$SCRATCH/$DECK"
    expect_for() { EXPECT="slabhydro: error: sod.yaml:$LINE: mesh: section given twice (lines $FIRST and $LINE); merge them into one"; } ;;

  # --- output paths ---
  long_path_lockedfile)
    # The checkpoint path of long_path_runs (250 characters), with OMPIO's
    # lockedfile component asked for: refused before any step
    # (36bd2f0: "buffer overflow detected", abort after the steps).
    export OMPI_MCA_sharedfp=lockedfile
    OUT_DIR=$LONG_DIR OUT_SET=1
    SETS=(--set time.nlim=2)
    expect_for() {
      EXPECT_RE="^slabhydro: error: --set $(re_escape "$(set_text "output.dir=$LONG_DIR")"): output\.dir: the run's files would be named like sod_chk_000000\.h5\.x{16}\.tmp: the path '$LONG_DIR/sod_chk_000000\.h5\.x{16}\.tmp' is $((${#LONG_DIR} + 4 + ${#TMP_SUFFIX})) characters; Open MPI's OMPIO \(shared-file-pointer component lockedfile\) aborts on paths longer than 244 on $1 rank(s|\(s\))? \(use a shorter output\.dir or output\.basename, or set OMPI_MCA_sharedfp=\^lockedfile, or io\.mode: serial\)$"
    } ;;
  basename_name_max)
    # 36bd2f0: "buffer overflow detected" after the steps.
    B=$(word n 300)
    SETS=(--set "output.basename=$B")
    expect_for() {
      EXPECT="slabhydro: error: --set $(set_text "output.basename=$B"): output.basename: the run's files would be named like $(short_file "${B}${TMP_SUFFIX}"): the file name '$(word n 40)...' is $((300 + ${#TMP_SUFFIX})) characters, longer than the $NAME_MAX_HERE the file system takes (NAME_MAX)"
    } ;;
  basename_huge)
    # 120 KB (one argument may hold 128 KiB). 36bd2f0: segmentation fault.
    B=$(word k 122880)
    SETS=(--set "output.basename=$B")
    expect_for() {
      EXPECT="slabhydro: error: --set $(set_text "output.basename=$B"): output.basename: the run's files would be named like $(short_file "${B}${TMP_SUFFIX}"): the file name '$(word k 40)...' is $((122880 + ${#TMP_SUFFIX})) characters, longer than the $NAME_MAX_HERE the file system takes (NAME_MAX)"
    } ;;
  path_max)
    # 36bd2f0: the header printed, then "cannot create directory", some of
    # the directories made.
    OUT_DIR=$DEEP_DIR OUT_SET=1
    expect_for() {
      EXPECT="slabhydro: error: --set $(set_text "output.dir=$DEEP_DIR"): output.dir: the run's files would be named like sod${TMP_SUFFIX}: the path is $((${#DEEP_DIR} + 4 + ${#TMP_SUFFIX})) characters, longer than the $((PATH_MAX_HERE - 1)) the system takes (PATH_MAX)"
    } ;;
  output_dir_dangling_symlink)
    # 36bd2f0: "cannot use output directory 'out': Not a directory".
    ln -s missing_target "$SCRATCH/out"
    expect_for() { EXPECT="slabhydro: error: cannot use output directory 'out': 'out' is a symbolic link to 'missing_target', which does not exist"; }
    after_refusal() {
      [ -L "$SCRATCH/out" ] && [ "$(readlink "$SCRATCH/out")" = missing_target ] ||
        fail "np $1: the symbolic link out -> missing_target changed"
      [ ! -e "$SCRATCH/missing_target" ] || fail "np $1: missing_target was created"
    } ;;

  # --- MPI-IO hints (36bd2f0: MPI_Info_set aborts the job after the steps) ---
  hint_key_long)
    K=$(word k 36)
    SETS=(--set "io.hints={$K: 1}")
    expect_for() { EXPECT="slabhydro: error: --set io.hints={$K: 1}: io.hints: the hint name '$K' is 36 characters; MPI takes at most 35 (MPI_MAX_INFO_KEY)"; }
    after_refusal() {  # the longest name MPI takes is taken
      run "$1" run "$DECK" --output-dir "ok_35_np$1" --set "io.hints={$(word k 35): 1}" --set time.nlim=2
      [ "$RC" -eq 0 ] || { echo "$OUT"; fail "np $1: a hint name of 35 characters is refused (exit code $RC)"; }
    } ;;
  hint_value_long)
    V=$(word v 256)
    SETS=(--set "io.hints={striping_unit: $V}")
    expect_for() { EXPECT="slabhydro: error: --set $(set_text "io.hints={striping_unit: $V}"): io.hints: the value of the hint 'striping_unit' is 256 characters; MPI takes at most 255 (MPI_MAX_INFO_VAL)"; }
    after_refusal() {
      run "$1" run "$DECK" --output-dir "ok_255_np$1" --set "io.hints={slabhydro_test_hint: $(word v 255)}" --set time.nlim=2
      [ "$RC" -eq 0 ] || { echo "$OUT"; fail "np $1: a hint value of 255 characters is refused (exit code $RC)"; }
    } ;;
  hint_value_empty)
    SETS=(--set "io.hints={cb_nodes: ''}")
    expect_for() { EXPECT="slabhydro: error: --set io.hints={cb_nodes: ''}: io.hints: the hint 'cb_nodes' has an empty value"; } ;;
  bench_hint_key_long)
    cp "$SRC/inputs/flashio.yaml" "$SCRATCH/flashio.yaml"
    COMMAND=bench DECK=flashio.yaml
    K=$(word k 40)
    SETS=("${FLASHIO_SMALL[@]}" --set "io.hints={$K: 1}")
    expect_for() { EXPECT="slabhydro: error: --set io.hints={$K: 1}: io.hints: the hint name '$K' is 40 characters; MPI takes at most 35 (MPI_MAX_INFO_KEY)"; } ;;
  bench_hint_value_long)
    cp "$SRC/inputs/flashio.yaml" "$SCRATCH/flashio.yaml"
    COMMAND=bench DECK=flashio.yaml
    V=$(word v 300)
    SETS=("${FLASHIO_SMALL[@]}" --set "io.hints={cb_buffer_size: $V}")
    expect_for() { EXPECT="slabhydro: error: --set $(set_text "io.hints={cb_buffer_size: $V}"): io.hints: the value of the hint 'cb_buffer_size' is 300 characters; MPI takes at most 255 (MPI_MAX_INFO_VAL)"; } ;;
  bench_hint_value_empty)
    cp "$SRC/inputs/flashio.yaml" "$SCRATCH/flashio.yaml"
    COMMAND=bench DECK=flashio.yaml
    SETS=("${FLASHIO_SMALL[@]}" --set "io.hints={cb_nodes: ''}")
    expect_for() { EXPECT="slabhydro: error: --set io.hints={cb_nodes: ''}: io.hints: the hint 'cb_nodes' has an empty value"; } ;;

  # --- meshes too large (checked before anything is allocated) ---
  mesh_memory)
    # Slabs that 32-bit indexing allows (23160 x 23160 zones per rank, ~96 GiB
    # each) on 1 and 2 ranks of this node. 36bd2f0: "internal error ...
    # Kokkos failed to allocate" (or the kernel's OOM killer). A cap on
    # virtual memory keeps a regression from taking the machine's memory:
    # every array of these slabs is larger than it.
    RANKS=(1 2)
    ulimit -v 8388608
    avail_kb=$(awk '/^MemAvailable:/ {print $2}' /proc/meminfo)
    if [ "${avail_kb:-0}" -ge $((80 * 1024 * 1024)) ]; then
      echo "SKIP: this machine has ${avail_kb} kB of memory available: a mesh too large for it is too large for 32-bit indexing"
      exit 77
    fi
    expect_for() {
      local nx=$((23160 * $1))
      SETS=(--set mesh.nx=$nx --set mesh.ny=23160)
      EXPECT_RE="^slabhydro: error: mesh\.nx x mesh\.ny = $nx x 23160 \(--set mesh\.nx=$nx\): the $1 rank\(s\) on this node need [0-9]+ bytes \([0-9.]+ GiB\) for their slabs, and [0-9]+ bytes \([0-9.]+ GiB\) of memory are available; use more nodes \(ranks\) or a smaller mesh$"
    }
    after_refusal() {  # the numbers: need > available, need ~ 190 bytes a zone
      local need avail
      read -r need avail < <(printf '%s\n' "$OUT" | sed -n 's/.* need \([0-9]*\) bytes .* and \([0-9]*\) bytes .*/\1 \2/p')
      [ "$need" -gt "$avail" ] || fail "np $1: need $need bytes, available $avail"
      [ "$need" -gt $((150 * 23160 * 23160 * $1)) ] || fail "np $1: $need bytes for $1 x 23160 x 23160 zones"
    } ;;
  mesh_int_index)
    # 30000 x 30000 zones per rank: 4 x 30004 x 30005 values, beyond 2^31.
    # 36bd2f0: one message on 1 rank, MPI_ABORT on 2. No memory is needed.
    RANKS=(1 2)
    expect_for() {
      local nx=$((30000 * $1))
      SETS=(--set mesh.nx=$nx --set mesh.ny=30000)
      EXPECT="slabhydro: error: mesh.nx x mesh.ny = $nx x 30000 (--set mesh.nx=$nx): a slab of 30000 x 30000 zones on $1 rank(s) holds 3601080080 values per array; slabhydro indexes a slab with 32-bit ints (at most 2^31): use more ranks or a smaller mesh"
    } ;;

  # --- an initial state that cannot be evolved: refused before any file ---
  gamma_dt_zero)
    # gamma p overflows while p / (gamma - 1) does not: a sound speed of inf
    # and dt = 0. 36bd2f0 (as with hydro.gamma=1e300): run_status written,
    # then "... at step 1, time 0; the run stops here (try a smaller hydro.cfl ...)".
    cp "$SRC/inputs/sedov.yaml" "$SCRATCH/sedov.yaml"
    DECK=sedov.yaml
    SETS=(--set hydro.gamma=100 --set problem.p_ambient=1e307)
    expect_for() { EXPECT="slabhydro: error: the initial state gives a time step dt = 0, which does not advance the time: the state holds extreme values; check hydro.gamma and the problem.* values (nothing was written)"; } ;;
  gamma_range)
    # 36bd2f0: run_status written, then "... at step 0, time 0; the run stops
    # here (try a smaller hydro.cfl ...)".
    cp "$SRC/inputs/sedov.yaml" "$SCRATCH/sedov.yaml"
    DECK=sedov.yaml
    SETS=(--set hydro.gamma=1.7e308)
    expect_for() { EXPECT="slabhydro: error: --set hydro.gamma=1.7e308: hydro.gamma: must be in (1, 100], got 1.7e+308"; } ;;
  sod_initial_state)
    # p = 1e308 on the left: its energy p / (gamma - 1) overflows.
    SETS=(--set problem.pl=1e308)
    expect_for() { EXPECT="slabhydro: error: zone (i, j) = (0, 0) has a negative or non-finite density or pressure in the initial state; check hydro.gamma and the problem.* values (nothing was written)"; } ;;

  # --- the deck file itself ---
  deck_is_directory)
    # 36bd2f0: "deckdir: mesh.nx: required key is missing".
    mkdir "$SCRATCH/deckdir"
    DECK=deckdir
    expect_for() { EXPECT="slabhydro: error: cannot read deck 'deckdir': a directory, expected a YAML file"; } ;;
  deck_too_large)
    # 36bd2f0: read whole, and run. 1 MiB + 1 byte is refused; 1 MiB runs.
    pad_deck "$SCRATCH/big.yaml" 1048577
    pad_deck "$SCRATCH/max.yaml" 1048576
    DECK=big.yaml
    expect_for() { EXPECT="slabhydro: error: deck 'big.yaml' is larger than 1048576 bytes; a deck is a short YAML file"; }
    after_refusal() {
      run "$1" run max.yaml --output-dir "ok_max_np$1" --set time.nlim=0
      [ "$RC" -eq 0 ] || { echo "$OUT"; fail "np $1: a deck of 1048576 bytes is refused (exit code $RC)"; }
    } ;;

  # --- a long path that works: no refusal, a checkpoint ---
  long_path_runs)
    # 36bd2f0: "buffer overflow detected" in OMPIO's lockedfile component,
    # abort after the steps. Now lockedfile is left out unless asked for.
    unset OMPI_MCA_sharedfp
    for np in "${RANKS[@]}"; do
      rm -rf "$SCRATCH/${LONG_DIR%%/*}"
      run "$np" run "$DECK" --set "output.dir=$LONG_DIR" --set time.nlim=2
      echo "--- $KIND, np $np: exit code $RC"
      echo "$OUT"
      [ "$RC" -eq 0 ] || fail "np $np: exit code $RC, expected 0"
      chk=$LONG_DIR/sod_chk_000002.h5
      [ "${#chk}" -eq 250 ] || fail "the checkpoint path is ${#chk} characters, meant 250"
      [ -f "$SCRATCH/$chk" ] || fail "np $np: no checkpoint $chk"
      [ "$(count_prefixed "checkpoint $chk: ")" -eq 1 ] || fail "np $np: no 'checkpoint $chk:' line"
      printf '%s\n' "$OUT" | grep -q 'slabhydro: error' && fail "np $np: an error line"
      (cd "$SCRATCH" && timeout "$RUN_TIMEOUT" "$BIN" inspect "$chk") >"$SCRATCH/inspect.log" 2>&1 ||
        { cat "$SCRATCH/inspect.log"; fail "np $np: slabhydro inspect $chk failed"; }
    done
    echo "PASS: $KIND on ${RANKS[*]} ranks"
    exit 0 ;;
  *) fail "unknown kind $KIND" ;;
esac

TOP=${OUT_DIR%%/*}  # the first directory the run would make
for np in "${RANKS[@]}"; do
  expect_for "$np"
  [ -L "$SCRATCH/$TOP" ] || rm -rf "${SCRATCH:?}/$TOP"
  if [ "$OUT_SET" = 1 ]; then
    OUT_ARGS=(--set "output.dir=$OUT_DIR")
  else
    OUT_ARGS=(--output-dir "$OUT_DIR")
  fi
  run "$np" "$COMMAND" "$DECK" "${OUT_ARGS[@]}" "${SETS[@]}"
  echo "--- $KIND, np $np: exit code $RC"
  if [ "${#OUT}" -gt 20000 ]; then echo "${OUT:0:2000} [... ${#OUT} characters]"; else echo "$OUT"; fi
  [ "$RC" -eq 1 ] || fail "np $np: exit code $RC, expected 1"
  if [ -n "$EXPECT_RE" ]; then
    n=$(printf '%s\n' "$OUT" | grep -cE -- "$EXPECT_RE")
    [ "$n" -eq 1 ] || fail "np $np: a line matching
  $EXPECT_RE
appears $n times, expected once"
  elif [[ "$EXPECT" == *'*' ]]; then  # a prefix
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
  # Nothing written: the output directory is not even made (a dangling
  # symbolic link there stays one: -e follows it).
  [ ! -e "$SCRATCH/$TOP" ] || fail "np $np: $TOP/ was made (holding: $(ls -A "$SCRATCH/$TOP" | head -c 300))"
  after_refusal "$np"
  if [ "$KIND" = too_many_ranks ] || [ "$KIND" = narrow_slab ]; then
    [[ "$OUT" =~ use\ at\ most\ ([0-9]+)\ ranks ]] || fail "np $np: no rank count advised"
    k=${BASH_REMATCH[1]}
    run "$k" run "$DECK" --output-dir "out_advised_$np" "${SETS[@]}" --set time.nlim=0
    [ "$RC" -eq 0 ] || { echo "$OUT"; fail "np $np: the advised $k ranks do not run (exit code $RC)"; }
    echo "--- the advised $k ranks run"
  fi
done
echo "PASS: $KIND on ${RANKS[*]} ranks"
