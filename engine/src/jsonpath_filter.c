/* jsonpath_filter.c — the logical expression of a filter selector
 * (RFC 9535 §2.3.5): ||, &&, !, parentheses, comparisons, existence tests,
 * literals and function calls, type-checked as the RFC's §2.4.3 demands.
 *
 *   or    := and *(S "||" S and)        and := basic *(S "&&" S basic)
 *   basic := "!" S ("(" or ")" / query / call) / "(" S or S ")"
 *          / primary [S op S primary]   primary := literal / query / call
 *
 * Invariants: a bare primary is only accepted where its type fits — in a
 * logical position (filter, &&, ||, !, parentheses) it must be a query or
 * a function returning LogicalType/NodesType; in a comparison a singular
 * query, a literal or a ValueType function; as an argument whatever the
 * parameter's declared type admits. Every recursion passes parse_basic,
 * which bounds the nesting at JP_MAX_NESTING. */
#include "jsonpath_int.h"

#include <string.h>

static const jp_expr *parse_or(jp_parser *p);
static const jp_expr *parse_basic(jp_parser *p);

static jp_expr *new_expr(jp_parser *p, jp_expr_kind kind, size_t pos)
{
    jp_expr *e = jp_alloc(p, sizeof *e);
    if (e) {
        e->kind = kind;
        e->pos = pos;
    }
    return e;
}

/* ---- type rules --------------------------------------------------------- */

static int check_logical(jp_parser *p, const jp_expr *e)
{
    if (e->kind == JP_LITERAL)
        return jp_fail(p, e->pos, "a literal must be compared, e.g. @.x == 1");
    if (e->kind == JP_CALL && e->u.call.fn->result == JP_VALUE)
        return jp_fail(p, e->pos, "%s() returns a value, which must be compared, e.g. %s(...) == 1",
                       e->u.call.fn->name, e->u.call.fn->name);
    return 1;
}

/* Why a query is not singular, for messages. */
static const char *not_singular_why(const jp_query *q)
{
    return q->spaced ? "it has blank space inside brackets"
                     : "it selects more than names and indexes";
}

static int check_comparable(jp_parser *p, const jp_expr *e)
{
    if (e->kind == JP_QUERY && !e->u.query.singular)
        return jp_fail(p, e->pos, "a query in a comparison must be singular, but %s",
                       not_singular_why(&e->u.query));
    if (e->kind == JP_CALL && e->u.call.fn->result != JP_VALUE)
        return jp_fail(p, e->pos, "%s() returns a logical value, which cannot be compared",
                       e->u.call.fn->name);
    return 1;
}

static int check_arg(jp_parser *p, const jp_func *fn, size_t i, const jp_expr *a)
{
    switch (fn->params[i]) {
    case JP_VALUE:
        if (a->kind == JP_LITERAL || (a->kind == JP_QUERY && a->u.query.singular) ||
            (a->kind == JP_CALL && a->u.call.fn->result == JP_VALUE))
            return 1;
        if (a->kind == JP_QUERY)
            return jp_fail(p, a->pos, "argument %zu of %s() must be a single value, but %s", i + 1,
                           fn->name, not_singular_why(&a->u.query));
        return jp_fail(p, a->pos,
                       "argument %zu of %s() must be a value: a literal, a singular query or "
                       "a function returning a value",
                       i + 1, fn->name);
    case JP_NODES:
        if (a->kind == JP_QUERY)
            return 1;
        return jp_fail(p, a->pos, "argument %zu of %s() must be a query", i + 1, fn->name);
    case JP_LOGICAL: return check_logical(p, a);
    }
    return 0;
}

/* ---- operators --------------------------------------------------------- */

/* The comparison operator at byte at: its length (0: none). */
static size_t cmp_op_at(const jp_parser *p, size_t at, jp_op *op)
{
    int c = jp_peek_at(p, at), eq = jp_peek_at(p, at + 1) == '=';
    switch (c) {
    case '=': *op = JP_EQ; return eq ? 2 : 0;
    case '!': *op = JP_NE; return eq ? 2 : 0;
    case '<': *op = eq ? JP_LE : JP_LT; return eq ? 2 : 1;
    case '>': *op = eq ? JP_GE : JP_GT; return eq ? 2 : 1;
    default: return 0;
    }
}

/* 1 when a comparison operator follows (after blank space). */
static int cmp_follows(const jp_parser *p)
{
    size_t at = p->pos;
    while (jp_is_blank(jp_peek_at(p, at)))
        at++;
    jp_op op;
    return cmp_op_at(p, at, &op) > 0;
}

