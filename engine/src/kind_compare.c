/* kind_compare.c — stated vs computed within a tolerance (see
 * kind_compare.h). Integers are compared exactly; the imbalance of two
 * integers is an exact integer. */
#include "kind_compare.h"

int rl_compare_operand(rl_run *run, const char *field, const rl_expr *e, rl_value *v,
                       rl_outcome *outcome)
{
    if (rl_run_number(run, e, v) != 0) {
        *outcome = RL_FAIL;
        return 0;
    }
    if (v->type == RL_VNULL) {
        *outcome = rl_run_missing(run, field, e);
        return 0;
    }
    return 1;
}

static void add_imbalance(rl_finding *f, const rl_value *actual, const rl_value *expected)
{
    int64_t diff;
    if (actual->type == RL_VINT && expected->type == RL_VINT &&
        !__builtin_sub_overflow(actual->u.i, expected->u.i, &diff))
        rl_finding_add_int(f, "imbalance", diff);
    else
        rl_finding_add_num(f, "imbalance",
                           rl_value_as_double(actual) - rl_value_as_double(expected));
}

rl_outcome rl_compare_stated(rl_run *run, const rl_tolerance *tol, const rl_value *actual,
                             const rl_value *expected, rl_finding *f)
{
    double a = rl_value_as_double(actual), e = rl_value_as_double(expected);
    double t = rl_tolerance_abs(tol, actual, e);
    int ok;
    if (tol->kind == RL_TOL_DEFAULT && actual->type == RL_VINT && expected->type == RL_VINT)
        ok = actual->u.i == expected->u.i;
    else
        ok = rl_tolerance_ok(a, e, t);
    if (ok)
        return RL_PASS;
    f->blame = actual->src;
    rl_finding_add(f, "actual", actual);
    rl_finding_add(f, "expected", expected);
    add_imbalance(f, actual, expected);
    rl_finding_add_num(f, "tolerance", t);
    rl_run_report(run, f);
    return RL_FAIL;
}
