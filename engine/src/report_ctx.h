/* report_ctx.h — the one report-context builder: the evaluation context a
 * rule set's expressions see on one report. Checks (check.c), `eval` and
 * `path` (tools.c) all build it here, so the rule author's debugger and the
 * checker cannot disagree on a report: same root, params, locale, as_of.
 *
 *   root, @      the report's root (the caller moves @ to an `each` node)
 *   params       the rule set's (with --param overrides); none without a set
 *   locale       report.locale (a non-empty string), else the flag
 *                (--locale), else the rule set's, else "en"
 *   as_of        the set's `as_of` param evaluated on the report (a month
 *                gives its last day), else today; year-less dates take
 *                its year */
#ifndef RL_REPORT_CTX_H
#define RL_REPORT_CTX_H

#include "rules_int.h"

/* One rule set as checks use it (check_plan.c builds one per set in a
 * plan; tools build one for the set they evaluate in). */
typedef struct rl_plan_set {
    const rl_ruleset *set; /* NULL: no rule set (no params, no as_of) */
    int as_of_param;       /* the set has an `as_of` param */
    rl_expr *as_of;        /* "$as_of" compiled against the set's params (NULL: none) */
} rl_plan_set;

/* Fill ps for set (may be NULL); free with rl_plan_set_clear. */
void rl_plan_set_init(rl_plan_set *ps, const rl_ruleset *set);
void rl_plan_set_clear(rl_plan_set *ps);

/* Why as_of could not be used: the message, and the report node whose
 * value was not a date (NULL: the report's root). */
typedef struct rl_ctx_problem {
    rl_error err;
    const rl_jnode *at;
} rl_ctx_problem;

/* Build the context of ps's rules on doc into ctx (ctx->err is NULL after).
 * flag: --locale (may be NULL). Returns 0, or -1 when the `as_of` param is
 * not a date on this report: ctx->as_of is then today and *why says why. */
int rl_report_ctx(rl_eval_ctx *ctx, rl_jdoc *doc, const rl_plan_set *ps, int32_t today,
                  const char *flag, rl_arena *arena, rl_ctx_problem *why);
/* The same with report.locale's node already looked up (loc: its
 * rl_report_locale_node, may be NULL), once per report for every set. */
int rl_report_ctx_at(rl_eval_ctx *ctx, rl_jdoc *doc, const rl_jnode *loc, const rl_plan_set *ps,
                     int32_t today, const char *flag, rl_arena *arena, rl_ctx_problem *why);

/* The locale a report's strings are read in: its own report.locale (a
 * non-empty string), else flag (--locale), else the rule set's, else "en". */
const char *rl_report_locale(const rl_jnode *root, const char *flag, const char *set_locale);
/* The report's report.locale node, or NULL. */
const rl_jnode *rl_report_locale_node(const rl_jnode *root);
/* rl_report_locale with that node already found. */
const char *rl_report_locale_of(const rl_jnode *loc, const char *flag, const char *set_locale);

#endif
