# shellcheck shell=bash
# shellcheck disable=SC2154  # job_* come from the job.sh files sbatch and qsub write
# Shared by the stand-in batch commands in this folder (sbatch, srun, squeue,
# scancel, qsub, qstat and the two queue runners). They emulate just enough of
# Slurm and PBS, on one machine with mpirun, for the tests to run
# jobscripts/ for real: a queue of jobs in $FAKE_SLURM_DIR / $FAKE_PBS_DIR,
# run one after the other by fake-slurm-run / fake-pbs-run, with the
# environment, working directory, time limit, signals and output files the
# real systems give a batch job.

fake_die() {
  printf '%s (stand-in): error: %s\n' "${FAKE_ME:-fake}" "$*" >&2
  exit 1
}

fake_log() { printf '%s: %s\n' "${FAKE_ME:-fake}" "$*" >&2; }

# Slurm time formats (M, M:S, H:M:S, D-H, D-H:M, D-H:M:S) and PBS
# walltime (H:M:S, M:S, S when `pbs` is given as $2) -> seconds.
fake_seconds() {
  local t=$1 kind=${2:-slurm} d=0 h=0 m=0 s=0
  if [[ $t =~ ^([0-9]+)-([0-9]+)(:([0-9]+)(:([0-9]+))?)?$ ]]; then
    d=${BASH_REMATCH[1]} h=${BASH_REMATCH[2]} m=${BASH_REMATCH[4]:-0} s=${BASH_REMATCH[6]:-0}
  elif [[ $t =~ ^([0-9]+):([0-9]+):([0-9]+)$ ]]; then
    h=${BASH_REMATCH[1]} m=${BASH_REMATCH[2]} s=${BASH_REMATCH[3]}
  elif [[ $t =~ ^([0-9]+):([0-9]+)$ ]]; then
    m=${BASH_REMATCH[1]} s=${BASH_REMATCH[2]}
  elif [[ $t =~ ^([0-9]+)$ ]]; then
    if [ "$kind" = pbs ]; then s=$t; else m=$t; fi
  else
    return 1
  fi
  echo $((10#$d * 86400 + 10#$h * 3600 + 10#$m * 60 + 10#$s))
}

# The next job number of a queue directory.
fake_next_id() {
  local dir=$1 first=$2 id
  mkdir -p "$dir/jobs"
  (
    flock 9
    id=$(cat "$dir/last_id" 2>/dev/null || echo $((first - 1)))
    id=$((id + 1))
    echo "$id" >"$dir/last_id"
    echo "$id"
  ) 9>"$dir/lock"
}

# The exported environment of this shell as a file to source, without the
# read-only variables bash sets itself.
fake_capture_env() { export -p | grep -v -E '^declare -[a-zA-Z]*r[a-zA-Z]* ' >"$1"; }

# Sends signal $1 to every task that a stand-in srun started in job dir $2.
fake_signal_tasks() {
  local sig=$1 jobdir=$2 f pid
  for f in "$jobdir"/steps/*/task.*.pid; do
    [ -e "$f" ] || continue
    pid=$(cat "$f")
    kill -s "$sig" "$pid" 2>/dev/null || true
  done
}

# Runs the batch script of job dir $1 under the queue's rules and records how
# it ended. The job's settings are in $1/job.sh (see sbatch and qsub).
#   FAKE_KILL_WAIT: seconds between TERM and KILL at the time limit (default 5)
fake_run_job() {
  local jobdir=$1 id bpid t0 now sig_sent=0 term_at=0 killed=0 state rc
  # shellcheck disable=SC1091
  . "$jobdir/job.sh"
  id=$(basename "$jobdir")
  mkdir -p "$jobdir/spool" "$jobdir/steps"
  cp "$jobdir/script" "$jobdir/spool/job_script"
  chmod 700 "$jobdir/spool/job_script"
  t0=$(date +%s)
  echo "$t0" >"$jobdir/start"
  echo RUNNING >"$jobdir/state"
  # A session of its own (like a batch step): the time limit signals all of it.
  # shellcheck disable=SC2154
  setsid env -i bash --noprofile --norc -c \
    'cd "$1" || exit 1; . "$2"; shift 2; exec bash "$@"' \
    fake-job "$job_workdir" "$jobdir/env.sh" "$jobdir/spool/job_script" "${job_args[@]}" \
    >>"$job_output" 2>&1 &
  bpid=$!
  echo "$bpid" >"$jobdir/batch.pid"
  fake_log "job $id started: $job_name, $job_ntasks task(s), limit ${job_time}s${job_sig_name:+, signal $job_sig_name ${job_sig_lead}s before}"
  while kill -0 "$bpid" 2>/dev/null; do
    sleep 0.1
    now=$(date +%s)
    if [ -e "$jobdir/cancel" ] && ((term_at == 0)); then
      state=CANCELLED
      term_at=$now
      kill -TERM -- "-$bpid" 2>/dev/null || true
      fake_signal_tasks TERM "$jobdir"
    fi
    if [ -n "$job_sig_name" ] && ((sig_sent == 0 && now >= t0 + job_time - job_sig_lead)); then
      sig_sent=1
      if [ "$job_sig_batch" = 1 ]; then
        fake_log "job $id: $job_sig_name to the batch shell"
        kill -s "$job_sig_name" "$bpid" 2>/dev/null || true
      else
        fake_log "job $id: $job_sig_name to the tasks"
        fake_signal_tasks "$job_sig_name" "$jobdir"
      fi
    fi
    if ((term_at == 0 && now >= t0 + job_time)); then
      fake_log "job $id: time limit; TERM to all of it"
      state=TIMEOUT
      term_at=$now
      kill -TERM -- "-$bpid" 2>/dev/null || true
      fake_signal_tasks TERM "$jobdir"
    fi
    if ((term_at > 0 && killed == 0 && now >= term_at + ${FAKE_KILL_WAIT:-5})); then
      killed=1
      kill -KILL -- "-$bpid" 2>/dev/null || true
      fake_signal_tasks KILL "$jobdir"
    fi
  done
  rc=0
  wait "$bpid" || rc=$?
  if [ -z "${state:-}" ]; then
    if ((rc == 0)); then state=COMPLETED; else state=FAILED; fi
  fi
  echo "$state" >"$jobdir/state"
  echo "$rc" >"$jobdir/exit_code"
  date +%s >"$jobdir/end"
  fake_log "job $id ended: $state, exit code $rc, after $(($(date +%s) - t0)) s"
}
