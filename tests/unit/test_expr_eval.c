/* test_expr_eval.c — evaluating expressions against a small report:
 * exact integer arithmetic and overflow, division, null propagation,
 * three-valued logic, strings read as numbers and dates, paths (singular,
 * lists, bare names, @), `in`, every function and its edge cases, date
 * arithmetic, parameters (literals, dates, expressions, cycles), and the
 * blame node (ctx->err_node) of evaluation errors. */
#include "unit.h"
#include "expr_int.h"
#include "error.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

static const char *REPORT =
    "{\n"
    " \"report\": {\"id\": \"VN-2025-09\", \"as_of\": \"2025-09-29\", \"period\": \"2025-09\",\n"
    "            \"pattern\": \"^118/\", \"bad_pattern\": \"(\"},\n"
    " \"tasks\": {\"total\": 2541, \"decentralized\": 1377, \"assigned\": 1164},\n"
    " \"procedures\": {\"simplified\": 1027, \"total\": 1084, \"stated_pct\": 95},\n"
    " \"centres\": {\"staff\": 24382, \"count\": 3139, \"avg_staff\": 6},\n"
    " \"communes\": [\n"
    "   {\"name\": \"Ba \xc4\x90\xc3\xacnh\", \"staff\": 12, \"units\": 3, \"done\": \"2025-11-20\"},\n"
    "   {\"name\": \"Ho\xc3\xa0n Ki\xe1\xba\xbfm\", \"staff\": \"1027\", \"units\": 2, \"done\": null},\n"
    "   {\"name\": \"T\xc3\xa2y H\xe1\xbb\x93\", \"staff\": 7.5, \"units\": 1}\n"
    " ],\n"
    " \"big\": 9007199254740993, \"max\": 9223372036854775807, \"min\": -9223372036854775808,\n"
    " \"text\": \"abc\", \"num_text\": \"12.5\", \"nothing\": null, \"zero\": 0,\n"
    " \"decree\": \"118/2025/N\xc4\x90-CP\", \"conclusion\": \"195-KL/TW\",\n"
    " \"weekly\": [\"2025-10-01\", \"2025-10-08\", \"2025-10-15\"],\n"
    " \"empty\": [], \"obj\": {\"a\": 1, \"b\": 2}, \"flags\": [true, false],\n"
    " \"stated\": 94.60\n"
    "}\n";

static rl_jdoc *doc;
static rl_params *params;
static rl_arena *arena;
static rl_error err;
static rl_eval_ctx ctx;

static const rl_jnode *node(const char *pointer_like)
{
    /* "a/b/0" */
    const rl_jnode *n = doc->root;
    char buf[128];
    snprintf(buf, sizeof buf, "%s", pointer_like);
    for (char *tok = strtok(buf, "/"); tok && n; tok = strtok(NULL, "/")) {
        if (rl_jn_type(n) == RL_JARRAY)
            n = rl_json_at(n, (size_t)atoi(tok));
        else
            n = rl_json_gets(n, tok);
    }
    return n;
}

static void reset_ctx(void)
{
    rl_arena_reset(arena);
    rl_error_clear(&err);
    memset(&ctx, 0, sizeof ctx);
    ctx.root = doc->root;
    ctx.current = doc->root;
    ctx.doc = doc;
    ctx.params = params;
    ctx.arena = arena;
    ctx.err = &err;
    ctx.as_of = rl_days_from_civil(2025, 9, 29);
    ctx.has_as_of = 1;
}

/* Compile and evaluate; 0 ok, -1 evaluation error, -2 compile error. */
static int eval_at(const char *src, const rl_jnode *current, rl_value *out)
{
    reset_ctx();
    if (current)
        ctx.current = current;
    rl_error cerr;
    rl_error_clear(&cerr);
    rl_expr *e = rl_expr_compile(src, strlen(src), params, 0, &cerr);
    if (!e) {
        fprintf(stderr, "compile '%s': %u: %s\n", src, cerr.column, cerr.message);
        return -2;
    }
    int r = rl_expr_eval(e, &ctx, out);
    rl_expr_free(e); /* values must not point into the expression after this... */
    return r;
}

/* ...so tests that look at strings use this, which keeps it alive. */
static rl_expr *kept;
static int eval_keep(const char *src, rl_value *out)
{
    rl_expr_free(kept);
    reset_ctx();
    rl_error cerr;
    rl_error_clear(&cerr);
    kept = rl_expr_compile(src, strlen(src), params, 0, &cerr);
    if (!kept) {
        fprintf(stderr, "compile '%s': %s\n", src, cerr.message);
        return -2;
    }
    return rl_expr_eval(kept, &ctx, out);
}

static int eval(const char *src, rl_value *out)
{
    return eval_at(src, NULL, out);
}

#define CHECK(cond, src)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: '%s': %s\n", __FILE__, __LINE__, src, #cond);                 \
            CU_FAIL(#cond);                                                                        \
        } else {                                                                                   \
            CU_PASS(#cond);                                                                        \
        }                                                                                          \
    } while (0)

static void expect_int(const char *src, int64_t want)
{
    rl_value v;
    int r = eval(src, &v);
    if (r < 0)
        fprintf(stderr, "'%s': error %s\n", src, err.message);
    CHECK(r == 0 && v.type == RL_VINT && v.u.i == want, src);
    if (r == 0 && v.type == RL_VINT && v.u.i != want)
        fprintf(stderr, "  got %lld\n", (long long)v.u.i);
}

static void expect_num(const char *src, double want)
{
    rl_value v;
    int r = eval(src, &v);
    if (r < 0)
        fprintf(stderr, "'%s': error %s\n", src, err.message);
    CHECK(r == 0 && v.type == RL_VNUM && fabs(v.u.d - want) <= 1e-12 * fmax(1, fabs(want)), src);
    if (r == 0 && v.type == RL_VNUM && v.u.d != want)
        fprintf(stderr, "  got %.17g\n", v.u.d);
}

static void expect_bool(const char *src, int want)
{
    rl_value v;
    int r = eval(src, &v);
    if (r < 0)
        fprintf(stderr, "'%s': error %s\n", src, err.message);
    CHECK(r == 0 && v.type == RL_VBOOL && v.u.b == want, src);
}

static void expect_null(const char *src)
{
    rl_value v;
    int r = eval(src, &v);
    if (r < 0)
        fprintf(stderr, "'%s': error %s\n", src, err.message);
    CHECK(r == 0 && v.type == RL_VNULL, src);
}

static void expect_date(const char *src, int y, int m, int d, int precision)
{
    rl_value v;
    int r = eval(src, &v);
    if (r < 0)
        fprintf(stderr, "'%s': error %s\n", src, err.message);
    CHECK(r == 0 && v.type == RL_VDATE && v.u.date.days == rl_days_from_civil(y, m, d ? d : 1) &&
              v.u.date.precision == precision,
          src);
}

/* An evaluation error whose message contains needle, blaming blame (NULL:
 * no report node). */
