# The history file BASENAME.hst: a lineage line, a column line, a row every
# output.history_every steps and at the end; the same rows on 1, 2 and 3
# ranks; a restart (on another rank count) keeps the rows up to its step and
# gives the uninterrupted rows; mass and energy of the periodic shear layer
# stay at their start to rounding; another run's history is refused, and
# --force moves it aside.
source "$(dirname "$0")/lib.sh"
H="--set output.history_every=4 --set checkpoint.every_steps=8 --set time.nlim=20"
rows() { tail -n +3 "$1"; }  # the rows, without the lineage and column lines

run 1 h1.log run "$DECKS/shear.yaml" --output-dir h1 $H
run 2 h2.log run "$DECKS/shear.yaml" --output-dir h2 $H
run 3 h3.log run "$DECKS/shear.yaml" --output-dir h3 $H
f=h1/shear.hst
[ -f $f ] || fail "no $f"
head -1 $f | grep -Eq '^# slabhydro history, lineage [0-9a-f]{32}$' || fail "lineage line: $(head -1 $f)"
expect_eq "column line" "$(sed -n 2p $f)" \
  "# [1]=step [2]=time [3]=dt [4]=mass [5]=momentum_x [6]=momentum_y [7]=energy [8]=digest"
expect_eq "steps" "$(rows $f | awk '{printf "%s ", $1}')" "0 4 8 12 16 20 "
expect_eq "columns per row" "$(rows $f | awk '{print NF}' | sort -u)" 8
rows h1/shear.hst >r1
rows h2/shear.hst >r2
rows h3/shear.hst >r3
cmp -s r1 r2 || fail "history differs between 1 and 2 ranks: $(diff r1 r2 | head -3)"
cmp -s r1 r3 || fail "history differs between 1 and 3 ranks: $(diff r1 r3 | head -3)"
expect_eq "last row's digest is the run's" "$(rows $f | tail -1 | awk '{print $8}')" "$(digest_of h1.log)"
# Periodic in x and y: mass and energy are conserved to rounding.
rows $f | awk 'NR == 1 {m = $4; e = $7}
  {dm = $4 - m; de = $7 - e; if (dm < 0) dm = -dm; if (de < 0) de = -de
   if (dm > 1e-12 * m || de > 1e-12 * e) {print "step " $1 ": mass " $4 " energy " $7; exit 1}}' ||
  fail "mass or energy drifted"

lineage3=$(head -1 h3/shear.hst)
# A restart from step 8 on 2 ranks, after a run that went on to 20: the rows
# up to 8 stay, the ones after are written again, identical.
run 2 r.log run "$DECKS/shear.yaml" --output-dir h3 $H --restart h3/shear_chk_000008.h5
rows h3/shear.hst >r3b
cmp -s r1 r3b || fail "history after the restart differs: $(diff r1 r3b | head -3)"
expect_eq "lineage kept after the restart" "$(head -1 h3/shear.hst)" "$lineage3"

# Another run's history: refused, and --force moves it aside.
mkdir -p other
cp h1/shear.hst other/
run_fails 2 o.log run "$DECKS/shear.yaml" --output-dir other $H
expect_grep "shear.hst" o.log
expect_grep "another run" o.log
cmp -s h1/shear.hst other/shear.hst || fail "the refused run changed the other history"
run 2 of.log run "$DECKS/shear.yaml" --output-dir other $H --force
[ "$(ls other/superseded/*/shear.hst | wc -l)" = 1 ] || fail "--force did not move shear.hst aside"
rows other/shear.hst >ro
cmp -s r1 ro || fail "history after --force differs"

# A FIFO where a restart expects its history: refused at once as not this
# run's (never read: the read would block), and --force moves it aside.
mkdir -p fifo
cp h1/shear_chk_000008.h5 fifo/
mkfifo fifo/shear.hst
rc=0
timeout 120 "$MPIEXEC" -n 2 "$BIN" run "$DECKS/shear.yaml" --output-dir fifo $H \
  --restart fifo/shear_chk_000008.h5 >fifo.log 2>&1 || rc=$?
[ "$rc" -ne 124 ] || fail "a restart hung on a FIFO history file"
[ "$rc" -ne 0 ] || fail "a restart accepted a FIFO as its history file"
expect_grep "shear.hst" fifo.log
run 2 fifof.log run "$DECKS/shear.yaml" --output-dir fifo $H --restart fifo/shear_chk_000008.h5 --force
[ -p "$(ls -d fifo/superseded/*/shear.hst)" ] || fail "--force did not move the FIFO aside"

# Off by default: no history file.
run 1 n.log run "$DECKS/shear.yaml" --output-dir none --set time.nlim=4
[ ! -e none/shear.hst ] || fail "a history file without output.history_every"
echo PASS
