#!/usr/bin/env bash
# benchmarks/io_matrix.sh in a tiny configuration (1 repetition, 1 and 2
# ranks, 8 x 6 zones per rank, one mode, two layouts, a 32 x 32 run, two
# layouts of a 16 x 16 Kelvin-Helmholtz checkpoint written and read): it
# finishes, and its JSON report parses and carries the expected keys and
# variants. No timing value is checked: speed is the benchmark's business.
# usage: io_matrix.sh BINARY SOURCE_DIR SCRATCH PYTHON3
source "$(dirname "$0")/../common/script_lib.sh"

PY=${1:?python3}
OUTDIR=$SCRATCH/matrix
RANKS="1 2" MODES=collective LAYOUTS="none slab+d1" NX_PER_RANK=8 NY=6 ASYNC_N=32 STEPS=4 \
  EVERY=2 LY_SIZES=16 LY_LAYOUTS="none slab+d1" LY_RANKS=2 LY_STEPS=2 PYTHON=$PY timeout 600 bash "$SRC/benchmarks/io_matrix.sh" "$BIN" "$OUTDIR" 1 \
  >"$SCRATCH/matrix.log" 2>&1 || { cat "$SCRATCH/matrix.log" >&2; fail "io_matrix.sh failed"; }
grep -q '^| collective | none | 1 |' "$OUTDIR/summary.md" || fail "no summary table"
grep -q '^| collective | none | 1 |' "$SCRATCH/matrix.log" || fail "no table on stdout"

"$PY" - "$OUTDIR/io_matrix.json" <<'PYEOF' || fail "io_matrix.json"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["schema"] == "slabhydro-io-matrix" and doc["schema_version"] == 1, doc["schema"]
for k in ["environment", "config", "bandwidth", "checkpointing", "loop_cost_ratio_async_sync",
          "notes"]:
    assert k in doc, k
for k in ["start", "end", "host", "mpiexec", "slabhydro_version", "bench_environment"]:
    assert k in doc["environment"], k
assert doc["config"]["repetitions"] == 1 and doc["config"]["ranks"] == ["1", "2"]
ids = sorted(v["id"] for v in doc["bandwidth"])
assert ids == ["bw:collective:none:1", "bw:collective:none:2", "bw:collective:slab+d1:1",
               "bw:collective:slab+d1:2"], ids
for v in doc["bandwidth"]:
    assert v["failed_runs"] == 0 and len(v["runs"]) == 1, v["id"]
    assert sorted(v["stats"]) == ["checkpoint", "checkpoint_read", "plot", "plot_corners"]
    for name, s in v["stats"].items():
        for k in ["ratio", "mib_per_s", "baseline_mib_per_s"]:
            assert sorted(s[k]) == ["max", "median", "min", "n"] and s[k]["n"] == 1, (name, k)
            assert s[k]["min"] <= s[k]["median"] <= s[k]["max"], (name, k)
        for k in ["open_s", "transfer_s", "close_s", "total_s", "baseline_total_s",
                  "metadata_s", "raw_s"]:
            assert isinstance(s["phases_median"][k], float), (name, k)
        assert s["data_bytes"] > 0 and s["file_bytes"] > 0
    assert v["runs"][0]["files"]["checkpoint"]["data_bytes"] == 24 * 6 * 8 * 8 * v["ranks"]
whats = sorted((v["checkpointing"], v["ranks"]) for v in doc["checkpointing"])
expect = [("none", 1), ("none", 2), ("sync", 1), ("sync", 2)]
if doc["config"]["async_available"]:
    expect += [("async", 1), ("async", 2)]
else:
    assert any("checkpoint.async" in n for n in doc["notes"]), doc["notes"]
assert whats == sorted(expect), whats
for v in doc["checkpointing"]:
    s = v["stats"]
    assert v["failed_runs"] == 0, v["id"]
    assert s["time_total_s"]["n"] == 1 and s["elapsed_s"]["n"] == 1, v["id"]
    # 4 steps, a checkpoint every 2: one in the loop besides the final one.
    assert s["loop_s"]["n"] == (0 if v["checkpointing"] == "none" else 1), (v["id"], s["loop_s"])
assert sorted(doc["loop_cost_ratio_async_sync"]) == ["1", "2"]
assert sorted(v["id"] for v in doc["layouts"]) == ["ly:none:16:2", "ly:slab+d1:16:2"]
for v in doc["layouts"]:
    assert v["failed_runs"] == 0 and len(v["runs"]) == 1, v["id"]
    f = v["runs"][0]["layout"]
    assert f["data_bytes"] == 4 * 16 * 16 * 8, f
    assert f["file_bytes"] > 0 and f["write_mib_s"] > 0 and f["read_mib_s"] > 0, f
    for k in ["file_bytes", "ratio", "write_mib_s", "read_mib_s"]:
        assert v["stats"][k]["n"] == 1, (v["id"], k)
# deflate makes the checkpoint smaller than the contiguous one of the same state
size = {v["layout"]: v["runs"][0]["layout"]["file_bytes"] for v in doc["layouts"]}
assert size["slab+d1"] < size["none"], size
PYEOF
grep -q '^| 16 | slab+d1 | 2 |' "$OUTDIR/summary.md" || fail "no layout table"
echo "ok: io_matrix.sh tiny run, JSON and summary"
