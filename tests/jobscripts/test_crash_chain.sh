#!/bin/bash
# The job scripts continue a run after a crash. For the Slurm script (stand-in
# sbatch/srun), the PBS script (stand-in qsub) and the local script:
#  - a job (a segment) runs the endless deck (see lib.sh) with a plot file
#    every step and a checkpoint every 5 steps; once it has written 3
#    checkpoints and plot files past the newest one, its ranks and their
#    mpirun die by SIGKILL at once (a node failure: no checkpoint, no
#    run_status update; crash_past_checkpoint in lib.sh). The script reports
#    the failure (exit code 137, run status 'running') and does not resubmit
#    or go on;
#  - the crash leaves plot files past the newest checkpoint C and maybe a
#    .tmp; the test adds a truncated copy of checkpoint C at a higher step and
#    a writer's checkpoint .tmp (a crash during a write, damaged storage);
#    run_status still says state=running;
#  - the deck gets its end (time.nlim = C + 10) and the script is submitted
#    (started) afresh, as a user or a requeue would, on 3 ranks: it restarts
#    from `latest`, which skips the damaged and unfinished checkpoints with a
#    warning each and takes C; every file of the run above step C is moved
#    into OUTDIR/superseded/<time>/ with one warning naming them, bytes
#    unchanged, and nothing else goes (but what checkpoint.keep prunes, which
#    the run reports); the run completes at step C + 10 with the digest of the
#    uninterrupted run to that step, and the chain ends there.
# shellcheck source=lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

RUN_ARGS="${ENDLESS[*]} --set plot.every_steps=1 --set checkpoint.every_steps=5"

# step_of NAME: the step of an output file name of basename sedov (NAME,
# NAME.tmp, NAME.<tag>.tmp), or nothing.
step_of() {
  if [[ $1 =~ ^sedov_(chk|plt)_([0-9]{6})\.(h5|xmf)(\.[A-Za-z0-9-]+\.tmp|\.tmp)?$ ]]; then
    echo $((10#${BASH_REMATCH[2]}))
  fi
}
sum_of() { cksum <"$1" | tr ' ' :; }
chk() { printf 'sedov_chk_%06d.h5' "$1"; }

# after_crash WHAT DIR: what the crash left in DIR, and the planted damage.
# Sets C (the newest complete checkpoint's step), TRUNC and TMP (the planted
# names), MOVED (the names of the files above C) and writes DIR.before
# ("name cksum" of every file in DIR).
after_crash() {
  local what=$1 dir=$2 f s max=-1 plots=0
  C=$CRASH_CHECKPOINT
  [ "$(newest_step "$dir" sedov chk)" = "$C" ] || fail "$what: the newest checkpoint moved after the crash"
  [ "$(status_of "$dir" state)" = running ] || fail "$what: run_status state '$(status_of "$dir" state)' after the crash, not 'running'"
  for f in "$dir"/*; do
    f=${f##*/}
    s=$(step_of "$f")
    [ -n "$s" ] || continue
    ((s > max)) && max=$s
    [[ $f == sedov_plt_*.h5 ]] && ((s > C)) && plots=$((plots + 1))
  done
  ((plots > 0)) || fail "$what: no plot file past the checkpoint of step $C"
  TRUNC=$(chk $((max + 10)))
  cp -- "$dir/$(chk "$C")" "$dir/$TRUNC" || fail "cp"
  truncate -s $(($(stat -c %s "$dir/$TRUNC") / 2)) "$dir/$TRUNC" || fail "truncate"
  TMP=$(chk $((C + 1))).0badf00d-42.tmp
  cp -- "$dir/$(chk "$C")" "$dir/$TMP" || fail "cp"
  MOVED=()
  : >"$dir.before"
  for f in "$dir"/* "$dir"/.[!.]*; do
    [ -f "$f" ] || continue
    echo "${f##*/} $(sum_of "$f")" >>"$dir.before"
    s=$(step_of "${f##*/}")
    if [ -n "$s" ] && ((s > C)); then MOVED+=("${f##*/}"); fi
  done
  echo "$what: the crash left $plots plot file(s) past the checkpoint of step $C," \
    "$(find "$dir" -maxdepth 1 -name '*.tmp' ! -name "$TMP" | wc -l) .tmp file(s); planted $TRUNC (truncated) and $TMP"
}

