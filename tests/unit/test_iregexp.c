/* test_iregexp.c — I-Regexp (RFC 9485) to PCRE2: the translation, what the
 * translated patterns match (whole-string and search), and the located
 * rejection of everything I-Regexp forbids. */
#include "unit.h"
#include "iregexp.h"
#include "regex.h"
#include "sbuf.h"

static void check_translation(const char *re, const char *want)
{
    rl_sbuf b = RL_SBUF_INIT;
    rl_error err;
    int ok = rl_iregexp_translate(re, strlen(re), &b, &err);
    CU_ASSERT_TRUE(ok);
    if (!ok || strcmp(rl_sbuf_str(&b), want) != 0) {
        fprintf(stderr, "\n%s\n  got:  %s\n  want: %s\n", re,
                ok ? rl_sbuf_str(&b) : err.message, want);
        CU_FAIL("translation");
    }
    rl_sbuf_free(&b);
}

/* 1/0: does re (whole-string when full) match subject? -1: did not compile. */
static int matches(const char *re, const char *subject, int full)
{
    rl_error err;
    rl_regex *rx = rl_iregexp_compile(re, strlen(re), full ? RL_RE_FULL : 0, NULL, &err);
    if (!rx) {
        fprintf(stderr, "\n%s: %s\n", re, err.message);
        return -1;
    }
    int rc = rl_regex_search(rx, subject, strlen(subject));
    rl_regex_free(rx);
    return rc;
}

static void check_rejected(const char *re, unsigned column, const char *needle)
{
    rl_sbuf b = RL_SBUF_INIT;
    rl_error err;
    memset(&err, 0, sizeof err);
    CU_ASSERT_FALSE(rl_iregexp_translate(re, strlen(re), &b, &err));
    if (err.column != column || !strstr(err.message, needle)) {
        fprintf(stderr, "\n%s\n  got:  column %u: %s\n  want: column %u: ...%s...\n", re,
                err.column, err.message, column, needle);
        CU_FAIL("rejection column and message");
    }
    rl_sbuf_free(&b);
}

static void test_translation(void)
{
    check_translation("a.b", "a[^\\n\\r]b");
    check_translation("^a$", "\\^a\\$");
    check_translation("(a|b)*c+d?", "(?:a|b)*c+d?");
    check_translation("x{2}y{2,}z{2,3}", "x{2}y{2,}z{2,3}");
    check_translation("[a-z0-9_]", "[a-z0-9\\_]");
    check_translation("[^.^-]", "[^\\.\\^\\-]");
    check_translation("[-a]", "[\\-a]");
    check_translation("\\p{Lu}\\P{Nd}[\\p{L}\\-]", "\\p{Lu}\\P{Nd}[\\p{L}\\-]");
    check_translation("\\n\\r\\t\\.\\\\\\[\\]\\{\\}\\(\\)\\|\\^\\-\\?\\*\\+",
                      "\\x{a}\\x{d}\\x{9}\\.\\\\\\[\\]\\{\\}\\(\\)\\|\\^\\-\\?\\*\\+");
    check_translation("a-b, c/d#e", "a\\-b\\,\\ c\\/d\\#e");
    check_translation("\xc3\xa9\xe2\x80\xa8", "\xc3\xa9\xe2\x80\xa8");
    check_translation("", "");
    check_translation("()|", "(?:)|");
}

