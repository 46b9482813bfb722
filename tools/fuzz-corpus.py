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

# locale: every string a sample or case report holds, and docs/locales.md's forms.
def strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for v in node:
            yield from strings(v)
    elif isinstance(node, dict):
        for v in node.values():
            yield from strings(v)

texts = set()
for data in reports:
    try:
        texts.update(s for s in strings(json.loads(data)) if len(s) < 80)
    except ValueError:
        pass
texts.update(["1,377.5", "1.377,5", "1\u00a0377,5", "1\u202f377,5", "99,99%", "6,6 millioner",
              "12,2 juta", "46,5 млн", "15 December 2025", "December 15, 2025", "Sept. 9, 2025",
              "15/12/2025", "ngày 15 tháng 12 năm 2025", "tháng 11/2025", "15 Desember 2025",
              "15 декабря 2025 г.", "в ноябре 2025 года", "15. desember 2025", "--12-15", "1e3",
              "−12", "nghìn tỷ", "31 ноября 2025", "2025-09-29T10:00:00+07:00",
              "2025-Q3", "2025-H2", "2026-W53", "2025-W53", "2025", "0001-W01", "9999-Q4"])
put("locale", sorted(texts))

# schema: each test of the JSON Schema suite, as schema NUL instance.
schema_seeds = []
for f in sorted(glob.glob(os.path.join(shared, "testsuites/json-schema/tests/*/*.json"))):
    for group in json.load(open(f, encoding="utf-8")):
        schema = json.dumps(group["schema"], ensure_ascii=False)
        for t in group["tests"][:3]:
            schema_seeds.append(schema + "\0" + json.dumps(t["data"], ensure_ascii=False))
schema_seeds += [a + b"\0" + r for a in files("schemas/*.schema.json") for r in reports[:3]]
put("schema", schema_seeds)

# config: the configurations of the golden cases and docs/configuration.md's example.
configs = list(files("tests/cases/**/.reportlint.json", "docs/**/*.reportlint.json"))
readme = open(os.path.join(root, "docs", "configuration.md"), encoding="utf-8").read()
example = readme.split("<!-- config-example -->", 1)[-1].split("<!-- end -->", 1)[0]
configs.append("\n".join(l[4:] for l in example.splitlines()).encode())
put("config", configs)

# partial states: the regression states (a valid one among them) are the seeds
put("partial", list(files("tests/fuzz/regressions/partial/*")))

print("fuzz corpora in", out, {t: len(os.listdir(os.path.join(out, t))) for t in os.listdir(out)})
