#!/usr/bin/env python3
"""bench.py — reportlint side by side with jq, ajv, plain Python and a
cJSON parse-only floor, on data from gen.py (make bench; make check runs
it with --check on a tiny size).

Every tool checks the same things and must report the same violation
counts as the generator injected (ajv: the checks JSON Schema can
express); the bench fails when one does not. For each tool and dataset it
prints wall time, MB/s, records/s, max RSS (os.wait4, per child process)
and the time ratio to reportlint -j 1, as Markdown for RESULTS.md, then
the issue's targets as met / missed.

Environment: BENCH_RECORDS (default 1000000), BENCH_SCALE (the large
national report, default 100), BENCH_RSS_RECORDS (a second, larger NDJSON
file for reportlint's memory only; default 5 x BENCH_RECORDS, 0: skip),
BENCH_JOBS (the parallel run, default the number of cores), AJV_DIR,
BENCH_HUGE_MB (a national report of about that many MiB checked by
reportlint -j 1 alone, for its time and memory against its size; default
1024, 0: skip; bench-check skips it).
--formats: only the rows of every output format at -j 1 and -j N (each the
best of BENCH_REPEAT runs, default 1)."""
import json
import os
import platform
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BUILD = os.environ.get("BUILD", os.path.join(ROOT, "build"))
OUT = os.path.join(BUILD, "bench")
RL = os.path.join(BUILD, "reportlint")
FLOOR = os.path.join(OUT, "floor_cjson")
TIMED = os.path.join(OUT, "timed")
AJV_DIR = os.environ.get("AJV_DIR", os.path.join(OUT, "node"))


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def dataset(kind, size):
    """Generate (once) and return (path, expected counts)."""
    os.makedirs(os.path.join(OUT, "data"), exist_ok=True)
    name = "records-%d.ndjson" % size if kind == "ndjson" else "national-%dx.json" % size
    path = os.path.join(OUT, "data", name)
    if not os.path.exists(path + ".expected.json"):
        log("generating %s ..." % path)
        subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), kind, str(size), path], check=True)
    with open(path + ".expected.json") as f:
        return path, json.load(f)


def run(cmd, stdout_path):
    """Run cmd with stdout to a file, through timed (tests/bench/timed.c, so
    that max RSS is the command's own): (exit status, seconds, max RSS in
    KiB, stderr)."""
    p = subprocess.run([TIMED, stdout_path] + cmd, stderr=subprocess.PIPE)
    err = p.stderr.decode("utf-8", "replace").rstrip("\n").split("\n")
    status, secs, rss = err[-1].split()[1:]
    return int(status), float(secs), int(rss), "\n".join(err[:-1])


def counts_from_ndjson_output(path):
    counts = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            v = json.loads(line)
            if "rule" in v:
                counts[v["rule"]] = counts.get(v["rule"], 0) + 1
    return counts


