/* expr_params.c — ruleset and command-line parameters ($name).
 *
 * A parameter is a literal (a number, boolean, null, array or object from
 * the ruleset or a reference file — held as a literal expression), a date
 * as written (ISO forms; a year-less one is resolved when read, against
 * as_of), a plain string (--param NAME=TEXT that is not a JSON scalar or a
 * date), or an expression evaluated against the report root (current =
 * root) each time it is read.
 *
 * Invariants: names are [A-Za-z_][A-Za-z0-9_]*; a rule set declares all
 * its names before compiling any value, so a parameter may use any other
 * whatever the order, and rl_params_cycle finds a cycle before anything
 * is checked; reading parameters nested more than RL_PARAM_MAX_DEPTH deep
 * is still an error rather than a stack overflow. A declared parameter
 * whose value failed to compile is P_PENDING (the rule set has a
 * diagnostic and is never used). A parameter set is read-only once the
 * ruleset is loaded (thread-safe). */
#include "expr_int.h"
#include "array.h"
#include "suggest.h"
#include "error.h"

#include <stdlib.h>
#include <string.h>

enum { P_EXPR, P_DATE, P_STR, P_PENDING };

typedef struct param {
    char *name;
    size_t len;
    int kind;
    rl_expr *expr;     /* P_EXPR */
    rl_date_spec date; /* P_DATE */
    char *str;         /* P_STR (and the date's text) */
    size_t slen;
} param;

struct rl_params {
    param *items;
    size_t n, cap;
};

rl_params *rl_params_new(void)
{
    return calloc(1, sizeof(rl_params));
}

static void param_clear(param *p)
{
    rl_expr_free(p->expr);
    free(p->str);
    p->expr = NULL;
    p->str = NULL;
}

void rl_params_free(rl_params *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n; i++) {
        param_clear(&p->items[i]);
        free(p->items[i].name);
    }
    free(p->items);
    free(p);
}

static param *find(const rl_params *p, const char *name, size_t len)
{
    if (!p)
        return NULL;
    for (size_t i = 0; i < p->n; i++)
        if (p->items[i].len == len && memcmp(p->items[i].name, name, len) == 0)
            return &p->items[i];
    return NULL;
}

int rl_params_has_n(const rl_params *p, const char *name, size_t len)
{
    return find(p, name, len) != NULL;
}

int rl_params_has(const rl_params *p, const char *name)
{
    return name && find(p, name, strlen(name)) != NULL;
}

size_t rl_params_count(const rl_params *p)
{
    return p ? p->n : 0;
}

const char *rl_params_name(const rl_params *p, size_t i)
{
    return p && i < p->n ? p->items[i].name : NULL;
}

const char *rl_params_suggest(const rl_params *p, const char *name, size_t len)
{
    const char *best = NULL;
    size_t bestd = 3;
    for (size_t i = 0; p && i < p->n; i++) {
        size_t d = rl_edit_distance(name, len, p->items[i].name, p->items[i].len);
        if (d < bestd) {
            bestd = d;
            best = p->items[i].name;
        }
    }
    return best;
}

static int valid_name(const char *name)
{
    if (!name || !*name)
        return 0;
    for (const char *c = name; *c; c++) {
        int alpha = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || *c == '_';
        int digit = *c >= '0' && *c <= '9';
        if (!alpha && !(digit && c != name))
            return 0;
    }
    return 1;
}

/* The slot for name: the existing one (cleared) or a new one. */
static param *slot(rl_params *p, const char *name, rl_error *err)
{
    if (!valid_name(name)) {
        rl_error_set(err, 0, 0, "invalid parameter name '%s' (use letters, digits and _)",
                     name ? name : "");
        return NULL;
    }
    size_t len = strlen(name);
    param *it = find(p, name, len);
    if (it) {
        param_clear(it);
        return it;
    }
    param *items = rl_array_grow(p->items, &p->cap, p->n + 1, sizeof *items);
    if (!items) {
        rl_error_set(err, 0, 0, "out of memory");
        return NULL;
    }
    p->items = items;
    it = &p->items[p->n];
    memset(it, 0, sizeof *it);
    it->name = malloc(len + 1);
    if (!it->name) {
        rl_error_set(err, 0, 0, "out of memory");
        return NULL;
    }
    memcpy(it->name, name, len + 1);
    it->len = len;
    p->n++;
    return it;
}

