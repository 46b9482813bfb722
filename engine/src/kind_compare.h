/* kind_compare.h — the comparison sum, ratio and average share: a stated
 * figure (actual) against a computed one (expected), within a tolerance.
 * Figures: actual, expected, imbalance (actual - expected), tolerance. */
#ifndef RL_KIND_COMPARE_H
#define RL_KIND_COMPARE_H

#include "kinds.h"
#include "tolerance.h"

/* Compare; on a violation fills f (blame = actual's node) and reports it.
 * Returns RL_PASS or RL_FAIL. */
rl_outcome rl_compare_stated(rl_run *run, const rl_tolerance *tol, const rl_value *actual,
                             const rl_value *expected, rl_finding *f);

/* Evaluate a number-valued field: on null returns the missing-data
 * outcome through *out_outcome and 0; on an evaluation error RL_FAIL and
 * 0; else 1. */
int rl_compare_operand(rl_run *run, const char *field, const rl_expr *e, rl_value *v,
                       rl_outcome *outcome);

#endif
