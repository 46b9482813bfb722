# formats.sh — command-line tests of the output formats, sourced by run.sh
# (uses its $rl, $root, $tmp and its expect/contains/lacks/ok/bad helpers).
#
# Real output is checked by independent tools: SARIF against the OASIS
# schema (python3-jsonschema, Draft 4) plus GitHub code scanning's required
# properties, JUnit with xmllint and a count of its testcases, HTML with
# xmllint --html (which exits 0 on errors, so its stderr must be empty),
# GitHub workflow commands' escaping, NDJSON against output.schema.json's
# definitions and streaming through a FIFO, and the text options.
fmt_dir=$tmp/formats
mkdir -p "$fmt_dir"
cd "$fmt_dir" || exit 1
cp "$root/tests/cases/format-text/rules.json" "$root/tests/cases/format-text/good.json" \
   "$root/tests/cases/format-text/sum bad.json" "$root/tests/cases/format-text/thành phố.json" \
   "$root/tests/cases/format-text/broken.json" .
set -- good.json "sum bad.json" "thành phố.json" broken.json missing.json
have_py_jsonschema=0
python3 -c 'import jsonschema' 2>/dev/null && have_py_jsonschema=1
have_xmllint=0
command -v xmllint >/dev/null 2>&1 && have_xmllint=1
[ $have_xmllint = 1 ] || bad "xmllint is not installed: cannot check -f junit and -f html (apt-get install libxml2-utils)"

# ---- SARIF: the OASIS schema, then what GitHub code scanning requires ----
sarif_schema=$root/../shared/testsuites/sarif/sarif-schema-2.1.0.json
[ -n "${RL_SHARED:-}" ] && sarif_schema=$RL_SHARED/testsuites/sarif/sarif-schema-2.1.0.json
expect 1 "sarif" -- "$rl" -r rules.json -f sarif "$@" "$fmt_dir/sum bad.json"
cp "$tmp/out" fmt.sarif
(cd "$root" && "$rl" -f sarif samples/ >"$fmt_dir/samples.sarif" 2>/dev/null)
if [ $have_py_jsonschema = 0 ]; then
    bad "python3-jsonschema is not installed: cannot validate -f sarif output"
elif [ ! -f "$sarif_schema" ]; then
    bad "the SARIF schema is missing: $sarif_schema"
else
    for f in fmt.sarif samples.sarif; do
        if python3 - "$sarif_schema" "$f" <<'PY'
import json, re, sys, jsonschema
schema = json.load(open(sys.argv[1])); log = json.load(open(sys.argv[2]))
jsonschema.Draft4Validator.check_schema(schema)
v = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
errors = list(v.iter_errors(log))
for e in errors[:5]:
    print("  schema:", e.message, list(e.absolute_path))
problems = []
def need(cond, what):
    if not cond: problems.append(what)
need(log.get("$schema") and log["version"] == "2.1.0", "$schema and version 2.1.0")
run = log["runs"][0]
drv = run["tool"]["driver"]
need(drv["name"] == "reportlint" and drv.get("version") and drv.get("informationUri"), "driver name, version, informationUri")
need(run.get("columnKind") == "unicodeCodePoints", "columnKind")
need("%SRCROOT%" in run.get("originalUriBaseIds", {}), "originalUriBaseIds")
rules = drv["rules"]
need(rules[0]["id"] == "input", "the input pseudo-rule")
for r in rules:
    for k in ("shortDescription", "fullDescription", "help"):
        need(r.get(k, {}).get("text"), "rule %s: %s.text" % (r["id"], k))
    need(len(r["shortDescription"]["text"]) <= 1024 and len(r["fullDescription"]["text"]) <= 1024, "description length")
    need(r["defaultConfiguration"]["level"] in ("error", "warning", "note"), "level")
uri_ok = re.compile(r"^(file://)?([A-Za-z0-9._~/-]|%[0-9A-F]{2})+$")
for res in run["results"]:
    need(rules[res["ruleIndex"]]["id"] == res["ruleId"], "ruleIndex of " + res["ruleId"])
    need(res["message"]["text"], "message.text")
    loc = res["locations"][0]["physicalLocation"]
    uri = loc["artifactLocation"]["uri"]
    need(uri_ok.match(uri), "uri is not percent-encoded: " + uri)
    if "region" in loc:
        need(loc["region"]["startLine"] >= 1, "startLine")
    need(res["partialFingerprints"].get("primaryLocationLineHash"), "partialFingerprints")
    need("pointer" in res["properties"], "pointer in properties")
