/* kind_expr.c — `expr`: any assertion in the expression language.
 *
 *   {"kind": "expr", "assert": "@.equipped <= @.communes", "at": "@.equipped"}
 *
 * The assertion must give true or false; null (missing data) is not
 * applicable unless "missing": "violation". Blame: the value of `at`
 * when it comes from the report, else the `each` node. */
#include "kinds.h"
#include "error.h"

#include <stdlib.h>

static const char *const fields[] = {"assert", "at", NULL};
static const char *const figures[] = {"assert", "value", "actual", NULL};

typedef struct expr_data {
    rl_expr *assert_, *at;
} expr_data;

static void expr_free(void *p)
{
    expr_data *d = p;
    rl_expr_free(d->assert_);
    rl_expr_free(d->at);
    free(d);
}

static int expr_compile(rl_rule *rule, rl_loader *ld, const rl_jnode *obj)
{
    expr_data *d = calloc(1, sizeof *d);
    if (!d)
        return -1;
    rule->data = d;
    d->assert_ = rl_ld_expr(ld, obj, "assert", 0, 1);
    d->at = rl_ld_expr(ld, obj, "at", 0, 0);
    return 0;
}

/* Evaluate `at` for blame only: a failure there is not a second violation. */
static int quiet_eval(rl_run *run, const rl_expr *e, rl_value *out)
{
    rl_eval_ctx *ctx = rl_run_ctx(run);
    rl_error err, *saved = ctx->err;
    rl_error_fresh(&err);
    ctx->err = &err;
    int ok = rl_expr_eval(e, ctx, out) == 0;
    ctx->err = saved;
    return ok;
}

/* The violation of an assert that is not true: ok is false or not a boolean. */
static rl_outcome expr_fail(rl_run *run, const expr_data *d, const rl_value *ok)
{
    rl_value at;
    rl_finding f = {0}; /* built only for a violation: it is large */
    f.msg = RL_MSG_EXPR_FALSE;
    rl_finding_add_str(&f, "assert", rl_expr_text(d->assert_));
    if (ok->type != RL_VBOOL) {
        f.msg = RL_MSG_EXPR_TYPE;
        rl_finding_add(&f, "value", ok);
        rl_run_report(run, &f);
        return RL_FAIL;
    }
    if (d->at && quiet_eval(run, d->at, &at)) {
        f.blame = at.src;
        rl_finding_add(&f, "value", &at);
        rl_finding_add(&f, "actual", &at);
    }
    rl_run_report(run, &f);
    return RL_FAIL;
}

static rl_outcome expr_check(const rl_rule *rule, rl_run *run)
{
    const expr_data *d = rule->data;
    rl_value ok;
    if (rl_run_eval(run, d->assert_, &ok) != 0)
        return RL_FAIL;
    if (ok.type == RL_VNULL)
        return rl_run_missing(run, "assert", d->assert_);
    if (ok.type == RL_VBOOL && ok.u.b)
        return RL_PASS;
    return expr_fail(run, d, &ok);
}

static const rl_msg messages[] = {RL_MSG_EXPR_FALSE, RL_MSG_EXPR_TYPE, RL_MSG_COUNT};

static void expr_exprs(const void *p, rl_expr_fn fn, void *user)
{
    const expr_data *d = p;
    fn(user, d->assert_);
    fn(user, d->at);
}

const rl_kind rl_kind_expr = {
    "expr", fields, figures, messages, expr_compile, expr_free, expr_check, expr_exprs,
};
