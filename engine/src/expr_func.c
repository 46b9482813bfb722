/* expr_func.c — the function table of the expression language.
 *
 * Each function receives its call node and evaluates its own arguments, so
 * if() and coalesce() are lazy (only what is needed is evaluated).
 *
 * Aggregates (sum count avg min max) and missing() take node lists, arrays, list literals
 * or several arguments, flattened one level. sum of integers is exact
 * (overflow is an error); an empty input gives null (count gives 0); a
 * null item makes sum, avg, min and max null — missing data makes the
 * check not applicable rather than silently smaller. count counts the
 * nodes selected (a JSON null is a node) and 0 for a missing value.
 *
 * Invariants: functions only read the tree; results that come from the
 * report keep their src (num, min, max); anything allocated comes from
 * ctx->arena, except a dynamic regex, compiled and freed within the call. */
#include "expr_int.h"
#include "error.h"
#include "json.h"
#include "locales.h"
#include "number.h"
#include "period.h"
#include "utf8.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int arg(rl_eval_ctx *ctx, const rl_enode *call, size_t i, rl_value *out)
{
    return rl_eval_node(ctx, call->kids[i], out);
}

static const char *fname(const rl_enode *call)
{
    return call->u.call.fn->name;
}

/* ---- aggregates ------------------------------------------------------------ */

static size_t item_count(const rl_value *v)
{
    if (v->type == RL_VLIST)
        return v->u.list.n;
    if (v->type == RL_VNODE && rl_jn_type(v->u.node) == RL_JARRAY)
        return rl_jn_count(v->u.node);
    return 1;
}

static void item_at(const rl_value *v, size_t i, rl_value *out)
{
    if (v->type == RL_VLIST)
        rl_value_list_item(v, i, out);
    else if (v->type == RL_VNODE && rl_jn_type(v->u.node) == RL_JARRAY)
        rl_value_from_node(out, rl_jn_item(v->u.node, i));
    else
        *out = *v;
}

/* Evaluate every argument into an arena array. */
static int eval_args(rl_eval_ctx *ctx, const rl_enode *call, rl_value **out)
{
    rl_value *vals = rl_arena_alloc(ctx->arena, (call->nkids ? call->nkids : 1) * sizeof *vals);
    if (!vals)
        return rl_eval_fail(ctx, NULL, "out of memory");
    for (size_t i = 0; i < call->nkids; i++)
        if (arg(ctx, call, i, &vals[i]) < 0)
            return -1;
    *out = vals;
    return 0;
}

static int bad_item(rl_eval_ctx *ctx, const rl_enode *call, size_t argi, size_t itemi,
                    const rl_value *arg_v, const rl_value *item, const char *wanted)
{
    char d[128];
    const rl_enode *a = call->kids[argi];
    if (item_count(arg_v) == 1 && arg_v->type != RL_VLIST)
        return rl_eval_fail(ctx, item->src, "%s() takes %s, but '%.*s' is %s", fname(call), wanted,
                            (int)(a->tlen > 60 ? 60 : a->tlen), a->text,
                            rl_eval_describe(item, d, sizeof d));
    return rl_eval_fail(ctx, item->src, "%s() takes %s, but item %zu of '%.*s' is %s", fname(call),
                        wanted, itemi + 1, (int)(a->tlen > 60 ? 60 : a->tlen), a->text,
                        rl_eval_describe(item, d, sizeof d));
}

typedef struct accum {
    int64_t isum;
    double dsum;
    int has_double;
    int has_null;
    size_t n;
} accum;

