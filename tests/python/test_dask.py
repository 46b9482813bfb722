"""test_dask.py — reportlint.dask on real clusters, against the CLI.

Two clusters, each with 2 worker *processes* (separate from this one):
a distributed.LocalCluster(processes=True), and a scheduler and workers
started as the `dask-scheduler` and `dask-worker` commands, as a user
would on several machines. On both, check_bag over NDJSON lines (read with
db.read_text, several block sizes so files split across partitions, and
as bare lines), over file paths, and over dicts, must give the CLI's
violations and summary on the same files, and every output format's bytes.
A partitioning never changes the answer."""
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import unittest

import common
from common import ROOT, BENCH_RULES, cli, records, tmpdir

import dask
import dask.bag as db
from distributed import Client, LocalCluster

import reportlint
from reportlint import Rules
from reportlint.dask import Block, _read_block, check_bag, check_files, read_ndjson

RULES = os.path.join(ROOT, "rules")


def make_data():
    """Two NDJSON files (one with broken and blank lines) and their CLI answer."""
    d = tmpdir()
    a = records(3000, os.path.join(d, "a.ndjson"))
    b = records(1200, os.path.join(d, "b.ndjson"))
    with open(b) as f:
        lines = f.read().splitlines(True)
    lines.insert(7, "{not json\n")
    lines.insert(30, "\n")
    lines.insert(31, "   \n")
    lines.insert(500, '{"id": "x", "fee": -1}\n')
    with open(a) as f:  # ids seen in a.ndjson again (ID-UNIQUE across files)
        lines += [line for i, line in enumerate(f) if i % 997 == 5]
    with open(b, "w") as f:
        f.writelines(lines)
    want, _ = cli("-r", BENCH_RULES, a, b)
    return d, [a, b], want


