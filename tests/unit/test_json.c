/* test_json.c — the JSON reader: values, exact numbers, decimals, positions,
 * pointers, equality, located errors, and hinted member lookups. */
#include "unit.h"
#include "deadline.h"
#include "json.h"
#include "sbuf.h"

#include <math.h>
#include <stdlib.h>

static rl_jdoc *parse(const char *s)
{
    rl_error err;
    memset(&err, 0, sizeof err);
    rl_jdoc *d = rl_json_parse(s, strlen(s), NULL, &err);
    if (!d)
        fprintf(stderr, "parse failed: %u:%u %s\n", err.line, err.column, err.message);
    return d;
}

static void expect_error(const char *s, unsigned line, unsigned col, const char *needle)
{
    rl_error err;
    memset(&err, 0, sizeof err);
    rl_jdoc *d = rl_json_parse(s, strlen(s), NULL, &err);
    CU_ASSERT_PTR_NULL(d);
    rl_jdoc_free(d);
    CU_ASSERT_EQUAL(err.line, line);
    CU_ASSERT_EQUAL(err.column, col);
    if (!strstr(err.message, needle)) {
        fprintf(stderr, "message '%s' lacks '%s'\n", err.message, needle);
        CU_FAIL("message");
    }
}

static void test_scalars(void)
{
    rl_jdoc *d = parse(" {\"a\": [1, -2, true, false, null, \"x\\ny\"]} ");
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    const rl_jnode *a = rl_json_gets(d->root, "a");
    CU_ASSERT_EQUAL(rl_json_size(a), 6);
    CU_ASSERT_EQUAL(rl_jn_int(rl_json_at(a, 1)), -2);
    CU_ASSERT_EQUAL(rl_jn_type(rl_json_at(a, 2)), RL_JTRUE);
    CU_ASSERT_EQUAL(rl_jn_type(rl_json_at(a, 4)), RL_JNULL);
    const rl_jnode *s = rl_json_at(a, 5);
    CU_ASSERT_EQUAL(rl_jn_str_len(s), 3);
    CU_ASSERT_STRING_EQUAL(rl_jn_str(s), "x\ny");
    rl_jdoc_free(d);
}

static void test_exact_int64(void)
{
    rl_jdoc *d = parse("[9007199254740993, 9223372036854775807, -9223372036854775808, "
                       "9223372036854775808, 1.0]");
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    CU_ASSERT_TRUE(rl_json_is_int(rl_json_at(d->root, 0)));
    CU_ASSERT_EQUAL(rl_jn_int(rl_json_at(d->root, 0)), 9007199254740993LL);
    CU_ASSERT_EQUAL(rl_jn_int(rl_json_at(d->root, 1)), INT64_MAX);
    CU_ASSERT_EQUAL(rl_jn_int(rl_json_at(d->root, 2)), INT64_MIN);
    CU_ASSERT_FALSE(rl_json_is_int(rl_json_at(d->root, 3)));
    CU_ASSERT(rl_jn_flags(rl_json_at(d->root, 3)) & RL_JNUM_BIGINT);
    CU_ASSERT_FALSE(rl_json_is_int(rl_json_at(d->root, 4)));
    rl_sbuf b = RL_SBUF_INIT;
    rl_json_write(&b, d, rl_json_at(d->root, 0));
    ASSERT_STR_EQ(rl_sbuf_str(&b), "9007199254740993");
    rl_sbuf_free(&b);
    rl_jdoc_free(d);
}

static void test_decimals(void)
{
    rl_jdoc *d = parse("[95, 95.0, 94.74, 1e3, 1.25e1, 0.001]");
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    int want[] = {0, 1, 2, -3, 1, 3};
    for (int i = 0; i < 6; i++)
        CU_ASSERT_EQUAL(rl_jn_decimals(rl_json_at(d->root, (size_t)i)), want[i]);
    CU_ASSERT_DOUBLE_EQUAL(rl_jn_double(rl_json_at(d->root, 2)), 94.74, 1e-12);
    CU_ASSERT_EQUAL(rl_jn_double(rl_json_at(d->root, 4)), 12.5);
    CU_ASSERT_EQUAL(rl_jn_double(rl_json_at(d->root, 5)), 0.001);
    rl_jdoc_free(d);
}

