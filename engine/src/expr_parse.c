/* expr_parse.c — the expression parser: tokens to an immutable tree, and the
 * compiled expression's life (compile, literal expressions, free).
 *
 * Recursive descent, one function per grammar rule in expr.h, precedence
 * exactly as written there (or < and < not < comparison < + - < * / % <
 * unary minus). Chains of one level (a + b - c, x and y and z) become one
 * n-ary node, so the tree is never deeper than the nesting the text writes,
 * and that nesting (parentheses, lists, calls, not, unary minus) is capped
 * at RL_EXPR_MAX_DEPTH with a compile error — hostile input cannot
 * overflow the stack here or in the evaluator. Comparisons do not chain.
 *
 * Compile-time checks: unknown functions and wrong arity (with a "did you
 * mean"), unknown $names when params are given, literal regular
 * expressions of matches() (compiled once here, errors at their column).
 * Every error has the 1-based code-point column in the expression. */
#include "expr_int.h"
#include "array.h"
#include "suggest.h"
#include "error.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- owned resources ---------------------------------------------------- */

int rl_owned_add_path(rl_owned *o, rl_jpath *q)
{
    if (o->npaths == o->cpaths) {
        size_t c = o->cpaths ? o->cpaths * 2 : 4;
        rl_jpath **p = rl_array_resize(o->paths, c, sizeof *p);
        if (!p) {
            rl_jpath_free(q);
            return 0;
        }
        o->paths = p;
        o->cpaths = c;
    }
    o->paths[o->npaths++] = q;
    return 1;
}

int rl_owned_add_regex(rl_owned *o, rl_regex *re)
{
    if (o->nregexes == o->cregexes) {
        size_t c = o->cregexes ? o->cregexes * 2 : 2;
        rl_regex **p = rl_array_resize(o->regexes, c, sizeof *p);
        if (!p) {
            rl_regex_free(re);
            return 0;
        }
        o->regexes = p;
        o->cregexes = c;
    }
    o->regexes[o->nregexes++] = re;
    return 1;
}

void rl_owned_free(rl_owned *o)
{
    for (size_t i = 0; i < o->npaths; i++)
        rl_jpath_free(o->paths[i]);
    for (size_t i = 0; i < o->nregexes; i++)
        rl_regex_free(o->regexes[i]);
    free(o->paths);
    free(o->regexes);
    memset(o, 0, sizeof *o);
}

/* ---- the parser --------------------------------------------------------- */

typedef struct parser {
    rl_lexer lx;
    rl_token tok;    /* the current token */
    size_t prev_end; /* end offset of the token before tok */
    rl_expr *e;
    const rl_params *params;
    unsigned depth;
    rl_error *err;
    int failed;
} parser;

