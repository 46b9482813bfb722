#!/bin/sh
# special.sh REPORTLINT — directory walks and special files: a directory
# with symbolic links to itself is walked once (lint and schema validate),
# each file is checked once whatever the number of ways in, and FIFOs,
# devices and sockets are refused without blocking.
rl=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. "$(dirname "$0")/../lib.sh"

cd "$tmp" || exit 1
cat >rules.json <<'J'
{"ruleset": "special", "rules": [
  {"id": "MIN", "kind": "threshold", "value": "@.v", "min": 0}
]}
J
printf '{"type": "object", "required": ["w"]}\n' >schema.json

# ---- loops: ln -s . x; ln -s . y -------------------------------------------
mkdir -p loop/sub
printf '{"v": -1}\n' >loop/sub/a.json
printf '{"v": -2}\n' >loop/b.json
ln -s . loop/sub/x
ln -s . loop/sub/y
ln -s sub loop/other
ln -s .. loop/sub/up
expect 1 "a directory with links to itself" -- timeout 20 "$rl" --no-config -r rules.json -f json loop
n=$(grep -o '"rule":"MIN"' "$tmp/out" | wc -l)
[ "$n" = 2 ] && ok || bad "loop: $n violations, expected 2 (each file once)"
contains "$tmp/out" '"files":2' "loop: two files"
contains "$tmp/err" "a directory already walked" "loop: a note on stderr"
expect 1 "schema validate on the loop" -- timeout 20 "$rl" schema validate -f json schema.json loop
n=$(grep -o '"rule":"schema"' "$tmp/out" | wc -l)
[ "$n" = 2 ] && ok || bad "schema validate loop: $n violations, expected 2"
expect 1 "-j 2 on the loop" -- timeout 20 "$rl" --no-config -r rules.json -j 2 -q loop loop/sub
[ "$(grep -c 'error \[MIN\]' "$tmp/out")" = 2 ] && ok || bad "-j 2 loop: each file once"

# ---- special files: refused without blocking, unless given as - -----------
# Every run is under `timeout 20`: before, each of these blocked forever.
printf '{"v": -1}\n' >r.json
mkfifo fifo.json fifo.ndjson rules-fifo.json schema-fifo.json base-fifo.json
mkdir walked && mkfifo walked/in-dir.ndjson && cp r.json walked/ok.json
ln -s /dev/stdin stdin.json
ln -s /dev/zero zero.ndjson
for f in fifo.json fifo.ndjson zero.ndjson; do
    # (--allow-outside /dev: zero.ndjson leads there; see trust.sh for the boundary)
    expect 1 "report $f" -- timeout 20 "$rl" --no-config -r rules.json --allow-outside /dev "$f" r.json
    contains "$tmp/out" "$f: error [input] cannot open: a " "$f: an input violation"
    contains "$tmp/out" "not a regular file (give standard input as -)" "$f: says why"
    contains "$tmp/out" "r.json:1:7: error [MIN]" "$f: the other report is still checked"
done
expect 1 "a FIFO inside a walked directory" -- timeout 20 "$rl" --no-config -r rules.json -j 2 walked
contains "$tmp/out" "walked/in-dir.ndjson: error [input] cannot open: a FIFO" "walked FIFO"
contains "$tmp/out" "walked/ok.json:1:7: error [MIN]" "walked: the other file"
sleep 30 | expect 1 "x.json -> /dev/stdin in a pipeline" -- timeout 20 "$rl" --no-config -r rules.json stdin.json
contains "$tmp/out" "stdin.json: error [input] cannot open: a FIFO, not a regular file" "stdin link"
printf '{"v": -3}\n' | expect 1 "- is still standard input" -- timeout 20 "$rl" --no-config -r rules.json -
contains "$tmp/out" "-:1:7: error [MIN]" "- reads stdin"
expect 2 "a FIFO as the rule set" -- timeout 20 "$rl" --no-config -r rules-fifo.json r.json
contains "$tmp/err" "rules-fifo.json: error cannot open: a FIFO, not a regular file" "rule set FIFO"
expect 2 "a FIFO as the schema" -- timeout 20 "$rl" --no-config -r rules.json -s schema-fifo.json r.json
contains "$tmp/err" "a FIFO, not a regular file" "schema FIFO"
printf '{"$ref": "schema-fifo.json"}\n' >ref.json
expect 2 "a FIFO as a \$ref" -- timeout 20 "$rl" --no-config -r rules.json -s ref.json r.json
contains "$tmp/err" "a FIFO, not a regular file" "\$ref FIFO"
expect 2 "a FIFO as the baseline" -- timeout 20 "$rl" --no-config -r rules.json --baseline base-fifo.json r.json
contains "$tmp/err" "base-fifo.json: error cannot open: a FIFO, not a regular file" "baseline FIFO"
expect 2 "a FIFO as the configuration" -- timeout 20 "$rl" --config base-fifo.json -r rules.json r.json
contains "$tmp/err" "base-fifo.json: not a regular file" "config FIFO"
expect 2 "a FIFO as eval's input" -- timeout 20 "$rl" eval '1' fifo.json
contains "$tmp/err" "a FIFO, not a regular file" "eval FIFO"
expect 2 "a FIFO as path's input" -- timeout 20 "$rl" path '$' fifo.json
contains "$tmp/err" "a FIFO, not a regular file" "path FIFO"
expect 2 "/dev/zero as the rule set" -- timeout 20 "$rl" --no-config -r /dev/zero r.json
contains "$tmp/err" "a character device, not a regular file" "-r /dev/zero"
expect 1 "schema validate: a FIFO" -- timeout 20 "$rl" schema validate schema.json fifo.json
contains "$tmp/out" "cannot open: a FIFO" "schema validate FIFO"

