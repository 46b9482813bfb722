/* test_expr_parse.c — the parser: precedence and associativity (shown as
 * s-expressions), n-ary chains, literals, calls, compile-time checks
 * (unknown functions and params, arity, literal regexes), errors with
 * columns, the nesting limit, date fields, literal expressions. */
#include "unit.h"
#include "expr_int.h"
#include "error.h"

#include <stdint.h>
#include <stdlib.h>

static const char *opname(int op)
{
    switch (op) {
    case RL_T_PLUS: return "+";
    case RL_T_MINUS: return "-";
    case RL_T_STAR: return "*";
    case RL_T_SLASH: return "/";
    case RL_T_PERCENT: return "%";
    case RL_T_EQ: return "==";
    case RL_T_NE: return "!=";
    case RL_T_LT: return "<";
    case RL_T_LE: return "<=";
    case RL_T_GT: return ">";
    case RL_T_GE: return ">=";
    }
    return "?";
}

static void show(rl_sbuf *b, const rl_enode *n)
{
    switch ((rl_node_kind)n->kind) {
    case RL_N_LIT:
        if (n->u.lit.type == RL_VSTR) {
            rl_sbuf_addc(b, '\'');
            rl_sbuf_add(b, n->u.lit.u.str.s, n->u.lit.u.str.len);
            rl_sbuf_addc(b, '\'');
        } else {
            rl_value_format(b, &n->u.lit, -1);
        }
        return;
    case RL_N_DATE:
        rl_sbuf_printf(b, "date(%d,%d,%d)", n->u.date.year, n->u.date.month, n->u.date.day);
        return;
    case RL_N_PATH: rl_sbuf_adds(b, rl_jpath_text(n->u.path.q)); return;
    case RL_N_PARAM: rl_sbuf_printf(b, "$%s", n->u.param.name); return;
    default: break;
    }
    rl_sbuf_addc(b, '(');
    switch ((rl_node_kind)n->kind) {
    case RL_N_NEG: rl_sbuf_adds(b, "neg"); break;
    case RL_N_NOT: rl_sbuf_adds(b, "not"); break;
    case RL_N_OR: rl_sbuf_adds(b, "or"); break;
    case RL_N_AND: rl_sbuf_adds(b, "and"); break;
    case RL_N_ARITH: rl_sbuf_adds(b, "arith"); break;
    case RL_N_CMP: rl_sbuf_adds(b, opname(n->op)); break;
    case RL_N_IN: rl_sbuf_adds(b, "in"); break;
    case RL_N_LIST: rl_sbuf_adds(b, "list"); break;
    case RL_N_CALL: rl_sbuf_adds(b, n->u.call.fn->name); break;
    default: break;
    }
    for (size_t i = 0; i < n->nkids; i++) {
        rl_sbuf_addc(b, ' ');
        if (n->kind == RL_N_ARITH && i > 0) {
            rl_sbuf_adds(b, opname(n->ops[i]));
            rl_sbuf_addc(b, ' ');
        }
        show(b, n->kids[i]);
    }
    rl_sbuf_addc(b, ')');
}

static rl_params *params(void)
{
    rl_params *p = rl_params_new();
    rl_error err;
    rl_error_clear(&err);
    rl_params_set_text(p, "min_rate", "91", &err);
    rl_params_set_text(p, "as_of", "2025-09-29", &err);
    return p;
}

static void expect_tree(const char *src, const char *want)
{
    rl_error err;
    rl_error_clear(&err);
    rl_params *p = params();
    rl_expr *e = rl_expr_compile(src, strlen(src), p, 0, &err);
    if (!e) {
        fprintf(stderr, "'%s': %u: %s\n", src, err.column, err.message);
        CU_FAIL("compile failed");
        rl_params_free(p);
        return;
    }
    rl_sbuf b = RL_SBUF_INIT;
    show(&b, e->root);
    if (strcmp(rl_sbuf_str(&b), want) != 0) {
        fprintf(stderr, "'%s' parsed as %s, want %s\n", src, rl_sbuf_str(&b), want);
        CU_FAIL("tree");
    }
    ASSERT_STR_EQ(rl_expr_text(e), src);
    rl_sbuf_free(&b);
    rl_expr_free(e);
    rl_params_free(p);
}