# expect_continued WHAT LOG DIR END: the fresh job's output LOG (stdout and
# stderr together) shows the restart from C in DIR, the damaged checkpoints
# skipped, the files above C moved aside, the run complete at END with the
# uninterrupted digest; DIR agrees.
expect_continued() {
  local what=$1 log=$2 dir=$3 end=$4 f s line stamp want have
  expect_in "$log" "restart from $dir/$(chk "$C"): step $C" "$what"
  # (Only fixed strings that slabhydro writes in one piece: in a file that
  # holds both stdout and stderr, a stdout line may land inside a warning.)
  expect_in "$log" "$dir/$TRUNC: unreadable" "$what"
  expect_in "$log" "$dir/$TMP: a temporary file" "$what"
  line=$(grep -F -- "--restart: this run's output after the restart step $C (later or unfinished files): moved ${#MOVED[@]} file(s) into $dir/superseded/" "$log")
  [ -n "$line" ] || {
    grep -F "moved" "$log" >&2
    fail "$what: no warning that the ${#MOVED[@]} file(s) above step $C were moved into $dir/superseded/"
  }
  [ "$(grep -c "moved [0-9]* file(s) into" "$log")" = 1 ] || fail "$what: more than one line about moved files"
  expect_in "$log" "(nothing was deleted)" "$what"
  # It names each of them (and says how many: no other).
  for f in "${MOVED[@]}"; do
    [[ $line == *" $f"* ]] || fail "$what: the warning does not name $f: $line"
  done
  want=$(printf '%s\n' "${MOVED[@]}" | LC_ALL=C sort)
  stamp=$(sed -n "s|.* into $dir/superseded/\([^ :]*\).*|\1|p" <<<"$line")
  [ "$(find "$dir/superseded" -mindepth 1 -maxdepth 1 -printf '%f\n')" = "$stamp" ] ||
    fail "$what: $dir/superseded holds $(ls "$dir/superseded"), want just $stamp"
  [ "$(find "$dir/superseded/$stamp" -type f -printf '%f\n' | LC_ALL=C sort)" = "$want" ] ||
    fail "$what: $dir/superseded/$stamp holds $(ls "$dir/superseded/$stamp")"
  while read -r f s; do
    if [ -n "$(step_of "$f")" ] && (($(step_of "$f") > C)); then
      [ "$(sum_of "$dir/superseded/$stamp/$f")" = "$s" ] || fail "$what: $f changed on its way to superseded/"
    elif [ "$f" = run_status ] || [ "$f" = sedov_plt.xmf ] || [[ $f == .slabhydro-*.lock ]]; then
      [ -f "$dir/$f" ] || fail "$what: $dir/$f is gone"
    elif [ -f "$dir/$f" ]; then
      [ "$(sum_of "$dir/$f")" = "$s" ] || fail "$what: $dir/$f (at or below the restart step) changed"
    else
      # Only checkpoint.keep deletes, and says so.
      expect_in "$log" "removed $dir/$f (checkpoint.keep" "$what: $f is gone"
    fi
  done <"$dir.before"
  # Above C: just what the restart wrote (plot files C+1..END with their
  # sidecars, checkpoints at the multiples of 5 and at END); no .tmp.
  want=$(for ((s = C + 1; s <= end; s++)); do
    printf 'sedov_plt_%06d.h5\nsedov_plt_%06d.xmf\n' "$s" "$s"
    if ((s % 5 == 0 || s == end)); then chk "$s" && echo; fi
  done | LC_ALL=C sort)
  have=$(for f in "$dir"/*; do
    s=$(step_of "${f##*/}")
    if [ -n "$s" ] && ((s > C)); then echo "${f##*/}"; fi
  done | LC_ALL=C sort)
  [ "$have" = "$want" ] || fail "$what: above step $C, $dir holds $(echo "$have" | tr '\n' ' ')"
  [ "$(status_of "$dir" state) $(status_of "$dir" reason) $(status_of "$dir" step)" = "complete nlim $end" ] ||
    fail "$what: run_status $(status_of "$dir" state) $(status_of "$dir" reason) at step $(status_of "$dir" step)"
  expect_reference "$log" "$end" "$what"
}