static void expect_err(const char *src, const char *needle, const rl_jnode *blame)
{
    rl_value v;
    int r = eval(src, &v);
    CHECK(r == -1, src);
    CHECK(err.failed, src);
    if (!strstr(err.message, needle)) {
        fprintf(stderr, "'%s': message '%s' lacks '%s'\n", src, err.message, needle);
        CU_FAIL("message");
    }
    if (ctx.err_node != blame) {
        fprintf(stderr, "'%s': err_node %p, want %p\n", src, (const void *)ctx.err_node, (const void *)blame);
        CU_FAIL("err_node");
    }
}

/* ---- arithmetic ------------------------------------------------------- */

static void test_integer_exactness(void)
{
    expect_int("$.big + 0", 9007199254740993LL);
    expect_int("$.big - 1", 9007199254740992LL);
    expect_int("$.big * 1", 9007199254740993LL);
    expect_bool("$.big + 0 == 9007199254740992", 0);
    expect_bool("$.big > 9007199254740992.0", 1); /* int vs double: exact */
    expect_bool("$.big == 9007199254740993.0", 0); /* that double is ...992 */
    expect_int("9223372036854775807 - 1 + 1", INT64_MAX);
    expect_int("-9223372036854775808", INT64_MIN);
    expect_int("1 + 2 * 3", 7);
    expect_int("(1 + 2) * 3", 9);
    expect_int("10 - 2 - 3", 5);
    expect_int("2 * 3 % 4", 2);
    expect_int("8 / 2", 4);
    expect_num("7 / 2", 3.5);
    expect_num("-7 / 2", -3.5);
    expect_int("7 % 3", 1);
    expect_int("-7 % 3", -1); /* the sign of the dividend */
    expect_num("7.5 % 2", 1.5);
    expect_num("1.5 + 1", 2.5);
    expect_num("0.1 + 0.2", 0.1 + 0.2);
    expect_int("$.tasks.decentralized + $.tasks.assigned", 2541);
    expect_bool("tasks.total == tasks.decentralized + tasks.assigned", 1);
    expect_num("$.centres.staff / $.centres.count", 24382.0 / 3139.0);
    expect_int("- - 5", 5);
    expect_int("-(2 - 5)", 3);
    expect_num("-$.stated", -94.6);
}

static void test_overflow(void)
{
    expect_err("$.max + 1", "integer overflow: 9223372036854775807 + 1", node("max"));
    expect_err("9223372036854775807 + 1", "integer overflow: 9223372036854775807 + 1", NULL);
    expect_err("$.min - 1", "integer overflow: -9223372036854775808 - 1", node("min"));
    expect_err("$.max * 2", "integer overflow: 9223372036854775807 * 2", node("max"));
    expect_err("-$.min", "integer overflow: -(-9223372036854775808)", node("min"));
    expect_err("$.min / -1", "integer overflow: -9223372036854775808 / -1", node("min"));
    expect_int("$.min % -1", 0);
    expect_err("abs($.min)", "integer overflow: abs(-9223372036854775808)", node("min"));
    expect_err("1e308 * 10", "number overflow", NULL);
    expect_num("$.max + 0.5", 9223372036854775807.0 + 0.5); /* doubles do not overflow there */
}

static void test_division_by_zero(void)
{
    expect_err("1 / 0", "division by zero", NULL);
    expect_err("1 % 0", "division by zero", NULL);
    expect_err("1.5 / 0", "division by zero", NULL);
    expect_err("1 / 0.0", "division by zero", NULL);
    expect_err("5 / $.zero", "division by zero", node("zero"));
    expect_null("$.nothing / 0"); /* null first: nothing to divide */
}

/* ---- null and logic ----------------------------------------------------- */

static void test_null_propagation(void)
{
    expect_null("$.nothing + 1");
    expect_null("1 + $.missing");
    expect_null("$.missing * 2 + 3");
    expect_null("-$.nothing");
    expect_null("null < 1");
    expect_null("1 >= $.missing");
    expect_null("'a' < null");
    expect_bool("null == null", 1);
    expect_bool("$.missing == null", 1);
    expect_bool("$.nothing == null", 1);
    expect_bool("null != 1", 1);
    expect_bool("0 == null", 0);
    expect_bool("$.missing != $.nothing", 0);
    rl_value v;
    CU_ASSERT_EQUAL(eval("$.missing", &v), 0);
    CU_ASSERT(v.type == RL_VNULL && v.src == NULL);
    CU_ASSERT_EQUAL(eval("$.nothing", &v), 0);
    CU_ASSERT(v.type == RL_VNULL && v.src == node("nothing"));
}

static void test_three_valued_logic(void)
{
    static const char *vals[] = {"true", "false", "null"};
    /* Kleene: and = min, or = max over false < null < true */
    static const int rank[] = {2, 0, 1};
    for (int a = 0; a < 3; a++) {
        for (int b = 0; b < 3; b++) {
            char src[64];
            int and_r = rank[a] < rank[b] ? rank[a] : rank[b];
            int or_r = rank[a] > rank[b] ? rank[a] : rank[b];
            snprintf(src, sizeof src, "%s and %s", vals[a], vals[b]);
            if (and_r == 1)
                expect_null(src);
            else
                expect_bool(src, and_r == 2);
            snprintf(src, sizeof src, "%s or %s", vals[a], vals[b]);
            if (or_r == 1)
                expect_null(src);
            else
                expect_bool(src, or_r == 2);
        }
    }
    expect_bool("not true", 0);
    expect_bool("not false", 1);
    expect_null("not null");
    expect_null("not $.missing");
    expect_bool("true and true and false and null", 0);
    expect_null("true and null and true");
    expect_bool("false or null or true", 1);
    /* short circuits only where the answer is decided */
    expect_bool("false and 1 / 0 > 1", 0);
    expect_bool("true or 1 / 0 > 1", 1);
    expect_err("null and 1 / 0 > 1", "division by zero", NULL);
    expect_bool("1 < 2 and 2 < 3", 1);
    /* no truthiness */
    expect_err("1 and true", "'and' needs true, false or null", NULL);
    expect_err("not 'x'", "'not' needs true, false or null", NULL);
    expect_err("$.text or false", "'or' needs true, false or null, but '$.text' is the string 'abc'",
               node("text"));
}

/* ---- strings, comparisons, in ------------------------------------------- */

