#!/usr/bin/env python3
"""Independent checks of `slabhydro bench` output (no numpy or h5py needed).

  check_bench.py files DIR BASENAME NX NY
      The three HDF5 files hold exactly the expected datasets, shapes and
      types, the kind attribute, and every value: the pattern and the corner
      rule are re-implemented here (float32 rounding through struct), the
      files are read through h5dump.
  check_bench.py json FILE RANKS REPETITIONS [--read] [--verified]
      The JSON report parses and carries every field of schema version 1 with
      the right type, and its numbers are consistent with each other.

Exit status 0 if everything holds; otherwise 1 with one line per problem.
"""
import json
import re
import struct
import subprocess
import sys

UNKNOWNS = ["dens", "velx", "vely", "velz", "pres", "ener", "temp", "gamc", "game", "enuc",
            "gpot"] + ["f%d" % k for k in range(1, 14)]
PLOT = ["dens", "temp", "pres", "f1"]

problems = []


def problem(msg):
    problems.append(msg)
    if len(problems) <= 20:
        print("FAIL: " + msg, file=sys.stderr)


def f32(x):
    return struct.unpack("<f", struct.pack("<f", x))[0]


def pattern(v, i, j, nx):
    return float(j * nx + i) + (v + 1) * 0.03125


def corner(v, I, J, nx, ny):
    def cell(i, j):
        return pattern(v, min(max(i, 0), nx - 1), min(max(j, 0), ny - 1), nx)
    a, b, c, d = cell(I - 1, J - 1), cell(I, J - 1), cell(I - 1, J), cell(I, J)
    return (((a + b) + c) + d) * 0.25


def dump(path):
    """{dataset name: (type, [dims], [values])} and the root attributes' text."""
    out = subprocess.run(["h5dump", "-m", "%.17g", "-y", "-w", "0", path],
                         capture_output=True, text=True)
    if out.returncode != 0:
        problem("h5dump %s failed: %s" % (path, out.stderr.strip()))
        return {}, ""
    sets, cur, in_data, values, group = {}, None, False, [], "/"
    for line in out.stdout.splitlines():
        s = line.strip()
        m = re.match(r'GROUP "(.*)" \{', s)
        if m:  # the files have one level of groups: "/" and "/fields"
            group = m.group(1) if m.group(1).startswith("/") else "/" + m.group(1)
            continue
        m = re.match(r'DATASET "(.*)" \{', s)
        if m:
            name = m.group(1)
            full = name if name.startswith("/") else group.rstrip("/") + "/" + name
            cur = {"name": full, "type": None, "dims": None}
            continue
        if cur is None:
            continue
        if s.startswith("DATATYPE"):
            cur["type"] = s.split()[1]
        elif s.startswith("DATASPACE"):
            m = re.search(r"\(\s*([0-9, ]+)\)", s)
            cur["dims"] = [int(x) for x in m.group(1).split(",")] if m else None
        elif s == "DATA {":
            in_data, values = True, []
        elif in_data and s == "}":
            in_data = False
            sets[cur["name"]] = (cur["type"], cur["dims"], values)
            cur = None
        elif in_data:
            values.extend(float(x) for x in s.rstrip(",").split(",") if x.strip())
    return sets, out.stdout


