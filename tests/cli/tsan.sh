#!/bin/sh
# tsan.sh BUILD — the tests that run -j, on a ThreadSanitizer build in
# BUILD (make tsan): the NDJSON pipeline's unit test (rl_check_buffer with
# 1 to 4 threads), the -j byte-identity tests of every format
# (tests/cli/jobs.sh), the per-rule counts with -j (by_rule.sh), the
# collection rules with -j (tests/collection/run.sh, 5,000 records) and the
# streaming memory test (jobs_memory.sh). TSAN_OPTIONS (set by make tsan)
# makes a race exit 66, which every one of these tests reports as a
# failure (an exit status or a stderr they do not expect).
build=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$build" && pwd)
rl=$build/reportlint
. "$root/tests/lib.sh"
cd "$tmp" || exit 1
status=0
if "$build/tests/test_ndjson_jobs" >unit.log 2>&1; then ok; else
    bad "test_ndjson_jobs under ThreadSanitizer"; sed 's/^/  | /' unit.log | head -40; fi
. "$root/tests/cli/jobs.sh"
echo "tsan: jobs.sh: $pass passed, $fail failed"
[ "$fail" -eq 0 ] || status=1
sh "$root/tests/cli/by_rule.sh" "$rl" || status=1
sh "$root/tests/collection/run.sh" "$rl" 5000 || status=1
sh "$root/tests/cli/jobs_memory.sh" "$rl" || status=1
exit $status