static int accumulate(rl_eval_ctx *ctx, const rl_enode *call, accum *acc)
{
    rl_value *vals;
    memset(acc, 0, sizeof *acc);
    if (eval_args(ctx, call, &vals) < 0)
        return -1;
    for (size_t a = 0; a < call->nkids; a++) {
        const rl_value *v = &vals[a];
        if (v->type == RL_VNODE && rl_jn_type(v->u.node) == RL_JOBJECT)
            return bad_item(ctx, call, a, 0, v, v, "numbers, lists or arrays");
        size_t n = item_count(v);
        for (size_t i = 0; i < n; i++) {
            rl_value it, x;
            item_at(v, i, &it);
            if (it.type == RL_VNULL) {
                acc->has_null = 1;
                continue;
            }
            if (it.type != RL_VINT && it.type != RL_VNUM && it.type != RL_VSTR)
                return bad_item(ctx, call, a, i, v, &it, "numbers");
            if (rl_eval_to_number(ctx, &it, &x) < 0)
                return -1;
            if (x.type == RL_VINT) {
                int64_t r;
                if (__builtin_add_overflow(acc->isum, x.u.i, &r))
                    return rl_eval_fail(ctx, x.src, "integer overflow in %s(): %lld + %lld",
                                        fname(call), (long long)acc->isum, (long long)x.u.i);
                acc->isum = r;
            } else {
                acc->dsum += x.u.d;
                acc->has_double = 1;
            }
            acc->n++;
        }
    }
    return 0;
}

/* Accumulate call's items: -1 on an error, 0 when the result is null (a
 * null item, or none), 1 when acc holds something to sum up. */
static int accumulate_some(rl_eval_ctx *ctx, const rl_enode *call, accum *acc, rl_value *out)
{
    if (accumulate(ctx, call, acc) < 0)
        return -1;
    if (acc->has_null || acc->n == 0) {
        rl_value_set_null(out);
        return 0;
    }
    return 1;
}

static int set_finite(rl_eval_ctx *ctx, const rl_enode *call, double r, rl_value *out)
{
    if (!isfinite(r))
        return rl_eval_fail(ctx, NULL, "number overflow in %s()", fname(call));
    rl_value_set_num(out, r);
    return 0;
}

static int fn_sum(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out)
{
    accum acc;
    int rc = accumulate_some(ctx, call, &acc, out);
    if (rc <= 0)
        return rc;
    if (!acc.has_double) {
        rl_value_set_int(out, acc.isum);
        return 0;
    }
    return set_finite(ctx, call, (double)acc.isum + acc.dsum, out);
}

static int fn_avg(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out)
{
    accum acc;
    int rc = accumulate_some(ctx, call, &acc, out);
    if (rc <= 0)
        return rc;
    if (!acc.has_double && acc.n <= (size_t)INT64_MAX && acc.isum % (int64_t)acc.n == 0) {
        rl_value_set_int(out, acc.isum / (int64_t)acc.n);
        return 0;
    }
    return set_finite(ctx, call, ((double)acc.isum + acc.dsum) / (double)acc.n, out);
}

static int fn_count(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out)
{
    int64_t total = 0;
    for (size_t a = 0; a < call->nkids; a++) {
        rl_value v;
        if (arg(ctx, call, a, &v) < 0)
            return -1;
        if (v.type == RL_VNULL && !v.src)
            continue; /* nothing selected */
        total += (int64_t)item_count(&v);
    }
    rl_value_set_int(out, total);
    return 0;
}

/* A string item is a date for min/max when it reads as a date in the
 * locale (ISO or the locale's forms) and not as a number. */
static int looks_like_date(rl_eval_ctx *ctx, const rl_value *v)
{
    if (v->type == RL_VDATE)
        return 1;
    if (v->type != RL_VSTR)
        return 0;
    const rl_locale *loc = rl_locale_find(ctx->locale);
    rl_date_spec spec;
    rl_value n;
    rl_error e;
    rl_error_clear(&e);
    return loc && rl_locale_read_date(loc, v->u.str.s, v->u.str.len, &spec) != RL_LDATE_NONE &&
           !rl_number_parse(v->u.str.s, v->u.str.len, ctx->locale, &n, &e);
}

