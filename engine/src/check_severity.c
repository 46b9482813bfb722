/* check_severity.c — a rule's severity for one check: its own, unless
 * rl_check_opts.severities names the rule (the last entry that does wins).
 * RL_SEVERITY_OFF means the rule does not run at all. */
#include "check.h"

#include <string.h>

int rl_check_severity(const rl_rule *r, const rl_check_opts *opts)
{
    int sev = (int)r->severity;
    for (size_t i = 0; opts && opts->severities && i < opts->n_severities; i++) {
        const rl_rule_severity *s = &opts->severities[i];
        if (s->rule && strcmp(s->rule, r->id) == 0 &&
            (s->severity == RL_SEVERITY_OFF ||
             (s->severity >= RL_SEVERITY_INFO && s->severity <= RL_SEVERITY_ERROR)))
            sev = s->severity;
    }
    return sev;
}