static void test_strings_as_numbers(void)
{
    expect_num("$.num_text * 2", 25.0);
    expect_int("'1027' + 0", 1027);
    expect_int("' 95% ' + 0", 95);
    expect_bool("$.num_text > 12", 1);
    expect_bool("12 < $.num_text", 1);
    expect_bool("'12.5' == 12.5", 1);
    expect_bool("1027 == '1027'", 1);
    expect_bool("'abc' == 1", 0); /* unequal, not an error */
    expect_bool("'abc' != 1", 1);
    expect_err("$.text + 1", "'abc' is not a number in locale en", node("text"));
    expect_err("1 - $.text", "'abc' is not a number", node("text"));
    expect_err("$.text < 1", "'abc' is not a number", node("text"));
    expect_err("-'x'", "'x' is not a number", NULL);
    /* the locale is named in the message */
    reset_ctx();
    rl_error cerr;
    rl_expr *e = rl_expr_compile("$.text * 1", 10, NULL, 0, &cerr);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    ctx.locale = "vi";
    rl_value v;
    CU_ASSERT_EQUAL(rl_expr_eval(e, &ctx, &v), -1);
    ASSERT_STR_EQ(err.message, "'abc' is not a number in locale vi (vi writes 1.377,5)");
    CU_ASSERT_EQUAL(v.type, RL_VNULL);
    rl_expr_free(e);
}

static void test_comparisons(void)
{
    expect_bool("'a' < 'b'", 1);
    expect_bool("'ab' < 'b'", 1);
    expect_bool("'abc' > 'ab'", 1);
    expect_bool("'x' <= 'x'", 1);
    expect_bool("1 < 1.5", 1);
    expect_bool("2 >= 2.0", 1);
    expect_bool("true == true", 1);
    expect_bool("true == 1", 0);
    expect_bool("'x' == true", 0);
    expect_bool("$.obj == $.obj", 1);
    expect_bool("[1, 2] == [1, 2.0]", 1);
    expect_bool("[1, 2] == [2, 1]", 0);
    expect_bool("$.flags == [true, false]", 1);
    expect_bool("$.communes[*].units == [3, 2, 1]", 1);
    expect_err("true < false", "cannot order the boolean true and the boolean false", NULL);
    expect_err("$.obj > 1", "cannot order an object", node("obj"));
    expect_err("$.communes[*].units > 1", "use count(), sum(), min(), max() or 'in'", NULL);
    expect_err("$.communes[*].units == 1", "is a list of 3 nodes, not one value", NULL);
    /* dates against strings */
    expect_bool("date('2025-12-15') > '2025-12-01'", 1);
    expect_bool("'2025-12-15' == date('2025-12-15')", 1);
    expect_bool("'soon' == date('2025-12-15')", 0);
    expect_err("'soon' < date('2025-12-15')", "'soon' is not a date", NULL);
    expect_bool("date('2025-11') < date('2025-11-15')", 1);
    expect_bool("date('2025-11') > date('2025-11-01')", 1); /* same first day, later last day */
    expect_bool("date('2025-11') == date('2025-11-01')", 0);
    expect_bool("date('2025-11') < date('2025-12-01')", 1);
}

static void test_in(void)
{
    expect_bool("2 in [1, 2, 3]", 1);
    expect_bool("4 in [1, 2, 3]", 0);
    expect_bool("'x' in [1, 'x']", 1);
    expect_bool("2.0 in [1, 2]", 1);
    expect_bool("null in [1, null]", 1);
    expect_bool("null in [1]", 0);
    expect_bool("'2025-10-08' in $.weekly", 1);
    expect_bool("'2025-10-09' in $.weekly", 0);
    expect_bool("1027 in $.communes[*].staff", 1); /* the string "1027" reads as 1027 */
    expect_bool("7.5 in $.communes[*].staff", 1);
    expect_bool("5 in []", 0);
    expect_bool("5 in $.empty", 0);
    expect_bool("not (5 in [5])", 0);
    expect_null("1 in $.missing");
    expect_err("1 in 'abc'", "the right side of 'in' must be a list or an array", NULL);
    expect_err("1 in $.obj", "the right side of 'in' must be a list or an array, but '$.obj' is an object",
               node("obj"));
    expect_err("$.communes[*] in [1]", "the left side of 'in' is one value", NULL);
}

/* ---- paths ---------------------------------------------------------------- */

static void test_paths(void)
{
    rl_value v;
    CU_ASSERT_EQUAL(eval("$.tasks.total", &v), 0);
    CU_ASSERT(v.type == RL_VINT && v.u.i == 2541 && v.src == node("tasks/total") && v.decimals == 0);
    CU_ASSERT_EQUAL(eval("$.stated", &v), 0);
    CU_ASSERT(v.type == RL_VNUM && v.decimals == 2);
    CU_ASSERT_EQUAL(eval("tasks.total", &v), 0); /* bare: @ = root here */
    CU_ASSERT(v.type == RL_VINT && v.u.i == 2541);
    CU_ASSERT_EQUAL(eval_at("staff", node("communes/0"), &v), 0);
    CU_ASSERT(v.type == RL_VINT && v.u.i == 12 && v.src == node("communes/0/staff"));
    CU_ASSERT_EQUAL(eval_at("@.staff * 2 + $.tasks.total", node("communes/2"), &v), 0);
    CU_ASSERT(v.type == RL_VNUM && v.u.d == 2556.0);
    CU_ASSERT_EQUAL(eval_at("@", node("communes/1"), &v), 0);
    CU_ASSERT(v.type == RL_VNODE && v.u.node == node("communes/1"));
    CU_ASSERT_EQUAL(eval("$.obj", &v), 0);
    CU_ASSERT(v.type == RL_VNODE && v.src == node("obj"));

    /* non-singular queries are lists, even of zero or one node */
    CU_ASSERT_EQUAL(eval("$.communes[*].staff", &v), 0);
    CU_ASSERT_EQUAL(v.type, RL_VLIST);
    CU_ASSERT_EQUAL(v.u.list.n, 3);
    CU_ASSERT_PTR_EQUAL(v.u.list.nodes[1], node("communes/1/staff"));
    CU_ASSERT_EQUAL(eval("$.empty[*]", &v), 0);
    CU_ASSERT(v.type == RL_VLIST && v.u.list.n == 0);
    CU_ASSERT_EQUAL(eval("$.communes[0:1].units", &v), 0);
    CU_ASSERT(v.type == RL_VLIST && v.u.list.n == 1);
    CU_ASSERT_EQUAL(eval("$..units", &v), 0);
    CU_ASSERT(v.type == RL_VLIST && v.u.list.n == 3);
    CU_ASSERT_EQUAL(eval("$.communes[?@.units > 1].name", &v), 0);
    CU_ASSERT(v.type == RL_VLIST && v.u.list.n == 2);
    /* the evaluation's lists live in the arena */
    CU_ASSERT(rl_arena_used(arena) > 0);

    expect_err("$.communes[*].staff + 1", "'$.communes[*].staff' is a list of 3 nodes, not one value: "
                                          "arithmetic needs one value (use sum(), count()",
               NULL);
    expect_err("$.obj + 1", "'$.obj' is an object: arithmetic needs numbers", node("obj"));
    expect_err("$.weekly * 2", "is an array", node("weekly"));
    expect_err("true + 1", "the boolean true", NULL);
    expect_null("$.communes[5].staff");
    expect_null("nope.nothing.here");
}

