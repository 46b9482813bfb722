#!/bin/sh
# trust.sh REPORTLINT — the CI trust boundary (docs/security.md): a pull
# request controls the tree, not the command line, so nothing that
# resolves outside the working directory is read unless the command line
# names it or --allow-outside allows it. Each statement of the docs is a
# check here, starting with the exfiltration of issue 18: a committed
# reports/r1.json -> ../../secrets.json and a rule whose message quotes
# $.token must not put the token into -f github annotations.
rl=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. "$(dirname "$0")/../lib.sh"
unset REPORTLINT_ALLOW_OUTSIDE

ci=$tmp/ci
mkdir -p "$ci/repo/reports" "$ci/outside"
cd "$ci/repo" || exit 1
printf '{"token": "s3cr3t-T0KEN", "v": -1}\n' >"$ci/secrets.json"
printf 'Xsecret-not-json\n' >"$ci/plain.txt"
printf '{"type": "object", "required": ["never"]}\n' >"$ci/outside/schema.json"
printf '{"ruleset": "outside", "rules": [{"id": "OUT", "kind": "expr", "assert": "false"}]}\n' >"$ci/outside/rules.json"
printf '{"ruleset": "outside-b", "rules": [{"id": "OUTB", "kind": "expr", "assert": "false"}]}\n' >"$ci/outside/rules-b.json"
printf '[{"code": "s3cr3t-REF"}]\n' >"$ci/outside/ref.json"
cat >rules.json <<'J'
{"ruleset": "leak", "rules": [
  {"id": "LEAK", "kind": "expr", "assert": "false", "message": "token={$.token}"}
]}
J
printf '{"v": 1}\n' >reports/ok.json
ln -s ../../secrets.json reports/r1.json
ln -s ../../plain.txt reports/p.json
ln -s ../../outside reports/linked-dir
secret() { # FILE DESCRIPTION: no secret in FILE
    lacks "$1" "s3cr3t" "$2: a secret leaked"
    lacks "$1" "unexpected 'X'" "$2: the outside file's first character leaked"
}

# ---- reports: symbolic links out of the tree are not read -------------------
expect 1 "the exfiltration of issue 18: -f github on reports/" -- "$rl" --no-config -r rules.json -f github reports
secret "$tmp/out" "-f github reports/"
contains "$tmp/out" "::error file=reports/r1.json,title=input::cannot open: outside the directories this run may read" "r1.json refused"
contains "$tmp/out" "file=reports/p.json,title=input::cannot open: outside" "p.json refused"
contains "$tmp/out" "file=reports/ok.json" "the report inside is still checked"
for fmt in text json ndjson sarif junit github html; do
    "$rl" --no-config -r rules.json -f "$fmt" reports reports/r1.json reports/p.json >"$tmp/o.$fmt" 2>&1
    secret "$tmp/o.$fmt" "-f $fmt"
done
# Named on the command line but inside the tree: a link does not widen anything.
expect 1 "reports/r1.json named" -- "$rl" --no-config -r rules.json -f github reports/r1.json reports/p.json
secret "$tmp/out" "named link"
# A linked directory: what it holds resolves outside, so it is refused.
expect 1 "a directory linked out of the tree" -- "$rl" --no-config -r rules.json reports/linked-dir
contains "$tmp/out" "reports/linked-dir: error [input] cannot open: outside the directories" "linked directory refused"
lacks "$tmp/out" "rules-b.json" "linked directory: its entries are not listed"
# ... and met in a walk it is not walked: its entries' names stay unknown.
expect 1 "a walk meets a directory linked out of the tree" -- "$rl" --no-config -r rules.json reports
contains "$tmp/out" "reports/linked-dir: error [input] cannot open: outside the directories" "walk: refused"
lacks "$tmp/out" "rules-b.json" "walk: the outside directory's entries are not listed"

# ---- --allow-outside widens it; so does naming the outside path -------------
expect 1 "--allow-outside the secrets" -- "$rl" --no-config -r rules.json --allow-outside "$ci/secrets.json" -f github reports/r1.json
contains "$tmp/out" "token=s3cr3t-T0KEN" "--allow-outside FILE: read"
expect 1 "--allow-outside a directory" -- "$rl" --no-config -r rules.json --allow-outside .. -q reports/r1.json
contains "$tmp/out" "token=s3cr3t-T0KEN" "--allow-outside DIR: read"
expect 1 "REPORTLINT_ALLOW_OUTSIDE" -- env REPORTLINT_ALLOW_OUTSIDE="/nonexistent:$ci" "$rl" --no-config -r rules.json -q reports/r1.json
contains "$tmp/out" "token=s3cr3t-T0KEN" "REPORTLINT_ALLOW_OUTSIDE: read"
expect 1 "a report named outside the tree is read" -- "$rl" --no-config -r rules.json -q ../secrets.json
contains "$tmp/out" "token=s3cr3t-T0KEN" "../secrets.json named"
expect 1 "-r named outside the tree is read" -- "$rl" --no-config -r ../outside/rules.json -q reports/ok.json
contains "$tmp/out" "[OUT]" "-r ../outside/rules.json"

