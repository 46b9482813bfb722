/* tolerance.h — how far a stated figure may be from the computed one.
 *
 *   a number or {"abs": x}  absolute: |actual - expected| <= x
 *   {"rel": r}              relative: |actual - expected| <= r * |expected|
 *   "reported"              from the precision the stated value was written
 *                           with: 95 tolerates 0.5, 94.6 tolerates 0.05
 *                           (half a unit in its last written digit, as XBRL's
 *                           decimals do)
 *   (absent)                exact for integers; otherwise 1e-9 relative, so
 *                           binary floating point noise is not a violation. */
#ifndef RL_TOLERANCE_H
#define RL_TOLERANCE_H

#include "value.h"

typedef enum rl_tol_kind { RL_TOL_DEFAULT, RL_TOL_ABS, RL_TOL_REL, RL_TOL_REPORTED } rl_tol_kind;

typedef struct rl_tolerance {
    rl_tol_kind kind;
    double x;
} rl_tolerance;

/* The absolute tolerance for comparing actual (as stated) with expected. */
double rl_tolerance_abs(const rl_tolerance *t, const rl_value *actual, double expected);

/* 1 when |actual - expected| is within tol (with a hair of slack for
 * floating point: 1e-9 of the magnitude). */
int rl_tolerance_ok(double actual, double expected, double tol);

/* Decimals a number was written with: from its source or its string, else
 * from its shortest decimal form. */
int rl_value_decimals(const rl_value *v);

#endif
