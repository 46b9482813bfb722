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
