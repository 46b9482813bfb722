#!/bin/sh
# by_rule.sh REPORTLINT — per-rule results: "by_rule" in the json/ndjson
# summary (and SARIF), -v text, the rule-never-applied notice (located at
# the rule in its rule-set file, not with -q), the same counts whatever -j,
# and `rules list -f json` with the parameters.
rl=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$(dirname "$0")/../lib.sh"

cd "$tmp"
cat >rules.json <<'J'
{"ruleset": "br", "params": {"min": 5}, "rules": [
  {"id": "MIN", "kind": "threshold", "each": "$.items[*]", "value": "@.v", "min": "$min"},
  {"id": "TYPO", "kind": "threshold", "value": "$.totl", "min": 0},
  {"id": "WHEN-NEVER", "kind": "expr", "when": "$.kind == 'x'", "assert": "true"}
]}
J
printf '{"items": [{"v": 1}, {"v": 7}, {"v": 9}], "kind": "y"}\n' >a.json
printf '{"items": [{"v": 6}], "kind": "y"}\n' >b.json

expect 1 "json" -- "$rl" --no-config -r rules.json -f json a.json b.json
python3 - "$tmp/out" >"$tmp/check" 2>&1 <<'P'
import json, sys
d = json.load(open(sys.argv[1]))
b = d["summary"]["by_rule"]
assert list(b) == ["MIN", "TYPO", "WHEN-NEVER"], list(b)
assert b["MIN"] == {"evaluations": 4, "passed": 3, "failed": 1, "not_applicable": 0}, b["MIN"]
assert b["TYPO"] == {"evaluations": 2, "passed": 0, "failed": 0, "not_applicable": 2}, b["TYPO"]
assert b["WHEN-NEVER"]["not_applicable"] == 2, b
notes = [v for v in d["violations"] if v["rule"] == "rule-never-applied"]
assert [(v["file"], v["pointer"], v["line"], v["column"], v["severity"]) for v in notes] == \
    [("rules.json", "/rules/1", 3, 3, "info"), ("rules.json", "/rules/2", 4, 3, "info")], notes
assert "TYPO" in notes[0]["message"] and notes[0]["evaluations"] == 2, notes[0]
print("ok")
P
contains "$tmp/check" "ok" "by_rule counts and the notices, located at the rules"
cp "$tmp/out" out.json
expect 0 "json output follows output.schema.json" -- \
    "$rl" schema validate "$root/schemas/output.schema.json" out.json

expect 1 "-q: no notices" -- "$rl" --no-config -r rules.json -f json -q a.json b.json
lacks out "rule-never-applied" "-q leaves the notices out"
contains out '"by_rule":{"MIN":' "-q keeps by_rule"

expect 1 "text" -- "$rl" --no-config -r rules.json a.json b.json
contains out "rules.json:3:3: info [rule-never-applied] rule TYPO never applied in this run (evaluations: 2; none passed or failed): check its each, when and paths" "the notice in text"
expect 1 "text -v" -- "$rl" --no-config -r rules.json -v a.json b.json
contains out "  MIN         4 evaluations: 3 passed, 1 failed, 0 not applicable" "-v: a rule's counts"
contains out "rules run (3):" "-v: the rules that ran"
expect 1 "text -v --lang vi" -- "$rl" --no-config -r rules.json -v --lang vi a.json b.json
contains out "MIN         4 lượt kiểm tra: 3 đạt, 1 không đạt, 0 không áp dụng" "-v counts in vi"

expect 1 "ndjson summary" -- "$rl" --no-config -r rules.json -f ndjson a.json b.json
contains out '"by_rule":{"MIN":{"evaluations":4,"passed":3,"failed":1,"not_applicable":0}' "ndjson by_rule"
contains out '"rule":"rule-never-applied"' "ndjson notice (streamed)"
expect 1 "sarif rule properties" -- "$rl" --no-config -r rules.json -f sarif a.json b.json
contains out '"results":{"evaluations":4,"passed":3,"failed":1,"not_applicable":0}' "sarif per-rule results"

# the same counts whatever the number of jobs, files or NDJSON records
cat a.json b.json a.json b.json >recs.ndjson
"$rl" --no-config -r rules.json -f json -j 1 a.json b.json recs.ndjson >j1.json
"$rl" --no-config -r rules.json -f json -j 3 a.json b.json recs.ndjson >j3.json
expect 0 "by_rule does not depend on -j" -- python3 -c "
import json, sys
a, b = (json.load(open(f))['summary']['by_rule'] for f in ('j1.json', 'j3.json'))
sys.exit(0 if a == b and a['MIN']['evaluations'] == 12 else 1)"

# an unreadable file: its rules are counted, and never applied
expect 1 "unreadable" -- "$rl" --no-config -r rules.json -f json missing.json
contains out '"by_rule":{"MIN":{"evaluations":0,"passed":0,"failed":0,"not_applicable":0}' "rules of an unreadable file"

# rules list -f json: the rules and the parameters
expect 0 "rules list -f json" -- "$rl" rules list -f json rules.json
cp "$tmp/out" list.json
expect 0 "rules list -f json is JSON" -- python3 -c "
import json, sys
d = json.load(open('list.json'))
assert [r['id'] for r in d['rules']] == ['MIN', 'TYPO', 'WHEN-NEVER']
assert d['params'] == [{'name': 'min', 'value': '5', 'ruleset': 'br'}], d['params']"
expect 0 "rules list shows params" -- "$rl" rules list rules.json
contains out "min                          5                              br" "params in the text list"
expect 2 "rules list -f sarif" -- "$rl" rules list -f sarif rules.json

echo "by-rule tests: $pass passed, $fail failed"
[ "$fail" = 0 ]
