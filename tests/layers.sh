#!/bin/sh
# layers.sh — tools/check-layers.py passes on the tree and fails on an
# include against the layer order (a base module including output.h, the
# command including an internal header, a file in no layer) and, given the
# library's object directory (OBJDIR, default build/obj), on a call up.
root=$(cd "$(dirname "$0")/.." && pwd)
objdir=$(cd "${1:-$root/build/obj}" && pwd)
. "$root/tests/lib.sh"

check "the tree follows the layer order" python3 "$root/tools/check-layers.py" "$root" "$objdir"
# a call up: utf8.o (base) calling rl_result_sort (check), declared locally
rm -rf "$tmp/obj" && cp -r "$objdir" "$tmp/obj"
printf 'void rl_result_sort(void);\nvoid rl_utf8_up(void) { rl_result_sort(); }\n' >"$tmp/up.c"
cc -c "$tmp/up.c" -o "$tmp/obj/utf8.o"
expect 1 "a base module calling up into the check layer is refused" -- \
    python3 "$root/tools/check-layers.py" "$root" "$tmp/obj"
contains "$tmp/out" "utf8.c (base) calls rl_result_sort, defined in result.c (check" "the call is named"
for bad in "engine/src/arena.c:output.h" "engine/src/kind_sum.c:check.h" "engine/cli/main.c:json.h"; do
    file=${bad%%:*}
    inc=${bad#*:}
    rm -rf "$tmp/t" && mkdir -p "$tmp/t/engine" && cp -r "$root/engine/src" "$root/engine/cli" "$tmp/t/engine/"
    printf '#include "%s"\n' "$inc" >>"$tmp/t/$file"
    expect 1 "$file including $inc is refused" -- python3 "$root/tools/check-layers.py" "$tmp/t"
    contains "$tmp/out" "$file" "the offending file is named"
done
rm -rf "$tmp/t" && mkdir -p "$tmp/t/engine" && cp -r "$root/engine/src" "$root/engine/cli" "$tmp/t/engine/"
: >"$tmp/t/engine/src/newmodule.c"
expect 1 "a file in no layer is refused" -- python3 "$root/tools/check-layers.py" "$tmp/t"
contains "$tmp/out" "newmodule.c: in no layer" "says so"

echo "layers: $pass passed, $fail failed"
[ "$fail" = 0 ]
