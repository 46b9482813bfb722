#!/bin/sh
# jobs_memory.sh REPORTLINT — -f ndjson -j N streams in bounded memory
# whatever the number of violations (issue 18, finding 10: 640 MB at -j 2
# for 1M violations before). The same NDJSON records with about 250,000
# and 1,000,000 violations (100 per record, 770 KB and 3 MB: a few blocks)
# at -j 2 and -j 8: max RSS (of the child, from getrusage) under 64 MB and
# at most 1.5x that of the smaller input. A sanitizer build's memory is not
# the program's (shadow memory, quarantine): there the sizes are only
# reported, and the bound is checked by the plain build of make check.
rl=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. "$(dirname "$0")/../lib.sh"
cd "$tmp" || exit 1

cat >rules.json <<'J'
{"ruleset": "m", "rules": [
  {"id": "NEG", "kind": "threshold", "each": "$.v[*]", "value": "@", "min": 0}
]}
J
python3 - <<'P'
row = '{"v":[' + ",".join(["-1"] * 100) + "]}\n"
open("v250k.ndjson", "w").write(row * 2500)
open("v1m.ndjson", "w").write(row * 10000)
P

# max RSS in KiB of the command (-o out.ndjson), the violations its
# summary line counts, and its exit status
rss() {
    python3 - "$@" <<'P'
import json, resource, subprocess, sys
p = subprocess.run(sys.argv[1:] + ["-o", "out.ndjson"])
with open("out.ndjson", "rb") as f:
    f.seek(-4096, 2)
    total = json.loads(f.read().split(b"\n")[-2])["summary"]["violations"]["total"]
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, total, p.returncode)
P
    rm -f out.ndjson
}

sanitized=0
grep -q "__asan_init\|__tsan_init" "$rl" && sanitized=1
for j in 2 8; do
    set -- $(rss "$rl" --no-config -r rules.json -f ndjson -j $j v250k.ndjson)
    small=$1 small_n=$2 small_status=$3
    set -- $(rss "$rl" --no-config -r rules.json -f ndjson -j $j v1m.ndjson)
    big=$1 big_n=$2 big_status=$3
    if [ "$small_n" = 250000 ] && [ "$big_n" = 1000000 ] && [ "$small_status" = 1 ] &&
        [ "$big_status" = 1 ]; then ok; else
        bad "-j $j: $small_n and $big_n violations (exit $small_status, $big_status), expected 250000 and 1000000"; fi
    echo "jobs_memory: -f ndjson -j $j: max RSS $((small / 1024)) MB at 250k violations, $((big / 1024)) MB at 1M"
    if [ "$sanitized" = 1 ]; then
        echo "jobs_memory: sanitizer build: RSS bound not checked here (make check checks it)"
    elif [ "$big" -lt 65536 ] && [ $((big * 2)) -le $((small * 3)) ]; then ok; else
        bad "-j $j: max RSS $big KiB at 1M violations vs $small KiB at 250k (bound: < 64 MB and <= 1.5x)"; fi
done

echo "jobs memory tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
