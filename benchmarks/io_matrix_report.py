#!/usr/bin/env python3
"""The report of benchmarks/io_matrix.sh (standard library only): reads
DIR/raw/manifest.tsv (variant, repetition, output prefix, exit code, seconds)
and the bench JSON / run logs it names; writes DIR/io_matrix.json and
DIR/summary.md, and prints the summary. Its settings come from IOM_*
environment variables set by io_matrix.sh."""
import json
import os
import platform
import re
import statistics
import subprocess
import sys
from datetime import datetime, timezone

ENV = os.environ
DIR = ENV["IOM_DIR"]
FILES = ["checkpoint", "plot", "plot_corners", "checkpoint_read"]
PHASES = ["open_s", "transfer_s", "attributes_s", "close_s", "total_s", "baseline_open_s",
          "baseline_transfer_s", "baseline_close_s", "baseline_total_s"]
CK_LINE = re.compile(r"^checkpoint (\S+): (\d+) bytes in ([0-9.]+) s(?: \(sync ([0-9.]+) s\))?"
                     r"(?:.*time loop ([0-9.]+) s)?")
TOTAL = re.compile(r"time: total ([0-9.]+)s")
WALL = re.compile(r"^\s*wall\S*[: ]\s*([0-9.]+)")


def stats(values):
    v = [x for x in values if x is not None]
    if not v:
        return {"n": 0, "min": None, "median": None, "max": None}
    return {"n": len(v), "min": min(v), "median": statistics.median(v), "max": max(v)}


def bench_figures(path):
    """{file: {ratio, mib_per_s, baseline_mib_per_s, file_bytes, data_bytes, phases}}."""
    with open(path) as f:
        doc = json.load(f)
    out = {}
    for m in doc["measurements"]:
        s = m["samples"][0]
        fig = {k: s[k] for k in ["ratio", "mib_per_s", "baseline_mib_per_s"]}
        fig.update({"file_bytes": m["file_bytes"], "data_bytes": m["data_bytes"]})
        fig["phases"] = {k: s[k] for k in PHASES if k in s}
        for k in ["metadata_s", "raw_s", "baseline_metadata_s", "baseline_raw_s"]:
            fig["phases"][k] = m[k]["median"]  # one repetition per call: its value
        out[m["name"]] = fig
    return out, doc.get("environment", {})


def run_figures(log):
    """Checkpoint lines (the final one excluded) and the wall figures of a run."""
    cks = []
    total = wall = None
    for line in log.splitlines():
        m = CK_LINE.match(line)
        if m:
            sec = float(m.group(3))
            loop = float(m.group(5)) if m.group(5) else sec
            cks.append({"path": m.group(1), "bytes": int(m.group(2)), "seconds": sec,
                        "sync_s": float(m.group(4)) if m.group(4) else None, "loop_s": loop,
                        "time_loop_reported": m.group(5) is not None})
        m = TOTAL.search(line)
        if m:
            total = float(m.group(1))
        m = WALL.match(line)
        if m:
            wall = float(m.group(1))
    return {"checkpoints": cks[:-1], "final_checkpoint": cks[-1] if cks else None,
            "time_total_s": total, "wall_line_s": wall}


READ_LINE = re.compile(r"^restart read (\S+): (\d+) bytes in ([0-9.]+) s")


def layout_figures(prefix, n):
    """The checkpoint the layout run wrote, and the cold read of it."""
    with open(prefix + ".log") as f:
        cks = run_figures(f.read())
    with open(prefix + ".read.log") as f:
        reads = [READ_LINE.match(line) for line in f]
    read = [m for m in reads if m]
    ck = cks["final_checkpoint"]
    data = 4 * n * n * 8
    if not ck or not read:
        return {}
    mib = 1024.0 * 1024.0
    return {"file_bytes": ck["bytes"], "data_bytes": data, "ratio": data / ck["bytes"],
            "write_s": ck["seconds"], "read_s": float(read[-1].group(3)),
            "write_mib_s": data / mib / ck["seconds"],
            "read_mib_s": data / mib / float(read[-1].group(3))}