# ---- size limits on every file read ----------------------------------------
# Sparse files: 2 GB that take no disk. Refused from their size, nothing held.
truncate -s 2G big.json big-rules.json big-base.json
truncate -s 100M big.ndjson
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
for j in 1 8; do
    expect 1 "a 2 GB report, -j $j" -- timeout 20 "$rl" --no-config -r rules.json -j $j big.json big.json big.json r.json
    contains "$tmp/out" "big.json: error [input] cannot read: the report is larger than 268435456 bytes" "2 GB report -j $j"
    kb=$(rss "$rl" --no-config -r rules.json -j $j big.json big.json big.json big.json)
    [ "$kb" -lt 65536 ] && ok || bad "three 2 GB reports at -j $j took $kb KB"
done
kb=$(rss "$rl" --no-config -r rules.json --max-size 1M big.ndjson)
[ "$kb" -lt 65536 ] && ok || bad "a 100 MB record under --max-size 1M took $kb KB"
expect 2 "a 2 GB rule set" -- timeout 20 "$rl" --no-config -r big-rules.json r.json
contains "$tmp/err" "the rule set is larger than 67108864 bytes" "2 GB rule set"
expect 2 "a 2 GB schema" -- timeout 20 "$rl" --no-config -r rules.json -s big-rules.json r.json
contains "$tmp/err" "larger than the limit" "2 GB schema"
expect 2 "a 2 GB baseline" -- timeout 20 "$rl" --no-config -r rules.json --baseline big-base.json r.json
contains "$tmp/err" "larger than 268435456 bytes" "2 GB baseline"
expect 2 "a 2 GB configuration" -- timeout 20 "$rl" --config big-base.json r.json
contains "$tmp/err" "larger than 67108864 bytes" "2 GB config"
expect 2 "eval on a 2 GB input" -- timeout 20 "$rl" eval 1 big.json
contains "$tmp/err" "larger than 268435456 bytes" "2 GB eval input"
expect 2 "path on a 2 GB input" -- timeout 20 "$rl" path '$' big.json
printf '{"ruleset": "p", "params": {"ref": {"file": "big-base.json"}}, "rules": [{"id": "A", "kind": "expr", "assert": "true"}]}\n' >ref-rules.json
expect 2 "a 2 GB reference file" -- timeout 20 "$rl" --no-config -r ref-rules.json r.json
contains "$tmp/err" "the reference file is larger than 67108864 bytes" "2 GB reference file"
# The limits are options: --max-file-size for rule sets and the like.
head -c 2000 /dev/zero | tr '\0' ' ' >>rules.json
expect 2 "--max-file-size 1K" -- "$rl" --no-config -r rules.json --max-file-size 1K r.json
contains "$tmp/err" "the rule set is larger than 1024 bytes" "--max-file-size"
expect 1 "--max-file-size 0: none" -- "$rl" --no-config -r rules.json --max-file-size 0 r.json
# eval/path from stdin: at most the limit + 1 bytes read and held (the
# bound leaves room for ASan's quarantine of the buffers grown on the way).
kb=$(head -c 300M /dev/zero | rss "$rl" path --max-size 16M '$' - )
[ "$kb" -lt 131072 ] && ok || bad "path on 300 MB of stdin under --max-size 16M took $kb KB"
expect 2 "path on 300 MB of stdin: refused" -- sh -c "head -c 300M /dev/zero | \"\$0\" path --max-size 16M '\$' -" "$rl"
contains "$tmp/err" "larger than 16777216 bytes" "stdin over --max-size"

echo "special.sh: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