/* Set name to the expression e (taken over, freed on failure). */
static int set_expr(rl_params *p, const char *name, rl_expr *e, rl_error *err)
{
    param *it = slot(p, name, err);
    if (!it) {
        rl_expr_free(e);
        return 0;
    }
    it->kind = P_EXPR;
    it->expr = e;
    return 1;
}

/* A new parameter that failed to define is removed again. */
static void drop_if_empty(rl_params *p, param *it)
{
    if (it->expr || it->kind != P_EXPR)
        return;
    size_t i = (size_t)(it - p->items);
    free(it->name);
    memmove(&p->items[i], &p->items[i + 1], (p->n - i - 1) * sizeof *it);
    p->n--;
}

static int set_date_or_str(param *it, const char *s, size_t len, int kind, rl_error *err)
{
    it->str = calloc(1, len + 16); /* slack: PCRE2 JIT may read a few bytes past a subject */
    if (!it->str) {
        rl_error_set(err, 0, 0, "out of memory");
        return 0;
    }
    if (len)
        memcpy(it->str, s, len);
    it->slen = len;
    it->kind = kind;
    return 1;
}

int rl_params_set_json(rl_params *p, const char *name, const rl_jnode *value, rl_error *err)
{
    if (!p || !value) {
        rl_error_set(err, 0, 0, "parameter '%s' has no value", name ? name : "");
        return 0;
    }
    /* compile before touching the slot: a replaced parameter's old value
     * must not be used by its own new expression */
    rl_expr *e = NULL;
    rl_date_spec spec;
    int is_date = 0;
    if (rl_jn_type(value) == RL_JSTRING) {
        char why[96];
        is_date = rl_date_parse_iso(rl_jn_str(value), rl_jn_str_len(value), &spec);
        if (!is_date &&
            rl_date_period_problem(rl_jn_str(value), rl_jn_str_len(value), why, sizeof why)) {
            rl_error_set(err, 0, 0, "parameter '%s': '%s' is not a period: %s", name ? name : "",
                         rl_jn_str(value), why);
            return 0;
        }
        if (!is_date) {
            e = rl_expr_compile(rl_jn_str(value), rl_jn_str_len(value), p, 0, err);
            if (!e) {
                rl_error_prefix(err, "parameter '%s'", name ? name : "");
                return 0;
            }
        }
    } else {
        e = rl_expr_from_json(value, err);
        if (!e) {
            rl_error_prefix(err, "parameter '%s'", name ? name : "");
            return 0;
        }
    }
    param *it = slot(p, name, err);
    if (!it) {
        rl_expr_free(e);
        return 0;
    }
    if (is_date) {
        it->date = spec;
        if (!set_date_or_str(it, rl_jn_str(value), rl_jn_str_len(value), P_DATE, err)) {
            it->kind = P_EXPR;
            drop_if_empty(p, it);
            return 0;
        }
        return 1;
    }
    it->kind = P_EXPR;
    it->expr = e;
    return 1;
}

int rl_params_declare(rl_params *p, const char *name, rl_error *err)
{
    if (!p)
        return 0;
    param *it = slot(p, name, err);
    if (it)
        it->kind = P_PENDING;
    return it != NULL;
}

int rl_params_set_literal(rl_params *p, const char *name, const rl_jnode *value, rl_error *err)
{
    rl_expr *e = p && value ? rl_expr_from_json(value, err) : NULL;
    if (!e) {
        if (!value)
            rl_error_set(err, 0, 0, "parameter '%s' has no value", name ? name : "");
        return 0;
    }
    return set_expr(p, name, e, err);
}

/* ---- cycles --------------------------------------------------------------- */

/* Call visit for every parameter an expression's tree names. */
static int walk_params(const rl_params *p, const rl_enode *n, size_t *stack, size_t depth,
                       unsigned char *state, rl_sbuf *out);

/* Depth-first from parameter i: state 0 unseen, 1 on the stack, 2 done. */
static int visit(const rl_params *p, size_t i, size_t *stack, size_t depth, unsigned char *state,
                 rl_sbuf *out)
{
    if (state[i] == 2)
        return 0;
    if (state[i] == 1) { /* a cycle: from where i is on the stack back to i */
        size_t from = 0;
        while (stack[from] != i)
            from++;
        for (size_t k = from; k < depth; k++)
            rl_sbuf_printf(out, "$%s -> ", p->items[stack[k]].name);
        rl_sbuf_printf(out, "$%s", p->items[i].name);
        return 1;
    }
    state[i] = 1;
    stack[depth] = i;
    const param *it = &p->items[i];
    if (it->kind == P_EXPR && it->expr &&
        walk_params(p, it->expr->root, stack, depth + 1, state, out))
        return 1;
    state[i] = 2;
    return 0;
}

