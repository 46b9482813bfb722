#!/bin/sh
# setup.sh — what `make bench` needs besides reportlint: jq, node and npm
# (Debian packages, installed when missing), and ajv, installed with npm
# into DIR/node (never globally). When the npm registry cannot be reached
# the bench still runs and says loudly that the ajv column is skipped.
# Usage: tests/bench/setup.sh DIR
set -u
dir=${1:?usage: setup.sh DIR}
here=$(dirname "$0")
# Debian packages only for the commands that are missing (node may come
# from elsewhere, with its own npm).
command -v jq >/dev/null 2>&1 || sh "$here/../../tools/ensure-deps.sh" jq || {
    echo "bench: could not install jq, which the bench needs" >&2
    exit 1
}
pkgs=""
command -v node >/dev/null 2>&1 || pkgs="nodejs"
command -v npm >/dev/null 2>&1 || pkgs="$pkgs npm"
if [ -n "$pkgs" ] && ! sh "$here/../../tools/ensure-deps.sh" $pkgs; then
    echo "bench: *** could not install$pkgs; the ajv column will be SKIPPED ***" >&2
    exit 0
fi
[ -d "$dir/node/node_modules/ajv" ] && exit 0
mkdir -p "$dir/node"
echo "bench: npm install ajv@8 into $dir/node"
if ! (cd "$dir/node" && timeout 300 npm install --no-audit --no-fund --loglevel=error ajv@8 >npm.log 2>&1); then
    echo "bench: *** npm install ajv failed (is the npm registry reachable?); the ajv column will be SKIPPED ***" >&2
    tail -n 5 "$dir/node/npm.log" >&2
fi
exit 0