for p in problems:
    print("  github:", p)
sys.exit(1 if errors or problems else 0)
PY
        then ok; else bad "$f: SARIF invalid or not fit for GitHub code scanning"; fi
    done
fi
contains fmt.sarif '"uri":"sum%20bad.json","uriBaseId":"%SRCROOT%"' "sarif: uri with a space percent-encoded"
contains fmt.sarif '"uri":"th%C3%A0nh%20ph%E1%BB%91.json"' "sarif: non-ASCII uri percent-encoded"
contains fmt.sarif "\"uri\":\"file://$(printf %s "$fmt_dir" | sed 's/ /%20/g')/sum%20bad.json\"}" "sarif: absolute path as a file URI"
contains fmt.sarif '{"uri":"missing.json","uriBaseId":"%SRCROOT%"}},"logicalLocations"' "sarif: no region when the line is unknown"
contains fmt.sarif '"logicalLocations":[{"fullyQualifiedName":"/total"}]' "sarif: pointer as logical location"
contains fmt.sarif '"figures":{"total":11,"actual":11,"expected":10,"imbalance":1,"tolerance":0}' "sarif: figures in properties"
lacks fmt.sarif '"startLine":0' "sarif: no line 0"
"$rl" -r rules.json -f sarif "$@" "$fmt_dir/sum bad.json" >again.sarif 2>/dev/null
if cmp -s fmt.sarif again.sarif; then ok; else bad "sarif: two runs differ (timestamps? unstable fingerprints?)"; fi

# ---- JUnit: the Jenkins schema, a testcase per violation -------------------
# Validated against tests/junit/junit-jenkins.xsd (Jenkins' junit-10.xsd,
# restated); GitLab's and Jenkins' "failed" count must equal the number of
# violations of -f json, and every rule that ran clean is a passing testcase.
expect 1 "junit" -- "$rl" -r rules.json -f junit "$@"
cp "$tmp/out" fmt.junit.xml
"$rl" -r rules.json -f json "$@" >fmt.junit.json 2>/dev/null
if [ $have_xmllint = 1 ]; then
    if xmllint --noout --schema "$root/tests/junit/junit-jenkins.xsd" fmt.junit.xml 2>xmllint.err; then ok; else
        bad "junit: fails the Jenkins JUnit schema"; sed 's/^/  | /' xmllint.err | head; fi
fi
if python3 - fmt.junit.xml fmt.junit.json <<'PY'
import json, sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
viol = json.load(open(sys.argv[2], encoding="utf-8"))["violations"]
bad = []
def counts(el):
    t = f = s = 0
    for c in el.iter("testcase"):
        t += 1
        f += c.find("failure") is not None
        s += c.find("skipped") is not None
        if len(c.findall("failure")) > 1: bad.append("several failures in one testcase")
    return t, f, s
for el in [root] + root.findall("testsuite"):
    t, f, s = counts(el)
    got = (int(el.get("tests")), int(el.get("failures")))
    if got != (t, f): bad.append("%s: %s, counted %s" % (el.get("name"), got, (t, f)))
    if el.tag == "testsuite" and int(el.get("skipped")) != s: bad.append("%s: skipped" % el.get("name"))
# what GitLab shows: failed tests == violations, per file too
if int(root.get("failures")) != len(viol): bad.append("failures %s != %d violations" % (root.get("failures"), len(viol)))
for suite in root.findall("testsuite"):
    n = sum(1 for v in viol if v["file"] == suite.get("name"))
    if int(suite.get("failures")) != n: bad.append("%s: %s failures, %d violations" % (suite.get("name"), suite.get("failures"), n))
