/* expr_eval.c — the evaluator: a walk over the compiled tree.
 *
 * Semantics (the contract the rule kinds and users rely on):
 *  - int64 arithmetic is exact; + - * and unary minus that overflow are an
 *    error quoting the operation, never a wrap; int / int is an int when
 *    exact, else a double; / and % by zero are errors; % takes the sign of
 *    the dividend. Doubles otherwise; a double result that overflows to
 *    infinity is an error. int/double comparisons are exact.
 *  - null propagates through arithmetic and ordering (< <= > >=);
 *    == and != compare null as a value (null == null); and/or/not are
 *    three-valued (Kleene): false and null = false, true or null = true.
 *  - Strings in numeric positions (arithmetic, ordering against a number)
 *    are read as numbers in ctx->locale, and against dates as dates; a
 *    string that does not read is an error quoting it, with ctx->err_node
 *    set to the report node. For == and != a string that does not read
 *    is simply unequal.
 *  - A singular path is the node's value (null with src NULL when nothing
 *    is selected); a non-singular path is a LIST. A LIST in arithmetic or
 *    ordering is an error telling the user to use sum()/count().
 *  - Dates: date ± integer days is a date; date − date is the days between
 *    (first days of month dates and other periods: 2025-Q3, 2025-W36);
 *    dates order by first day, then last day.
 *
 * Invariants: the tree is only read; everything made while evaluating comes
 * from ctx->arena (a non-singular query's node list is gathered in a
 * temporary malloc'd list, copied to the arena and freed at once). */
#include "expr_int.h"
#include "error.h"
#include "locales.h"
#include "number.h"
#include "utf8.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int rl_eval_fail(rl_eval_ctx *ctx, const rl_jnode *node, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rl_error_vset(ctx->err, 0, 0, fmt, ap);
    va_end(ap);
    ctx->err_node = node;
    return -1;
}

int rl_eval_ref_year(const rl_eval_ctx *ctx)
{
    return rl_date_year(ctx->has_as_of ? ctx->as_of : rl_date_today());
}

