# lib.sh — the shell tests' common harness, sourced by tests/cli/*.sh,
# tests/integrations/run.sh and tests/install/run.sh. It gives them a
# scratch directory $tmp (removed on exit, read-only parts included),
# pass/fail counting (ok, bad) and checks on a command's exit status and
# output (expect, contains, lacks, check). Messages are English whatever
# the caller's locale; tests of --lang set their own.
set -u
unset LC_ALL LC_MESSAGES
LANG=C.UTF-8
export LANG
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# expect STATUS DESCRIPTION -- command...   (output in $tmp/out, $tmp/err)
expect() {
    want=$1; what=$2; shift 3
    "$@" >"$tmp/out" 2>"$tmp/err"
    got=$?
    if [ "$got" = "$want" ]; then ok; else
        bad "$what: exit $got, expected $want"; sed 's/^/  | /' "$tmp/err" "$tmp/out" | head -20
    fi
}
contains() { # FILE TEXT DESCRIPTION
    if grep -qF -- "$2" "$1"; then ok; else bad "$3: '$2' not in $(basename "$1")"; sed 's/^/  | /' "$1" | head -20; fi
}
lacks() { # FILE TEXT DESCRIPTION
    if grep -qF -- "$2" "$1"; then bad "$3: '$2' unexpectedly in $(basename "$1")"; else ok; fi
}
# check DESCRIPTION command...: the command must succeed
check() {
    what=$1; shift
    if "$@" >"$tmp/log" 2>&1; then ok; else bad "$what"; sed 's/^/  | /' "$tmp/log" | head -20; fi
}