names = [s.get("name") for s in root.findall("testsuite")]
if names != ["good.json", "sum bad.json", "thành phố.json", "broken.json", "missing.json"]: bad.append("suites: %s" % names)
# one failing testcase per violation, named rule + location, classname = file
want = sorted("%s|%s at %d:%d %s" % (v["file"], v["rule"], v["line"], v["column"], v["pointer"]) if v["line"] and v["pointer"]
              else "%s|%s at %d:%d" % (v["file"], v["rule"], v["line"], v["column"]) if v["line"]
              else "%s|%s" % (v["file"], v["rule"]) for v in viol)
got = sorted("%s|%s" % (c.get("classname"), c.get("name")) for c in root.iter("testcase") if c.find("failure") is not None)
if want != got: bad.append("failing testcases %s, expected %s" % (got, want))
label = [c for c in root.iter("testcase") if c.get("name").startswith("LABEL at") and c.find("failure") is not None]
if not label or "next <b>&amp; \\x07" not in label[0].find("failure").text: bad.append("LABEL failure text")
# a rule clean in a file passes there; in good.json every rule passes
good = [c.get("name") for c in root.find("testsuite").iter("testcase")]
if good != ["input", "TOTAL", "RATE", "A-SMALL", "LABEL", "DUE"]: bad.append("good.json cases %s" % good)
for b in bad: print("  junit:", b)
sys.exit(1 if bad else 0)
PY
then ok; else bad "junit: counts or content wrong"; fi
# the schema is not a rubber stamp: the old shape (skipped= on testsuites) fails it
if [ $have_xmllint = 1 ]; then
    sed 's/<testsuites name="reportlint"/<testsuites skipped="0" name="reportlint"/' fmt.junit.xml >bad.junit.xml
    if xmllint --noout --schema "$root/tests/junit/junit-jenkins.xsd" bad.junit.xml 2>/dev/null; then
        bad "junit: the schema accepts skipped= on testsuites"; else ok; fi
fi

# ---- HTML: self-contained, parses, holds the violations ---------------------
# (tests/browser/ opens the page in Chromium: filters, network, axe-core.)
expect 1 "html" -- "$rl" -r rules.json -f html "$@"
cp "$tmp/out" fmt.html
if [ $have_xmllint = 1 ]; then
    # xmllint --html is an HTML 4 parser: it knows no HTML5 element names
    # (it still parses them); anything else it says is a real problem
    xmllint --html --noout fmt.html 2>xmllint.err
    if grep -E '^fmt.html:[0-9]+: ' xmllint.err |
        grep -vE 'Tag (header|nav|main|section|article|figure|figcaption|svg|g|rect|text|title|output|footer|mark) invalid$' |
        grep -q .; then
        bad "html: xmllint --html reports problems"; sed 's/^/  | /' xmllint.err | head; else ok; fi
fi
contains fmt.html "total is 11 but its parts add up to 10 (imbalance 1)" "html: a violation"
contains fmt.html '<h3 id="fh-2">thành phố.json <span' "html: grouped by file"
contains fmt.html "next &lt;b&gt;&amp;amp; \\x07\\u009B\\x1B[31m" "html: data escaped"
contains fmt.html "7 violations (5 errors, 1 warning, 1 info) in 5 files" "html: summary"
contains fmt.html '<html lang="en">' "html: lang"
contains fmt.html '<span class="hl">   2   "a": 4, "b": 6, "rate": <mark>90</mark>, "done": null}</span>' "html: the value highlighted in its numbered line"
contains fmt.html '<span class="hl">   2   "label": <mark>"50%, done: yes\nnext &lt;b&gt;' "html: a string value highlighted whole"
contains fmt.html '<svg role="img" aria-labelledby="chart-rules"' "html: chart by rule"
contains fmt.html '<th scope="row"><code>DUE</code></th>' "html: rules table"
contains fmt.html '<tr><th scope="row"><code>TOTAL</code></th><td>total = a + b</td><td class="sev-error">error</td><td class="num">3</td><td class="num">2</td><td class="num">1</td><td class="num">0</td>' "html: a rule's evaluations, passed, failed, not applicable"
for asset in "<link" " src=" "url(" "@import" "http://" "https://" "<iframe" "<img"; do
    lacks fmt.html "$asset" "html: self-contained"
