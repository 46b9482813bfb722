#!/bin/sh
# limits.sh REPORTLINT — the limits of issue 18 hold (docs/limits.md):
# no input depth overflows the stack (the reader, JSONPath descendants,
# equality, hashing, pointers and writers are iterative; --max-depth has a
# hard maximum), costs stay linear (ratio tests between two sizes in one
# run, never wall-clock thresholds), --timeout bounds everything, memory
# is bounded, and a regex limit is never a pass.
rl=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. "$(dirname "$0")/../lib.sh"
cd "$tmp" || exit 1

# ---- depth: 10^6 levels never crash; 100,000 (the hard maximum) work -------
python3 - <<'P'
n = 10**6
open("arr1m.json", "w").write("[" * n + "]" * n)
open("obj1m.json", "w").write('{"a":' * n + "1" + "}" * n)
open("deep1m.ndjson", "w").write('{"ok":1}\n' + "[" * n + "]" * n + '\n{"ok":2}\n')
d = 99998
open("arr100k.json", "w").write("[" + "[" * d + "]" * d + "," + "[" * d + "]" * d + "]")
open("obj100k.json", "w").write('{"a":' * 99999 + "1" + "}" * 99999)
P
cat >deep-rules.json <<'J'
{"ruleset": "deep", "rules": [
  {"id": "DESC", "kind": "expr", "each": "$..*", "assert": "false", "message": "a node"},
  {"id": "LEAF", "kind": "expr", "each": "$..[?@ == 1]", "assert": "false", "message": "the leaf"},
  {"id": "COUNT", "kind": "expr", "assert": "count($..*) < 0"},
  {"id": "UNIQ", "kind": "unique", "items": "$[*]", "key": "@"},
  {"id": "SCHEMA", "kind": "schema", "schema": "deep-schema.json"}
]}
J
echo '{"uniqueItems": true}' >deep-schema.json
for j in 1 2; do
    for f in arr1m.json obj1m.json; do
        expect 1 "10^6 levels ($f, -j $j)" -- "$rl" --no-config -j "$j" -r deep-rules.json --max-depth 100000 "$f" arr1m.json
        col=100001; [ "$f" = obj1m.json ] && col=500001
        contains "$tmp/out" "$f:1:$col: error [input]" "10^6 levels ($f, -j $j): an input violation where the limit is passed"
        contains "$tmp/out" "nesting deeper than 100000 levels (the limit)" "10^6 levels ($f, -j $j): says why"
    done
    expect 1 "10^6 levels in an NDJSON record (-j $j)" -- "$rl" --no-config -j "$j" -r deep-rules.json deep1m.ndjson
    contains "$tmp/out" "deep1m.ndjson:2:1001: error [input]" "NDJSON: the deep record is an input violation"
    contains "$tmp/out" "deep1m.ndjson:3:1: error [COUNT]" "NDJSON: the next record is still checked"
    expect 1 "100,000 levels checked by every walker (-j $j)" -- \
        "$rl" --no-config -j "$j" -f json --skip DESC -r deep-rules.json --max-depth 100000 arr100k.json obj100k.json
    contains "$tmp/out" '"rule":"UNIQ"' "100,000 levels: unique compares deep keys"
    contains "$tmp/out" '"rule":"SCHEMA"' "100,000 levels: uniqueItems hashes deep items"
    contains "$tmp/out" '"rule":"LEAF","severity":"error","pointer":"/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a' "100,000 levels: \$.. reaches the leaf; its pointer"
    contains "$tmp/out" ',"line":1,"column":499996,' "100,000 levels: the leaf's column"
    expect 1 "100,000 levels: \$..* on every node (-j $j)" -- \
        "$rl" --no-config -j "$j" --only DESC --max-violations 3 -r deep-rules.json --max-depth 100000 arr100k.json obj100k.json
    contains "$tmp/out" "obj100k.json:1:21: error [input] violations not shown: 99996 more" "100,000 levels: \$..* selects every node"
done
expect 2 "--max-depth above the hard maximum" -- "$rl" --no-config -r deep-rules.json --max-depth 100001 arr1m.json
contains "$tmp/err" "--max-depth needs a number from 1 to 100000 (the hard maximum)" "--max-depth: names the hard maximum"
# eval and path read their input with the depth limit a check uses
expect 0 "eval --max-depth 100000 on 100,000 levels" -- "$rl" eval --max-depth 100000 'count($..*)' obj100k.json
contains "$tmp/out" "99999" "eval --max-depth: counts every level"
expect 0 "path --max-depth 100000 on 100,000 levels" -- "$rl" path --max-depth 100000 '$..[?@ == 1]' obj100k.json
contains "$tmp/out" "[1]" "path --max-depth: reaches the leaf"
expect 2 "eval: the default depth limit" -- "$rl" eval 'count($..*)' obj100k.json
contains "$tmp/err" "1:5001: invalid JSON: nesting deeper than 1000 levels (the limit)" "eval: the default limit, at the column"
expect 2 "path --max-depth 3" -- "$rl" path --max-depth 3 '$' obj100k.json
contains "$tmp/err" "1:16: invalid JSON: nesting deeper than 3 levels (the limit)" "path: --max-depth 3 holds"
expect 2 "eval --max-depth 3" -- "$rl" eval --max-depth 3 '1' obj100k.json
contains "$tmp/err" "nesting deeper than 3 levels (the limit)" "eval: --max-depth 3 holds"
expect 2 "eval: 10^6 levels" -- "$rl" eval --max-depth 100000 '1' arr1m.json
contains "$tmp/err" "1:100001: invalid JSON: nesting deeper than 100000 levels" "eval: 10^6 levels are refused, never a crash"