static int fn_minmax(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out, int want_max)
{
    rl_value *vals;
    if (eval_args(ctx, call, &vals) < 0)
        return -1;
    int mode = -1; /* 0 numbers, 1 dates */
    int has_null = 0, have = 0;
    rl_value best;
    rl_value_set_null(&best);
    for (size_t a = 0; a < call->nkids; a++) {
        const rl_value *v = &vals[a];
        if (v->type == RL_VNODE && rl_jn_type(v->u.node) == RL_JOBJECT)
            return bad_item(ctx, call, a, 0, v, v, "numbers or dates, lists or arrays");
        size_t n = item_count(v);
        for (size_t i = 0; i < n; i++) {
            rl_value it, x;
            item_at(v, i, &it);
            if (it.type == RL_VNULL) {
                has_null = 1;
                continue;
            }
            if (it.type != RL_VINT && it.type != RL_VNUM && it.type != RL_VSTR &&
                it.type != RL_VDATE)
                return bad_item(ctx, call, a, i, v, &it, "numbers or dates");
            if (mode < 0)
                mode = looks_like_date(ctx, &it);
            if ((mode ? rl_eval_to_date(ctx, &it, &x) : rl_eval_to_number(ctx, &it, &x)) < 0)
                return -1;
            if (!have) {
                best = x;
                have = 1;
                continue;
            }
            int c;
            if (mode) {
                int32_t bx = want_max ? rl_date_last_day(x.u.date) : x.u.date.days;
                int32_t bb = want_max ? rl_date_last_day(best.u.date) : best.u.date.days;
                c = bx < bb ? -1 : bx > bb;
            } else {
                c = rl_value_num_cmp(&x, &best);
            }
            if (want_max ? c > 0 : c < 0)
                best = x;
        }
    }
    if (has_null || !have)
        rl_value_set_null(out);
    else
        *out = best;
    return 0;
}

static int fn_min(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out)
{
    return fn_minmax(ctx, call, out, 0);
}

static int fn_max(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out)
{
    return fn_minmax(ctx, call, out, 1);
}

/* missing(a, b): the items of a (a list, an array or one value) that equal
 * no item of b, in a's order, as == compares them; null when a or b is
 * null. Used for completeness: missing($provinces[*].code,
 * $[*].report.province_code) names the codes with no report. */
static int fn_missing(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out)
{
    rl_value *vals;
    if (eval_args(ctx, call, &vals) < 0)
        return -1;
    const rl_value *a = &vals[0], *b = &vals[1];
    if (a->type == RL_VNULL || b->type == RL_VNULL) {
        rl_value_set_null(out);
        return 0;
    }
    size_t na = item_count(a), nb = item_count(b), n = 0;
    rl_value *res = rl_arena_alloc(ctx->arena, (na ? na : 1) * sizeof *res);
    if (!res)
        return rl_eval_fail(ctx, NULL, "out of memory");
    for (size_t i = 0; i < na; i++) {
        rl_value x, y;
        item_at(a, i, &x);
        size_t k = 0;
        for (; k < nb; k++) {
            item_at(b, k, &y);
            if (rl_eval_equal(ctx, &x, &y))
                break;
        }
        if (k == nb)
            res[n++] = x;
    }
    memset(out, 0, sizeof *out);
    out->type = RL_VLIST;
    out->decimals = -1;
    out->u.list.values = res;
    out->u.list.n = n;
    return 0;
}

/* ---- tests on values ------------------------------------------------------- */

static int fn_exists(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out)
{
    rl_value v;
    if (arg(ctx, call, 0, &v) < 0)
        return -1;
    int e = 1;
    if (v.type == RL_VNULL)
        e = v.src != NULL; /* a JSON null exists; nothing selected does not */
    else if (v.type == RL_VLIST)
        e = v.u.list.n > 0;
    rl_value_set_bool(out, e);
    return 0;
}

static int fn_is_null(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out)
{
    rl_value v;
    if (arg(ctx, call, 0, &v) < 0)
        return -1;
    rl_value_set_bool(out, v.type == RL_VNULL);
    return 0;
}

static int fn_len(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out)
{
    rl_value v;
    char d[128];
    if (arg(ctx, call, 0, &v) < 0)
        return -1;
    switch ((rl_vtype)v.type) {
    case RL_VNULL: rl_value_set_null(out); return 0;
    case RL_VSTR: rl_value_set_int(out, (int64_t)rl_utf8_count(v.u.str.s, v.u.str.len)); return 0;
    case RL_VNODE: rl_value_set_int(out, (int64_t)rl_json_size(v.u.node)); return 0;
    case RL_VLIST: rl_value_set_int(out, (int64_t)v.u.list.n); return 0;
    default:
        return rl_eval_fail(ctx, v.src, "len() takes a string, array, object or list, got %s",
                            rl_eval_describe(&v, d, sizeof d));
    }
}

