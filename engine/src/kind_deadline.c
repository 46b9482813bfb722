/* kind_deadline.c — `deadline`: work must be done by its due date.
 *
 *   {"kind": "deadline", "each": "$.tasks[*]", "due": "--12-15", "done": "@.completed"}
 *
 * due is a day, a month (done by the month's end) or year-less (the year
 * of as_of); done is the completion date, null while open; as_of is the
 * rule's field, else the `as_of` param, else today. Done after due is
 * late; still open after due is overdue; both count the days. The due day
 * itself is on time. A done date written as a month counts from its first
 * day (the benefit of the doubt). Blame: done, or the `each` node while open. */
#include "kinds.h"

#include <stdlib.h>

static const char *const fields[] = {"due", "done", "as_of", NULL};
static const char *const figures[] = {"due", "done", "as_of", "days_late", "status", "state", NULL};

typedef struct deadline_data {
    rl_expr *due, *done, *as_of; /* done and as_of may be NULL */
    int as_of_known;             /* as_of is a dated literal: as_of_day, worked out once */
    int32_t as_of_day;           /* its last day */
} deadline_data;

static void deadline_free(void *p)
{
    deadline_data *d = p;
    rl_expr_free(d->due);
    rl_expr_free(d->done);
    rl_expr_free(d->as_of);
    free(d);
}

static int deadline_compile(rl_rule *rule, rl_loader *ld, const rl_jnode *obj)
{
    deadline_data *d = calloc(1, sizeof *d);
    if (!d)
        return -1;
    rule->data = d;
    d->due = rl_ld_expr(ld, obj, "due", RL_EXPR_DATE_FIELD, 1);
    d->done = rl_ld_expr(ld, obj, "done", RL_EXPR_DATE_FIELD, 0);
    d->as_of = rl_ld_expr(ld, obj, "as_of", RL_EXPR_DATE_FIELD, 0);
    rl_date day;
    if (rl_expr_const_date(d->as_of, &day)) {
        d->as_of_known = 1;
        d->as_of_day = rl_date_last_day(day);
    }
    return 0;
}

static rl_outcome late(rl_run *run, const rl_value *due, const rl_value *done, int32_t as_of,
                       int32_t days, const char *status)
{
    rl_finding f = {0};
    rl_value v;
    f.blame = done ? done->src : NULL;
    f.msg = done ? RL_MSG_DEADLINE_LATE : RL_MSG_DEADLINE_OVERDUE;
    rl_finding_add(&f, "due", due);
    if (done) {
        rl_finding_add(&f, "done", done);
    } else {
        rl_value_set_null(&v);
        rl_finding_add(&f, "done", &v);
    }
    rl_value_set_date(&v, (rl_date){as_of, RL_DATE_DAY});
    rl_finding_add(&f, "as_of", &v);
    rl_finding_add_int(&f, "days_late", days);
    rl_finding_add_str(&f, "status", status);
    rl_finding_word(&f, "state", done ? RL_MSG_WORD_LATE : RL_MSG_WORD_OVERDUE);
    rl_run_report(run, &f);
    return RL_FAIL;
}

/* The rule's own as_of, when it has one, replaces the context's. */
static int rule_as_of(rl_run *run, const deadline_data *d, rl_outcome *out)
{
    if (!d->as_of)
        return 1;
    if (d->as_of_known) { /* what evaluating the literal would give, every time */
        rl_eval_ctx *ctx = rl_run_ctx(run);
        ctx->as_of = d->as_of_day;
        ctx->has_as_of = 1;
        return 1;
    }
    rl_value v;
    if (rl_run_date(run, d->as_of, &v) != 0) {
        *out = RL_FAIL;
        return 0;
    }
    if (v.type == RL_VNULL) {
        *out = rl_run_missing(run, "as_of", d->as_of);
        return 0;
    }
    rl_eval_ctx *ctx = rl_run_ctx(run);
    ctx->as_of = rl_date_last_day(v.u.date);
    ctx->has_as_of = 1;
    return 1;
}

static rl_outcome deadline_check(const rl_rule *rule, rl_run *run)
{
    const deadline_data *d = rule->data;
    rl_outcome out;
    if (!rule_as_of(run, d, &out))
        return out;
    rl_eval_ctx *ctx = rl_run_ctx(run);
    int32_t as_of = ctx->has_as_of ? ctx->as_of : rl_date_today();
    rl_value due, done;
    if (rl_run_date(run, d->due, &due) != 0)
        return RL_FAIL;
    if (due.type == RL_VNULL)
        return rl_run_missing(run, "due", d->due);
    rl_value_set_null(&done);
    if (d->done && rl_run_date(run, d->done, &done) != 0)
        return RL_FAIL;
    int32_t due_day = rl_date_last_day(due.u.date);
    if (done.type == RL_VDATE) {
        int32_t done_day = done.u.date.days;
        return done_day > due_day ? late(run, &due, &done, as_of, done_day - due_day, "late")
                                  : RL_PASS;
    }
    return as_of > due_day ? late(run, &due, NULL, as_of, as_of - due_day, "overdue") : RL_PASS;
}

static const rl_msg messages[] = {RL_MSG_DEADLINE_LATE, RL_MSG_DEADLINE_OVERDUE, RL_MSG_COUNT};

const rl_kind rl_kind_deadline = {
    "deadline", fields, figures, messages, deadline_compile, deadline_free, deadline_check, NULL,
};