static void test_doubles_round_trip(void)
{
    const char *nums[] = {"0.1", "2.2250738585072014e-308", "1.7976931348623157e308",
                          "123456789012345678901234567890", "3.141592653589793238462643",
                          "-0.0000000000000000000001234", "5e-324"};
    for (size_t i = 0; i < sizeof nums / sizeof *nums; i++) {
        rl_jdoc *d = parse(nums[i]);
        CU_ASSERT_PTR_NOT_NULL_FATAL(d);
        CU_ASSERT_EQUAL(rl_jn_double(d->root), strtod(nums[i], NULL));
        rl_jdoc_free(d);
    }
}

static void test_positions_code_points(void)
{
    /* line 2: two spaces, "đ" is one code point, then the value */
    rl_jdoc *d = parse("{\n  \"đ\": 5, \"b\": [1,\n\t2]}");
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    unsigned line, col;
    rl_jdoc_locate(d, rl_jn_offset(rl_json_gets(d->root, "đ")), &line, &col);
    CU_ASSERT_EQUAL(line, 2);
    CU_ASSERT_EQUAL(col, 8);
    rl_jdoc_locate(d, rl_jn_offset(rl_json_at(rl_json_gets(d->root, "b"), 1)), &line, &col);
    CU_ASSERT_EQUAL(line, 3);
    CU_ASSERT_EQUAL(col, 2);
    rl_jdoc_free(d);
}

static void test_bom_skipped(void)
{
    rl_jdoc *d = parse("\xEF\xBB\xBF{\"a\": 1}");
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    unsigned line, col;
    rl_jdoc_locate(d, rl_jn_offset(rl_json_gets(d->root, "a")), &line, &col);
    CU_ASSERT_EQUAL(line, 1);
    CU_ASSERT_EQUAL(col, 7);
    rl_jdoc_free(d);
}

static void test_pointer(void)
{
    rl_jdoc *d = parse("{\"a/b\": {\"c~d\": [0, {\"e\": 1}]}}");
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    const rl_jnode *n = rl_json_gets(rl_json_at(rl_json_gets(rl_json_gets(d->root, "a/b"), "c~d"), 1), "e");
    rl_sbuf b = RL_SBUF_INIT;
    rl_json_pointer(n, &b);
    ASSERT_STR_EQ(rl_sbuf_str(&b), "/a~1b/c~0d/1/e");
    rl_sbuf_free(&b);
    rl_jdoc_free(d);
}

static void test_equality(void)
{
    rl_jdoc *a = parse("{\"x\": [1, 2.0, {\"k\": null}], \"y\": \"s\"}");
    rl_jdoc *b = parse("{\"y\": \"s\", \"x\": [1.0, 2, {\"k\": null}]}");
    rl_jdoc *c = parse("[9007199254740993, 9007199254740992.0]");
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    CU_ASSERT_TRUE(rl_json_equal(a->root, b->root));
    CU_ASSERT_FALSE(rl_json_equal(rl_json_at(c->root, 0), rl_json_at(c->root, 1)));
    rl_jdoc_free(a);
    rl_jdoc_free(b);
    rl_jdoc_free(c);
}

static void test_errors_located(void)
{
    expect_error("{\"a\": 1,}", 1, 9, "member name");
    expect_error("[1,\n 2,\n 03]", 3, 2, "leading zero");
    expect_error("[1 2]", 1, 4, "','");
    expect_error("", 1, 1, "empty");
    expect_error("{\"a\": \"\xff\"}", 1, 8, "UTF-8");
    expect_error("[\"a\tb\"]", 1, 4, "control character");
    expect_error("[\"\\ud800\"]", 1, 3, "surrogate");
    expect_error("[1] x", 1, 5, "after the JSON value");
    expect_error("[NaN]", 1, 2, "JSON value");
    expect_error("[1.]", 1, 4, "digit");
    expect_error("// c\n{}", 1, 1, "JSON value");
    expect_error("[0,\n -1e+9999]", 2, 2, "out of range"); /* never -infinity */
    expect_error("[1e400]", 1, 2, "out of range");
}

