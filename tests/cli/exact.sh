#!/bin/sh
# exact.sh REPORTLINT — machine formats carry exact figures (DESIGN:
# "Violations and output"): in json, ndjson and the SARIF properties a
# computed figure is the shortest decimal that reads back as the double the
# check compared, never a rounding of it.
rl=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$(dirname "$0")/../lib.sh"

cd "$tmp"
cat >rules.json <<'J'
{"ruleset": "exact", "rules": [
  {"id": "AVG", "kind": "average", "total": "@.staff", "count": "@.centres", "stated": "@.avg", "tolerance": 0.5},
  {"id": "REL", "kind": "sum", "total": "@.t", "parts": ["@.a", "@.b"], "tolerance": {"rel": 0.001}},
  {"id": "TINY", "kind": "threshold", "value": "@.x / 3", "max": 0}
]}
J
printf '{"staff": 24382, "centres": 3139, "avg": 6, "t": 101.4, "a": 60.1, "b": 40.1, "x": 1e-7}\n' >r.json
# What the checks compared, computed the same way in Python (IEEE doubles).
cat >want.py <<'P'
import json, sys
want = {("AVG", "expected"): 24382 / 3139, ("AVG", "imbalance"): 6 - 24382 / 3139,
        ("REL", "expected"): 60.1 + 40.1, ("REL", "imbalance"): 101.4 - (60.1 + 40.1),
        ("REL", "tolerance"): 0.001 * (60.1 + 40.1), ("TINY", "actual"): 1e-7 / 3}
def check(rule, figs, text):
    for (r, name), value in want.items():
        if r == rule and name in figs:
            got = figs[name]
            if got != value:
                sys.exit("%s %s: %r is not %r" % (rule, name, got, value))
            if repr(value) not in text:  # the shortest round-trip text, as Python writes it
                sys.exit("%s %s: %r not written as %s" % (rule, name, got, repr(value)))
            seen.add((r, name))
seen = set()
fmt = sys.argv[1]
text = open(sys.argv[2]).read()
if fmt == "json":
    for v in json.loads(text)["violations"]:
        check(v["rule"], v, text)
elif fmt == "ndjson":
    for line in text.splitlines():
        v = json.loads(line)
        if "rule" in v:
            check(v["rule"], v, text)
else:
    for run in json.loads(text)["runs"]:
        for res in run["results"]:
            check(res["ruleId"], res.get("properties", {}).get("figures", {}), text)
if seen != set(want):
    sys.exit("figures not seen: %s" % sorted(set(want) - seen))
P
for fmt in json ndjson sarif; do
    expect 1 "$fmt output" -- "$rl" -r rules.json -f $fmt r.json
    check "$fmt figures exact" python3 want.py $fmt out
done
lacks out '7.767,' "no 3-decimal rounding"

echo "exact figures: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