/* ---- functions -------------------------------------------------------------- */

static void test_sum_count_avg(void)
{
    expect_num("sum($.communes[*].staff)", 12 + 1027 + 7.5);
    expect_int("sum($.communes[*].units)", 6);
    expect_int("sum(1, 2, 3)", 6);
    expect_int("sum([1, 2], 3)", 6);
    expect_int("sum($.tasks.decentralized, $.tasks.assigned)", 2541);
    expect_int("sum($.big, 1)", 9007199254740994LL);
    expect_null("sum($.empty[*])");
    expect_null("sum($.empty)");
    expect_null("sum([])");
    expect_null("sum(1, null)");
    expect_null("sum(1, $.missing)");
    expect_null("sum($.communes[*].units, $.nothing)"); /* a JSON null item: null */
    expect_err("sum($.max, 1)", "integer overflow in sum(): 9223372036854775807 + 1", NULL);
    expect_err("sum($.obj)", "sum() takes numbers, lists or arrays, but '$.obj' is an object", node("obj"));
    expect_err("sum($.flags)", "sum() takes numbers, but item 1 of '$.flags' is the boolean true",
               node("flags/0"));
    expect_err("sum(1, $.text)", "'abc' is not a number", node("text"));

    expect_int("count($.communes[*])", 3);
    expect_int("count($.empty[*])", 0);
    expect_int("count($.missing)", 0);
    expect_int("count($.nothing)", 1); /* a JSON null is a node */
    expect_int("count($.weekly)", 3);
    expect_int("count(1, 2)", 2);
    expect_int("count($.communes[*].done)", 2);
    expect_int("count($.communes[?@.units >= 2])", 2);

    expect_num("avg(1, 2)", 1.5);
    expect_int("avg(2, 4)", 3);
    expect_int("avg($.communes[*].units)", 2);
    expect_num("avg($.communes[*].staff)", (12 + 1027 + 7.5) / 3);
    expect_null("avg($.empty[*])");
    expect_null("avg(1, null)");
    expect_bool("round(avg($.centres.staff) / $.centres.count, 2) == 7.77", 1);
}

static void test_min_max(void)
{
    rl_value v;
    CU_ASSERT_EQUAL(eval("max($.communes[*].units)", &v), 0);
    CU_ASSERT(v.type == RL_VINT && v.u.i == 3 && v.src == node("communes/0/units"));
    expect_int("min($.communes[*].units)", 1);
    expect_num("min(3, 1.5, 2)", 1.5);
    expect_int("max([4, 9], 2)", 9);
    expect_int("min($.min, 0.5)", INT64_MIN);
    expect_int("max($.communes[*].staff)", 1027); /* read from the string "1027" */
    CU_ASSERT_EQUAL(eval("max($.communes[*].staff)", &v), 0);
    CU_ASSERT_PTR_EQUAL(v.src, node("communes/1/staff"));
    expect_date("max($.weekly)", 2025, 10, 15, RL_DATE_DAY);
    expect_date("min('2025-01-03', '2025-01-02')", 2025, 1, 2, RL_DATE_DAY);
    expect_date("max(date('2025-11'), '2025-11-15')", 2025, 11, 0, RL_DATE_MONTH);
    expect_null("max($.empty[*])");
    expect_null("min(1, null)");
    expect_err("max(1, 'abc')", "'abc' is not a number", NULL);
    expect_err("min($.obj)", "min() takes numbers or dates, lists or arrays", node("obj"));
}

static void test_exists_is_null_len(void)
{
    expect_bool("exists($.nothing)", 1);
    expect_bool("exists($.missing)", 0);
    expect_bool("exists($.empty[*])", 0);
    expect_bool("exists($.communes[*])", 1);
    expect_bool("exists(@.report)", 1);
    expect_bool("exists(report.id)", 1);
    expect_bool("exists($.empty)", 1);
    expect_bool("is_null($.nothing)", 1);
    expect_bool("is_null($.missing)", 1);
    expect_bool("is_null(0)", 0);
    expect_bool("is_null('')", 0);
    expect_int("len('Ba \xc4\x90\xc3\xacnh')", 7); /* code points */
    expect_int("len($.communes[0].name)", 7);
    expect_int("len('')", 0);
    expect_int("len($.communes)", 3);
    expect_int("len($.obj)", 2);
    expect_int("len($.communes[*])", 3);
    expect_int("len([1, 2])", 2);
    expect_null("len($.missing)");
    expect_err("len(5)", "len() takes a string, array, object or list, got the number 5", NULL);
}

static void test_abs_round(void)
{
    expect_int("abs(-5)", 5);
    expect_int("abs(5)", 5);
    expect_num("abs(-2.5)", 2.5);
    expect_int("abs('-3')", 3);
    expect_null("abs(null)");
    expect_err("abs(true)", "abs() takes a number, but 'true' is the boolean true", NULL);

    expect_num("round(7.767441, 2)", 7.77);
    expect_bool("round($.centres.staff / $.centres.count, 2) == 7.77", 1);
    expect_int("round(2.5)", 3); /* half away from zero */
    expect_int("round(-2.5)", -3);
    expect_int("round(0.4)", 0);
    expect_int("round(1.5)", 2);
    expect_num("round(2.675, 2)", 2.68); /* as written, though stored as 2.67499... */
    expect_num("round(1.005, 2)", 1.01);
    expect_num("round(-1.005, 2)", -1.01);
    expect_num("round(9.99, 1)", 10.0);
    expect_num("round(0.000123456, 5)", 0.00012);
    expect_num("round(1.25, 10)", 1.25);
    expect_int("round(5)", 5);
    expect_int("round(5, 2)", 5);
    expect_int("round(1250, -2)", 1300);
    expect_int("round(-1250, -2)", -1300);
    expect_int("round(1249, -2)", 1200);
    expect_int("round(123.456, -1)", 120);
    expect_int("round(7, -30)", 0);
    expect_null("round(null)");
    expect_null("round(1.5, null)");
    expect_err("round(1, 1.5)", "round() takes a whole number of digits", NULL);
    expect_err("round($.max, -1)", "integer overflow: round(9223372036854775807, -1)", node("max"));
    rl_value v;
    CU_ASSERT_EQUAL(eval("round(1e300)", &v), 0);
    CU_ASSERT(v.type == RL_VNUM && v.u.d == 1e300); /* too big for an int: stays a double */
}

static void test_coalesce_if(void)
{
    expect_int("coalesce($.missing, $.nothing, 0)", 0);
    expect_int("coalesce($.empty[*], 5)", 5);
    expect_int("coalesce(1, 1 / 0)", 1); /* lazy */
    expect_null("coalesce(null, $.missing)");
    expect_int("coalesce($.tasks.total, 0)", 2541);
    expect_int("if(true, 1, 1 / 0)", 1); /* only the taken branch is evaluated */
    expect_int("if(false, 1 / 0, 2)", 2);
    expect_int("if($.tasks.total > 2000, 1, 2)", 1);
    expect_null("if(null, 1, 2)");
    expect_null("if($.missing > 1, 1, 2)");
    expect_err("if(1, 2, 3)", "if() takes a condition that is true, false or null", NULL);
}

