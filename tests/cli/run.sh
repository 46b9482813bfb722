#!/bin/sh
# run.sh REPORTLINT — command-line tests: exit codes, formats, many files,
# broken inputs, the rule author's tools, and the samples' expected
# violations (samples/README.md's list, kept in tests/samples/).
rl=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$(dirname "$0")/../lib.sh"

cd "$tmp"
cat >rules.json <<'J'
{"ruleset": "t", "rules": [
  {"id": "SUM", "kind": "sum", "total": "@.total", "parts": ["@.a", "@.b"]},
  {"id": "WARN", "kind": "threshold", "severity": "warning", "value": "@.rate", "min": 91},
  {"id": "INFO", "kind": "expr", "severity": "info", "assert": "@.a < 100", "at": "@.a"}
]}
J
printf '{"total": 10, "a": 4, "b": 6, "rate": 95}\n' >good.json
printf '{"total": 11,\n "a": 4, "b": 6, "rate": 95}\n' >sum_bad.json
printf '{"total": 10, "a": 4, "b": 6, "rate": 90}\n' >warn.json
printf '{"total": 206, "a": 200, "b": 6, "rate": 95}\n' >info.json
printf '{"total": 10,\n  "a": [1,}\n' >broken.json
printf '{"a": "\377"}' >badutf8.json

# exit codes and --fail-on
expect 0 "clean report" -- "$rl" -r rules.json good.json
contains out "0 violations" "clean summary"
expect 1 "sum violation" -- "$rl" -r rules.json sum_bad.json
contains out "sum_bad.json:1:11: error [SUM] total is 11 but its parts add up to 10 (imbalance 1)" "gcc-style line"
expect 0 "warning below --fail-on error" -- "$rl" -r rules.json warn.json
contains out "warning [WARN]" "warning printed"
expect 1 "--fail-on warning" -- "$rl" -r rules.json --fail-on warning warn.json
expect 0 "--fail-on never" -- "$rl" -r rules.json --fail-on never sum_bad.json
expect 1 "--fail-on info" -- "$rl" -r rules.json --fail-on=info info.json
expect 0 "info below warning" -- "$rl" -r rules.json --fail-on warning info.json
expect 2 "bad --fail-on" -- "$rl" -r rules.json --fail-on sometimes good.json
expect 2 "unknown option" -- "$rl" -r rules.json --frobnicate good.json
expect 2 "no inputs" -- "$rl" -r rules.json
expect 0 "--help" -- "$rl" --help
contains out "usage: reportlint" "help text"
expect 0 "--version" -- "$rl" --version

# --only / --skip
expect 0 "--skip SUM" -- "$rl" -r rules.json --skip SUM sum_bad.json
expect 1 "--only SUM" -- "$rl" -r rules.json --only SUM,WARN sum_bad.json
expect 2 "--only unknown id" -- "$rl" -r rules.json --only NOPE good.json
contains err "NOPE" "unknown id named"

# many files, broken ones do not stop the others
expect 1 "many files" -- "$rl" -r rules.json good.json broken.json sum_bad.json missing.json badutf8.json
contains out "broken.json:2:11: error [input] invalid JSON: unexpected '}', expected a JSON value" "parse error located"
contains out "sum_bad.json:1:11: error [SUM]" "later file still checked"
contains out "missing.json: error [input] cannot open" "missing file"
contains out "badutf8.json:1:8: error [input] invalid JSON: invalid UTF-8" "invalid UTF-8"
contains out "in 5 files" "five files counted"

# directories are walked, sorted
mkdir -p dir/sub && cp sum_bad.json dir/sub/z.json && cp good.json dir/a.json && printf 'x' >dir/notes.txt
expect 1 "directory" -- "$rl" -r rules.json dir
contains out "dir/sub/z.json:1:11" "walked into sub"
contains out "in 2 files" "only .json files"

# stdin
expect 1 "stdin" -- sh -c "\"$rl\" -r rules.json - <sum_bad.json"
contains out "-:1:11: error [SUM]" "stdin named -"

