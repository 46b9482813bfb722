#!/bin/sh
# run.sh REPORTLINT — the integrations: CI examples (YAML syntax and the
# steps that matter, and docs/integrations.md quoting them as they are), the pre-commit
# hook (its definition, and running its entry the way pre-commit does),
# bash completion (syntax, completing options, in step with --help), and
# the man pages (groff warnings, every option documented).
rl=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$(dirname "$0")/../lib.sh"
py() { # DESCRIPTION python-code args...
    what=$1; code=$2; shift 2
    if python3 -c "$code" "$@" >"$tmp/log" 2>&1; then ok; else bad "$what"; sed 's/^/  | /' "$tmp/log" | head -10; fi
}
cd "$root"

python3 -c 'import yaml' 2>/dev/null || {
    bad "python3-yaml is not installed: cannot check the YAML examples (apt-get install python3-yaml)"; }

# ---- CI examples and the pre-commit hook: YAML syntax and content ------------
py "github workflow" '
import sys, yaml
w = yaml.safe_load(open(sys.argv[1]))
on = w.get("on", w.get(True))          # YAML 1.1 reads a bare on as true
assert on is not None, "no trigger"
assert w["permissions"]["security-events"] == "write", "upload-sarif needs security-events: write"
steps = [s for job in w["jobs"].values() for s in job["steps"]]
runs = " ".join(s.get("run", "") for s in steps)
assert "-f sarif -o reportlint.sarif" in runs, "reportlint does not write SARIF"
up = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
assert up and up[0]["with"]["sarif_file"] == "reportlint.sarif", "SARIF not uploaded"
assert "always()" in up[0].get("if", ""), "upload must run when violations fail the lint step"
' docs/examples/github-workflow.yml
py "gitlab job" '
import sys, yaml
job = yaml.safe_load(open(sys.argv[1]))["reportlint"]
assert any("-f junit -o reportlint-junit.xml" in s for s in job["script"]), "no JUnit output"
assert job["artifacts"]["reports"]["junit"] == "reportlint-junit.xml", "JUnit report not collected"
assert job["artifacts"]["when"] == "always", "report must be kept when the job fails"
' docs/examples/gitlab-ci.yml
py "pre-commit hook" '
import re, sys, yaml
hooks = yaml.safe_load(open(sys.argv[1]))
h = [h for h in hooks if h["id"] == "reportlint"][0]
assert h["entry"] == "reportlint" and h["language"] == "system", h
rx = re.compile(h["files"])
for name in ["r.json", "a/b.ndjson", "x.jsonl"]:
    assert rx.search(name), name
for name in ["r.txt", "json", "r.json.bak", "xjson"]:
    assert not rx.search(name), name
' .pre-commit-hooks.yaml

# docs/integrations.md quotes the examples as they are (indented blocks between markers)
for f in docs/examples/github-workflow.yml docs/examples/gitlab-ci.yml .pre-commit-hooks.yaml; do
    sed -n "\|^<!-- file: $f -->\$|,\|^<!-- end -->\$|p" docs/integrations.md | sed '1d;$d' | sed 's/^    //' |
        sed '/./,$!d' >"$tmp/quoted"
    diff -u "$f" "$tmp/quoted" >"$tmp/diff" 2>&1
    if [ $? = 0 ] && [ -s "$tmp/quoted" ]; then ok; else
        bad "docs/integrations.md does not quote $f as it is"; head -20 "$tmp/diff"; fi
done
sed -n '/^<!-- pre-commit-config -->$/,/^<!-- end -->$/p' docs/integrations.md | sed '1d;$d' | sed 's/^    //' >"$tmp/pc.yaml"
py "docs/integrations.md's .pre-commit-config.yaml example" '
import sys, yaml
c = yaml.safe_load(open(sys.argv[1]))
assert c["repos"][0]["hooks"][0]["id"] == "reportlint", c
' "$tmp/pc.yaml"

# the hook's entry, run as pre-commit runs it: entry + args + the staged files
mkdir -p "$tmp/hook"
cat >"$tmp/hook/rules.json" <<'J'
{"ruleset": "h", "rules": [{"id": "SUM", "kind": "sum", "total": "@.total", "parts": ["@.a", "@.b"]}]}
J
printf '{"rules": ["rules.json"]}\n' >"$tmp/hook/.reportlint.json"
printf '{"total": 3, "a": 1, "b": 2}\n' >"$tmp/hook/good.json"
printf '{"total": 4, "a": 1, "b": 2}\n' >"$tmp/hook/bad.json"
(cd "$tmp/hook" && "$rl" good.json >/dev/null 2>&1) && ok || bad "hook entry on a clean report"
(cd "$tmp/hook" && "$rl" good.json bad.json >"$tmp/out" 2>&1)
if [ $? = 1 ] && grep -q "bad.json:1:11: error \[SUM\]" "$tmp/out"; then ok; else bad "hook entry on a bad report"; fi

# ---- bash completion -----------------------------------------------------------
comp=completions/reportlint.bash
bash -n "$comp" && ok || bad "bash -n rejects $comp"
complete_words() { # words... : what completing the last word offers
    PATH="$(dirname "$rl"):$PATH" bash -c '
        . "$0"; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _reportlint
        printf "%s\n" "${COMPREPLY[@]}"' "$comp" "$@"
}
if complete_words reportlint --fo | grep -qx -- --format; then ok; else bad "reportlint --fo does not complete to --format"; fi
if [ "$(complete_words reportlint --fail-on w)" = warning ]; then ok; else bad "--fail-on w"; fi
if complete_words reportlint -f '' | grep -qx json; then ok; else bad "-f completes formats"; fi
if complete_words reportlint rules '' | grep -qx check; then ok; else bad "rules completes check"; fi
if complete_words reportlint --only TASKS-SUM,SVC-A | grep -qx 'TASKS-SUM,SVC-AVG'; then ok; else bad "--only completes rule ids"; fi
# every option of --help is offered, and nothing else
"$rl" --help | grep -o -- '--[a-z][a-z-]*' | sort -u >"$tmp/help-opts"
complete_words reportlint -- | grep -- '^--' | sort -u >"$tmp/comp-opts"
if diff -u "$tmp/help-opts" "$tmp/comp-opts" >"$tmp/diff"; then ok; else
    bad "completion options differ from --help"; cat "$tmp/diff"; fi

# ---- man pages -------------------------------------------------------------------
for page in man/reportlint.1 man/reportlint-rules.5; do
    if out=$(groff -man -Tutf8 -ww -z "$page" 2>&1) && [ -z "$out" ]; then ok; else bad "groff warns about $page: $out"; fi
    if MANWIDTH=80 man -l "$page" >"$tmp/man.txt" 2>"$tmp/man.err" && [ -s "$tmp/man.txt" ] && [ ! -s "$tmp/man.err" ]; then
        ok; else bad "man -l $page"; head -5 "$tmp/man.err"; fi
done
MANWIDTH=200 man -l man/reportlint.1 2>/dev/null | sed 's/\xe2\x80\x90/-/g' >"$tmp/man1.txt"
missing=""
for opt in $(cat "$tmp/help-opts"); do
    grep -q -- "$opt" "$tmp/man1.txt" || missing="$missing $opt"
done
if [ -z "$missing" ]; then ok; else bad "reportlint(1) does not document:$missing"; fi

echo "integration tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
