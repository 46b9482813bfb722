/* test_glob.c — glob patterns (rl_glob_match, rl_glob_check): the cases a
 * config file meets, the errors with their columns, and a differential
 * test against glibc's fnmatch(3) — whole paths with FNM_PATHNAME for
 * patterns without `**`, and a naive recursive segment matcher (fnmatch
 * per segment) for patterns with it. */
#include "unit.h"
#include "reportlint_util.h"

#include <fnmatch.h>
#include <stdlib.h>

static void yes(const char *pattern, const char *path)
{
    if (!rl_glob_match(pattern, path)) {
        fprintf(stderr, "  '%s' should match '%s'\n", pattern, path);
        CU_FAIL("glob should match");
    }
}

static void no(const char *pattern, const char *path)
{
    if (rl_glob_match(pattern, path)) {
        fprintf(stderr, "  '%s' should not match '%s'\n", pattern, path);
        CU_FAIL("glob should not match");
    }
}

static void test_star_and_question(void)
{
    yes("samples/provinces/*.json", "samples/provinces/40-nghe-an.json");
    no("samples/provinces/*.json", "samples/provinces/sub/x.json");
    no("samples/provinces/*.json", "samples/national/x.json");
    yes("samples/national/*", "samples/national/2025-09-29.json");
    no("samples/national/*", "samples/national");
    yes("*", "");
    yes("*", "abc");
    no("*", "a/b");
    yes("a*b*c", "aXXbYYc");
    no("a*b*c", "aXXbYY");
    yes("?.json", "x.json");
    no("?.json", "xy.json");
    no("a?b", "a/b");
    yes("?", "đ");        /* one code point, two bytes */
    yes("??", "ấy");
    no("?", "ấy");
    yes("*.json", ".hidden.json"); /* a leading dot is ordinary */
    no("*.json", "x.JSON");        /* case-sensitive */
    yes("a***b", "aXb");           /* stars inside a segment are one star */
    yes("/centres/*", "/centres/3");
    no("/centres/*", "/centres/3/name");
    yes("SVC-*", "SVC-AVG");
    no("SVC-*", "TASKS-SUM");
}

static void test_globstar(void)
{
    yes("**", "");
    yes("**", "a");
    yes("**", "a/b/c");
    yes("**/x.json", "x.json");
    yes("**/x.json", "a/b/x.json");
    no("**/x.json", "a/b/y.json");
    yes("a/**", "a/b");
    yes("a/**", "a/b/c");
    yes("a/**", "a"); /* none included */
    no("a/**", "b/a");
    yes("a/**/b", "a/b");
    yes("a/**/b", "a/x/b");
    yes("a/**/b", "a/x/y/b");
    no("a/**/b", "a/x/y/c");
    yes("a/**/b/**/c", "a/1/b/2/3/c");
    no("a/**/b/**/c", "a/1/c/2/3/b");
    yes("samples/**/*.json", "samples/provinces/40-nghe-an.json");
    yes("samples/**/*.json", "samples/x.json");
    no("samples/**/*.json", "samples/provinces/notes.txt");
    yes("/**", "/centres/3/name");
    yes("/**", "");
    yes("**/**/x", "x");
    yes("a**b/c", "aXXb/c"); /* ** inside a segment is * */
    no("a**b/c", "aX/Yb/c");
}

static void test_sets_and_escapes(void)
{
    yes("[abc].json", "b.json");
    no("[abc].json", "d.json");
    yes("[a-c]x", "bx");
    no("[a-c]x", "dx");
    yes("[!a-c]x", "dx");
    no("[!a-c]x", "ax");
    yes("[^a]", "b");
    yes("[]]", "]");
    yes("[!]]", "a");
    no("[!]]", "]");
    yes("[a-]", "-");
    yes("[à-ỹ]", "đ");
    yes("[\\]]", "]");
    yes("\\*", "*");
    no("\\*", "x");
    yes("\\?", "?");
    yes("a\\[b", "a[b");
    yes("0[1-4]-*.json", "04-cao-bang.json");
    no("0[1-4]-*.json", "08-tuyen-quang.json");
}

static void expect_error(const char *pattern, unsigned column, const char *needle)
{
    rl_error err = {0};
    CU_ASSERT_EQUAL(rl_glob_check(pattern, &err), -1);
    CU_ASSERT_EQUAL(err.column, column);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, needle));
    if (err.column != column || !strstr(err.message, needle))
        fprintf(stderr, "  '%s': column %u '%s'\n", pattern, err.column, err.message);
    CU_ASSERT_EQUAL(rl_glob_match(pattern, pattern), 0);
}

