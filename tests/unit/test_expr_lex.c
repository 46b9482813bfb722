/* test_expr_lex.c — the expression lexer: operators, keywords, numbers
 * (exact ints, decimals, overflow), strings and escapes, $params vs $
 * paths, @ paths, bare names as @ paths, function names, columns, errors. */
#include "unit.h"
#include "expr_int.h"
#include "error.h"

#include <stdint.h>

#define MAXTOK 32

typedef struct lexed {
    rl_arena *arena;
    rl_owned owned;
    rl_token t[MAXTOK];
    size_t n;
    int ok;
    rl_error err;
} lexed;

static void lex(lexed *l, const char *s)
{
    memset(l, 0, sizeof *l);
    l->arena = rl_arena_new(0);
    rl_lexer lx;
    rl_lex_init(&lx, s, strlen(s), l->arena, &l->owned, &l->err);
    l->ok = 1;
    while (l->n < MAXTOK) {
        if (!rl_lex_next(&lx, &l->t[l->n])) {
            l->ok = 0;
            break;
        }
        if (l->t[l->n++].kind == RL_T_EOF)
            break;
    }
}

static void done(lexed *l)
{
    rl_owned_free(&l->owned);
    rl_arena_free(l->arena);
}

static void expect_kinds(const char *s, const rl_tok_kind *kinds, size_t n)
{
    lexed l;
    lex(&l, s);
    CU_ASSERT_TRUE(l.ok);
    CU_ASSERT_EQUAL(l.n, n);
    for (size_t i = 0; i < n && i < l.n; i++) {
        if (l.t[i].kind != kinds[i]) {
            fprintf(stderr, "'%s' token %zu: kind %d, want %d\n", s, i, l.t[i].kind, kinds[i]);
            CU_FAIL("token kind");
        }
    }
    done(&l);
}

static void expect_error(const char *s, unsigned col, const char *needle)
{
    lexed l;
    lex(&l, s);
    CU_ASSERT_FALSE(l.ok);
    if (l.err.column != col) {
        fprintf(stderr, "'%s': column %u, want %u (%s)\n", s, l.err.column, col, l.err.message);
        CU_FAIL("error column");
    }
    CU_ASSERT_EQUAL(l.err.line, 0);
    if (!strstr(l.err.message, needle)) {
        fprintf(stderr, "'%s': message '%s' lacks '%s'\n", s, l.err.message, needle);
        CU_FAIL("error message");
    }
    done(&l);
}

static void test_operators(void)
{
    const rl_tok_kind k[] = {RL_T_PLUS,   RL_T_MINUS, RL_T_STAR,   RL_T_SLASH,  RL_T_PERCENT,
                             RL_T_EQ,     RL_T_NE,    RL_T_LT,     RL_T_LE,     RL_T_GT,
                             RL_T_GE,     RL_T_LPAREN, RL_T_RPAREN, RL_T_LBRACK, RL_T_RBRACK,
                             RL_T_COMMA,  RL_T_EOF};
    expect_kinds("+ - * / % == != < <= > >= ( ) [ ] ,", k, sizeof k / sizeof k[0]);
    const rl_tok_kind k2[] = {RL_T_INT, RL_T_LE, RL_T_INT, RL_T_EOF};
    expect_kinds("1<=2", k2, 4);
}

static void test_keywords(void)
{
    const rl_tok_kind k[] = {RL_T_AND, RL_T_OR, RL_T_NOT, RL_T_IN, RL_T_TRUE, RL_T_FALSE, RL_T_NULL, RL_T_EOF};
    expect_kinds("and or not in true false null", k, 8);
    /* a keyword prefix is a name (a bare path) */
    lexed l;
    lex(&l, "android");
    CU_ASSERT_TRUE(l.ok);
    CU_ASSERT_EQUAL(l.t[0].kind, RL_T_PATH);
    CU_ASSERT_TRUE(l.t[0].bare);
    ASSERT_STR_EQ(rl_jpath_text(l.t[0].path), "@.android");
    done(&l);
}

