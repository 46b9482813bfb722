/* check_plan.c — what does not change from report to report in one check,
 * worked out once: the active rules in load order (those checked per
 * report apart from the collection rules each report is fed to) with their severities
 * (after --only/--skip and severity overrides), each rule set's `$as_of`
 * param compiled once (evaluated per report, since it may read the report),
 * today's date, whether --locale is usable, and the last report.locale
 * found supported (so a file whose records all name one locale looks it up
 * once). A plan belongs to one thread: the locale cache is written while
 * checking. */
#include "check.h"
#include "array.h"
#include "locales.h"

#include <stdlib.h>
#include <string.h>

static int add_set(rl_check_plan *p, const rl_ruleset *set)
{
    rl_plan_set *more = rl_array_resize(p->sets, p->n_sets + 1, sizeof *more);
    if (!more)
        return -1;
    p->sets = more;
    rl_plan_set_init(&p->sets[p->n_sets++], set);
    return 0;
}

rl_check_plan *rl_check_plan_new(const rl_rules *rules, const rl_check_opts *opts)
{
    rl_check_plan *p = calloc(1, sizeof *p);
    if (!p || (rules->n_all && (!(p->rules = malloc(rules->n_all * sizeof *p->rules)) ||
                                !(p->coll = malloc(rules->n_all * sizeof *p->coll))))) {
        if (p)
            free(p->rules);
        free(p);
        return NULL;
    }
    p->opts = opts;
    p->today = rl_date_today();
    rl_error err = {0};
    p->flag_locale_ok = !opts || !opts->locale || !opts->locale[0] ||
                        rl_locale_check(opts->locale, &err) == 0;
    const rl_ruleset *set = NULL;
    for (size_t i = 0; i < rules->n_all; i++) {
        const rl_rule *r = rules->all[i];
        if (!rl_check_rule_active(r, opts))
            continue;
        if (r->set != set && add_set(p, set = r->set) != 0) {
            rl_check_plan_free(p);
            return NULL;
        }
        rl_plan_rule *pr = r->coll ? &p->coll[p->n_coll++] : &p->rules[p->n++];
        pr->rule = r;
        pr->severity = (rl_severity)rl_check_severity(r, opts);
        pr->set = p->n_sets - 1;
        pr->slot_res = NULL;
        pr->slot = -1;
    }
    return p;
}

void rl_check_plan_free(rl_check_plan *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n_sets; i++)
        rl_plan_set_clear(&p->sets[i]);
    free(p->sets);
    free(p->rules);
    free(p->coll);
    free(p);
}

int rl_check_plan_locale_ok(rl_check_plan *p, const char *tag, size_t len, rl_error *err)
{
    if (len && len == p->locale_ok_len && memcmp(tag, p->locale_ok, len) == 0)
        return 0;
    if (rl_locale_check(tag, err) != 0)
        return -1;
    if (len < sizeof p->locale_ok) {
        memcpy(p->locale_ok, tag, len);
        p->locale_ok_len = len;
    }
    return 0;
}
