#!/bin/sh
# run-unit.sh BUILD — run every CUnit program in BUILD/tests; fail if any fails.
build=${1:-build}
failed=0
n=0
for t in "$build"/tests/test_*; do
    [ -x "$t" ] || continue
    n=$((n + 1))
    if ! out=$("$t" 2>&1); then
        echo "$out"
        echo "FAIL: $t"
        failed=$((failed + 1))
    else
        echo "$out" | grep -E '^ *(tests|asserts) ' | sed "s|^|$(basename "$t"): |"
    fi
done
[ "$n" -gt 0 ] || { echo "run-unit: no unit test programs in $build/tests"; exit 1; }
[ "$failed" -eq 0 ] || { echo "run-unit: $failed of $n unit programs failed"; exit 1; }
echo "unit: $n programs passed"