static void test_dates(void)
{
    expect_date("date('2025-12-15')", 2025, 12, 15, RL_DATE_DAY);
    expect_date("date('2025-11')", 2025, 11, 0, RL_DATE_MONTH);
    expect_date("date('--12-15')", 2025, 12, 15, RL_DATE_DAY); /* the year of as_of */
    expect_date("date('--11')", 2025, 11, 0, RL_DATE_MONTH);
    expect_date("date('2025-09-29T23:30:00-05:00')", 2025, 9, 29, RL_DATE_DAY);
    expect_date("date($.report.as_of)", 2025, 9, 29, RL_DATE_DAY);
    expect_date("date(date('2025-01-01'))", 2025, 1, 1, RL_DATE_DAY);
    expect_null("date(null)");
    expect_null("date($.missing)");
    expect_err("date('2025-02-30')", "'2025-02-30' is not a date in locale en", NULL);
    expect_err("date($.text)", "'abc' is not a date", node("text"));
    expect_err("date('--02-29')", "'--02-29' does not exist in 2025", NULL);
    expect_err("date(5)", "date() takes a date, but '5' is the number 5", NULL);
    /* locale forms: the report's locale, or the one given */
    expect_date("date('15/12/2025', 'vi')", 2025, 12, 15, RL_DATE_DAY);
    expect_date("date('15 декабря', 'ru')", 2025, 12, 15, RL_DATE_DAY); /* the year of as_of */
    expect_date("date('tháng 11/2025', 'vi')", 2025, 11, 0, RL_DATE_MONTH);
    expect_err("date('15 December 2025', 'vi')", "'15 December 2025' is not a date in locale vi", NULL);
    expect_err("date('15/12/2025')", "is not a date in locale en", NULL); /* en: 12/15 or 15/12? */
    expect_err("date('31 ноября 2025', 'ru')", "'31 ноября 2025' is not a date: 2025-11 has 30 days", NULL);
    expect_err("date('29 февраля', 'ru')", "'29 февраля' does not exist in 2025", NULL);
    expect_err("date('15/13/2025', 'vi')", "there is no month 13", NULL);
    expect_err("date('x', $.text)", "unknown locale 'abc'", NULL);

    expect_int("year('2025-12-15')", 2025);
    expect_int("month('2025-12-15')", 12);
    expect_int("day('2025-12-15')", 15);
    expect_int("month('2025-11')", 11);
    expect_null("day('2025-11')");
    expect_null("weekday('2025-11')");
    expect_int("weekday('2025-10-01')", 3); /* Wednesday */
    expect_int("weekday('2025-12-15')", 1); /* Monday */
    expect_int("weekday('2025-12-14')", 7); /* Sunday */
    expect_bool("weekday($.weekly[0]) == 3 and weekday($.weekly[2]) == 3", 1);
    expect_null("year($.missing)");
    expect_int("days_between('2025-09-29', '2025-12-15')", 77);
    expect_int("days_between('2025-12-15', '2025-09-29')", -77);
    expect_int("days_between('2025-11', '2025-12')", 30);
    expect_int("days_between($.report.as_of, '--12-15')", 77);
    expect_null("days_between($.missing, '2025-01-01')");

    /* date arithmetic */
    expect_date("date('2025-12-15') - 3", 2025, 12, 12, RL_DATE_DAY);
    expect_date("date('2025-12-15') + 17", 2026, 1, 1, RL_DATE_DAY);
    expect_date("17 + date('2025-12-15')", 2026, 1, 1, RL_DATE_DAY);
    expect_int("date('2025-12-15') - date('2025-12-01')", 14);
    expect_int("date('2025-12-15') - '2025-12-01'", 14);
    expect_int("'2025-12-15' - date('2025-12-01')", 14);
    expect_date("date('2025-12-15') - '3'", 2025, 12, 12, RL_DATE_DAY);
    expect_err("date('2025-11') + 1", "it is a whole month", NULL);
    expect_err("date('2025-Q3') + 1", "it is a whole quarter", NULL);

    /* periods */
    expect_date("period_start('2025-Q3')", 2025, 7, 1, RL_DATE_DAY);
    expect_date("period_end('2025-Q3')", 2025, 9, 30, RL_DATE_DAY);
    expect_date("period_end('2024-02')", 2024, 2, 29, RL_DATE_DAY);
    expect_date("period_end('2025-H1')", 2025, 6, 30, RL_DATE_DAY);
    expect_date("period_end(2025)", 2025, 12, 31, RL_DATE_DAY);
    expect_date("period_start('2025-W36')", 2025, 9, 1, RL_DATE_DAY);
    expect_date("period_end('2020-W53')", 2021, 1, 3, RL_DATE_DAY);
    expect_date("period_prev('2025-Q1')", 2024, 10, 1, RL_DATE_QUARTER);
    expect_date("period_next('2025-W52')", 2025, 12, 29, RL_DATE_WEEK);
    expect_date("period_next('2025-09-30')", 2025, 10, 1, RL_DATE_DAY);
    expect_date("period_prev(period_prev('2025-03'))", 2025, 1, 1, RL_DATE_MONTH);
    expect_date("add_days(period_end('2025-Q3'), 15)", 2025, 10, 15, RL_DATE_DAY);
    expect_date("add_days('2025-03-01', -1)", 2025, 2, 28, RL_DATE_DAY);
    expect_date("add_months('2025-01-31', 1)", 2025, 2, 28, RL_DATE_DAY);
    expect_date("add_months('2024-01-31', 1)", 2024, 2, 29, RL_DATE_DAY);
    expect_date("add_months('2025-11', 2)", 2026, 1, 1, RL_DATE_MONTH);
    expect_bool("date('2025-Q3') < date('2025-Q4')", 1);
    expect_bool("period_end('2025-Q3') == date('2025-09-30')", 1);
    expect_int("year('2026-W01')", 2026);
    expect_int("year('2024-W01')", 2024); /* its Monday is 2024-01-01 */
    expect_int("year('2025-W01')", 2025); /* its Monday is 2024-12-30 */
    expect_null("month('2025-Q3')");
    expect_null("day('2025-W36')");
    expect_null("period_start($.missing)");
    expect_null("add_days($.missing, 1)");
    expect_null("add_days('2025-01-01', $.missing)");
    expect_err("period_start('2025-Q5')", "'2025-Q5' is not a period: there is no quarter 5", NULL);
    expect_err("period_end('2025-W53')", "2025 has 52 ISO weeks", NULL);
    expect_err("period_start(0)", "0 is no year", NULL);
    expect_err("period_start(true)", "takes a period", NULL);
    expect_err("add_days('2025-09', 1)", "is a whole month: use period_start() or period_end()", NULL);
    expect_err("add_months('2025-Q3', 1)", "is a whole quarter", NULL);
    expect_err("add_days('2025-09-01', 1.5)", "whole number", NULL);
    expect_err("add_days('9999-12-31', 1)", "leaves years 1 to 9999", NULL);
    expect_err("period_next('9999')", "leaves years 1 to 9999", NULL);
    expect_err("date('2025-12-15') * 2", "cannot multiply the date 2025-12-15 and the number 2", NULL);
    expect_err("date('2025-12-15') + 1.5", "whole days", NULL);
    expect_err("date('2025-12-15') + date('2025-12-15')", "cannot add two dates", NULL);
    expect_err("date('9999-12-31') + 1", "date out of range", NULL);
    expect_err("date('2025-12-15') + $.max", "date out of range", node("max"));
    expect_err("date('2025-12-15') - $.min", "date out of range", node("min"));
    expect_null("date('2025-12-15') + $.missing");

    /* without as_of, year-less dates use today's year */
    reset_ctx();
    ctx.has_as_of = 0;
    rl_error cerr;
    rl_expr *e = rl_expr_compile("date('--01-01')", 15, NULL, 0, &cerr);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    rl_value v;
    CU_ASSERT_EQUAL(rl_expr_eval(e, &ctx, &v), 0);
    CU_ASSERT_EQUAL(v.type, RL_VDATE);
    CU_ASSERT_EQUAL(rl_date_year(v.u.date.days), rl_date_year(rl_date_today()));
    rl_expr_free(e);
}