static void expect_error(const char *src, unsigned col, const char *needle)
{
    rl_error err;
    rl_error_clear(&err);
    rl_params *p = params();
    rl_expr *e = rl_expr_compile(src, strlen(src), p, 0, &err);
    CU_ASSERT_PTR_NULL(e);
    rl_expr_free(e);
    rl_params_free(p);
    CU_ASSERT_TRUE(err.failed);
    CU_ASSERT_EQUAL(err.line, 0);
    if (err.column != col) {
        fprintf(stderr, "'%.60s': column %u, want %u (%s)\n", src, err.column, col, err.message);
        CU_FAIL("error column");
    }
    if (!strstr(err.message, needle)) {
        fprintf(stderr, "'%.60s': message '%s' lacks '%s'\n", src, err.message, needle);
        CU_FAIL("error message");
    }
}

static void test_precedence(void)
{
    expect_tree("1 + 2 * 3", "(arith 1 + (arith 2 * 3))");
    expect_tree("(1 + 2) * 3", "(arith (arith 1 + 2) * 3)");
    expect_tree("1 - 2 - 3", "(arith 1 - 2 - 3)"); /* left to right, one n-ary node */
    expect_tree("1 - 2 + 3 * 4 / 5 % 6", "(arith 1 - 2 + (arith 3 * 4 / 5 % 6))");
    expect_tree("-2 * 3", "(arith -2 * 3)");
    expect_tree("- x * 3", "(arith (neg @.x) * 3)");
    expect_tree("--x", "(neg (neg @.x))");
    expect_tree("a + b < c * d", "(< (arith @.a + @.b) (arith @.c * @.d))");
    expect_tree("not a == b", "(not (== @.a @.b))");
    expect_tree("not not a", "(not (not @.a))");
    expect_tree("a or b and c", "(or @.a (and @.b @.c))");
    expect_tree("a and b or c and d", "(or (and @.a @.b) (and @.c @.d))");
    expect_tree("(a or b) and c", "(and (or @.a @.b) @.c)");
    expect_tree("not a and b", "(and (not @.a) @.b)");
    expect_tree("a and not b or c", "(or (and @.a (not @.b)) @.c)");
    expect_tree("x in [1, 2] and y", "(and (in @.x (list 1 2)) @.y)");
    expect_tree("x + 1 in $.a[*]", "(in (arith @.x + 1) $.a[*])");
    expect_tree("a != b", "(!= @.a @.b)");
    expect_tree("a >= -b", "(>= @.a (neg @.b))");
}

