#!/usr/bin/env bash
# `bash dev.sh fuzz [SECONDS | ci]`: builds the libFuzzer targets in a clang
# build directory of their own, makes the seed corpora, and fuzzes each
# target for SECONDS (default 60), one after the other. Exit code 1 if any
# target found a crash, a timeout, a leak or an out-of-memory; the
# reproducers are listed. Safe to run again: the build is incremental, seeds
# are remade, and the corpora grown by earlier runs are kept and fuzzed
# further. `ci`: a verdict that does not depend on the machine's speed: a
# fixed number of inputs (FUZZ_RUNS_DECK, FUZZ_RUNS_CHECKPOINT: about a
# minute each here) from a fixed seed (FUZZ_SEED, 1) and the seeds alone.
# Environment:
#   FUZZ_BUILD_DIR  build directory (default build-fuzz)
#   FUZZ_TARGETS    targets to run (default "deck checkpoint")
#   FUZZ_ARGS       extra libFuzzer flags, e.g. to go on after a bug:
#                   "-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1"
#   FUZZ_TIMEOUT    seconds one input may take (default 10)
#   FUZZ_RSS_MB     memory limit in MB (default 2048)
#   FUZZ_CC, FUZZ_CXX  compilers of a new build directory (clang-14, clang++-14)
#   JOBS            build jobs (default: nproc)
set -euo pipefail
cd "$(dirname "$0")/../.."
src=$PWD

seconds=${1:-60}
ci=0
if [ "$seconds" = ci ]; then ci=1; seconds=0; fi
case "$seconds" in '' | *[!0-9]*) echo "run_fuzz.sh: SECONDS must be a whole number or ci, got '$seconds'" >&2; exit 2 ;; esac
build=${FUZZ_BUILD_DIR:-build-fuzz}
case "$build" in /*) ;; *) build="$src/$build" ;; esac  # reports print absolute paths
targets=${FUZZ_TARGETS:-deck checkpoint}
timeout=${FUZZ_TIMEOUT:-10}
rss=${FUZZ_RSS_MB:-2048}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
cc=${FUZZ_CC:-clang-14} cxx=${FUZZ_CXX:-clang++-14}

# --- build --------------------------------------------------------------------
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSLABHYDRO_FUZZ=ON \
        -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx"
elif ! grep -q '^SLABHYDRO_FUZZ:BOOL=ON$' "$build/CMakeCache.txt"; then
  echo "run_fuzz.sh: $build is a build directory without -DSLABHYDRO_FUZZ=ON;" \
       "set FUZZ_BUILD_DIR to another (or an empty) directory" >&2
  exit 2
fi
fuzz_bins=()
for t in $targets; do fuzz_bins+=("fuzz_$t"); done
start=$(date +%s)
cmake --build "$build" -j "$jobs" --target slabhydro fuzz_fixed_strings "${fuzz_bins[@]}"
echo "run_fuzz.sh: build took $(($(date +%s) - start)) s"

# --- seeds --------------------------------------------------------------------
work="$build/fuzz"
mkdir -p "$work/tmp"
# The seed runs use the sanitized slabhydro; MPI and HDF5 leave memory behind at exit.
ASAN_OPTIONS=detect_leaks=0 bash tests/fuzz/make_seeds.sh "$build/app/slabhydro" "$src" "$work/seeds" \
  "$build/tests/fuzz/fuzz_fixed_strings"

# --- fuzz ---------------------------------------------------------------------
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
TMPDIR=$(cd "$work/tmp" && pwd)  # fuzz_checkpoint's input file (and Open MPI's session dir)
export TMPDIR
rm -f "$TMPDIR"/slabhydro_fuzz_checkpoint_*.h5  # left by runs that crashed
status=0
for t in $targets; do
  corpus="$work/corpus/$t" artifacts="$work/artifacts/$t" log="$work/$t.log"
  if ((ci)); then
    corpus="$work/corpus-ci/$t"
    rm -rf "$corpus"
    case "$t" in deck) runs=${FUZZ_RUNS_DECK:-50000} ;; *) runs=${FUZZ_RUNS_CHECKPOINT:-25000} ;; esac
    budget=(-runs="$runs" -seed="${FUZZ_SEED:-1}")
  else
    budget=(-max_total_time="$seconds")
  fi
  mkdir -p "$corpus" "$artifacts"
  before=$(ls "$artifacts")
  # Decks are 1-2 KB, the seed HDF5 files about 12 KB.
  case "$t" in deck) max_len=8192 ;; *) max_len=32768 ;; esac
  echo "run_fuzz.sh: fuzzing $t: ${budget[*]} (log: $log)"
  rc=0
  # shellcheck disable=SC2086
  "$build/tests/fuzz/fuzz_$t" "${budget[@]}" -timeout="$timeout" \
      -rss_limit_mb="$rss" -max_len="$max_len" -dict="$work/seeds/$t.dict" \
      -artifact_prefix="$artifacts/" -print_final_stats=1 ${FUZZ_ARGS:-} \
      "$corpus" "$work/seeds/$t" >"$log" 2>&1 || rc=$?
  new=$(comm -13 <(echo "$before") <(ls "$artifacts") | sed "s|^|$artifacts/|")
  grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)' "$log" |
    sed 's/^/  /' || true
  echo "  corpus: $(ls "$corpus" | wc -l) inputs in $corpus"
  if [ "$rc" -ne 0 ] || [ -n "$new" ]; then
    status=1
    echo "run_fuzz.sh: fuzz_$t FOUND A BUG (exit code $rc). The report:"
    report=$(grep -E -m1 -A40 '^==[0-9]+==ERROR|BUG:|runtime error:|deadly signal|ALARM|out-of-memory|Timeout|detected memory leaks' \
      "$log" || true)
    [ -n "$report" ] || report=$(tail -40 "$log")
    echo "$report" | head -60 | cut -c1-220 | sed "s/^/  | /"
    for f in $new; do
      echo "  reproducer: $f"
      echo "    replay:   $build/tests/fuzz/fuzz_$t $f"
    done
    echo "  Keep it as a regression input: cp <reproducer> tests/fuzz/regressions/$t/<short-name> (README.md)"
  fi
done
[ "$status" -eq 0 ] && echo "run_fuzz.sh: no bugs found"
exit "$status"
