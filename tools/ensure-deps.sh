#!/bin/sh
# ensure-deps.sh — install the build dependencies reportlint needs when they
# are missing: libpcre2-dev, libcjson-dev, libcunit1-dev (and a C compiler).
# Usage: tools/ensure-deps.sh [extra Debian packages...]
# Prints what it does; exits non-zero with a clear message when it cannot.
set -u
CC=${CC:-cc}

have_header() { # $1: a line of C that must compile
    printf '%s\n' "$1" | "$CC" -fsyntax-only -x c - >/dev/null 2>&1
}

missing=""
command -v "$CC" >/dev/null 2>&1 || missing="$missing gcc"
command -v make >/dev/null 2>&1 || missing="$missing make"
if command -v "$CC" >/dev/null 2>&1; then
    have_header '#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>' || missing="$missing libpcre2-dev"
    have_header '#include <cjson/cJSON.h>' || missing="$missing libcjson-dev"
    have_header '#include <CUnit/CUnit.h>' || missing="$missing libcunit1-dev"
fi
for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
done

[ -z "$missing" ] && exit 0

echo "reportlint: installing missing build dependencies:$missing"
if ! command -v apt-get >/dev/null 2>&1; then
    echo "reportlint: apt-get is not available; install these packages yourself:$missing" >&2
    exit 1
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "reportlint: need root to install:$missing (run as root, or install them yourself)" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends $missing >/dev/null 2>&1; then
    $SUDO apt-get update >/dev/null 2>&1 || true
    if ! $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends $missing; then
        echo "reportlint: could not install:$missing — install them and run make again" >&2
        exit 1
    fi
fi
echo "reportlint: dependencies installed"