static void test_depth_limit(void)
{
    size_t n = 100000;
    char *s = malloc(n + 1);
    memset(s, '[', n);
    s[n] = '\0';
    rl_error err;
    memset(&err, 0, sizeof err);
    rl_jdoc *d = rl_json_parse(s, n, NULL, &err);
    CU_ASSERT_PTR_NULL(d);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "nesting deeper than 1000"));
    CU_ASSERT_EQUAL(err.column, 1001);
    rl_json_limits lim = {.max_depth = 10};
    d = rl_json_parse("[[[[[[[[[[[1]]]]]]]]]]]", 23, &lim, &err);
    CU_ASSERT_PTR_NULL(d);
    free(s);
}

/* A deadline that has passed stops the reader at the position reached,
 * told apart from a syntax error by deadline.expired; a long document
 * reads whole before it. */
static void test_deadline(void)
{
    size_t n = 64 * 1024;
    char *s = malloc(2 * n + 3);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    s[0] = '[';
    for (size_t i = 0; i < n; i++)
        memcpy(s + 1 + 2 * i, "1,", 2);
    memcpy(s + 2 * n, "1]", 3);
    rl_deadline dl;
    rl_deadline_start(&dl, 3600);
    rl_json_limits lim = {.deadline = &dl};
    rl_error err;
    memset(&err, 0, sizeof err);
    rl_jdoc *d = rl_json_parse(s, 2 * n + 2, &lim, &err);
    CU_ASSERT_PTR_NOT_NULL(d);
    CU_ASSERT_FALSE(dl.expired);
    rl_jdoc_free(d);
    rl_deadline_start(&dl, 1e-9);
    d = rl_json_parse(s, 2 * n + 2, &lim, &err);
    CU_ASSERT_PTR_NULL(d);
    CU_ASSERT_TRUE(dl.expired);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "out of time"));
    CU_ASSERT_EQUAL(err.line, 1);
    CU_ASSERT(err.column > 1 && err.column <= 2 * RL_DEADLINE_STRIDE + 1); /* stopped at once */
    free(s);
}

static void test_string_escapes_and_write(void)
{
    rl_jdoc *d = parse("[\"\\u00e9\\ud83d\\ude00\\\"\\\\\\/\\b\\f\\r\\t\\u0000z\"]");
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    const rl_jnode *s = rl_json_at(d->root, 0);
    CU_ASSERT_EQUAL(rl_jn_str_len(s), 2 + 4 + 3 + 4 + 1 + 1);
    rl_sbuf b = RL_SBUF_INIT;
    rl_json_write(&b, d, d->root);
    ASSERT_STR_EQ(rl_sbuf_str(&b), "[\"é😀\\\"\\\\/\\b\\f\\r\\t\\u0000z\"]");
    rl_sbuf_free(&b);
    rl_jdoc_free(d);
}

/* Strings of every length up to 40 with one special byte at every place:
 * the scan (16 bytes at a time where they lie within the text) must stop
 * at each, wherever it falls against a 16-byte step and the text's end. */
