# jobs.sh — command-line tests of -j and NDJSON inputs, sourced by run.sh
# (uses its $rl, $root, $tmp and its expect/ok/bad helpers).
#
# -j N must not change a byte of the output: every format on samples/ and
# on a generated NDJSON file large enough to be cut into pieces per thread
# (and with a broken line and blank lines in it); the exit status too.
jobs_dir=$tmp/jobs
mkdir -p "$jobs_dir"
cd "$jobs_dir" || exit 1
python3 "$root/tests/bench/gen.py" ndjson 60000 records.ndjson
# a broken record and blank lines in the middle, a CRLF line, no final newline
sed -i -e '30000s/.*/{"id": "broken",/' -e '30001s/^/\n  \n/' -e '40000s/$/\r/' records.ndjson
truncate -s -1 records.ndjson
for fmt in text json ndjson sarif junit github html; do
    for input in "$root/samples" records.ndjson; do
        rules=$root/rules
        [ "$input" = records.ndjson ] && rules=$root/tests/bench/rules-ndjson.json
        for j in 1 2 7; do
            "$rl" --no-config -r "$rules" -f $fmt -j $j "$input" >j$j.out 2>j$j.err
            echo $? >j$j.status
        done
        if [ "$(cat j1.status j2.status j7.status)" = "1
1
1" ] && cmp -s j1.out j2.out && cmp -s j1.out j7.out && [ -s j1.out ] && [ ! -s j1.err ] &&
            [ ! -s j2.err ]; then ok; else
            bad "-j: -f $fmt on $(basename "$input"): -j 1, -j 2 and -j 7 differ"; fi
    done
done
# many violations per block (their results handed over in parts, and
# --max-violations 0), a block cut inside a run of violating records, and a
# directory of files: -j 3 too
python3 - <<'PY'
import os
os.makedirs("dir/sub", exist_ok=True)
pad = "x" * 700
with open("dense.ndjson", "w") as f:
    for i in range(3000):
        v = ",".join(str(-k if i % 9 else k) for k in range(1, 21))
        f.write('{"id": "%s%d", "pad": "%s", "v": [%s]}\n' % ("r" if i % 11 else "x", i, pad, v))
for i in range(40):
    with open("dir/%s/f%02d.json" % ("sub" if i % 3 else ".", i), "w") as f:
        f.write('{"id": "%s%d", "v": [%s]}\n' % ("r" if i % 4 else "x", i, ",".join(str(k - i % 5) for k in range(6))))
PY
cat >dense.json <<'J'
{"ruleset": "dense", "rules": [
  {"id": "NEG", "kind": "threshold", "each": "$.v[*]", "value": "@", "min": 0},
  {"id": "ID", "kind": "pattern", "value": "@.id", "regex": "^r[0-9]+$"}
]}
J
for fmt in text json ndjson sarif junit github html; do
    for input in dense.ndjson dir; do
        for j in 1 2 3; do
            "$rl" --no-config --max-violations 0 -r dense.json -f $fmt -j $j "$input" >j$j.out 2>j$j.err
            echo $? >j$j.status
        done
        if [ "$(cat j1.status j2.status j3.status)" = "1
1
1" ] && cmp -s j1.out j2.out && cmp -s j1.out j3.out && [ -s j1.out ] && [ ! -s j1.err ] &&
            [ ! -s j2.err ] && [ ! -s j3.err ]; then ok; else
            bad "-j: -f $fmt on $input: -j 1, -j 2 and -j 3 differ"; fi
    done
done
"$rl" --no-config --max-violations 0 -r dense.json -f json -j 3 dense.ndjson >dense.out
want=$(python3 -c 'print(sum(20 for i in range(3000) if i % 9) + sum(1 for i in range(3000) if i % 11 == 0))')
if python3 -c 'import json,sys; s=json.load(open("dense.out"))["summary"]; sys.exit(s["violations"]["total"] != int(sys.argv[1]))' "$want"; then ok; else
    bad "-j 3 on dense.ndjson: not every violation counted"; fi
# the broken line is located; the records after it are still checked, and
# every violation's line holds a record that breaks that rule
"$rl" --no-config -r "$root/tests/bench/rules-ndjson.json" -f text -j 2 records.ndjson >text.out
if grep -q '^records.ndjson:30000:17: error \[input\] invalid JSON' text.out &&
    grep -q '^records.ndjson:5[0-9]\{4\}:' text.out; then ok; else
    bad "ndjson: broken line 30000 not located, or later records not checked"; fi
"$rl" --no-config -r "$root/tests/bench/rules-ndjson.json" -f ndjson -j 2 records.ndjson >lines.out
if python3 - records.ndjson lines.out <<'PY'; then ok; else bad "ndjson: a violation's line is not its record's"; fi
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
seen = 0
for out in open(sys.argv[2], encoding="utf-8"):
    v = json.loads(out)
    if v.get("rule") not in ("FEE-NONNEG", "PROC-CODE"):
        continue
    rec = json.loads(lines[v["line"] - 1])
    field = v["pointer"][1:]
    text = lines[v["line"] - 1]
    col = len(text[:text.index('"%s":' % field)]) + len(field) + 4  # columns: code points
    ok = (rec["fee"] < 0) if field == "fee" else True
    if not ok or v["column"] != col:
        print("  line", v["line"], "column", v["column"], "expected", col, field)
        sys.exit(1)
    seen += 1
sys.exit(0 if seen > 500 else 1)
PY
# the default -j is the number of cores: same output as -j 1
"$rl" --no-config -r "$root/rules" -f json "$root/samples" >jdef.out
"$rl" --no-config -r "$root/rules" -f json -j 1 "$root/samples" >j1.out
if cmp -s jdef.out j1.out; then ok; else bad "-j default differs from -j 1"; fi
expect 2 "-j 0 is refused" -- "$rl" -j 0 "$root/samples"
cd "$root" || exit 1
