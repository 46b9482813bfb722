#!/bin/sh
# run.sh MAKE BUILD [SANITIZE] — make install into a temporary DESTDIR and use what was
# installed, away from the source tree: the binary with its bundled rules,
# the man pages and completion, and the library through pkg-config (a tiny
# C program linked statically and against the shared library); then make
# uninstall must leave nothing behind. SANITIZE: the sanitizer flags the
# library was built with (make asan), which the test programs need too.
make=$1
build=$2
sanitize=${3:-}
src=$(pwd)
. "$(dirname "$0")/../lib.sh"

dest=$tmp/dest
prefix=/usr/local
check "make install" $make --no-print-directory BUILD="$build" PREFIX=$prefix DESTDIR="$dest" install
root=$dest$prefix
for f in bin/reportlint lib/libreportlint.a lib/libreportlint.so.0.1.0 include/reportlint.h \
         lib/pkgconfig/reportlint.pc share/reportlint/rules/two-level-government.json \
         share/reportlint/rules/ref/provinces.json \
         share/reportlint/schemas/config.schema.json share/reportlint/schemas/output.schema.json \
         share/man/man1/reportlint.1 share/man/man5/reportlint-rules.5 \
         share/bash-completion/completions/reportlint; do
    if [ -f "$root/$f" ] && [ ! -L "$root/$f" ]; then ok; else bad "not installed: $f"; fi
done
# the soname chain: .so -> .so.0 -> .so.0.1.0 (the real file)
[ "$(readlink "$root/lib/libreportlint.so")" = libreportlint.so.0 ] && ok || bad "libreportlint.so is not a link to .so.0"
[ "$(readlink "$root/lib/libreportlint.so.0")" = libreportlint.so.0.1.0 ] && ok || bad "libreportlint.so.0 is not a link to .so.0.1.0"
if readelf -d "$root/lib/libreportlint.so.0.1.0" | grep -q 'SONAME.*\[libreportlint.so.0\]'; then ok; else bad "soname is not libreportlint.so.0"; fi
if grep -q "^prefix=$prefix\$" "$root/lib/pkgconfig/reportlint.pc"; then ok; else bad "reportlint.pc does not name the prefix"; fi

# the installed binary, away from the source tree, finds its bundled rules
mkdir -p "$tmp/work"
cp "$src/samples/national/2025-09-29.json" "$tmp/work/report.json"
cd "$tmp/work"
env -u REPORTLINT_RULES "$root/bin/reportlint" --fail-on warning report.json >"$tmp/out" 2>&1
status=$?
if [ $status = 1 ] && grep -q 'report.json:52:29: warning \[SVC-AVG\]' "$tmp/out"; then ok; else
    bad "installed binary on a sample (exit $status)"; sed 's/^/  | /' "$tmp/out" | head; fi
env -u REPORTLINT_RULES "$root/bin/reportlint" rules check >"$tmp/log" 2>&1
if grep -q "^$root/share/reportlint/rules/two-level-government.json: ok" "$tmp/log"; then ok; else
    bad "rules not read from the installed share/reportlint"; sed 's/^/  | /' "$tmp/log" | head -5; fi

# man pages render without warnings
for page in man1/reportlint.1 man5/reportlint-rules.5; do
    if out=$(groff -man -Tutf8 -ww -z "$root/share/man/$page" 2>&1) && [ -z "$out" ]; then ok; else
        bad "groff warns about $page: $out"; fi
done

# the library through pkg-config, from the DESTDIR (sysroot)
cat >"$tmp/work/use.c" <<'C'
#include <reportlint.h>
#include <stdio.h>
#include <string.h>
int main(int argc, char **argv)
{
    rl_rules *rules = rl_rules_new();
    if (argc < 3 || rl_rules_load_path(rules, argv[1]) != 0)
        return 2;
    rl_result *res = rl_result_new();
    rl_check_file(rules, NULL, argv[2], res);
    char fp[RL_FINGERPRINT_SIZE] = "";
    for (size_t i = 0; i < rl_result_count(res); i++) {
        const rl_violation *v = rl_result_violation(res, i);
        rl_violation_fingerprint(v, fp);
        printf("%s:%u:%u [%s] %s\n", v->file, v->line, v->column, v->rule, fp);
    }
    int api = rl_version_num() == RL_VERSION_NUM;
    printf("%s %zu violation(s), api %d\n", RL_VERSION, rl_result_count(res), api);
    rl_result_free(res);
    rl_rules_free(rules);
    return 0;
}
C
export PKG_CONFIG_PATH="$root/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$dest"
cc="${CC:-cc} $sanitize"
check "pkg-config knows reportlint" pkg-config --exact-version=0.1.0 reportlint
cflags=$(pkg-config --cflags reportlint)
check "compile against the shared library" \
    $cc -std=c11 -Wall -Wextra -Werror $cflags -o shared use.c $(pkg-config --libs reportlint)