static void test_errors(void)
{
    rl_error err = {0};
    CU_ASSERT_EQUAL(rl_glob_check("samples/**/*.json", &err), 0);
    expect_error("", 1, "empty");
    expect_error("a/[bc", 3, "unclosed '['");
    expect_error("đ[", 2, "unclosed '['");
    expect_error("[a/b]", 3, "cannot match '/'");
    expect_error("[[:digit:]]", 2, "POSIX");
    expect_error("[z-a]", 3, "empty range");
    expect_error("abc\\", 4, "backslash");
    expect_error("a\\/b", 2, "backslash");
    expect_error("a\xff", 1, "UTF-8");
}

/* ---- differential test --------------------------------------------------- */

static unsigned rng_state = 12345;
static unsigned rnd(unsigned n)
{
    rng_state = rng_state * 1103515245u + 12345u;
    return (rng_state >> 16) % n;
}

static void random_pattern(char *out, int globstar)
{
    static const char *const atoms[] = {"a", "b", "/", "*", "?", "[ab]", "[!a]", "\\a", "*", "a"};
    out[0] = '\0';
    unsigned n = 1 + rnd(6);
    for (unsigned i = 0; i < n; i++)
        strcat(out, globstar && rnd(4) == 0 ? "/**/" : atoms[rnd(10)]);
}

static void random_path(char *out)
{
    static const char *const atoms[] = {"a", "b", "/", "ab", "*"};
    out[0] = '\0';
    unsigned n = rnd(7);
    for (unsigned i = 0; i < n; i++)
        strcat(out, atoms[rnd(5)]);
}

static int has_globstar_segment(const char *p)
{
    for (const char *s = p; (s = strstr(s, "**")) != NULL; s++)
        if ((s == p || s[-1] == '/') && (s[2] == '\0' || s[2] == '/'))
            return 1;
    return 0;
}

/* Segments as a NULL-terminated array of malloc'd strings. */
static char **segments(const char *s)
{
    size_t n = 1;
    for (const char *c = s; *c; c++)
        n += *c == '/';
    char **out = calloc(n + 1, sizeof *out);
    const char *from = s;
    for (size_t k = 0; k < n; k++) {
        const char *slash = strchr(from, '/');
        size_t len = slash ? (size_t)(slash - from) : strlen(from);
        out[k] = strndup(from, len);
        from += len + 1;
    }
    return out;
}

static void free_segments(char **s)
{
    for (size_t i = 0; s[i]; i++)
        free(s[i]);
    free(s);
}

static int naive(char **p, char **s)
{
    if (!*p)
        return !*s;
    if (strcmp(*p, "**") == 0)
        return naive(p + 1, s) || (*s && naive(p, s + 1));
    return *s && fnmatch(*p, *s, 0) == 0 && naive(p + 1, s + 1);
}

static void test_against_fnmatch(void)
{
    char pattern[64], path[64];
    unsigned checked = 0, disagree = 0, matched = 0;
    for (int i = 0; i < 40000; i++) {
        int globstar = i % 2;
        random_pattern(pattern, globstar);
        random_path(path);
        int want;
        if (has_globstar_segment(pattern)) {
            char **p = segments(pattern), **s = segments(path);
            want = naive(p, s);
            free_segments(p);
            free_segments(s);
        } else {
            want = fnmatch(pattern, path, FNM_PATHNAME) == 0;
        }
        int got = rl_glob_match(pattern, path);
        checked++;
        matched += (unsigned)want;
        if (got != want && disagree++ < 10)
            fprintf(stderr, "  '%s' vs '%s': got %d, reference %d\n", pattern, path, got, want);
    }
    CU_ASSERT_EQUAL(disagree, 0);
    CU_ASSERT_EQUAL(checked, 40000);
    fprintf(stderr, "glob: %u of %u random cases match\n", matched, checked);
    CU_ASSERT(matched > 2000); /* the sample is not all mismatches */
}

int main(void)
{
    static const unit_test tests[] = {
        {"star and question mark", test_star_and_question},
        {"** across segments", test_globstar},
        {"sets and escapes", test_sets_and_escapes},
        {"invalid patterns with columns", test_errors},
        {"agrees with fnmatch(3)", test_against_fnmatch},
        {NULL, NULL},
    };
    return unit_run("glob", tests);
}