/* ---- numbers ----------------------------------------------------------------- */

/* Evaluate argument i as a number (strings read in the locale). */
static int num_arg(rl_eval_ctx *ctx, const rl_enode *call, size_t i, rl_value *out)
{
    rl_value v;
    char d[128];
    if (arg(ctx, call, i, &v) < 0)
        return -1;
    if (v.type != RL_VNULL && v.type != RL_VINT && v.type != RL_VNUM && v.type != RL_VSTR)
        return rl_eval_fail(ctx, v.src, "%s() takes a number, but '%.*s' is %s", fname(call),
                            (int)(call->kids[i]->tlen > 60 ? 60 : call->kids[i]->tlen),
                            call->kids[i]->text, rl_eval_describe(&v, d, sizeof d));
    return rl_eval_to_number(ctx, &v, out);
}

static int fn_abs(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out)
{
    rl_value x;
    if (num_arg(ctx, call, 0, &x) < 0)
        return -1;
    if (x.type == RL_VNULL)
        rl_value_set_null(out);
    else if (x.type == RL_VINT) {
        if (x.u.i == INT64_MIN)
            return rl_eval_fail(ctx, x.src, "integer overflow: abs(%lld)", (long long)x.u.i);
        rl_value_set_int(out, x.u.i < 0 ? -x.u.i : x.u.i);
    } else {
        rl_value_set_num(out, fabs(x.u.d));
    }
    return 0;
}

static int fn_round(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out)
{
    rl_value x, dv;
    char d[128];
    if (num_arg(ctx, call, 0, &x) < 0)
        return -1;
    int64_t digits = 0;
    if (call->nkids > 1) {
        if (num_arg(ctx, call, 1, &dv) < 0)
            return -1;
        if (dv.type == RL_VNULL) {
            rl_value_set_null(out);
            return 0;
        }
        if (dv.type != RL_VINT)
            return rl_eval_fail(ctx, dv.src, "round() takes a whole number of digits, got %s",
                                rl_eval_describe(&dv, d, sizeof d));
        digits = dv.u.i;
    }
    if (x.type == RL_VNULL) {
        rl_value_set_null(out);
        return 0;
    }
    if (digits > 30)
        digits = 30;
    if (digits < -30)
        digits = -30;
    if (x.type == RL_VINT) {
        if (digits >= 0) {
            rl_value_set_int(out, x.u.i);
            return 0;
        }
        if (digits < -18) {
            rl_value_set_int(out, 0);
            return 0;
        }
        int64_t m = 1;
        for (int64_t i = 0; i < -digits; i++)
            m *= 10;
        int64_t q = x.u.i / m, rem = x.u.i % m, r;
        /* |rem| * 2 >= m, without overflow: |rem| >= m - |rem| */
        int64_t arem = rem < 0 ? -rem : rem;
        if (arem >= m - arem)
            q += x.u.i < 0 ? -1 : 1;
        if (__builtin_mul_overflow(q, m, &r))
            return rl_eval_fail(ctx, x.src, "integer overflow: round(%lld, %lld)", (long long)x.u.i,
                                (long long)digits);
        rl_value_set_int(out, r);
        return 0;
    }
    double r = rl_round_decimal(x.u.d, (int)digits);
    if (!isfinite(r))
        return rl_eval_fail(ctx, x.src, "number overflow in round()");
    if (digits <= 0 && fabs(r) < 9223372036854775808.0)
        rl_value_set_int(out, (int64_t)r);
    else
        rl_value_set_num(out, r);
    return 0;
}

/* Evaluate an optional locale argument; *loc stays as it is when absent or
 * null. */
