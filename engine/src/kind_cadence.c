/* kind_cadence.c — `cadence`: a report must come in every period.
 *
 *   {"kind": "cadence", "dates": "@.reporting.dates", "every": "week",
 *    "on": "wednesday", "from": "2025-07-01"}
 *
 * dates is a JSONPath (an expression) selecting the submission dates: an
 * array of dates, or the dates themselves ("@.reports[*].date"). every is
 * "day", "week" (ISO, Monday to Sunday) or "month"; on is the day a
 * submission is due: a weekday for weeks, a day of the month 1..31 for
 * months (31 means the last day of a shorter month); from and to are date
 * fields (to defaults to as_of).
 *
 * A period is due on its `on` day, or on its last day without one. It is
 * missing when nothing was submitted in it, its due day lies within
 * from..to, and the due day is before as_of — the day of as_of itself is
 * not over, so a report due today is not yet missing. Submissions outside
 * from..to are not looked at. Findings:
 *   - a missing period: one violation naming the period, blamed on the
 *     dates' array (after 100 of them, the rest are one violation);
 *   - a submission on the wrong day: one violation at that date (it still
 *     counts for its period);
 *   - two or more submissions in one period: one notice, severity info
 *     whatever the rule's severity, at the second submission;
 *   - a date that does not read as a day: an evaluation error at it.
 * With no `from` the first submission starts the range; with neither, the
 * rule is not applicable. A `dates` path that selects nothing is missing
 * data (an empty array is no submissions at all). */
#include "date.h"
#include "array.h"
#include "kinds.h"
#include "period.h"
#include "suggest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LISTED 100 /* missing periods listed one by one per evaluation */

static const char *const fields[] = {"dates", "every", "on", "from", "to", NULL};
static const char *const figures[] = {"period",       "period_start", "period_end", "due",
                                      "count",        "date",         "weekday",    "day",
                                      "expected_day", "day_name",     "due_days",   NULL};

typedef struct cadence_data {
    rl_expr *dates, *from, *to; /* from and to may be NULL */
    rl_every every;
    int on; /* ISO weekday (week), day of month (month), or 0 */
} cadence_data;

typedef struct submission {
    int32_t day;
    const rl_jnode *node;
    size_t order; /* as given: keeps sorting stable */
} submission;

/* One evaluation: the range, what was submitted, what was found. */
typedef struct cadence_eval {
    rl_run *run;
    const cadence_data *d;
    int32_t lo, hi, as_of;
    submission *subs;
    size_t n, cap;
    const rl_jnode *array; /* blamed for missing periods; NULL: the each node */
    size_t missing, more;  /* periods listed, and not listed */
    rl_period first_more, last_more;
    int failed;
} cadence_eval;

static void cadence_free(void *p)
{
    cadence_data *d = p;
    rl_expr_free(d->dates);
    rl_expr_free(d->from);
    rl_expr_free(d->to);
    free(d);
}

/* ---- loading --------------------------------------------------------- */

static void compile_every(rl_loader *ld, const rl_jnode *obj, cadence_data *d, int *ok)
{
    const rl_jnode *v = rl_ld_field(ld, obj, "every", 1);
    *ok = 0;
    if (!v)
        return;
    if (rl_jn_type(v) == RL_JSTRING && rl_every_parse(rl_jn_str(v), &d->every)) {
        *ok = 1;
        return;
    }
    rl_ld_error(ld, rl_jn_offset(v), "field 'every' must be \"day\", \"week\" or \"month\"");
}

