# Sourced by the I/O script tests that run slabhydro in the background and
# kill it (crash_restart.sh, async_checkpoint.sh): process lookup through
# /proc, a cleanup trap for what the test started, and waiting for log lines.
# Needs WAIT_LIMIT (seconds after which a wait fails; it only bounds a hang).
# The pids of the children of $1, from /proc (procps may be missing).
children_of() {
  local f line fields
  for f in /proc/[0-9]*/stat; do
    read -r line 2>/dev/null <"$f" || continue
    # "pid (comm) state ppid ...": comm may hold spaces and parentheses.
    read -r -a fields <<<"${line##*) }"
    if [ "${fields[1]}" = "$1" ]; then echo "${line%% *}"; fi
  done
}
descendants_of() {
  local c
  for c in $(children_of "$1"); do
    echo "$c"
    descendants_of "$c"
  done
}
# True while process $1 exists and is not a zombie.
alive() {
  local line fields
  read -r line 2>/dev/null </proc/"$1"/stat || return 1
  read -r -a fields <<<"${line##*) }"
  [ "${fields[0]}" != Z ]
}
# Whatever this test started and is still running when it ends (a failed
# check while an endless run goes on) is killed then; nothing else.
BG_PIDS=()
kill_leftovers() {
  local p all
  for p in "${BG_PIDS[@]}"; do
    if alive "$p"; then
      mapfile -t all < <(descendants_of "$p")
      kill -KILL "${all[@]}" "$p" 2>/dev/null || true
    fi
  done
}
trap kill_leftovers EXIT

# wait_for_lines LOG REGEX N: true once N lines of LOG match REGEX.
wait_for_lines() {
  local n end=$((SECONDS + WAIT_LIMIT))
  while ((SECONDS < end)); do
    n=$(grep -c -E -- "$2" "$1" 2>/dev/null || true)
    if ((${n:-0} >= $3)); then return 0; fi
    sleep 0.01
  done
  return 1
}