static void test_numbers(void)
{
    lexed l;
    lex(&l, "0 42 9223372036854775807 9007199254740993 94.60 1e3 2.5E-2 9223372036854775808");
    CU_ASSERT_TRUE_FATAL(l.ok);
    CU_ASSERT(l.t[0].kind == RL_T_INT && l.t[0].i == 0);
    CU_ASSERT(l.t[1].kind == RL_T_INT && l.t[1].i == 42 && l.t[1].decimals == 0);
    CU_ASSERT(l.t[2].kind == RL_T_INT && l.t[2].i == INT64_MAX);
    CU_ASSERT(l.t[3].kind == RL_T_INT && l.t[3].i == 9007199254740993LL);
    CU_ASSERT(l.t[4].kind == RL_T_NUM && l.t[4].d == 94.6 && l.t[4].decimals == 2);
    CU_ASSERT(l.t[5].kind == RL_T_NUM && l.t[5].d == 1000.0 && l.t[5].decimals == -3);
    CU_ASSERT(l.t[6].kind == RL_T_NUM && l.t[6].d == 0.025 && l.t[6].decimals == 3);
    /* 2^63 is only valid under a unary minus: the parser decides */
    CU_ASSERT(l.t[7].kind == RL_T_INT && l.t[7].int_min_pending);
    CU_ASSERT_FALSE(l.t[6].int_min_pending);
    done(&l);
    expect_error("1 + 99999999999999999999", 5, "too large");
    expect_error("9223372036854775809", 1, "too large");
    expect_error("12abc", 3, "after the number");
    expect_error("1.", 2, "after the number");
    expect_error(".5", 1, "digit before the point");
    expect_error("1e999", 1, "out of range");
}

static void test_strings(void)
{
    lexed l;
    lex(&l, "'it''s' \"a\\\"b\" 'x\\ny\\u00e9\\ud83d\\ude00' '\\d+\\b' '' 'caf\xc3\xa9' x");
    CU_ASSERT_TRUE_FATAL(l.ok);
    CU_ASSERT_EQUAL(l.t[0].kind, RL_T_STR);
    ASSERT_STR_EQ(l.t[0].s, "it");
    ASSERT_STR_EQ(l.t[1].s, "s"); /* no '' doubling: two strings */
    ASSERT_STR_EQ(l.t[2].s, "a\"b");
    ASSERT_STR_EQ(l.t[3].s, "x\ny\xc3\xa9\xf0\x9f\x98\x80");
    /* other backslashes stay: regular expressions need no doubling */
    ASSERT_STR_EQ(l.t[4].s, "\\d+\\b");
    CU_ASSERT_EQUAL(l.t[5].slen, 0);
    CU_ASSERT_EQUAL(l.t[6].slen, 5);
    CU_ASSERT_EQUAL(l.t[6].col, 52);
    CU_ASSERT_EQUAL(l.t[7].col, 59); /* code points, not bytes (byte offset 59) */
    CU_ASSERT_EQUAL(l.t[7].off, 59);
    done(&l);
    expect_error("'abc", 1, "unterminated string");
    expect_error("1 + \"abc'", 5, "expected \" to close");
    expect_error("'\\u12'", 2, "\\u escape");
    expect_error("'\\udc00'", 2, "\\u escape");
    expect_error("'\\ud800x'", 2, "\\u escape");
}

static void test_params_and_paths(void)
{
    lexed l;
    lex(&l, "$min_rate + $.a.b[0] - $ * @.x + @ + $['k'] + $..y");
    CU_ASSERT_TRUE_FATAL(l.ok);
    CU_ASSERT_EQUAL(l.t[0].kind, RL_T_PARAM);
    CU_ASSERT_EQUAL(l.t[0].slen, 8);
    CU_ASSERT_EQUAL(memcmp(l.t[0].s, "min_rate", 8), 0);
    CU_ASSERT_EQUAL(l.t[2].kind, RL_T_PATH);
    ASSERT_STR_EQ(rl_jpath_text(l.t[2].path), "$.a.b[0]");
    CU_ASSERT_FALSE(l.t[2].bare);
    CU_ASSERT_EQUAL(l.t[2].col, 13);
    CU_ASSERT_EQUAL(l.t[2].len, 8);
    CU_ASSERT_EQUAL(l.t[3].kind, RL_T_MINUS);
    ASSERT_STR_EQ(rl_jpath_text(l.t[4].path), "$");
    CU_ASSERT_EQUAL(l.t[5].kind, RL_T_STAR);
    ASSERT_STR_EQ(rl_jpath_text(l.t[6].path), "@.x");
    CU_ASSERT_TRUE(rl_jpath_is_relative(l.t[6].path));
    ASSERT_STR_EQ(rl_jpath_text(l.t[8].path), "@");
    ASSERT_STR_EQ(rl_jpath_text(l.t[10].path), "$['k']");
    ASSERT_STR_EQ(rl_jpath_text(l.t[12].path), "$..y");
    CU_ASSERT_EQUAL(l.t[13].kind, RL_T_EOF);
    done(&l);

    /* a product right after a path: '*' is not a wildcard there */
    const rl_tok_kind k[] = {RL_T_PATH, RL_T_STAR, RL_T_INT, RL_T_EOF};
    expect_kinds("@.total*100", k, 4);
    expect_kinds("total*100", k, 4);
    /* filters with their own operators and strings stay inside the path */
    lex(&l, "count($.c[?@.staff > 5 && @.name != ')']) >= 1");
    CU_ASSERT_TRUE_FATAL(l.ok);
    CU_ASSERT_EQUAL(l.t[0].kind, RL_T_FUNC);
    CU_ASSERT_EQUAL(l.t[2].kind, RL_T_PATH);
    ASSERT_STR_EQ(rl_jpath_text(l.t[2].path), "$.c[?@.staff > 5 && @.name != ')']");
    CU_ASSERT_EQUAL(l.t[3].kind, RL_T_RPAREN);
    CU_ASSERT_EQUAL(l.t[4].kind, RL_T_GE);
    done(&l);
}

