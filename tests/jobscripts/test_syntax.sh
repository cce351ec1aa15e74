#!/bin/bash
# Every job script and every stand-in batch command parses (`bash -n`), is
# executable, and, when shellcheck is installed, has no shellcheck warning.
# shellcheck source=lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

mapfile -t scripts < <(find "$SRC/jobscripts" "$STANDINS" -type f | sort)
mapfile -t tests < <(find "$SRC/tests/jobscripts" -maxdepth 1 -name '*.sh' | sort)
for must in jobscripts/slurm/slabhydro.sbatch jobscripts/slurm/resize_example.sh \
  jobscripts/pbs/slabhydro.pbs jobscripts/local/slabhydro-local.sh; do
  [ -f "$SRC/$must" ] || fail "$must is missing"
done
((${#scripts[@]} >= 10)) || fail "found only ${#scripts[@]} scripts: ${scripts[*]}"

for s in "${scripts[@]}"; do
  bash -n "$s" || fail "bash -n $s"
  case $s in
    */bin/fake_sched_lib.sh) ;;
    *) [ -x "$s" ] || fail "$s is not executable" ;;
  esac
  head -n 1 "$s" | grep -q '^#!/bin/bash' || [[ $s == */fake_sched_lib.sh || $s == */lib.sh ]] ||
    fail "$s does not start with #!/bin/bash"
done
for s in "${tests[@]}"; do bash -n "$s" || fail "bash -n $s"; done
pass "bash -n on ${#scripts[@]} scripts and ${#tests[@]} test scripts"

if command -v shellcheck >/dev/null 2>&1; then
  (cd "$STANDINS" && shellcheck -x -S warning -s bash "${scripts[@]}") ||
    fail "shellcheck warnings (above)"
  (cd "$SRC/tests/jobscripts" && shellcheck -x -S warning -s bash "${tests[@]}") ||
    fail "shellcheck warnings in the tests (above)"
  pass "shellcheck -S warning on all of them"
else
  echo "shellcheck not installed: skipped"
fi