def counts_from_stdout(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


class Tool:
    def __init__(self, name, cmd, counts, expect_keys=None, ok_status=(0,)):
        self.name, self.cmd, self.counts = name, cmd, counts
        self.expect_keys, self.ok_status = expect_keys, ok_status


def tools_for(kind, path, jobs, ajv_reason):
    rules = os.path.join(HERE, "rules-%s.json" % kind)
    out = os.path.join(OUT, "out")
    rl = lambda j: Tool("reportlint -j %d" % j,
                        [RL, "--no-config", "--max-violations", "0", "-r", rules, "-f", "ndjson", "-j", str(j),
                         "-o", "%s-rl%d.ndjson" % (out, j), path],
                        lambda _s, j=j: counts_from_ndjson_output("%s-rl%d.ndjson" % (out, j)),
                        ok_status=(0, 1))
    t = [rl(1)]
    if kind == "ndjson" and jobs > 1:
        t.append(rl(jobs))
    jq_args = ["-n"] if kind == "ndjson" else []
    if have("jq"):
        t.append(Tool("jq", ["jq", "-S", "-c"] + jq_args + ["-f", os.path.join(HERE, "peer_%s.jq" % kind), path],
                      counts_from_stdout))
    t.append(Tool("python", [sys.executable, os.path.join(HERE, "peer_python.py"), kind, path],
                  counts_from_stdout))
    if kind == "ndjson":
        t.append(Tool("ajv", ["node", os.path.join(HERE, "peer_ajv.js"),
                              os.path.join(HERE, "record.schema.json"), path],
                      counts_from_stdout, expect_keys=["PROC-CODE", "DECREE-NUMBER", "FEE-NONNEG"])
                 if not ajv_reason else None)
    t.append(Tool("cJSON parse only", [FLOOR, "json" if kind == "national" else "ndjson", path],
                  counts_from_stdout))
    return t


def have(cmd):
    return subprocess.run(["sh", "-c", "command -v " + cmd], capture_output=True).returncode == 0


def ajv_missing():
    """Why the ajv column cannot run, or None."""
    if not have("node"):
        return "node is not installed"
    if not os.path.isdir(os.path.join(AJV_DIR, "node_modules", "ajv")):
        return "ajv is not installed in %s (make bench runs npm install; was the registry reachable?)" % AJV_DIR
    return None


def bench_dataset(label, kind, size, jobs, ajv_reason, n_records):
    path, expected = dataset(kind, size)
    mb = os.path.getsize(path) / 1e6
    rows, failures = [], []
    for tool in tools_for(kind, path, jobs, ajv_reason):
        if tool is None:
            log("ajv: SKIPPED on %s — %s" % (label, ajv_reason))
            rows.append(("ajv", None, None, None, None, "skipped: " + ajv_reason))
            continue
        stdout = os.path.join(OUT, "stdout.txt")
        status, secs, rss, err = run(tool.cmd, stdout)
        if status not in tool.ok_status:
            failures.append("%s on %s: exit %d: %s" % (tool.name, label, status, err.strip()[:500]))
            rows.append((tool.name, secs, None, None, rss, "FAILED (exit %d)" % status))
            continue
        got = tool.counts(stdout)
        if tool.name.startswith("cJSON"):
            want = {"parsed": n_records if kind == "ndjson" else 1}
        else:
            want = {k: expected[k] for k in (tool.expect_keys or expected)}
        agree = got == want
        if not agree:
            failures.append("%s on %s: counts %s, expected %s" % (tool.name, label, got, want))
        note = "counts agree" if agree else "COUNTS DIFFER"
        if tool.expect_keys:
            note += " (%d of %d checks: the rest are not expressible)" % (len(tool.expect_keys), len(expected))
        rows.append((tool.name, secs, mb / secs, n_records / secs, rss, note))
        log("%-18s %-16s %8.2f s  %7.1f MB/s  %7.1f MB RSS  %s" % (tool.name, label, secs, mb / secs, rss / 1024, note))
    return {"label": label, "mb": mb, "records": n_records, "rows": rows, "expected": expected}, failures


def table(ds):
    base = next(r[1] for r in ds["rows"] if r[0] == "reportlint -j 1" and r[1])
    lines = ["### %s (%.1f MB, %d records)" % (ds["label"], ds["mb"], ds["records"]), "",
             "| tool | seconds | MB/s | records/s | max RSS (MB) | time / reportlint -j 1 | |",
             "| --- | ---: | ---: | ---: | ---: | ---: | --- |"]
    for name, secs, mbs, rps, rss, note in ds["rows"]:
        if secs is None:
            lines.append("| %s | – | – | – | – | – | %s |" % (name, note))
            continue
        lines.append("| %s | %.2f | %s | %s | %.1f | %.2f× | %s |" % (
            name, secs, "%.1f" % mbs if mbs else "–", "{:,.0f}".format(rps) if rps else "–",
            rss / 1024, secs / base, note))
    return "\n".join(lines)


def secs_of(ds, name):
    return next((r[1] for r in ds["rows"] if r[0] == name and r[1] and not r[5].startswith("FAILED")), None)


def targets(nd, jobs, rss_big):
    rl1 = secs_of(nd, "reportlint -j 1")
    out = []

    def t(what, ok, detail):
        out.append("| %s | %s | %s |" % (what, detail, "met" if ok else "**missed**"))

    floor, py, jq, ajv, rlj = (secs_of(nd, n) for n in ("cJSON parse only", "python", "jq", "ajv",
                                                        "reportlint -j %d" % jobs))
    if floor:
        t("single-threaded ≥ 0.8× the cJSON floor's throughput", floor / rl1 >= 0.8, "%.2f×" % (floor / rl1))
    if py:
        t("≥ 4× Python", py / rl1 >= 4, "%.1f×" % (py / rl1))
    if jq:
        t("≥ 30× jq", jq / rl1 >= 30, "%.1f×" % (jq / rl1))
    if ajv:
        t("faster than ajv", ajv / rl1 > 1, "%.2f×" % (ajv / rl1))
    if rlj:
        t("-j %d ≥ 1.7× -j 1" % jobs, rl1 / rlj >= 1.7, "%.2f×" % (rl1 / rlj))
    rss1 = next(r[4] for r in nd["rows"] if r[0] == "reportlint -j 1") / 1024
    t("max RSS < 32 MB on %d records (-j 1)" % nd["records"], rss1 < 32, "%.1f MB" % rss1)
    if rss_big:
        n, rss = rss_big
        t("max RSS unchanged at %d records" % n, rss / 1024 < 32 and rss / 1024 <= rss1 * 1.1 + 1,
          "%.1f MB" % (rss / 1024))
    return "\n".join(["| target | measured | |", "| --- | ---: | --- |"] + out)


FORMATS = ("text", "json", "ndjson", "sarif", "junit", "github", "html")


def bench_formats(nd, jobs):
    """Issue 16 target 2: every output format at -j 1 and -j N on the NDJSON
    records (the benchmark rules, --max-violations 0, -o a file), the two
    outputs byte-identical. Returns rows (format, secs -j 1, secs -j N, max
    RSS -j 1, max RSS -j N) and failures; best of BENCH_REPEAT runs (default 1)."""
    repeat = int(os.environ.get("BENCH_REPEAT", "1"))
    path, _ = dataset("ndjson", nd["records"])
    rules = os.path.join(HERE, "rules-ndjson.json")
    rows, failures = [], []
    for fmt in FORMATS:
        got = {}
        for _ in range(repeat):
            for j in (1, jobs):
                out = os.path.join(OUT, "out-fmt-%d.%s" % (j, fmt))
                status, secs, rss, err = run([RL, "--no-config", "--max-violations", "0", "-r", rules, "-f", fmt,
                                              "-j", str(j), "-o", out, path], os.path.join(OUT, "stdout.txt"))
                if status != 1:
                    failures.append("-f %s -j %d: exit %d: %s" % (fmt, j, status, err[:500]))
                if j not in got or secs < got[j][0]:
                    got[j] = (secs, rss, out)
        same = subprocess.run(["cmp", "-s", got[1][2], got[jobs][2]]).returncode == 0
        if not same:
            failures.append("-f %s: -j 1 and -j %d outputs differ" % (fmt, jobs))
        for j in (1, jobs):
            os.remove(got[j][2])
        rows.append((fmt, got[1][0], got[jobs][0], got[1][1], got[jobs][1], same))
        log("-f %-7s -j 1 %6.2f s  -j %d %6.2f s  %.2fx  %s" % (fmt, got[1][0], jobs, got[jobs][0],
                                                          got[1][0] / got[jobs][0], "identical" if same else "DIFFER"))
    return rows, failures


def formats_table(nd, rows, jobs):
    lines = ["### Every output format, -j 1 and -j %d (NDJSON records: %d; issue 16 target 2)" % (jobs, nd["records"]), "",
             "| format | -j 1 (s) | -j %d (s) | -j 1 / -j %d | max RSS -j 1 (MB) | max RSS -j %d (MB) | output | target ≥ 1.8× |" % (jobs, jobs, jobs),
             "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |"]
    for fmt, s1, sj, r1, rj, same in rows:
        lines.append("| %s | %.2f | %.2f | %.2f× | %.1f | %.1f | %s | %s |" % (
            fmt, s1, sj, s1 / sj, r1 / 1024, rj / 1024, "identical" if same else "**differs**",
            "met" if s1 / sj >= 1.8 else "**missed**"))
    return "\n".join(lines)


COLL_RULES = os.path.join(ROOT, "tests", "collection", "rules-stream.json")
COMMUNES = 5  # tests/bench/gen.py's communes: one collection violation (FEES-BY-COMMUNE) each


def bench_collection(nd, jobs):
    """Collection rules (tests/collection/rules-stream.json: per commune a
    sum of fees and a count of records, and a unique over every id) over the
    NDJSON records: alone, and with the per-record rules, -j 1 and -j N.
    Counts must agree: the per-record rules' injected ones, and one
    FEES-BY-COMMUNE violation per commune (no id repeats)."""
    path, expected = dataset("ndjson", nd["records"])
    rules = os.path.join(HERE, "rules-ndjson.json")
    rows, failures = [], []
    runs = [("collection rules alone, -j 1", ["-r", COLL_RULES], 1, {}),
            ("per-record + collection rules, -j 1", ["-r", rules, "-r", COLL_RULES], 1, expected)]
    if jobs > 1:
        runs.append(("per-record + collection rules, -j %d" % jobs, ["-r", rules, "-r", COLL_RULES], jobs, expected))
    for name, rargs, j, want in runs:
        out = os.path.join(OUT, "out-coll.ndjson")
        status, secs, rss, err = run([RL, "--no-config", "--max-violations", "0"] + rargs +
                                     ["-f", "ndjson", "-j", str(j), "-o", out, path], os.path.join(OUT, "stdout.txt"))
        if status not in (0, 1):
            failures.append("%s: exit %d: %s" % (name, status, err[:500]))
            rows.append((name, secs, None, None, rss, "FAILED (exit %d)" % status))
            continue
        got = counts_from_ndjson_output(out)
        want = dict(want, **{"FEES-BY-COMMUNE": COMMUNES})
        agree = got == want
        if not agree:
            failures.append("%s: counts %s, expected %s" % (name, got, want))
        note = "counts agree" if agree else "COUNTS DIFFER"
        rows.append((name, secs, nd["mb"] / secs, nd["records"] / secs, rss, note))
        log("%-38s %8.2f s  %7.1f MB RSS  %s" % (name, secs, rss / 1024, note))
    return rows, failures


def collection_table(nd, rows, jobs):
    base = secs_of(nd, "reportlint -j 1")
    base_rss = next(r[4] for r in nd["rows"] if r[0] == "reportlint -j 1")
    lines = ["### Collection rules (NDJSON records: %d; per commune a sum and a count, a unique over every id)" % nd["records"], "",
             "| run | seconds | records/s | max RSS (MB) | time / per-record rules alone | |",
             "| --- | ---: | ---: | ---: | ---: | --- |",
             "| per-record rules alone, -j 1 | %.2f | {:,.0f} | %.1f | 1.00× | (above) |".format(nd["records"] / base) % (base, base_rss / 1024)]
    for name, secs, mbs, rps, rss, note in rows:
        if mbs is None:
            lines.append("| %s | – | – | – | – | %s |" % (name, note))
            continue
        lines.append("| %s | %.2f | {:,.0f} | %.1f | %.2f× | %s |".format(rps) % (name, secs, rss / 1024, secs / base, note))
    both = next((r for r in rows if r[0] == "per-record + collection rules, -j 1" and r[2]), None)
    if both:
        lines += ["", "| target | measured | |", "| --- | ---: | --- |",
                  "| per-record + collection rules within 1.5× of the per-record rules alone (-j 1) | %.2f× | %s |"
                  % (both[1] / base, "met" if both[1] / base <= 1.5 else "**missed**"),
                  "| max RSS with the collection rules (-j 1; the unique keeps every id) | %.1f MB | stated |" % (both[4] / 1024),
                  "| `unique` state per id (max RSS over the per-record rules alone, per record) | %.0f bytes | stated |"
                  % ((both[4] - base_rss) * 1024.0 / nd["records"])]
    return "\n".join(lines)


NATIONAL_BYTES_PER_SCALE = 506362  # gen.py national N is about N x this many bytes


def bench_huge(mb):
    """reportlint -j 1 alone on a national report of about mb MiB: (row, failures)."""
    scale = max(1, round(mb * 2 ** 20 / NATIONAL_BYTES_PER_SCALE))
    path, expected = dataset("national", scale)
    out = os.path.join(OUT, "out-huge.ndjson")
    status, secs, rss, err = run([RL, "--no-config", "--max-violations", "0", "--max-size", "0", "--max-memory", "0",
                                  "-r",
                                  os.path.join(HERE, "rules-national.json"), "-f", "ndjson", "-j", "1",
                                  "-o", out, path], os.path.join(OUT, "stdout.txt"))
    label = "national report x%d" % scale
    if status not in (0, 1):
        return None, ["reportlint on %s: exit %d: %s" % (label, status, err.strip()[:500])]
    got = counts_from_ndjson_output(out)
    fails = [] if got == expected else ["reportlint on %s: counts %s, expected %s" % (label, got, expected)]
    log("reportlint -j 1 on %s (%.0f MB): %.2f s, %.1f MB RSS" % (label, os.path.getsize(path) / 1e6, secs, rss / 1024))
    return (label, os.path.getsize(path), secs, rss), fails


def bigdoc_table(results, huge):
    """Max RSS against the file's size for every national report (issue 16
    target 3: at most 2x on national x250)."""
    rows = []
    for ds in results[1:]:
        r = next(r for r in ds["rows"] if r[0] == "reportlint -j 1")
        if r[1]:
            rows.append((ds["label"], ds["mb"] * 1e6, r[1], r[4]))
    if huge:
        rows.append(huge)
    lines = ["### Big documents: reportlint -j 1, max RSS over the file's size", "",
             "| document | MB | seconds | MB/s | max RSS (MB) | RSS / size | ≤ 2× |",
             "| --- | ---: | ---: | ---: | ---: | ---: | --- |"]
    for label, size, secs, rss in rows:
        ratio = rss * 1024 / size
        lines.append("| %s | %.1f | %.2f | %.1f | %.1f | %.2f× | %s |" % (
            label, size / 1e6, secs, size / 1e6 / secs, rss / 1024, ratio, "met" if ratio <= 2 else "**missed**"))
    return "\n".join(lines)


def machine():
    def sh(c):
        r = subprocess.run(["sh", "-c", c], capture_output=True, text=True)
        return r.stdout.strip()
    cpu = sh("lscpu | sed -n 's/^Model name: *//p' | head -n 1") or platform.processor()
    mem = sh("free -m | awk '/^Mem:/ {print $2}'")
    return "%s; nproc %s; %s MiB memory; %s; %s" % (
        cpu, sh("nproc"), mem, platform.platform(), sh("jq --version") + ", node " + sh("node --version 2>/dev/null")
        + ", Python " + platform.python_version())


def main():
    check = "--check" in sys.argv
    n = int(os.environ.get("BENCH_RECORDS", "2000" if check else "1000000"))
    scale = int(os.environ.get("BENCH_SCALE", "0" if check else "100"))
    jobs = int(os.environ.get("BENCH_JOBS", str(os.cpu_count() or 1)))
    big = int(os.environ.get("BENCH_RSS_RECORDS", "0" if check else str(5 * n)))
    huge_mb = int(os.environ.get("BENCH_HUGE_MB", "0" if check else "1024"))
    for f in (RL, FLOOR, TIMED):
        if not os.access(f, os.X_OK):
            sys.exit("bench: %s is missing (make bench builds it)" % f)
    if "--formats" in sys.argv:  # only the rows of every output format, -j 1 and -j N
        nd = {"records": n}
        rows, failures = bench_formats(nd, jobs)
        print(formats_table(nd, rows, jobs))
        for f in failures:
            log("bench: FAILED: " + f)
        sys.exit(1 if failures else 0)
    if not have("jq"):
        sys.exit("bench: jq is not installed (tests/bench/setup.sh installs it with apt-get)")
    ajv_reason = ajv_missing()
    if ajv_reason and check:
        # make check runs every peer: a skipped column would be a hidden skip.
        sys.exit("bench: FAILED: the ajv peer cannot run: %s" % ajv_reason)
    if ajv_reason:
        log("bench: ajv column SKIPPED: %s" % ajv_reason)
    log("bench: %d records, national x1 and x%d, -j 1 and -j %d" % (n, scale, jobs))
    results, failures = [], []
    for label, kind, size, recs in (("NDJSON records", "ndjson", n, n),
                                    ("national report", "national", 1, 3321),
                                    ("national report x%d" % scale, "national", scale, 3321 * scale)):
        if size:
            ds, fails = bench_dataset(label, kind, size, jobs, ajv_reason, recs)
            results.append(ds)
            failures += fails
    coll_rows, coll_fail = bench_collection(results[0], jobs)
    failures += coll_fail
    fmt_rows = []
    if jobs > 1:
        fmt_rows, fmt_fail = bench_formats(results[0], jobs)
        failures += fmt_fail
    rss_big = None
    if big:
        path, _ = dataset("ndjson", big)
        status, secs, rss, err = run([RL, "--no-config", "--max-violations", "0",
                                      "-r", os.path.join(HERE, "rules-ndjson.json"),
                                      "-f", "ndjson", "-j", "1", "-o", os.path.join(OUT, "out-big.ndjson"), path],
                                     os.path.join(OUT, "stdout.txt"))
        if status not in (0, 1):
            failures.append("reportlint on %d records: exit %d: %s" % (big, status, err[:500]))
        else:
            rss_big = (big, rss)
            log("reportlint -j 1 on %d records: %.2f s, %.1f MB RSS" % (big, secs, rss / 1024))
    huge = None
    if huge_mb:
        huge, fails = bench_huge(huge_mb)
        failures += fails
    if not check:
        print("Command: `make bench` (BENCH_RECORDS=%d BENCH_SCALE=%d BENCH_JOBS=%d BENCH_RSS_RECORDS=%d BENCH_HUGE_MB=%d)"
              % (n, scale, jobs, big, huge_mb))
        print("Machine: " + machine())
        print("Date: " + time.strftime("%Y-%m-%d %H:%M %Z") + "; load average before: %.2f %.2f %.2f" % os.getloadavg())
        print()
        for ds in results:
            print(table(ds) + "\n")
        if rss_big:
            print("reportlint -j 1 on %d records: max RSS %.1f MB\n" % (rss_big[0], rss_big[1] / 1024))
        print("### Targets (NDJSON records)\n")
        print(targets(results[0], jobs, rss_big))
        print()
        print(collection_table(results[0], coll_rows, jobs))
        print()
        print(bigdoc_table(results, huge))
        if fmt_rows:
            print()
            print(formats_table(results[0], fmt_rows, jobs))
    for f in failures:
        log("bench: FAILED: " + f)
    if failures:
        sys.exit(1)
    log("bench: every tool reports the injected violation counts")


if __name__ == "__main__":
    main()
