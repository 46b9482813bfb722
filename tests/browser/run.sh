#!/bin/sh
# run.sh REPORTLINT OUTDIR — the browser tests: install what they need
# (deps.sh), check that Chromium runs, then run.mjs. Never skips: a browser
# that cannot be installed or started fails the run. The screenshot and
# the measured load time land in OUTDIR (build/browser/ under make check).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
rl=$1
out=${2:-$root/build/browser}
fail() { echo "FAIL: $*"; echo "browser tests: 0 passed, 1 failed"; exit 1; }
sh "$here/deps.sh" || fail "the browser tests' dependencies could not be installed"
chromium=$(command -v chromium) || fail "no chromium on PATH"
"$chromium" --headless --no-sandbox --disable-gpu --dump-dom about:blank >/dev/null 2>&1 ||
    fail "chromium does not start headless ($chromium)"
CHROMIUM=$chromium exec node "$here/run.mjs" "$rl" "$root" "$out"