done
# the policy names the page's only style sheet and script by hash
if python3 - fmt.html <<'PY'
import base64, hashlib, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
csp = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
styles = re.findall(r"<style>(.*?)</style>", page, re.S)
scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
h = lambda t: "'sha256-%s'" % base64.b64encode(hashlib.sha256(t.encode()).digest()).decode()
bad = []
if len(csp) != 1: bad.append("one CSP meta")
elif not (len(styles) == 1 and len(scripts) == 1): bad.append("one style, one script")
else:
    pol = dict((d.split()[0], d.split()[1:]) for d in csp[0].split("; "))
    if pol.get("default-src") != ["'none'"]: bad.append("default-src 'none'")
    if pol.get("style-src") != [h(styles[0])]: bad.append("style hash")
    if pol.get("script-src") != [h(scripts[0])]: bad.append("script hash")
if page.count("<script") != 1: bad.append("<script count")
for b in bad: print("  html csp:", b)
sys.exit(1 if bad else 0)
PY
then ok; else bad "html: Content-Security-Policy does not match the page's style and script"; fi
if python3 "$root/tools/html-assets.py" --check; then ok; else bad "html: output_html_assets.c is stale"; fi
# in --lang: <html lang>, headings, severities; none of the English words
expect 1 "html --lang vi" -- "$rl" -r rules.json -f html --lang vi "$@"
contains "$tmp/out" '<html lang="vi">' "html vi: lang"
contains "$tmp/out" '<h2 id="h-violations">Vi phạm trong từng tệp</h2>' "html vi: headings"
contains "$tmp/out" '<span class="sev sev-error">lỗi</span>' "html vi: severity words"
for en in "Violations in each file" "Results by rule" "Line:column" "Figures" ">Summary<" ">error<" "Skip to"; do
    lacks "$tmp/out" "$en" "html vi: English left"
done
# standard input has no lines to show, and says so; other files still do
expect 1 "html stdin" -- sh -c '"$1" -r rules.json -f html - <"sum bad.json"' sh "$rl"
contains "$tmp/out" "The report&#39;s text is not shown" "html: no source for stdin"
lacks "$tmp/out" '<pre class="src">' "html: no lines for stdin"
# a long line shows a window around the value; a missing file none
python3 -c 'import json; print(json.dumps({"pad": "x" * 5000, "total": 11, "a": 4, "b": 6, "tail": "y" * 5000}))' >long.json
expect 1 "html long line" -- "$rl" -r rules.json --only TOTAL -f html long.json
if python3 - "$tmp/out" <<'PY'
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
line = re.search(r'<span class="hl">   1  (.*?)</span>', page).group(1)
ok = line.startswith("\u2026") and line.endswith("\u2026") and "<mark>11</mark>" in line and len(line) < 400
sys.exit(0 if ok else 1)
PY
then ok; else bad "html: a long line is not shown as a window around the value"; fi

# a collection violation about a group is located at its rule in the rule
# set: the page shows the rule set's lines there
(cd "$root/tests/cases/collection-groups" && "$rl" -r rules.json -f html a.json b.json c.json d.json) >coll.html 2>/dev/null
if python3 - coll.html <<'PY'
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
sec = re.search(r'<h3 id="fh-\d+">rules.json <span.*?</section>', page, re.S)
ok = sec and '<span class="hl">' in sec.group(0) and '"id": "REGION-HAS-ITEMS"' in sec.group(0)
sys.exit(0 if ok else 1)
PY
then ok; else bad "html: a violation located in a rule set does not show the rule's lines"; fi