static int fail(parser *p, unsigned col, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail(parser *p, unsigned col, const char *fmt, ...)
{
    if (p->failed)
        return 0;
    va_list ap;
    va_start(ap, fmt);
    rl_error_vset(p->err, 0, col, fmt, ap);
    va_end(ap);
    p->failed = 1;
    return 0;
}

static int next(parser *p)
{
    if (p->failed)
        return 0;
    p->prev_end = p->tok.off + p->tok.len;
    if (!rl_lex_next(&p->lx, &p->tok)) {
        p->failed = 1;
        return 0;
    }
    return 1;
}

/* "'foo'" (the token's text, shortened) or "end of expression". */
static const char *found(parser *p, char *buf, size_t size)
{
    if (p->tok.kind == RL_T_EOF)
        return "end of expression";
    size_t n = p->tok.len;
    const char *s = p->e->text + p->tok.off;
    if (n > 24) {
        n = 24;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
        snprintf(buf, size, "'%.*s...'", (int)n, s);
    } else {
        snprintf(buf, size, "'%.*s'", (int)n, s);
    }
    return buf;
}

static int enter(parser *p)
{
    if (++p->depth > RL_EXPR_MAX_DEPTH)
        return fail(p, p->tok.col,
                    "expression nested too deeply (more than %d levels of "
                    "parentheses, lists, calls, 'not' or '-')",
                    RL_EXPR_MAX_DEPTH);
    return 1;
}

static rl_enode *new_node(parser *p, rl_node_kind kind, size_t start, unsigned col)
{
    rl_enode *n = rl_arena_calloc(p->e->arena, sizeof *n);
    if (!n) {
        fail(p, p->tok.col, "out of memory");
        return NULL;
    }
    n->kind = (uint8_t)kind;
    n->col = col;
    n->text = p->e->text + start;
    n->tlen = 0;
    return n;
}

/* Close a node's source span at the end of the last token read. */
static rl_enode *finish(parser *p, rl_enode *n)
{
    if (n) {
        size_t start = (size_t)(n->text - p->e->text);
        n->tlen = p->prev_end > start ? p->prev_end - start : 0;
    }
    return n;
}

/* A growable list of children (in the arena). */
typedef struct kidvec {
    const rl_enode **kids;
    uint8_t *ops;
    size_t n, cap;
} kidvec;

static int kid_push(parser *p, kidvec *v, const rl_enode *kid, uint8_t op)
{
    if (v->n == v->cap) {
        size_t c = v->cap ? v->cap * 2 : 4;
        const rl_enode **k = rl_arena_grow(p->e->arena, (void *)v->kids, v->cap * sizeof *k,
                                           c * sizeof *k);
        uint8_t *o = rl_arena_grow(p->e->arena, v->ops, v->cap, c);
        if (!k || !o)
            return fail(p, p->tok.col, "out of memory");
        v->kids = k;
        v->ops = o;
        v->cap = c;
    }
    v->kids[v->n] = kid;
    v->ops[v->n] = op;
    v->n++;
    return 1;
}

static const rl_enode *parse_expr(parser *p);

static const rl_enode *parse_unary(parser *p);

static rl_enode *literal(parser *p, size_t start, unsigned col)
{
    return new_node(p, RL_N_LIT, start, col);
}

static int is_cmp(rl_tok_kind k)
{
    return k == RL_T_EQ || k == RL_T_NE || k == RL_T_LT || k == RL_T_LE || k == RL_T_GT ||
           k == RL_T_GE || k == RL_T_IN;
}

static const char *suggest_function(const char *name, size_t len)
{
    const char *best = NULL;
    size_t bestd = 3;
    for (const rl_func *f = rl_func_table(); f->name; f++) {
        size_t d = rl_edit_distance(name, len, f->name, strlen(f->name));
        if (d < bestd) {
            bestd = d;
            best = f->name;
        }
    }
    return best;
}

static void unknown_function(parser *p, const rl_token *t)
{
    const char *s = suggest_function(t->s, t->slen);
    if (s) {
        fail(p, t->col, "unknown function '%.*s' (did you mean '%s'?)", (int)t->slen, t->s, s);
        return;
    }
    char list[400];
    size_t o = 0;
    list[0] = '\0';
    for (const rl_func *f = rl_func_table(); f->name && o + 20 < sizeof list; f++)
        o += (size_t)snprintf(list + o, sizeof list - o, "%s%s", o ? ", " : "", f->name);
    fail(p, t->col, "unknown function '%.*s' (known: %s)", (int)t->slen, t->s, list);
}

/* matches(s, 'literal'[, 'flags']): compile the pattern now. */
static int compile_literal_regex(parser *p, rl_enode *call)
{
    const rl_enode *pat = call->nkids > 1 ? call->kids[1] : NULL;
    const rl_enode *fl = call->nkids > 2 ? call->kids[2] : NULL;
    if (!pat || pat->kind != RL_N_LIT || pat->u.lit.type != RL_VSTR)
        return 1;
    unsigned flags = 0;
    if (fl) {
        if (fl->kind != RL_N_LIT || fl->u.lit.type != RL_VSTR)
            return 1;
        rl_error ferr;
        rl_error_clear(&ferr);
        if (!rl_regex_parse_flags(fl->u.lit.u.str.s, &flags, &ferr))
            return fail(p, fl->col, "%s", ferr.message);
    }
    rl_error rerr;
    rl_error_clear(&rerr);
    rl_regex *re = rl_regex_compile(pat->u.lit.u.str.s, pat->u.lit.u.str.len, flags, NULL, &rerr);
    if (!re) {
        size_t off = (size_t)(pat->text - p->e->text);
        unsigned col = rerr.column
                           ? rl_lex_string_column(p->e->text, p->e->len, off, rerr.column - 1)
                           : pat->col;
        char msg[sizeof rerr.message];
        snprintf(msg, sizeof msg, "%s", rerr.message);
        char *at = strstr(msg, " at column ");
        if (at)
            *at = '\0';
        return fail(p, col, "%s at column %u", msg, col);
    }
    if (!rl_owned_add_regex(&p->e->owned, re))
        return fail(p, pat->col, "out of memory");
    call->u.call.re = re;
    return 1;
}

/* num(x, 'vi'), date(x, 'ru'): an unknown literal locale is a load error. */
static int check_literal_locale(parser *p, const rl_enode *call)
{
    const rl_enode *loc = call->nkids > 1 ? call->kids[1] : NULL;
    if (!loc || loc->kind != RL_N_LIT || loc->u.lit.type != RL_VSTR)
        return 1;
    char tag[64];
    rl_error err;
    rl_error_clear(&err);
    if (loc->u.lit.u.str.len >= sizeof tag) /* judged when evaluated */
        return 1;
    snprintf(tag, sizeof tag, "%.*s", (int)loc->u.lit.u.str.len, loc->u.lit.u.str.s);
    if (rl_locale_check(tag, &err) == 0)
        return 1;
    return fail(p, loc->col, "%s(): %s", call->u.call.fn->name, err.message);
}

static const rl_enode *parse_call(parser *p)
{
    rl_token name = p->tok;
    const rl_func *fn = rl_func_find(name.s, name.slen);
    if (!fn) {
        unknown_function(p, &name);
        return NULL;
    }
    rl_enode *n = new_node(p, RL_N_CALL, name.off, name.col);
    if (!n || !next(p)) /* the name */
        return NULL;
    unsigned open_col = p->tok.col;
    if (p->tok.kind != RL_T_LPAREN) /* the lexer saw it; never happens */
        return fail(p, p->tok.col, "expected '(' after '%s'", fn->name), NULL;
    if (!enter(p) || !next(p))
        return NULL;
    kidvec args = {0};
    if (p->tok.kind != RL_T_RPAREN) {
        for (;;) {
            const rl_enode *a = parse_expr(p);
            if (!a || !kid_push(p, &args, a, 0))
                return NULL;
            if (p->tok.kind == RL_T_COMMA) {
                if (!next(p))
                    return NULL;
                continue;
            }
            if (p->tok.kind == RL_T_RPAREN)
                break;
            char b[48];
            return fail(p, p->tok.col, "expected ',' or ')' to close '%s(' at column %u, found %s",
                        fn->name, open_col, found(p, b, sizeof b)),
                   NULL;
        }
    }
    if (!next(p)) /* ')' */
        return NULL;
    p->depth--;
    int got = (int)args.n;
    if (got < fn->min_args || (fn->max_args >= 0 && got > fn->max_args)) {
        if (fn->max_args < 0)
            fail(p, name.col, "%s() takes at least %d argument%s, got %d (usage: %s)", fn->name,
                 fn->min_args, fn->min_args == 1 ? "" : "s", got, fn->usage);
        else if (fn->min_args == fn->max_args)
            fail(p, name.col, "%s() takes %d argument%s, got %d (usage: %s)", fn->name,
                 fn->min_args, fn->min_args == 1 ? "" : "s", got, fn->usage);
        else
            fail(p, name.col, "%s() takes %d %s %d arguments, got %d (usage: %s)", fn->name,
                 fn->min_args, fn->max_args == fn->min_args + 1 ? "or" : "to", fn->max_args, got,
                 fn->usage);
        return NULL;
    }
    n->kids = args.kids;
    n->nkids = args.n;
    n->u.call.fn = fn;
    finish(p, n);
    if ((fn->flags & RL_FN_REGEX) && !compile_literal_regex(p, n))
        return NULL;
    if ((fn->flags & RL_FN_LOCALE) && !check_literal_locale(p, n))
        return NULL;
    return n;
}

static int check_param(parser *p, const rl_token *t)
{
    if (!p->params || rl_params_has_n(p->params, t->s, t->slen))
        return 1;
    const char *s = rl_params_suggest(p->params, t->s, t->slen);
    if (s)
        return fail(p, t->col, "unknown parameter '$%.*s' (did you mean '$%s'?)", (int)t->slen,
                    t->s, s);
    size_t n = rl_params_count(p->params);
    if (n == 0)
        return fail(p, t->col, "unknown parameter '$%.*s' (the ruleset defines no parameters)",
                    (int)t->slen, t->s);
    char list[400];
    size_t o = 0;
    list[0] = '\0';
    for (size_t i = 0; i < n && o + 40 < sizeof list; i++)
        o += (size_t)snprintf(list + o, sizeof list - o, "%s$%s", o ? ", " : "",
                              rl_params_name(p->params, i));
    return fail(p, t->col, "unknown parameter '$%.*s' (known: %s)", (int)t->slen, t->s, list);
}

static const rl_enode *parse_primary(parser *p)
{
    rl_token t = p->tok;
    rl_enode *n = NULL;
    char b[48];
    switch (t.kind) {
    case RL_T_INT:
        if (t.int_min_pending)
            return fail(p, t.col,
                        "integer 9223372036854775808 is too large (integers are 64-bit, "
                        "at most 9223372036854775807)"),
                   NULL;
        if (!(n = literal(p, t.off, t.col)))
            return NULL;
        rl_value_set_int(&n->u.lit, t.i);
        n->u.lit.decimals = 0;
        break;
    case RL_T_NUM:
        if (!(n = literal(p, t.off, t.col)))
            return NULL;
        rl_value_set_num(&n->u.lit, t.d);
        n->u.lit.decimals = t.decimals;
        break;
    case RL_T_STR:
        if (!(n = literal(p, t.off, t.col)))
            return NULL;
        rl_value_set_str(&n->u.lit, t.s, t.slen);
        break;
    case RL_T_TRUE:
    case RL_T_FALSE:
        if (!(n = literal(p, t.off, t.col)))
            return NULL;
        rl_value_set_bool(&n->u.lit, t.kind == RL_T_TRUE);
        break;
    case RL_T_NULL:
        if (!(n = literal(p, t.off, t.col)))
            return NULL;
        rl_value_set_null(&n->u.lit);
        break;
    case RL_T_PATH:
        if (!(n = new_node(p, RL_N_PATH, t.off, t.col)))
            return NULL;
        n->u.path.q = t.path;
        n->u.path.singular = rl_jpath_is_singular(t.path);
        break;
    case RL_T_PARAM:
        if (!check_param(p, &t) || !(n = new_node(p, RL_N_PARAM, t.off, t.col)))
            return NULL;
        n->u.param.name = rl_arena_strndup(p->e->arena, t.s, t.slen);
        n->u.param.len = t.slen;
        n->u.param.q = t.path;
        n->u.param.singular = t.path && rl_jpath_is_singular(t.path);
        if (!n->u.param.name)
            return fail(p, t.col, "out of memory"), NULL;
        break;
    case RL_T_FUNC: return parse_call(p);
    case RL_T_LPAREN: {
        if (!enter(p) || !next(p))
            return NULL;
        const rl_enode *inner = parse_expr(p);
        if (!inner)
            return NULL;
        if (p->tok.kind != RL_T_RPAREN)
            return fail(p, p->tok.col, "expected ')' to close '(' at column %u, found %s", t.col,
                        found(p, b, sizeof b)),
                   NULL;
        p->depth--;
        next(p);
        return p->failed ? NULL : inner;
    }
    case RL_T_LBRACK: {
        if (!enter(p) || !next(p))
            return NULL;
        if (!(n = new_node(p, RL_N_LIST, t.off, t.col)))
            return NULL;
        kidvec items = {0};
        if (p->tok.kind != RL_T_RBRACK) {
            for (;;) {
                const rl_enode *it = parse_expr(p);
                if (!it || !kid_push(p, &items, it, 0))
                    return NULL;
                if (p->tok.kind == RL_T_COMMA) {
                    if (!next(p))
                        return NULL;
                    continue;
                }
                if (p->tok.kind == RL_T_RBRACK)
                    break;
                return fail(p, p->tok.col,
                            "expected ',' or ']' to close '[' at column %u, found %s", t.col,
                            found(p, b, sizeof b)),
                       NULL;
            }
        }
        p->depth--;
        n->kids = items.kids;
        n->nkids = items.n;
        break;
    }
    case RL_T_EOF:
        return fail(p, t.col,
                    "expected a value (a number, string, path, $parameter, function "
                    "call, '(' or '['), found end of expression"),
               NULL;
    default:
        return fail(p, t.col,
                    "expected a value (a number, string, path, $parameter, function "
                    "call, '(' or '['), found %s",
                    found(p, b, sizeof b)),
               NULL;
    }
    if (!next(p))
        return NULL;
    return finish(p, n);
}

static const rl_enode *parse_unary(parser *p)
{
    if (p->tok.kind == RL_T_PLUS)
        return fail(p, p->tok.col, "unary '+' is not supported: write the number without it"), NULL;
    if (p->tok.kind != RL_T_MINUS)
        return parse_primary(p);
    rl_token minus = p->tok;
    if (!enter(p) || !next(p))
        return NULL;
    const rl_enode *kid;
    if (p->tok.kind == RL_T_INT && p->tok.int_min_pending) {
        /* -9223372036854775808: the one literal that needs the minus */
        rl_enode *lit = literal(p, minus.off, minus.col);
        if (!lit || !next(p))
            return NULL;
        rl_value_set_int(&lit->u.lit, INT64_MIN);
        lit->u.lit.decimals = 0;
        p->depth--;
        return finish(p, lit);
    }
    kid = parse_unary(p);
    if (!kid)
        return NULL;
    p->depth--;
    if (kid->kind == RL_N_LIT && (kid->u.lit.type == RL_VINT || kid->u.lit.type == RL_VNUM) &&
        !(kid->u.lit.type == RL_VINT && kid->u.lit.u.i == INT64_MIN)) {
        /* fold a negative literal */
        rl_enode *lit = literal(p, minus.off, minus.col);
        if (!lit)
            return NULL;
        lit->u.lit = kid->u.lit;
        if (lit->u.lit.type == RL_VINT)
            lit->u.lit.u.i = -lit->u.lit.u.i;
        else
            lit->u.lit.u.d = -lit->u.lit.u.d;
        return finish(p, lit);
    }
    rl_enode *n = new_node(p, RL_N_NEG, minus.off, minus.col);
    if (!n)
        return NULL;
    n->kids = rl_arena_alloc(p->e->arena, sizeof *n->kids);
    if (!n->kids)
        return fail(p, minus.col, "out of memory"), NULL;
    n->kids[0] = kid;
    n->nkids = 1;
    return finish(p, n);
}

/* One level of a left-associative chain: kids joined by the operators for
 * which is_op() holds; a single operand is returned as it is. */
static const rl_enode *parse_chain(parser *p, rl_node_kind kind,
                                   const rl_enode *(*operand)(parser *), int (*is_op)(rl_tok_kind))
{
    size_t start = p->tok.off;
    unsigned scol = p->tok.col;
    const rl_enode *first = operand(p);
    if (!first || !is_op(p->tok.kind))
        return first;
    kidvec v = {0};
    if (!kid_push(p, &v, first, 0))
        return NULL;
    while (is_op(p->tok.kind)) {
        uint8_t op = (uint8_t)p->tok.kind;
        if (!next(p))
            return NULL;
        const rl_enode *k = operand(p);
        if (!k || !kid_push(p, &v, k, op))
            return NULL;
    }
    rl_enode *n = new_node(p, kind, start, scol);
    if (!n)
        return NULL;
    n->kids = v.kids;
    n->ops = v.ops;
    n->nkids = v.n;
    return finish(p, n);
}

static int is_mul(rl_tok_kind k)
{
    return k == RL_T_STAR || k == RL_T_SLASH || k == RL_T_PERCENT;
}

static int is_add(rl_tok_kind k)
{
    return k == RL_T_PLUS || k == RL_T_MINUS;
}

static int is_and(rl_tok_kind k)
{
    return k == RL_T_AND;
}

static int is_or(rl_tok_kind k)
{
    return k == RL_T_OR;
}

static const rl_enode *parse_mul(parser *p)
{
    return parse_chain(p, RL_N_ARITH, parse_unary, is_mul);
}

static const rl_enode *parse_add(parser *p)
{
    return parse_chain(p, RL_N_ARITH, parse_mul, is_add);
}

static const rl_enode *parse_cmp(parser *p)
{
    size_t start = p->tok.off;
    unsigned scol = p->tok.col;
    const rl_enode *l = parse_add(p);
    if (!l || !is_cmp(p->tok.kind))
        return l;
    rl_tok_kind op = p->tok.kind;
    if (!next(p))
        return NULL;
    const rl_enode *r = parse_add(p);
    if (!r)
        return NULL;
    if (is_cmp(p->tok.kind))
        return fail(p, p->tok.col,
                    "comparisons do not chain: %s cannot follow %s; combine two "
                    "comparisons with 'and'",
                    rl_tok_name(p->tok.kind), rl_tok_name(op)),
               NULL;
    rl_enode *n = new_node(p, op == RL_T_IN ? RL_N_IN : RL_N_CMP, start, scol);
    const rl_enode **kids = rl_arena_alloc(p->e->arena, 2 * sizeof *kids);
    if (!n || !kids)
        return fail(p, p->tok.col, "out of memory"), NULL;
    kids[0] = l;
    kids[1] = r;
    n->kids = kids;
    n->nkids = 2;
    n->op = (uint8_t)op;
    return finish(p, n);
}

static const rl_enode *parse_not(parser *p)
{
    if (p->tok.kind != RL_T_NOT)
        return parse_cmp(p);
    size_t start = p->tok.off;
    unsigned scol = p->tok.col;
    if (!enter(p) || !next(p))
        return NULL;
    const rl_enode *kid = parse_not(p);
    if (!kid)
        return NULL;
    p->depth--;
    rl_enode *n = new_node(p, RL_N_NOT, start, scol);
    const rl_enode **kids = rl_arena_alloc(p->e->arena, sizeof *kids);
    if (!n || !kids)
        return fail(p, p->tok.col, "out of memory"), NULL;
    kids[0] = kid;
    n->kids = kids;
    n->nkids = 1;
    return finish(p, n);
}

static const rl_enode *parse_and(parser *p)
{
    return parse_chain(p, RL_N_AND, parse_not, is_and);
}

static const rl_enode *parse_expr(parser *p)
{
    return parse_chain(p, RL_N_OR, parse_and, is_or);
}

/* ---- compiled expressions ----------------------------------------------- */

static rl_expr *expr_new(const char *text, size_t len)
{
    rl_expr *e = calloc(1, sizeof *e);
    if (!e)
        return NULL;
    e->text = malloc(len + 1);
    e->arena = rl_arena_new(len * 8 + 1024 > 64 * 1024 ? 0 : len * 8 + 1024);
    if (!e->text || !e->arena) {
        free(e->text);
        rl_arena_free(e->arena);
        free(e);
        return NULL;
    }
    if (len)
        memcpy(e->text, text, len);
    e->text[len] = '\0';
    e->len = len;
    return e;
}

void rl_expr_free(rl_expr *e)
{
    if (!e)
        return;
    rl_owned_free(&e->owned);
    rl_arena_free(e->arena);
    free(e->text);
    free(e);
}

/* A date field's text: 1 when it is wholly a date or period form, -1 (err
 * set) when it is written like a period that does not exist (2025-Q5:
 * otherwise it would be the arithmetic 2025 - Q5, silently null), else 0. */
static int trimmed_date(const char *text, size_t len, rl_date_spec *spec, rl_error *err)
{
    size_t a = 0, b = len;
    char why[96];
    while (a < b && (text[a] == ' ' || text[a] == '\t' || text[a] == '\n' || text[a] == '\r'))
        a++;
    while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\t' || text[b - 1] == '\n' ||
                     text[b - 1] == '\r'))
        b--;
    if (rl_date_parse_period(text + a, b - a, spec))
        return 1;
    if (!rl_date_period_problem(text + a, b - a, why, sizeof why))
        return 0;
    rl_error_set(err, 0, (unsigned)a + 1, "'%.*s' is not a period: %s", (int)(b - a), text + a,
                 why);
    return -1;
}