static int locale_arg(rl_eval_ctx *ctx, const rl_enode *call, size_t i, const char **loc)
{
    if (call->nkids <= i)
        return 0;
    rl_value v;
    char d[128];
    if (arg(ctx, call, i, &v) < 0)
        return -1;
    if (v.type == RL_VNULL)
        return 0;
    if (v.type != RL_VSTR)
        return rl_eval_fail(ctx, v.src, "%s() takes a locale name such as 'vi', got %s",
                            fname(call), rl_eval_describe(&v, d, sizeof d));
    char *s = rl_arena_strndup(ctx->arena, v.u.str.s, v.u.str.len);
    if (!s)
        return rl_eval_fail(ctx, NULL, "out of memory");
    *loc = s;
    return 0;
}

static int fn_num(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out)
{
    const char *saved = ctx->locale, *loc = ctx->locale;
    if (locale_arg(ctx, call, 1, &loc) < 0)
        return -1;
    ctx->locale = loc;
    int r = num_arg(ctx, call, 0, out);
    ctx->locale = saved;
    return r;
}

/* ---- logic -------------------------------------------------------------------- */

static int fn_coalesce(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out)
{
    for (size_t i = 0; i < call->nkids; i++) {
        if (arg(ctx, call, i, out) < 0)
            return -1;
        if (out->type == RL_VNULL || (out->type == RL_VLIST && out->u.list.n == 0))
            continue;
        return 0;
    }
    rl_value_set_null(out);
    return 0;
}

static int fn_if(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out)
{
    rl_value c;
    char d[128];
    if (arg(ctx, call, 0, &c) < 0)
        return -1;
    if (c.type == RL_VNULL) {
        rl_value_set_null(out);
        return 0;
    }
    if (c.type != RL_VBOOL)
        return rl_eval_fail(ctx, c.src,
                            "if() takes a condition that is true, false or null, got %s",
                            rl_eval_describe(&c, d, sizeof d));
    return arg(ctx, call, c.u.b ? 1 : 2, out);
}

/* ---- dates ------------------------------------------------------------------------ */

static int date_arg(rl_eval_ctx *ctx, const rl_enode *call, size_t i, rl_value *out)
{
    rl_value v;
    char d[128];
    if (arg(ctx, call, i, &v) < 0)
        return -1;
    if (v.type != RL_VNULL && v.type != RL_VSTR && v.type != RL_VDATE)
        return rl_eval_fail(ctx, v.src, "%s() takes a date, but '%.*s' is %s", fname(call),
                            (int)(call->kids[i]->tlen > 60 ? 60 : call->kids[i]->tlen),
                            call->kids[i]->text, rl_eval_describe(&v, d, sizeof d));
    return rl_eval_to_date(ctx, &v, out);
}

static int fn_date(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out)
{
    const char *saved = ctx->locale, *loc = ctx->locale;
    if (locale_arg(ctx, call, 1, &loc) < 0)
        return -1;
    ctx->locale = loc;
    int r = date_arg(ctx, call, 0, out);
    ctx->locale = saved;
    return r;
}

enum { PART_YEAR, PART_MONTH, PART_DAY, PART_WEEKDAY };

static int date_part(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out, int part)
{
    rl_value d;
    if (date_arg(ctx, call, 0, &d) < 0)
        return -1;
    if (d.type == RL_VNULL) {
        rl_value_set_null(out);
        return 0;
    }
    int y, m, day, week;
    rl_civil_from_days(d.u.date.days, &y, &m, &day);
    int prec = d.u.date.precision;
    if (prec == RL_DATE_WEEK)
        rl_iso_week(d.u.date.days, &y, &week); /* a week's year is its ISO year */
    /* a part the date does not fix (the day of a month, the month of a quarter) is null */
    int fixed = part == PART_YEAR || prec == RL_DATE_DAY ||
                (part == PART_MONTH && prec == RL_DATE_MONTH);
    if (!fixed)
        rl_value_set_null(out);
    else
        rl_value_set_int(out, part == PART_YEAR    ? y
                              : part == PART_MONTH ? m
                              : part == PART_DAY   ? day
                                                   : rl_date_weekday(d.u.date.days));
    return 0;
}

