/* tolerance.c — tolerances (see tolerance.h). */
#include "tolerance.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

int rl_value_decimals(const rl_value *v)
{
    if (v->src && rl_jn_type(v->src) == RL_JNUMBER)
        return rl_jn_decimals(v->src);
    if (v->src && rl_jn_type(v->src) == RL_JSTRING && rl_value_is_number(v))
        return v->decimals; /* read from a string as written: "6,6 millioner" is -5 */
    if (v->decimals >= 0)
        return v->decimals; /* a literal read from a string */
    if (v->type != RL_VNUM)
        return 0;
    char buf[40]; /* a computed double: the decimals of its shortest form */
    snprintf(buf, sizeof buf, "%.15g", v->u.d);
    const char *dot = strpbrk(buf, ".,");
    if (!dot || strchr(buf, 'e'))
        return 0;
    return (int)strlen(dot + 1);
}

double rl_tolerance_abs(const rl_tolerance *t, const rl_value *actual, double expected)
{
    switch (t->kind) {
    case RL_TOL_ABS: return t->x;
    case RL_TOL_REL: return t->x * fabs(expected);
    case RL_TOL_REPORTED: return 0.5 * pow(10.0, -rl_value_decimals(actual));
    case RL_TOL_DEFAULT:
    default:
        return actual->type == RL_VINT && expected == trunc(expected) ? 0.0 : 1e-9 * fabs(expected);
    }
}

int rl_tolerance_ok(double actual, double expected, double tol)
{
    double slack = 1e-9 * fmax(1.0, fmax(fabs(actual), fabs(expected)));
    return fabs(actual - expected) <= tol + slack;
}
