/* result.h — building an rl_result: violations and the summary.
 *
 * A result owns every string of its violations (in its arena). Adding a
 * violation copies what it is given. */
#ifndef RL_RESULT_H
#define RL_RESULT_H

#include "reportlint.h"
#include "template.h"

/* Append a violation (strings and figures copied). Returns 0 on OOM. */
int rl_result_add(rl_result *res, const rl_violation *v);

/* Copy figures made from values (numbers read from a report keep the text
 * they were written with, from doc). */
rl_figure *rl_result_figures(rl_result *res, const rl_fig *figs, size_t n, const rl_jdoc *doc);

rl_summary *rl_result_summary_mut(rl_result *res);

/* A string copied into the result's arena. */
const char *rl_result_strdup(rl_result *res, const char *s);

#endif