static void compile_on(rl_loader *ld, const rl_jnode *obj, cadence_data *d)
{
    const rl_jnode *v = rl_json_gets(obj, "on");
    if (!v)
        return;
    if (d->every == RL_EVERY_DAY) {
        rl_ld_error(ld, rl_jn_offset(v), "field 'on' does not apply to a daily cadence");
    } else if (d->every == RL_EVERY_WEEK) {
        if (rl_jn_type(v) == RL_JSTRING && (d->on = rl_weekday_parse(rl_jn_str(v))) != 0)
            return;
        const char *near = rl_jn_type(v) == RL_JSTRING
                               ? rl_suggest(rl_jn_str(v), rl_jn_str_len(v), rl_weekday_names())
                               : NULL;
        rl_ld_error(
            ld, rl_jn_offset(v),
            "field 'on' of a weekly cadence must be a weekday, \"monday\" to \"sunday\"%s%s%s",
            near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
    } else if (rl_jn_type(v) == RL_JNUMBER && (rl_jn_flags(v) & RL_JNUM_INT) && rl_jn_int(v) >= 1 &&
               rl_jn_int(v) <= 31) {
        d->on = (int)rl_jn_int(v);
    } else {
        rl_ld_error(ld, rl_jn_offset(v),
                    "field 'on' of a monthly cadence must be a day of the month, 1 to 31");
    }
}

static int cadence_compile(rl_rule *rule, rl_loader *ld, const rl_jnode *obj)
{
    cadence_data *d = calloc(1, sizeof *d);
    if (!d)
        return -1;
    rule->data = d;
    int every_ok;
    d->dates = rl_ld_expr(ld, obj, "dates", 0, 1);
    compile_every(ld, obj, d, &every_ok);
    if (every_ok)
        compile_on(ld, obj, d);
    d->from = rl_ld_expr(ld, obj, "from", RL_EXPR_DATE_FIELD, 0);
    d->to = rl_ld_expr(ld, obj, "to", RL_EXPR_DATE_FIELD, 0);
    return 0;
}

/* ---- reading the range and the dates --------------------------------- */

/* A bound's first (from) or last (to) day. 0 with *out set when it is
 * missing or does not read. */
static int bound(rl_run *run, const rl_expr *e, const char *field, int last, int32_t *day,
                 rl_outcome *out)
{
    rl_value v;
    if (rl_run_date(run, e, &v) != 0) {
        *out = RL_FAIL;
        return 0;
    }
    if (v.type == RL_VNULL) {
        *out = rl_run_missing(run, field, e);
        return 0;
    }
    *day = last ? rl_date_last_day(v.u.date) : v.u.date.days;
    return 1;
}

static void eval_failed(cadence_eval *ce, const rl_jnode *at, const char *detail)
{
    rl_eval_ctx *ctx = rl_run_ctx(ce->run);
    rl_error err = {0};
    rl_error *saved = ctx->err;
    snprintf(err.message, sizeof err.message, "%s", detail);
    ctx->err = &err;
    ctx->err_node = at;
    rl_run_eval_error(ce->run, rl_expr_text(ce->d->dates));
    ctx->err = saved;
    ce->failed = 1;
}

static void not_a_day(cadence_eval *ce, const rl_value *v)
{
    rl_finding f = {0};
    f.engine = 1;
    f.msg = RL_MSG_CADENCE_NOT_DAY;
    f.blame = v->src;
    rl_finding_add(&f, "value", v);
    rl_run_report(ce->run, &f);
    ce->failed = 1;
}

static int push(cadence_eval *ce, int32_t day, const rl_jnode *node)
{
    submission *more = rl_array_grow(ce->subs, &ce->cap, ce->n + 1, sizeof *more);
    if (!more)
        return 0;
    ce->subs = more;
    ce->subs[ce->n] = (submission){day, node, ce->n};
    ce->n++;
    return 1;
}

/* One submission date: a day, or a violation. */
static void add_date(cadence_eval *ce, const rl_value *v)
{
    rl_eval_ctx *ctx = rl_run_ctx(ce->run);
    rl_error err = {0}, *saved = ctx->err;
    rl_value date;
    ctx->err = &err;
    ctx->err_node = v->src;
    int rc = rl_eval_to_date(ctx, v, &date);
    ctx->err = saved;
    if (rc != 0)
        eval_failed(ce, ctx->err_node ? ctx->err_node : v->src, err.message);
    else if (date.type == RL_VNULL)
        eval_failed(ce, v->src, "expected a date, got null");
    else if (date.u.date.precision != RL_DATE_DAY)
        not_a_day(ce, v);
    else if (!push(ce, date.u.date.days, v->src))
        eval_failed(ce, v->src, "out of memory");
}

/* The dates an array node holds. */
static void add_array(cadence_eval *ce, const rl_jnode *arr)
{
    if (!ce->array)
        ce->array = arr;
    for (size_t i = 0; i < rl_jn_count(arr); i++) {
        rl_value item;
        rl_value_from_node(&item, rl_jn_item(arr, i));
        add_date(ce, &item);
    }
}

static int is_array(const rl_value *v)
{
    return v->type == RL_VNODE && rl_jn_type(v->u.node) == RL_JARRAY;
}

/* The nearest array holding node (the dates' array for "@.r[*].date"). */
static const rl_jnode *array_of(const rl_jnode *node)
{
    while (node && rl_jn_type(node) != RL_JARRAY)
        node = rl_jn_parent(node);
    return node;
}

static void collect(cadence_eval *ce, const rl_value *v)
{
    if (is_array(v)) {
        add_array(ce, v->u.node);
        return;
    }
    if (v->type != RL_VLIST) {
        add_date(ce, v);
        return;
    }
    for (size_t i = 0; i < v->u.list.n; i++) {
        rl_value item;
        rl_value_list_item(v, i, &item);
        if (is_array(&item)) {
            add_array(ce, item.u.node);
            continue;
        }
        if (!ce->array && item.src)
            ce->array = array_of(rl_jn_parent(item.src));
        add_date(ce, &item);
    }
}

static int by_day(const void *a, const void *b)
{
    const submission *x = a, *y = b;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* ---- findings -------------------------------------------------------- */

static void add_day(rl_finding *f, const char *name, int32_t day)
{
    rl_value v;
    rl_value_set_date(&v, (rl_date){day, RL_DATE_DAY});
    rl_finding_add(f, name, &v);
}

static void add_period(rl_finding *f, const cadence_eval *ce, rl_period p)
{
    rl_sbuf label = RL_SBUF_INIT;
    rl_period_label(&label, ce->d->every, p);
    rl_value v;
    rl_value_set_str(&v,
                     rl_arena_strndup(rl_run_ctx(ce->run)->arena, rl_sbuf_str(&label), label.len),
                     label.len);
    if (v.u.str.s)
        rl_finding_add(f, "period", &v);
    rl_sbuf_free(&label);
    add_day(f, "period_start", p.start);
    add_day(f, "period_end", p.end);
}

static void add_expected_day(rl_finding *f, const cadence_data *d)
{
    if (d->every == RL_EVERY_WEEK && d->on)
        rl_finding_add_str(f, "expected_day", rl_weekday_name(d->on));
    else if (d->every == RL_EVERY_MONTH && d->on)
        rl_finding_add_int(f, "expected_day", d->on);
}

static const rl_msg missing_msg[] = {RL_MSG_CADENCE_MISSING_DAY, RL_MSG_CADENCE_MISSING_WEEK,
                                     RL_MSG_CADENCE_MISSING_MONTH};
static const rl_msg dup_msg[] = {RL_MSG_CADENCE_DUP_DAY, RL_MSG_CADENCE_DUP_WEEK,
                                 RL_MSG_CADENCE_DUP_MONTH};

static void report_missing(cadence_eval *ce, rl_period p, int32_t due)
{
    rl_finding f = {0};
    f.msg = missing_msg[ce->d->every];
    f.blame = ce->array;
    add_period(&f, ce, p);
    add_day(&f, "due", due);
    rl_finding_add_int(&f, "count", 0);
    add_expected_day(&f, ce->d);
    rl_run_report(ce->run, &f);
    ce->failed = 1;
}

/* A missing period: listed while there are few, else counted. */
static void missing(cadence_eval *ce, rl_period p, int32_t due)
{
    if (ce->missing < MAX_LISTED) {
        ce->missing++;
        report_missing(ce, p, due);
        return;
    }
    if (ce->more++ == 0)
        ce->first_more = p;
    ce->last_more = p;
}

static void report_more(cadence_eval *ce)
{
    if (ce->more == 1) {
        report_missing(ce, ce->first_more, rl_period_due(ce->d->every, ce->first_more, ce->d->on));
        return;
    }
    rl_finding f = {0};
    f.msg = RL_MSG_CADENCE_MISSING_MORE;
    f.blame = ce->array;
    rl_finding_add_int(&f, "count", (int64_t)ce->more);
    add_day(&f, "period_start", ce->first_more.start);
    add_day(&f, "period_end", ce->last_more.end);
    rl_run_report(ce->run, &f);
}

static int day_of_month(int32_t day)
{
    int y, m, d;
    rl_civil_from_days(day, &y, &m, &d);
    return d;
}

/* A submission not on its period's due day (only when `on` is given). */
static void wrong_day(cadence_eval *ce, const submission *s, rl_period p, int32_t due)
{
    const cadence_data *d = ce->d;
    int weekday = rl_date_weekday(s->day);
    if (d->every == RL_EVERY_WEEK ? weekday == d->on : s->day == due)
        return;
    rl_finding f = {0};
    rl_value date;
    f.blame = s->node;
    rl_value_set_date(&date, (rl_date){s->day, RL_DATE_DAY});
    date.src = s->node;
    rl_finding_add(&f, "date", &date);
    if (d->every == RL_EVERY_WEEK) {
        f.msg = RL_MSG_CADENCE_WRONG_WEEKDAY;
        rl_finding_add_str(&f, "weekday", rl_weekday_name(weekday));
        rl_finding_add_str(&f, "expected_day", rl_weekday_name(d->on));
        rl_finding_word(&f, "day_name", (rl_msg)(RL_MSG_DAY_NAME_1 + weekday - 1));
        rl_finding_word(&f, "due_days", (rl_msg)(RL_MSG_ON_DAYS_1 + d->on - 1));
    } else {
        f.msg = RL_MSG_CADENCE_WRONG_MONTHDAY;
        rl_finding_add_int(&f, "day", day_of_month(s->day));
        rl_finding_add_int(&f, "expected_day", day_of_month(due));
    }
    add_day(&f, "due", due);
    add_period(&f, ce, p);
    rl_run_report(ce->run, &f);
    ce->failed = 1;
}

static void duplicates(cadence_eval *ce, const submission *s, size_t count, rl_period p)
{
    rl_finding f = {0};
    f.msg = dup_msg[ce->d->every];
    f.engine = 1;
    f.info = 1;
    f.blame = s[1].node;
    add_period(&f, ce, p);
    rl_finding_add_int(&f, "count", (int64_t)count);
    rl_run_report(ce->run, &f);
    ce->failed = 1;
}

/* ---- the check ------------------------------------------------------- */

/* Walk the periods from lo to hi with the submissions in them. */
static void walk(cadence_eval *ce)
{
    const cadence_data *d = ce->d;
    const int32_t last_day = rl_days_from_civil(9999, 12, 31); /* dates end there */
    size_t i = 0, end = ce->n;
    while (i < end && ce->subs[i].day < ce->lo)
        i++;
    while (end > i && ce->subs[end - 1].day > ce->hi)
        end--;
    for (rl_period p = rl_period_of(d->every, ce->lo); p.start <= ce->hi;
         p = rl_period_next(d->every, p)) {
        size_t j = i;
        while (j < end && ce->subs[j].day <= p.end)
            j++;
        int32_t due = rl_period_due(d->every, p, d->on);
        if (j == i && due >= ce->lo && due <= ce->hi && due < ce->as_of)
            missing(ce, p, due);
        for (size_t k = i; d->on && k < j; k++)
            wrong_day(ce, &ce->subs[k], p, due);
        if (j - i >= 2)
            duplicates(ce, &ce->subs[i], j - i, p);
        i = j;
        if (p.end >= last_day)
            break;
    }
    if (ce->more)
        report_more(ce);
}

/* from, to and as_of into ce; 0 with *out set when one is missing or bad. */
static int read_range(cadence_eval *ce, int *has_from, rl_outcome *out)
{
    rl_eval_ctx *ctx = rl_run_ctx(ce->run);
    const cadence_data *d = ce->d;
    ce->as_of = ctx->has_as_of ? ctx->as_of : rl_date_today();
    ce->hi = ce->as_of;
    *has_from = d->from != NULL;
    if (d->from && !bound(ce->run, d->from, "from", 0, &ce->lo, out))
        return 0;
    return !d->to || bound(ce->run, d->to, "to", 1, &ce->hi, out);
}

static rl_outcome cadence_check(const rl_rule *rule, rl_run *run)
{
    cadence_eval ce = {0};
    ce.run = run;
    ce.d = rule->data;
    rl_outcome out;
    int has_from;
    if (!read_range(&ce, &has_from, &out))
        return out;
    rl_value dates;
    if (rl_run_eval(run, ce.d->dates, &dates) != 0)
        return RL_FAIL;
    if (dates.type == RL_VNULL || (dates.type == RL_VLIST && dates.u.list.n == 0))
        return rl_run_missing(run, "dates", ce.d->dates);
    collect(&ce, &dates);
    if (ce.n > 1)
        qsort(ce.subs, ce.n, sizeof *ce.subs, by_day);
    if (!has_from && ce.n)
        ce.lo = ce.subs[0].day;
    if (has_from || ce.n)
        walk(&ce);
    free(ce.subs);
    if (!has_from && !ce.n && !ce.failed)
        return RL_NOT_APPLICABLE;
    return ce.failed ? RL_FAIL : RL_PASS;
}

static const rl_msg messages[] = {RL_MSG_CADENCE_MISSING_DAY,   RL_MSG_CADENCE_MISSING_WEEK,
                                  RL_MSG_CADENCE_MISSING_MONTH, RL_MSG_CADENCE_MISSING_MORE,
                                  RL_MSG_CADENCE_WRONG_WEEKDAY, RL_MSG_CADENCE_WRONG_MONTHDAY,
                                  RL_MSG_CADENCE_DUP_DAY,       RL_MSG_CADENCE_DUP_WEEK,
                                  RL_MSG_CADENCE_DUP_MONTH,     RL_MSG_COUNT};

static void cadence_exprs(const void *p, rl_expr_fn fn, void *user)
{
    const cadence_data *d = p;
    fn(user, d->dates);
    fn(user, d->from);
    fn(user, d->to);
}

const rl_kind rl_kind_cadence = {
    "cadence",       fields,       figures,       messages,
    cadence_compile, cadence_free, cadence_check, cadence_exprs,
};