/* ---- primaries ---------------------------------------------------------- */

static const jp_expr *make_literal(jp_parser *p, size_t at, rl_jnode *node)
{
    jp_expr *e = new_expr(p, JP_LITERAL, at);
    if (e)
        e->u.literal = node;
    return e;
}

static const jp_expr *parse_string_literal(jp_parser *p)
{
    size_t at = p->pos;
    rl_jnode *n = jp_alloc(p, sizeof *n);
    const char *s;
    size_t len;
    if (!n || !jp_lex_string(p, &s, &len))
        return NULL;
    rl_jn_init_string(n, s, len, at);
    return make_literal(p, at, n);
}

static const jp_expr *parse_number_literal(jp_parser *p)
{
    size_t at = p->pos;
    rl_jnode *n = jp_alloc(p, sizeof *n);
    if (!n || !jp_lex_number(p, n))
        return NULL;
    return make_literal(p, at, n);
}

/* true, false or null: n bytes at pos. */
static const jp_expr *parse_word(jp_parser *p, size_t n)
{
    static const struct {
        const char *w;
        rl_jtype t;
    } words[] = {{"true", RL_JTRUE}, {"false", RL_JFALSE}, {"null", RL_JNULL}};
    size_t at = p->pos;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (strlen(words[i].w) != n || memcmp(p->s + at, words[i].w, n) != 0)
            continue;
        rl_jnode *node = jp_alloc(p, sizeof *node);
        if (!node)
            return NULL;
        rl_jn_init_literal(node, words[i].t, at);
        p->pos += n;
        return make_literal(p, at, node);
    }
    return jp_fail(p, at, "unknown name '%.*s': expected true, false, null or a function call",
                   (int)n, p->s + at),
           NULL;
}

/* The arguments after '(' up to ')'. */
static int parse_args(jp_parser *p, jp_expr *call)
{
    jp_skip_blank(p);
    if (jp_peek(p) == ')') {
        p->pos++;
        return 1;
    }
    for (;;) {
        const jp_expr *a = parse_or(p);
        if (!a)
            return 0;
        call->u.call.args = jp_push(p, call->u.call.args, &call->u.call.nargs, sizeof a);
        if (!call->u.call.args)
            return 0;
        call->u.call.args[call->u.call.nargs - 1] = a;
        jp_skip_blank(p);
        int c = jp_peek(p);
        p->pos++;
        if (c == ')')
            return 1;
        if (c != ',')
            return jp_fail(p, p->pos - 1, "expected ',' or ')' in the arguments of %s()",
                           call->u.call.fn->name);
        jp_skip_blank(p);
    }
}

/* function-expr: n bytes of name at pos, then '('. */
static const jp_expr *parse_call(jp_parser *p, size_t n)
{
    size_t at = p->pos;
    const jp_func *fn = jp_func_find(p->s + at, n);
    if (!fn)
        return jp_fail(p, at,
                       "unknown function %.*s() (known: length, count, match, search, "
                       "value)",
                       (int)n, p->s + at),
               NULL;
    jp_expr *e = new_expr(p, JP_CALL, at);
    if (!e)
        return NULL;
    e->u.call.fn = fn;
    p->pos += n + 1;
    if (!parse_args(p, e))
        return NULL;
    if (e->u.call.nargs != fn->nparams)
        return jp_fail(p, at, "function %s() expects %zu argument%s", fn->name, fn->nparams,
                       fn->nparams == 1 ? "" : "s"),
               NULL;
    for (size_t i = 0; i < fn->nparams; i++)
        if (!check_arg(p, fn, i, e->u.call.args[i]))
            return NULL;
    if (fn->prepare && !fn->prepare(e, p))
        return NULL;
    return e;
}

static const jp_expr *parse_primary(jp_parser *p)
{
    size_t at = p->pos;
    int c = jp_peek(p);
    if (c == '$' || c == '@') {
        jp_expr *e = new_expr(p, JP_QUERY, at);
        return e && jp_parse_query(p, &e->u.query) ? e : NULL;
    }
    if (c == '\'' || c == '"')
        return parse_string_literal(p);
    if (c == '-' || (c >= '0' && c <= '9'))
        return parse_number_literal(p);
    size_t n = jp_lex_function_name(p);
    if (n && jp_peek_at(p, at + n) == '(')
        return parse_call(p, n);
    if (n)
        return parse_word(p, n);
    if (c < 0)
        return jp_fail(p, at, "unexpected end of the query in a filter expression"), NULL;
    return jp_fail(p, at, "expected a query, a literal, a function call, '(' or '!'"), NULL;
}