static int fn_year(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out)
{
    return date_part(ctx, call, out, PART_YEAR);
}

static int fn_month(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out)
{
    return date_part(ctx, call, out, PART_MONTH);
}

static int fn_day(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out)
{
    return date_part(ctx, call, out, PART_DAY);
}

static int fn_weekday(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out)
{
    return date_part(ctx, call, out, PART_WEEKDAY);
}

static int fn_days_between(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out)
{
    rl_value a, b;
    if (date_arg(ctx, call, 0, &a) < 0 || date_arg(ctx, call, 1, &b) < 0)
        return -1;
    if (a.type == RL_VNULL || b.type == RL_VNULL)
        rl_value_set_null(out);
    else
        rl_value_set_int(out, (int64_t)b.u.date.days - a.u.date.days);
    return 0;
}

/* ---- periods ---------------------------------------------------------------------- */

/* Argument i as a date or period: a date, a string naming one (2025-09-29,
 * 2025-09, 2025-Q3, 2025-H2, 2025-W36, 2025), or a whole number as a year. */
static int period_arg(rl_eval_ctx *ctx, const rl_enode *call, size_t i, rl_value *out)
{
    rl_value v;
    if (arg(ctx, call, i, &v) < 0)
        return -1;
    if (v.type == RL_VINT) {
        if (v.u.i < 1 || v.u.i > 9999)
            return rl_eval_fail(ctx, v.src,
                                "%s() takes a period such as 2025-Q3, but %lld is no year",
                                fname(call), (long long)v.u.i);
        rl_value_set_date(out, (rl_date){rl_days_from_civil((int)v.u.i, 1, 1), RL_DATE_YEAR});
        out->src = v.src;
        return 0;
    }
    if (v.type != RL_VNULL && v.type != RL_VSTR && v.type != RL_VDATE) {
        char d[128];
        return rl_eval_fail(ctx, v.src, "%s() takes a period such as 2025-Q3, but '%.*s' is %s",
                            fname(call), (int)(call->kids[i]->tlen > 60 ? 60 : call->kids[i]->tlen),
                            call->kids[i]->text, rl_eval_describe(&v, d, sizeof d));
    }
    return rl_eval_to_date(ctx, &v, out);
}

/* Argument i as a whole number (a count of days, months or periods);
 * returns 1, 0 with out null, or -1. */
static int count_arg(rl_eval_ctx *ctx, const rl_enode *call, size_t i, int64_t *n, rl_value *out)
{
    rl_value v;
    char d[128];
    if (num_arg(ctx, call, i, &v) < 0)
        return -1;
    if (v.type == RL_VNULL) {
        rl_value_set_null(out);
        return 0;
    }
    if (v.type != RL_VINT)
        return rl_eval_fail(ctx, v.src, "%s() moves by a whole number, not by %s", fname(call),
                            rl_eval_describe(&v, d, sizeof d));
    *n = v.u.i;
    return 1;
}

static int out_of_range(rl_eval_ctx *ctx, const rl_enode *call)
{
    return rl_eval_fail(ctx, NULL, "%s(): the date leaves years 1 to 9999", fname(call));
}

static int period_bound(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out, int end)
{
    rl_value p;
    if (period_arg(ctx, call, 0, &p) < 0)
        return -1;
    if (p.type == RL_VNULL) {
        rl_value_set_null(out);
        return 0;
    }
    rl_value_set_date(out,
                      (rl_date){end ? rl_date_last_day(p.u.date) : p.u.date.days, RL_DATE_DAY});
    return 0;
}

static int fn_period_start(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out)
{
    return period_bound(ctx, call, out, 0);
}

static int fn_period_end(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out)
{
    return period_bound(ctx, call, out, 1);
}

static int period_step(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out, int64_t n)
{
    rl_value p;
    rl_date r;
    if (period_arg(ctx, call, 0, &p) < 0)
        return -1;
    if (p.type == RL_VNULL) {
        rl_value_set_null(out);
        return 0;
    }
    if (!rl_period_shift(p.u.date, n, &r))
        return out_of_range(ctx, call);
    rl_value_set_date(out, r);
    return 0;
}

