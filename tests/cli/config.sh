#!/bin/sh
# config.sh REPORTLINT — command-line tests of the configuration file
# (discovery, --config, --no-config, precedence, per-file fail-on),
# suppressions in JSON output, and baselines (write, then read after the
# reports' keys are reordered and lines shifted, or their figures changed).
rl=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$(dirname "$0")/../lib.sh"
# validate SCHEMA FILE DESCRIPTION [invalid]: FILE against a JSON Schema
validate() {
    if python3 - "$1" "$2" "${4:-valid}" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
jsonschema.Draft202012Validator.check_schema(schema)
errors = list(jsonschema.Draft202012Validator(schema).iter_errors(doc))
if bool(errors) == (sys.argv[3] == "invalid"):
    sys.exit(0)
for e in errors[:3]:
    print("  |", e.message, file=sys.stderr)
sys.exit(1)
PY
    then ok; else bad "$3"; fi
}

cd "$tmp"
mkdir -p proj/a/b bundled
cat >proj/rules.json <<'J'
{"ruleset": "p", "rules": [
  {"id": "SUM", "kind": "sum", "total": "@.total", "parts": ["@.a", "@.b"]},
  {"id": "RATE", "kind": "threshold", "severity": "warning", "value": "@.rate", "min": 91}
]}
J
cat >bundled/other.json <<'J'
{"ruleset": "bundled", "rules": [{"id": "OTHER", "kind": "expr", "assert": "false"}]}
J
export REPORTLINT_RULES="$tmp/bundled"
printf '{"total": 11, "a": 4, "b": 6, "rate": 90}\n' >proj/a/b/report.json
cat >proj/.reportlint.json <<'J'
{"rules": ["rules.json"], "severity": {"SUM": "warning"}}
J

# discovery: the nearest .reportlint.json above the working directory
cd proj/a/b
expect 0 "config found two levels up" -- "$rl" report.json
contains "$tmp/out" "report.json:1:11: warning [SUM]" "its rules (relative to it) and severity apply"
lacks "$tmp/out" "[OTHER]" "bundled rules not used"
expect 1 "--no-config" -- "$rl" -r ../../rules.json --no-config report.json
contains "$tmp/out" "error [SUM]" "severity override not applied"
expect 2 "--config with --no-config" -- "$rl" --config ../../.reportlint.json --no-config report.json
cd "$tmp"
expect 1 "no config in /tmp's tree: bundled rules" -- "$rl" proj/a/b/report.json
contains "$tmp/out" "[OTHER]" "bundled rules used without a config"
expect 0 "--config from elsewhere; paths relative to the file" -- "$rl" --config proj/.reportlint.json proj/a/b/report.json
contains "$tmp/out" "warning [SUM]" "--config applied"
expect 2 "--config missing" -- "$rl" --config nowhere.json proj/a/b/report.json
contains "$tmp/err" "nowhere.json" "missing config named"

# the search stops at the top of a repository (a .git directory or file)
mkdir -p outer/repo/sub outer/wt/sub outer/repo/.git
cp proj/.reportlint.json proj/rules.json outer/
echo "gitdir: /elsewhere" >outer/wt/.git
cp proj/a/b/report.json outer/repo/sub/
cp proj/a/b/report.json outer/wt/sub/
(cd outer/repo/sub && "$rl" report.json >"$tmp/out" 2>&1)
contains "$tmp/out" "[OTHER]" "config above a .git directory is not used"
(cd outer/wt/sub && "$rl" report.json >"$tmp/out" 2>&1)
contains "$tmp/out" "[OTHER]" "config above a .git file (worktree) is not used"
cp proj/.reportlint.json proj/rules.json outer/repo/
(cd outer/repo/sub && "$rl" report.json >"$tmp/out" 2>&1)
contains "$tmp/out" "warning [SUM]" "config at the repository root is used"

# fail-on: config top level, per-file override, --fail-on wins
mkdir -p fo/drafts
cp proj/rules.json fo/
printf '{"total": 10, "a": 4, "b": 6, "rate": 90}\n' >fo/final.json
cp fo/final.json fo/drafts/d.json
cat >fo/.reportlint.json <<'J'
{"rules": ["rules.json"], "fail-on": "warning",
 "overrides": [{"files": "drafts/**", "fail-on": "never"}]}
