/* output_view.c — what the grouped writers (text, sarif, junit, html) see:
 * the violations grouped by file, files in check order, and the table of
 * rules — the `input` pseudo-rule first, then every rule the result
 * records as run (rl_result_rule: after --only/--skip, in load order, with
 * its counts), then any other rule id the violations name (a hand-built
 * result, or a notice's pseudo-rule). Everything comes from the result:
 * the view never asks the checker or the rules.
 *
 * A file checked twice is one group (its counts added). Lookups by file
 * name and rule id go through sorted index arrays, so building the view
 * is O((files + violations) log n). */
#include "output.h"
#include "array.h"
#include "result.h"

#include <stdlib.h>
#include <string.h>

typedef struct named {
    const char *name;
    size_t index;
} named;

static int by_name(const void *a, const void *b)
{
    const named *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    if (c)
        return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

static const named *find_named(const named *sorted, size_t n, const char *name)
{
    size_t lo = 0, hi = n;
    while (lo < hi) { /* the first entry with this name */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(sorted[mid].name, name) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && strcmp(sorted[lo].name, name) == 0 ? &sorted[lo] : NULL;
}

/* ---- rules ------------------------------------------------------------ */

static const rl_out_rule input_rule = {
    "input",
    "input",
    "The report can be read: a readable file of valid UTF-8 JSON",
    "A report that cannot be opened or read, is not valid JSON or UTF-8, exceeds a limit "
    "(nesting depth, string length, size), or whose as_of date does not read "
    "as a date is an input violation, at the parser's line and column. The other reports are "
    "still checked. A report with more violations than the limit per report gets one input "
    "notice that counts those left out.",
    NULL,
    NULL,
    RL_SEVERITY_ERROR,
    0,
    0,
    {0, 0, 0},
    NULL};

/* Listed only when a report ran out of time (so that it has a description). */
static const rl_out_rule timeout_rule = {
    "timeout",
    "timeout",
    "The report was checked within --timeout",
    "A report (or NDJSON record) whose check ran past --timeout gets one timeout notice where "
    "checking stopped: at the value the named rule was on. The violations found before are kept; "
    "the rules after it were not run on that report.",
    NULL,
    NULL,
    RL_SEVERITY_ERROR,
    0,
    0,
    {0, 0, 0},
    NULL};

static int add_rule(rl_out_view *view, size_t *cap, const rl_out_rule *r)
{
    if (view->n_rules == *cap) {
        size_t c = *cap ? *cap * 2 : 16;
        rl_out_rule *more = rl_array_resize(view->rules, c, sizeof *more);
        if (!more)
            return -1;
        view->rules = more;
        *cap = c;
    }
    view->rules[view->n_rules++] = *r;
    return 0;
}

static int rules_that_ran(rl_out_view *view, size_t *cap, const rl_result *res)
{
    for (size_t i = 0; i < rl_result_rule_count(res); i++) {
        const rl_rule_result *x = rl_result_rule(res, i);
        rl_out_rule r = {x->id,       x->kind, x->title,  x->description, x->ruleset, x->file,
                         x->severity, x->line, x->column, {0, 0, 0},      x};
        if (add_rule(view, cap, &r) != 0)
            return -1;
    }
    return 0;
}

static int index_rules(rl_out_view *view)
{
    named *tmp = malloc((view->n_rules + 1) * sizeof *tmp);
    size_t *idx = rl_array_resize(view->by_id, view->n_rules + 1, sizeof *idx);
    if (!tmp || !idx) {
        free(tmp);
        if (idx)
            view->by_id = idx;
        return -1;
    }
    for (size_t i = 0; i < view->n_rules; i++)
        tmp[i] = (named){view->rules[i].id, i};
    qsort(tmp, view->n_rules, sizeof *tmp, by_name);
    for (size_t i = 0; i < view->n_rules; i++)
        idx[i] = tmp[i].index;
    view->by_id = idx;
    view->n_by_id = view->n_rules;
    free(tmp);
    return 0;
}

long rl_out_view_rule(const rl_out_view *view, const char *id)
{
    size_t lo = 0, hi = view->n_by_id;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(view->rules[view->by_id[mid]].id, id);
        if (c == 0)
            return (long)view->by_id[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* The index of v's rule, added to the table when it is not there yet
 * (past known: not in by_id until index_rules); -1 on OOM. */
static long rule_of(rl_out_view *view, size_t *cap, size_t known, const rl_violation *v)
{
    long found = rl_out_view_rule(view, v->rule);
    if (found >= 0)
        return found;
    size_t j = known;
    while (j < view->n_rules && strcmp(view->rules[j].id, v->rule) != 0)
        j++;
    rl_out_rule r = {v->rule, NULL, NULL, NULL, NULL, NULL, v->severity, 0, 0, {0, 0, 0}, NULL};
    if (strcmp(v->rule, timeout_rule.id) == 0)
        r = timeout_rule;
    if (j == view->n_rules && add_rule(view, cap, &r) != 0)
        return -1;
    return (long)j;
}

/* Rules the violations name that are not in the table yet; then count. */
static int rules_from_violations(rl_out_view *view, size_t *cap, const rl_result *res)
{
    size_t known = view->n_rules;
    for (size_t i = 0; i < rl_result_count(res); i++) {
        const rl_violation *v = rl_result_violation(res, i);
        long r = rule_of(view, cap, known, v);
        if (r < 0)
            return -1;
        if ((unsigned)v->severity < 3)
            view->rules[r].counts[v->severity]++;
    }
    return view->n_rules != known ? index_rules(view) : 0;
}

static int build_rules(rl_out_view *view, const rl_result *res)
{
    size_t cap = 0;
    if (add_rule(view, &cap, &input_rule) != 0 || rules_that_ran(view, &cap, res) != 0 ||
        index_rules(view) != 0)
        return -1;
    return rules_from_violations(view, &cap, res);
}

/* ---- files ------------------------------------------------------------ */

static void add_counts(rl_summary *to, const rl_summary *c)
{
    to->files += c->files;
    if (c->rules > to->rules)
        to->rules = c->rules;
    to->evaluations += c->evaluations;
    to->passed += c->passed;
    to->failed += c->failed;
    to->not_applicable += c->not_applicable;
    to->errors += c->errors;
    to->warnings += c->warnings;
    to->infos += c->infos;
}

static int add_group(rl_out_view *view, size_t *cap, const char *file)
{
    if (view->n_groups == *cap) {
        size_t c = *cap ? *cap * 2 : 16;
        rl_out_group *more = rl_array_resize(view->groups, c, sizeof *more);
        if (!more)
            return -1;
        view->groups = more;
        *cap = c;
    }
    rl_out_group *g = &view->groups[view->n_groups++];
    memset(g, 0, sizeof *g);
    g->file = file;
    return 0;
}

/* One group per distinct checked file, in check order. Returns the files
 * sorted by name, each entry's index turned into its group's. */
static named *checked_files(rl_out_view *view, size_t *cap, const rl_result *res)
{
    size_t n = rl_result_file_count(res);
    named *sorted = malloc((n + 1) * sizeof *sorted);
    size_t *group = malloc((n + 1) * sizeof *group);
    int ok = sorted && group;
    for (size_t i = 0; ok && i < n; i++)
        sorted[i] = (named){rl_result_file(res, i, NULL), i};
    if (ok)
        qsort(sorted, n, sizeof *sorted, by_name);
    /* first: a repeated name's first occurrence (the lowest index, sorted first) */
    for (size_t i = 0; ok && i < n; i++)
        group[sorted[i].index] = i && strcmp(sorted[i].name, sorted[i - 1].name) == 0
                                     ? group[sorted[i - 1].index]
                                     : sorted[i].index;
    for (size_t i = 0; ok && i < n; i++) { /* in check order: first occurrences open groups */
        rl_summary c;
        const char *name = rl_result_file(res, i, &c);
        if (group[i] == i) {
            group[i] = view->n_groups;
            ok = add_group(view, cap, name) == 0;
        } else {
            group[i] = group[group[i]]; /* an earlier index: already a group number */
        }
        if (ok)
            add_counts(&view->groups[group[i]].counts, &c);
    }
    for (size_t i = 0; ok && i < n; i++)
        sorted[i].index = group[sorted[i].index];
    free(group);
    if (!ok) {
        free(sorted);
        return NULL;
    }
    return sorted;
}

static long group_of(const rl_out_view *view, const named *sorted, size_t n_sorted,
                     size_t n_checked, const char *file)
{
    const named *f = find_named(sorted, n_sorted, file);
    if (f)
        return (long)f->index;
    for (size_t g = n_checked; g < view->n_groups; g++)
        if (strcmp(view->groups[g].file, file) == 0)
            return (long)g;
    return -1;
}

static int build_groups(rl_out_view *view, const rl_result *res)
{
    size_t cap = 0, n = rl_result_count(res);
    named *sorted = checked_files(view, &cap, res);
    if (!sorted)
        return -1;
    size_t n_sorted = rl_result_file_count(res), n_checked = view->n_groups;
    long *which = malloc((n + 1) * sizeof *which);
    view->slots = malloc((n + 1) * sizeof *view->slots);
    int ok = which && view->slots;
    for (size_t i = 0; ok && i < n; i++) {
        const rl_violation *v = rl_result_violation(res, i);
        const rl_violation *prev = i ? rl_result_violation(res, i - 1) : NULL;
        which[i] = prev && prev->file == v->file /* one file's, usually */
                       ? which[i - 1]
                       : group_of(view, sorted, n_sorted, n_checked, v->file);
        if (which[i] < 0) {
            ok = add_group(view, &cap, v->file) == 0;
            which[i] = (long)view->n_groups - 1;
        }
        if (ok)
            view->groups[which[i]].n++;
    }
    size_t at = 0;
    for (size_t g = 0; ok && g < view->n_groups; g++) {
        rl_out_group *gr = &view->groups[g];
        gr->v = view->slots + at;
        at += gr->n;
        gr->n = 0;
        gr->counts.errors = gr->counts.warnings = gr->counts.infos = 0;
    }
    for (size_t i = 0; ok && i < n; i++) { /* severities counted from what is listed */
        rl_out_group *g = &view->groups[which[i]];
        const rl_violation *v = rl_result_violation(res, i);
        g->v[g->n++] = v;
        g->counts.errors += v->severity == RL_SEVERITY_ERROR;
        g->counts.warnings += v->severity == RL_SEVERITY_WARNING;
        g->counts.infos += v->severity == RL_SEVERITY_INFO;
    }
    free(which);
    free(sorted);
    return ok ? 0 : -1;
}

int rl_out_view_init(rl_out_view *view, const rl_result *res)
{
    memset(view, 0, sizeof *view);
    if (build_rules(view, res) != 0 || build_groups(view, res) != 0) {
        rl_out_view_free(view);
        return -1;
    }
    return 0;
}

void rl_out_view_free(rl_out_view *view)
{
    free(view->groups);
    free(view->rules);
    free(view->by_id);
    free(view->slots);
    memset(view, 0, sizeof *view);
}
