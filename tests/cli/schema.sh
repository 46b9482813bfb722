#!/bin/sh
# schema.sh REPORTLINT — JSON Schema from the command line, end to end:
# real -f json and -f sarif output validated against schemas/output.schema.json
# and the SARIF 2.1.0 schema with reportlint's own validator (`schema
# validate`), the report schemas against every sample (and failing on a
# broken one), the configuration's "schemas", and `rules check` against
# schemas/ruleset.schema.json for the bundled rules and every golden rule set.
rl=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$(dirname "$0")/../lib.sh"

cd "$root"

# Real output against its schemas, with our validator.
"$rl" -f json samples/ >"$tmp/out.json"
expect 0 "-f json output follows output.schema.json" -- \
    "$rl" schema validate schemas/output.schema.json "$tmp/out.json"
"$rl" -f json -r tests/cases/schema-cli/rules.json -s tests/cases/schema-cli/report.schema.json \
    tests/cases/schema-cli/invalid.json >"$tmp/schema-out.json"
expect 0 "-f json with schema violations follows output.schema.json" -- \
    "$rl" schema validate schemas/output.schema.json "$tmp/schema-out.json"
sarif=$root/../shared/testsuites/sarif/sarif-schema-2.1.0.json
if [ -f "$sarif" ]; then
    "$rl" -f sarif samples/ >"$tmp/out.sarif"
    expect 0 "-f sarif output follows the SARIF 2.1.0 schema" -- \
        "$rl" schema validate "$sarif" "$tmp/out.sarif"
    "$rl" -f sarif -r tests/cases/schema-cli/rules.json -s tests/cases/schema-cli/report.schema.json \
        tests/cases/schema-cli/invalid.json >"$tmp/schema-out.sarif"
    expect 0 "-f sarif with schema violations follows the SARIF schema" -- \
        "$rl" schema validate "$sarif" "$tmp/schema-out.sarif"
else
    echo "note: $sarif not found; SARIF output not validated"
fi
# The validation can fail: a damaged output is caught.
sed 's/"line":\([0-9]*\)/"line":"\1"/' "$tmp/out.json" >"$tmp/bad.json"
expect 1 "a damaged -f json output is invalid" -- \
    "$rl" schema validate schemas/output.schema.json "$tmp/bad.json"
contains "$tmp/out" 'type: expected integer, got string' "the damage is named"

# The report schemas: every sample passes; a broken one does not.
expect 0 "every sample follows report.schema.json" -- \
    "$rl" schema validate --format-assert schemas/report.schema.json samples/
sed 's/"centre_staff": \([0-9]*\)/"centre_staff": -\1/; s/"as_of": "[^"]*"/"as_of": "29.09.2025"/' \
    samples/provinces/04-cao-bang.json >"$tmp/broken.json"
expect 1 "a broken provincial report fails" -- \
    "$rl" schema validate --format-assert schemas/report.schema.json "$tmp/broken.json"
contains "$tmp/out" '[schema] minimum: -' "negative staff is named"
contains "$tmp/out" 'provincial-report.schema.json#/$defs/commune/properties/centre_staff/minimum' \
    "the schema location is given"
contains "$tmp/out" 'pattern: "29.09.2025"' "a malformed as_of is caught"

# The bundled rules validate whole reports (their "schema"), and `make run`
# still finds exactly the expected violations.
"$rl" -f json samples/provinces/04-cao-bang.json >"$tmp/one.json"
# every bundled rule plus "schema" (rules list: a heading, then one line per
# rule, then after a blank line the parameters)
nrules=$(( $("$rl" rules list | sed '/^$/q' | grep -c .) - 1 ))
contains "$tmp/one.json" "\"rules\":$nrules" "the rule schema runs with the bundled rules"
expect 1 "the bundled rules catch a broken report" -- "$rl" --only schema "$tmp/broken.json"
contains "$tmp/out" '[schema]' "as rule schema"

# -s from the configuration, relative to it; -s on the command line replaces it.
mkdir -p "$tmp/proj/conf"
printf '{"type": "object", "required": ["staff"]}\n' >"$tmp/proj/conf/need-staff.json"
printf '{"type": "object", "required": ["name"]}\n' >"$tmp/proj/need-name.json"
printf '{"ruleset": "none", "rules": []}\n' >"$tmp/proj/rules.json"
printf '{"rules": ["rules.json"], "schemas": ["conf/need-staff.json"]}\n' >"$tmp/proj/.reportlint.json"
printf '{"name": "x"}\n' >"$tmp/proj/r.json"
(cd "$tmp/proj" && expect 1 "config schemas apply" -- "$rl" r.json)
contains "$tmp/out" "missing property 'staff'" "the config's schema ran"
(cd "$tmp/proj" && expect 0 "-s replaces the config's schemas" -- "$rl" -s need-name.json r.json)
printf '{"rules": ["rules.json"], "schemas": ["conf/nope.json"]}\n' >"$tmp/proj/.reportlint.json"
(cd "$tmp/proj" && expect 2 "a missing config schema is exit 2" -- "$rl" r.json)
contains "$tmp/err" "conf/nope.json" "named relative to the config"

# --schema-map needs URL=DIR.
expect 2 "--schema-map without =" -- "$rl" --schema-map nowhere samples/national/2025-09-29.json
expect 2 "--schema-map with a relative URL" -- "$rl" --schema-map foo=bar samples/national/2025-09-29.json
contains "$tmp/err" "absolute URL" "says why"

# rules check holds rule sets to ruleset.schema.json: the bundled rules and
# every golden rule set the loader accepts pass it (but the case made to fail).
expect 0 "bundled rules pass rules check" -- "$rl" rules check
for f in $(grep -l '"ruleset"' -r tests/cases --include='*.json' | grep -v rules-check-schema/ | sort); do
    if "$rl" rules check "$f" >/dev/null 2>"$tmp/err"; then ok
    elif grep -q 'ruleset.schema.json' "$tmp/err"; then bad "$f fails ruleset.schema.json"; sed 's/^/  | /' "$tmp/err" | head -5
    else ok; fi
done

echo "schema tests: $pass passed, $fail failed"
[ "$fail" = 0 ]