J
cd fo
expect 1 "config fail-on warning" -- "$rl" final.json
expect 0 "override fail-on never for drafts" -- "$rl" drafts/d.json
contains "$tmp/out" "warning [RATE]" "draft violation still shown"
expect 0 "--fail-on wins over the config" -- "$rl" --fail-on error final.json
expect 1 "--fail-on wins over overrides" -- "$rl" --fail-on warning drafts/d.json
cat >.reportlint.json <<'J'
{"rules": ["rules.json"], "severity": {"RATE": "off"}}
J
expect 0 "severity off" -- "$rl" --fail-on info final.json
lacks "$tmp/out" "[RATE]" "off rule not run"
contains "$tmp/out" "1 rule," "off rule not counted"
expect 1 "--only runs a rule the config turns off" -- "$rl" --fail-on info --only RATE final.json
contains "$tmp/out" "[RATE]" "--only wins over off"
cd "$tmp"

# suppressions and baselines in JSON output, valid against output.schema.json
mkdir -p js/national
cp proj/rules.json js/
printf '{"total": 11, "a": 4, "b": 6, "rate": 90}\n' >js/national/a.json
printf '{"total": 12, "a": 4, "b": 6, "rate": 95}\n' >js/national/b.json
cat >js/.reportlint.json <<'J'
{"rules": ["rules.json"],
 "suppress": [{"rule": "RATE", "files": "national/*", "reason": "target under review"}]}
J
cd js
expect 1 "suppressed in json" -- "$rl" -f json national
cp "$tmp/out" "$tmp/supp.json"
contains "$tmp/supp.json" '"suppressed":1' "suppressed count in the summary"
lacks "$tmp/supp.json" '"rule":"RATE"' "suppressed violation not listed"
validate "$root/schemas/output.schema.json" "$tmp/supp.json" "json with suppressed validates"
expect 0 "write a baseline" -- "$rl" --write-baseline ../base.json national
contains "$tmp/err" "wrote 2 violations to the baseline ../base.json" "baseline written"
if ls ../base.json.tmp* >/dev/null 2>&1; then bad "--write-baseline left a temporary file"; else ok; fi
expect 0 "baseline: nothing new" -- "$rl" -f json --baseline ../base.json national
cp "$tmp/out" "$tmp/base-out.json"
contains "$tmp/base-out.json" '"baseline":{"new":0,"known":2,"fixed":0}' "baseline counts"
validate "$root/schemas/output.schema.json" "$tmp/base-out.json" "json with baseline validates"
cd "$tmp"
validate "$root/schemas/baseline.schema.json" base.json "written baseline follows baseline.schema.json"
contains base.json '"file": "js/national/a.json"' "baseline paths relative to the baseline file"
mode=$(stat -c %a base.json)
if [ "$mode" = "$(printf '%o' $((0666 & ~$(umask))))" ]; then ok; else bad "baseline mode $mode ignores the umask"; fi

# the baseline is found from any directory; reordered keys and moved lines stay known
python3 - js/national/a.json <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
text = json.dumps({k: d[k] for k in reversed(list(d))}, indent=4)
open(sys.argv[1], "w").write("\n\n\n" + text + "\n")
PY
expect 0 "reordered and shifted: still known" -- "$rl" --config js/.reportlint.json --baseline base.json js/national
contains "$tmp/out" "baseline: 0 new, 2 known, 0 fixed" "moved violations are not new"
printf '{"total": 13, "a": 4, "b": 6, "rate": 95}\n' >js/national/b.json
expect 1 "changed figures: new" -- "$rl" --config js/.reportlint.json --baseline base.json js/national
contains "$tmp/out" "js/national/b.json:1:11: error [SUM] total is 13" "the changed violation is shown"
contains "$tmp/out" "baseline: 1 new, 1 known, 1 fixed" "its old entry counts as fixed"
expect 0 "a file not checked: its entries are not fixed" -- "$rl" --config js/.reportlint.json --baseline base.json js/national/a.json
contains "$tmp/out" "baseline: 0 new, 1 known, 0 fixed" "entries of unchecked files left alone"
cat >js/.reportlint.json <<'J'
{"rules": ["rules.json"], "baseline": "../base.json",
 "suppress": [{"rule": "RATE", "files": "national/*", "reason": "target under review"}]}