def check_file(path, kind, names, type_name, ny, nx, expect):
    sets, text = dump(path)
    if not sets:
        return
    m = re.search(r'ATTRIBUTE "kind" \{.*?DATA \{\s*"([^"]*)"', text, re.S)
    if not m or m.group(1) != kind:
        problem("%s: attribute kind is %s, expected %s" % (path, m and m.group(1), kind))
    want = sorted("/fields/" + n for n in names)
    if sorted(sets) != want:
        problem("%s: datasets %s, expected %s" % (path, sorted(sets), want))
    for name in names:
        full = "/fields/" + name
        if full not in sets:
            continue
        t, dims, values = sets[full]
        if t != type_name:
            problem("%s:%s: type %s, expected %s" % (path, full, t, type_name))
        if dims != [ny, nx]:
            problem("%s:%s: shape %s, expected [%d, %d]" % (path, full, dims, ny, nx))
            continue
        if len(values) != ny * nx:
            problem("%s:%s: %d values, expected %d" % (path, full, len(values), ny * nx))
            continue
        wrong = 0
        for j in range(ny):
            for i in range(nx):
                w = expect(name, i, j)
                if values[j * nx + i] != w:
                    wrong += 1
                    if wrong == 1:
                        problem("%s:%s (i, j) = (%d, %d): %r, expected %r" %
                                (path, full, i, j, values[j * nx + i], w))
        if wrong:
            problem("%s:%s: %d of %d values wrong" % (path, full, wrong, ny * nx))


def check_files(d, base, nx, ny):
    p = "%s/%s_" % (d, base)
    check_file(p + "chk.h5", "checkpoint", UNKNOWNS, "H5T_IEEE_F64LE", ny, nx,
               lambda n, i, j: pattern(UNKNOWNS.index(n), i, j, nx))
    check_file(p + "plt_cnt.h5", "plot", PLOT, "H5T_IEEE_F32LE", ny, nx,
               lambda n, i, j: f32(pattern(UNKNOWNS.index(n), i, j, nx)))
    check_file(p + "plt_crn.h5", "plot_corners", PLOT, "H5T_IEEE_F32LE", ny + 1, nx + 1,
               lambda n, i, j: f32(corner(UNKNOWNS.index(n), i, j, nx, ny)))


# ---- JSON schema, version 2 (README.md, "JSON report") ----------------------

NUM = (int, float)
STATS = {"min": NUM, "median": NUM, "max": NUM, "mean": NUM, "stddev": NUM}
SCHEMA = {
    "schema": str, "schema_version": int,
    "software": {"slabhydro": str, "hdf5": str, "mpi_library": str, "mpi_version": str,
                 "kokkos_execution_space": str},
    "config": {"deck": str, "ranks": int, "scaling": str, "nx": int, "ny": int, "ng": int,
               "nx_per_rank_min": int, "nx_per_rank_max": int, "unknowns": int, "mode": str,
               "chunk": str, "deflate": int, "szip": int, "alignment": int, "alignment_threshold": int,
               "hints": dict, "mpiio_info": dict, "fsync": bool, "repetitions": int,
               "dir": str, "basename": str, "keep_files": bool, "read": bool,
               "drop_cache": bool, "cache_dropped": bool, "verify": bool},
    "environment": {"start": str, "end": str, "command_line": str, "hosts": list,
                    "ranks_per_node_max": int, "dir": str, "file_system": str,
                    "free_bytes": int, "size_bytes": int, "lustre_stripe": (str, type(None)),
                    "mpiio_component": str},
    "measurements": list,
    "verified_values": (int, type(None)),
}
MEASUREMENT = {
    "name": str, "operation": str, "path": str, "baseline_path": str, "datasets": int,
    "datatype": str, "shape": list, "chunk": (list, type(None)), "data_bytes": int,
    "file_bytes": int, "prep_s": STATS, "open_s": STATS, "transfer_s": STATS, "close_s": STATS,
    "total_s": STATS, "mib_per_s": STATS, "baseline_open_s": STATS,
    "baseline_transfer_s": STATS, "baseline_close_s": STATS, "baseline_total_s": STATS,
    "baseline_mib_per_s": STATS, "ratio": STATS, "samples": list, "metadata_s": STATS,
    "raw_s": STATS, "baseline_metadata_s": STATS, "baseline_raw_s": STATS,
}
SAMPLE = {k: NUM for k in ["prep_s", "open_s", "transfer_s", "close_s", "total_s", "mib_per_s",
                           "baseline_open_s", "baseline_transfer_s", "baseline_close_s",
                           "baseline_total_s", "baseline_mib_per_s", "ratio"]}
