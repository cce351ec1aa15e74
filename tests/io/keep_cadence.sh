# checkpoint.keep leaves exactly N files after N+2 checkpoints; the cadences
# by steps, simulated time and wall clock write where they should; plot
# files come with their .xmf; and writing output does not change the run.
source "$(dirname "$0")/lib.sh"
D="$DECKS/blast.yaml"

run 2 ref.log run "$D" --output-dir ref --set time.nlim=10

# every 2 steps up to step 10: 5 checkpoints (the final one is step 10's).
run 3 keep.log run "$D" --output-dir keep --set time.nlim=10 \
  --set checkpoint.every_steps=2 --set checkpoint.keep=3 --set plot.every_steps=4
expect_eq "checkpoints written" "$(grep -c '^checkpoint keep/' keep.log)" 5
expect_eq "checkpoints left" "$(cd keep && ls blast_chk_*.h5 | tr '\n' ' ')" \
  "blast_chk_000006.h5 blast_chk_000008.h5 blast_chk_000010.h5 "
expect_eq "old checkpoints removed" "$(grep -c '^removed keep/blast_chk_' keep.log)" 2
expect_eq "plot files (0, 4, 8, final 10)" "$(cd keep && ls blast_plt_*.h5 | tr '\n' ' ')" \
  "blast_plt_000000.h5 blast_plt_000004.h5 blast_plt_000008.h5 blast_plt_000010.h5 "
expect_eq "xdmf sidecars" "$(ls keep/blast_plt_*.xmf | wc -l)" 4
[ -z "$(ls keep | grep '\.tmp$' || true)" ] || fail "a .tmp file is left: $(ls keep)"
expect_eq "digest with output" "$(digest_of keep.log)" "$(digest_of ref.log)"
expect_grep "^checkpoint keep/blast_chk_000002.h5: [0-9]* bytes in [0-9.]* s (sync [0-9.]* s), [0-9.]* MiB/s" keep.log

# every 0.01 in simulated time up to tlim 0.04: at the first step end at or
# after 0.01, 0.02, 0.03, and the final one at 0.04.
run 2 time.log run "$D" --output-dir time --set checkpoint.every_time=0.01 --set checkpoint.keep=10
expect_eq "checkpoints by time" "$(ls time/blast_chk_*.h5 | wc -l)" 4
k=0
for f in time/blast_chk_*.h5; do
  k=$((k + 1))
  t=$("$BIN" inspect "$f" | awk '/^time/ {print $2}')
  awk -v t="$t" -v k="$k" 'BEGIN { exit !(t >= 0.01 * k - 1e-15 && t < 0.01 * k + 0.005) }' ||
    fail "checkpoint $k of every_time 0.01 is at time $t"
done
expect_eq "digest with time cadence" "$(digest_of time.log)" \
  "$(run 2 tref.log run "$D" --output-dir tref && digest_of tref.log)"

# every_wall: a tiny interval means a checkpoint at every step.
run 2 wall.log run "$D" --output-dir wall --set time.nlim=4 --set checkpoint.every_wall=1e-9 \
  --set checkpoint.keep=10
expect_eq "checkpoints by wall clock" "$(cd wall && ls blast_chk_*.h5 | tr '\n' ' ')" \
  "blast_chk_000001.h5 blast_chk_000002.h5 blast_chk_000003.h5 blast_chk_000004.h5 "
echo "keep and cadences: OK"
