/* check_rules.c — the rules a check ran, as the result records them
 * (result_rules.h): each rule's slot, recorded once per result with where
 * the rule is defined (file, line:column, JSON Pointer in its file) and its
 * severity in this check; and, at the end of a run, the `rule-never-applied`
 * notice for every rule that applied nowhere — not one evaluation passed
 * or failed — so that a rule broken by a typo never looks like a clean one;
 * a rule --timeout stopped is not one (its `timeout` notice says why). */
#include "check.h"
#include "kinds.h"
#include "result.h"

#include <stdio.h>
#include <string.h>

/* The JSON Pointer of rule r in its rule-set file ("" for none). */
static void rule_pointer(const rl_rules *rules, const rl_rule *r, char *out, size_t size)
{
    out[0] = '\0';
    if (r == rules->report_schema)
        return;
    if (r->index < r->set->n_rules && r->set->rules[r->index] == r)
        snprintf(out, size, "/rules/%zu", r->index);
}

long rl_check_rule_slot(rl_result *res, const rl_rules *rules, const rl_rule *r, int severity)
{
    long slot = rl_result_rule_find(res, r, r->id);
    if (slot >= 0)
        return slot;
    char ptr[32];
    rule_pointer(rules, r, ptr, sizeof ptr);
    rl_rule_result info = {0};
    info.id = r->id;
    info.kind = r->kind->name;
    info.title = r->title;
    info.description = r->description;
    info.ruleset = r->set->name;
    info.file = r->set->file;
    info.pointer = ptr;
    info.severity = severity == RL_SEVERITY_OFF ? r->severity : (rl_severity)severity;
    info.line = r->line;
    info.column = r->column;
    return rl_result_rule_slot(res, r, &info);
}

void rl_check_rule_timed_out(rl_result *res, const rl_rule *r)
{
    rl_rule_result *rr = r ? rl_result_rule_mut(res, rl_result_rule_find(res, r, r->id)) : NULL;
    if (rr)
        rr->timed_out++;
}

long rl_check_plan_slot(rl_result *res, const rl_rules *rules, rl_plan_rule *pr)
{
    if (pr->slot_res == res && rl_result_rule_key(res, pr->slot) == pr->rule)
        return pr->slot;
    pr->slot = rl_check_rule_slot(res, rules, pr->rule, (int)pr->severity);
    pr->slot_res = pr->slot >= 0 ? res : NULL;
    return pr->slot;
}

/* The notice for rule r (all its evaluations not applicable). */
static int note(rl_result *res, const rl_rule_result *r, rl_lang lang)
{
    rl_fig args[2] = {{"rule", {0}}, {"evaluations", {0}}};
    rl_value_set_str(&args[0].v, r->id, strlen(r->id));
    rl_value_set_int(&args[1].v, (int64_t)r->evaluations);
    rl_sbuf text = RL_SBUF_INIT;
    rl_catalog_expand(NULL, RL_MSG_RULE_NEVER_APPLIED, lang, args, 2, &text);
    rl_figure fig = {"evaluations", RL_FIG_INT, (int64_t)r->evaluations, 0, NULL};
    rl_violation v = {0};
    v.file = r->file;
    v.rule = "rule-never-applied";
    v.severity = RL_SEVERITY_INFO;
    v.pointer = r->pointer ? r->pointer : "";
    v.line = r->line;
    v.column = r->column;
    v.message = rl_sbuf_str(&text);
    v.figures = &fig;
    v.n_figures = 1;
    int ok = rl_result_add(res, &v);
    rl_sbuf_free(&text);
    return ok ? 0 : -1;
}

int rl_result_note_unapplied(rl_result *res, const char *lang)
{
    rl_lang l = res ? rl_result_lang(res) : RL_LANG_EN;
    if (!res || (lang && lang[0] && !rl_lang_parse(lang, &l)))
        return -1;
    rl_result_end_files(res);
    int n = 0;
    for (size_t i = 0; i < rl_result_rule_count(res); i++) {
        const rl_rule_result *r = rl_result_rule(res, i);
        if (r->passed || r->failed || r->timed_out)
            continue;
        if (note(res, r, l) != 0)
            return -1;
        n++;
    }
    return n;
}
