#!/usr/bin/env python3
"""bench_dask.py — reportlint.dask.check_bag on a local Dask cluster (2 worker
processes, 1 thread each) against `reportlint -j 2`, on the same generated
NDJSON records (tests/bench/gen.py; make bench runs it after bench.py).

Rows: the CLI -j 2 on one file; check_bag over db.read_text lines of that
file (records travel through Python on the workers) and over read_ndjson
blocks (byte ranges each worker reads and checks in C); the CLI -j 2 and
check_files on the same records split into 8 files (each worker streams
whole files in C); then the same with collection rules added
(tests/collection/rules-stream.json: per-commune sum and count, ids unique
over the whole stream), whose states the workers ship to the client. Every dask row must give the CLI's violations and
summary exactly (compared as -f json), or the bench fails. Times include
writing the -f json output; the cluster's start is timed apart. It prints
Markdown for tests/bench/RESULTS.md.

Run with Debian's /usr/bin/python3 (python3-dask, python3-distributed).
Environment: BENCH_RECORDS (default 1000000), BUILD."""
import json
import os
import platform
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BUILD = os.path.abspath(os.environ.get("BUILD", os.path.join(ROOT, "build")))
OUT = os.path.join(BUILD, "bench")
RL = os.path.join(BUILD, "reportlint")
RULES = os.path.join(HERE, "rules-ndjson.json")
STREAM_RULES = os.path.join(ROOT, "tests", "collection", "rules-stream.json")
sys.path.insert(0, os.path.join(ROOT, "python"))
os.environ.setdefault("REPORTLINT_LIB", os.path.join(BUILD, "libreportlint.so"))
os.environ["PYTHONPATH"] = os.path.join(ROOT, "python")


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def dataset(n):
    os.makedirs(os.path.join(OUT, "data"), exist_ok=True)
    path = os.path.join(OUT, "data", "records-%d.ndjson" % n)
    if not os.path.exists(path + ".expected.json"):
        log("generating %s ..." % path)
        subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), "ndjson", str(n), path],
                       check=True)
    return path


def split(path, k):
    """The records of path in k files of consecutive lines (made once)."""
    d = os.path.join(OUT, "data", os.path.basename(path) + ".split%d" % k)
    files = [os.path.join(d, "part-%02d.ndjson" % i) for i in range(k)]
    if all(os.path.exists(f) for f in files):
        return files
    os.makedirs(d, exist_ok=True)
    with open(path, "rb") as f:
        lines = f.readlines()
    per = (len(lines) + k - 1) // k
    for i, fn in enumerate(files):
        with open(fn, "wb") as f:
            f.writelines(lines[i * per:(i + 1) * per])
    return files


def cli(files, out, rule_files=(RULES,)):
    t0 = time.perf_counter()
    rs = [a for r in rule_files for a in ("-r", r)]
    p = subprocess.run([RL, "--no-config"] + rs + ["-f", "json", "-j", "2", "-o", out] + files)
    secs = time.perf_counter() - t0
    if p.returncode not in (0, 1):
        raise SystemExit("bench_dask: reportlint failed (exit %d)" % p.returncode)
    with open(out) as f:
        return secs, json.load(f)