# ---- rule sets, schemas, $refs, reference files ------------------------------
printf '{"$ref": "../outside/schema.json"}\n' >ref-rel.json
printf '{"$ref": "file://%s/outside/schema.json"}\n' "$ci" >ref-url.json
printf '{"$ref": "file:///etc/passwd"}\n' >ref-passwd.json
for s in ref-rel.json ref-url.json ref-passwd.json; do
    expect 2 "\$ref out of the tree ($s)" -- "$rl" --no-config -r rules.json -s "$s" reports/ok.json
    contains "$tmp/err" "outside the directories this run may read" "$s refused"
    lacks "$tmp/err" "root:" "$s: /etc/passwd leaked"
done
cat >kind-schema.json <<'J'
{"ruleset": "ks", "rules": [{"id": "KS", "kind": "schema", "schema": "../outside/schema.json"}]}
J
expect 2 "a schema rule's file out of the tree" -- "$rl" --no-config -r kind-schema.json reports/ok.json
contains "$tmp/err" "outside the directories this run may read" "schema kind refused"
cat >param-file.json <<'J'
{"ruleset": "pf", "params": {"codes": {"file": "../outside/ref.json"}},
 "rules": [{"id": "PF", "kind": "expr", "assert": "false", "message": "{$codes[0].code}"}]}
J
expect 2 "a reference file out of the tree" -- "$rl" --no-config -r param-file.json reports/ok.json
contains "$tmp/err" "outside the directories this run may read" "reference file refused"
secret "$tmp/err" "reference file"

# ---- the configuration's paths are checked, never roots ----------------------
printf '{"rules": ["../outside/rules.json"]}\n' >.reportlint.json
expect 2 "config rules out of the tree" -- "$rl" reports/ok.json
contains "$tmp/err" "rules.json: error cannot open: outside the directories" "config rules"
printf '{"rules": ["rules.json"], "schemas": ["../outside/schema.json"]}\n' >.reportlint.json
expect 2 "config schemas out of the tree" -- "$rl" reports/ok.json
contains "$tmp/err" "outside the directories" "config schemas"
printf '{"rules": ["rules.json"], "baseline": "../secrets.json"}\n' >.reportlint.json
expect 2 "config baseline out of the tree" -- "$rl" reports/ok.json
contains "$tmp/err" "../secrets.json: error cannot open: outside the directories" "config baseline"
secret "$tmp/err" "config baseline"
printf '{"rules": ["rules.json"], "param-files": {"codes": "../outside/ref.json"}}\n' >.reportlint.json
expect 2 "config param-files out of the tree" -- "$rl" reports/ok.json
contains "$tmp/err" "outside the directories" "config param-files"
rm .reportlint.json
ln -s ../secrets.json base-link.json
expect 2 "--baseline a link out of the tree" -- "$rl" --no-config -r rules.json --baseline base-link.json reports/ok.json
contains "$tmp/err" "outside the directories" "baseline link"
# The configuration found above the working directory is the tree's root.
mkdir -p sub
printf '{"rules": ["rules.json"]}\n' >.reportlint.json
(cd sub && "$rl" ../reports/ok.json >"$tmp/out" 2>"$tmp/err"); st=$?
[ "$st" = 1 ] && ok || bad "config found upward: exit $st"; sed 's/^/  | /' "$tmp/err" | head -5
contains "$tmp/out" "[LEAK]" "config found upward: its rules are read"
rm .reportlint.json

# ---- eval, path and merge inputs ---------------------------------------------
expect 2 "eval on a link out of the tree" -- "$rl" eval '$.token' reports/r1.json
contains "$tmp/err" "outside the directories" "eval refused"
secret "$tmp/out" "eval"
expect 2 "path on a link out of the tree" -- "$rl" path '$.token' reports/r1.json
secret "$tmp/out" "path"
expect 0 "eval on a file named outside" -- "$rl" eval '$.token' ../secrets.json

# ---- the bundled rules are always read ---------------------------------------
(cd "$tmp" && "$rl" --no-config reports-none.json >"$tmp/out" 2>"$tmp/err"); st=$?
[ "$st" = 1 ] && ok || bad "bundled rules from elsewhere: exit $st"
contains "$tmp/out" "rules," "bundled rules loaded"
lacks "$tmp/err" "outside" "bundled rules: not refused"

# ---- -o never names a file the run read (a $ref too) ------------------------
printf '{"type": "object"}\n' >inner.json
printf '{"$ref": "inner.json"}\n' >outer.json
expect 2 "-o names a \$ref" -- "$rl" --no-config -r rules.json -s outer.json -o inner.json reports/ok.json
contains "$tmp/err" "a rule set, schema or reference file this run reads" "-o \$ref"
contains inner.json '"type": "object"' "the \$ref is intact"

echo "trust.sh: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