static void test_literals(void)
{
    expect_tree("true", "true");
    expect_tree("false", "false");
    expect_tree("null", "null");
    expect_tree("'x'", "'x'");
    expect_tree("[]", "(list)");
    expect_tree("[1, 'a', [null]]", "(list 1 'a' (list null))");
    expect_tree("-9223372036854775808", "-9223372036854775808");
    expect_tree("-(9223372036854775807)", "-9223372036854775807");
    expect_tree("-1.5", "-1.5");
    expect_tree("$min_rate", "$min_rate");
    expect_tree("$", "$");
    expect_tree("@", "@");

    rl_error err;
    rl_error_clear(&err);
    rl_expr *e = rl_expr_compile("94.60", 5, NULL, 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(e->root->u.lit.type, RL_VNUM);
    CU_ASSERT_EQUAL(e->root->u.lit.decimals, 2);
    rl_expr_free(e);
}

static void test_calls(void)
{
    expect_tree("sum($.a[*].n)", "(sum $.a[*].n)");
    expect_tree("round(a / b, 2)", "(round (arith @.a / @.b) 2)");
    expect_tree("if(a > 1, 'x', 'y')", "(if (> @.a 1) 'x' 'y')");
    expect_tree("coalesce(a, b, c, 0)", "(coalesce @.a @.b @.c 0)");
    expect_tree("max ( 1 , 2 )", "(max 1 2)");
    expect_tree("len('')", "(len '')");
    expect_tree("matches(x, '^\\d+$', 'i')", "(matches @.x '^\\d+$' 'i')");
    /* a literal regex is compiled with the expression */
    rl_error err;
    rl_error_clear(&err);
    const char *src = "matches(@.code, '^[0-9]+/[0-9]{4}/NĐ-CP$')";
    rl_expr *e = rl_expr_compile(src, strlen(src), NULL, 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_PTR_NOT_NULL(e->root->u.call.re);
    rl_expr_free(e);
    /* a dynamic one is not */
    src = "matches(@.code, @.pattern)";
    e = rl_expr_compile(src, strlen(src), NULL, 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_PTR_NULL(e->root->u.call.re);
    rl_expr_free(e);
}

static void expect_ok(const char *src);

static void test_errors(void)
{
    expect_error("(1 + 2", 7, "expected ')' to close '(' at column 1");
    expect_error("abs(x) + (1 + 2", 16, "expected ')' to close '(' at column 10");
    expect_error("2 * (1 + (3)", 13, "expected ')' to close '(' at column 5, found end of expression");
    expect_error("[1, 2", 6, "expected ',' or ']' to close '[' at column 1");
    expect_error("[1 2]", 4, "expected ',' or ']'");
    expect_error("sum(1, 2", 9, "expected ',' or ')' to close 'sum(' at column 4");
    expect_error("1 +", 4, "expected a value");
    expect_error("1 + * 2", 5, "expected a value");
    expect_error("", 1, "empty expression");
    expect_error("   ", 1, "empty expression");
    expect_error("1 2", 3, "expected an operator or the end of the expression, found '2'");
    expect_error("(1))", 4, "found ')'");
    expect_error("a < b < c", 7, "comparisons do not chain");
    expect_error("a == b in c", 8, "comparisons do not chain");
    expect_error("+1", 1, "unary '+'");
    expect_error("9223372036854775808", 1, "too large");
    expect_error("1 - 9223372036854775808", 5, "too large");
    expect_error("summ(1)", 1, "unknown function 'summ' (did you mean 'sum'?)");
    expect_error("1 + cuont(x)", 5, "did you mean 'count'?");
    expect_error("frobnicate(1)", 1, "unknown function 'frobnicate' (known: sum, count");
    expect_error("round(1, 2, 3)", 1, "round() takes 1 or 2 arguments, got 3");
    expect_error("x + if(1, 2)", 5, "if() takes 3 arguments, got 2");
    expect_error("sum()", 1, "sum() takes at least 1 argument, got 0");
    expect_error("days_between(a)", 1, "days_between() takes 2 arguments, got 1");
    expect_error("$mni_rate > 1", 1, "unknown parameter '$mni_rate' (did you mean '$min_rate'?)");
    expect_error("1 + $zzz", 5, "unknown parameter '$zzz' (known: $min_rate, $as_of)");
    expect_error("é + (1", 7, "to close '(' at column 5");
    expect_error("matches(x, '(ab')", 16, "invalid regular expression");
    expect_error("matches(x, '\\u00e9(')", 20, "invalid regular expression");
    expect_error("matches(x, 'a', 'q')", 17, "unknown regex flag 'q'");
    /* a literal locale is checked with the expression; a computed one when evaluated */
    expect_error("num(x, 'vn')", 8, "num(): unknown locale 'vn' (did you mean 'vi'?");
    expect_error("date(x, 'klingon')", 9, "date(): unknown locale 'klingon'");
    expect_ok("num(x, 'vi-VN') + num(x, y) + date(x, 'NO')");
    expect_error("1 + \xff", 5, "invalid UTF-8");
}

static void test_params_unchecked_without_set(void)
{
    rl_error err;
    rl_error_clear(&err);
    rl_expr *e = rl_expr_compile("$anything + 1", 13, NULL, 0, &err);
    CU_ASSERT_PTR_NOT_NULL(e);
    rl_expr_free(e);
    rl_params *p = rl_params_new();
    e = rl_expr_compile("$anything", 9, p, 0, &err);
    CU_ASSERT_PTR_NULL(e);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "defines no parameters"));
    rl_params_free(p);
}

static char *repeat(const char *a, int n, const char *mid, const char *b)
{
    size_t la = strlen(a), lm = strlen(mid), lb = strlen(b);
    char *s = malloc(la * (size_t)n + lm + lb * (size_t)n + 1);
    char *o = s;
    for (int i = 0; i < n; i++, o += la)
        memcpy(o, a, la);
    memcpy(o, mid, lm);
    o += lm;
    for (int i = 0; i < n; i++, o += lb)
        memcpy(o, b, lb);
    *o = '\0';
    return s;
}

static void expect_ok(const char *src)
{
    rl_error err;
    rl_error_clear(&err);
    rl_expr *e = rl_expr_compile(src, strlen(src), NULL, 0, &err);
    if (!e) {
        fprintf(stderr, "%.40s...: %s\n", src, err.message);
        CU_FAIL("compile failed");
    }
    rl_expr_free(e);
}

static void test_depth_limit(void)
{
    char *s = repeat("(", RL_EXPR_MAX_DEPTH, "1", ")");
    expect_ok(s);
    free(s);
    s = repeat("(", RL_EXPR_MAX_DEPTH + 1, "1", ")");
    expect_error(s, RL_EXPR_MAX_DEPTH + 1, "nested too deeply");
    free(s);
    s = repeat("(", 30000, "1", ")");
    expect_error(s, RL_EXPR_MAX_DEPTH + 1, "nested too deeply");
    free(s);
    s = repeat("-", 5000, "1", "");
    expect_error(s, RL_EXPR_MAX_DEPTH + 1, "nested too deeply");
    free(s);
    s = repeat("not ", 5000, "true", "");
    expect_error(s, 4 * RL_EXPR_MAX_DEPTH + 1, "nested too deeply");
    free(s);
    s = repeat("[", 5000, "", "]");
    expect_error(s, RL_EXPR_MAX_DEPTH + 1, "nested too deeply");
    free(s);
    s = repeat("abs(", 5000, "1", ")");
    expect_error(s, 4 * RL_EXPR_MAX_DEPTH + 4, "nested too deeply"); /* at its '(' */
    free(s);
    /* long flat chains are one node: no depth at all */
    s = repeat("1+", 20000, "1", "");
    expect_ok(s);
    free(s);
    s = repeat("true and ", 5000, "true", "");
    expect_ok(s);
    free(s);
    /* and the text has a length limit */
    s = repeat("1+", 40000, "1", "");
    expect_error(s, 1, "too long");
    free(s);
}

static void test_spans(void)
{
    rl_error err;
    rl_error_clear(&err);
    const char *src = "  a.b + round(c, 2) * 3 ";
    rl_expr *e = rl_expr_compile(src, strlen(src), NULL, 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    const rl_enode *r = e->root;
    CU_ASSERT_EQUAL(r->col, 3);
    CU_ASSERT_EQUAL(r->tlen, strlen("a.b + round(c, 2) * 3"));
    CU_ASSERT_EQUAL(r->kids[0]->tlen, 3);
    const rl_enode *mul = r->kids[1];
    CU_ASSERT_EQUAL(mul->col, 9);
    CU_ASSERT_EQUAL(mul->kids[0]->tlen, strlen("round(c, 2)"));
    CU_ASSERT_EQUAL(mul->kids[0]->kids[0]->col, 15);
    rl_expr_free(e);
}

static void test_date_field(void)
{
    rl_error err;
    rl_error_clear(&err);
    const char *forms[] = {"2025-12-15", "2025-11", "--12-15", "--11", " 2025-12-15 "};
    const char *want[] = {"date(2025,12,15)", "date(2025,11,0)", "date(0,12,15)", "date(0,11,0)",
                          "date(2025,12,15)"};
    for (int i = 0; i < 5; i++) {
        rl_expr *e = rl_expr_compile(forms[i], strlen(forms[i]), NULL, RL_EXPR_DATE_FIELD, &err);
        CU_ASSERT_PTR_NOT_NULL_FATAL(e);
        rl_sbuf b = RL_SBUF_INIT;
        show(&b, e->root);
        ASSERT_STR_EQ(rl_sbuf_str(&b), want[i]);
        rl_sbuf_free(&b);
        rl_expr_free(e);
    }
    /* without the flag 2025-11 is arithmetic */
    expect_tree("2025-11", "(arith 2025 - 11)");
    /* with it, anything else is still an expression */
    rl_expr *e = rl_expr_compile("@.due", 5, NULL, RL_EXPR_DATE_FIELD, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(e->root->kind, RL_N_PATH);
    rl_expr_free(e);
    /* an impossible date is not a date form: it falls through to arithmetic */
    e = rl_expr_compile("2025-02-30", 10, NULL, RL_EXPR_DATE_FIELD, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(e->root->kind, RL_N_ARITH);
    rl_expr_free(e);
}

static void test_expr_path(void)
{
    rl_error err;
    rl_error_clear(&err);
    rl_expr *e = rl_expr_compile(" $.communes[*].staff ", 21, NULL, 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_PTR_NOT_NULL(rl_expr_path(e));
    ASSERT_STR_EQ(rl_jpath_text(rl_expr_path(e)), "$.communes[*].staff");
    rl_expr_free(e);
    e = rl_expr_compile("staff", 5, NULL, 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    ASSERT_STR_EQ(rl_jpath_text(rl_expr_path(e)), "@.staff");
    rl_expr_free(e);
    e = rl_expr_compile("sum(staff)", 10, NULL, 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_PTR_NULL(rl_expr_path(e));
    rl_expr_free(e);
}

static void test_from_json(void)
{
    rl_error err;
    rl_error_clear(&err);
    const char *src = "{\"n\": 94.60, \"a\": [1, \"x\", {\"k\": null}], \"i\": 9007199254740993}";
    rl_jdoc *d = rl_json_parse(src, strlen(src), NULL, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    rl_expr *n = rl_expr_from_json(rl_json_gets(d->root, "n"), &err);
    rl_expr *a = rl_expr_from_json(rl_json_gets(d->root, "a"), &err);
    rl_expr *i = rl_expr_from_json(rl_json_gets(d->root, "i"), &err);
    rl_jdoc_free(d); /* the literals are copies */
    CU_ASSERT_PTR_NOT_NULL_FATAL(n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(i);
    ASSERT_STR_EQ(rl_expr_text(n), "94.6");
    CU_ASSERT_EQUAL(n->root->u.lit.type, RL_VNUM);
    CU_ASSERT_EQUAL(n->root->u.lit.decimals, 2);
    CU_ASSERT_PTR_NULL(n->root->u.lit.src);
    ASSERT_STR_EQ(rl_expr_text(a), "[1,\"x\",{\"k\":null}]");
    CU_ASSERT_EQUAL(a->root->u.lit.type, RL_VNODE);
    const rl_jnode *arr = a->root->u.lit.u.node;
    CU_ASSERT_EQUAL(rl_json_size(arr), 3);
    CU_ASSERT_STRING_EQUAL(rl_jn_str(rl_json_at(arr, 1)), "x");
    CU_ASSERT_PTR_EQUAL(rl_jn_parent(rl_json_at(arr, 2)), arr);
    CU_ASSERT_EQUAL(rl_jn_type(rl_json_gets(rl_json_at(arr, 2), "k")), RL_JNULL);
    CU_ASSERT_EQUAL(i->root->u.lit.type, RL_VINT);
    CU_ASSERT_EQUAL(i->root->u.lit.u.i, 9007199254740993LL);
    CU_ASSERT_PTR_NULL(rl_expr_path(i));
    rl_expr_free(n);
    rl_expr_free(a);
    rl_expr_free(i);
    CU_ASSERT_PTR_NULL(rl_expr_from_json(NULL, &err));
}

int main(void)
{
    static const unit_test tests[] = {
        {"precedence and associativity", test_precedence},
        {"literals", test_literals},
        {"calls and literal regexes", test_calls},
        {"errors with columns", test_errors},
        {"$names unchecked without a parameter set", test_params_unchecked_without_set},
        {"nesting limit, flat chains, length limit", test_depth_limit},
        {"source spans and columns of nodes", test_spans},
        {"date fields", test_date_field},
        {"rl_expr_path", test_expr_path},
        {"literal expressions from JSON", test_from_json},
        {NULL, NULL},
    };
    return unit_run("expr_parse", tests);
}
