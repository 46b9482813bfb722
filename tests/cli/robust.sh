#!/bin/sh
# robust.sh REPORTLINT — command-line tests of robustness: the limit flags
# (--timeout, bad values), reports are never opened for writing, control
# characters from the data never reach any output format raw, and output
# is byte-for-byte the same when the same inputs are checked again (and
# with -j 1 and -j 2).
rl=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$(dirname "$0")/../lib.sh"
formats="text json ndjson sarif junit github html"


cd "$tmp" || exit 1
cat >rules.json <<'J'
{"ruleset": "robust", "rules": [
  {"id": "MIN", "kind": "threshold", "each": "$.items[*]", "value": "@.v", "min": 0},
  {"id": "NAME", "kind": "pattern", "each": "$.items[*]", "value": "@.name", "regex": "^[a-z]+$",
   "message": "bad name {value}"},
  {"id": "SHARE", "kind": "expr", "each": "$.items[*]", "assert": "@.v <= sum($.items[*].v)"}
]}
J
printf '{"items": [{"v": -1, "name": "ok"}]}\n' >small.json
python3 -c '
import json
print(json.dumps({"items": [{"v": i, "name": "n"} for i in range(20000)]}))' >heavy.json

# ---- --timeout: a heavy report runs out of time; the run goes on ----------
# SHARE sums 20,000 values for each of 20,000 items: seconds of work (6 s
# on the machine this was written on), stopped after 0.2 s; small.json
# takes a millisecond.
expect 1 "--timeout on a heavy report" -- "$rl" --no-config -r rules.json --timeout 0.2 heavy.json small.json
if grep -Eq '^heavy\.json:1:[0-9]+: error \[timeout\] checking stopped after 0\.2 s \(--timeout\) in rule SHARE: the report was not fully checked$' "$tmp/out"
then ok; else bad "--timeout: a located timeout notice naming the rule"; sed 's/^/  | /' "$tmp/out" | head; fi
contains "$tmp/out" "small.json:1:18: error [MIN] -1 is below the minimum 0" "--timeout: the next report is still checked"
lacks "$tmp/out" "small.json:1:1: error [input]" "--timeout: the small report is within its time"
"$rl" --no-config -r rules.json small.json "$root/samples" >no-timeout.out 2>&1
"$rl" --no-config -r rules.json --timeout 600 small.json "$root/samples" >timeout.out 2>&1
if cmp -s no-timeout.out timeout.out; then ok; else bad "--timeout 600 changes the output of a quick check"; fi
expect 1 "--timeout, json" -- "$rl" --no-config -r rules.json -f json --timeout 0.05 heavy.json
contains "$tmp/out" '"file":"heavy.json","rule":"timeout","severity":"error","pointer":"/items/' "--timeout: json, at the item it stopped on"

# ---- bad values of the limit flags are usage errors -----------------------
for bad_arg in "--timeout x" "--timeout -1" "--timeout 1e99" "--max-size 12Q" "--max-size -5" \
               "--max-string ''" "--max-violations 1.5" "--max-violations -1" "--max-size 99999999999999999999G"; do
    eval "set -- $bad_arg"
    expect 2 "$bad_arg" -- "$rl" --no-config -r rules.json "$@" small.json
    contains "$tmp/err" "reportlint: $1 needs" "$bad_arg: says what it needs"
done
expect 1 "--max-size 1K --max-string 16MiB --max-violations 0" -- \
    "$rl" --no-config -r rules.json --max-size 1K --max-string 16MiB --max-violations 0 small.json
python3 -c '
import json
print(json.dumps({"items": [{"v": -1, "name": "N"} for i in range(700)]}))' >big.json
expect 1 "--max-violations 0 is no limit" -- "$rl" --no-config -r rules.json -f json --max-violations 0 big.json
lacks "$tmp/out" "violations not shown" "--max-violations 0"
expect 1 "default: 1000 violations per report" -- "$rl" --no-config -r rules.json -q big.json
n=$(grep -c '^big.json:' "$tmp/out")
[ "$n" = 1001 ] && ok || bad "default --max-violations: $n lines, expected 1000 and the notice"
contains "$tmp/out" "violations not shown: 1100 more (the limit is 1000 per report, --max-violations)" "default limit notice"