class ClusterCase:
    """The tests, run on the cluster a subclass starts (self.client)."""

    @classmethod
    def setUpClass(cls):
        cls.dir, cls.files, cls.want = make_data()
        cls.rules = Rules(BENCH_RULES)
        assert len(cls.want["violations"]) > 50
        assert {v["rule"] for v in cls.want["violations"]} >= {"input", "PROC-CODE"}

    def assertSameAsCli(self, res, want):
        self.assertEqual(len(res.violations), len(want["violations"]))
        self.assertEqual(res.violations, want["violations"])
        self.assertEqual(res.summary, want["summary"])

    def test_read_text_any_partitioning(self):
        for blocksize in (None, 200_000, 64_000):
            bag = db.read_text(self.files, include_path=True, blocksize=blocksize)
            res = check_bag(bag, self.rules, client=self.client)
            self.assertGreater(res.partitions, 1)
            self.assertSameAsCli(res, self.want)

    def test_read_ndjson_blocks(self):
        """Byte-range blocks read on the workers: any block size, collection
        rules too; a glob names files as given."""
        stream = os.path.join(ROOT, "tests", "collection", "rules-stream.json")
        rules = Rules([BENCH_RULES, stream])
        want, _ = cli("-r", BENCH_RULES, "-r", stream, *self.files)
        for blocksize in (37_000, 200_000, 1 << 30):
            res = check_bag(read_ndjson(self.files, blocksize=blocksize), rules,
                            client=self.client)
            self.assertSameAsCli(res, want)
        res = check_bag(read_ndjson(os.path.join(self.dir, "*.ndjson"), blocksize=150_000),
                        rules, client=self.client)
        self.assertSameAsCli(res, want)

    def test_bare_lines_and_repartition(self):
        a = self.files[1]
        want, _ = cli("-r", BENCH_RULES, a)
        with open(a) as f:
            lines = f.read().splitlines()
        for n in (1, 3, 17):
            bag = db.from_sequence(lines, npartitions=n)
            res = check_bag(bag, self.rules, name=a, client=self.client)
            self.assertSameAsCli(res, want)

    def test_dicts(self):
        a = self.files[0]
        want, _ = cli("-r", BENCH_RULES, a)
        with open(a) as f:
            objs = [json.loads(line) for line in f]
        res = check_bag(db.from_sequence(objs, npartitions=4), self.rules, name=a,
                        client=self.client)
        # Records are reserialized (json.dumps spacing): same violations, other columns.
        key = lambda v: (v["line"], v["rule"], v["pointer"], v["message"])  # noqa: E731
        self.assertEqual([key(v) for v in res], [key(v) for v in want["violations"]])
        self.assertEqual(res.summary, want["summary"])

    def test_paths_and_every_format(self):
        samples = sorted(os.path.join(dp, f) for dp, _, fs in os.walk(os.path.join(ROOT, "samples"))
                         for f in fs if f.endswith(".json"))
        res = check_files(samples, Rules(RULES), npartitions=5, client=self.client)
        for fmt in reportlint.FORMATS:
            want, _ = cli("-r", RULES, *samples, fmt=fmt, parse=False)
            got = res.to_bytes(fmt)
            if fmt == "ndjson":  # the CLI streams ndjson in check order
                got, want = sorted(got.splitlines()), sorted(want.splitlines())
            self.assertEqual(got, want, fmt)
        res = check_bag(db.from_sequence(self.files, npartitions=2), self.rules, items="paths",
                        client=self.client)
        self.assertSameAsCli(res, self.want)

    def test_collection_rules(self):
        """Cross-report rules: per-partition states merged on the client give
        the CLI's violations, whatever the partitioning."""
        d = os.path.join(ROOT, "tests", "cases", "collection-kinds")
        rules = Rules(os.path.join(d, "rules.json"))
        path = os.path.join(d, "reports.ndjson")
        want, _ = cli("-r", os.path.join(d, "rules.json"), path)
        with open(path) as f:
            lines = f.read().splitlines()
        for n in (1, 2, 5):
            res = check_bag(db.from_sequence(lines, npartitions=n), rules, name=path,
                            client=self.client)
            self.assertSameAsCli(res, want)
            self.assertGreater(res.state_bytes, 0)

    def test_collection_and_report_rules_on_a_stream(self):
        """Per-report and collection rules together (a sum and a count per
        commune, ids unique over every file) on generated records with
        duplicate ids across files; several block sizes, and as paths."""
        stream = os.path.join(ROOT, "tests", "collection", "rules-stream.json")
        rules = Rules([BENCH_RULES, stream])
        want, _ = cli("-r", BENCH_RULES, "-r", stream, *self.files)
        self.assertIn("ID-UNIQUE", {v["rule"] for v in want["violations"]})
        for blocksize in (None, 100_000):
            bag = db.read_text(self.files, include_path=True, blocksize=blocksize)
            self.assertSameAsCli(check_bag(bag, rules, client=self.client), want)
        res = check_files(self.files, rules, client=self.client)
        self.assertSameAsCli(res, want)

    def test_bad_items(self):
        with self.assertRaises(ValueError):
            check_bag(db.from_sequence(["{}"]), self.rules, items="rows", client=self.client)
        with self.assertRaises(Exception) as cm:
            check_bag(db.from_sequence(["{}\n{}"]), self.rules, client=self.client)
        self.assertIn("more than one line", str(cm.exception))