static void test_string_scan_every_place(void)
{
    static const struct {
        const char *bytes;
        int ok;             /* 1: a valid string; 0: an error at the byte */
        const char *needle; /* the error's message */
    } special[] = {
        {"\\n", 1, NULL},      {"\xc3\xa9", 1, NULL},  {"\xe1\xbb\x9d", 1, NULL},
        {"\xf0\x9f\x98\x80", 1, NULL}, {"\x01", 0, "control"}, {"\x1f", 0, "control"},
        {"\xc3", 0, "UTF-8"},  {"\xed\xa0\x80", 0, "UTF-8"}, {"\xe0\x80\x80", 0, "UTF-8"},
        {"\x80", 0, "UTF-8"},   {"\x7f", 1, NULL},
    };
    char text[64], want[64];
    for (size_t k = 0; k < sizeof special / sizeof special[0]; k++) {
        size_t sl = strlen(special[k].bytes);
        for (size_t len = 0; len <= 40; len++) {
            for (size_t at = 0; at <= len; at++) {
                memset(text, 'a', sizeof text);
                text[0] = '"';
                memcpy(text + 1 + at, special[k].bytes, sl);
                text[1 + len + sl] = '"';
                text[2 + len + sl] = '\0';
                rl_error err;
                memset(&err, 0, sizeof err);
                rl_jdoc *d = rl_json_parse(text, strlen(text), NULL, &err);
                if (!special[k].ok) {
                    CU_ASSERT_PTR_NULL(d);
                    CU_ASSERT_EQUAL(err.column, (unsigned)(2 + at));
                    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, special[k].needle));
                    rl_jdoc_free(d);
                    continue;
                }
                CU_ASSERT_PTR_NOT_NULL_FATAL(d);
                memcpy(want, text + 1, len + sl);
                want[len + sl] = '\0';
                if (special[k].bytes[0] == '\\')
                    want[at] = '\n', memmove(want + at + 1, want + at + 2, len - at + 1);
                CU_ASSERT_STRING_EQUAL(rl_jn_str(d->root), want);
                rl_jdoc_free(d);
            }
        }
    }
    /* unterminated, the last byte at every place against the step */
    for (size_t len = 0; len <= 40; len++) {
        memset(text, 'a', sizeof text);
        text[0] = '"';
        text[1 + len] = '\0';
        expect_error(text, 1, 1, "unterminated");
    }
}

/* Hinted lookups find what plain ones do, whatever the member order, the
 * missing names, the object's size and the sites sharing a slot. */
static void test_hinted_lookups(void)
{
    static const char *const docs[] = {
        "{\"a\":1,\"bb\":2,\"ccc\":3,\"d\":4}", "{\"d\":4,\"ccc\":3,\"bb\":2,\"a\":1}",
        "{\"bb\":2}", "{}", "[1,2]", "{\"a\":1,\"bb\":2,\"ccc\":3,\"d\":4,\"e\":5}",
        "{\"ab\":0,\"a\":1,\"b\":7,\"bb\":2}", "{\"a\":1,\"bb\":2,\"ccc\":3,\"d\":4}"};
    static const char *const keys[] = {"a", "bb", "ccc", "d", "e", "b", "zz"};
    static char sites[3 * RL_JHINT_SLOTS]; /* more sites than slots: some share one */
    rl_jhints *hints = calloc(1, sizeof *hints);
    CU_ASSERT_PTR_NOT_NULL_FATAL(hints);
    size_t checked = 0;
    for (int round = 0; round < 2; round++)
        for (size_t d = 0; d < sizeof docs / sizeof *docs; d++) {
            rl_jdoc *doc = parse(docs[d]);
            CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
            for (size_t s = 0; s < sizeof sites; s++) {
                const char *k = keys[s % (sizeof keys / sizeof *keys)];
                const rl_jnode *want = rl_json_get(doc->root, k, strlen(k));
                CU_ASSERT_PTR_EQUAL(rl_json_get_hinted(doc->root, k, strlen(k), hints, &sites[s]),
                                    want);
                checked++;
            }
            rl_jdoc_free(doc);
        }
    CU_ASSERT_EQUAL(checked, 2 * 8 * sizeof sites);
    free(hints);
}

int main(void)
{
    static const unit_test tests[] = {
        {"scalars", test_scalars},
        {"exact int64", test_exact_int64},
        {"decimals as written", test_decimals},
        {"doubles round trip", test_doubles_round_trip},
        {"positions in code points", test_positions_code_points},
        {"byte order mark", test_bom_skipped},
        {"json pointer", test_pointer},
        {"equality", test_equality},
        {"located errors", test_errors_located},
        {"depth limit", test_depth_limit},
        {"deadline", test_deadline},
        {"escapes and writing", test_string_escapes_and_write},
        {"string scan, every place", test_string_scan_every_place},
        {"hinted member lookups", test_hinted_lookups},
        {NULL, NULL},
    };
    return unit_run("json", tests);
}