def collect():
    variants, env = {}, {}
    with open(os.path.join(DIR, "raw", "manifest.tsv")) as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    for v, rep, prefix, rc, secs in rows:
        entry = variants.setdefault(v, {"id": v, "runs": []})
        run = {"repetition": int(rep), "exit_code": int(rc), "elapsed_s": float(secs),
               "log": prefix + ".log"}
        if int(rc) == 0 and v.startswith("bw:"):
            run["files"], env = bench_figures(prefix + ".json")
            run["json"] = prefix + ".json"
        elif int(rc) == 0 and v.startswith("ly:"):
            run["layout"] = layout_figures(prefix, int(v.split(":")[2]))
        elif int(rc) == 0:
            with open(prefix + ".log") as lf:
                run.update(run_figures(lf.read()))
        entry["runs"].append(run)
    return variants, env


def summarise(variants):
    bw, ck, ly = [], [], []
    for v in sorted(variants.values(), key=lambda e: e["id"]):
        ok = [r for r in v["runs"] if r["exit_code"] == 0]
        v["failed_runs"] = len(v["runs"]) - len(ok)
        parts = v["id"].split(":")
        if parts[0] == "ly":
            v.update({"layout": parts[1], "n": int(parts[2]), "ranks": int(parts[3])})
            got = [r["layout"] for r in ok if r.get("layout")]
            v["stats"] = {k: stats([g[k] for g in got]) for k in
                          ["file_bytes", "ratio", "write_mib_s", "read_mib_s"]}
            ly.append(v)
        elif parts[0] == "bw":
            v.update({"mode": parts[1], "layout": parts[2], "ranks": int(parts[3])})
            v["stats"] = {}
            for name in FILES:
                got = [r["files"][name] for r in ok if name in r["files"]]
                if not got:
                    continue
                s = {k: stats([g[k] for g in got]) for k in ["ratio", "mib_per_s",
                                                              "baseline_mib_per_s"]}
                s["phases_median"] = {k: stats([g["phases"].get(k) for g in got])["median"]
                                      for k in got[0]["phases"]}
                s["file_bytes"] = got[-1]["file_bytes"]
                s["data_bytes"] = got[-1]["data_bytes"]
                v["stats"][name] = s
            bw.append(v)
        else:
            v.update({"checkpointing": parts[1], "ranks": int(parts[2])})
            loops = [c["loop_s"] for r in ok for c in r.get("checkpoints", [])]
            v["stats"] = {"loop_s": stats(loops),
                          "time_total_s": stats([r.get("time_total_s") for r in ok]),
                          "elapsed_s": stats([r["elapsed_s"] for r in ok]),
                          "wall_line_s": stats([r.get("wall_line_s") for r in ok]),
                          "time_loop_reported": all(c["time_loop_reported"] for r in ok
                                                    for c in r.get("checkpoints", []))}
            ck.append(v)
    ratios = {}
    for np_ in sorted({v["ranks"] for v in ck}):
        by = {v["checkpointing"]: v for v in ck if v["ranks"] == np_}
        a = by.get("async", {}).get("stats", {}).get("loop_s", {}).get("median")
        s = by.get("sync", {}).get("stats", {}).get("loop_s", {}).get("median")
        ratios[str(np_)] = a / s if a is not None and s else None
    return bw, ck, ly, ratios


def fmt(s, f="%.2f"):
    if not s or s.get("median") is None:
        return "-"
    return "/".join(f % s[k] for k in ["min", "median", "max"])


def layout_table(ly):
    out = ["", "Layouts on Kelvin-Helmholtz data (io.chunk / io.deflate; rates of the "
           "data, 4 x N x N float64; read: a cold restart), min/median/max", "",
           "| N | layout | ranks | file MiB | data / file | write MiB/s | read MiB/s |",
           "| --- | --- | --- | --- | --- | --- | --- |"]
    for v in sorted(ly, key=lambda e: (e["n"], e["layout"])):
        s = v["stats"]
        size = s["file_bytes"]["median"]
        out.append("| %d | %s | %d | %s | %s | %s | %s |" % (
            v["n"], v["layout"], v["ranks"], "-" if size is None else "%.1f" % (size / 1048576.0),
            fmt(s["ratio"]), fmt(s["write_mib_s"], "%.0f"), fmt(s["read_mib_s"], "%.0f")))
    return out