class TestBlocks(unittest.TestCase):
    """read_ndjson's byte ranges, without a cluster: every line in exactly
    one block, whole, in order, whatever the block size."""

    def test_every_line_once(self):
        d = tmpdir()
        path = os.path.join(d, "x.ndjson")
        text = (b'{"a": 1}\n\n{"b": 2}\r\n' + b'{"long": "' + b"x" * 300 + b'"}\n'
                + b"\n\n{not json\n" + b'{"last": true}')
        with open(path, "wb") as f:
            f.write(text)
        for bs in list(range(1, 40)) + [97, 333, 334, 335, 1000]:
            blocks = [Block(path, o, min(o + bs, len(text))) for o in range(0, len(text), bs)]
            parts = [_read_block(b) for b in blocks]
            self.assertEqual(b"".join(parts), text, bs)
            for p in parts:  # a block holds whole lines: it ends at a newline or at the end
                self.assertTrue(not p or p.endswith(b"\n") or p.endswith(b"true}"), (bs, p))
        bag = read_ndjson(path, blocksize=10)
        self.assertEqual(bag.npartitions, (len(text) + 9) // 10)


def docs_example():
    """The code block under "Checking on a Dask cluster" in docs/python.md."""
    with open(os.path.join(ROOT, "docs", "python.md")) as f:
        text = f.read()
    after = text[text.index("## Checking on a Dask cluster"):]
    lines, started = [], False
    for line in after.splitlines()[1:]:
        if line.startswith("    ") or (started and not line.strip()):
            started = True
            lines.append(line[4:])
        elif started:
            break
    return "\n".join(lines).strip() + "\n"


class TestDocsExample(unittest.TestCase):
    def test_runs_as_written(self):
        """docs/python.md's example, run as a script in a directory with
        data/*.ndjson and rules/, prints the CLI's violations."""
        code = docs_example()
        self.assertIn("check_bag", code)
        d = tmpdir()
        os.makedirs(os.path.join(d, "data"))
        os.makedirs(os.path.join(d, "rules"))
        shutil.copy(BENCH_RULES, os.path.join(d, "rules", "procedures.json"))
        shutil.copy(os.path.join(ROOT, "tests", "collection", "rules-stream.json"),
                    os.path.join(d, "rules", "stream.json"))
        for name, n in (("a", 1500), ("b", 700)):
            records(n, os.path.join(d, "data", name + ".ndjson"))
        with open(os.path.join(d, "example.py"), "w") as f:
            f.write(code)
        p = subprocess.run([sys.executable, "example.py"], cwd=d, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=600)
        self.assertEqual(p.returncode, 0, p.stderr.decode()[-3000:])
        # db.read_text names files by their absolute paths (fsspec): so do the violations
        data = [os.path.join(os.path.realpath(d), "data", n) for n in ("a.ndjson", "b.ndjson")]
        want, _ = cli("-r", "rules/", *data, cwd=d)
        lines = ['%s:%d:%d: %s [%s] %s' % (v["file"], v["line"], v["column"], v["severity"],
                                          v["rule"], v["message"]) for v in want["violations"]]
        self.assertGreater(len(lines), 20)
        self.assertEqual(p.stdout.decode().splitlines(), lines)
        with open(os.path.join(d, "violations.sarif")) as f:
            self.assertEqual(json.load(f)["version"], "2.1.0")


class TestLocalCluster(ClusterCase, unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
        cls.client = Client(cls.cluster)
        info = cls.client.scheduler_info()["workers"]
        assert len(info) == 2, info
        pids = cls.client.run(os.getpid)
        assert len(set(pids.values())) == 2 and os.getpid() not in pids.values(), pids

    @classmethod
    def tearDownClass(cls):
        cls.client.close()
        cls.cluster.close()


def _which(*names):
    for n in names:
        p = shutil.which(n) or (os.path.exists("/usr/bin/" + n) and "/usr/bin/" + n)
        if p:
            return [p]
    raise AssertionError("none of %s is installed (Debian python3-distributed)" % (names,))


class TestCommandCluster(ClusterCase, unittest.TestCase):
    """dask-scheduler and dask-worker as separate commands."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        d = tmpdir()
        sched_file = os.path.join(d, "scheduler.json")
        env = dict(os.environ)
        logs = [open(os.path.join(d, n), "wb") for n in ("scheduler.log", "workers.log")]
        cls.logs = logs
        cls.procs = [subprocess.Popen(
            _which("dask-scheduler") + ["--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                        "--scheduler-file", sched_file],
            env=env, stdout=logs[0], stderr=subprocess.STDOUT, start_new_session=True)]
        deadline = time.time() + 60
        while not os.path.exists(sched_file) and time.time() < deadline:
            time.sleep(0.2)
        assert os.path.exists(sched_file), "dask-scheduler did not start"
        cls.procs.append(subprocess.Popen(
            _which("dask-worker") + ["--scheduler-file", sched_file, "--nworkers", "2",
                                     "--nthreads", "1", "--no-dashboard",
                                     "--local-directory", d],
            env=env, stdout=logs[1], stderr=subprocess.STDOUT, start_new_session=True))
        cls.client = Client(scheduler_file=sched_file, timeout=60)
        cls.client.wait_for_workers(2, timeout=120)
        pids = cls.client.run(os.getpid)
        assert len(set(pids.values())) == 2, pids

    @classmethod
    def tearDownClass(cls):
        cls.client.close()
        for p in reversed(cls.procs):
            os.killpg(p.pid, signal.SIGTERM)
        for p in cls.procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()
        for f in cls.logs:
            f.close()


if __name__ == "__main__":
    unittest.main()
