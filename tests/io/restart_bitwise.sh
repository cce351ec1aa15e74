# Restart bit-identity: a run stopped at step 7 and continued on another rank
# count ends with the digest of the uninterrupted run, for 1->2, 2->3, 4->1
# and 3->4 ranks, on 38 columns (uneven on 3 and 4 ranks): through each
# transfer mode with outflow boundaries (blast), and collectively with
# periodic ones (shear). The three modes write checkpoints whose data have
# the same digest (and, with h5diff, the same values).
source "$(dirname "$0")/lib.sh"

for deck in blast shear; do
  modes="collective independent serial"
  [ $deck = shear ] && modes=collective
  run 2 ref_$deck.log run "$DECKS/$deck.yaml" --output-dir ref_$deck
  ref=$(digest_of ref_$deck.log)
  steps=$(awk '/^summary:/ {gsub(",", "", $3); print $3}' ref_$deck.log)
  [ "$steps" -gt 10 ] || fail "$deck: only $steps steps"
  echo "$deck: uninterrupted digest $ref after $steps steps"
  for mode in $modes; do
    for pair in 1:2 2:3 4:1 3:4; do
      a=${pair%:*} b=${pair#*:} out=${deck}_${mode}_${a}to${b}
      run "$a" $out.first.log run "$DECKS/$deck.yaml" --output-dir $out \
        --set io.mode=$mode --set time.nlim=7
      [ -f $out/${deck}_chk_000007.h5 ] || fail "$out: no checkpoint at step 7"
      run "$b" $out.second.log run "$DECKS/$deck.yaml" --output-dir $out \
        --set io.mode=$mode --restart $out/${deck}_chk_000007.h5
      expect_grep "written on $a rank(s)" $out.second.log
      expect_eq "$deck $mode $a->$b digest" "$(digest_of $out.second.log)" "$ref"
    done
    # The digest recomputed from the step-7 data: the same in every mode.
    "$BIN" inspect ${deck}_${mode}_3to4/${deck}_chk_000007.h5 >inspect_${deck}_$mode.log
    d=$(sed -n 's/^state digest .*recomputed \([0-9a-f]\{16\}\): match$/\1/p' inspect_${deck}_$mode.log)
    [ -n "$d" ] || { cat inspect_${deck}_$mode.log >&2; fail "inspect $deck $mode"; }
    echo "$d" >>digests_$deck.txt
  done
  [ "$(sort -u digests_$deck.txt | wc -l)" = 1 ] || fail "$deck: modes differ: $(cat digests_$deck.txt)"
  [ "$(wc -l <digests_$deck.txt)" = "$(echo $modes | wc -w)" ] || fail "$deck: digests missing"
done
if command -v h5diff >/dev/null; then  # and byte for byte
  h5diff blast_collective_3to4/blast_chk_000007.h5 blast_serial_3to4/blast_chk_000007.h5 /fields /fields ||
    fail "collective and serial checkpoints differ"
  h5diff blast_collective_3to4/blast_chk_000007.h5 blast_independent_3to4/blast_chk_000007.h5 /fields /fields ||
    fail "collective and independent checkpoints differ"
fi
echo "restart bit-identity: OK"
