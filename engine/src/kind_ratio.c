/* kind_ratio.c — `ratio` and `average`: a stated figure must match the
 * one computed from two others, within a tolerance.
 *
 *   ratio:   stated ≈ numerator / denominator × scale   (scale 100: percent)
 *   average: stated ≈ total / count
 *
 * Blame: the stated value. A zero denominator or count is reported as a
 * violation (the stated figure cannot be right), not skipped. */
#include "kind_compare.h"

#include <stdlib.h>

static const char *const ratio_fields[] = {"numerator", "denominator", "stated",
                                           "scale",     "tolerance",   NULL};
static const char *const ratio_figures[] = {"actual",    "expected",  "imbalance",
                                            "tolerance", "numerator", "denominator",
                                            "scale",     "stated",    NULL};
static const char *const avg_fields[] = {"total", "count", "stated", "tolerance", NULL};
static const char *const avg_figures[] = {"actual", "expected", "imbalance", "tolerance",
                                          "total",  "count",    "stated",    NULL};

typedef struct ratio_data {
    rl_expr *num, *den, *stated, *scale; /* scale NULL: 1 */
    const char *num_name, *den_name;     /* figure names for the two operands */
    int is_ratio;                        /* ratio (has a scale) or average */
    rl_msg msg;                          /* the default message */
    rl_tolerance tol;
} ratio_data;

static void ratio_free(void *p)
{
    ratio_data *d = p;
    rl_expr_free(d->num);
    rl_expr_free(d->den);
    rl_expr_free(d->stated);
    rl_expr_free(d->scale);
    free(d);
}

static ratio_data *compile_common(rl_rule *rule, rl_loader *ld, const rl_jnode *obj,
                                  const char *num, const char *den)
{
    ratio_data *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    rule->data = d;
    d->num_name = num;
    d->den_name = den;
    d->num = rl_ld_expr(ld, obj, num, 0, 1);
    d->den = rl_ld_expr(ld, obj, den, 0, 1);
    d->stated = rl_ld_expr(ld, obj, "stated", 0, 1);
    rl_ld_tolerance(ld, obj, &d->tol);
    return d;
}

static int ratio_compile(rl_rule *rule, rl_loader *ld, const rl_jnode *obj)
{
    ratio_data *d = compile_common(rule, ld, obj, "numerator", "denominator");
    if (!d)
        return -1;
    d->scale = rl_ld_expr(ld, obj, "scale", 0, 0);
    if (d->scale)
        rl_ld_check_scale(ld, rl_json_gets(obj, "scale"), d->scale);
    d->is_ratio = 1;
    d->msg = RL_MSG_RATIO;
    return 0;
}

static int average_compile(rl_rule *rule, rl_loader *ld, const rl_jnode *obj)
{
    ratio_data *d = compile_common(rule, ld, obj, "total", "count");
    if (!d)
        return -1;
    d->msg = RL_MSG_AVERAGE;
    return 0;
}

static rl_outcome zero_denominator(rl_run *run, const ratio_data *d, const rl_value *stated)
{
    rl_finding f = {0};
    f.engine = 1;
    f.msg = RL_MSG_ZERO_DIVISOR;
    f.blame = stated->src;
    rl_sbuf item = RL_SBUF_INIT;
    rl_run_item(run, &item);
    rl_finding_add(&f, "actual", stated);
    rl_finding_arg_str(&f, "field", d->den_name);
    rl_finding_arg_str(&f, "expr", rl_expr_text(d->den));
    rl_finding_arg_str(&f, "item", rl_sbuf_str(&item));
    rl_run_report(run, &f);
    rl_sbuf_free(&item);
    return RL_FAIL;
}

static rl_outcome ratio_check(const rl_rule *rule, rl_run *run)
{
    const ratio_data *d = rule->data;
    rl_value num, den, stated, scale;
    rl_outcome out;
    rl_value_set_int(&scale, 1);
    if (!rl_compare_operand(run, "stated", d->stated, &stated, &out) ||
        !rl_compare_operand(run, d->num_name, d->num, &num, &out) ||
        !rl_compare_operand(run, d->den_name, d->den, &den, &out) ||
        (d->scale && !rl_compare_operand(run, "scale", d->scale, &scale, &out)))
        return out;
    double q = rl_value_as_double(&den);
    if (q == 0)
        return zero_denominator(run, d, &stated);
    rl_value expected;
    rl_value_set_num(&expected, rl_value_as_double(&num) / q * rl_value_as_double(&scale));
    rl_finding f = {0};
    f.msg = d->msg;
    rl_finding_add(&f, d->num_name, &num);
    rl_finding_add(&f, d->den_name, &den);
    rl_finding_add(&f, "stated", &stated);
    if (d->is_ratio)
        rl_finding_add(&f, "scale", &scale);
    return rl_compare_stated(run, &d->tol, &stated, &expected, &f);
}

static const rl_msg ratio_messages[] = {RL_MSG_RATIO, RL_MSG_COUNT};
static const rl_msg avg_messages[] = {RL_MSG_AVERAGE, RL_MSG_COUNT};

static void ratio_exprs(const void *p, rl_expr_fn fn, void *user)
{
    const ratio_data *d = p;
    fn(user, d->num);
    fn(user, d->den);
    fn(user, d->stated);
    fn(user, d->scale);
}

const rl_kind rl_kind_ratio = {
    "ratio",       ratio_fields, ratio_figures, ratio_messages,
    ratio_compile, ratio_free,   ratio_check,   ratio_exprs,
};

const rl_kind rl_kind_average = {
    "average",       avg_fields, avg_figures, avg_messages,
    average_compile, ratio_free, ratio_check, ratio_exprs,
};