# ---- an NDJSON record longer than --max-size is skipped, not held ---------
python3 -c '
import sys
sys.stdout.write("{\"items\": [{\"v\": -1, \"name\": \"a\"}]}\n")
sys.stdout.write("{\"items\": [], \"pad\": \"" + "p" * (5 << 20) + "\"}\n")
sys.stdout.write("{\"items\": [{\"v\": -3, \"name\": \"c\"}]}\n")' >long.ndjson
for j in 1 2; do
    expect 1 "NDJSON record over --max-size, -j $j" -- "$rl" --no-config -r rules.json --max-size 1M -j $j -q long.ndjson
    contains "$tmp/out" "long.ndjson:2:1: error [input] cannot read: the record is larger than 1048576 bytes (the limit, --max-size)" "long record, -j $j"
    contains "$tmp/out" "long.ndjson:1:18: error [MIN] -1 is below the minimum 0" "record before the long one, -j $j"
    contains "$tmp/out" "long.ndjson:3:18: error [MIN] -3 is below the minimum 0" "record after the long one keeps its line, -j $j"
done

# ---- reports are never opened for writing ---------------------------------
# Read-only files in a read-only directory (root ignores the modes, so an
# inotify watch also records every file opened for writing, created,
# changed, moved or deleted in the directory while every format runs).
mkdir ro res
cp small.json big.json rules.json ro/
printf '{"items": [1,' >ro/broken.json
chmod 0444 ro/*.json
chmod 0555 ro
(cd ro && ls -l --time-style=+%s.%N . >"$tmp/ro-before")
sum_before=$(cat ro/*.json | cksum)
python3 - "$tmp/ro" "$tmp/ro-events" >"$tmp/watch.log" 2>&1 <<'PY' &
import ctypes, os, select, struct, sys, time
libc = ctypes.CDLL(None, use_errno=True)
fd = libc.inotify_init1(os.O_NONBLOCK)
# IN_MODIFY IN_ATTRIB IN_CLOSE_WRITE IN_MOVED_FROM IN_MOVED_TO IN_CREATE IN_DELETE IN_DELETE_SELF
mask = 0x2 | 0x4 | 0x8 | 0x40 | 0x80 | 0x100 | 0x200 | 0x400
if fd < 0 or libc.inotify_add_watch(fd, sys.argv[1].encode(), mask) < 0:
    sys.exit("inotify unavailable")
open(sys.argv[2] + ".ready", "w").close()
events = []
deadline = time.time() + 120
while time.time() < deadline and not os.path.exists(sys.argv[2] + ".stop"):
    if select.select([fd], [], [], 0.1)[0]:
        data = os.read(fd, 65536)
        i = 0
        while i < len(data):
            wd, m, cookie, n = struct.unpack_from("iIII", data, i)
            name = data[i + 16:i + 16 + n].rstrip(b"\0").decode(errors="replace")
            events.append("%s 0x%x" % (name, m))
            i += 16 + n
with open(sys.argv[2], "w") as f:
    f.write("\n".join(events))
PY
watcher=$!
i=0
while [ ! -f "$tmp/ro-events.ready" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
[ -f "$tmp/ro-events.ready" ] && watching=1 || watching=0
for f in $formats; do
    (cd ro && "$rl" --no-config -r rules.json -f $f small.json big.json broken.json missing.json \
        >"$tmp/res/ro.$f" 2>"$tmp/res/ro.$f.err")
    [ $? = 1 ] && ok || bad "read-only inputs, -f $f: exit $?"
    (cd ro && "$rl" --no-config -r rules.json -f $f -o "$tmp/res/ro-o.$f" small.json broken.json)
    [ -s "$tmp/res/ro-o.$f" ] && ok || bad "read-only inputs, -f $f -o: no output"
done
(cd ro && "$rl" --no-config -r rules.json --write-baseline "$tmp/res/baseline.json" small.json >/dev/null 2>&1)
(cd ro && "$rl" --no-config -r rules.json --baseline "$tmp/res/baseline.json" small.json >/dev/null 2>&1)
(cd ro && "$rl" --no-config -r rules.json - <small.json >/dev/null 2>&1)
touch "$tmp/ro-events.stop"
wait $watcher
if [ $watching = 1 ] && [ -f "$tmp/ro-events" ]; then
    if [ -s "$tmp/ro-events" ]; then bad "inputs touched: $(cat "$tmp/ro-events")"; else ok; fi
else
    bad "could not watch the inputs with inotify: $(cat "$tmp/watch.log")"
fi
(cd ro && ls -l --time-style=+%s.%N . >"$tmp/ro-after")
if cmp -s "$tmp/ro-before" "$tmp/ro-after" && [ "$(cat ro/*.json | cksum)" = "$sum_before" ]; then ok; else
    bad "read-only inputs changed"; diff "$tmp/ro-before" "$tmp/ro-after"
fi
contains "$tmp/res/ro.text" "broken.json:1:14: error [input] invalid JSON" "read-only: broken report read"

# ---- control characters from the data, in every format --------------------
python3 - <<'PY'
import json
ctl = "".join(chr(c) for c in list(range(1, 32)) + [127] + list(range(0x80, 0xA0)))
items = [{"v": -1, "name": "x" + ctl + "\nFORGED y"}]
doc = {"items": items, "k" + ctl: {"items": items}}
open("ctl.json", "w").write(json.dumps(doc, ensure_ascii=False))
PY
cat >ctl-rules.json <<'J'
{"ruleset": "robust", "rules": [
  {"id": "NAME", "kind": "pattern", "each": "$..items[*]", "value": "@.name", "regex": "^[a-z]+$",
   "message": "bad name {value} {@.name}"}
]}
J
for f in $formats; do
    "$rl" --no-config --color always -r ctl-rules.json -f $f ctl.json >"res/ctl.$f" 2>&1
    if python3 - "res/ctl.$f" "$f" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
fmt = sys.argv[2]
text = data.decode("utf-8")
if fmt == "text":  # colours are the tool's own SGR sequences, nothing else
    text = re.sub("\x1b\\[[0-9;]*m", "", text)
# A tab or a line break from the data may stand raw only inside an XML or
# HTML element's text (junit's failure body, html), where it is just text.
allowed = "\n\t" if fmt in ("junit", "html") else "\n"
raw = [hex(ord(c)) for c in text if (ord(c) < 32 and c not in allowed) or 0x7F <= ord(c) <= 0x9F]
if fmt not in ("junit", "html") and re.search("^FORGED", text, re.M):
    raw.append("a line break from the data starts a line")
sys.exit("raw control characters: %s" % sorted(set(raw)) if raw else 0)
PY
    then ok; else bad "-f $f: control characters from the data reach the output raw"; fi
done

# ---- determinism: the same inputs give the same bytes ---------------------
cd "$root" || exit 1
for f in $formats; do
    "$rl" --no-config -f $f --as-of 2025-10-01 samples/ tests/cases/format-text >"$tmp/res/a.$f" 2>&1
    "$rl" --no-config -f $f --as-of 2025-10-01 samples/ tests/cases/format-text >"$tmp/res/b.$f" 2>&1
    "$rl" --no-config -f $f --as-of 2025-10-01 -j 1 samples/ tests/cases/format-text >"$tmp/res/j1.$f" 2>&1
    "$rl" --no-config -f $f --as-of 2025-10-01 -j 2 samples/ tests/cases/format-text >"$tmp/res/j2.$f" 2>&1
    [ -s "$tmp/res/a.$f" ] || bad "determinism -f $f: no output"
    if cmp -s "$tmp/res/a.$f" "$tmp/res/b.$f"; then ok; else bad "-f $f: two runs differ"; fi
    if cmp -s "$tmp/res/j1.$f" "$tmp/res/j2.$f"; then ok; else bad "-f $f: -j 1 and -j 2 differ"; fi
    if cmp -s "$tmp/res/a.$f" "$tmp/res/j1.$f"; then ok; else bad "-f $f: -j 1 differs from the default"; fi
done

echo "robustness tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