# ---- costs are linear: 4x the input takes at most 5x the time ---------------
# Ratio tests between two sizes in the same run (CPU time of the child,
# best of three), never wall-clock thresholds: a quadratic cost gives 16x.
# scaling NAME SMALL_INPUT LARGE_INPUT reportlint-args... (the input last)
scaling() {
    name=$1 small=$2 large=$3; shift 3
    if python3 - "$small" "$large" "$rl" "$@" >"$tmp/scaling" 2>&1 <<'P'
import os, subprocess, sys
small, large, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
def cpu(path):
    best = None
    for _ in range(5):  # best of 5: a loaded CI machine adds noise, never removes it
        before = os.times()
        try:  # an exponential cost never ends: killed, it is a failure, not a hang
            subprocess.run(cmd + [path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=30)
        except subprocess.TimeoutExpired:
            sys.exit("%s: still running after 30 s (killed)" % path)
        after = os.times()
        t = (after.children_user - before.children_user) + (after.children_system - before.children_system)
        best = t if best is None else min(best, t)
    return max(best, 0.05)  # below the clock's resolution a ratio means nothing
a, b = cpu(small), cpu(large)
print("%.2f s -> %.2f s: %.1fx" % (a, b, b / a))
sys.exit(0 if b / a <= 5 else 1)
P
    then ok; echo "scaling: $name: $(cat "$tmp/scaling")"; else bad "$name: 4x the input took more than 5x the time ($(cat "$tmp/scaling"))"; fi
}
python3 - <<'P'
import json
for n, tag in ((30000, "s"), (120000, "l")):
    # one line: every violation's column is on the same line
    items = [{"code": "C%06d" % i, "staff": -1, "tags": ["a", "b"]} for i in range(n)]
    open("minified-%s.json" % tag, "w").write(json.dumps({"items": items}, separators=(",", ":")))
for n, tag in ((25000, "s"), (100000, "l")):
    rules = [{"id": "R%d" % i, "kind": "threshold", "each": "$.items[*]", "value": "@.staff", "min": 0}
             for i in range(n)]
    open("rules-%s.json" % tag, "w").write(json.dumps({"ruleset": "many", "rules": rules}, separators=(",", ":")))
P
cat >scale-rules.json <<'J'
{"ruleset": "scale", "rules": [
  {"id": "STAFF", "kind": "threshold", "each": "$.items[*]", "value": "@.staff", "min": 0,
   "message": "{value} staff in {@.code}"}
]}
J
cat >desc-rules.json <<'J'
{"ruleset": "desc", "rules": [
  {"id": "ANY", "kind": "expr", "each": "$..*", "assert": "false", "message": "node"}
]}
J
echo '{"items": [{"staff": 1}]}' >one.json
scaling "a minified report, every violation kept" minified-s.json minified-l.json \
    --no-config -r scale-rules.json --max-violations 0
scaling "a minified report, violations over the limit" minified-s.json minified-l.json \
    --no-config -r scale-rules.json
scaling "each: \$..* failing on every node" minified-s.json minified-l.json \
    --no-config -r desc-rules.json --max-violations 0
# The HTML page's excerpts: a column is found from a mark every 256 code
# points, not counted from the line's start (1,500 then 6,000 violations on
# one line of Vietnamese names, beyond the 64 KiB an excerpt keeps of it)
python3 - <<'P'
import json
for n, tag in ((1500, "s"), (6000, "l")):
    items = [{"code": "Xã Hải Khánh %d" % i, "staff": -1} for i in range(n)]
    open("html-line-%s.json" % tag, "w").write(json.dumps({"items": items}, ensure_ascii=False))
P
scaling "-f html, thousands of violations on one long line" html-line-s.json html-line-l.json \
    --no-config -r scale-rules.json --max-violations 0 -f html -o html-line.out
expect 0 "100,000 rules load and run" -- "$rl" --no-config -r rules-l.json one.json
contains "$tmp/out" "100000 rules, 100000 evaluations" "100,000 rules: all of them ran"
scaling "loading 25,000 then 100,000 rules" rules-s.json rules-l.json --no-config one.json -r
expect 2 "a duplicate id among 100,000 rules is still found" -- sh -c \
    "sed 's/\"R99999\"/\"R5\"/' rules-l.json >dup.json && \"\$0\" --no-config -r dup.json one.json" "$rl"
contains "$tmp/err" "duplicate rule id 'R5' (first defined at line 1)" "duplicate id: named, with where it was first defined"
# --timeout bounds loading too: a rule set not loaded in time is a problem
# in the rule sets (exit 2, nothing checked) located where loading stopped;
# it ends well before a full load does (the same machine, the same run)
cat >loadtime.py <<'P'
"""run(rl, rules, *extra): reportlint checking one.json with the rule set
rules and the flags extra: (seconds taken, the finished process)."""
import subprocess, time
def run(rl, rules, *extra):
    t = time.monotonic()
    p = subprocess.run([rl, "--no-config", "-r", rules, *extra, "one.json"], capture_output=True, text=True)
    return time.monotonic() - t, p
P
python3 - "$rl" >"$tmp/load-timeout" 2>&1 <<'P2' && ok || bad "--timeout while loading 100,000 rules: $(cat "$tmp/load-timeout")"
import re, sys
from loadtime import run
full, p0 = run(sys.argv[1], "rules-l.json")
cut, p1 = run(sys.argv[1], "rules-l.json", "--timeout", "0.05")
assert p0.returncode == 0 and p1.returncode == 2, (p0.returncode, p1.returncode, p1.stderr[-300:])
assert re.search(r"^rules-l\.json:1:[0-9]{3,}: error loading stopped after 0\.05 s \(--timeout\)", p1.stderr, re.M), p1.stderr[-300:]
assert "nothing was checked" in p1.stderr, p1.stderr[-300:]
assert cut < full / 2, "%.2f s stopped, %.2f s whole" % (cut, full)
print("%.2f s stopped, %.2f s whole" % (cut, full))
P2
# ... and so does a schema file's parsing (-s): the same deadline
python3 -c '
import json
props = {"p%d" % i: {"type": "integer", "minimum": i, "description": "x" * 20} for i in range(400000)}
open("bigschema.json", "w").write(json.dumps({"type": "object", "properties": props}))'
expect 2 "--timeout while parsing a 36 MB schema" -- "$rl" --no-config -r scale-rules.json -s bigschema.json --timeout 0.05 one.json
if grep -Eq '^bigschema\.json:1:[0-9]{3,}: error out of time \(--timeout\)$' "$tmp/err"; then ok
else bad "--timeout while parsing a schema: located where parsing stopped: $(head -3 "$tmp/err")"; fi
# ... and so does compiling it: 100,000 distinct patterns parse in a few
# hundredths of a second but take about 1 s of CPU to compile (before, the
# deadline was not checked there: the run took the whole compile). Stopped
# within 10% of the limit plus a constant (start-up, freeing), located at
# the node compiling had reached, exit 2 as for a rule set loaded too late.
python3 - "$rl" >"$tmp/compile-timeout" 2>&1 <<'P2' && ok || bad "--timeout while compiling a schema: $(cat "$tmp/compile-timeout")"
import json, re, subprocess, sys, time
props = {"p%d" % i: {"type": "string", "pattern": "^[a-z]{1,%d}x%d(y|z)*$" % (i % 50 + 1, i)} for i in range(100000)}
json.dump({"type": "object", "properties": props}, open("patterns.schema.json", "w"))
limit = 0.2
t = time.monotonic()
p = subprocess.run([sys.argv[1], "--no-config", "-r", "scale-rules.json", "-s", "patterns.schema.json",
                    "--timeout", str(limit), "one.json"], capture_output=True, text=True)
e = time.monotonic() - t
assert p.returncode == 2, (p.returncode, p.stderr[-300:])
assert re.search(r"^patterns\.schema\.json:1:[0-9]{3,}: error out of time \(--timeout\): the schema was not "
                 r"compiled in time$", p.stderr, re.M), p.stderr[-300:]
assert e <= 1.1 * limit + 0.25, "%.2f s under --timeout %g" % (e, limit)
print("%.2f s under --timeout %g" % (e, limit))
P2

# ... and so does reading a reference file, named by --param-file or by the
# rule set ({"file": ...}): located where reading stopped, exit 2, well
# before a full load (the same machine, the same run)
python3 - "$rl" >"$tmp/ref-timeout" 2>&1 <<'P3' && ok || bad "--timeout while reading a reference file: $(cat "$tmp/ref-timeout")"
import json, re, sys
from loadtime import run
json.dump([{"code": "%05d" % i, "name": "Xa %d" % i, "tags": ["a", "b"]} for i in range(700000)],
          open("bigref.json", "w"))
json.dump({"ruleset": "ref", "params": {"provinces": {"file": "bigref.json"}},
           "rules": [{"id": "K", "kind": "expr", "assert": "count($provinces[*]) > 0"}]},
          open("ref-rules.json", "w"))
full, p0 = run(sys.argv[1], "ref-rules.json")
assert p0.returncode == 0, p0.stderr[-300:]
for extra in ((), ("--param-file", "provinces=bigref.json")):
    cut, p1 = run(sys.argv[1], "ref-rules.json", "--timeout", "0.05", *extra)
    assert p1.returncode == 2, (extra, p1.returncode, p1.stderr[-300:])
    assert re.search(r"^bigref\.json:1:[0-9]+: error reading the reference file stopped \(--timeout\)",
                     p1.stderr, re.M), p1.stderr[-300:]
    assert cut < full / 2, "%.2f s stopped, %.2f s whole" % (cut, full)
    print("%s: %.2f s stopped, %.2f s whole" % (extra or "rule set", cut, full))
P3

# ---- a big document costs a bounded multiple of its size (issue 16) ---------
# A ~50 MB pretty-printed report of provinces and communes (the bench's
# national shape): max RSS of reportlint checking it, over the file's size.
# Before issue 16 it was 6x (the buffer, a copy, 48-byte nodes, 8 bytes per
# line); now about 4x: the bound of 5x fails on any of those coming back.
# Under ASan (make asan) the allocator's redzones and quarantine add ~1.2x
# (measured 5.2x): the bound is then 6.5x, and the message says which.
bound=5
if grep -q __asan_init "$rl"; then bound=6.5; fi
python3 - <<'P'
import json
def commune(p, c):
    resolved, on_time = 1000 + c % 4000, 900 + c % 4000
    pct = round(on_time * 100 / resolved, 1) + (5 if c % 1000 == 7 else 0)  # 1 in 1,000 wrong
    return {"code": "%05d" % c, "name": "Xã %d-%d" % (p, c), "staff": c % 50,
            "resolved": resolved, "on_time": on_time, "on_time_pct": pct}
provinces = []
for p in range(34):
    communes = [commune(p, c) for c in range(10000)]
    provinces.append({"code": "%02d" % p, "name": "Tỉnh %d" % p,
                      "staff_total": sum(c["staff"] for c in communes), "communes": communes})
with open("bigdoc.json", "w") as f:
    json.dump({"provinces": provinces}, f, indent=1, ensure_ascii=False)
P
cat >bigdoc-rules.json <<'J'
{"ruleset": "bigdoc", "rules": [
  {"id": "RATIO", "kind": "ratio", "each": "$.provinces[*].communes[*]", "numerator": "@.on_time",
   "denominator": "@.resolved", "stated": "@.on_time_pct", "scale": 100, "tolerance": "reported"},
  {"id": "SUM", "kind": "sum", "each": "$.provinces[*]", "total": "@.staff_total", "parts": "@.communes[*].staff"}
]}
J
if python3 - "$rl" "$bound" >"$tmp/rss" 2>&1 <<'P'
import os, resource, subprocess, sys
size, bound = os.path.getsize("bigdoc.json"), float(sys.argv[2])
rc = subprocess.run([sys.argv[1], "--no-config", "--max-violations", "0", "-f", "ndjson", "-o", "bigdoc-out.ndjson",
                     "-r", "bigdoc-rules.json", "bigdoc.json"], stdout=subprocess.DEVNULL).returncode
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
lines = sum(1 for _ in open("bigdoc-out.ndjson"))
print("%.1f MB file, %.1f MB max RSS: %.2fx (bound %gx), exit %d, %d violations"
      % (size / 1e6, rss / 1e6, rss / size, bound, rc, lines))
sys.exit(0 if rc == 1 and lines == 341 and rss <= bound * size else 1)
P
then ok; echo "memory: $(cat "$tmp/rss")"; else bad "a big document: max RSS over ${bound}x its size, or not checked ($(cat "$tmp/rss"))"; fi

# A member name's length shares a word with its offset: past 16 MiB it is
# refused with a message, never cut short, even with --max-string 0.
python3 -c 'print("{\"%s\": 1}" % ("k" * (1 << 24)))' >longkey.json
expect 1 "a 16 MiB member name" -- "$rl" --no-config --max-string 0 -r bigdoc-rules.json longkey.json
contains "$tmp/out" "longkey.json:1:2: error [input] invalid JSON: member name longer than 16777215 bytes (the limit)" "a member name over 16 MiB: refused at its position"

# ---- --timeout bounds one evaluation and every kind (findings 4, 6, 7, 13) ---
# elapsed LIMIT command...: run it; ok when it ended within 3x the limit
# (before: 65 s and more; the 10% target is measured in docs/limits.md,
# this only proves the check stops)
within() {
    limit=$1; shift
    python3 - "$limit" "$@" >"$tmp/within" 2>&1 <<'P'
import subprocess, sys, time
limit, cmd = float(sys.argv[1]), sys.argv[2:]
t = time.monotonic()
with open("out.txt", "w") as out:
    rc = subprocess.run(cmd, stdout=out, stderr=subprocess.DEVNULL).returncode
e = time.monotonic() - t
print("%.2f s (exit %d)" % (e, rc))
sys.exit(0 if e <= 3 * limit and rc == 1 else 1)
P
}
python3 - <<'P'
import json
items = [{"v": i, "name": "n%d" % i, "tags": ["a", "b", "c"]} for i in range(40000)]
deep = '{"a":' * 3000 + "1" + "}" * 3000
open("big.json", "w").write('{"items": %s, "deep": %s}' % (json.dumps(items), deep))
# A chain that fails on each of its 2^40 paths, each path through its own
# sequence of resources with $dynamicAnchors: every path is a different
# dynamic scope (its anchors bound to other resources), so the memo, keyed
# by the scope's bindings, cannot merge them and only --timeout bounds it
defs = {}
for i in range(40):
    defs["l%d" % i] = {"allOf": [{"$ref": "a%d" % i}, {"$ref": "b%d" % i}]}
    for side in "ab":
        defs["%s%d" % (side, i)] = {"$id": "%s%d" % (side, i), "$dynamicAnchor": "n%d" % i,
                                     "$ref": "chain#/$defs/l%d" % (i + 1)}
defs["l40"] = {"type": "string"}
open("chain.schema.json", "w").write(json.dumps({"$id": "https://example.com/chain", "$defs": defs,
                                                 "$ref": "#/$defs/l0"}))
anyof = {"l%d" % i: {"anyOf": [{"$ref": "#/$defs/l%d" % (i + 1)}, {"$ref": "#/$defs/l%d" % (i + 1)}]}
         for i in range(40)}
anyof["l40"] = {"type": "string"}
open("anyof.schema.json", "w").write(json.dumps({"$defs": anyof, "$ref": "#/$defs/l0"}))
P
cat >slow-rules.json <<'J'
{"ruleset": "slow", "rules": [
  {"id": "FIRST", "kind": "expr", "each": "$.items[*]", "assert": "@.v < 0"},
  {"id": "PAIRS", "kind": "expr", "assert": "count($..*..*..*) < 0"},
  {"id": "NEVER", "kind": "expr", "when": "false", "assert": "true"},
  {"id": "EACHSLOW", "kind": "expr", "each": "$.items[*]", "assert": "count($..*) < 0"},
  {"id": "CHAIN", "kind": "schema", "schema": "chain.schema.json"},
  {"id": "ANYOF", "kind": "schema", "schema": "anyof.schema.json"}
]}
J
for rule in PAIRS CHAIN; do
    if within 1 "$rl" --no-config --max-depth 5000 -r slow-rules.json --only "$rule" --timeout 1 big.json; then ok
    else bad "--timeout 1 stops $rule: $(cat "$tmp/within")"; fi
    contains out.txt "big.json:1:1: error [timeout] checking stopped after 1 s (--timeout) in rule $rule: the report was not fully checked" "--timeout 1 on $rule: the located notice names the rule"
    lacks out.txt "[input] checking stopped" "--timeout 1 on $rule: the notice is rule timeout, not input"
done
# where it stopped: the node of `each` the rule was on, not the root (each
# item's evaluation walks the whole report: the deadline, which reading and
# parsing count against, passes well inside the items)
within 1 "$rl" --no-config --max-depth 5000 -r slow-rules.json --only EACHSLOW --max-violations 0 --timeout 0.3 big.json
if grep -q '^big\.json:1:[0-9]*: error \[timeout\] checking stopped after 0.3 s (--timeout) in rule EACHSLOW' out.txt \
    && ! grep -q '^big\.json:1:1: error \[timeout\]' out.txt; then ok
else bad "--timeout inside an each: located at the item it stopped on: $(grep timeout out.txt)"; fi
# an evaluation cut short is neither passed nor failed
within 1 "$rl" --no-config --max-depth 5000 -r slow-rules.json --only CHAIN --timeout 0.3 big.json
contains out.txt "1 evaluation: 0 passed, 0 failed, 1 not applicable" "--timeout: the evaluation cut short is not counted as passed"
# ... and the rule stopped is not one that never applied (its timeout notice
# says why); a rule that did not apply in the same run still gets its notice
for j in 1 2; do
    within 1 "$rl" --no-config --max-depth 5000 -r slow-rules.json --only NEVER,CHAIN -j "$j" --timeout 0.3 big.json
    contains out.txt "error [timeout] checking stopped after 0.3 s (--timeout) in rule CHAIN" "--timeout (-j $j): the notice names CHAIN"
    lacks out.txt "rule CHAIN never applied" "--timeout (-j $j): the rule it stopped gets no rule-never-applied notice"
    contains out.txt "info [rule-never-applied] rule NEVER never applied in this run" "--timeout (-j $j): a rule that never applied still gets its notice"
done
# NDJSON: the record's line in the file, the records after it still checked
python3 - <<'P'
import json
with open("recs.ndjson", "w") as f:
    f.write(json.dumps({"items": [{"v": 1}]}) + "\n")
    f.write('{"items": [], "deep": %s}\n' % ('{"a":' * 3000 + "1" + "}" * 3000))
    f.write(json.dumps({"items": [{"v": -1}, {"v": 2}]}) + "\n")
P
within 1 "$rl" --no-config --max-depth 5000 -r slow-rules.json --only PAIRS,FIRST --timeout 0.3 -f json recs.ndjson
python3 - <<'P' >"$tmp/ndjson-timeout" 2>&1 && ok || bad "--timeout on an NDJSON record: $(cat "$tmp/ndjson-timeout")"
import json
v = json.load(open("out.txt"))["violations"]
t = [x for x in v if x["rule"] == "timeout"]
assert len(t) == 1 and t[0]["line"] == 2 and t[0]["column"] == 1, t
assert "in rule PAIRS" in t[0]["message"], t
assert any(x["rule"] == "FIRST" and x["line"] == 3 for x in v), "record 3 not checked"
P
# finding 13: with --max-violations the timeout notice is its own line
within 1 "$rl" --no-config --max-depth 5000 -r slow-rules.json --only FIRST,PAIRS --max-violations 2 --timeout 1 big.json
contains out.txt "violations not shown: 39998 more" "--timeout with --max-violations: the violations left out are counted"
contains out.txt "error [timeout] checking stopped after 1 s (--timeout) in rule PAIRS" "--timeout with --max-violations: the notice is never folded away"
contains out.txt "big.json:1:12: error [FIRST]" "--timeout: what was found before is kept"

# ---- the deadline starts before reading: parsing counts against it --------
# A 100 MB report takes far longer than 0.2 s to read and parse (about 0.6
# s of CPU): before, the clock started with its rules, so --timeout did
# not bound it at all. The notice is at the position parsing reached, the
# next file and the next NDJSON record are still checked.
python3 - <<'P2'
item = '{"v": 1, "name": "commune", "tags": ["a", "b", "c"]},'
body = '{"items": [' + item * 1900000 + '{"v": 2}]}'
open("huge-read.json", "w").write(body)
with open("huge-read.ndjson", "w") as f:
    f.write('{"items": [{"v": 3}]}\n' + body + '\n{"items": [{"v": 4}]}\n')
open("after.json", "w").write('{"items": [{"v": 5}]}')
P2
for j in 1 2; do
    for f in huge-read.json huge-read.ndjson; do
        # (bound: 3x 0.3 s: after the deadline the rest of a dropped NDJSON
        # line is still read, to find the next record)
        if within 0.3 "$rl" --no-config -r slow-rules.json --only FIRST -j $j --timeout 0.2 "$f" after.json; then ok
        else bad "--timeout 0.2 while parsing $f (-j $j): $(cat "$tmp/within")"; fi
        line=1; [ "$f" = huge-read.ndjson ] && line=2
        if grep -Eq "^$f:$line:[0-9]{3,}: error \[timeout\] checking stopped after 0.2 s \(--timeout\) while reading the report: it was not checked\$" out.txt
        then ok; else bad "--timeout while parsing $f (-j $j): a located notice where parsing stopped: $(grep -F "$f" out.txt)"; fi
        contains out.txt "after.json:1:12: error [FIRST]" "--timeout while parsing $f (-j $j): the next file is still checked"
        lacks out.txt "[input] invalid JSON" "--timeout while parsing $f (-j $j): not called invalid JSON"
    done
    contains out.txt "huge-read.ndjson:3:12: error [FIRST]" "--timeout while reading an NDJSON record (-j $j): the next record is still checked"
done
# standard input that never ends: waiting for it is bounded too (poll)
python3 - "$rl" >"$tmp/stdin-timeout" 2>&1 <<'P2' && ok || bad "--timeout on a silent stdin: $(cat "$tmp/stdin-timeout")"
import subprocess, sys, time
t = time.monotonic()
p = subprocess.Popen([sys.argv[1], "--no-config", "-r", "slow-rules.json", "--only", "FIRST", "--timeout", "0.3",
                      "-", "after.json"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
p.stdin.write('{"items": [\n  {"v": 1},')
p.stdin.flush()
try:
    p.wait(timeout=5)  # stdin stays open: only --timeout ends the read
except subprocess.TimeoutExpired:
    p.kill()
    sys.exit("still reading after 5 s")
e = time.monotonic() - t
out = p.stdout.read()
assert e <= 0.9 and p.returncode == 1, "%.2f s, exit %d" % (e, p.returncode)
assert "-:2:12: error [timeout] checking stopped after 0.3 s (--timeout) while reading the report" in out, out
assert "after.json:1:12: error [FIRST]" in out, out
P2

# ---- an oversize NDJSON record is skipped while streaming, never held -------
python3 - <<'P'
with open("huge.ndjson", "w") as f:
    f.write('{"items": []}\n{"s": "' + "x" * (64 << 20) + '"}\n{"items": [{"v": 1}]}\n')
P
for j in 1 2; do
    python3 - "$rl" "$j" >"$tmp/huge" 2>&1 <<'P' && ok || bad "an oversize NDJSON record (-j $j): $(cat "$tmp/huge")"
import resource, subprocess, sys
out = subprocess.run([sys.argv[1], "--no-config", "-r", "slow-rules.json", "--only", "FIRST", "-j", sys.argv[2],
                      "--max-size", "1M", "huge.ndjson"], capture_output=True, text=True).stdout
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
assert "huge.ndjson:2:1: error [input] cannot read: the record is larger than 1048576 bytes" in out, out
assert "huge.ndjson:3:12: error [FIRST]" in out, out  # the record after it is still checked
assert rss < 32, "max RSS %.1f MB for a 64 MB record under --max-size 1M" % rss
P
done

# ---- schema verdicts are memoised: allOf/anyOf chains of $refs are linear ----
# (finding 6: before, the time doubled per level; now 4x the levels take at
# most 5x the time, with no --timeout)
python3 - <<'P'
import json
for n in (40, 160):
    for kw, leaf, name in (("allOf", {"required": ["v"]}, "all"), ("anyOf", {"required": ["w"]}, "any"),
                           ("allOf", {"required": ["w"]}, "allfail")):
        defs = {"l%d" % i: {kw: [{"$ref": "#/$defs/l%d" % (i + 1)}] * 2} for i in range(n)}
        defs["l%d" % n] = leaf
        open("%s%d.schema.json" % (name, n), "w").write(json.dumps(
            {"$defs": defs, "properties": {"items": {"items": {"$ref": "#/$defs/l0"}}}}))
    # the failing allOf chain in a schema set with $dynamicAnchors, ending
    # in a $dynamicRef: verdicts are keyed by the scope's anchor bindings
    defs = {"l%d" % i: {"allOf": [{"$ref": "#/$defs/l%d" % (i + 1)}] * 2} for i in range(n)}
    defs["l%d" % n] = {"$dynamicRef": "#leaf"}
    defs["leaf"] = {"$dynamicAnchor": "leaf", "required": ["w"]}
    open("dynfail%d.schema.json" % n, "w").write(json.dumps(
        {"$id": "https://example.com/dynfail", "$dynamicAnchor": "meta", "$defs": defs,
         "properties": {"items": {"items": {"$ref": "#/$defs/l0"}}}}))
    # anyOf/oneOf whose alternative fails along that chain: the closest
    # alternative is found again in a scratch error list
    defs = {"l%d" % i: {"allOf": [{"$ref": "#/$defs/l%d" % (i + 1)}] * 2} for i in range(n)}
    defs["l%d" % n] = {"required": ["w"]}
    for kw in ("anyOf", "oneOf"):
        open("%s-hint%d.schema.json" % (kw, n), "w").write(json.dumps(
            {"$defs": defs, "properties": {"items": {"items": {kw: [{"$ref": "#/$defs/l0"}, {"type": "string"}]}}}}))
open("items5k.json", "w").write(json.dumps({"items": [{"v": i} for i in range(5000)]}))
P
echo '{"ruleset": "none", "rules": [{"id": "OK", "kind": "expr", "assert": "true"}]}' >ok-rules.json
expect 0 "a 160-level allOf chain of \$refs, valid" -- "$rl" --no-config -r ok-rules.json items5k.json -s all160.schema.json
expect 1 "a 160-level anyOf chain of \$refs, invalid" -- "$rl" --no-config -r ok-rules.json items5k.json -s any160.schema.json
contains "$tmp/out" "matches none of the 2 alternatives; closest is alternative 0" "anyOf chain: the closest alternative is still named"
scaling "allOf chain of \$refs, 40 then 160 levels" all40.schema.json all160.schema.json --no-config -r ok-rules.json items5k.json -s
scaling "anyOf chain of \$refs failing, 40 then 160 levels" any40.schema.json any160.schema.json --no-config -r ok-rules.json items5k.json -s
# a failing allOf chain (2^n paths to the same error): each error is reported
# once, where it is (before: the time doubled per level, only --timeout ended it)
scaling "allOf chain of \$refs failing, 40 then 160 levels" allfail40.schema.json allfail160.schema.json --no-config -r ok-rules.json items5k.json -s
echo '{"items": [{"v": 1}, {"w": 2}, {"v": 3}]}' >items3.json
for f in allfail160 dynfail160; do
    expect 1 "a 160-level allOf chain of \$refs, failing ($f)" -- "$rl" --no-config --timeout 10 -r ok-rules.json items3.json -s $f.schema.json -f json
    python3 - "$tmp/out" >"$tmp/allfail" 2>&1 <<'P2' && ok || bad "a failing allOf chain ($f): one error per invalid item: $(cat "$tmp/allfail")"
import json, sys
v = [x for x in json.load(open(sys.argv[1]))["violations"] if x["rule"] != "rule-never-applied"]
assert [x["pointer"] for x in v] == ["/items/0", "/items/2"], v
assert all("required" in x["message"] and "'w'" in x["message"] for x in v), v
P2
done
# the same with a $dynamicAnchor in the set (before: no memo at all, the
# time doubled per level), and an anyOf whose alternative fails along the
# chain (before: finding its closest alternative doubled per level). On
# the old code the runs below never end: scaling kills a run after 30 s,
# the others end at --timeout 10 with a timeout notice they must not have.
scaling "allOf chain of \$refs failing, with a \$dynamicAnchor, 40 then 160 levels" \
    dynfail40.schema.json dynfail160.schema.json --no-config -r ok-rules.json items5k.json -s
scaling "anyOf over a failing allOf chain, 40 then 160 levels" \
    anyOf-hint40.schema.json anyOf-hint160.schema.json --no-config -r ok-rules.json items5k.json -s
for kw in anyOf oneOf; do
    expect 1 "$kw over a failing 160-level allOf chain" -- "$rl" --no-config --timeout 10 -r ok-rules.json items3.json -s $kw-hint160.schema.json
    contains "$tmp/out" "items3.json:1:12: error [schema] $kw: the value matches none of the 2 alternatives; closest is alternative 0: required: missing property 'w'" "$kw over a failing chain: the closest alternative, its first error"
    lacks "$tmp/out" "[timeout]" "$kw over a failing chain: done well inside the --timeout"
done
# memoised verdicts keep $dynamicRef exact: the same schema node on the
# same value, reached through two resources that bind its anchor to
# different schemas, is judged once per binding
cat >dynscope.schema.json <<'J'
{"$id": "https://example.com/root", "allOf": [{"$ref": "a"}, {"$ref": "b"}],
 "$defs": {
  "g": {"$id": "g", "$dynamicRef": "#t", "$defs": {"t": {"$dynamicAnchor": "t"}}},
  "a": {"$id": "a", "$ref": "g", "$defs": {"t": {"$dynamicAnchor": "t", "type": "object"}}},
  "b": {"$id": "b", "$ref": "g", "$defs": {"t": {"$dynamicAnchor": "t", "required": ["z"]}}}
 }}
J
sed 's/"allOf": \[{"\$ref": "a"}, {"\$ref": "b"}\]/"anyOf": [{"$ref": "b"}, {"$ref": "a"}]/' dynscope.schema.json >dynscope-any.schema.json
echo '{"x": 1}' >x1.json
expect 1 "\$dynamicRef under two bindings, allOf" -- "$rl" --no-config -r ok-rules.json x1.json -s dynscope.schema.json
contains "$tmp/out" "x1.json:1:1: error [schema] required: missing property 'z' (schema dynscope.schema.json#/\$defs/b/\$defs/t/required)" "\$dynamicRef under two bindings: the second binding judged on its own"
expect 0 "\$dynamicRef under two bindings, anyOf (the second binding passes)" -- "$rl" --no-config -r ok-rules.json x1.json -s dynscope-any.schema.json

# ---- a regex limit is never a pass (finding 12) -----------------------------
python3 -c 'import json; print(json.dumps({"items": [{"name": "a" * 60 + "!"}]}))' >redos.json
cat >redos-rules.json <<'J'
{"ruleset": "redos", "rules": [
  {"id": "FILTER", "kind": "expr", "assert": "count($.items[?search(@.name, '^(a|a)+$')]) == 0"},
  {"id": "NOTFILTER", "kind": "expr", "assert": "count($.items[?!match(@.name, '(a|a)+')]) == 1"},
  {"id": "NOT", "kind": "schema", "each": "$.items[*].name", "schema": {"not": {"pattern": "^(a|a)+$"}}},
  {"id": "ONEOF", "kind": "schema", "each": "$.items[*].name",
   "schema": {"oneOf": [{"not": {"pattern": "^(a|a)+$"}}, {"type": "number"}]}},
  {"id": "IF", "kind": "schema", "each": "$.items[*].name",
   "schema": {"if": {"pattern": "^(a|a)+$"}, "then": false}}
]}
J
expect 1 "regex limits: every rule fails" -- "$rl" --no-config -r redos-rules.json redos.json
for rule in FILTER NOTFILTER; do
    contains "$tmp/out" "error [$rule] cannot evaluate" "regex limit in a JSONPath filter ($rule): a violation"
    contains "$tmp/out" "hit its match limit" "regex limit in a JSONPath filter ($rule): says why"
done
for rule in NOT ONEOF IF; do
    contains "$tmp/out" "error [$rule] pattern: pattern limit exceeded" "regex limit in a schema ($rule): a violation, never a pass"
done

# ---- templates are bounded, never silently empty (finding 9) ----------------
python3 -c 'import json; print(json.dumps({"s": "x" * 3000000 + "é", "items": [1, 2, 3]}))' >longstr.json
cat >tpl-rules.json <<'J'
{"ruleset": "tpl", "rules": [
  {"id": "LONG", "kind": "expr", "each": "$.items[*]", "assert": "false", "message": "s={$.s} doc={$}"}
]}
J
expect 1 "a huge placeholder value" -- "$rl" --no-config -f json -r tpl-rules.json longstr.json
contains "$tmp/out" "more bytes) doc={" "a placeholder value is cut with a visible mark"
if [ "$(wc -c <"$tmp/out")" -lt 20000 ]; then ok; else bad "three messages with a 3 MB placeholder are not bounded: $(wc -c <"$tmp/out") bytes"; fi

# ---- --max-memory bounds what one report holds (build item 4) --------------
# held LIMIT_MB command...: run it (output in out.txt); ok when it exits 1
# with max RSS at most the limit plus 40 MB (the program, the rule set, the
# output). Without the limit each of these grows without bound (finding 7:
# 7.7 GB). Under ASan (make asan) shadow memory and the quarantine of freed
# blocks add up to 256 MB: the bound is then 3x + 300 MB, and says so.
held() {
    limit=$1; shift
    python3 - "$limit" "$asan" "$@" >"$tmp/held" 2>&1 <<'P'
import resource, subprocess, sys
limit, asan, cmd = float(sys.argv[1]), sys.argv[2] == "1", sys.argv[3:]
with open("out.txt", "w") as out:
    rc = subprocess.run(cmd, stdout=out, stderr=subprocess.DEVNULL).returncode
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
bound = 3 * limit + 300 if asan else limit + 40
print("max RSS %.1f MB (bound %g MB%s), exit %d" % (rss, bound, ", ASan" if asan else "", rc))
sys.exit(0 if rc == 1 and rss <= bound else 1)
P
}
asan=0
if grep -q __asan_init "$rl"; then asan=1; fi
# one evaluation that selects n^3 nodes (PAIRS) stops where it is, located
if held 100 "$rl" --no-config --max-depth 5000 -r slow-rules.json --only PAIRS --max-memory 100M big.json; then ok
else bad "--max-memory 100M bounds count(\$..*..*..*): $(cat "$tmp/held")"; fi
contains out.txt "big.json:1:1: error [memory] checking stopped: the report needed more than 104857600 bytes of memory (--max-memory) in rule PAIRS: it was not fully checked" "--max-memory: the located notice names the rule"
contains out.txt "1 evaluation: 0 passed, 0 failed, 1 not applicable" "--max-memory: the evaluation cut short is not counted as passed"
# ... and so does a schema whose failing alternatives double per level (a
# $dynamicAnchor turns the memo off): the errors it makes are charged
if held 100 "$rl" --no-config --max-depth 5000 -r slow-rules.json --only CHAIN --max-memory 100M big.json; then ok
else bad "--max-memory 100M bounds a failing schema chain: $(cat "$tmp/held")"; fi
contains out.txt "error [memory] checking stopped: the report needed more than 104857600 bytes of memory (--max-memory) in rule CHAIN" "--max-memory: a schema chain stopped names the rule"
# kept violations are charged: the ones found are kept, the notice after them
held 24 "$rl" --no-config --max-depth 5000 -r slow-rules.json --only FIRST --max-violations 0 --max-memory 24M big.json
n=$(grep -c 'error \[FIRST\]' out.txt)
if [ "$n" -gt 1000 ] && [ "$n" -lt 40000 ] && tail -n 8 out.txt | grep -q "error \[memory\] .* in rule FIRST"; then ok
else bad "--max-memory 24M with every violation kept: $n of 40000 kept, then the notice ($(cat "$tmp/held"))"; fi
if grep -q "$n evaluations: 0 passed, $n failed, 0 not applicable" out.txt; then ok
else bad "--max-memory: each kept violation's evaluation counts as failed ($(tail -n 1 out.txt))"; fi
expect 1 "--max-memory 0: no limit" -- "$rl" --no-config --max-depth 5000 -r slow-rules.json --only FIRST --max-violations 0 --max-memory 0 big.json
contains "$tmp/out" "40000 violations (40000 errors" "--max-memory 0: every violation"
lacks "$tmp/out" "[memory]" "--max-memory 0: no memory notice"
# the default (2G) lets an ordinary report through
expect 1 "--max-memory: the default" -- "$rl" --no-config --max-depth 5000 -r slow-rules.json --only FIRST big.json
lacks "$tmp/out" "[memory]" "the default --max-memory: no notice on a 2 MB report"
# a report larger than the limit is not read at all; the next file is checked
if held 24 "$rl" --no-config --max-depth 5000 -r slow-rules.json --only FIRST --max-memory 24M bigdoc.json big.json; then ok
else bad "--max-memory 24M: a 50 MB report is not read: $(cat "$tmp/held")"; fi
contains out.txt "bigdoc.json: error [memory] checking stopped: the report needed more than 25165824 bytes of memory (--max-memory) while it was read: it was not checked" "--max-memory: a larger report is refused before it is read"
contains out.txt "error [FIRST]" "--max-memory: the next file is still checked"
# ... and so is an NDJSON record, the records after it checked
python3 -c '
import json
print(json.dumps({"items": [{"v": 1}]}))
print(json.dumps({"items": [{"v": 2}] * 300000}))
print(json.dumps({"items": [{"v": 3}]}))' >mem.ndjson
expect 1 "--max-memory: an NDJSON record" -- "$rl" --no-config -r slow-rules.json --only FIRST --max-memory 1M mem.ndjson
contains "$tmp/out" "error [memory] checking stopped: the report needed more than 1048576 bytes of memory (--max-memory) while it was read" "--max-memory: an NDJSON record too big is dropped with the notice"
contains "$tmp/out" "mem.ndjson:3:" "--max-memory: the records after it are checked"
expect 2 "--max-memory: a bad size" -- "$rl" --no-config -r slow-rules.json --max-memory lots big.json
contains "$tmp/err" "--max-memory needs a size in bytes" "--max-memory: a bad size is a usage error"

# ---- a schema's $ref chain is walked without recursion (build item 1) ------
# 200,000 $refs in a row (through array items: each lookup is direct): the
# cycle check once recursed per $ref and overflowed the stack (SIGSEGV);
# evaluation stops at its nesting limit with a located violation
python3 -c '
import json
n = 200000
items = [{"$ref": "#/$defs/c/prefixItems/%d" % (i + 1)} for i in range(n)] + [{"type": "object"}]
print(json.dumps({"$defs": {"c": {"prefixItems": items}}, "$ref": "#/$defs/c/prefixItems/0"}))' >refarr.schema.json
echo '{"ruleset": "refs", "rules": [{"id": "REFS", "kind": "schema", "schema": "refarr.schema.json"}]}' >refs-rules.json
echo '{"a": 1}' >small.json
expect 1 "a chain of 200,000 \$refs loads and is checked" -- "$rl" --no-config -r refs-rules.json small.json
contains "$tmp/out" "error [REFS] \$ref: evaluation nested more than 4096 schemas deep" "a long \$ref chain: stopped at the nesting limit, named for \$ref"
# ... and a cycle through all of them is still found, at the $ref closing it
python3 -c '
import json
n = 200000
items = [{"$ref": "#/$defs/c/prefixItems/%d" % ((i + 1) % n)} for i in range(n)]
print(json.dumps({"$defs": {"c": {"prefixItems": items}}, "$ref": "#/$defs/c/prefixItems/0"}))' >refarr.schema.json
expect 2 "a cycle of 200,000 \$refs is a load error" -- "$rl" --no-config -r refs-rules.json small.json
contains "$tmp/err" "\$ref: this reference cycle never reaches a value inside the instance" "a long \$ref cycle: found without recursion"

echo "limits: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
