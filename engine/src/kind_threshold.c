/* kind_threshold.c — `threshold`: a value must lie within bounds.
 *
 *   {"kind": "threshold", "value": "@.on_time_rate_pct", "min": "$min_on_time_rate"}
 *
 * min and max are numbers, params or expressions; `exclusive: true` makes
 * both bounds strict. Blame: the value. Figures: value, min, max, and
 * actual/expected/imbalance against the bound that was crossed. */
#include "kind_compare.h"

#include <stdlib.h>

static const char *const fields[] = {"value", "min", "max", "exclusive", NULL};
static const char *const figures[] = {"value",    "min",       "max", "actual",
                                      "expected", "imbalance", NULL};

typedef struct threshold_data {
    rl_expr *value, *min, *max;
    int exclusive;
} threshold_data;

static void threshold_free(void *p)
{
    threshold_data *d = p;
    rl_expr_free(d->value);
    rl_expr_free(d->min);
    rl_expr_free(d->max);
    free(d);
}

static int threshold_compile(rl_rule *rule, rl_loader *ld, const rl_jnode *obj)
{
    threshold_data *d = calloc(1, sizeof *d);
    if (!d)
        return -1;
    rule->data = d;
    d->value = rl_ld_expr(ld, obj, "value", 0, 1);
    d->min = rl_ld_expr(ld, obj, "min", 0, 0);
    d->max = rl_ld_expr(ld, obj, "max", 0, 0);
    d->exclusive = rl_ld_bool(ld, obj, "exclusive", 0);
    if (!rl_json_gets(obj, "min") && !rl_json_gets(obj, "max"))
        rl_ld_error(ld, rl_jn_offset(obj), "a threshold needs \"min\", \"max\" or both");
    else if (d->min && d->max)
        rl_ld_check_bounds(ld, rl_json_gets(obj, "max"), d->min, d->max, d->exclusive);
    return 0;
}

/* 1 when value is on the wrong side of bound (below a min, above a max). */
static int crosses(const rl_value *value, const rl_value *bound, int is_min, int exclusive)
{
    int c = rl_value_num_cmp(value, bound);
    if (is_min)
        return exclusive ? c <= 0 : c < 0;
    return exclusive ? c >= 0 : c > 0;
}

static rl_outcome report(rl_run *run, const rl_value *value, const rl_value *bound,
                         const rl_value *min, const rl_value *max, int is_min, int exclusive)
{
    rl_finding f = {0};
    f.blame = value->src;
    f.msg = is_min ? (exclusive ? RL_MSG_THRESHOLD_XMIN : RL_MSG_THRESHOLD_MIN)
                   : (exclusive ? RL_MSG_THRESHOLD_XMAX : RL_MSG_THRESHOLD_MAX);
    rl_finding_add(&f, "value", value);
    if (min->type != RL_VNULL)
        rl_finding_add(&f, "min", min);
    if (max->type != RL_VNULL)
        rl_finding_add(&f, "max", max);
    rl_finding_add(&f, "actual", value);
    rl_finding_add(&f, "expected", bound);
    int64_t diff;
    if (value->type == RL_VINT && bound->type == RL_VINT &&
        !__builtin_sub_overflow(value->u.i, bound->u.i, &diff))
        rl_finding_add_int(&f, "imbalance", diff);
    else
        rl_finding_add_num(&f, "imbalance", rl_value_as_double(value) - rl_value_as_double(bound));
    rl_run_report(run, &f);
    return RL_FAIL;
}

static rl_outcome threshold_check(const rl_rule *rule, rl_run *run)
{
    const threshold_data *d = rule->data;
    rl_value value, min, max;
    rl_outcome out;
    rl_value_set_null(&min);
    rl_value_set_null(&max);
    if (!rl_compare_operand(run, "value", d->value, &value, &out) ||
        (d->min && !rl_compare_operand(run, "min", d->min, &min, &out)) ||
        (d->max && !rl_compare_operand(run, "max", d->max, &max, &out)))
        return out;
    if (d->min && crosses(&value, &min, 1, d->exclusive))
        return report(run, &value, &min, &min, &max, 1, d->exclusive);
    if (d->max && crosses(&value, &max, 0, d->exclusive))
        return report(run, &value, &max, &min, &max, 0, d->exclusive);
    return RL_PASS;
}

static const rl_msg messages[] = {RL_MSG_THRESHOLD_MIN, RL_MSG_THRESHOLD_MAX, RL_MSG_THRESHOLD_XMIN,
                                  RL_MSG_THRESHOLD_XMAX, RL_MSG_COUNT};

static void threshold_exprs(const void *p, rl_expr_fn fn, void *user)
{
    const threshold_data *d = p;
    fn(user, d->value);
    fn(user, d->min);
    fn(user, d->max);
}

const rl_kind rl_kind_threshold = {
    "threshold",       fields,         figures,         messages,
    threshold_compile, threshold_free, threshold_check, threshold_exprs,
};
