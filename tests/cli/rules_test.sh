#!/bin/sh
# rules_test.sh REPORTLINT — `reportlint rules test`: the bundled rule set's
# examples pass and cover every rule; a failing example prints its diff and
# exits 1; malformed example files exit 2 with FILE:LINE:COL; figures match
# at the precision they are written with.
rl=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$(dirname "$0")/../lib.sh"

cd "$tmp"
# the bundled examples (rules/tests/) pass and give a violation of every rule
expect 0 "bundled examples pass" -- "$rl" rules test
contains out "0 failed" "bundled: none failed"
lacks out "no example gives a violation of" "bundled: every rule covered"
expect 0 "bundled examples valid against rules-test.schema.json" -- \
    "$rl" schema validate "$root/schemas/rules-test.schema.json" "$root/rules/tests"

mkdir -p set/tests
cat >set/sums.json <<'J'
{"ruleset": "t", "rules": [
  {"id": "SUM", "kind": "sum", "total": "@.total", "parts": ["@.a", "@.b"]},
  {"id": "AVG", "kind": "average", "total": "@.t", "count": "@.n", "stated": "@.avg", "tolerance": 0.001},
  {"id": "LATE", "kind": "deadline", "due": "2025-11-30", "done": "@.done",
   "when": "exists(@.done)"}
]}
J
cat >set/tests/sums.json <<'J'
{"tests": [
  {"name": "balanced", "report": {"total": 10, "a": 4, "b": 6}, "violations": []},
  {"name": "unbalanced", "report": {"total": 11, "a": 4, "b": 6},
   "violations": [{"rule": "SUM", "pointer": "/total", "actual": 11, "expected": 10, "severity": "error"}]},
  {"name": "average to two decimals", "report": {"t": 24382, "n": 3139, "avg": 6},
   "violations": [{"rule": "AVG", "pointer": "/avg", "expected": 7.77, "imbalance": -1.8}]},
  {"name": "late, judged at as_of", "as_of": "2025-12-31", "report": {"done": "2025-12-05"},
   "violations": [{"rule": "LATE", "pointer": "/done", "days_late": 5, "status": "late"}]},
  {"name": "a report file beside the examples", "report": "report.json",
   "violations": [{"rule": "SUM", "pointer": "/total", "line": 2}]}
]}
J
printf '{"a": 1, "b": 2,\n "total": 4}\n' >set/tests/report.json
expect 0 "examples pass" -- "$rl" rules test set/sums.json
contains out "set/tests/sums.json: 5 examples, 5 passed, 0 failed" "per-file count"
contains out "3 of 3 rules covered" "coverage"
expect 0 "the example file itself" -- "$rl" rules test set/tests/sums.json
expect 0 "a directory of rule sets; each example file once" -- "$rl" rules test set set/tests/sums.json
contains out "5 examples: 5 passed" "run once"

# a failing example: exit 1, the diff of expected and actual violations
cat >set/tests/sums.json <<'J'
{"rules": "../sums.json", "tests": [
  {"name": "wrong figure and a missing violation", "report": {"total": 11, "a": 4, "b": 6, "t": 10, "n": 4, "avg": 2.5},
   "violations": [{"rule": "SUM", "pointer": "/total", "expected": 9},
                  {"rule": "AVG", "pointer": "/avg"}]},
  {"name": "precision: 7.7 is not 7.767", "report": {"t": 24382, "n": 3139, "avg": 6},
   "violations": [{"rule": "AVG", "pointer": "/avg", "expected": 7.7}]}
]}
J
expect 1 "failing examples" -- "$rl" rules test set/sums.json
contains out "FAIL set/tests/sums.json:2:3: wrong figure and a missing violation" "FAIL located"
contains out '  - SUM /total expected=9' "expected, not given"
contains out '  + SUM /total severity="error" line=1 total=11 actual=11 expected=10 imbalance=1 tolerance=0' "given, not expected"
contains out '  - AVG /avg' "missing violation"
contains out '  - AVG /avg expected=7.7' "7.7 does not match 7.767"
contains out "2 examples, 0 passed, 2 failed" "counts"
lacks out "stated=2.5" "2.5 = 10 / 4 is no violation"

# malformed example files: exit 2 with FILE:LINE:COL, nothing run
printf '{"tests": [\n  {"name": "x", "report": {}, "violations": [],}\n]}\n' >set/tests/sums.json
expect 2 "trailing comma" -- "$rl" rules test set/sums.json
contains err "set/tests/sums.json:2:48:" "JSON error located"
cat >set/tests/sums.json <<'J'
{"tests": [
  {"name": "typos", "report": {}, "violation": []},
  {"name": "unknown rule", "report": {}, "violations": [{"rule": "SUMM", "pointer": "/total"}]},
  {"name": "bad pointer", "report": {}, "violations": [{"rule": "SUM", "pointer": "total", "severity": "fatal"}]}
]}
J
expect 2 "malformed examples" -- "$rl" rules test set/sums.json
contains err "set/tests/sums.json:2:35: error: unknown member 'violation' in an example (did you mean 'violations'?)" "unknown member suggested"
contains err "set/tests/sums.json:2:3: error: 'violations' must be an array" "violations required"
contains err "set/tests/sums.json:3:66: error: no rule 'SUMM' in the rule sets tested (did you mean 'SUM'?)" "unknown rule suggested"
contains err "set/tests/sums.json:4:83: error: 'pointer' must be a JSON Pointer" "bad pointer"
contains err "'severity' must be" "bad severity"
lacks out "FAIL" "nothing run"
printf '{"tests": []}' >set/tests/sums.json
expect 2 "no examples" -- "$rl" rules test set/sums.json
contains err "'tests' must be a non-empty array" "empty tests"
rm set/tests/sums.json
expect 2 "a rule set without examples" -- "$rl" rules test set/sums.json
contains err "set/sums.json: error: this rule set has no examples (write them in set/tests/sums.json" "says where"
printf '{"tests": [{"name": "x", "report": {}, "violations": []}]}' >set/tests/broken.json
printf '{"ruleset": "t", "rules": [{"id": "X", "kind": "sum"}]}' >set/broken.json
expect 2 "a rule set that does not load" -- "$rl" rules test set/broken.json
contains err "missing required field" "loader problem printed"

echo "rules test: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