# ---- GitHub workflow commands: escaping ------------------------------------
cat >gh-rules.json <<'J'
{"ruleset": "g", "rules": [
  {"id": "MSG", "kind": "expr", "assert": "false", "at": "@.note", "message": "{@.note}"},
  {"id": "WARN", "kind": "threshold", "severity": "warning", "value": "@.rate", "min": 91},
  {"id": "INFO", "kind": "expr", "severity": "info", "assert": "false"}
]}
J
printf '{"note": "100%% done, really: yes\\nnext line\\r", "rate": 90}\n' >'a,b:c.json'
expect 1 "github" -- "$rl" -r gh-rules.json -f github 'a,b:c.json' missing.json
contains "$tmp/out" '::error file=a%2Cb%3Ac.json,line=1,col=10,title=MSG::100%25 done, really: yes%0Anext line%0D' "github: %, newline, comma and colon escaped"
contains "$tmp/out" '::warning file=a%2Cb%3Ac.json,line=1,col=57,title=WARN::90 is below the minimum 91' "github: warning"
contains "$tmp/out" '::notice file=a%2Cb%3Ac.json,line=1,col=1,title=INFO::' "github: info as notice"
contains "$tmp/out" '::error file=missing.json,title=input::cannot open' "github: no line when unknown"
if [ "$(tail -n 1 "$tmp/out")" = "4 violations (2 errors, 1 warning, 1 info) in 2 files; 3 rules, 3 evaluations: 0 passed, 3 failed, 0 not applicable" ]; then ok; else
    bad "github: closing summary line"; tail -n 1 "$tmp/out"; fi
if [ "$(grep -c '' "$tmp/out")" = 5 ]; then ok; else bad "github: one line per violation (a newline in data split a command)"; fi
# Unicode line breaks (NEL, LS, PS) in data neither end a line nor reach the output raw
printf '{"note": "a\302\205b\342\200\250::error::c\342\200\251d", "rate": 95}\n' >ls.json
for f in github text; do
    expect 1 "$f: line separators" -- "$rl" -r gh-rules.json --only MSG -f $f ls.json
    contains "$tmp/out" 'a\u0085b\u2028::error::c\u2029d' "$f: NEL, U+2028, U+2029 shown escaped"
    if LC_ALL=C grep -q "$(printf '\342\200\250')" "$tmp/out"; then bad "$f: a raw U+2028 in the output"; else ok; fi
done

# ---- NDJSON: the same objects as -f json, in check order, streamed ---------
expect 1 "ndjson" -- "$rl" -r rules.json -f ndjson "$@"
cp "$tmp/out" fmt.ndjson
"$rl" -r rules.json -f json "$@" >fmt.json 2>/dev/null
if python3 - fmt.ndjson fmt.json "$root/schemas/output.schema.json" $have_py_jsonschema <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
full = json.load(open(sys.argv[2], encoding="utf-8"))
*viol, last = lines
bad = []
if list(last) != ["summary"] or last["summary"] != full["summary"]: bad.append("summary line")
key = lambda v: json.dumps(v, sort_keys=True)
if sorted(map(key, viol)) != sorted(map(key, full["violations"])): bad.append("not the objects of -f json")
files = []
for v in viol:
    if not files or files[-1] != v["file"]: files.append(v["file"])
if files != ["sum bad.json", "thành phố.json", "broken.json", "missing.json"]: bad.append("order %s" % files)
if sys.argv[4] == "1":
    import jsonschema
    schema = json.load(open(sys.argv[3]))
    defs = schema["$defs"]
    for v in viol:
        jsonschema.Draft202012Validator({"$defs": defs, "$ref": "#/$defs/violation"}).validate(v)
    jsonschema.Draft202012Validator({"$defs": defs, **schema["properties"]["summary"]}).validate(last["summary"])
for b in bad: print("  ndjson:", b)
sys.exit(1 if bad else 0)
PY
then ok; else bad "ndjson: lines differ from -f json or fail the schema"; fi
expect 1 "ndjson -o" -- "$rl" -r rules.json -f ndjson -o result.ndjson "$@"
if cmp -s fmt.ndjson result.ndjson; then ok; else bad "ndjson -o: differs from stdout"; fi
if ls result.ndjson.tmp* >/dev/null 2>&1; then bad "ndjson -o left a temporary file"; else ok; fi