# --- Slurm -------------------------------------------------------------------
export FAKE_SLURM_DIR=$SCRATCH/slurm/queue FAKE_LFS_LOG=$SCRATCH/slurm/lfs.log
mkdir -p "$SCRATCH/slurm/submit"
cd "$SCRATCH/slurm/submit" || fail "cd"
deck=$SCRATCH/slurm/sedov.yaml
deck_copy "$deck"
out=$SCRATCH/slurm/submit/out
submit_slurm() {  # NTASKS
  SLABHYDRO_BIN=$BIN SLABHYDRO_DECK=$deck SLABHYDRO_OUTDIR=out SLABHYDRO_ARGS=$RUN_ARGS \
    sbatch --ntasks="$1" --time=5:00 --signal=B:USR1@60 "$SRC/jobscripts/slurm/slabhydro.sbatch" >>submit.log ||
    fail "sbatch"
}
submit_slurm 2
start_bg run1.log fake-slurm-run --jobs 1
runner=$bg_pid
crash_past_checkpoint "$runner" slabhydro-1001.out "$out" sedov 3
end_bg "$runner" run1.log "fake-slurm-run (job 1001, crashed)"
((CRASH_RANKS == 2)) || fail "job 1001: killed $CRASH_RANKS rank(s), want 2"
[ "$(cat "$FAKE_SLURM_DIR/jobs/1001/state")" = FAILED ] ||
  fail "job 1001: $(cat "$FAKE_SLURM_DIR/jobs/1001/state") after the crash, want FAILED"
expect_in slabhydro-1001.out "slabhydro failed (exit code 137, run status 'running'); not resubmitting" "job 1001"
[ ! -e "$FAKE_SLURM_DIR/jobs/1002" ] || fail "job 1001 queued a job after the crash"
after_crash "Slurm job 1001" "$out"
end=$((C + 10))
deck_set_nlim "$deck" "$end"
submit_slurm 3
expect_in submit.log "Submitted batch job 1002"
run_bounded run2.log fake-slurm-run
((RC == 0)) || {
  cat run2.log >&2
  fail "fake-slurm-run (job 1002)"
}
[ "$(cat "$FAKE_SLURM_DIR/jobs/1002/state")" = COMPLETED ] ||
  fail "job 1002: $(cat "$FAKE_SLURM_DIR/jobs/1002/state"), exit code $(cat "$FAKE_SLURM_DIR/jobs/1002/exit_code")"
[ "$(find "$FAKE_SLURM_DIR/jobs" -mindepth 1 -maxdepth 1 | wc -l)" = 2 ] || fail "job 1002 resubmitted itself"
expect_in slabhydro-1002.out "restarting from the newest checkpoint in $out" "job 1002"
expect_in slabhydro-1002.out " on 3 rank(s)" "job 1002"
expect_in slabhydro-1002.out "the run is complete (nlim, step $end)" "job 1002"
expect_continued "Slurm job 1002" slabhydro-1002.out "$out" "$end"
pass "Slurm: SIGKILL past the checkpoint of step $C; job 1001 failed without resubmitting; a fresh job restarted on 3 tasks, moved ${#MOVED[@]} file(s) into superseded/, complete at step $end with digest $REF_DIGEST"

# --- PBS ---------------------------------------------------------------------
export FAKE_PBS_DIR=$SCRATCH/pbs/queue
mkdir -p "$SCRATCH/pbs/submit" "$FAKE_PBS_DIR"
cd "$SCRATCH/pbs/submit" || fail "cd"
deck=$SCRATCH/pbs/sedov.yaml
deck_copy "$deck"
out=$SCRATCH/pbs/submit/out
{
  printf 'export PATH=%q\n' "$PATH"
  for v in OMPI_ALLOW_RUN_AS_ROOT OMPI_ALLOW_RUN_AS_ROOT_CONFIRM OMPI_MCA_rmaps_base_oversubscribe \
    OMPI_MCA_btl_vader_single_copy_mechanism FAKE_KILL_WAIT; do
    [ -z "${!v+x}" ] || printf 'export %s=%q\n' "$v" "${!v}"
  done
} >"$FAKE_PBS_DIR/login_env"
submit_pbs() {  # NP
  # The USR1 timer 4 minutes in: far later than anything here.
  qsub -l walltime=00:05:00 -l "select=1:ncpus=$1:mpiprocs=$1" \
    -v "SLABHYDRO_BIN=$BIN,SLABHYDRO_DECK=$deck,SLABHYDRO_OUTDIR=out,SLABHYDRO_ARGS=$RUN_ARGS,SLABHYDRO_STOP_LEAD=60" \
    "$SRC/jobscripts/pbs/slabhydro.pbs" >>submit.log || fail "qsub"
}
submit_pbs 2
start_bg run1.log fake-pbs-run --jobs 1
runner=$bg_pid
crash_past_checkpoint "$runner" slabhydro.o101 "$out" sedov 3
end_bg "$runner" run1.log "fake-pbs-run (job 101, crashed)"
((CRASH_RANKS == 2)) || fail "job 101: killed $CRASH_RANKS rank(s), want 2"
[ "$(cat "$FAKE_PBS_DIR/jobs/101/state")" = FAILED ] ||
  fail "job 101: $(cat "$FAKE_PBS_DIR/jobs/101/state") after the crash, want FAILED"
