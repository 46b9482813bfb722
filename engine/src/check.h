/* check.h — internal entry points of the checker (check.c, check_input.c). */
#ifndef RL_CHECK_H
#define RL_CHECK_H

#include "rules_int.h"

/* Run every active rule on a parsed report. */
void rl_check_doc(const rl_rules *rules, const rl_check_opts *opts, const char *file, rl_jdoc *doc,
                  rl_result *res);

/* Fill the evaluation context shared by one rule set's rules on one
 * report: root, parameters, locale and as_of (from the `as_of` param when
 * there is one, else today). A bad as_of is reported as an input violation. */
void rl_check_base_ctx(rl_eval_ctx *ctx, rl_jdoc *doc, const rl_ruleset *set, const char *locale,
                       rl_arena *arena, const char *file, rl_result *res);

/* 1 when --only/--skip let the rule run (and its severity is not off). */
int rl_check_rule_active(const rl_rule *r, const rl_check_opts *opts);

/* The rule's severity in this check (opts->severities applied), or
 * RL_SEVERITY_OFF. */
int rl_check_severity(const rl_rule *r, const rl_check_opts *opts);

/* Add an `input` violation (severity error) at a line and column. */
void rl_check_input_violation(rl_result *res, const char *file, const char *pointer, unsigned line,
                              unsigned column, const char *message);

#endif