J
expect 1 "baseline from the config file" -- "$rl" --config js/.reportlint.json js/national
contains "$tmp/out" "baseline: 1 new, 1 known, 1 fixed" "config baseline applied"
: >empty-base.json
expect 2 "--baseline wins over the config's" -- "$rl" --config js/.reportlint.json --baseline empty-base.json js/national
contains "$tmp/err" "empty-base.json:1:1: error invalid JSON" "--baseline file read instead"
expect 2 "missing baseline" -- "$rl" --config js/.reportlint.json --baseline nope.json js/national
contains "$tmp/err" "nope.json: error cannot open" "missing baseline named"
contains "$tmp/err" "--write-baseline" "hint to write one"
printf '{"reportlint-baseline": 3, "violations": []}\n' >v3.json
expect 2 "unsupported baseline version" -- "$rl" --config js/.reportlint.json --baseline v3.json js/national
contains "$tmp/err" "v3.json:1:25: error baseline format 3 is not supported (this reportlint reads 1 and 2; rewrite it with --write-baseline)" "version located, how to rewrite"
expect 0 "--write-baseline ignores the baseline it replaces" -- "$rl" --config js/.reportlint.json --write-baseline base.json js/national
expect 0 "rewritten baseline: nothing new" -- "$rl" --config js/.reportlint.json js/national
contains "$tmp/out" "baseline: 0 new, 2 known, 0 fixed" "rewritten baseline applied"

# stable pointers: a commune inserted at the top of a province's list keeps
# the known violations of the communes after it known (format 2), where a
# format-1 baseline (array indexes) sees them all as new
mkdir -p stable
cat >stable/rules.json <<'J'
{"ruleset": "s", "rules": [
  {"id": "STAFF-MIN", "kind": "threshold", "each": "$.provinces[*].communes[*]", "value": "@.staff", "min": 5},
  {"id": "UNITS", "kind": "threshold", "each": "$.provinces[*].units[*]", "value": "@.n", "min": 1}
]}
J
cat >stable/province.json <<'J'
{"provinces": [
  {"code": "24", "name": "Bắc Ninh", "communes": [
    {"code": "7210", "name": "Xã A", "staff": 3},
    {"code": "7211", "name": "Xã B", "staff": 9},
    {"code": "7212", "name": "Xã C", "staff": 2}],
   "units": [{"n": 0}]}
]}
J
cd stable
expect 0 "stable: write a baseline" -- "$rl" -r rules.json --write-baseline base.json province.json
validate "$root/schemas/baseline.schema.json" base.json "format-2 baseline follows baseline.schema.json"
contains base.json '"reportlint-baseline": 2' "baselines are written as format 2"
contains base.json '"pointer": "/provinces/code=24/communes/code=7212/staff"' "array indexes replaced by the items' codes"
contains base.json '"pointer": "/provinces/code=24/units/0/n"' "an item without id, code or name keeps its index"
python3 - <<'PY'
import json
d = json.load(open("province.json"))
d["provinces"][0]["communes"].insert(0, {"code": "7209", "name": "Xã Mới", "staff": 8})
json.dump(d, open("province.json", "w"), ensure_ascii=False, indent=2)
PY
expect 0 "stable: a commune inserted at the top" -- "$rl" -r rules.json --baseline base.json province.json
contains "$tmp/out" "baseline: 0 new, 3 known, 0 fixed" "later communes' violations stay known"
python3 - <<'PY'
import json
d = json.load(open("province.json"))
d["provinces"][0]["communes"].insert(0, {"code": "7208", "staff": 1})
json.dump(d, open("province.json", "w"), ensure_ascii=False, indent=2)
PY
expect 1 "stable: a new violating commune" -- "$rl" -r rules.json --baseline base.json province.json
contains "$tmp/out" "province.json:9:20: error [STAFF-MIN] 1 is below the minimum 5" "only the new commune's violation is shown"
contains "$tmp/out" "baseline: 1 new, 3 known, 0 fixed" "one new, the others known"
# a format-1 baseline (plain pointers) is still read, matched by array index
sed -e 's/"reportlint-baseline": 2/"reportlint-baseline": 1/' \
    -e 's|/provinces/code=24/communes/code=7210/|/provinces/0/communes/2/|' \
    -e 's|/provinces/code=24/communes/code=7212/|/provinces/0/communes/4/|' \
    -e 's|/provinces/code=24/units/0/|/provinces/0/units/0/|' base.json >v1.json
