# A run killed with SIGKILL in the middle of its writes (every rank and
# mpiexec at once, as a node failure or the OOM killer would) is continued by
# --restart latest, in each transfer mode, to the state digest of an
# uninterrupted run; nothing of the killed run is lost.
#
# Each case: an endless run (tlim never reached, no nlim) with a plot file
# every step and a checkpoint every 5 steps, so that most of its time goes to
# writes; once its log has the K-th "checkpoint" line (K = 3, 4, 5) and then
# the "plot file" line of step 5 K + J (J = 0, 2, 4: the kill lands in a
# different place of the write cycle each time, whatever the machine's
# speed), kill -9 of all its ranks and of mpiexec. Then, planted as
# a crash can leave them too: a truncated copy of the newest checkpoint at a
# higher step and a writer's .tmp. `--restart latest --set time.nlim=N`
# (N = the newest complete checkpoint's step C + 7), on another rank count:
#  - exits 0 and restarts from step C (the newest complete checkpoint, which
#    is the last one the run reported, or one it had no time to report);
#  - skips, each with a warning, every checkpoint above C (planted and left by
#    the kill);
#  - moves every file of the basename above step C (later plot files and
#    sidecars, .tmp files, damaged checkpoints) into OUTDIR/superseded/<time>/
#    with one warning line naming them all, bytes unchanged; every other file
#    stays where it was, unchanged: nothing is deleted;
#  - afterwards OUTDIR holds above step C exactly what the restart wrote (plot
#    files C+1..N, checkpoints at multiples of 5 and at N), no .tmp;
#  - ends with the state digest of an uninterrupted run to step N.
# checkpoint.keep is large so that no checkpoint is pruned: every file the
# killed run left can be accounted for.
source "$(dirname "$0")/lib.sh"
D="$DECKS/blast.yaml"
# Seconds after which a wait fails the test (it only bounds a hang).
WAIT_LIMIT=${WAIT_LIMIT:-120}
ENDLESS=(--set time.tlim=1e30)
CADENCE=(--set plot.every_steps=1 --set checkpoint.every_steps=5 --set checkpoint.keep=1000)

source "$(dirname "$0")/processes.sh"