check "compile against the static library" \
    $cc -std=c11 -Wall -Wextra -Werror $cflags -o static use.c \
    $(pkg-config --static --libs reportlint | sed 's/-lreportlint/-l:libreportlint.a/')
rules="$root/share/reportlint/rules"
if LD_LIBRARY_PATH="$root/lib" ./shared "$rules" report.json >"$tmp/out" 2>&1 &&
   grep -q '^0.1.0 1 violation(s), api 1$' "$tmp/out" && grep -q 'report.json:52:29 \[SVC-AVG\] [0-9a-f]\{16\}$' "$tmp/out"; then ok; else
    bad "shared program"; sed 's/^/  | /' "$tmp/out" | head; fi
if readelf -d shared | grep -q 'NEEDED.*libreportlint.so.0'; then ok; else bad "shared program does not need libreportlint.so.0"; fi
if ./static "$rules" report.json >"$tmp/out2" 2>&1 && cmp -s "$tmp/out" "$tmp/out2"; then ok; else
    bad "static program differs"; sed 's/^/  | /' "$tmp/out2" | head; fi
if readelf -d static | grep -q 'libreportlint'; then bad "static program needs libreportlint.so"; else ok; fi
unset PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR
cd "$src"

# Only the public API is exported: the global symbols the installed static
# and shared libraries define are exactly the functions declared RL_API in
# the installed reportlint.h (names with a leading underscore, which the
# compiler and sanitizer runtimes add, aside). The build's internal archive
# still has its internal symbols: the listing is not vacuous.
public=$(sed -n 's/^RL_API[^(]*[^a-zA-Z0-9_]\(rl_[a-zA-Z0-9_]*\)(.*/\1/p' "$root/include/reportlint.h" | sort)
defined() { awk 'NF == 3 && $3 !~ /^_/ {print $3}' | sort -u; }
static_syms=$(nm -g --defined-only "$root/lib/libreportlint.a" 2>/dev/null | defined)
shared_syms=$(nm -D --defined-only "$root/lib/libreportlint.so.0.1.0" | defined)
printf "%s\n" "$public" >"$tmp/public"
if [ "$(wc -l <"$tmp/public")" -gt 50 ]; then ok; else bad "no public functions found in reportlint.h"; fi
for lib in static shared; do
    eval "syms=\$${lib}_syms"
    extra=$(printf '%s\n' "$syms" | comm -23 - "$tmp/public")
    missing=$(printf '%s\n' "$syms" | comm -13 - "$tmp/public")
    if [ -z "$extra" ]; then ok; else bad "the $lib library exports non-public symbols: $(echo $extra | head -c 300)"; fi
    if [ -z "$missing" ]; then ok; else bad "the $lib library lacks public functions: $(echo $missing | head -c 300)"; fi
done
if nm -g --defined-only "$build/libreportlint_all.a" 2>/dev/null | grep -q ' T rl_array_grow$'; then ok; else
    bad "the internal archive $build/libreportlint_all.a does not list rl_array_grow"; fi

# uninstall removes everything it installed
check "make uninstall" $make --no-print-directory BUILD="$build" PREFIX=$prefix DESTDIR="$dest" uninstall
left=$(find "$dest" -type f -o -type l)
if [ -z "$left" ]; then ok; else bad "left after uninstall: $left"; fi

# RL_DATADIR follows PREFIX: a binary built for PREFIX finds PREFIX's rules
# even when moved away from it (no <exe>/../share/reportlint to fall back on)
pre=$tmp/prefix
check "build and install with PREFIX=$pre" $make --no-print-directory BUILD="$tmp/build" \
    OPT=-O0 PREFIX="$pre" install
mkdir -p "$tmp/elsewhere"
cp "$pre/bin/reportlint" "$tmp/elsewhere/"
(cd "$tmp/work" && env -u REPORTLINT_RULES "$tmp/elsewhere/reportlint" rules check >"$tmp/out" 2>&1)
if grep -q "$pre/share/reportlint/rules" "$tmp/out"; then ok; else
    bad "moved binary did not find PREFIX/share/reportlint"; sed 's/^/  | /' "$tmp/out" | head -5; fi

echo "install tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