expect 1 "stable: a format-1 baseline still reads" -- "$rl" -r rules.json --baseline v1.json province.json
contains "$tmp/out" "baseline: 1 new, 3 known, 0 fixed" "format 1 matched by plain pointers"
# a key the rule set declares wins over code
sed 's/"ruleset": "s",/"ruleset": "s", "item_keys": ["name"],/' rules.json >named.json
expect 0 "stable: item_keys" -- "$rl" -r named.json --write-baseline named-base.json province.json
contains named-base.json '"pointer": "/provinces/name=Bắc Ninh/communes/name=Xã A/staff"' "the declared key names the items"
printf '{"ruleset": "k", "item_keys": [1], "rules": []}\n' >badkeys.json
expect 2 "stable: item_keys must be names" -- "$rl" -r badkeys.json province.json
contains "$tmp/err" "badkeys.json:1:32: error field 'item_keys' must hold member names" "bad item_keys located"
cd "$tmp"

# schemas/config.schema.json accepts the golden cases' configurations and the
# docs/configuration.md's, and rejects the invalid one
for f in "$root"/tests/cases/config-*/.reportlint.json "$root"/tests/cases/config-suppress/.reportlint.json; do
    [ -f "$f" ] || continue
    case "$f" in *invalid-json*) continue ;; esac
    validate "$root/schemas/config.schema.json" "$f" "$f follows config.schema.json"
done
validate "$root/schemas/config.schema.json" "$root/tests/cases/config-invalid/bad.json" \
    "config.schema.json rejects config-invalid/bad.json" invalid
sed -n '/^<!-- config-example -->$/,/^<!-- end -->$/p' "$root/docs/configuration.md" | sed '1d;$d' | sed 's/^    //' >readme-config.json
validate "$root/schemas/config.schema.json" readme-config.json "docs/configuration.md's example configuration follows the schema"

# ... and works on the samples as docs/configuration.md says
mkdir -p readme && cp -r "$root/rules" "$root/samples" "$root/schemas" readme/ && cp readme-config.json readme/.reportlint.json
cd readme
expect 0 "documented flow: write the baseline" -- "$rl" --write-baseline .reportlint-baseline.json samples/
contains "$tmp/err" "wrote 16 violations" "suppressed and off rules are not recorded (15 violations and the rule-never-applied notice)"
expect 0 "documented flow: nothing new" -- "$rl" samples/
contains "$tmp/out" "; 2 suppressed; baseline: 0 new, 16 known, 0 fixed" "documented configuration applied"
printf '{"reportlint-baseline": 1, "violations": []}\n' >empty-baseline.json
expect 1 "documented flow: an empty baseline" -- "$rl" --baseline empty-baseline.json samples/
contains "$tmp/out" "baseline: 16 new, 0 known, 0 fixed" "every violation new"
lacks "$tmp/out" "samples/national/2025-09-29.json:52:29" "national SVC-AVG suppressed"
lacks "$tmp/out" "samples/national/2025-09-29.nb.json:" "national SVC-AVG suppressed in the Norwegian variant too"
contains "$tmp/out" "samples/provinces/38-thanh-hoa.json:29:29: warning [SVC-AVG]" "override: warning in provinces"
lacks "$tmp/out" "[COMMUNE-CODE-UNIQUE]" "severity off"
# ndjson is not streamed when suppressions and a baseline must see everything first
expect 0 "documented flow: ndjson" -- "$rl" -f ndjson samples/
lacks "$tmp/out" '"rule":"' "ndjson: known and suppressed violations are not written"
contains "$tmp/out" '"suppressed":2,"baseline":{"new":0,"known":16,"fixed":0}' "ndjson summary counts them"
cd "$tmp"

echo "config tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