rl_expr *rl_expr_compile(const char *text, size_t len, const rl_params *params, unsigned flags,
                         rl_error *err)
{
    if (!text)
        text = "";
    if (len > RL_EXPR_MAX_LEN) {
        rl_error_set(err, 0, 1, "expression is too long (%zu bytes; the limit is %u)", len,
                     RL_EXPR_MAX_LEN);
        return NULL;
    }
    size_t bad;
    if (!rl_utf8_valid(text, len, &bad)) {
        unsigned col = (unsigned)rl_utf8_count(text, bad) + 1;
        rl_error_set(err, 0, col, "invalid UTF-8 in the expression at column %u", col);
        return NULL;
    }
    rl_expr *e = expr_new(text, len);
    if (!e) {
        rl_error_set(err, 0, 0, "out of memory");
        return NULL;
    }
    rl_date_spec spec;
    int is_date = (flags & RL_EXPR_DATE_FIELD) ? trimmed_date(text, len, &spec, err) : 0;
    if (is_date < 0) {
        rl_expr_free(e);
        return NULL;
    }
    if (is_date) {
        rl_enode *n = rl_arena_calloc(e->arena, sizeof *n);
        if (!n) {
            rl_expr_free(e);
            rl_error_set(err, 0, 0, "out of memory");
            return NULL;
        }
        n->kind = RL_N_DATE;
        n->col = 1;
        n->text = e->text;
        n->tlen = len;
        n->u.date = spec;
        e->root = n;
        return e;
    }
    parser p;
    memset(&p, 0, sizeof p);
    p.e = e;
    p.params = params;
    rl_error local;
    rl_error_clear(&local);
    p.err = err ? err : &local;
    rl_lex_init(&p.lx, e->text, len, e->arena, &e->owned, p.err);
    const rl_enode *root = NULL;
    if (next(&p)) {
        if (p.tok.kind == RL_T_EOF) {
            fail(&p, 1, "empty expression: expected a value");
        } else {
            root = parse_expr(&p);
            if (root && p.tok.kind != RL_T_EOF) {
                char b[48];
                fail(&p, p.tok.col, "expected an operator or the end of the expression, found %s",
                     found(&p, b, sizeof b));
                root = NULL;
            }
        }
    }
    if (!root || p.failed) {
        rl_expr_free(e);
        return NULL;
    }
    e->root = root;
    return e;
}