expect_in slabhydro.o101 "slabhydro failed (exit code 137, run status 'running'); not resubmitting" "job 101"
[ ! -e "$FAKE_PBS_DIR/jobs/102" ] || fail "job 101 queued a job after the crash"
after_crash "PBS job 101" "$out"
end=$((C + 10))
deck_set_nlim "$deck" "$end"
submit_pbs 3
expect_in submit.log "102.fakepbs"
run_bounded run2.log fake-pbs-run
((RC == 0)) || {
  cat run2.log >&2
  fail "fake-pbs-run (job 102)"
}
[ "$(cat "$FAKE_PBS_DIR/jobs/102/state")" = COMPLETED ] ||
  fail "job 102: $(cat "$FAKE_PBS_DIR/jobs/102/state"), exit code $(cat "$FAKE_PBS_DIR/jobs/102/exit_code")"
[ "$(find "$FAKE_PBS_DIR/jobs" -mindepth 1 -maxdepth 1 | wc -l)" = 2 ] || fail "job 102 resubmitted itself"
expect_in slabhydro.o102 "restarting from the newest checkpoint in $out" "job 102"
expect_in slabhydro.o102 ", 3 rank(s)" "job 102"
expect_in slabhydro.o102 "the run is complete (nlim, step $end)" "job 102"
expect_continued "PBS job 102" slabhydro.o102 "$out" "$end"
pass "PBS: SIGKILL past the checkpoint of step $C; job 101 failed without resubmitting; a fresh job restarted on 3 ranks, moved ${#MOVED[@]} file(s) into superseded/, complete at step $end with digest $REF_DIGEST"

# --- local -------------------------------------------------------------------
mkdir -p "$SCRATCH/local"
cd "$SCRATCH/local" || fail "cd"
deck=$SCRATCH/local/sedov.yaml
deck_copy "$deck"
out=$SCRATCH/local/out
read -r -a run_args <<<"$RUN_ARGS"
local_sh=$SRC/jobscripts/local/slabhydro-local.sh
start_bg run1.log bash "$local_sh" -b "$BIN" -m "$MPIEXEC" -n 2 -o "$out" "$deck" -- "${run_args[@]}"
script_pid=$bg_pid
crash_past_checkpoint "$script_pid" run1.log "$out" sedov 3
((CRASH_RANKS == 2)) || fail "local: killed $CRASH_RANKS rank(s), want 2"
limit=$((SECONDS + WAIT_LIMIT))
while kill -0 "$script_pid" 2>/dev/null; do
  ((SECONDS < limit)) || fail "local: the script still runs $WAIT_LIMIT s after the crash"
  sleep 0.05
done
rc=0
wait "$script_pid" || rc=$?
((rc == 137)) || fail "local: the script's exit code after the crash is $rc, want 137 (slabhydro's)"
expect_in run1.log "error: slabhydro failed (exit code 137, run status 'running')" "local"
expect_not_in run1.log "segment 2:" "local"
after_crash "local" "$out"
end=$((C + 10))
deck_set_nlim "$deck" "$end"
run_bounded run2.log bash "$local_sh" -b "$BIN" -m "$MPIEXEC" -n 3 -o "$out" "$deck" -- "${run_args[@]}"
((RC == 0)) || fail "local: the fresh start: exit code $RC"
expect_in run2.log "segment 1: " "local"
expect_in run2.log " --restart latest" "local"
expect_in run2.log "the run is complete (nlim, step $end) after 1 segment(s)" "local"
expect_continued "local" run2.log "$out" "$end"
pass "local: SIGKILL past the checkpoint of step $C; the script failed with 137; started again on 3 ranks, moved ${#MOVED[@]} file(s) into superseded/, complete at step $end with digest $REF_DIGEST"
