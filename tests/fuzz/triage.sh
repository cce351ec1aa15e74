#!/usr/bin/env bash
# Groups reproducers by what they hit: runs the fuzz binary on each file and
# prints one line per distinct bug (the report's kind, and the first stack
# frame in slabhydro's own code), with the smallest file that shows it.
#   [TRIAGE_TIMEOUT=seconds] triage.sh FUZZ_BINARY FILE|DIR...
# e.g. tests/fuzz/triage.sh build-fuzz/tests/fuzz/fuzz_deck build-fuzz/fuzz/artifacts/deck
set -uo pipefail
bin=$1
shift
files=()
for a in "$@"; do
  if [ -d "$a" ]; then
    for f in "$a"/*; do [ -f "$f" ] && files+=("$f"); done
  else
    files+=("$a")
  fi
done
declare -A smallest count
for f in "${files[@]}"; do
  out=$(timeout 120 "$bin" -timeout="${TRIAGE_TIMEOUT:-30}" -rss_limit_mb=2048 "$f" 2>&1)
  rc=$?
  # Allocation reports: their malloc stack through the uninstrumented
  # libraries (HDF5 has no frame pointers) needs the slow unwinder.
  if echo "$out" | grep -a -q -E 'allocation-size-too-big|out-of-memory \(malloc|LeakSanitizer'; then
    out=$(ASAN_OPTIONS=fast_unwind_on_malloc=0 timeout 300 "$bin" -timeout="${TRIAGE_TIMEOUT:-30}" -rss_limit_mb=2048 "$f" 2>&1)
    rc=$?
  fi
  kind=$(echo "$out" | grep -a -o -m1 -E 'BUG: .{0,60}escaped: [^<(]*|HDF5 object id\(s\) left open|ERROR: AddressSanitizer: [A-Za-z-]+|runtime error: [^0-9]*|ERROR: libFuzzer: [a-z-]+|ERROR: LeakSanitizer|SUMMARY: UndefinedBehaviorSanitizer: [a-z-]+' || true)
  [ -n "$kind" ] || kind="exit code $rc, no report"
  [ "$rc" -eq 0 ] && kind="no bug (exit 0)"
  # First frame in slabhydro's code, not the harness: "io/inspect.cpp:42 function".
  line=$(echo "$out" | grep -a -E '^ +#[0-9]+ .*/(app|io|solver|decomposition)/[a-z_0-9]+\.(cpp|hpp):[0-9]+' |
         grep -a -v '/tests/fuzz/' | head -1)
  frame=""
  if [ -n "$line" ]; then
    where=$(echo "$line" | grep -a -o -E '(app|io|solver|decomposition)/[a-z_0-9]+\.(cpp|hpp):[0-9]+' | tail -1)
    func=$(echo "$line" | sed -E 's/^ +#[0-9]+ 0x[0-9a-f]+ in //' | sed -E 's/\(.*//' | cut -c1-80)
    frame="$where $func"
  fi
  key="$kind @ ${frame:-?}"
  size=$(wc -c <"$f")
  count[$key]=$(( ${count[$key]:-0} + 1 ))
  if [ -z "${smallest[$key]:-}" ] || [ "$size" -lt "$(wc -c <"${smallest[$key]}")" ]; then
    smallest[$key]=$f
  fi
done
for key in "${!count[@]}"; do
  printf '%4d x  %s\n       smallest: %s (%d bytes)\n' "${count[$key]}" "$key" "${smallest[$key]}" \
         "$(wc -c <"${smallest[$key]}")"
done | sed 's/^/triage: /'
