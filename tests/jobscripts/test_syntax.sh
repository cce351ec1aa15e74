#!/bin/bash
# Every job script and every stand-in batch command parses (`bash -n`), is
# executable, and, when shellcheck is installed, has no shellcheck warning.
# shellcheck source=lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

mapfile -t scripts < <(find "$SRC/jobscripts" "$STANDINS" -type f | sort)
for must in jobscripts/slurm/slabhydro.sbatch jobscripts/slurm/resize_example.sh \
  jobscripts/pbs/slabhydro.pbs jobscripts/local/slabhydro-local.sh; do
  [ -f "$SRC/$must" ] || fail "$must is missing"
done
((${#scripts[@]} >= 10)) || fail "found only ${#scripts[@]} scripts: ${scripts[*]}"

for s in "${scripts[@]}"; do
  bash -n "$s" || fail "bash -n $s"
  case $s in
    *.sh | */bin/fake_sched_lib.sh) ;;
    *) [ -x "$s" ] || fail "$s is not executable" ;;
  esac
  head -n 1 "$s" | grep -q '^#!/bin/bash' || [[ $s == */fake_sched_lib.sh || $s == */lib.sh ]] ||
    fail "$s does not start with #!/bin/bash"
done
pass "bash -n on ${#scripts[@]} scripts"

if command -v shellcheck >/dev/null 2>&1; then
  (cd "$STANDINS" && shellcheck -x -S warning -s bash "${scripts[@]}") ||
    fail "shellcheck warnings (above)"
  pass "shellcheck -S warning on ${#scripts[@]} scripts"
else
  echo "shellcheck not installed: skipped"
fi
