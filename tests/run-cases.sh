#!/bin/sh
# run-cases.sh REPORTLINT [DIR] — the golden cases under DIR (default tests/cases/).
#
# Each case is a directory holding:
#   cmd            the arguments after `reportlint` (shell words), run in the case directory
#   expected.out   the exact standard output
#   expected.exit  the exit status
#   expected.err   the exact standard error (without it, stderr must be empty)
#   stdin          (optional) fed to standard input
# and whatever rule sets and reports cmd names. UPDATE=1 rewrites the
# expected files from the current output (review the diff before committing).
# VALGRIND="valgrind ..." runs every case under valgrind.
set -u
# Messages are in English whatever the caller's locale (--lang cases set their own).
unset LC_ALL LC_MESSAGES
LANG=C.UTF-8
export LANG
rl=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
failed=""
cases=${2:-$here/cases}
# Cases share files through symbolic links to their neighbours (and
# refdata-config's configuration names ../refdata-file/): the cases
# directory is the tree they may read (docs/security.md).
REPORTLINT_ALLOW_OUTSIDE=$(cd "$cases" && pwd)
export REPORTLINT_ALLOW_OUTSIDE
for dir in "$cases"/*/; do
    name=$(basename "$dir")
    [ -f "$dir/cmd" ] || { echo "case $name: no cmd file"; fail=$((fail + 1)); continue; }
    input=/dev/null
    [ -f "$dir/stdin" ] && input="$dir/stdin"
    (cd "$dir" && eval "${VALGRIND:-} \"\$rl\" $(cat cmd)" <"$input" >"$tmp/out" 2>"$tmp/err")
    status=$?
    if [ "${UPDATE:-}" = 1 ]; then
        cp "$tmp/out" "$dir/expected.out"
        echo "$status" >"$dir/expected.exit"
        if [ -s "$tmp/err" ]; then cp "$tmp/err" "$dir/expected.err"; else rm -f "$dir/expected.err"; fi
        continue
    fi
    ok=1
    want=$(cat "$dir/expected.exit" 2>/dev/null || echo missing)
    if [ "$status" != "$want" ]; then
        echo "case $name: exit $status, expected $want"; ok=0
    fi
    if ! diff -u "$dir/expected.out" "$tmp/out" >"$tmp/diff" 2>&1; then
        echo "case $name: stdout differs:"; cat "$tmp/diff"; ok=0
    fi
    # Without expected.err, standard error must be empty: a stray warning fails.
    want_err=/dev/null
    [ -f "$dir/expected.err" ] && want_err="$dir/expected.err"
    if ! diff -u "$want_err" "$tmp/err" >"$tmp/diff" 2>&1; then
        echo "case $name: stderr differs:"; cat "$tmp/diff"; ok=0
    fi
    if [ -n "${VALGRIND:-}" ] && grep -q '^==[0-9]*==' "$tmp/err"; then
        echo "case $name: valgrind reported:"; cat "$tmp/err"; ok=0
    fi
    if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); failed="$failed $name"; fi
done
[ "${UPDATE:-}" = 1 ] && { echo "cases: expected files updated"; exit 0; }
total=$((pass + fail))
[ "$total" -gt 0 ] || { echo "cases: none found"; exit 1; }
echo "golden cases: $pass/$total passed"
[ "$fail" -eq 0 ] || { echo "failed:$failed"; exit 1; }
