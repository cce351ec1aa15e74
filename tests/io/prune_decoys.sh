# checkpoint.keep prunes only this run's own checkpoints: regular files named
# exactly <basename>_chk_%06d.h5 whose lineage is this run's. Decoys placed in
# the output directory before a restart (copies under names with more digits,
# a symbolic link and a directory named like old checkpoints, and another
# run's checkpoint named exactly like an older step of this one) are left as
# they were, byte for byte, while the run's own old checkpoints are pruned
# down to keep. A --force fresh run over another run's checkpoints moves them
# into OUTDIR/superseded/<time>/, same bytes, and deletes none of them.
source "$(dirname "$0")/lib.sh"
# set -e stops the script at a failed command: say which (-E: in functions too).
set -E
trap 'echo "FAIL: line $LINENO: exit code $? of: $BASH_COMMAND" >&2' ERR
D="$DECKS/blast.yaml"
LIMIT=${RUN_TIMEOUT:-300}  # bounds a run that hangs; no verdict depends on it
CK=(--set checkpoint.every_steps=2 --set checkpoint.keep=2)

# run_ok NP LOG ARGS...: slabhydro on NP ranks must exit 0 within LIMIT seconds.
run_ok() {
  local np=$1 log=$2 rc=0
  shift 2
  timeout -k 5 "$LIMIT" "$MPIEXEC" -n "$np" "$BIN" "$@" >"$log" 2>&1 || rc=$?
  [ "$rc" -eq 0 ] || { cat "$log" >&2; fail "slabhydro $* on $np rank(s): exit code $rc"; }
}

# describe PATH: its type and contents, for before/after comparisons (a
# symbolic link is not followed; a directory lists its files' checksums).
describe() {
  if [ -L "$1" ]; then
    echo "symlink -> $(readlink "$1")"
  elif [ -d "$1" ]; then
    echo "directory: $(cd "$1" && find . -type f -exec md5sum {} + | sort | tr '\n' ' ')"
  elif [ -f "$1" ]; then
    echo "file $(stat -c %s "$1") bytes $(md5sum <"$1" | cut -d' ' -f1)"
  else
    echo "missing"
  fi
}
# Exactly named regular checkpoints in a directory.
exact_checkpoints() {
  (cd "$1" && for f in blast_chk_[0-9][0-9][0-9][0-9][0-9][0-9].h5; do
    if [ -f "$f" ] && [ ! -L "$f" ]; then echo "$f"; fi
  done | tr '\n' ' ')
}
lineage_of() { "$BIN" inspect "$1" | awk '$1 == "lineage" { print $2 }'; }

# --- 1. a restart from step 6 to 12, keep 2, every 2 steps, among decoys ---
run_ok 2 a1.log run "$D" --output-dir out "${CK[@]}" --set time.nlim=6
expect_eq "run A to step 6 keeps" "$(exact_checkpoints out)" "blast_chk_000004.h5 blast_chk_000006.h5 "
# Another run of the same deck and basename: another lineage.
run_ok 1 other.log run "$D" --output-dir other --set checkpoint.every_steps=1 --set time.nlim=1

# The decoys, all at steps up to the restart step (later ones are a
# restart's to move aside). A symbolic link's target outside the directory
# is a checkpoint of run A: a prune that followed the link would delete it.
cp out/blast_chk_000004.h5 target.h5
DECOYS=(blast_chk_0000004.h5 blast_chk_000000000000000002.h5 blast_chk_00000000005.h5
        blast_chk_000002.h5 blast_chk_000003.h5 blast_chk_000001.h5)
cp out/blast_chk_000004.h5 out/blast_chk_0000004.h5               # 7 digits
cp out/blast_chk_000004.h5 out/blast_chk_000000000000000002.h5    # 18 digits
cp out/blast_chk_000006.h5 out/blast_chk_00000000005.h5           # 11 digits
ln -s ../target.h5 out/blast_chk_000002.h5                        # a symbolic link
mkdir out/blast_chk_000003.h5                                     # a directory
cp out/blast_chk_000004.h5 out/blast_chk_000003.h5/inside.h5
cp other/blast_chk_000001.h5 out/blast_chk_000001.h5              # another lineage
for f in "${DECOYS[@]}"; do describe "out/$f"; done >decoys.before
describe target.h5 >target.before
cat decoys.before

