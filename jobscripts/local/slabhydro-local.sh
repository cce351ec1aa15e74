#!/bin/bash
# slabhydro on a workstation, behaving like the batch scripts with mpirun:
# runs DECK in segments of at most --time-limit each (a segment is a batch job:
# slabhydro checkpoints and stops before the limit, the next segment restarts
# from `--restart latest`), until the deck's tlim (or nlim) is reached.
#
#   slabhydro-local.sh [options] DECK [-- more slabhydro run arguments]
#
#   -n, --np N              MPI ranks (default 2)
#   -o, --output-dir DIR    output directory (default out)
#   -t, --time-limit T      wall time of one segment, [[HH:]MM:]SS (default: none,
#                           one segment)
#   -b, --bin PATH          the slabhydro binary (default: bin/slabhydro of the
#                           install this script belongs to, else slabhydro on PATH)
#   -m, --mpirun CMD        MPI launcher (default: $MPIEXEC, else mpirun)
#       --max-segments N    segments at most (default 50)
#   -h, --help
#
# Signals to this script: USR1 ends the current segment (checkpoint, stop) and
# starts the next one, as USR1 before the time limit does in the Slurm script;
# TERM and INT (Ctrl-C) checkpoint, stop and end. Both reach slabhydro through
# OUTDIR/stop_now: mpirun turns a SIGTERM of its own into SIGKILL a second
# later. `touch OUTDIR/dump_now` asks for a checkpoint without stopping.
# Exit code: 0 when the run is complete or was stopped on request, 2 on a
# setup error, else slabhydro's.

set -uo pipefail

me=slabhydro-local.sh
log() { printf '%s: %s\n' "$me" "$*"; }
die() {
  printf '%s: error: %s\n' "$me" "$*" >&2
  exit 2
}
usage() { sed -n '2,/^$/s/^# \{0,1\}//p' "$0"; }

if ((BASH_VERSINFO[0] < 4 || (BASH_VERSINFO[0] == 4 && BASH_VERSINFO[1] < 4))); then
  die "needs bash >= 4.4, this is $BASH_VERSION"
fi

np=2
outdir=out
time_limit=""
bin=""
mpirun=${MPIEXEC:-mpirun}
max_segments=50
deck=""
extra_args=()
while (($#)); do
  case $1 in
    -n | --np) np=${2-}; shift ;;
    -o | --output-dir) outdir=${2-}; shift ;;
    -t | --time-limit) time_limit=${2-}; shift ;;
    -b | --bin) bin=${2-}; shift ;;
    -m | --mpirun) mpirun=${2-}; shift ;;
    --max-segments) max_segments=${2-}; shift ;;
    -h | --help) usage; exit 0 ;;
    --) shift; extra_args=("$@"); break ;;
    -*) die "unknown option '$1' (see $me --help)" ;;
    *)
      [ -z "$deck" ] || die "one deck only (got '$deck' and '$1')"
      deck=$1
      ;;
  esac
  shift
done

# --- check the setup before anything runs -----------------------------------
[ -n "$deck" ] || die "no deck given (see $me --help)"
[[ $np =~ ^[1-9][0-9]*$ ]] || die "--np must be a positive number, got '$np'"
[[ $max_segments =~ ^[1-9][0-9]*$ ]] || die "--max-segments must be a positive number, got '$max_segments'"
if [ -n "$time_limit" ] && ! [[ $time_limit =~ ^([0-9]+:){0,2}[0-9]+$ ]]; then
  die "--time-limit must be [[HH:]MM:]SS, got '$time_limit'"
fi
if [ -z "$bin" ]; then
  here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
  # Installed as PREFIX/share/slabhydro/jobscripts/local/: PREFIX/bin/slabhydro.
  if [ -x "$here/../../../../bin/slabhydro" ]; then
    bin=$here/../../../../bin/slabhydro
  else
    bin=slabhydro
  fi