static void test_date_field(void)
{
    rl_error cerr;
    rl_error_clear(&cerr);
    rl_expr *e = rl_expr_compile("--12-15", 7, NULL, RL_EXPR_DATE_FIELD, &cerr);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    reset_ctx();
    rl_value v;
    CU_ASSERT_EQUAL(rl_expr_eval(e, &ctx, &v), 0);
    CU_ASSERT(v.type == RL_VDATE && v.u.date.days == rl_days_from_civil(2025, 12, 15));
    ctx.as_of = rl_days_from_civil(2026, 3, 1);
    CU_ASSERT_EQUAL(rl_expr_eval(e, &ctx, &v), 0);
    CU_ASSERT(v.type == RL_VDATE && v.u.date.days == rl_days_from_civil(2026, 12, 15));
    rl_expr_free(e);
    e = rl_expr_compile("--02-29", 7, NULL, RL_EXPR_DATE_FIELD, &cerr);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    reset_ctx();
    CU_ASSERT_EQUAL(rl_expr_eval(e, &ctx, &v), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "'--02-29' does not exist in 2025"));
    ctx.as_of = rl_days_from_civil(2028, 1, 1);
    CU_ASSERT_EQUAL(rl_expr_eval(e, &ctx, &v), 0);
    rl_expr_free(e);
    e = rl_expr_compile("2025-11", 7, NULL, RL_EXPR_DATE_FIELD, &cerr);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(rl_expr_eval(e, &ctx, &v), 0);
    CU_ASSERT(v.type == RL_VDATE && v.u.date.precision == RL_DATE_MONTH &&
              rl_date_last_day(v.u.date) == rl_days_from_civil(2025, 11, 30));
    rl_expr_free(e);
}

static void test_matches(void)
{
    expect_bool("matches($.decree, '^\\d+/\\d{4}/N\xc4\x90-CP$')", 1);
    expect_bool("matches($.conclusion, '^\\d+-KL/TW$')", 1);
    expect_bool("matches($.conclusion, '^\\d+/KL')", 0);
    expect_bool("matches('abc', 'B')", 0);
    expect_bool("matches('abc', 'B', 'i')", 1);
    expect_bool("matches('\xc4\x90\xc3\xac', '^\\w+$')", 1); /* Unicode \w */
    expect_bool("matches('a word', '\\bword\\b')", 1);       /* \b is a word boundary */
    expect_bool("matches($.decree, $.report.pattern)", 1);   /* compiled at evaluation */
    expect_bool("matches(118, '^1\\d+$')", 1);
    expect_bool("matches($.stated, '^94\\.60$')", 1);        /* a number as written */
    expect_null("matches($.missing, 'x')");
    expect_null("matches('x', $.missing)");
    expect_err("matches($.decree, $.report.bad_pattern)", "invalid regular expression",
               node("report/bad_pattern"));
    expect_err("matches(1 < 2, 'x')", "matches() takes a string, got the boolean true", NULL);
    expect_err("matches('x', 5)", "matches() takes a regular expression string", NULL);
    expect_err("matches('x', 'x', $.text)", "unknown regex flag 'a'", node("text"));
    expect_err("matches('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab', '^(a|a?)+$')",
               "hit its match limit", NULL);
}

static void test_num(void)
{
    rl_value v;
    CU_ASSERT_EQUAL(eval("num($.num_text)", &v), 0);
    CU_ASSERT(v.type == RL_VNUM && v.u.d == 12.5 && v.decimals == 1 && v.src == node("num_text"));
    expect_int("num('95%')", 95);
    expect_int("num(5)", 5);
    expect_int("num('1027', 'en')", 1027);
    expect_null("num(null)");
    expect_null("num('1', null) * null");
    expect_err("num('abc')", "'abc' is not a number in locale en", NULL);
    expect_err("num('abc', 'ru')", "'abc' is not a number in locale ru", NULL);
    expect_err("num($.text)", "'abc' is not a number", node("text"));
    expect_err("num(true)", "num() takes a number", NULL);
    expect_err("num('1', 5)", "num() takes a locale name", NULL);
    /* locale forms, with the locale given or as a tag */
    expect_int("num('1.377', 'vi')", 1377);
    expect_int("num('12,2 juta', 'id')", 12200000);
    expect_int("num('9 916', 'nb-NO')", 9916);
    expect_num("num('1,377', 'vi')", 1.377);
    expect_err("num('1.37', 'vi')", "'1.37' is not a number in locale vi", NULL);
    expect_err("num('1', $.text)", "unknown locale 'abc'", NULL); /* a computed locale: at run time */
}

/* ---- parameters ---------------------------------------------------------- */