/* ---- logical structure -------------------------------------------------- */

static const jp_expr *parse_paren(jp_parser *p)
{
    size_t open = p->pos;
    p->pos++;
    jp_skip_blank(p);
    const jp_expr *e = parse_or(p);
    if (!e)
        return NULL;
    jp_skip_blank(p);
    if (jp_peek(p) != ')')
        return jp_fail(p, p->pos, "expected ')' to close a '('"), NULL;
    p->pos++;
    if (!check_logical(p, e))
        return NULL;
    if (cmp_follows(p))
        return jp_fail(p, open, "a parenthesized expression cannot be compared"), NULL;
    return e;
}

static const jp_expr *parse_not(jp_parser *p)
{
    size_t at = p->pos;
    p->pos++;
    jp_skip_blank(p);
    const jp_expr *x = jp_peek(p) == '(' ? parse_paren(p) : parse_primary(p);
    if (!x || !check_logical(p, x))
        return NULL;
    if (cmp_follows(p))
        return jp_fail(p, at, "'!' cannot negate one side of a comparison: write !(a == b)"), NULL;
    jp_expr *e = new_expr(p, JP_NOT, at);
    if (e)
        e->u.operand = x;
    return e;
}

/* After a primary l: an optional comparison operator and right side. */
static const jp_expr *parse_comparison(jp_parser *p, const jp_expr *l)
{
    size_t before = p->pos;
    jp_skip_blank(p);
    jp_op op;
    size_t n = cmp_op_at(p, p->pos, &op);
    if (n == 0) {
        p->pos = before;
        return l;
    }
    if (!check_comparable(p, l))
        return NULL;
    p->pos += n;
    jp_skip_blank(p);
    const jp_expr *r = parse_primary(p);
    if (!r || !check_comparable(p, r))
        return NULL;
    if (cmp_follows(p))
        return jp_fail(p, l->pos, "comparisons do not chain: combine them with && or ||"), NULL;
    jp_expr *e = new_expr(p, JP_CMP, l->pos);
    if (e) {
        e->u.bin.l = l;
        e->u.bin.r = r;
        e->u.bin.op = op;
    }
    return e;
}

static const jp_expr *parse_basic_inner(jp_parser *p)
{
    int c = jp_peek(p);
    if (c == '!' && jp_peek_at(p, p->pos + 1) != '=')
        return parse_not(p);
    if (c == '(')
        return parse_paren(p);
    const jp_expr *l = parse_primary(p);
    return l ? parse_comparison(p, l) : NULL;
}

static const jp_expr *parse_basic(jp_parser *p)
{
    if (p->depth >= JP_MAX_NESTING)
        return jp_fail(p, p->pos, "filter expressions nested too deeply (limit %d)",
                       JP_MAX_NESTING),
               NULL;
    p->depth++;
    const jp_expr *e = parse_basic_inner(p);
    p->depth--;
    return e;
}

/* and := basic *(S "&&" S basic) when is_and, else or := and *(S "||" S and). */
static const jp_expr *parse_chain(jp_parser *p, int is_and)
{
    const char sym = is_and ? '&' : '|';
    const jp_expr *l = is_and ? parse_basic(p) : parse_chain(p, 1);
    for (;;) {
        if (!l)
            return NULL;
        size_t before = p->pos;
        jp_skip_blank(p);
        if (jp_peek(p) != sym || jp_peek_at(p, p->pos + 1) != sym) {
            p->pos = before;
            return l;
        }
        if (!check_logical(p, l))
            return NULL;
        p->pos += 2;
        jp_skip_blank(p);
        const jp_expr *r = is_and ? parse_basic(p) : parse_chain(p, 1);
        if (!r || !check_logical(p, r))
            return NULL;
        jp_expr *e = new_expr(p, is_and ? JP_AND : JP_OR, l->pos);
        if (e) {
            e->u.bin.l = l;
            e->u.bin.r = r;
        }
        l = e;
    }
}

static const jp_expr *parse_or(jp_parser *p)
{
    return parse_chain(p, 0);
}

int jp_parse_filter(jp_parser *p, const jp_expr **out)
{
    const jp_expr *e = parse_or(p);
    if (!e || !check_logical(p, e))
        return 0;
    *out = e;
    return 1;
}
