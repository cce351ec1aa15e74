# --restart latest: picks the newest complete checkpoint, and falls back past
# a truncated newest file, an incomplete one (no completeness mark) and a
# .tmp, naming each with the reason; the continuation is bit-identical.
source "$(dirname "$0")/lib.sh"
D="$DECKS/blast.yaml"

run 2 ref.log run "$D" --output-dir ref --set time.nlim=17
run 2 a.log run "$D" --output-dir out --set checkpoint.every_steps=5 --set time.nlim=15
ls out/blast_chk_000015.h5 >/dev/null || fail "no checkpoint at step 15"

# Damaged files above it: truncated, incomplete, unfinished.
cp out/blast_chk_000015.h5 out/blast_chk_000025.h5
truncate -s $(($(stat -c %s out/blast_chk_000025.h5) / 2)) out/blast_chk_000025.h5
cp out/blast_chk_000015.h5 out/blast_chk_000020.h5
"$H5_TAMPER" drop-attr out/blast_chk_000020.h5 complete
cp out/blast_chk_000015.h5 out/blast_chk_000030.h5.tmp

run 3 b.log run "$D" --output-dir out --restart latest --set time.nlim=17
expect_grep "restart from out/blast_chk_000015.h5: step 15" b.log
expect_grep "skipping out/blast_chk_000030.h5.tmp: a temporary file" b.log
expect_grep "skipping out/blast_chk_000025.h5: unreadable" b.log
expect_grep "skipping out/blast_chk_000020.h5: incomplete" b.log
expect_eq "digest after the fallback restart" "$(digest_of b.log)" "$(digest_of ref.log)"

# The damaged files were this run's, after the restart step: moved aside, not deleted.
expect_grep "moved 3 file(s) into out/superseded/" b.log
for f in blast_chk_000020.h5 blast_chk_000025.h5 blast_chk_000030.h5.tmp; do
  [ ! -e out/$f ] || fail "$f is still in out/"
  ls out/superseded/*/$f >/dev/null || fail "$f was not moved into out/superseded/"
done

# With the newer good file there, latest takes it (and warns about nothing
# below the damaged ones).
run 1 c.log run "$D" --output-dir out --restart latest --set time.nlim=19
expect_grep "restart from out/blast_chk_000017.h5: step 17" c.log
if grep -q "skipping" c.log; then fail "unexpected warning: $(grep skipping c.log)"; fi
echo "restart latest: OK"