fi
resolved=$(command -v -- "$bin") ||
  die "slabhydro binary '$bin' not found or not executable (use --bin PATH, or put slabhydro on PATH)"
{ [ -f "$resolved" ] && [ -x "$resolved" ]; } || die "slabhydro binary '$resolved' is not an executable file (--bin)"
bin=$(cd -- "$(dirname -- "$resolved")" && pwd)/$(basename -- "$resolved")
command -v -- "$mpirun" >/dev/null || die "MPI launcher '$mpirun' not found (--mpirun)"
{ [ -f "$deck" ] && [ -r "$deck" ]; } || die "deck '$deck' does not exist or cannot be read"
if [ -e "$outdir" ] && [ ! -d "$outdir" ]; then
  die "output directory '$outdir' exists and is not a directory"
fi
mkdir -p -- "$outdir" 2>/dev/null || die "output directory '$outdir' cannot be created"
{ [ -w "$outdir" ] && [ -x "$outdir" ]; } || die "output directory '$outdir' is not writable"
outdir=$(cd -- "$outdir" && pwd)
status_file=$outdir/run_status

status_field() { sed -n "s/^$1=//p" "$status_file" 2>/dev/null | tail -n 1; }

log "binary $bin, deck $deck, output directory $outdir, $np rank(s)"
if [ "$(status_field state)" = complete ]; then
  log "the run in $outdir is already complete ($(status_field reason) at step $(status_field step)); nothing to do"
  exit 0
fi

stop_request=""  # segment (USR1) or cancelled (TERM/INT)
run_pid=""
stop_file_written=0
request_stop() {
  [ -n "$run_pid" ] || return 0
  : >"$outdir/stop_now"
  stop_file_written=1
}
trap 'log "USR1: ending this segment with a checkpoint"; stop_request=segment; request_stop' USR1
trap 'log "TERM: checkpoint and stop"; stop_request=cancelled; request_stop' TERM
trap 'log "INT: checkpoint and stop"; stop_request=cancelled; request_stop' INT
# mpirun in a process group of its own, so that Ctrl-C reaches this script only.
set -m

prev_step=-1
segment=1
while :; do
  run_args=(run "$deck" --output-dir "$outdir")
  if compgen -G "$outdir/*_chk_*.h5" >/dev/null; then
    run_args+=(--restart latest)
  elif [ -e "$status_file" ]; then
    # An earlier run here died before its first checkpoint: start afresh,
    # moving its output aside (--force moves, never deletes).
    run_args+=(--force)
    log "no checkpoint in $outdir from the earlier run; starting afresh (its output goes to $outdir/superseded/)"
  fi
  [ -z "$time_limit" ] || run_args+=(--time-limit "$time_limit")
  run_args+=("${extra_args[@]}")
  [ "$stop_request" = cancelled ] && break
  stop_request=""
  log "segment $segment: $mpirun -np $np $bin ${run_args[*]}"
  rm -f -- "$status_file"  # this run's own run_status, not an earlier one's, decides what next
  "$mpirun" -np "$np" "$bin" "${run_args[@]}" </dev/null &
  run_pid=$!
  while :; do
    wait "$run_pid"
    rc=$?
    if ((rc <= 128)) || ! kill -0 "$run_pid" 2>/dev/null; then break; fi
  done
  run_pid=""
  # A stop_now of ours that came too late for slabhydro must not stop the next segment.
  ((stop_file_written == 0)) || rm -f -- "$outdir/stop_now"
  stop_file_written=0

  state=$(status_field state)
  reason=$(status_field reason)
  step=$(status_field step)
  case $state in
    complete)
      log "the run is complete ($reason, step $step) after $segment segment(s)"
      exit 0
      ;;
    stopped) log "slabhydro stopped at step $step with a checkpoint ($reason)" ;;
    *)
      log "error: slabhydro failed (exit code $rc, run status '${state:-none}'); see the messages above"
      exit $((rc ? rc : 1))
      ;;
  esac
  if [ "$stop_request" != segment ] && [ "$reason" != time_limit ]; then
    log "stopped on request. To continue: $me -n $np -o $outdir ${time_limit:+-t $time_limit }$deck"
    exit 0
  fi
  if ! [[ $step =~ ^[0-9]+$ ]] || ((step <= prev_step)); then
    die "no progress in segment $segment (step $step); is the time limit shorter than one checkpoint?"
  fi
  if ((segment >= max_segments)); then
    log "--max-segments $max_segments reached; to continue, run this script again"
    exit 0
  fi
  prev_step=$step
  segment=$((segment + 1))
done
log "stopped on request before segment $segment"
exit 0
