/* jsonpath_func.c — the function extensions of RFC 9535 §2.4.4–2.4.8:
 * length(), count(), match(), search(), value(), with their declared
 * parameter and result types (checked by jsonpath_filter.c).
 *
 * Invariants: a regular expression given as a literal is translated from
 * I-Regexp and compiled once, at query compile time (prepare); one read
 * from the document is compiled at each evaluation and freed at once. A
 * pattern that is not an I-Regexp, or a non-string, makes match() and
 * search() false (§2.4.6, §2.4.7); only a PCRE2 match limit is an error. */
#include "error.h"
#include "iregexp.h"
#include "jsonpath_int.h"
#include "utf8.h"

#include <string.h>

/* out is cleared by jp_eval_value before a ValueType function runs. */
static void set_count(jp_value *out, size_t n)
{
    out->own = 1;
    rl_jn_init_number(&out->num, (int64_t)n, (double)n, RL_JNUM_INT, 0, 0);
}

/* ---- length(), count(), value() ----------------------------------------- */

static int fn_length(const jp_expr *call, const jp_eval *ev, const rl_jnode *cur, jp_value *out)
{
    jp_value v;
    if (jp_eval_value(call->u.call.args[0], ev, cur, &v) < 0)
        return -1;
    const rl_jnode *n = jp_value_node(&v);
    if (n && rl_jn_type(n) == RL_JSTRING)
        set_count(out, rl_utf8_count(rl_jn_str(n), rl_jn_str_len(n)));
    else if (n && (rl_jn_type(n) == RL_JARRAY || rl_jn_type(n) == RL_JOBJECT))
        set_count(out, rl_json_size(n));
    return 0;
}

static int emit_count(void *st, const rl_jnode *n)
{
    (void)n;
    ++*(size_t *)st;
    return 0;
}

static int fn_count(const jp_expr *call, const jp_eval *ev, const rl_jnode *cur, jp_value *out)
{
    size_t n = 0;
    if (jp_walk(&call->u.call.args[0]->u.query, ev, cur, emit_count, &n) < 0)
        return -1;
    set_count(out, n);
    return 0;
}

typedef struct first_node {
    const rl_jnode *node;
    size_t n;
} first_node;

static int emit_first(void *st, const rl_jnode *n)
{
    first_node *f = st;
    if (f->n++ == 0)
        f->node = n;
    return f->n > 1; /* a second node settles it */
}

static int fn_value(const jp_expr *call, const jp_eval *ev, const rl_jnode *cur, jp_value *out)
{
    first_node f = {NULL, 0};
    if (jp_walk(&call->u.call.args[0]->u.query, ev, cur, emit_first, &f) < 0)
        return -1;
    out->node = f.n == 1 ? f.node : NULL;
    return 0;
}

/* ---- match(), search() --------------------------------------------------- */

/* The compile-time pattern of a call whose second argument is a literal. */
typedef struct literal_regex {
    const rl_regex *re; /* NULL: not an I-Regexp, or not a string */
} literal_regex;

static int run_regex(const jp_expr *call, const rl_regex *re, const rl_jnode *s, const jp_eval *ev)
{
    int rc = rl_regex_search(re, rl_jn_str(s), rl_jn_str_len(s));
    if (rc == RL_REGEX_MATCH || rc == RL_REGEX_NOMATCH)
        return rc == RL_REGEX_MATCH;
    rl_error_set(ev->err, 0, 0, "%s(): the regular expression %s on a string of %zu bytes",
                 call->u.call.fn->name, rc == RL_REGEX_LIMIT ? "hit its match limit" : "failed",
                 rl_jn_str_len(s));
    return -1;
}

static int fn_regex(const jp_expr *call, const jp_eval *ev, const rl_jnode *cur, jp_value *out)
{
    (void)out;
    jp_value sv, rv;
    if (jp_eval_value(call->u.call.args[0], ev, cur, &sv) < 0 ||
        jp_eval_value(call->u.call.args[1], ev, cur, &rv) < 0)
        return -1;
    const rl_jnode *s = jp_value_node(&sv), *r = jp_value_node(&rv);
    if (!s || rl_jn_type(s) != RL_JSTRING)
        return 0;
    const literal_regex *lit = call->u.call.data;
    if (lit)
        return lit->re ? run_regex(call, lit->re, s, ev) : 0;
    if (!r || rl_jn_type(r) != RL_JSTRING)
        return 0;
    rl_regex *re = rl_iregexp_compile(rl_jn_str(r), rl_jn_str_len(r), call->u.call.fn->aux, NULL,
                                      NULL);
    if (!re)
        return 0;
    int rc = run_regex(call, re, s, ev);
    rl_regex_free(re);
    return rc;
}

static int prepare_regex(jp_expr *call, jp_parser *p)
{
    const jp_expr *arg = call->u.call.args[1];
    if (arg->kind != JP_LITERAL)
        return 1;
    literal_regex *lit = jp_alloc(p, sizeof *lit);
    if (!lit)
        return 0;
    call->u.call.data = lit;
    const rl_jnode *pat = arg->u.literal;
    if (rl_jn_type(pat) != RL_JSTRING)
        return 1;
    rl_regex *re = rl_iregexp_compile(rl_jn_str(pat), rl_jn_str_len(pat), call->u.call.fn->aux,
                                      NULL, NULL);
    if (re && !jp_own_regex(p->q, re))
        return jp_fail(p, arg->pos, "out of memory compiling the query");
    lit->re = re;
    return 1;
}

/* ---- the table ------------------------------------------------------------ */

static const jp_func funcs[] = {
    {"length", JP_VALUE, 1, {JP_VALUE}, 0, fn_length, NULL},
    {"count", JP_VALUE, 1, {JP_NODES}, 0, fn_count, NULL},
    {"match", JP_LOGICAL, 2, {JP_VALUE, JP_VALUE}, RL_RE_FULL, fn_regex, prepare_regex},
    {"search", JP_LOGICAL, 2, {JP_VALUE, JP_VALUE}, 0, fn_regex, prepare_regex},
    {"value", JP_VALUE, 1, {JP_NODES}, 0, fn_value, NULL},
};

const jp_func *jp_func_find(const char *s, size_t len)
{
    for (size_t i = 0; i < sizeof funcs / sizeof funcs[0]; i++)
        if (strlen(funcs[i].name) == len && memcmp(funcs[i].name, s, len) == 0)
            return &funcs[i];
    return NULL;
}