static int walk_params(const rl_params *p, const rl_enode *n, size_t *stack, size_t depth,
                       unsigned char *state, rl_sbuf *out)
{
    if (!n)
        return 0;
    if (n->kind == RL_N_PARAM) {
        const param *it = find(p, n->u.param.name, n->u.param.len);
        if (it && visit(p, (size_t)(it - p->items), stack, depth, state, out))
            return 1;
    }
    for (size_t k = 0; k < n->nkids; k++)
        if (walk_params(p, n->kids[k], stack, depth, state, out))
            return 1;
    return 0;
}

int rl_params_cycle(const rl_params *p, rl_sbuf *out)
{
    if (!p || !p->n)
        return 0;
    size_t *stack = malloc(p->n * sizeof *stack);
    unsigned char *state = calloc(p->n, 1);
    int found = 0;
    for (size_t i = 0; stack && state && i < p->n && !found; i++)
        found = visit(p, i, stack, 0, state, out);
    free(stack);
    free(state);
    return found;
}

int rl_params_set_text(rl_params *p, const char *name, const char *text, rl_error *err)
{
    if (!p || !text) {
        rl_error_set(err, 0, 0, "parameter '%s' has no value", name ? name : "");
        return 0;
    }
    size_t len = strlen(text);
    rl_date_spec spec;
    if (rl_date_parse_iso(text, len, &spec)) {
        param *it = slot(p, name, err);
        if (!it)
            return 0;
        it->date = spec;
        if (!set_date_or_str(it, text, len, P_DATE, err)) {
            it->kind = P_EXPR;
            drop_if_empty(p, it);
            return 0;
        }
        return 1;
    }
    /* a JSON number, true, false, null, array or object is that literal */
    rl_error jerr;
    rl_error_clear(&jerr);
    rl_jdoc *doc = rl_json_parse(text, len, NULL, &jerr);
    if (doc && rl_jn_type(doc->root) != RL_JSTRING) {
        rl_expr *e = rl_expr_from_json(doc->root, err);
        rl_jdoc_free(doc);
        return e ? set_expr(p, name, e, err) : 0;
    }
    rl_jdoc_free(doc);
    param *it = slot(p, name, err);
    if (!it)
        return 0;
    if (!set_date_or_str(it, text, len, P_STR, err)) {
        it->kind = P_EXPR;
        drop_if_empty(p, it);
        return 0;
    }
    return 1;
}

int rl_params_eval(rl_eval_ctx *ctx, const char *name, size_t len, rl_value *out)
{
    const param *it = find(ctx->params, name, len);
    if (!it)
        return rl_eval_fail(ctx, NULL, "unknown parameter '$%.*s'", (int)len, name);
    switch (it->kind) {
    case P_STR: rl_value_set_str(out, it->str, it->slen); return 0;
    case P_PENDING: return rl_eval_fail(ctx, NULL, "parameter $%s has no value", it->name);
    case P_DATE: {
        rl_date d;
        if (!rl_date_resolve(&it->date, rl_eval_ref_year(ctx), &d))
            return rl_eval_fail(ctx, NULL, "parameter $%s: '%s' does not exist in %d", it->name,
                                it->str, rl_eval_ref_year(ctx));
        rl_value_set_date(out, d);
        return 0;
    }
    default: break;
    }
    if (ctx->depth >= RL_PARAM_MAX_DEPTH)
        return rl_eval_fail(ctx, NULL,
                            "parameters nest more than %d deep at $%s: does a parameter refer to "
                            "itself?",
                            RL_PARAM_MAX_DEPTH, it->name);
    const rl_jnode *saved = ctx->current;
    ctx->current = ctx->root;
    ctx->depth++;
    int r = rl_eval_node(ctx, it->expr->root, out);
    ctx->depth--;
    ctx->current = saved;
    if (r < 0 && ctx->depth == 0 && ctx->err && !strstr(ctx->err->message, "parameters nest"))
        rl_error_prefix(ctx->err, "in parameter $%s", it->name);
    return r;
}

const char *rl_params_text(const rl_params *p, size_t i)
{
    if (!p || i >= p->n)
        return NULL;
    const param *x = &p->items[i];
    return x->kind == P_EXPR ? rl_expr_text(x->expr) : x->str;
}