/* ---- literal expressions ------------------------------------------------- */

rl_expr *rl_expr_from_json(const rl_jnode *literal_node, rl_error *err)
{
    if (!literal_node) {
        rl_error_set(err, 0, 0, "no value");
        return NULL;
    }
    rl_sbuf text = RL_SBUF_INIT;
    rl_json_write(&text, NULL, literal_node);
    if (!rl_sbuf_ok(&text)) {
        rl_sbuf_free(&text);
        rl_error_set(err, 0, 0, "out of memory");
        return NULL;
    }
    rl_expr *e = expr_new(rl_sbuf_str(&text), text.len);
    rl_sbuf_free(&text);
    rl_enode *n = e ? rl_arena_calloc(e->arena, sizeof *n) : NULL;
    rl_jnode *copy = n ? rl_json_copy(e->arena, literal_node) : NULL;
    if (!copy) {
        rl_expr_free(e);
        rl_error_set(err, 0, 0, "out of memory");
        return NULL;
    }
    n->kind = RL_N_LIT;
    n->col = 1;
    n->text = e->text;
    n->tlen = e->len;
    rl_value_from_node(&n->u.lit, copy);
    n->u.lit.src = NULL; /* a rule-file literal is nothing in the report */
    e->root = n;
    return e;
}

const char *rl_expr_text(const rl_expr *e)
{
    return e ? e->text : "";
}

const rl_jpath *rl_expr_path(const rl_expr *e)
{
    if (e && e->root && e->root->kind == RL_N_PATH)
        return e->root->u.path.q;
    return NULL;
}

int rl_expr_const_date(const rl_expr *e, rl_date *out)
{
    if (!e || !e->root || e->root->kind != RL_N_DATE || !e->root->u.date.year)
        return 0;
    return rl_date_resolve(&e->root->u.date, 0, out);
}

static int node_constant(const rl_enode *n)
{
    if (n->kind == RL_N_PATH || n->kind == RL_N_PARAM || n->kind == RL_N_CALL)
        return 0;
    for (size_t i = 0; i < n->nkids; i++)
        if (!node_constant(n->kids[i]))
            return 0;
    return 1;
}

int rl_expr_is_constant(const rl_expr *e)
{
    return e && e->root && node_constant(e->root);
}
