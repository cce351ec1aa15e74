# What a restart may change: a changed mesh size, gamma, boundary or problem
# is refused naming the key and both values; a changed tlim works and gives
# the uninterrupted run's digest. A run never overwrites output it did not
# write unless --force; restarting from a missing or incomplete file fails.
source "$(dirname "$0")/lib.sh"
D="$DECKS/blast.yaml"
C=r/blast_chk_000006.h5

run 2 base.log run "$D" --output-dir r --set time.nlim=6
run_fails 3 nx.log run "$D" --output-dir r --restart $C --set mesh.nx=40
expect_grep "mesh.nx: the checkpoint $C has 38, the deck has 40" nx.log
expect_grep "set mesh.nx back to 38" nx.log
run_fails 2 gamma.log run "$D" --output-dir r --restart $C --set hydro.gamma=1.6
expect_grep "hydro.gamma: the checkpoint $C has 1.4, the deck has 1.6" gamma.log
run_fails 1 bc.log run "$D" --output-dir r --restart $C --set boundary.x2_inner=reflecting \
  --set boundary.x2_outer=reflecting
expect_grep "boundary.x2_inner: the checkpoint $C has 'outflow', the deck has 'reflecting'" bc.log
run_fails 2 dom.log run "$D" --output-dir r --restart $C --set mesh.x1max=0.75
expect_grep "mesh.x1max: the checkpoint $C has 0.5, the deck has 0.75" dom.log
run_fails 2 prob.log run "$D" --output-dir r --restart $C --set problem.name=sod
expect_grep "problem.name: the checkpoint $C has 'sedov', the deck has 'sod'" prob.log

# A longer run than the checkpoint's deck asked for, in another transfer mode
# and into another directory.
run 2 longref.log run "$D" --output-dir longref --set time.tlim=0.05
run 3 long.log run "$D" --output-dir r_long --restart $C --set time.tlim=0.05 --set io.mode=independent
expect_eq "digest after a restart with a changed tlim" "$(digest_of long.log)" "$(digest_of longref.log)"
expect_grep "^summary: step [0-9]*, time 5.0000000000e-02" long.log
ls r_long/blast_chk_*.h5 >/dev/null || fail "no final checkpoint in the new output directory"

# A fresh run into r would replace another run's checkpoints: refused, then
# forced, which moves them aside (nothing is deleted).
run_fails 2 fresh.log run "$D" --output-dir r
expect_grep "output directory 'r' holds r/blast_chk_000006.h5, output of 'blast' of a fresh run written by another run" fresh.log
expect_grep "pass --force to move it aside" fresh.log
old_sum=$(cksum <r/blast_chk_000006.h5)
run 2 forced.log run "$D" --output-dir r --force --set time.nlim=6
expect_grep "warning: --force: another run's output of a fresh run: moved 1 file(s) into r/superseded/" forced.log
expect_grep "^checkpoint r/blast_chk_000006.h5" forced.log
moved=$(ls r/superseded/*/blast_chk_000006.h5) || fail "--force: the other run's checkpoint is gone"
expect_eq "--force: the other run's checkpoint, moved aside" "$(cksum <"$moved")" "$old_sum"
C=r/blast_chk_000006.h5

# A restart from an earlier checkpoint of the same run supersedes its later
# output: moved aside, and the continuation is the uninterrupted run.
run 2 again.log run "$D" --output-dir r2 --set time.nlim=9 --set checkpoint.every_steps=3
run 2 back.log run "$D" --output-dir r2 --restart r2/blast_chk_000003.h5 --set time.nlim=9 \
  --set checkpoint.every_steps=3
expect_grep "moved 2 file(s) into r2/superseded/.*: blast_chk_000006.h5, blast_chk_000009.h5" back.log
expect_eq "digest after restarting from an earlier checkpoint" "$(digest_of back.log)" "$(digest_of again.log)"
# ... but a checkpoint of another run after the restart step is refused.
cp r/blast_chk_000006.h5 r2/blast_chk_000007.h5
run_fails 2 beyond.log run "$D" --output-dir r2 --restart r2/blast_chk_000003.h5
expect_grep "holds r2/blast_chk_000007.h5, output of 'blast' after the restart step 3 written by another run" beyond.log
[ -f r2/blast_chk_000007.h5 ] || fail "the refused run moved the other run's file"

# Nothing to restart from.
run_fails 2 none.log run "$D" --output-dir empty --restart latest
expect_grep "no usable checkpoint empty/blast_chk_NNNNNN.h5" none.log
run_fails 1 missing.log run "$D" --output-dir r --restart r/nope.h5
expect_grep "cannot restart from r/nope.h5: no such file" missing.log
cp $C inc.h5
"$H5_TAMPER" drop-attr inc.h5 complete
run_fails 2 inc.log run "$D" --output-dir r3 --restart inc.h5
expect_grep "inc.h5 is incomplete" inc.log
echo "restart rules: OK"