# streaming: the first line is out while the next report (standard input,
# a FIFO nobody has written yet; a FIFO named as a report is refused) is
# still being waited for
rm -f slow.json
if mkfifo slow.json 2>/dev/null; then
    exec 3<>slow.json
    "$rl" -r rules.json -f ndjson "sum bad.json" - <slow.json 3>&- >stream.out 2>stream.err &
    pid=$!
    i=0
    while [ $i -lt 100 ] && [ ! -s stream.out ]; do sleep 0.05; i=$((i + 1)); done
    if [ -s stream.out ] && kill -0 $pid 2>/dev/null; then ok; else
        bad "ndjson: nothing written before the slow second report was read"; fi
    printf '{"total": 1, "a": 4, "b": 6}' >&3
    exec 3>&-
    wait $pid
    if [ "$(grep -c "" stream.out)" = 6 ] && tail -n 1 stream.out | grep -q '"summary"' &&
        sed -n 4p stream.out | grep -q '"file":"-","rule":"TOTAL"'; then ok; else
        bad "ndjson: streamed output incomplete"; cat stream.out; fi
else
    bad "mkfifo failed: cannot test ndjson streaming"
fi

# ---- text: -q, -v, colours (NO_COLOR, TERM=dumb, a terminal) ---------------
expect 1 "-q" -- "$rl" -r rules.json -q "$@"
if [ "$(grep -c '' "$tmp/out")" = 7 ] && ! grep -q 'violations (' "$tmp/out" && ! grep -q '^$' "$tmp/out"; then ok; else
    bad "-q: only the violation lines"; cat "$tmp/out"; fi
expect 1 "-v" -- "$rl" -r rules.json -v "$@"
contains "$tmp/out" "good.json: ok; 5 evaluations: 5 passed, 0 failed, 0 not applicable" "-v: clean file counted"
contains "$tmp/out" "rules run (5):" "-v: rules that ran"
contains "$tmp/out" "  TOTAL    3 evaluations: 2 passed, 1 failed, 0 not applicable" "-v: a rule's evaluations"
expect 1 "text default" -- "$rl" -r rules.json "$@"
contains "$tmp/out" "sum bad.json: 3 violations (2 errors, 1 warning)" "text: file header"
contains "$tmp/out" "violations by rule:" "text: summary by rule"
esc=$(printf '\033')
if grep -q "$esc" "$tmp/out"; then bad "text: an escape character reached a pipe (from the data or our colours)"; else ok; fi
expect 1 "--color=always" -- "$rl" -r rules.json --color=always "$@"
if grep -q "${esc}\[1;31merror${esc}\[0m" "$tmp/out"; then ok; else bad "--color=always: no colours"; fi
expect 1 "NO_COLOR does not override --color=always" -- env NO_COLOR=1 "$rl" -r rules.json --color always good.json "sum bad.json"
if grep -q "$esc" "$tmp/out"; then ok; else bad "--color=always with NO_COLOR: no colours"; fi
expect 2 "--color bad value" -- "$rl" -r rules.json --color=sometimes good.json
contains "$tmp/err" "--color must be auto, always or never" "--color error"
if python3 - "$rl" <<'PY'
import os, pty, subprocess, sys
rl = sys.argv[1]
def run(extra_env, *args):
    env = dict(os.environ)
    env["TERM"] = "xterm"
    env.pop("NO_COLOR", None)
    env.update(extra_env)
    m, s = pty.openpty()
    p = subprocess.Popen([rl, "-r", "rules.json", *args, "sum bad.json"], stdout=s, stderr=subprocess.DEVNULL, env=env)
    os.close(s)
    out = b""
    while True:
        try:
            d = os.read(m, 65536)
        except OSError:
            break
        if not d:
            break
        out += d
    p.wait()
    os.close(m)
    return b"\x1b[" in out
bad = []
if not run({}): bad.append("auto on a terminal: no colours")
if run({"NO_COLOR": "1"}): bad.append("NO_COLOR=1: colours")
if not run({"NO_COLOR": ""}): bad.append("NO_COLOR empty: should not disable colours")
if run({"TERM": "dumb"}): bad.append("TERM=dumb: colours")
if run({}, "--color=never"): bad.append("--color=never on a terminal: colours")
if run({}, "-o", "t.txt"): bad.append("-o: colours on the terminal?")
if b"\x1b[" in open("t.txt", "rb").read(): bad.append("-o FILE with auto: colours in the file")
for b in bad: print("  color:", b)
sys.exit(1 if bad else 0)
PY
then ok; else bad "--color=auto: terminal, NO_COLOR and TERM=dumb handling"; fi

cd "$tmp" || exit 1
