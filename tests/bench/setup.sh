#!/bin/sh
# setup.sh — what `make bench` needs besides reportlint: jq, node and npm
# (Debian packages, installed when missing), and ajv, installed with npm
# into DIR/node (never globally). When the npm registry cannot be reached
# the bench still runs and says loudly that the ajv column is skipped.
# Usage: tests/bench/setup.sh DIR
set -u
dir=${1:?usage: setup.sh DIR}
here=$(dirname "$0")
sh "$here/../../tools/ensure-deps.sh" jq nodejs npm || {
    echo "bench: could not install jq, nodejs and npm; the bench needs jq (ajv needs node)" >&2
    exit 1
}
[ -d "$dir/node/node_modules/ajv" ] && exit 0
mkdir -p "$dir/node"
echo "bench: npm install ajv@8 into $dir/node"
if ! (cd "$dir/node" && timeout 300 npm install --no-audit --no-fund --loglevel=error ajv@8 >npm.log 2>&1); then
    echo "bench: *** npm install ajv failed (is the npm registry reachable?); the ajv column will be SKIPPED ***" >&2
    tail -n 5 "$dir/node/npm.log" >&2
fi
exit 0