# JSON output: shape, and valid against schemas/output.schema.json
expect 1 "json format" -- "$rl" -r rules.json -f json sum_bad.json warn.json
cp out report.json
contains report.json '"rule":"SUM"' "json violation"
contains report.json '"actual":11,"expected":10,"imbalance":1' "figures at top level"
if python3 -c 'import jsonschema' 2>/dev/null; then
    if python3 - "$root/schemas/output.schema.json" report.json <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
jsonschema.Draft202012Validator.check_schema(schema)
jsonschema.Draft202012Validator(schema).validate(doc)
PY
    then ok; else bad "json output does not validate against output.schema.json"; fi
else
    bad "python3-jsonschema is not installed: cannot validate -f json output (apt-get install python3-jsonschema)"
fi
expect 2 "unknown format" -- "$rl" -r rules.json -f yaml good.json

# the bundled rule sets follow schemas/ruleset.schema.json (what editors use)
if python3 -c 'import jsonschema' 2>/dev/null; then
    for f in "$root"/rules/*.json "$root/tests/cases/sum/rules.json"; do
        if python3 - "$root/schemas/ruleset.schema.json" "$f" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
jsonschema.Draft202012Validator.check_schema(schema)
jsonschema.Draft202012Validator(schema).validate(doc)
PY
        then ok; else bad "$f does not validate against ruleset.schema.json"; fi
    done
    if python3 - "$root/schemas/ruleset.schema.json" "$root/tests/cases/rules-unknown-fields/rules.json" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
sys.exit(0 if list(jsonschema.Draft202012Validator(schema).iter_errors(doc)) else 1)
PY
    then ok; else bad "ruleset.schema.json accepts a rule set with unknown fields"; fi
fi

# -o writes atomically and leaves no temporary file
expect 1 "-o" -- "$rl" -r rules.json -o result.txt sum_bad.json
contains result.txt "[SUM]" "-o content"
if ls result.txt.tmp* >/dev/null 2>&1; then bad "-o left a temporary file"; else ok; fi
expect 2 "-o into a missing directory" -- "$rl" -r rules.json -o nodir/x.txt good.json

# inputs are never modified
cksum broken.json sum_bad.json >before
"$rl" -r rules.json broken.json sum_bad.json >/dev/null 2>&1
cksum broken.json sum_bad.json >after
if cmp -s before after; then ok; else bad "an input file changed"; fi

# invalid rule sets: exit 2, located, nothing checked
cat >badrules.json <<'J'
{"ruleset": "b", "rules": [
  {"id": "X", "kind": "sum", "total": "@.total", "parts": ["@.a"], "tolerence": 1},
  {"id": "X", "kind": "summ", "total": 1}
]}
J
expect 2 "invalid rule set" -- "$rl" -r badrules.json good.json
contains err "badrules.json:2:68: error [X] unknown rule field 'tolerence' (did you mean 'tolerance'?)" "typo suggestion"
contains err "badrules.json:3:10: error [X] duplicate rule id 'X' (first defined at line 2)" "duplicate id"
contains err "unknown kind 'summ' (did you mean 'sum'?)" "kind suggestion"
lacks out "violation" "nothing checked"
expect 2 "rules check" -- "$rl" rules check badrules.json
expect 0 "rules check ok" -- "$rl" rules check rules.json
contains out "rules.json: ok (3 rules)" "rules check summary"
expect 0 "rules list" -- "$rl" rules list rules.json
contains out "WARN" "rules list ids"
contains out "threshold" "rules list kinds"
expect 2 "missing rules file" -- "$rl" -r nope.json good.json

# eval and path
expect 0 "eval" -- "$rl" eval '@.a + @.b * 2' good.json
contains out "16" "eval value"
expect 0 "eval exact int64" -- "$rl" eval '9007199254740993 + 0'
contains out "9007199254740993" "exact int"
expect 1 "eval overflow" -- "$rl" eval '9223372036854775807 + 1'
contains err "overflow" "overflow reported"
expect 2 "eval syntax error" -- "$rl" eval '(1 + 2'
contains err "column" "syntax error column"
expect 0 "path" -- "$rl" path '$.a' good.json
contains out "[4]" "path nodes"
expect 0 "path --paths" -- "$rl" path '$.*' good.json --paths
contains out "\$['total']" "normalized paths"
expect 2 "path invalid" -- "$rl" path '$[' good.json
expect 0 "path stdin" -- sh -c "\"$rl\" path '\$.b' <good.json"
contains out "[6]" "path from stdin"

# locales: --locale is checked; eval reads strings as a check does (report.locale first)
printf '{"v": "1.377"}\n' >loc.json
printf '{"report": {"locale": "vi-VN"}, "v": "1.377"}\n' >loc_vi.json
expect 2 "--locale unknown" -- "$rl" eval '1' --locale vn
contains err "--locale: unknown locale 'vn' (did you mean 'vi'?" "--locale suggestion"
expect 0 "eval in en" -- "$rl" eval '$.v + 0' loc.json
contains out "1.377" "en reads 1.377 as a decimal"
expect 0 "eval with --locale" -- "$rl" eval '$.v + 0' loc.json --locale=vi
contains out "1377" "--locale vi groups thousands"
expect 0 "eval with report.locale" -- "$rl" eval '$.v + 0' loc_vi.json --locale ru
contains out "1377" "report.locale wins over --locale"
expect 1 "eval with a string that does not read" -- "$rl" eval '$.v + 0' loc.json --locale ru
contains err "'1.377' is not a number in locale ru" "error quotes the string and the locale"

# --param and --as-of
cat >prules.json <<'J'
{"ruleset": "p", "params": {"min": 91, "as_of": "$.report.as_of"}, "rules": [
  {"id": "MIN", "kind": "threshold", "value": "@.rate", "min": "$min"},
  {"id": "DUE", "kind": "deadline", "due": "--12-15", "done": "@.done"}
]}
J
printf '{"report": {"as_of": "2025-12-20"}, "rate": 92, "done": null}\n' >p.json
expect 1 "as_of from the report" -- "$rl" -r prules.json p.json
contains out "[DUE] still open as of 2025-12-20: 5 days overdue (deadline 2025-12-15)" "overdue days"
expect 0 "--as-of overrides" -- "$rl" -r prules.json --as-of 2025-12-01 p.json
expect 1 "--param overrides" -- "$rl" -r prules.json --as-of 2025-12-01 --param min=95 p.json
contains out "92 is below the minimum 95" "param used"
expect 2 "--param without =" -- "$rl" -r prules.json --param min p.json
expect 2 "--as-of not a date" -- "$rl" -r prules.json --as-of 2025-13-45 p.json

# message language: --lang, else LC_ALL, LC_MESSAGES, LANG; C/POSIX/unknown is English
expect 1 "LANG=vi_VN.UTF-8" -- env LANG=vi_VN.UTF-8 "$rl" -r rules.json sum_bad.json
contains out "tổng là 11 nhưng các thành phần cộng lại bằng 10" "Vietnamese from LANG"
contains out "1 vi phạm (1 lỗi, 0 cảnh báo, 0 thông tin) trong 1 tệp" "Vietnamese summary"
expect 1 "LANG=C" -- env LANG=C "$rl" -r rules.json sum_bad.json
contains out "total is 11 but its parts add up to 10 (imbalance 1)" "English for LANG=C"
contains out "1 violation (1 error, 0 warnings, 0 infos) in 1 file" "English summary"
expect 1 "LANG=POSIX" -- env LANG=POSIX "$rl" -r rules.json sum_bad.json
contains out "total is 11" "English for POSIX"
expect 1 "LANG=fr_FR.UTF-8" -- env LANG=fr_FR.UTF-8 "$rl" -r rules.json sum_bad.json
contains out "total is 11" "English for a language without messages"
expect 1 "LC_ALL wins" -- env LANG=vi_VN.UTF-8 LC_MESSAGES=nb_NO.UTF-8 LC_ALL=ru_RU.UTF-8 "$rl" -r rules.json sum_bad.json
contains out "итог равен 11" "LC_ALL=ru"
expect 1 "LC_MESSAGES before LANG" -- env LANG=vi_VN.UTF-8 LC_MESSAGES=nb_NO.UTF-8 "$rl" -r rules.json sum_bad.json
contains out "totalen er 11" "LC_MESSAGES=nb"
expect 1 "LC_ALL=C overrides LANG" -- env LANG=vi_VN.UTF-8 LC_ALL=C "$rl" -r rules.json sum_bad.json
contains out "total is 11" "LC_ALL=C"
expect 1 "empty LC_ALL is unset" -- env LANG=id_ID.UTF-8 LC_ALL= "$rl" -r rules.json sum_bad.json
contains out "total 11, tetapi jumlah rinciannya 10" "LANG=id under an empty LC_ALL"
expect 1 "--lang beats the environment" -- env LC_ALL=vi_VN.UTF-8 "$rl" --lang en -r rules.json sum_bad.json
contains out "total is 11" "--lang en"
expect 1 "--lang nb_NO" -- "$rl" --lang nb_NO -r rules.json sum_bad.json
contains out "1 brudd (1 feil, 0 advarsler, 0 merknader) i 1 fil" "Norwegian summary"
expect 2 "--lang unknown" -- "$rl" --lang fr -r rules.json sum_bad.json
contains err "unknown language 'fr' for --lang (known: en, vi, id, ru, nb)" "known languages listed"
expect 2 "--lang C" -- "$rl" --lang C -r rules.json sum_bad.json
expect 1 "--lang vi, -f json" -- "$rl" --lang vi -f json -r rules.json sum_bad.json
contains out '"message":"tổng là 11 nhưng các thành phần cộng lại bằng 10 (chênh lệch 1)"' "json message localized"
contains out '"actual":11,"expected":10,"imbalance":1' "json figures unchanged"
printf '{"total": 10.5, "a": 4.25, "b": 6, "rate": 90.5}\n' >decimals.json
expect 1 "decimal comma" -- "$rl" --lang ru -r rules.json decimals.json
contains out "итог равен 10,5, но сумма составляющих равна 10,25 (расхождение 0,25)" "Russian decimals"
contains out "90,5 ниже минимального значения 91" "Russian threshold"
expect 1 "bundled rules in Vietnamese" -- sh -c "cd '$root' && '$rl' --lang vi samples/"
contains out "2025-09-11 là thứ Năm; báo cáo phải nộp vào thứ Tư hằng tuần" "cadence in Vietnamese on the samples"
contains out "số người làm việc bình quân mỗi trung tâm là 6, đúng ra là 7,77 = 24382 / 3139 (chênh lệch -1,77)" "SVC-AVG's own vi message"

# the samples: exactly the violations samples/README.md lists
if [ -f "$root/tests/samples/expected-violations.txt" ]; then
    (cd "$root" && "$rl" -r rules -f json samples/ >"$tmp/samples.json" 2>"$tmp/samples.err")
    python3 - "$tmp/samples.json" >"$tmp/samples.got" <<'PY'
import json, sys
for v in json.load(open(sys.argv[1]))["violations"]:
    print(v["file"], v["rule"], v["pointer"])
PY
    sort "$tmp/samples.got" >"$tmp/samples.sorted"
    if diff -u "$root/tests/samples/expected-violations.txt" "$tmp/samples.sorted"; then ok; else
        bad "samples: violations differ from tests/samples/expected-violations.txt"; fi
    (cd "$root" && "$rl" samples/ >"$tmp/samples.txt" 2>&1)
    contains "$tmp/samples.txt" "expected 7.77 = 24382 / 3139" "24,382 staff / 3,139 centres is 7.77, not 6"
fi

# run-cases.sh: a case without expected.err fails when reportlint writes to stderr
mkdir -p "$tmp/cases/stray-stderr"
printf '%s\n' '-r missing.json x.json' >"$tmp/cases/stray-stderr/cmd"
printf '2\n' >"$tmp/cases/stray-stderr/expected.exit"
: >"$tmp/cases/stray-stderr/expected.out"
expect 1 "run-cases.sh: unexpected stderr fails the case" -- sh "$root/tests/run-cases.sh" "$rl" "$tmp/cases"
contains "$tmp/out" "case stray-stderr: stderr differs" "run-cases.sh names the stray stderr"
"$rl" -r missing.json x.json 2>"$tmp/cases/stray-stderr/expected.err" >/dev/null
expect 0 "run-cases.sh: the same case with its expected.err passes" -- sh "$root/tests/run-cases.sh" "$rl" "$tmp/cases"

# the output formats (tests/cli/formats.sh)
. "$root/tests/cli/formats.sh"
# -j and NDJSON inputs (tests/cli/jobs.sh)
. "$root/tests/cli/jobs.sh"

echo "cli tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