static int fn_period_prev(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out)
{
    return period_step(ctx, call, out, -1);
}

static int fn_period_next(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out)
{
    return period_step(ctx, call, out, 1);
}

/* add_days and add_months: argument 0 a date, argument 1 a count. */
static int date_move(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out, int months)
{
    rl_value d;
    rl_date r;
    int64_t n = 0;
    char desc[128];
    if (period_arg(ctx, call, 0, &d) < 0)
        return -1;
    int rc = count_arg(ctx, call, 1, &n, out);
    if (rc <= 0)
        return rc;
    if (d.type == RL_VNULL) {
        rl_value_set_null(out);
        return 0;
    }
    int prec = d.u.date.precision;
    if (prec != RL_DATE_DAY && !(months && prec == RL_DATE_MONTH))
        return rl_eval_fail(
            ctx, d.src,
            "%s() takes a day, but %s is a whole %s: use period_start() or period_end()",
            fname(call), rl_eval_describe(&d, desc, sizeof desc), rl_date_unit_name(prec));
    if (!(months ? rl_date_add_months(d.u.date, n, &r) : rl_period_shift(d.u.date, n, &r)))
        return out_of_range(ctx, call);
    rl_value_set_date(out, r);
    return 0;
}

static int fn_add_days(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out)
{
    return date_move(ctx, call, out, 0);
}

static int fn_add_months(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out)
{
    return date_move(ctx, call, out, 1);
}

/* ---- text ------------------------------------------------------------------------- */

static int fn_matches(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out)
{
    rl_value s;
    char d[128];
    if (arg(ctx, call, 0, &s) < 0)
        return -1;
    const char *subj;
    size_t slen;
    rl_sbuf num = RL_SBUF_INIT;
    if (s.type == RL_VNULL) {
        rl_value_set_null(out);
        return 0;
    }
    if (s.type == RL_VSTR) {
        subj = s.u.str.s;
        slen = s.u.str.len;
    } else if (rl_value_is_number(&s)) {
        /* a number is matched as written in the report, else in its shortest form */
        if (ctx->doc && s.src && rl_jn_type(s.src) == RL_JNUMBER) {
            subj = rl_json_number_text(ctx->doc, s.src, &slen);
        } else {
            rl_value_format(&num, &s, -1);
            /* zeroed with slack: PCRE2 JIT may read a few bytes past a subject */
            char *copy = rl_arena_calloc(ctx->arena, num.len + 16);
            if (copy)
                memcpy(copy, rl_sbuf_str(&num), num.len);
            slen = num.len;
            rl_sbuf_free(&num);
            if (!copy)
                return rl_eval_fail(ctx, NULL, "out of memory");
            subj = copy;
        }
    } else {
        return rl_eval_fail(ctx, s.src, "matches() takes a string, got %s",
                            rl_eval_describe(&s, d, sizeof d));
    }

    const rl_regex *re = call->u.call.re;
    rl_regex *dyn = NULL;
    if (!re) {
        rl_value pat, fl;
        unsigned flags = 0;
        if (arg(ctx, call, 1, &pat) < 0)
            return -1;
        if (pat.type == RL_VNULL) {
            rl_value_set_null(out);
            return 0;
        }
        if (pat.type != RL_VSTR)
            return rl_eval_fail(ctx, pat.src, "matches() takes a regular expression string, got %s",
                                rl_eval_describe(&pat, d, sizeof d));
        if (call->nkids > 2) {
            if (arg(ctx, call, 2, &fl) < 0)
                return -1;
            if (fl.type == RL_VSTR) {
                char *f = rl_arena_strndup(ctx->arena, fl.u.str.s, fl.u.str.len);
                if (!f)
                    return rl_eval_fail(ctx, NULL, "out of memory");
                if (!rl_regex_parse_flags(f, &flags, ctx->err)) {
                    ctx->err_node = fl.src;
                    return -1;
                }
            } else if (fl.type != RL_VNULL) {
                return rl_eval_fail(ctx, fl.src,
                                    "matches() takes flags as a string such as 'i', got %s",
                                    rl_eval_describe(&fl, d, sizeof d));
            }
        }
        dyn = rl_regex_compile(pat.u.str.s, pat.u.str.len, flags, NULL, ctx->err);
        if (!dyn) {
            ctx->err_node = pat.src;
            return -1;
        }
        re = dyn;
    }
    int r = rl_regex_search_md(re, subj, slen, ctx->md);
    rl_regex_free(dyn);
    if (r == RL_REGEX_MATCH || r == RL_REGEX_NOMATCH) {
        rl_value_set_bool(out, r == RL_REGEX_MATCH);
        return 0;
    }
    char q[96];
    snprintf(q, sizeof q, "%.60s", subj);
    if (r == RL_REGEX_LIMIT)
        return rl_eval_fail(ctx, s.src,
                            "matches(): the regular expression hit its match limit on '%s' "
                            "(simplify the pattern)",
                            q);
    return rl_eval_fail(ctx, s.src, "matches(): cannot match '%s' (invalid UTF-8?)", q);
}