SAMPLE["baseline_first"] = bool
SAMPLE["attributes_s"] = NUM


def check_shape(obj, spec, where):
    if not isinstance(obj, dict):
        problem("%s: not an object" % where)
        return
    for k, t in spec.items():
        if k not in obj:
            problem("%s.%s: missing" % (where, k))
        elif isinstance(t, dict):
            check_shape(obj[k], t, where + "." + k)
        elif isinstance(obj[k], bool) and t in (int, NUM, (int, type(None))):
            problem("%s.%s: a boolean where a number belongs" % (where, k))
        elif not isinstance(obj[k], t):
            problem("%s.%s: %r is not %s" % (where, k, obj[k], t))
    for k in obj:
        if k not in spec:
            problem("%s.%s: not in the schema" % (where, k))


def close(a, b):
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b))


def check_json(path, ranks, reps, read, verified):
    try:
        with open(path) as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        problem("%s: %s" % (path, e))
        return
    check_shape(doc, SCHEMA, "$")
    if problems:
        return
    if doc["schema"] != "slabhydro-bench" or doc["schema_version"] != 2:
        problem("schema %s version %s" % (doc["schema"], doc["schema_version"]))
    e = doc["environment"]
    if sum(h.get("ranks", 0) for h in e["hosts"]) != ranks or \
            e["ranks_per_node_max"] != max(h.get("ranks", 0) for h in e["hosts"]):
        problem("environment: hosts %s for %d ranks" % (e["hosts"], ranks))
    if not (e["start"] <= e["end"] and e["command_line"].startswith("slabhydro bench")):
        problem("environment: start %s end %s command %r" % (e["start"], e["end"],
                                                               e["command_line"]))
    if not (e["dir"].startswith("/") and e["free_bytes"] <= e["size_bytes"] and e["file_system"]):
        problem("environment: dir %s (%s), free %d of %d" % (e["dir"], e["file_system"],
                                                              e["free_bytes"], e["size_bytes"]))
    c = doc["config"]
    if c["ranks"] != ranks or c["repetitions"] != reps or c["unknowns"] != 24:
        problem("config: ranks %d repetitions %d unknowns %d" % (c["ranks"], c["repetitions"],
                                                                 c["unknowns"]))
    if c["scaling"] == "weak" and c["nx"] != c["nx_per_rank_min"] * ranks:
        problem("config: weak scaling but nx %d != %d x %d" % (c["nx"], c["nx_per_rank_min"],
                                                               ranks))
    if not (c["nx_per_rank_min"] <= c["nx_per_rank_max"] <= c["nx_per_rank_min"] + 1):
        problem("config: slab widths %d..%d" % (c["nx_per_rank_min"], c["nx_per_rank_max"]))
    names = ["checkpoint", "plot", "plot_corners"] + (["checkpoint_read"] if read else [])
    got = [m.get("name") for m in doc["measurements"]]
    if got != names:
        problem("measurements %s, expected %s" % (got, names))
    nx, ny = c["nx"], c["ny"]
    shapes = {"checkpoint": (24, "float64", ny, nx, 8), "plot": (4, "float32", ny, nx, 4),
              "plot_corners": (4, "float32", ny + 1, nx + 1, 4),
              "checkpoint_read": (24, "float64", ny, nx, 8)}
    for m in doc["measurements"]:
        w = "$.measurements[%s]" % m.get("name")
        check_shape(m, MEASUREMENT, w)
        if problems:
            return
        n, t, sy, sx, size = shapes.get(m["name"], (0, "", 0, 0, 0))
        if (m["datasets"], m["datatype"], m["shape"]) != (n, t, [sy, sx]):
            problem("%s: %d %s datasets of %s" % (w, m["datasets"], m["datatype"], m["shape"]))
        if m["data_bytes"] != n * sy * sx * size:
            problem("%s: data_bytes %d != %d" % (w, m["data_bytes"], n * sy * sx * size))
        if m["file_bytes"] <= 0:
            problem("%s: file_bytes %d" % (w, m["file_bytes"]))
        if m["operation"] != ("read" if m["name"].endswith("_read") else "write"):
            problem("%s: operation %s" % (w, m["operation"]))
        if len(m["samples"]) != reps:
            problem("%s: %d samples for %d repetitions" % (w, len(m["samples"]), reps))
        for k, v in m.items():
            if isinstance(v, dict) and not (v["min"] <= v["median"] <= v["max"] and
                                            v["min"] <= v["mean"] <= v["max"] and
                                            v["stddev"] >= 0):
                problem("%s.%s: min/median/mean/max out of order: %s" % (w, k, v))
        for k in ("path", "baseline_path"):
            if not m[k].startswith(e["dir"] + "/"):
                problem("%s.%s: %s is not in %s" % (w, k, m[k], e["dir"]))
        for i, s in enumerate(m["samples"]):
            check_shape(s, SAMPLE, "%s.samples[%d]" % (w, i))
            if problems:
                return
            if not (s["total_s"] > 0 and s["baseline_total_s"] > 0):
                problem("%s.samples[%d]: non-positive total time" % (w, i))
                continue
            # Each phase and the total are maxima over the ranks taken apart:
            # no phase exceeds the total, which does not exceed their sum.
            phases = [s["open_s"], s["transfer_s"], s["close_s"]]
            slack = 1e-6 + 1e-6 * s["total_s"]
            if min(phases) < 0 or max(phases) > s["total_s"] + slack or \
                    s["total_s"] > sum(phases) + slack:
                problem("%s.samples[%d]: phases %s do not fit total %g" %
                        (w, i, phases, s["total_s"]))
            if not (0 <= s["attributes_s"] <= s["transfer_s"] + slack):
                problem("%s.samples[%d]: attributes %g outside the transfer %g" %
                        (w, i, s["attributes_s"], s["transfer_s"]))
            mib = m["data_bytes"] / 1048576.0
            if not close(s["mib_per_s"], mib / s["total_s"]):
                problem("%s.samples[%d]: mib_per_s %g != %g" % (w, i, s["mib_per_s"],
                                                                mib / s["total_s"]))
            if not close(s["baseline_mib_per_s"], mib / s["baseline_total_s"]):
                problem("%s.samples[%d]: baseline_mib_per_s inconsistent" % (w, i))
            if not close(s["ratio"], s["mib_per_s"] / s["baseline_mib_per_s"]):
                problem("%s.samples[%d]: ratio inconsistent" % (w, i))
            if s["baseline_first"] != (i % 2 == (1 if m["operation"] == "read" else 0)):
                problem("%s.samples[%d]: baseline order does not alternate" % (w, i))
        med = sorted(s["mib_per_s"] for s in m["samples"])
        want = med[len(med) // 2] if len(med) % 2 else 0.5 * (med[len(med) // 2 - 1] +
                                                               med[len(med) // 2])
        if not close(m["mib_per_s"]["median"], want):
            problem("%s: median MiB/s %g, from the samples %g" % (w, m["mib_per_s"]["median"],
                                                                 want))
    if verified and not (isinstance(doc["verified_values"], int) and doc["verified_values"] > 0):
        problem("verified_values %r after --verify" % doc["verified_values"])
    if not verified and doc["verified_values"] is not None:
        problem("verified_values %r without --verify" % doc["verified_values"])


def main(argv):
    if len(argv) >= 6 and argv[1] == "files":
        check_files(argv[2], argv[3], int(argv[4]), int(argv[5]))
    elif len(argv) >= 5 and argv[1] == "json":
        check_json(argv[2], int(argv[3]), int(argv[4]), "--read" in argv, "--verified" in argv)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    if problems:
        print("%d problem(s)" % len(problems), file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
