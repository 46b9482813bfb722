#!/bin/sh
# run.sh — every relative link in README.md and docs/ resolves (links.py),
# and links.py finds the broken links of tests/docs/fixtures/ (so this test
# can fail).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root" || exit 1
python3 "$here/links.py" README.md docs || exit 1
out=$(cd "$here/fixtures" && python3 "$here/links.py" page.md other.md)
status=$?
want="page.md:22: missing.md: no such file missing.md
page.md:22: #no-such-heading: no heading #no-such-heading in page.md
page.md:22: other.md#nope: no heading #nope in other.md
page.md:22: #twice-2: no heading #twice-2 in page.md
page.md:24: missing-ref.md: no such file missing-ref.md"
got=$(printf '%s\n' "$out" | grep -v '^docs links:')
if [ "$status" != 1 ] || [ "$got" != "$want" ]; then
    echo "FAIL: links.py on tests/docs/fixtures: exit $status, expected 1, and these broken links:"
    printf '%s\n' "$want" | sed 's/^/  want | /'
    printf '%s\n' "$got" | sed 's/^/  got  | /'
    exit 1
fi
echo "docs links: the checker finds the fixtures' 5 broken links"