/* previous(x) has a value only in a collection rule, where the collection
 * substitutes it (expr_split.h); anywhere else the loader rejects it. */
static int fn_previous(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out)
{
    (void)call;
    (void)out;
    return rl_eval_fail(ctx, NULL,
                        "previous() is only available in a rule with \"scope\": \"collection\"");
}

/* ---- the table ------------------------------------------------------------------ */

static const rl_func table[] = {
    {"sum", 1, -1, 0, fn_sum, "sum(list or values...)"},
    {"count", 1, -1, 0, fn_count, "count(list or values...)"},
    {"avg", 1, -1, 0, fn_avg, "avg(list or values...)"},
    {"min", 1, -1, 0, fn_min, "min(list or values...)"},
    {"max", 1, -1, 0, fn_max, "max(list or values...)"},
    {"missing", 2, 2, 0, fn_missing, "missing(items, present)"},
    {"exists", 1, 1, 0, fn_exists, "exists(path)"},
    {"is_null", 1, 1, 0, fn_is_null, "is_null(x)"},
    {"len", 1, 1, 0, fn_len, "len(string, array, object or list)"},
    {"abs", 1, 1, 0, fn_abs, "abs(x)"},
    {"round", 1, 2, 0, fn_round, "round(x[, digits])"},
    {"coalesce", 1, -1, 0, fn_coalesce, "coalesce(x, y, ...)"},
    {"if", 3, 3, 0, fn_if, "if(condition, then, else)"},
    {"num", 1, 2, RL_FN_LOCALE, fn_num, "num(x[, locale])"},
    {"date", 1, 2, RL_FN_LOCALE, fn_date, "date(x[, locale])"},
    {"year", 1, 1, 0, fn_year, "year(date)"},
    {"month", 1, 1, 0, fn_month, "month(date)"},
    {"day", 1, 1, 0, fn_day, "day(date)"},
    {"weekday", 1, 1, 0, fn_weekday, "weekday(date)"},
    {"days_between", 2, 2, 0, fn_days_between, "days_between(from, to)"},
    {"period_start", 1, 1, 0, fn_period_start, "period_start(period)"},
    {"period_end", 1, 1, 0, fn_period_end, "period_end(period)"},
    {"period_prev", 1, 1, 0, fn_period_prev, "period_prev(period)"},
    {"period_next", 1, 1, 0, fn_period_next, "period_next(period)"},
    {"add_days", 2, 2, 0, fn_add_days, "add_days(date, days)"},
    {"add_months", 2, 2, 0, fn_add_months, "add_months(date, months)"},
    {"matches", 2, 3, RL_FN_REGEX, fn_matches, "matches(string, regex[, flags])"},
    {"previous", 1, 1, 0, fn_previous, "previous(x)"},
    {NULL, 0, 0, 0, NULL, NULL},
};

const rl_func *rl_func_table(void)
{
    return table;
}

const rl_func *rl_func_find(const char *name, size_t len)
{
    for (const rl_func *f = table; f->name; f++)
        if (strlen(f->name) == len && memcmp(f->name, name, len) == 0)
            return f;
    return NULL;
}
