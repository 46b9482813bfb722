/* ruleset.h — the load layer's own interface between its two files:
 * ruleset.c reads one rule-set document into the model, rules.c owns the
 * rules object (adopting sets, freeing rules). */
#ifndef RL_RULESET_H
#define RL_RULESET_H

#include "loader.h"

/* Read the rule-set document root into ld's rule set (ruleset.c).
 * Returns the number of problems found (diagnostics added). */
int rl_ruleset_load(rl_loader *ld, const rl_jnode *root);

/* Free one compiled rule (rules.c). */
void rl_rule_free(rl_rule *r);

#endif