static void test_params(void)
{
    rl_value v;
    expect_int("$min_rate", 91);
    expect_date("$as_of", 2025, 9, 29, RL_DATE_DAY);
    expect_bool("$.procedures.stated_pct >= $min_rate", 1);
    /* an expression parameter is evaluated against the root, even from an each node */
    CU_ASSERT_EQUAL(eval_at("$report_as_of", node("communes/0"), &v), 0);
    CU_ASSERT(v.type == RL_VSTR && v.src == node("report/as_of"));
    CU_ASSERT_EQUAL(eval_at("$total_tasks", node("communes/0"), &v), 0);
    CU_ASSERT(v.type == RL_VINT && v.u.i == 2541);
    expect_int("$next", 2542);
    expect_bool("3 in $allowed and not (4 in $allowed)", 1);
    CU_ASSERT_EQUAL(eval_keep("$label", &v), 0);
    CU_ASSERT(v.type == RL_VSTR && v.u.str.len == 9 && memcmp(v.u.str.s, "two-level", 9) == 0);
    expect_bool("$flag", 1);
    expect_int("$neg", -5);
    expect_date("$deadline", 2025, 12, 15, RL_DATE_DAY); /* --12-15 with as_of 2025 */
    expect_date("$month", 2025, 11, 0, RL_DATE_MONTH);
    expect_null("$none");
    expect_err("$bad_num + 1", "in parameter $bad_num: 'abc' is not a number", node("text"));

    /* a parameter that ends up referring to itself */
    rl_params *p = rl_params_new();
    rl_error e;
    rl_error_clear(&e);
    CU_ASSERT_TRUE(rl_params_set_text(p, "a", "1", &e));
    rl_jdoc *d = rl_json_parse("[\"$a + 1\", \"$b + 1\"]", 20, NULL, &e);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    CU_ASSERT_TRUE(rl_params_set_json(p, "b", rl_json_at(d->root, 0), &e));
    CU_ASSERT_TRUE(rl_params_set_json(p, "a", rl_json_at(d->root, 1), &e)); /* a = b + 1 = a + 2 */
    rl_jdoc_free(d);
    rl_expr *x = rl_expr_compile("$a", 2, p, 0, &e);
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    reset_ctx();
    ctx.params = p;
    CU_ASSERT_EQUAL(rl_expr_eval(x, &ctx, &v), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "parameters nest more than 16 deep"));
    CU_ASSERT_EQUAL(ctx.depth, 0);
    rl_expr_free(x);
    rl_params_free(p);

    /* compiled without a parameter set, an unknown name fails at evaluation */
    x = rl_expr_compile("$nope", 5, NULL, 0, &e);
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    reset_ctx();
    CU_ASSERT_EQUAL(rl_expr_eval(x, &ctx, &v), -1);
    ASSERT_STR_EQ(err.message, "unknown parameter '$nope'");
    rl_expr_free(x);
}

/* $name followed by JSONPath segments; missing(); parameters in any order */
static void test_reference_data(void)
{
    rl_value v;
    expect_int("count($units)", 2);
    expect_int("$units[1].code", 9);
    expect_int("sum($units[*].code)", 12);
    expect_bool("3 in $units[*].code and not (4 in $units[*].code)", 1);
    expect_bool("$.communes[0].units in $units[*].code", 1);
    /* in a filter @ is the item and $ the report */
    expect_bool("$.communes[0].name in $units[?@.code == $.communes[0].units].name", 1);
    expect_int("count($units[?@.code > 5])", 1);
    expect_null("$units[5].code");
    expect_int("count($units[*].nothing)", 0);
    /* a literal's nodes are nothing in the report: values without src */
    CU_ASSERT_EQUAL(eval("$units[0].code", &v), 0);
    CU_ASSERT(v.type == RL_VINT && v.src == NULL);
    /* a parameter holding report nodes keeps them (violations blame them) */
    CU_ASSERT_EQUAL(eval("$communes_node[1].units", &v), 0);
    CU_ASSERT(v.type == RL_VINT && v.src == node("communes/1/units"));
    expect_int("sum($communes_node[*].units)", 6);
    /* segments on a scalar parameter select nothing */
    expect_null("$min_rate.x");
    expect_int("count($min_rate[*])", 0);

    /* missing(a, b): the items of a not in b, in a's order */
    expect_int("count(missing([1, 2, 3, 4], $allowed))", 1);
    expect_bool("missing([1, 2, 3, 4], $allowed) == [4]", 1);
    expect_bool("missing($units[*].code, $.communes[*].units) == [9]", 1);
    expect_int("count(missing($allowed, [3, 2, 1]))", 0);
    expect_int("count(missing($allowed, $.empty[*]))", 3);
    expect_bool("missing(['1027'], $.communes[*].staff) == ['1027']", 0); /* '1027' == \"1027\" */
    expect_null("missing($.nothing, $allowed)");
    expect_null("missing($allowed, $.missing)");

    /* order does not matter; cycles are found */
    rl_params *p = rl_params_new();
    rl_error e;
    rl_error_clear(&e);
    const char *js = "[\"$b + 1\", \"$c * 2\", 5, \"$a\"]";
    rl_jdoc *d = rl_json_parse(js, strlen(js), NULL, &e);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    CU_ASSERT_TRUE(rl_params_declare(p, "a", &e));
    CU_ASSERT_TRUE(rl_params_declare(p, "b", &e));
    CU_ASSERT_TRUE(rl_params_declare(p, "c", &e));
    CU_ASSERT_TRUE(rl_params_set_json(p, "a", rl_json_at(d->root, 0), &e)); /* b is defined later */
    CU_ASSERT_TRUE(rl_params_set_json(p, "b", rl_json_at(d->root, 1), &e));
    CU_ASSERT_TRUE(rl_params_set_json(p, "c", rl_json_at(d->root, 2), &e));
    rl_sbuf cyc = RL_SBUF_INIT;
    CU_ASSERT_FALSE(rl_params_cycle(p, &cyc));
    rl_expr *x = rl_expr_compile("$a", 2, p, 0, &e);
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    reset_ctx();
    ctx.params = p;
    CU_ASSERT(rl_expr_eval(x, &ctx, &v) == 0 && v.type == RL_VINT && v.u.i == 11);
    rl_expr_free(x);
    CU_ASSERT_TRUE(rl_params_set_json(p, "c", rl_json_at(d->root, 3), &e)); /* c = a: a cycle */
    CU_ASSERT_TRUE(rl_params_cycle(p, &cyc));
    ASSERT_STR_EQ(rl_sbuf_str(&cyc), "$a -> $b -> $c -> $a");
    rl_sbuf_free(&cyc);
    /* a declared parameter whose value never came is an error, not a crash */
    CU_ASSERT_TRUE(rl_params_declare(p, "pending", &e));
    x = rl_expr_compile("$pending", 8, p, 0, &e);
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    CU_ASSERT_EQUAL(rl_expr_eval(x, &ctx, &v), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "parameter $pending has no value"));
    rl_expr_free(x);
    /* a literal from a reference file: a string stays a string */
    CU_ASSERT_TRUE(rl_params_set_literal(p, "s", rl_json_at(d->root, 3), &e));
    x = rl_expr_compile("$s", 2, p, 0, &e);
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    CU_ASSERT(rl_expr_eval(x, &ctx, &v) == 0 && v.type == RL_VSTR && v.u.str.len == 2);
    rl_expr_free(x);
    rl_jdoc_free(d);
    rl_params_free(p);
    reset_ctx();
}

