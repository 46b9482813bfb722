#!/bin/sh
# tools.sh REPORTLINT — `eval` and `path` read a report as a check does:
# the rule set's as_of (a year-less date takes its year, not today's),
# -r/--param/--as-of/--locale, --at POINTER for @, --record N for an NDJSON
# record (with the file's line numbers), options before the command word,
# `path --positions`; every file start counts the same rules, readable or
# not; and every expression of the bundled rules gives the
# same value through `eval` as through a check (eval_agrees.py).
rl=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$(dirname "$0")/../lib.sh"

cd "$tmp"
cat >rules.json <<'J'
{"ruleset": "t", "locale": "en", "params": {"as_of": "$.report.as_of", "min": 91}, "rules": [
  {"id": "DUE", "kind": "deadline", "due": "--12-15", "done": "@.done"}
]}
J
printf '{"report": {"as_of": "2024-03-01"}, "done": null, "items": [{"n": "1.377"}, {"n": 5}]}\n' >r.json

# a year-less date takes the year of the report's as_of, as in a check
expect 0 "eval: year-less date in as_of's year" -- "$rl" eval -r rules.json "date('--12-15')" r.json
contains out '"2024-12-15"' "eval uses the rule set's as_of"
expect 0 "eval: --as-of applies" -- "$rl" eval -r rules.json "date('--12-15')" r.json --as-of 2023-05-05
contains out '"2023-12-15"' "--as-of sets as_of"
expect 0 "eval: --param applies" -- "$rl" eval -r rules.json '$min + 1' r.json --param min=10
contains out "11" "--param overrides"
expect 0 "options before the command" -- "$rl" -r rules.json --as-of 2023-05-05 eval "date('--12-15')" r.json
contains out '"2023-12-15"' "options before eval"
expect 0 "options before rules list" -- "$rl" -r rules.json rules list
contains out "DUE" "options before rules list"

# --at sets @; --locale reads strings as a check does
expect 0 "eval --at" -- "$rl" eval '@.n + 0' r.json --at /items/0 --locale vi
contains out "1377" "@ at /items/0, read in vi"
expect 2 "eval --at nowhere" -- "$rl" eval '@' r.json --at /items/9
contains err "--at /items/9: the report has no value there" "--at names the pointer"

# path --positions: pointer, normalized path, line and column
printf '{\n  "a": [\n    10,\n    20\n  ]\n}\n' >p.json
expect 0 "path --positions" -- "$rl" path '$.a[*]' p.json --positions
contains out '{"pointer":"/a/1","path":"$['"'"'a'"'"'][1]","line":4,"column":5,"value":20}' "line:column of a node"

# NDJSON: --record N (blank lines are not records), lines as in the file
printf '{"a": 1}\n\n{"a": 2,\n "b": 3}\n' >recs.ndjson
printf '{"a": 1}\n\n{"a": 2, "b": [7]}\n' >good.ndjson
expect 0 "eval --record" -- "$rl" eval '@.a' good.ndjson --record 2
contains out "2" "second record"
expect 0 "path --record --positions" -- "$rl" path '$.b[0]' good.ndjson --record 2 --positions
contains out '"line":3,"column":16' "position on the file's line"
expect 2 "NDJSON without --record" -- "$rl" eval '@.a' good.ndjson
contains err "holds one report per line: pick one with --record N" "asks for --record"
expect 2 "--record past the end" -- "$rl" eval '@.a' good.ndjson --record 3
contains err "--record 3: the document holds 2 records" "counts the records"
expect 2 "--record 0" -- "$rl" eval '@.a' good.ndjson --record 0
expect 2 "invalid record" -- "$rl" path '$' recs.ndjson --record 2
contains err "3:" "the record's line in the file"

# every file starts the same way: an unreadable .json and .ndjson count the same rules
expect 1 "unreadable .json" -- "$rl" -r rules.json -f json missing.json
contains out '"rules":1,' "an unreadable .json counts the rules"
expect 1 "unreadable .ndjson" -- "$rl" -r rules.json -f json missing.ndjson
contains out '"rules":1,' "an unreadable .ndjson counts the same"

# every expression of the bundled rules: eval agrees with a check
cd "$root"
check "eval agrees with the checker on the bundled rules" \
    python3 tests/cli/eval_agrees.py "$rl" rules samples/national/*.json \
    samples/provinces/01-ha-noi.json samples/provinces/37-ninh-binh.vi.json

echo "tools tests: $pass passed, $fail failed"
[ "$fail" = 0 ]
