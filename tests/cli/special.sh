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

echo "special.sh: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