def table(bw, ck, ratios, notes, ly=()):
    out = ["# I/O matrix", "", "HDF5 / MPI-IO of the same bytes in the same run, "
           "min/median/max over the repetitions.", "",
           "| mode | layout | ranks | checkpoint | plot | plot_corners | restart read |",
           "| --- | --- | --- | --- | --- | --- | --- |"]
    for v in sorted(bw, key=lambda e: (e["ranks"], e["mode"], e["layout"])):
        cells = [fmt(v["stats"].get(n, {}).get("ratio")) for n in FILES]
        out.append("| %s | %s | %d | %s |" % (v["mode"], v["layout"], v["ranks"],
                                              " | ".join(cells)))
    if ck:
        out += ["", "Checkpoints in the time loop (s, min/median/max; loop = the time "
                "loop's cost per checkpoint)", "",
                "| checkpointing | ranks | loop s | run time: total s | elapsed s |",
                "| --- | --- | --- | --- | --- |"]
        for v in sorted(ck, key=lambda e: (e["ranks"], e["checkpointing"])):
            s = v["stats"]
            out.append("| %s | %d | %s | %s | %s |" % (
                v["checkpointing"], v["ranks"], fmt(s["loop_s"], "%.3f"),
                fmt(s["time_total_s"], "%.2f"), fmt(s["elapsed_s"], "%.2f")))
        out += [""] + ["loop cost async / sync at %s rank(s): %s" %
                       (k, "-" if r is None else "%.3f" % r) for k, r in ratios.items()]
    if ly:
        out += layout_table(ly)
    if notes:
        out += ["", "Notes:"] + ["- " + n for n in notes]
    return "\n".join(out) + "\n"


def main():
    variants, bench_env = collect()
    bw, ck, ly, ratios = summarise(variants)
    notes_path = os.path.join(DIR, "raw", "notes.txt")
    notes = [n.strip() for n in open(notes_path) if n.strip()] if os.path.exists(notes_path) else []
    failed = [v["id"] for v in variants.values() if v["failed_runs"]]
    if failed:
        notes.append("runs that failed (exit code != 0, logs in raw/): " + " ".join(failed))
    try:
        version = subprocess.run([ENV["IOM_BIN"], "--version"], capture_output=True,
                                 text=True).stdout.strip()
    except OSError:
        version = None
    doc = {
        "schema": "slabhydro-io-matrix", "schema_version": 1,
        "environment": {"start": ENV["IOM_START"],
                        "end": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                        "host": platform.node(), "load_average": open("/proc/loadavg").read().split()[:3]
                        if os.path.exists("/proc/loadavg") else None,
                        "mpiexec": ENV["IOM_MPIEXEC"], "slabhydro_version": version,
                        "bench_environment": bench_env},
        "config": {"repetitions": int(ENV["IOM_REPS"]), "ranks": ENV["IOM_RANKS"].split(),
                   "modes": ENV["IOM_MODES"].split(), "layouts": ENV["IOM_LAYOUTS"].split(),
                   "parts": ENV["IOM_PARTS"].split(), "nx_per_rank": int(ENV["IOM_NX_PER_RANK"]),
                   "ny": int(ENV["IOM_NY"]), "async_n": int(ENV["IOM_ASYNC_N"]),
                   "steps": int(ENV["IOM_STEPS"]), "every": int(ENV["IOM_EVERY"]),
                   "chunk_key": ENV["IOM_CHUNK_KEY"], "async_available": ENV["IOM_ASYNC_OK"] == "1",
                   "ly_sizes": [int(x) for x in ENV.get("IOM_LY_SIZES", "").split()],
                   "ly_layouts": ENV.get("IOM_LY_LAYOUTS", "").split(),
                   "ly_ranks": int(ENV.get("IOM_LY_RANKS", "0") or 0),
                   "ly_steps": int(ENV.get("IOM_LY_STEPS", "0") or 0)},
        "bandwidth": bw, "checkpointing": ck, "loop_cost_ratio_async_sync": ratios,
        "layouts": ly,
        "notes": notes,
    }
    with open(os.path.join(DIR, "io_matrix.json"), "w") as f:
        json.dump(doc, f, indent=1)
    text = table(bw, ck, ratios, notes, ly)
    with open(os.path.join(DIR, "summary.md"), "w") as f:
        f.write(text)
    sys.stdout.write("\n" + text)
    print("JSON: %s  summary: %s" % (os.path.join(DIR, "io_matrix.json"),
                                     os.path.join(DIR, "summary.md")))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
