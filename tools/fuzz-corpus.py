#!/usr/bin/env python3
"""fuzz-corpus.py OUTDIR — seed corpora for the fuzz targets, from the
project's own inputs and the public suites in ../shared/testsuites (read in
place, never copied into the repository): OUTDIR/<target>/<n>."""
import glob, json, os, sys

out = sys.argv[1]
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
shared = os.environ.get("RL_SHARED", os.path.join(root, "..", "shared"))

def put(target, items):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    for i, data in enumerate(items):
        if isinstance(data, str):
            data = data.encode()
        with open(os.path.join(d, "seed-%05d" % i), "wb") as f:
            f.write(data)

def files(*patterns):
    for p in patterns:
        for f in sorted(glob.glob(os.path.join(root, p), recursive=True)):
            with open(f, "rb") as fh:
                yield fh.read()

suite = sorted(glob.glob(os.path.join(shared, "testsuites/json-parsing/test_parsing/*.json")))
reports = list(files("samples/**/*.json", "tests/cases/**/report.json"))
put("json", reports + [open(f, "rb").read() for f in suite])
put("check", reports)
put("rules", list(files("rules/*.json", "tests/cases/**/rules.json")))

cts = os.path.join(shared, "testsuites/jsonpath/cts.json")
paths = []
if os.path.exists(cts):
    for t in json.load(open(cts))["tests"]:
        doc = json.dumps(t.get("document", {}), ensure_ascii=False)
        paths.append(t["selector"] + "\n" + doc)
put("jsonpath", paths)

exprs = []
for data in files("rules/*.json", "tests/cases/**/rules.json"):
    try:
        rs = json.loads(data)
    except ValueError:
        continue
    for rule in rs.get("rules", []) if isinstance(rs, dict) else []:
        for v in rule.values() if isinstance(rule, dict) else []:
            for s in (v if isinstance(v, list) else [v]):
                if isinstance(s, str):
                    exprs.append(s + "\n")
put("expr", exprs)
print("fuzz corpora in", out, {t: len(os.listdir(os.path.join(out, t))) for t in os.listdir(out)})