static void test_params_api(void)
{
    rl_params *p = rl_params_new();
    rl_error e;
    rl_error_clear(&e);
    CU_ASSERT_EQUAL(rl_params_count(p), 0);
    CU_ASSERT_FALSE(rl_params_set_text(p, "1x", "1", &e));
    CU_ASSERT_PTR_NOT_NULL(strstr(e.message, "invalid parameter name"));
    CU_ASSERT_FALSE(rl_params_set_text(p, "a-b", "1", &e));
    CU_ASSERT_TRUE(rl_params_set_text(p, "x", "1", &e));
    CU_ASSERT_TRUE(rl_params_set_text(p, "x", "2", &e)); /* replaced, not added */
    CU_ASSERT_EQUAL(rl_params_count(p), 1);
    ASSERT_STR_EQ(rl_params_name(p, 0), "x");
    CU_ASSERT_TRUE(rl_params_has(p, "x"));
    CU_ASSERT_FALSE(rl_params_has(p, "y"));
    rl_jdoc *d = rl_json_parse("[\"$y + 1\", \"1 +\", {\"k\": [1]}]", 29, NULL, &e);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    rl_error_clear(&e);
    CU_ASSERT_FALSE(rl_params_set_json(p, "z", rl_json_at(d->root, 0), &e));
    CU_ASSERT_PTR_NOT_NULL(strstr(e.message, "parameter 'z': unknown parameter '$y'"));
    CU_ASSERT_EQUAL(e.column, 1);
    CU_ASSERT_FALSE(rl_params_has(p, "z"));
    rl_error_clear(&e);
    CU_ASSERT_FALSE(rl_params_set_json(p, "z", rl_json_at(d->root, 1), &e));
    CU_ASSERT_EQUAL(e.column, 4);
    CU_ASSERT_TRUE(rl_params_set_json(p, "o", rl_json_at(d->root, 2), &e));
    rl_jdoc_free(d);
    rl_expr *x = rl_expr_compile("len($o) + $x", 12, p, 0, &e);
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    reset_ctx();
    ctx.params = p;
    rl_value v;
    CU_ASSERT_EQUAL(rl_expr_eval(x, &ctx, &v), 0);
    CU_ASSERT(v.type == RL_VINT && v.u.i == 3);
    rl_expr_free(x);
    rl_params_free(p);
    rl_params_free(NULL);
}

/* ---- evaluation state ------------------------------------------------------- */

static void test_reuse(void)
{
    /* one compiled expression, two documents, the arena reset in between */
    rl_error e;
    rl_error_clear(&e);
    const char *src = "sum($.a[*]) / count($.a[*])";
    rl_expr *x = rl_expr_compile(src, strlen(src), NULL, 0, &e);
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    rl_jdoc *d1 = rl_json_parse("{\"a\": [1, 2, 3]}", 16, NULL, &e);
    rl_jdoc *d2 = rl_json_parse("{\"a\": [1, 2]}", 13, NULL, &e);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d2);
    rl_value v;
    for (int round = 0; round < 3; round++) {
        reset_ctx();
        ctx.root = ctx.current = d1->root;
        CU_ASSERT_EQUAL(rl_expr_eval(x, &ctx, &v), 0);
        CU_ASSERT(v.type == RL_VINT && v.u.i == 2);
        reset_ctx();
        ctx.root = ctx.current = d2->root;
        CU_ASSERT_EQUAL(rl_expr_eval(x, &ctx, &v), 0);
        CU_ASSERT(v.type == RL_VNUM && v.u.d == 1.5);
    }
    /* no document at all: paths select nothing */
    reset_ctx();
    ctx.root = ctx.current = NULL;
    CU_ASSERT_EQUAL(rl_expr_eval(x, &ctx, &v), 0);
    CU_ASSERT_EQUAL(v.type, RL_VNULL);
    rl_jdoc_free(d1);
    rl_jdoc_free(d2);
    rl_expr_free(x);
}

static int setup(void)
{
    rl_error e;
    rl_error_clear(&e);
    doc = rl_json_parse(REPORT, strlen(REPORT), NULL, &e);
    if (!doc) {
        fprintf(stderr, "report: %u:%u %s\n", e.line, e.column, e.message);
        return 1;
    }
    arena = rl_arena_new(0);
    params = rl_params_new();
    struct {
        const char *name, *text;
    } texts[] = {{"min_rate", "91"}, {"as_of", "2025-09-29"}, {"label", "two-level"},
                 {"flag", "true"},   {"neg", "-5"},           {"deadline", "--12-15"},
                 {"month", "2025-11"}, {"none", "null"}};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        if (!rl_params_set_text(params, texts[i].name, texts[i].text, &e))
            return fprintf(stderr, "param %s: %s\n", texts[i].name, e.message), 1;
    const char *pj = "{\"report_as_of\": \"$.report.as_of\", \"total_tasks\": \"@.tasks.total\","
                     " \"next\": \"$total_tasks + 1\", \"allowed\": [1, 2, 3], \"bad_num\": \"$.text * 2\","
                     " \"units\": [{\"name\": \"Ba \xc4\x90\xc3\xacnh\", \"code\": 3}, {\"name\": \"X\", \"code\": 9}],"
                     " \"communes_node\": \"$.communes\"}";
    rl_jdoc *pd = rl_json_parse(pj, strlen(pj), NULL, &e);
    if (!pd)
        return fprintf(stderr, "params: %s\n", e.message), 1;
    for (size_t i = 0; i < rl_jn_count(pd->root); i++) {
        const rl_jmember *m = rl_jn_member(pd->root, i);
        if (!rl_params_set_json(params, rl_jm_key(m), rl_jm_value(m), &e))
            return fprintf(stderr, "param %s: %s\n", rl_jm_key(m), e.message), 1;
    }
    rl_jdoc_free(pd);
    return 0;
}

int main(void)
{
    if (setup())
        return 1;
    static const unit_test tests[] = {
        {"integer arithmetic is exact", test_integer_exactness},
        {"overflow is an error, never a wrap", test_overflow},
        {"division by zero", test_division_by_zero},
        {"null propagation", test_null_propagation},
        {"three-valued logic", test_three_valued_logic},
        {"strings read as numbers", test_strings_as_numbers},
        {"comparisons", test_comparisons},
        {"in", test_in},
        {"paths", test_paths},
        {"sum, count, avg", test_sum_count_avg},
        {"min, max", test_min_max},
        {"exists, is_null, len", test_exists_is_null_len},
        {"abs, round", test_abs_round},
        {"coalesce, if (lazy)", test_coalesce_if},
        {"dates", test_dates},
        {"date fields", test_date_field},
        {"matches", test_matches},
        {"num", test_num},
        {"parameters", test_params},
        {"parameter sets", test_params_api},
        {"reference data: $name paths, missing(), any order", test_reference_data},
        {"reusing a compiled expression", test_reuse},
        {NULL, NULL},
    };
    int r = unit_run("expr_eval", tests);
    rl_expr_free(kept);
    rl_params_free(params);
    rl_arena_free(arena);
    rl_jdoc_free(doc);
    return r;
}