def main():
    import dask.bag as db
    from distributed import Client, LocalCluster
    from reportlint import Rules
    from reportlint.dask import check_bag, check_files, read_ndjson

    load_before = os.getloadavg()
    n = int(os.environ.get("BENCH_RECORDS", "1000000"))
    path = dataset(n)
    files = split(path, 8)
    size_mb = os.path.getsize(path) / 1e6
    rules = Rules(RULES)
    rows, failures = [], []

    t0 = time.perf_counter()
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    client = Client(cluster)
    start_secs = time.perf_counter() - t0
    client.run(lambda: __import__("reportlint.dask"))  # import on the workers (not timed)

    def dask_row(label, run, want, base):
        out = os.path.join(OUT, "dask-out.json")
        t0 = time.perf_counter()
        res = run()
        res.write(out, format="json")
        secs = time.perf_counter() - t0
        with open(out) as f:
            got = json.load(f)
        same = got["violations"] == want["violations"] and got["summary"] == want["summary"]
        if not same:
            failures.append(label)
        rows.append((label, secs, base, res.partitions, res.result_bytes, res.state_bytes,
                     "same violations and summary as the CLI" if same else "DIFFERS from the CLI"))

    log("CLI -j 2, one file ...")
    secs1, want1 = cli([path], os.path.join(OUT, "cli-out.json"))
    rows.append(("reportlint -j 2 (one file)", secs1, secs1, None, None, None,
                 "%d violations" % len(want1["violations"])))
    log("check_bag over db.read_text lines ...")
    dask_row("check_bag, db.read_text lines (32 MB blocks)",
             lambda: check_bag(db.read_text(path, include_path=True, blocksize=32_000_000),
                               rules, client=client), want1, secs1)
    log("check_bag over read_ndjson blocks ...")
    dask_row("check_bag, read_ndjson blocks (32 MB)",
             lambda: check_bag(read_ndjson(path, blocksize=32_000_000), rules, client=client),
             want1, secs1)
    log("CLI -j 2, 8 files ...")
    secs8, want8 = cli(files, os.path.join(OUT, "cli-out8.json"))
    rows.append(("reportlint -j 2 (8 files)", secs8, secs8, None, None, None,
                 "%d violations" % len(want8["violations"])))
    log("check_files, 8 files ...")
    dask_row("check_files, 8 files (paths)",
             lambda: check_files(files, rules, npartitions=8, client=client), want8, secs8)
    # Collection rules too (tests/collection/rules-stream.json: a sum and a
    # count per commune, ids unique over the whole stream).
    both = (RULES, STREAM_RULES)
    rules2 = Rules(list(both))
    log("CLI -j 2, 8 files, + collection rules ...")
    secs8c, want8c = cli(files, os.path.join(OUT, "cli-out8c.json"), both)
    rows.append(("reportlint -j 2 (8 files), + collection rules", secs8c, secs8c, None, None,
                 None, "%d violations" % len(want8c["violations"])))
    log("check_files, 8 files, + collection rules ...")
    dask_row("check_files, 8 files (paths), + collection rules",
             lambda: check_files(files, rules2, npartitions=8, client=client), want8c, secs8c)
    log("CLI -j 2, one file, + collection rules ...")
    secs1c, want1c = cli([path], os.path.join(OUT, "cli-out1c.json"), both)
    rows.append(("reportlint -j 2 (one file), + collection rules", secs1c, secs1c, None, None,
                 None, "%d violations" % len(want1c["violations"])))
    log("check_bag over db.read_text lines, + collection rules ...")
    dask_row("check_bag, db.read_text lines (32 MB blocks), + collection rules",
             lambda: check_bag(db.read_text(path, include_path=True, blocksize=32_000_000),
                               rules2, client=client), want1c, secs1c)
    log("check_bag over read_ndjson blocks, + collection rules ...")
    dask_row("check_bag, read_ndjson blocks (32 MB), + collection rules",
             lambda: check_bag(read_ndjson(path, blocksize=32_000_000), rules2, client=client),
             want1c, secs1c)
    client.close()
    cluster.close()

    print("### reportlint.dask: %d NDJSON records (%.1f MB), LocalCluster of 2 worker processes"
          % (n, size_mb))
    print()
    print("Machine: %s; nproc %d; Python %s; load average before: %s. Cluster start: %.2f s "
          "(not in the times below)." % (platform.platform(), os.cpu_count(),
                                        platform.python_version(),
                                        " ".join("%.2f" % x for x in load_before), start_secs))
    print("Load average after: %s." % " ".join("%.2f" % x for x in os.getloadavg()))
    print()
    print("| run | seconds | records/s | time / CLI -j 2 | partitions | results shipped (MB) "
          "| collection state (MB) | |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for label, secs, base, parts, rbytes, sbytes, note in rows:
        print("| %s | %.2f | %s | %.2f× | %s | %s | %s | %s |" % (
            label, secs, "{:,}".format(int(n / secs)), secs / base,
            "" if parts is None else parts, "" if rbytes is None else "%.1f" % (rbytes / 1e6),
            "" if sbytes is None else "%.2f" % (sbytes / 1e6), note))
    if failures:
        raise SystemExit("bench_dask: the Dask result differs from the CLI's: %s" % failures)


if __name__ == "__main__":
    main()