# --- files -----------------------------------------------------------------
# The step of an output file name of basename blast (NAME, NAME.tmp,
# NAME.<tag>.tmp), or nothing.
step_of() {
  if [[ $1 =~ ^blast_(chk|plt)_([0-9]{6})\.(h5|xmf)(\.[A-Za-z0-9-]+\.tmp|\.tmp)?$ ]]; then
    echo $((10#${BASH_REMATCH[2]}))
  fi
}
# snapshot DIR: "name cksum" of every regular file directly in DIR, sorted.
snapshot() {
  local f
  find "$1" -maxdepth 1 -type f -printf '%f\n' | LC_ALL=C sort | while IFS= read -r f; do
    echo "$f $(cksum <"$1/$f" | tr ' ' :)"
  done
}
sum_of() { cksum <"$1" | tr ' ' :; }
chk() { printf 'blast_chk_%06d.h5' "$1"; }
plt() { printf 'blast_plt_%06d.%s' "$1" "$2"; }

# The digest of an uninterrupted run to time.nlim=$1 (once per N).
reference_digest() {
  if [ ! -s "ref_$1.digest" ]; then
    run 2 "ref_$1.log" run "$D" --output-dir "ref_$1" "${ENDLESS[@]}" --set time.nlim="$1"
    digest_of "ref_$1.log" >"ref_$1.digest"
  fi
  cat "ref_$1.digest"
}

# crash_case NAME MODE NP NP_RESTART K J [ARGS...]: the run on NP ranks is
# killed once the plot file of step 5 K + J is reported (after its K-th
# checkpoint line); the restart runs on NP_RESTART. ARGS: more settings for
# both runs (checkpoint.async).
crash_case() {
  local name=$1 mode=$2 np=$3 np2=$4 k=$5 j=$6
  local extra=("${@:7}")
  local out=$name log=$name.run.log pid rc=0 p n f s end
  local ranks=() reported c max t tmp_planted trunc_planted nlim line dir left err
  local moved=() skipped=() listed=() want=() have=() wrote=()

  # 1. The endless run, killed after its K-th checkpoint line.
  "$MPIEXEC" -n "$np" "$BIN" run "$D" --output-dir "$out" "${ENDLESS[@]}" "${CADENCE[@]}" \
    --set io.mode="$mode" "${extra[@]}" >"$log" 2>&1 &
  pid=$!
  BG_PIDS+=("$pid")
  # The ranks (children of mpiexec) are looked up once the run is under way,
  # so that the kill follows the K-th line closely.
  wait_for_lines "$log" '^(checkpoint|plot file) ' 1 || {
    cat "$log" >&2
    fail "$name: no output after $WAIT_LIMIT s"
  }
  for p in $(descendants_of "$pid"); do
    [ "$(cat /proc/"$p"/comm 2>/dev/null)" != slabhydro ] || ranks+=("$p")
  done
  ((${#ranks[@]} == np)) || fail "$name: found ${#ranks[@]} slabhydro rank(s) under mpiexec $pid, want $np"
  wait_for_lines "$log" '^checkpoint ' "$k" || {
    cat "$log" >&2
    fail "$name: fewer than $k checkpoint lines after $WAIT_LIMIT s"
  }
  if ((j > 0)); then
    wait_for_lines "$log" "^plot file .*/$(plt $((5 * k + j)) h5): " 1 || {
      cat "$log" >&2
      fail "$name: no plot file of step $((5 * k + j)) after $WAIT_LIMIT s"
    }
  fi
  kill -KILL "${ranks[@]}" "$pid"
  { wait "$pid"; } 2>/dev/null || rc=$?
  end=$((SECONDS + WAIT_LIMIT))
  ((rc == 137)) || fail "$name: mpiexec ended with $rc, not by the SIGKILL"
  for p in "${ranks[@]}"; do
    while alive "$p" && ((SECONDS < end)); do sleep 0.01; done
    if alive "$p"; then fail "$name: rank $p still alive $WAIT_LIMIT s after SIGKILL"; fi
  done
  expect_grep "^state=running" "$out/run_status"
  if grep -q '^state digest:' "$log"; then fail "$name: the endless run ended by itself"; fi

  # 2. What the kill left: the newest complete checkpoint is the last one the
  # run reported, or a later one it had no time to report.
  reported=$(sed -n 's/^checkpoint .*_chk_\([0-9]*\)\.h5: .*/\1/p' "$log" | tail -n 1)
  reported=$((10#$reported))
  c=-1 max=-1
  while IFS= read -r f; do
    s=$(step_of "$f")
    [ -n "$s" ] || continue
    if ((s > max)); then max=$s; fi
    if [ "$f" = "$(chk "$s")" ] && ((s > c)); then c=$s; fi
  done < <(find "$out" -maxdepth 1 -printf "%f\n")
  ((c >= reported && c % 5 == 0)) ||
    fail "$name: the newest checkpoint on disk is at step $c, the run reported $reported last"
  left=$(find "$out" -maxdepth 1 -name '*.tmp' -printf '%f ')

  # 3. Planted: a truncated copy of the newest checkpoint above everything,
  # and a writer's .tmp just above it.
  t=$((max + 10))
  trunc_planted=$(chk "$t")
  cp "$out/$(chk "$c")" "$out/$trunc_planted"
  truncate -s $(($(stat -c %s "$out/$trunc_planted") / 2)) "$out/$trunc_planted"
  tmp_planted=$(chk $((c + 1))).deadbeef-1.tmp
  cp "$out/$(chk "$c")" "$out/$tmp_planted"
  snapshot "$out" >"$name.before"
  # What the restart moves aside: everything above C; at C itself unfinished
  # files, and what is left of plot C when its .h5 or its .xmf is missing
  # (the restart writes plot C again then).
  rewrite_plot_c=0
  [ -f "$out/$(plt "$c" h5)" ] && [ -f "$out/$(plt "$c" xmf)" ] || rewrite_plot_c=1
  while read -r f _; do
    s=$(step_of "$f")
    [ -n "$s" ] || continue
    if ((s > c)) || { ((s == c)) && [[ $f == *.tmp ]]; } ||
      { ((s == c && rewrite_plot_c)) && [[ $f == "$(plt "$c" h5)" || $f == "$(plt "$c" xmf)" ]]; }; then
      moved+=("$f")
    fi
  done <"$name.before"

  # 4. The restart.
  nlim=$((c + 7))
  # Its stderr apart: mpiexec forwards stdout and stderr each on its own, so
  # in one file a stdout line can land inside a warning (written in pieces).
  log=$name.restart.log err=$name.restart.err
  "$MPIEXEC" -n "$np2" "$BIN" run "$D" --output-dir "$out" --restart latest "${ENDLESS[@]}" \
    "${CADENCE[@]}" --set io.mode="$mode" "${extra[@]}" --set time.nlim="$nlim" >"$log" 2>"$err" || {
    cat "$log" "$err" >&2
    fail "$name: --restart latest after the crash failed"
  }
  expect_grep "^restart from $out/$(chk "$c"): step $c" "$log"
  expect_grep "^slabhydro: warning: --restart latest: skipping $out/$trunc_planted: unreadable" "$err"
  expect_grep "^slabhydro: warning: --restart latest: skipping $out/$tmp_planted: a temporary file" "$err"
  # Every checkpoint above C is skipped with a warning, and nothing else.
  mapfile -t skipped < <(sed -n "s|^slabhydro: warning: --restart latest: skipping $out/\([^:]*\): .*|\1|p" "$err" | LC_ALL=C sort)
  mapfile -t want < <(printf '%s\n' "${moved[@]}" | grep '_chk_' | LC_ALL=C sort)
  expect_eq "$name: checkpoints skipped by --restart latest" "${skipped[*]}" "${want[*]}"

  # One warning line names every file moved aside; they are all in one
  # directory under superseded/, unchanged.
  n=$(grep -c "moved [0-9]* file(s) into" "$err" || true)
  expect_eq "$name: lines about moved files" "$n" 1
  line=$(grep "moved [0-9]* file(s) into" "$err")
  [[ $line == "slabhydro: warning: --restart: this run's output after the restart step $c "* ]] ||
    fail "$name: unexpected warning: $line"
  [[ $line == *"moved ${#moved[@]} file(s) into $out/superseded/"* ]] ||
    fail "$name: want ${#moved[@]} files moved into $out/superseded/: $line"
  [[ $line == *"(nothing was deleted)"* ]] || fail "$name: no '(nothing was deleted)': $line"
  mapfile -t listed < <(grep -oE 'blast_(chk|plt)_[0-9]{6}\.[A-Za-z0-9.-]*[A-Za-z0-9]' <<<"$line" | LC_ALL=C sort)
  mapfile -t want < <(printf '%s\n' "${moved[@]}" | LC_ALL=C sort)
  expect_eq "$name: files named as moved" "${listed[*]}" "${want[*]}"
  dir=$(sed -n "s|.* into \($out/superseded/[^ :]*\)[ :].*|\1|p" <<<"$line")
  mapfile -t have < <(find "$out/superseded" -mindepth 1 -maxdepth 1)
  expect_eq "$name: directories under superseded/" "${have[*]}" "$dir"
  mapfile -t have < <(find "$dir" -type f -printf '%f\n' | LC_ALL=C sort)
  expect_eq "$name: files in $dir" "${have[*]}" "${want[*]}"
  while read -r f s; do
    if [[ " ${moved[*]} " == *" $f "* ]]; then
      expect_eq "$name: bytes of $f, moved aside" "$(sum_of "$dir/$f")" "$s"
    elif [ "$f" = run_status ] || [ "$f" = blast_plt.xmf ] || [[ $f == .slabhydro-*.lock ]]; then
      [ -f "$out/$f" ] || fail "$name: $out/$f is gone"
    else
      [ -f "$out/$f" ] || fail "$name: $out/$f is gone (it is at or below the restart step $c)"
      expect_eq "$name: bytes of $f, at or below the restart step" "$(sum_of "$out/$f")" "$s"
    fi
  done <"$name.before"

  # Above C, OUTDIR holds exactly what the restart wrote, and it says so.
  want=()
  for ((s = c + 1; s <= nlim; s++)); do
    want+=("$(plt "$s" h5)" "$(plt "$s" xmf)")
    if ((s % 5 == 0 || s == nlim)); then want+=("$(chk "$s")"); fi
  done
  mapfile -t want < <(printf '%s\n' "${want[@]}" | LC_ALL=C sort)
  have=()
  while IFS= read -r f; do
    s=$(step_of "$f")
    if [ -n "$s" ] && ((s > c)); then have+=("$f"); fi
  done < <(find "$out" -maxdepth 1 -type f -printf "%f\n" | LC_ALL=C sort)
  expect_eq "$name: files above the restart step after the restart" "${have[*]}" "${want[*]}"
  if ((rewrite_plot_c)); then
    want+=("$(plt "$c" h5)" "$(plt "$c" xmf)")
    mapfile -t want < <(printf '%s\n' "${want[@]}" | LC_ALL=C sort)
  fi
  mapfile -t wrote < <(sed -n -E "s#^(checkpoint|plot file) $out/([^:]*): .*#\2#p" "$log" |
    sed 's/\(blast_plt_.*\)\.h5$/&\n\1.xmf/' | LC_ALL=C sort)
  expect_eq "$name: files the restart reported" "${wrote[*]}" "${want[*]}"

  expect_grep "^state=complete" "$out/run_status"
  expect_grep "^step=$nlim\$" "$out/run_status"
  expect_eq "$name: digest at step $nlim after the crash" "$(digest_of "$log")" "$(reference_digest "$nlim")"
  # Plot C is whole again, whatever the kill left of it.
  for f in "$(plt "$c" h5)" "$(plt "$c" xmf)"; do
    [ -f "$out/$f" ] || fail "$name: $out/$f is missing after the restart"
  done
  echo "ok: $name ($mode, $np rank(s), restart on $np2): killed after checkpoint line $k, plot line $((5 * k + j))" \
    "(last plot file: $(sed -n 's/^plot file .*_plt_\([0-9]*\)\.h5: .*/\1/p' "$name.run.log" | tail -n 1)," \
    "left: ${left:-no .tmp}); restart from step $c to $nlim moved ${#moved[@]} file(s)"
}

# Three moments of the write cycle: two plot files past a checkpoint (later
# plot files to move aside), the plot file before a checkpoint (the kill
# tends to come during that checkpoint's write: its .tmp), and at a
# checkpoint line (during the plot file of the checkpoint's step).
for mode in collective independent serial; do
  crash_case "${mode}_a" "$mode" 2 3 4 2
  crash_case "${mode}_b" "$mode" 3 1 5 4
  crash_case "${mode}_c" "$mode" 1 2 3 0
done
# Asynchronous checkpoints: the kill lands while the writer thread may be in
# the middle of a checkpoint (async_checkpoint.sh holds one there for sure).
crash_case async_a collective 2 3 4 0 --set checkpoint.async=true
crash_case async_b serial 3 2 3 2 --set checkpoint.async=true
echo "crash restart: OK"