static void test_bare_names(void)
{
    lexed l;
    lex(&l, "tasks.total == tasks.parts[1].n + sum (x) + x_1");
    CU_ASSERT_TRUE_FATAL(l.ok);
    CU_ASSERT_EQUAL(l.t[0].kind, RL_T_PATH);
    CU_ASSERT_TRUE(l.t[0].bare);
    ASSERT_STR_EQ(rl_jpath_text(l.t[0].path), "@.tasks.total");
    CU_ASSERT_EQUAL(l.t[0].off, 0);
    CU_ASSERT_EQUAL(l.t[0].len, 11); /* the length in the expression, without "@." */
    CU_ASSERT_EQUAL(l.t[1].kind, RL_T_EQ);
    ASSERT_STR_EQ(rl_jpath_text(l.t[2].path), "@.tasks.parts[1].n");
    CU_ASSERT_EQUAL(l.t[2].col, 16);
    CU_ASSERT_EQUAL(l.t[4].kind, RL_T_FUNC); /* a name before '(' is a function */
    CU_ASSERT_EQUAL(l.t[4].slen, 3);
    CU_ASSERT_EQUAL(l.t[5].kind, RL_T_LPAREN);
    ASSERT_STR_EQ(rl_jpath_text(l.t[6].path), "@.x");
    ASSERT_STR_EQ(rl_jpath_text(l.t[9].path), "@.x_1");
    done(&l);
    /* non-ASCII member names */
    lex(&l, "báo_cáo.tổng");
    CU_ASSERT_TRUE_FATAL(l.ok);
    ASSERT_STR_EQ(rl_jpath_text(l.t[0].path), "@.báo_cáo.tổng");
    done(&l);
}

static void test_path_errors(void)
{
    /* JSONPath errors are mapped to columns in the expression */
    expect_error("1 + $.a[", 9, "selector");
    expect_error("1 + tasks..", 12, "after '..'");
    expect_error("x + a.", 7, "after '.'");
    expect_error("$.a['b]", 5, "unterminated");
}

static void test_bad_characters(void)
{
    expect_error("a = 1", 3, "use '=='");
    expect_error("a ! b", 3, "'not' or '!='");
    expect_error("a && b", 3, "use 'and'");
    expect_error("a || b", 3, "use 'or'");
    expect_error("1 # 2", 3, "unexpected '#'");
    expect_error("é + ; ", 5, "unexpected ';'");
    expect_error("1 + \x01", 5, "control character");
}

static void test_columns(void)
{
    lexed l;
    lex(&l, "  'ü' +\n\t1");
    CU_ASSERT_TRUE_FATAL(l.ok);
    CU_ASSERT_EQUAL(l.t[0].col, 3);
    CU_ASSERT_EQUAL(l.t[1].col, 7);
    CU_ASSERT_EQUAL(l.t[2].col, 10); /* columns count every code point, newlines too */
    CU_ASSERT_EQUAL(l.t[3].kind, RL_T_EOF);
    CU_ASSERT_EQUAL(l.t[3].col, 11);
    done(&l);
    CU_ASSERT_EQUAL(rl_expr_column("aé b", 4), 4);
    /* column of a decoded code point inside a string literal */
    const char *s = "x('\\u00e9ab')";
    CU_ASSERT_EQUAL(rl_lex_string_column(s, strlen(s), 2, 0), 4);
    CU_ASSERT_EQUAL(rl_lex_string_column(s, strlen(s), 2, 1), 10);
    CU_ASSERT_EQUAL(rl_lex_string_column(s, strlen(s), 2, 2), 11);
}

int main(void)
{
    static const unit_test tests[] = {
        {"operators", test_operators},
        {"keywords", test_keywords},
        {"numbers: exact ints, decimals, overflow", test_numbers},
        {"strings and escapes", test_strings},
        {"$params, $ and @ paths", test_params_and_paths},
        {"bare names are @ paths", test_bare_names},
        {"path errors mapped to expression columns", test_path_errors},
        {"bad characters", test_bad_characters},
        {"columns in code points", test_columns},
        {NULL, NULL},
    };
    return unit_run("expr_lex", tests);
}
