"""test_native.py — the binding's contract with the C library: the ctypes
struct mirrors match the compiler's layout (a C program prints offsetof
and sizeof); 10,000 checks do not grow the process (no leak); a check
releases the GIL (other Python threads run while C checks) and two threads
check in parallel (timed, reported; the machine is shared, so the assertion
is on concurrency, not on a speedup figure)."""
import ctypes
import os
import subprocess
import threading
import time
import unittest

import common
from common import ROOT, BENCH_RULES, records, tmpdir

from reportlint import Rules, _lib

LAYOUT_C = r"""
#include <stddef.h>
#include <stdio.h>
#include "reportlint.h"
#define F(T, m) printf(#T " " #m " %zu %zu\n", offsetof(T, m), sizeof(((T *)0)->m))
int main(void) {
    F(rl_error, message); F(rl_error, line); F(rl_error, column); F(rl_error, failed);
    F(rl_diag, file); F(rl_diag, line); F(rl_diag, column); F(rl_diag, rule); F(rl_diag, message);
    F(rl_rule_severity, rule); F(rl_rule_severity, severity);
    F(rl_check_opts, version); F(rl_check_opts, locale); F(rl_check_opts, only); F(rl_check_opts, n_only);
    F(rl_check_opts, skip); F(rl_check_opts, n_skip); F(rl_check_opts, max_depth);
    F(rl_check_opts, lang); F(rl_check_opts, severities); F(rl_check_opts, n_severities);
    F(rl_check_opts, jobs); F(rl_check_opts, max_string); F(rl_check_opts, max_size);
    F(rl_check_opts, max_violations); F(rl_check_opts, timeout); F(rl_check_opts, max_memory);
    F(rl_write_opts, version); F(rl_write_opts, color); F(rl_write_opts, verbosity);
    F(rl_write_opts, jobs);
    printf("size rl_error %zu\nsize rl_diag %zu\nsize rl_check_opts %zu\nsize rl_write_opts %zu\n",
           sizeof(rl_error), sizeof(rl_diag), sizeof(rl_check_opts), sizeof(rl_write_opts));
    printf("version rl_check_opts %u\nversion rl_write_opts %u\n", RL_CHECK_OPTS_VERSION,
           RL_WRITE_OPTS_VERSION);
    return 0;
}
"""


def rss_kib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS in /proc/self/status")


class TestLayout(unittest.TestCase):
    def test_structs_match_the_header(self):
        d = tmpdir()
        src, exe = os.path.join(d, "layout.c"), os.path.join(d, "layout")
        with open(src, "w") as f:
            f.write(LAYOUT_C)
        subprocess.run([os.environ.get("CC", "cc"), "-std=c11", "-I",
                        os.path.join(ROOT, "engine", "include"), src, "-o", exe], check=True)
        out = subprocess.run([exe], stdout=subprocess.PIPE, check=True).stdout.decode()
        n = 0
        for line in out.splitlines():
            parts = line.split()
            if parts[0] == "version":  # the mirrors are made with the header's version
                self.assertEqual(getattr(_lib, parts[1])().version, int(parts[2]), line)
                continue
            if parts[0] == "size":
                mirror = getattr(_lib, parts[1])
                if parts[1] == "rl_check_opts":  # padded: C may grow, never past it
                    self.assertLessEqual(int(parts[2]), ctypes.sizeof(mirror), line)
                else:
                    self.assertEqual(int(parts[2]), ctypes.sizeof(mirror), line)
                continue
            struct, member, off, size = parts[0], parts[1], int(parts[2]), int(parts[3])
            field = getattr(getattr(_lib, struct), member)
            self.assertEqual((field.offset, field.size), (off, size), line)
            n += 1
        self.assertGreater(n, 20)


class TestMemory(unittest.TestCase):
    def test_no_growth_over_10000_checks(self):
        rules = Rules(BENCH_RULES)
        d = tmpdir()
        path = records(20, os.path.join(d, "r.ndjson"))
        with open(path, "rb") as f:
            lines = f.read().splitlines()

        def round_(n):
            for i in range(n):
                line = lines[i % len(lines)]
                res = rules.check_bytes(line, name="r.json")
                res.violations  # the JSON round trip too
                res.summary
                del res
                rules.check_file(path).close()

        round_(1000)  # warm up: allocator pools, caches
        before = rss_kib()
        round_(10000)
        grown = rss_kib() - before
        print("\n  RSS growth over 10,000 checks (x2 calls each): %d KiB" % grown)
        self.assertLess(grown, 2048, "RSS grew by %d KiB over 10,000 checks" % grown)


class TestThreads(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        d = tmpdir()
        cls.path = records(100000, os.path.join(d, "r.ndjson"))
        cls.rules = Rules(BENCH_RULES)

    def test_gil_released_while_checking(self):
        """A pure-Python thread keeps running during one long C check."""
        done = threading.Event()
        ticks = [0]

        def spin():
            while not done.is_set():
                ticks[0] += 1

        t = threading.Thread(target=spin)
        t.start()
        time.sleep(0.05)
        start_ticks = ticks[0]
        t0 = time.perf_counter()
        res = self.rules.check_file(self.path)
        secs = time.perf_counter() - t0
        during = ticks[0] - start_ticks
        done.set()
        t.join()
        self.assertGreater(len(res), 0)
        print("\n  during a %.2f s check, another thread ran %d loop iterations" % (secs, during))
        # Holding the GIL for the whole call would allow ~0 (one switch
        # interval, 5 ms, at most). A free thread spins millions of times a second.
        self.assertGreater(during, 100000, "the GIL seems held while checking")

    def test_checks_not_serialized(self):
        """A short check on one thread completes while a long check runs on
        another: with the GIL held for a whole call it could only start
        after the long one returned."""
        ends = {}
        with open(self.path, "rb") as f:
            line = f.readline()

        def long_check():
            self.rules.check_file(self.path).close()
            ends["long"] = time.perf_counter()

        def short_checks():
            for _ in range(20):
                self.rules.check_bytes(line, name="one.json").close()
            ends["short"] = time.perf_counter()

        a = threading.Thread(target=long_check)
        b = threading.Thread(target=short_checks)
        a.start()
        time.sleep(0.05)
        b.start()
        a.join()
        b.join()
        self.assertLess(ends["short"], ends["long"], "the short checks waited for the long one")

    def test_two_threads_timed(self):
        """Measured, and printed (make check's log): two checks on two
        threads against the same two one after the other. Only the
        concurrency is asserted (test_checks_not_serialized): a speedup
        figure depends on what else the shared machine runs."""
        def check():
            self.rules.check_file(self.path).close()

        t0 = time.perf_counter()
        check()
        check()
        serial = time.perf_counter() - t0
        c0 = time.process_time()
        t0 = time.perf_counter()
        ts = [threading.Thread(target=check) for _ in range(2)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        parallel = time.perf_counter() - t0
        cpu = time.process_time() - c0
        print("\n  two checks of %s: %.2f s one after the other, %.2f s on two threads "
              "(%.2fx; %.2f CPU-s = %.2f cores busy; load average %s on %d cores)"
              % (os.path.basename(self.path), serial, parallel, serial / parallel, cpu,
                 cpu / parallel, " ".join("%.1f" % x for x in os.getloadavg()), os.cpu_count()))


if __name__ == "__main__":
    unittest.main()
