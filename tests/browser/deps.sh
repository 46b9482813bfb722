#!/bin/sh
# deps.sh — install what the browser tests need, when missing: Debian's
# chromium (and nodejs/npm when there is no node), then the npm packages
# of package-lock.json (puppeteer-core, axe-core) into node_modules/,
# again whenever the lock file changes. Run by run.sh and by .ci/run.
# Exits non-zero, saying what failed, when it cannot.
set -u
here=$(cd "$(dirname "$0")" && pwd)
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
apt_install() {
    echo "browser tests: installing $*"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y "$@" >/dev/null 2>&1 && return 0
    $SUDO apt-get -o DPkg::Lock::Timeout=600 update >/dev/null 2>&1
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y "$@"
}
command -v chromium >/dev/null 2>&1 || apt_install chromium ||
    { echo "browser tests: could not install chromium" >&2; exit 1; }
# node and npm: Debian's, unless some node is there already (its own npm with it)
command -v npm >/dev/null 2>&1 || apt_install nodejs npm ||
    { echo "browser tests: could not install nodejs and npm" >&2; exit 1; }
stamp=$here/node_modules/.reportlint-lock
if ! cmp -s "$here/package-lock.json" "$stamp" 2>/dev/null; then
    echo "browser tests: npm ci (puppeteer-core, axe-core)"
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) ||
        { echo "browser tests: npm ci failed in $here" >&2; exit 1; }
    cp "$here/package-lock.json" "$stamp"
fi