/* Up to max bytes of s, cut on a character boundary, with "..." if cut. */
static void clip(const char *s, size_t len, char *out, size_t size, size_t max)
{
    if (max + 4 > size)
        max = size > 4 ? size - 4 : 0;
    int cut = len > max;
    size_t n = cut ? max : len;
    while (cut && n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    memcpy(out, s, n);
    if (cut) {
        memcpy(out + n, "...", 3);
        n += 3;
    }
    out[n] = '\0';
}

const char *rl_eval_describe(const rl_value *v, char *buf, size_t size)
{
    char tmp[96];
    rl_sbuf b = RL_SBUF_INIT;
    switch ((rl_vtype)v->type) {
    case RL_VNULL: snprintf(buf, size, "null"); break;
    case RL_VBOOL: snprintf(buf, size, "the boolean %s", v->u.b ? "true" : "false"); break;
    case RL_VINT:
    case RL_VNUM:
        rl_value_format(&b, v, -1);
        snprintf(buf, size, "the number %s", rl_sbuf_str(&b));
        break;
    case RL_VSTR:
        clip(v->u.str.s, v->u.str.len, tmp, sizeof tmp, 60);
        snprintf(buf, size, "the string '%s'", tmp);
        break;
    case RL_VDATE:
        rl_date_format(&b, v->u.date);
        snprintf(buf, size, "the date %s", rl_sbuf_str(&b));
        break;
    case RL_VNODE:
        snprintf(buf, size, "%s", rl_jn_type(v->u.node) == RL_JARRAY ? "an array" : "an object");
        break;
    case RL_VLIST:
        snprintf(buf, size, "a list of %zu %s", v->u.list.n,
                 v->u.list.nodes ? (v->u.list.n == 1 ? "node" : "nodes")
                                 : (v->u.list.n == 1 ? "value" : "values"));
        break;
    }
    rl_sbuf_free(&b);
    return buf;
}

/* The source text of a node, clipped, for messages. */
static const char *src_text(const rl_enode *n, char *buf, size_t size)
{
    clip(n->text, n->tlen, buf, size, 60);
    return buf;
}

/* ---- conversions -------------------------------------------------------- */

int rl_eval_to_number(rl_eval_ctx *ctx, const rl_value *in, rl_value *out)
{
    char d[128];
    switch ((rl_vtype)in->type) {
    case RL_VNULL:
    case RL_VINT:
    case RL_VNUM: *out = *in; return 0;
    case RL_VSTR:
        if (!rl_number_parse(in->u.str.s, in->u.str.len, ctx->locale, out, ctx->err)) {
            ctx->err_node = in->src;
            return -1;
        }
        out->src = in->src;
        return 0;
    default:
        return rl_eval_fail(ctx, in->src, "expected a number, got %s",
                            rl_eval_describe(in, d, sizeof d));
    }
}

/* Quietly: 1 when s reads as a date in ctx->locale (in *out), 0 when it is
 * no date form, -1 when it is one but names no real day. */
static int try_date(rl_eval_ctx *ctx, const char *s, size_t len, rl_date *out)
{
    const rl_locale *loc = rl_locale_find(ctx->locale);
    rl_date_spec spec;
    int r = loc ? rl_locale_read_date(loc, s, len, &spec) : RL_LDATE_NONE;
    if (r == RL_LDATE_NONE)
        return 0;
    return r == RL_LDATE_OK && rl_date_resolve(&spec, rl_eval_ref_year(ctx), out) ? 1 : -1;
}

/* Read a string as a date in ctx->locale: ISO forms, or the locale's own
 * ("15 декабря 2025", "tháng 11/2025"). Year-less dates take the year of
 * as_of. Returns 0, or -1 with an error quoting the text and saying why. */
static int read_date(rl_eval_ctx *ctx, const rl_value *in, rl_date *out)
{
    if (rl_date_read_day(in->u.str.s, in->u.str.len, out)) /* the hottest path: YYYY-MM-DD */
        return 0;
    char q[96];
    rl_date_spec spec;
    memset(&spec, 0, sizeof spec); /* the hot path: an ISO date or period, in any locale */
    if (rl_date_parse_period(in->u.str.s, in->u.str.len, &spec) &&
        rl_date_resolve(&spec, spec.year ? 0 : rl_eval_ref_year(ctx), out))
        return 0;
    const char *tag = ctx->locale && *ctx->locale ? ctx->locale : "en";
    const rl_locale *loc = rl_locale_find(tag);
    if (!loc) {
        rl_locale_unknown(tag, ctx->err);
        ctx->err_node = in->src;
        return -1;
    }
    int r = rl_locale_read_date(loc, in->u.str.s, in->u.str.len, &spec);
    clip(in->u.str.s, in->u.str.len, q, sizeof q, 60);
    char why[96];
    if (r == RL_LDATE_NONE && rl_date_period_problem(in->u.str.s, in->u.str.len, why, sizeof why))
        return rl_eval_fail(ctx, in->src, "'%s' is not a period: %s", q, why);
    switch (r) {
    case RL_LDATE_OK:
        if (rl_date_resolve(&spec, rl_eval_ref_year(ctx), out))
            return 0;
        return rl_eval_fail(ctx, in->src, "'%s' does not exist in %d", q, rl_eval_ref_year(ctx));
    case RL_LDATE_BAD_MONTH:
        return rl_eval_fail(ctx, in->src, "'%s' is not a date: there is no month %d", q,
                            spec.month);
    case RL_LDATE_BAD_DAY:
        if (spec.year)
            return rl_eval_fail(ctx, in->src, "'%s' is not a date: %04d-%02d has %d days", q,
                                spec.year, spec.month, rl_days_in_month(spec.year, spec.month));
        return rl_eval_fail(ctx, in->src, "'%s' is not a date: month %d has at most %d days", q,
                            spec.month, rl_days_in_month(2000, spec.month));
    default:
        return rl_eval_fail(ctx, in->src,
                            "'%s' is not a date in locale %s (expected YYYY-MM-DD, YYYY-MM, "
                            "--MM-DD, --MM or a form such as %s)",
                            q, tag, loc->date_examples);
    }
}

int rl_eval_to_date(rl_eval_ctx *ctx, const rl_value *in, rl_value *out)
{
    char d[128];
    switch ((rl_vtype)in->type) {
    case RL_VNULL:
    case RL_VDATE: *out = *in; return 0;
    case RL_VSTR: {
        rl_date date;
        if (read_date(ctx, in, &date) < 0)
            return -1;
        rl_value_set_date(out, date);
        out->src = in->src;
        return 0;
    }
    default:
        return rl_eval_fail(ctx, in->src, "expected a date, got %s",
                            rl_eval_describe(in, d, sizeof d));
    }
}

/* ---- arithmetic ----------------------------------------------------------- */

static char op_char(int op)
{
    switch (op) {
    case RL_T_PLUS: return '+';
    case RL_T_MINUS: return '-';
    case RL_T_STAR: return '*';
    case RL_T_SLASH: return '/';
    case RL_T_PERCENT: return '%';
    }
    return '?';
}

static const char *op_verb(int op)
{
    switch (op) {
    case RL_T_PLUS: return "add";
    case RL_T_MINUS: return "subtract";
    case RL_T_STAR: return "multiply";
    case RL_T_SLASH: return "divide";
    case RL_T_PERCENT: return "take the remainder of";
    }
    return "compute with";
}

static const char *num_text(const rl_value *v, char *buf, size_t size)
{
    rl_sbuf b = RL_SBUF_INIT;
    rl_value_format(&b, v, -1);
    snprintf(buf, size, "%s", rl_sbuf_str(&b));
    rl_sbuf_free(&b);
    return buf;
}

/* An operand must be one value: not a list, array, object or boolean. */
static int check_operand(rl_eval_ctx *ctx, const rl_enode *kid, const rl_value *v, const char *what)
{
    char d[128], t[96];
    if (v->type == RL_VLIST)
        return rl_eval_fail(ctx, NULL,
                            "'%s' is %s, not one value: %s needs one value (use sum(), count(), "
                            "min() or max() to make one)",
                            src_text(kid, t, sizeof t), rl_eval_describe(v, d, sizeof d), what);
    if (v->type == RL_VNODE || v->type == RL_VBOOL)
        return rl_eval_fail(ctx, v->src, "'%s' is %s: %s needs numbers", src_text(kid, t, sizeof t),
                            rl_eval_describe(v, d, sizeof d), what);
    return 0;
}

static int date_shift(rl_eval_ctx *ctx, const rl_value *date, const rl_value *days, int sign,
                      rl_value *out)
{
    char d[128];
    rl_value n;
    if (rl_eval_to_number(ctx, days, &n) < 0)
        return -1;
    if (n.type != RL_VINT)
        return rl_eval_fail(ctx, days->src, "a date moves by whole days, not by %s",
                            rl_eval_describe(&n, d, sizeof d));
    if (date->u.date.precision != RL_DATE_DAY)
        return rl_eval_fail(ctx, date->src, "cannot move %s by days: it is a whole %s",
                            rl_eval_describe(date, d, sizeof d),
                            rl_date_unit_name(date->u.date.precision));
    /* any shift beyond 10^7 days leaves years 1..9999; checking it first keeps the sum exact */
    if (n.u.i > 10000000 || n.u.i < -10000000)
        return rl_eval_fail(ctx, days->src, "date out of range (years 1 to 9999)");
    int64_t r = (int64_t)date->u.date.days + (sign < 0 ? -n.u.i : n.u.i);
    if (r < rl_days_from_civil(1, 1, 1) || r > rl_days_from_civil(9999, 12, 31))
        return rl_eval_fail(ctx, days->src, "date out of range (years 1 to 9999)");
    rl_date nd = {(int32_t)r, RL_DATE_DAY};
    rl_value_set_date(out, nd);
    return 0;
}

static int date_arith(rl_eval_ctx *ctx, int op, const rl_value *a, const rl_value *b, rl_value *out)
{
    char d1[128], d2[128];
    if (op == RL_T_PLUS) {
        if (a->type == RL_VDATE && b->type == RL_VDATE)
            return rl_eval_fail(ctx, b->src, "cannot add two dates");
        return a->type == RL_VDATE ? date_shift(ctx, a, b, 1, out) : date_shift(ctx, b, a, 1, out);
    }
    if (op == RL_T_MINUS) {
        rl_value x = *a, y = *b;
        if (x.type == RL_VDATE && y.type == RL_VSTR) {
            rl_date tmp;
            if (try_date(ctx, y.u.str.s, y.u.str.len, &tmp) == 0)
                return date_shift(ctx, a, b, -1, out); /* date - "3": days */
            if (rl_eval_to_date(ctx, b, &y) < 0)
                return -1;
        } else if (x.type == RL_VSTR && y.type == RL_VDATE) {
            if (rl_eval_to_date(ctx, a, &x) < 0)
                return -1;
        }
        if (x.type == RL_VDATE && y.type == RL_VDATE) {
            rl_value_set_int(out, (int64_t)x.u.date.days - y.u.date.days);
            return 0;
        }
        if (x.type == RL_VDATE)
            return date_shift(ctx, &x, &y, -1, out);
        return rl_eval_fail(ctx, b->src, "cannot subtract %s from %s",
                            rl_eval_describe(b, d1, sizeof d1), rl_eval_describe(a, d2, sizeof d2));
    }
    return rl_eval_fail(ctx, a->type == RL_VDATE ? a->src : b->src, "cannot %s %s and %s",
                        op_verb(op), rl_eval_describe(a, d1, sizeof d1),
                        rl_eval_describe(b, d2, sizeof d2));
}

static int int_arith(rl_eval_ctx *ctx, int op, const rl_value *a, const rl_value *b, rl_value *out)
{
    int64_t x = a->u.i, y = b->u.i, r = 0;
    const rl_jnode *blame = a->src ? a->src : b->src;
    int ovf = 0;
    switch (op) {
    case RL_T_PLUS: ovf = __builtin_add_overflow(x, y, &r); break;
    case RL_T_MINUS: ovf = __builtin_sub_overflow(x, y, &r); break;
    case RL_T_STAR: ovf = __builtin_mul_overflow(x, y, &r); break;
    case RL_T_SLASH:
        if (y == 0)
            return rl_eval_fail(ctx, b->src ? b->src : blame, "division by zero: %lld / 0",
                                (long long)x);
        if (x == INT64_MIN && y == -1) {
            ovf = 1;
            break;
        }
        if (x % y != 0) {
            rl_value_set_num(out, (double)x / (double)y);
            return 0;
        }
        r = x / y;
        break;
    case RL_T_PERCENT:
        if (y == 0)
            return rl_eval_fail(ctx, b->src ? b->src : blame, "division by zero: %lld %% 0",
                                (long long)x);
        r = y == -1 ? 0 : x % y;
        break;
    }
    if (ovf)
        return rl_eval_fail(ctx, blame, "integer overflow: %lld %c %lld", (long long)x, op_char(op),
                            (long long)y);
    rl_value_set_int(out, r);
    return 0;
}

static int double_arith(rl_eval_ctx *ctx, int op, const rl_value *a, const rl_value *b,
                        rl_value *out)
{
    double x = rl_value_as_double(a), y = rl_value_as_double(b), r = 0;
    char t1[64], t2[64];
    const rl_jnode *blame = a->src ? a->src : b->src;
    switch (op) {
    case RL_T_PLUS: r = x + y; break;
    case RL_T_MINUS: r = x - y; break;
    case RL_T_STAR: r = x * y; break;
    case RL_T_SLASH:
    case RL_T_PERCENT:
        if (y == 0)
            return rl_eval_fail(ctx, b->src ? b->src : blame, "division by zero: %s %c 0",
                                num_text(a, t1, sizeof t1), op_char(op));
        r = op == RL_T_SLASH ? x / y : fmod(x, y);
        break;
    }
    if (!isfinite(r))
        return rl_eval_fail(ctx, blame, "number overflow: %s %c %s", num_text(a, t1, sizeof t1),
                            op_char(op), num_text(b, t2, sizeof t2));
    rl_value_set_num(out, r == 0 ? 0.0 : r);
    return 0;
}

/* a op b, both already checked by check_operand. */
static int binop(rl_eval_ctx *ctx, int op, const rl_value *a, const rl_value *b, rl_value *out)
{
    if (a->type == RL_VNULL || b->type == RL_VNULL) {
        rl_value_set_null(out);
        return 0;
    }
    if (a->type == RL_VDATE || b->type == RL_VDATE)
        return date_arith(ctx, op, a, b, out);
    rl_value x, y;
    if (rl_eval_to_number(ctx, a, &x) < 0 || rl_eval_to_number(ctx, b, &y) < 0)
        return -1;
    if (x.type == RL_VINT && y.type == RL_VINT)
        return int_arith(ctx, op, &x, &y, out);
    return double_arith(ctx, op, &x, &y, out);
}

static int eval_arith(rl_eval_ctx *ctx, const rl_enode *n, rl_value *out)
{
    rl_value acc, v;
    if (rl_eval_node(ctx, n->kids[0], &acc) < 0)
        return -1;
    if (check_operand(ctx, n->kids[0], &acc, "arithmetic") < 0)
        return -1;
    for (size_t i = 1; i < n->nkids; i++) {
        if (rl_eval_node(ctx, n->kids[i], &v) < 0)
            return -1;
        if (check_operand(ctx, n->kids[i], &v, "arithmetic") < 0)
            return -1;
        rl_value r;
        if (binop(ctx, n->ops[i], &acc, &v, &r) < 0)
            return -1;
        acc = r;
    }
    *out = acc;
    return 0;
}

static int eval_neg(rl_eval_ctx *ctx, const rl_enode *n, rl_value *out)
{
    rl_value v, x;
    if (rl_eval_node(ctx, n->kids[0], &v) < 0 || check_operand(ctx, n->kids[0], &v, "'-'") < 0)
        return -1;
    if (v.type == RL_VNULL) {
        rl_value_set_null(out);
        return 0;
    }
    if (v.type == RL_VDATE) {
        char d[128];
        return rl_eval_fail(ctx, v.src, "cannot negate %s", rl_eval_describe(&v, d, sizeof d));
    }
    if (rl_eval_to_number(ctx, &v, &x) < 0)
        return -1;
    if (x.type == RL_VINT) {
        if (x.u.i == INT64_MIN)
            return rl_eval_fail(ctx, x.src, "integer overflow: -(%lld)", (long long)x.u.i);
        rl_value_set_int(out, -x.u.i);
    } else {
        rl_value_set_num(out, -x.u.d);
    }
    return 0;
}

/* ---- comparison --------------------------------------------------------- */

int rl_eval_equal(rl_eval_ctx *ctx, const rl_value *a, const rl_value *b)
{
    if (a->type == RL_VNULL || b->type == RL_VNULL)
        return a->type == b->type;
    const rl_value *s = NULL, *o = NULL;
    if (a->type == RL_VSTR && b->type != RL_VSTR) {
        s = a;
        o = b;
    } else if (b->type == RL_VSTR && a->type != RL_VSTR) {
        s = b;
        o = a;
    }
    if (s && rl_value_is_number(o)) {
        rl_value n;
        rl_error e;
        rl_error_clear(&e);
        if (!rl_number_parse(s->u.str.s, s->u.str.len, ctx->locale, &n, &e))
            return 0;
        return rl_value_num_cmp(&n, o) == 0;
    }
    if (s && o->type == RL_VDATE) {
        rl_date d;
        if (try_date(ctx, s->u.str.s, s->u.str.len, &d) != 1)
            return 0;
        return d.days == o->u.date.days && d.precision == o->u.date.precision;
    }
    return rl_value_equal(a, b);
}

static int is_seq(const rl_value *v)
{
    return v->type == RL_VLIST || (v->type == RL_VNODE && rl_jn_type(v->u.node) == RL_JARRAY);
}

/* Order a and b (neither null): sets *c to <0, 0, >0. */
static int order(rl_eval_ctx *ctx, const rl_enode *n, const rl_value *a, const rl_value *b, int *c)
{
    char d1[128], d2[128];
    rl_value x = *a, y = *b;
    if (x.type == RL_VBOOL || x.type == RL_VNODE || y.type == RL_VBOOL || y.type == RL_VNODE)
        return rl_eval_fail(ctx, x.type == RL_VBOOL || x.type == RL_VNODE ? x.src : y.src,
                            "cannot order %s and %s with %s", rl_eval_describe(a, d1, sizeof d1),
                            rl_eval_describe(b, d2, sizeof d2), rl_tok_name((rl_tok_kind)n->op));
    if (x.type == RL_VDATE || y.type == RL_VDATE) {
        if (rl_eval_to_date(ctx, a, &x) < 0 || rl_eval_to_date(ctx, b, &y) < 0)
            return -1;
        int32_t fx = x.u.date.days, fy = y.u.date.days;
        int32_t lx = rl_date_last_day(x.u.date), ly = rl_date_last_day(y.u.date);
        *c = fx != fy ? (fx < fy ? -1 : 1) : (lx < ly ? -1 : lx > ly);
        return 0;
    }
    if (rl_value_is_number(&x) || rl_value_is_number(&y)) {
        if (rl_eval_to_number(ctx, a, &x) < 0 || rl_eval_to_number(ctx, b, &y) < 0)
            return -1;
        *c = rl_value_num_cmp(&x, &y);
        return 0;
    }
    if (x.type == RL_VSTR && y.type == RL_VSTR) {
        size_t m = x.u.str.len < y.u.str.len ? x.u.str.len : y.u.str.len;
        int r = m ? memcmp(x.u.str.s, y.u.str.s, m) : 0;
        *c = r ? r : (x.u.str.len < y.u.str.len ? -1 : x.u.str.len > y.u.str.len);
        return 0;
    }
    return rl_eval_fail(ctx, a->type == RL_VBOOL || a->type == RL_VNODE ? a->src : b->src,
                        "cannot order %s and %s with %s", rl_eval_describe(a, d1, sizeof d1),
                        rl_eval_describe(b, d2, sizeof d2), rl_tok_name((rl_tok_kind)n->op));
}

static int eval_cmp(rl_eval_ctx *ctx, const rl_enode *n, rl_value *out)
{
    rl_value a, b;
    char d[128], t[96];
    if (rl_eval_node(ctx, n->kids[0], &a) < 0 || rl_eval_node(ctx, n->kids[1], &b) < 0)
        return -1;
    for (int i = 0; i < 2; i++) {
        const rl_value *v = i ? &b : &a;
        const rl_value *o = i ? &a : &b;
        if (v->type == RL_VLIST && !(is_seq(o) && (n->op == RL_T_EQ || n->op == RL_T_NE)))
            return rl_eval_fail(ctx, NULL,
                                "'%s' is %s, not one value: %s compares one value (use count(), "
                                "sum(), min(), max() or 'in')",
                                src_text(n->kids[i], t, sizeof t), rl_eval_describe(v, d, sizeof d),
                                rl_tok_name((rl_tok_kind)n->op));
    }
    if (n->op == RL_T_EQ || n->op == RL_T_NE) {
        int eq = rl_eval_equal(ctx, &a, &b);
        rl_value_set_bool(out, n->op == RL_T_EQ ? eq : !eq);
        return 0;
    }
    if (a.type == RL_VNULL || b.type == RL_VNULL) {
        rl_value_set_null(out);
        return 0;
    }
    int c = 0;
    if (order(ctx, n, &a, &b, &c) < 0)
        return -1;
    int r = 0;
    switch (n->op) {
    case RL_T_LT: r = c < 0; break;
    case RL_T_LE: r = c <= 0; break;
    case RL_T_GT: r = c > 0; break;
    case RL_T_GE: r = c >= 0; break;
    }
    rl_value_set_bool(out, r);
    return 0;
}

static int eval_in(rl_eval_ctx *ctx, const rl_enode *n, rl_value *out)
{
    rl_value x, set;
    char d[128], t[96];
    if (rl_eval_node(ctx, n->kids[0], &x) < 0 || rl_eval_node(ctx, n->kids[1], &set) < 0)
        return -1;
    if (x.type == RL_VLIST)
        return rl_eval_fail(ctx, NULL, "'%s' is %s: the left side of 'in' is one value",
                            src_text(n->kids[0], t, sizeof t), rl_eval_describe(&x, d, sizeof d));
    if (set.type == RL_VNULL) {
        rl_value_set_null(out);
        return 0;
    }
    if (!is_seq(&set))
        return rl_eval_fail(ctx, set.src,
                            "the right side of 'in' must be a list or an array, but '%s' is %s",
                            src_text(n->kids[1], t, sizeof t), rl_eval_describe(&set, d, sizeof d));
    size_t count = set.type == RL_VLIST ? set.u.list.n : rl_jn_count(set.u.node);
    for (size_t i = 0; i < count; i++) {
        rl_value it;
        if (set.type == RL_VLIST)
            rl_value_list_item(&set, i, &it);
        else
            rl_value_from_node(&it, rl_jn_item(set.u.node, i));
        if (rl_eval_equal(ctx, &x, &it)) {
            rl_value_set_bool(out, 1);
            return 0;
        }
    }
    rl_value_set_bool(out, 0);
    return 0;
}

/* ---- logic ---------------------------------------------------------------- */

static int truth(rl_eval_ctx *ctx, const rl_enode *kid, const rl_value *v, const char *op, int *t)
{
    char d[128], s[96];
    if (v->type == RL_VNULL) {
        *t = -1;
        return 0;
    }
    if (v->type == RL_VBOOL) {
        *t = v->u.b;
        return 0;
    }
    return rl_eval_fail(ctx, v->src, "'%s' needs true, false or null, but '%s' is %s", op,
                        src_text(kid, s, sizeof s), rl_eval_describe(v, d, sizeof d));
}

/* and/or with Kleene logic; stops at the first deciding operand. */
static int eval_logic(rl_eval_ctx *ctx, const rl_enode *n, rl_value *out)
{
    int is_and = n->kind == RL_N_AND;
    int decide = is_and ? 0 : 1; /* the value that decides at once */
    int unknown = 0;
    for (size_t i = 0; i < n->nkids; i++) {
        rl_value v;
        int t = 0;
        if (rl_eval_node(ctx, n->kids[i], &v) < 0 ||
            truth(ctx, n->kids[i], &v, is_and ? "and" : "or", &t) < 0)
            return -1;
        if (t == decide) {
            rl_value_set_bool(out, decide);
            return 0;
        }
        if (t < 0)
            unknown = 1;
    }
    if (unknown)
        rl_value_set_null(out);
    else
        rl_value_set_bool(out, !decide);
    return 0;
}

static int eval_not(rl_eval_ctx *ctx, const rl_enode *n, rl_value *out)
{
    rl_value v;
    int t = 0;
    if (rl_eval_node(ctx, n->kids[0], &v) < 0 || truth(ctx, n->kids[0], &v, "not", &t) < 0)
        return -1;
    if (t < 0)
        rl_value_set_null(out);
    else
        rl_value_set_bool(out, !t);
    return 0;
}

/* ---- paths, lists, dates -------------------------------------------------- */

/* The nodes q selects from root (@ = cur): one value when singular, else
 * a LIST of nodes. */
static int select_nodes(rl_eval_ctx *ctx, const rl_jpath *q, int singular, const rl_jnode *root,
                        const rl_jnode *cur, rl_value *out)
{
    if (singular) {
        rl_value_from_node(out, root ? rl_jpath_select_one(q, root, cur) : NULL);
        return 0;
    }
    memset(out, 0, sizeof *out);
    out->type = RL_VLIST;
    out->decimals = -1;
    if (!root) {
        static const rl_jnode *none[1];
        out->u.list.nodes = none;
        return 0;
    }
    rl_nodelist l;
    rl_nodelist_init(&l);
    if (rl_jpath_eval_until(q, root, cur, &l, ctx->err, ctx->deadline) < 0) {
        rl_nodelist_free(&l);
        ctx->err_node = NULL;
        return -1;
    }
    const rl_jnode **nodes = rl_arena_alloc(ctx->arena, (l.n ? l.n : 1) * sizeof *nodes);
    if (!nodes) {
        rl_nodelist_free(&l);
        return rl_eval_fail(ctx, NULL, "out of memory evaluating %s", rl_jpath_text(q));
    }
    if (l.n)
        memcpy(nodes, l.items, l.n * sizeof *nodes);
    out->u.list.nodes = nodes;
    out->u.list.n = l.n;
    rl_nodelist_free(&l);
    return 0;
}

static int eval_path(rl_eval_ctx *ctx, const rl_enode *n, rl_value *out)
{
    const rl_jnode *root = ctx->root ? ctx->root : ctx->current;
    const rl_jnode *cur = ctx->current ? ctx->current : ctx->root;
    if (n->u.path.singular && ctx->hints && root) {
        rl_value_from_node(out, rl_jpath_select_hinted(n->u.path.q, root, cur, ctx->hints));
        return 0;
    }
    return select_nodes(ctx, n->u.path.q, n->u.path.singular, root, cur, out);
}

/* Nodes of a rule-file literal are nothing in the report: as values
 * without src, so no violation blames them and no number is looked up in
 * the report's text. */
static int detach(rl_eval_ctx *ctx, rl_value *v)
{
    if (v->type != RL_VLIST) {
        v->src = NULL;
        return 0;
    }
    if (!v->u.list.nodes)
        return 0;
    rl_value *vals = rl_arena_alloc(ctx->arena, (v->u.list.n ? v->u.list.n : 1) * sizeof *vals);
    if (!vals)
        return rl_eval_fail(ctx, NULL, "out of memory");
    for (size_t i = 0; i < v->u.list.n; i++) {
        rl_value_from_node(&vals[i], v->u.list.nodes[i]);
        vals[i].src = NULL;
    }
    v->u.list.nodes = NULL;
    v->u.list.values = vals;
    return 0;
}

/* $name, or $name followed by segments selecting within its value: an
 * array or object (a literal, a reference file, or a report node), or a
 * list of nodes (each is searched). Anything else selects nothing. The
 * segments are a query from @ (the value); $ in a filter is the report. */
static int eval_param(rl_eval_ctx *ctx, const rl_enode *n, rl_value *out)
{
    rl_value v;
    if (rl_params_eval(ctx, n->u.param.name, n->u.param.len, &v) < 0)
        return -1;
    const rl_jpath *q = n->u.param.q;
    if (!q) {
        *out = v;
        return 0;
    }
    const rl_jnode *root = ctx->root ? ctx->root : ctx->current;
    int literal = !v.src && v.type == RL_VNODE;
    if (v.type == RL_VNODE || (n->u.param.singular && v.type != RL_VLIST)) {
        const rl_jnode *at = v.type == RL_VNODE ? v.u.node : v.src;
        if (!at) { /* a scalar made by an expression: nothing to select in */
            rl_value_set_null(out);
            return 0;
        }
        if (select_nodes(ctx, q, n->u.param.singular, root ? root : at, at, out) < 0)
            return -1;
        return literal ? detach(ctx, out) : 0;
    }
    /* a list: the segments select within each of its nodes, in order */
    rl_nodelist all;
    rl_nodelist_init(&all);
    for (size_t i = 0; v.type == RL_VLIST && v.u.list.nodes && i < v.u.list.n; i++) {
        rl_value part;
        const rl_jnode *at = v.u.list.nodes[i];
        if (select_nodes(ctx, q, 0, root ? root : at, at, &part) < 0) {
            rl_nodelist_free(&all);
            return -1;
        }
        for (size_t k = 0; k < part.u.list.n; k++)
            if (!rl_nodelist_push(&all, part.u.list.nodes[k])) {
                rl_nodelist_free(&all);
                return rl_eval_fail(ctx, NULL, "out of memory");
            }
    }
    const rl_jnode **nodes = rl_arena_alloc(ctx->arena, (all.n ? all.n : 1) * sizeof *nodes);
    if (!nodes) {
        rl_nodelist_free(&all);
        return rl_eval_fail(ctx, NULL, "out of memory");
    }
    if (all.n)
        memcpy(nodes, all.items, all.n * sizeof *nodes);
    memset(out, 0, sizeof *out);
    out->type = RL_VLIST;
    out->decimals = -1;
    out->u.list.nodes = nodes;
    out->u.list.n = all.n;
    rl_nodelist_free(&all);
    return 0;
}

static int eval_list(rl_eval_ctx *ctx, const rl_enode *n, rl_value *out)
{
    rl_value *vals = rl_arena_alloc(ctx->arena, (n->nkids ? n->nkids : 1) * sizeof *vals);
    if (!vals)
        return rl_eval_fail(ctx, NULL, "out of memory");
    for (size_t i = 0; i < n->nkids; i++)
        if (rl_eval_node(ctx, n->kids[i], &vals[i]) < 0)
            return -1;
    memset(out, 0, sizeof *out);
    out->type = RL_VLIST;
    out->decimals = -1;
    out->u.list.values = vals;
    out->u.list.n = n->nkids;
    return 0;
}

static int eval_date(rl_eval_ctx *ctx, const rl_enode *n, rl_value *out)
{
    rl_date d; /* a written year needs no reference year (worked out from as_of) */
    if (!rl_date_resolve(&n->u.date, n->u.date.year ? 0 : rl_eval_ref_year(ctx), &d)) {
        char t[96];
        return rl_eval_fail(ctx, NULL, "'%s' does not exist in %d", src_text(n, t, sizeof t),
                            rl_eval_ref_year(ctx));
    }
    rl_value_set_date(out, d);
    return 0;
}

/* ---- the walk ------------------------------------------------------------- */

int rl_eval_node(rl_eval_ctx *ctx, const rl_enode *n, rl_value *out)
{
    if (ctx->subst) {
        int r = ctx->subst(ctx->subst_user, n, out);
        if (r != 0)
            return r < 0 ? -1 : 0;
    }
    switch ((rl_node_kind)n->kind) {
    case RL_N_LIT: *out = n->u.lit; return 0;
    case RL_N_DATE: return eval_date(ctx, n, out);
    case RL_N_PATH: return eval_path(ctx, n, out);
    case RL_N_PARAM: return eval_param(ctx, n, out);
    case RL_N_NEG: return eval_neg(ctx, n, out);
    case RL_N_NOT: return eval_not(ctx, n, out);
    case RL_N_OR:
    case RL_N_AND: return eval_logic(ctx, n, out);
    case RL_N_ARITH: return eval_arith(ctx, n, out);
    case RL_N_CMP: return eval_cmp(ctx, n, out);
    case RL_N_IN: return eval_in(ctx, n, out);
    case RL_N_LIST: return eval_list(ctx, n, out);
    case RL_N_CALL: return n->u.call.fn->impl(ctx, n, out);
    }
    return rl_eval_fail(ctx, NULL, "internal error: unknown expression node %d", n->kind);
}

int rl_expr_eval(const rl_expr *e, rl_eval_ctx *ctx, rl_value *out)
{
    ctx->err_node = NULL;
    if (rl_eval_node(ctx, e->root, out) < 0) {
        rl_value_set_null(out);
        return -1;
    }
    return 0;
}

/* The first path or $name under n (depth first, left to right) that
 * selects nothing; NULL when every one selects something. */
static const rl_enode *first_missing(rl_eval_ctx *ctx, const rl_enode *n)
{
    if (n->kind == RL_N_PATH || n->kind == RL_N_PARAM) {
        rl_value v;
        if (rl_eval_node(ctx, n, &v) != 0)
            return NULL;
        return v.type == RL_VNULL || (v.type == RL_VLIST && v.u.list.n == 0) ? n : NULL;
    }
    for (size_t i = 0; i < n->nkids; i++) {
        const rl_enode *m = first_missing(ctx, n->kids[i]);
        if (m)
            return m;
    }
    return NULL;
}

void rl_expr_missing_text(const rl_expr *e, rl_eval_ctx *ctx, rl_sbuf *out)
{
    rl_error scratch = {0}, *saved = ctx->err;
    const rl_jnode *saved_node = ctx->err_node;
    ctx->err = &scratch;
    const rl_enode *m = e->root ? first_missing(ctx, e->root) : NULL;
    ctx->err = saved;
    ctx->err_node = saved_node;
    if (m)
        rl_sbuf_add(out, m->text, m->tlen);
    else
        rl_sbuf_adds(out, e->text);
}