run_ok 2 a2.log run "$D" --output-dir out "${CK[@]}" --set time.nlim=12 --restart latest
expect_grep "^restart from out/blast_chk_000006.h5: step 6" a2.log
for f in "${DECOYS[@]}"; do describe "out/$f"; done >decoys.after
describe target.h5 >target.after
diff decoys.before decoys.after >&2 || fail "the decoys changed (above: before <, after >)"
diff target.before target.after >&2 || fail "the symbolic link's target changed"
# This run's own old checkpoints are pruned: 4, 6 (the first run's) and 8.
expect_eq "removed" "$(grep '^removed ' a2.log | tr '\n' '|')" \
  "removed out/blast_chk_000004.h5 (checkpoint.keep = 2)|removed out/blast_chk_000006.h5 (checkpoint.keep = 2)|removed out/blast_chk_000008.h5 (checkpoint.keep = 2)|"
expect_eq "exact checkpoints left" "$(exact_checkpoints out)" \
  "blast_chk_000001.h5 blast_chk_000010.h5 blast_chk_000012.h5 "
# The lineages: the other run's file is another's, step 12 is run A's.
LINEAGE=$(lineage_of out/blast_chk_000010.h5)
OTHER=$(lineage_of other/blast_chk_000001.h5)
[ -n "$LINEAGE" ] && [ -n "$OTHER" ] && [ "$LINEAGE" != "$OTHER" ] ||
  fail "lineages: run A '$LINEAGE', the other run '$OTHER'"
[ "$(lineage_of out/blast_chk_000001.h5)" = "$OTHER" ] || fail "the other run's checkpoint is not its own any more"
[ "$(lineage_of out/blast_chk_000012.h5)" = "$LINEAGE" ] || fail "step 12 is not run A's"
[ ! -e out/superseded ] || fail "the restart moved files aside: $(find out/superseded)"
if grep -q 'slabhydro: warning' a2.log; then cat a2.log >&2; fail "a warning in the restart"; fi
echo "restart with keep 2 among ${#DECOYS[@]} decoys: decoys untouched, own checkpoints 4, 6, 8 pruned"

# --- 2. --force, fresh, over another run's checkpoints 1..5 ---
run_ok 1 x.log run "$D" --output-dir forced --set checkpoint.every_steps=1 --set checkpoint.keep=10 \
  --set time.nlim=5
expect_eq "run X" "$(exact_checkpoints forced)" \
  "blast_chk_000001.h5 blast_chk_000002.h5 blast_chk_000003.h5 blast_chk_000004.h5 blast_chk_000005.h5 "
(cd forced && md5sum blast_chk_*.h5) >x.md5
run_ok 2 y.log run "$D" --output-dir forced --force "${CK[@]}" --set time.nlim=6
expect_grep "^slabhydro: warning: --force: another run's output of a fresh run: moved 5 file(s) into forced/superseded/" y.log
mapfile -t moved_dirs < <(find forced/superseded -mindepth 1 -maxdepth 1)
expect_eq "superseded directories" "${#moved_dirs[@]}" 1
(cd "${moved_dirs[0]}" && md5sum -c --quiet "$OLDPWD/x.md5") >&2 ||
  fail "run X's checkpoints in ${moved_dirs[0]} are not the ones it wrote"
expect_eq "files moved aside" "$(find "${moved_dirs[0]}" -type f | wc -l)" 5
# Run Y pruned its own step 2, nothing else.
expect_eq "removed by Y" "$(grep '^removed ' y.log | tr '\n' '|')" \
  "removed forced/blast_chk_000002.h5 (checkpoint.keep = 2)|"
expect_eq "run Y's checkpoints" "$(exact_checkpoints forced)" "blast_chk_000004.h5 blast_chk_000006.h5 "
x_lineage=$(lineage_of "${moved_dirs[0]}/blast_chk_000005.h5")
[ "$(lineage_of forced/blast_chk_000004.h5)" != "$x_lineage" ] || fail "run Y's step 4 has run X's lineage"
echo "--force over another run's 5 checkpoints: moved to ${moved_dirs[0]}, same bytes; own pruned to 2"
echo "PASS: prune_decoys"
