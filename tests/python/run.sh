#!/bin/sh
# tests/python/run.sh BUILD — the Python package's tests (tests/python/test_*.py):
# the binding against the CLI, memory, threads, pip install, and Dask on a
# real cluster (LocalCluster with worker processes; dask-scheduler and
# dask-worker started as commands). Installs the Debian packages it needs.
#
# Runs Debian's interpreter, /usr/bin/python3 (PYTHON=... to choose another
# that sees python3-dask): a pyenv or venv python3 first in PATH does not
# see Debian's dist-packages. A skipped test is a failure here.
set -u
BUILD=${1:-build}
cd "$(dirname "$0")/../.." || exit 1
case $BUILD in /*) ;; *) BUILD="$PWD/$BUILD" ;; esac
PYTHON=${PYTHON:-/usr/bin/python3}
sh tools/ensure-deps.sh python3 python3-dask python3-distributed python3-psutil || exit 1
"$PYTHON" -c 'import dask.bag, distributed' || {
    echo "python-tests: $PYTHON cannot import dask.bag and distributed (Debian python3-dask," \
         "python3-distributed); set PYTHON to an interpreter that can" >&2; exit 1; }
# A sanitizer build of the library (make asan) needs its runtime loaded
# first into the interpreter: preload it. Python's own allocations at exit
# are not leaks of ours (leak checking is off here; the RSS test still
# counts growth, and ASan's quarantine is kept small for it).
asan=$(ldd "$BUILD/libreportlint.so" 2>/dev/null | awk '/libasan/ {print $3}')
if [ -n "$asan" ]; then
    export LD_PRELOAD="$asan${LD_PRELOAD:+ $LD_PRELOAD}"
    export ASAN_OPTIONS="detect_leaks=0:quarantine_size_mb=1:${ASAN_OPTIONS:-}"
    echo "python-tests: sanitizer build, preloading $asan"
fi
log=$(mktemp)
BUILD="$BUILD" REPORTLINT_LIB="$BUILD/libreportlint.so" \
    "$PYTHON" -m unittest discover -s tests/python -p 'test_*.py' -v >"$log" 2>&1
status=$?
cat "$log"
if grep -Eq 'skipped|expected failure' "$log"; then
    echo "python-tests: a test was skipped; every test must run" >&2
    status=1
fi
grep -Eq '^Ran [1-9][0-9]* tests? in' "$log" || { echo "python-tests: no test ran" >&2; status=1; }
rm -f "$log"
[ $status -eq 0 ] && echo "python-tests: all passed" || echo "python-tests: FAILED" >&2
exit $status