static void test_matching(void)
{
    CU_ASSERT_EQUAL(matches("a.c", "abc", 1), 1);
    CU_ASSERT_EQUAL(matches("a.c", "a\nc", 1), 0);
    CU_ASSERT_EQUAL(matches("a.c", "a\rc", 1), 0);
    CU_ASSERT_EQUAL(matches("a.c", "a\xe2\x80\xa8" "c", 1), 1); /* U+2028 */
    CU_ASSERT_EQUAL(matches("a.c", "a\xf0\x9f\x98\x80" "c", 1), 1); /* one code point */
    CU_ASSERT_EQUAL(matches("[^x]", "\n", 1), 1);
    CU_ASSERT_EQUAL(matches("ab", "xaby", 1), 0);
    CU_ASSERT_EQUAL(matches("ab", "xaby", 0), 1);
    CU_ASSERT_EQUAL(matches("a|bc", "bc", 1), 1);
    CU_ASSERT_EQUAL(matches("a|bc", "abc", 1), 0);
    CU_ASSERT_EQUAL(matches("^ab", "ab", 1), 0);
    CU_ASSERT_EQUAL(matches("^ab", "^ab", 1), 1);
    CU_ASSERT_EQUAL(matches("x$", "ax$", 0), 1);
    CU_ASSERT_EQUAL(matches("x$", "ax", 0), 0);
    CU_ASSERT_EQUAL(matches("\\p{Lu}+", "\xc3\x89T\xc3\x89", 1), 1);
    CU_ASSERT_EQUAL(matches("\\p{Lu}+", "\xc3\xa9t\xc3\xa9", 1), 0);
    CU_ASSERT_EQUAL(matches("\\P{L}", "\xe2\x82\xab", 1), 1); /* the dong sign is Sc */
    CU_ASSERT_EQUAL(matches("\\p{Sc}", "\xe2\x82\xab", 1), 1);
    CU_ASSERT_EQUAL(matches("[0-9]{3}/[0-9]{4}/N\\.?D-CP", "118/2025/ND-CP", 1), 1);
    CU_ASSERT_EQUAL(matches("[a-c]+", "abcd", 1), 0);
    CU_ASSERT_EQUAL(matches("a{2,3}", "aaaa", 1), 0);
    CU_ASSERT_EQUAL(matches("a{2,}", "aaaa", 1), 1);
}

static void test_rejections(void)
{
    check_rejected("\\d", 1, "'\\d' is not an I-Regexp escape");
    check_rejected("a\\w", 2, "'\\w'");
    check_rejected("\\b", 1, "'\\b'");
    check_rejected("a\\", 2, "trailing backslash");
    check_rejected("*a", 1, "does not follow something to repeat");
    check_rejected("a**", 3, "does not follow");
    check_rejected("a*?", 3, "does not follow");
    check_rejected("(?:a)", 2, "does not follow");
    check_rejected("a|*", 3, "does not follow");
    check_rejected("(a", 3, "missing ')'");
    check_rejected("a)", 2, "unmatched ')'");
    check_rejected("a]", 2, "must be escaped");
    check_rejected("a}", 2, "must be escaped");
    check_rejected("[]", 2, "empty character class");
    check_rejected("[^]", 3, "empty character class");
    check_rejected("[ab", 1, "unterminated character class");
    check_rejected("[[]", 2, "'[' must be escaped in a character class");
    check_rejected("[--a]", 3, "'-' must be escaped");
    check_rejected("[a-c-e]", 5, "'-' must be escaped");
    check_rejected("[z-a]", 2, "range out of order");
    check_rejected("[a-\\p{L}]", 4, "cannot bound a range");
    check_rejected("\\p{Xx}", 1, "unknown Unicode category");
    check_rejected("\\p{IsBasicLatin}", 1, "unknown Unicode category");
    check_rejected("\\p{Lu", 1, "unknown Unicode category");
    check_rejected("\\pL", 1, "expected '{'");
    check_rejected("a{,2}", 3, "expected a number");
    check_rejected("a{2", 4, "expected '}'");
    check_rejected("a{3,2}", 2, "out of order");
    check_rejected("a{70000}", 2, "repeat count");
    check_rejected("\xc3\xa9\xc3\xa9(", 4, "missing ')'");
    check_rejected("a\xff", 2, "invalid UTF-8");
}

static void test_limits(void)
{
    const char *re = "(a|aa)*c";
    char subject[64];
    memset(subject, 'a', 40);
    strcpy(subject + 40, "bc");
    rl_regex_limits lim = {1000, 0};
    rl_error err;
    rl_regex *rx = rl_iregexp_compile(re, strlen(re), 0, &lim, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rx);
    CU_ASSERT_EQUAL(rl_regex_search(rx, subject, strlen(subject)), RL_REGEX_LIMIT);
    CU_ASSERT_EQUAL(rl_regex_search(rx, "aac", 3), RL_REGEX_MATCH);
    rl_regex_free(rx);
}

int main(void)
{
    static const unit_test tests[] = {
        {"translation", test_translation},
        {"matching", test_matching},
        {"rejections", test_rejections},
        {"match limits", test_limits},
        {NULL, NULL}};
    return unit_run("iregexp", tests);
}
