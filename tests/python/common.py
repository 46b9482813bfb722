"""common.py — what the Python tests share: where the tree, the CLI and the
package are, and running the CLI for an answer to compare with.

The tests import the package from python/ in this tree and load
build/libreportlint.so (REPORTLINT_LIB, set by tests/python/run.sh)."""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BUILD = os.path.abspath(os.environ.get("BUILD", os.path.join(ROOT, "build")))
CLI = os.path.join(BUILD, "reportlint")
sys.path.insert(0, os.path.join(ROOT, "python"))
os.environ.setdefault("REPORTLINT_LIB", os.path.join(BUILD, "libreportlint.so"))
# Dask worker processes import the package too.
os.environ["PYTHONPATH"] = os.path.join(ROOT, "python") + (
    os.pathsep + os.environ["PYTHONPATH"] if os.environ.get("PYTHONPATH") else "")


def cli(*args, fmt="json", cwd=None, parse=True):
    """Run the CLI (no config file); its output (parsed when fmt is json)
    and exit status."""
    p = subprocess.run([CLI, "--no-config", "-f", fmt] + [str(a) for a in args],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd)
    if p.returncode not in (0, 1):
        raise AssertionError("reportlint %s: exit %d\n%s" % (args, p.returncode,
                                                            p.stderr.decode()))
    out = p.stdout
    return (json.loads(out) if fmt == "json" and parse else out), p.returncode


def tmpdir():
    return tempfile.mkdtemp(prefix="rl-py-")


BENCH_RULES = os.path.join(ROOT, "tests", "bench", "rules-ndjson.json")
GEN = os.path.join(ROOT, "tests", "bench", "gen.py")


def records(n, path):
    """n generated procedure records (tests/bench/gen.py) at path."""
    subprocess.run([sys.executable, GEN, "ndjson", str(n), path], check=True,
                   stdout=subprocess.DEVNULL)
    return path
