/* output_text.c — the text format, for people and editors:
 *
 *   FILE: 2 violations (1 error, 1 warning)             a header per file
 *   FILE:LINE:COL: SEVERITY [RULE] MESSAGE              gcc-style, every line
 *                                                       a blank line after each file
 *   violations by rule:                                 rules by severity, then count
 *     RULE  1 error
 *   N violations (...) in F files; ...                  the summary line, in the
 *                                                       language of the messages
 *
 * Verbosity -1 (-q) prints the violation lines only; 1 (-v) also a header
 * with counts for every file, clean ones too, and the rules that ran.
 * Colours (gcc's: bold locations, red errors, magenta warnings, cyan
 * infos) only when asked. Data is escaped so it cannot drive the
 * terminal; the escapes our own colours use never come from the data. */
#include "output.h"
#include "result.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BOLD "\033[1m"
#define RESET "\033[0m"

typedef struct text_ctx {
    rl_sbuf *b;
    int color;
    rl_lang lang; /* of the counts and headings, as of the messages */
} text_ctx;

static const char *severity_color(rl_severity s)
{
    switch (s) {
    case RL_SEVERITY_ERROR: return "\033[1;31m";
    case RL_SEVERITY_WARNING: return "\033[1;35m";
    default: return "\033[1;36m";
    }
}

static void on(const text_ctx *t, const char *sgr)
{
    if (t->color)
        rl_sbuf_adds(t->b, sgr);
}

static void violation_line(const text_ctx *t, const rl_violation *v)
{
    on(t, BOLD);
    rl_out_safe_text(t->b, v->file);
    if (v->line)
        rl_sbuf_printf(t->b, ":%u:%u", v->line, v->column);
    rl_sbuf_addc(t->b, ':');
    on(t, RESET);
    rl_sbuf_addc(t->b, ' ');
    on(t, severity_color(v->severity));
    rl_sbuf_adds(t->b, rl_severity_name(v->severity));
    on(t, RESET);
    rl_sbuf_adds(t->b, " [");
    rl_out_safe_text(t->b, v->rule);
    rl_sbuf_adds(t->b, "] ");
    rl_out_safe_text(t->b, v->message);
    rl_sbuf_addc(t->b, '\n');
}

static void counts_line(rl_sbuf *b, const rl_summary *c, rl_lang lang)
{
    rl_sbuf_adds(b, "; ");
    rl_msg_count(b, RL_MSG_NOUN_EVALUATION, lang, c->evaluations);
    rl_sbuf_printf(b, ": %zu passed, %zu failed, %zu not applicable", c->passed, c->failed,
                   c->not_applicable);
}

static void file_header(const text_ctx *t, const rl_out_group *g, int verbose)
{
    on(t, BOLD);
    rl_out_safe_text(t->b, g->file);
    rl_sbuf_addc(t->b, ':');
    on(t, RESET);
    rl_sbuf_addc(t->b, ' ');
    if (g->n) {
        rl_msg_count(t->b, RL_MSG_NOUN_VIOLATION, t->lang, g->n);
        rl_sbuf_adds(t->b, " (");
        rl_out_severity_counts(t->b, g->counts.errors, g->counts.warnings, g->counts.infos,
                               t->lang);
        rl_sbuf_addc(t->b, ')');
    } else {
        rl_sbuf_adds(t->b, rl_msg_text(RL_MSG_WORD_FILE_OK, t->lang));
    }
    if (verbose)
        counts_line(t->b, &g->counts, t->lang);
    rl_sbuf_addc(t->b, '\n');
}

typedef struct group_items {
    const text_ctx *t;
    const rl_out_group *g;
} group_items;

static void item(void *ctx, size_t i, rl_sbuf *b)
{
    const group_items *gi = ctx;
    text_ctx t = *gi->t;
    t.b = b;
    violation_line(&t, gi->g->v[i]);
}

static int groups(const text_ctx *t, const rl_out_view *view, int verbosity, FILE *out,
                  unsigned jobs)
{
    int rc = 0;
    for (size_t i = 0; i < view->n_groups; i++) {
        const rl_out_group *g = &view->groups[i];
        if (verbosity >= 0 && (g->n || verbosity > 0))
            file_header(t, g, verbosity > 0);
        group_items gi = {t, g};
        if (rl_out_items(out, t->b, g->n, jobs, item, &gi) != 0)
            rc = -1;
        if (verbosity >= 0 && g->n)
            rl_sbuf_addc(t->b, '\n');
    }
    return rc;
}

/* ---- violations by rule ---------------------------------------------- */

static size_t total(const rl_out_rule *r)
{
    return r->counts[0] + r->counts[1] + r->counts[2];
}

static int worst(const rl_out_rule *r)
{
    return r->counts[RL_SEVERITY_ERROR] ? 2 : r->counts[RL_SEVERITY_WARNING] ? 1 : 0;
}

static int by_weight(const void *a, const void *b)
{
    const rl_out_rule *x = *(const rl_out_rule *const *)a, *y = *(const rl_out_rule *const *)b;
    if (worst(x) != worst(y))
        return worst(y) - worst(x);
    if (total(x) != total(y))
        return total(y) < total(x) ? -1 : 1;
    return strcmp(x->id, y->id);
}

static void rule_row(const text_ctx *t, const rl_out_rule *r, size_t width)
{
    rl_sbuf id = RL_SBUF_INIT;
    rl_out_safe_text(&id, r->id);
    size_t w = rl_utf8_count(rl_sbuf_str(&id), id.len);
    rl_sbuf_adds(t->b, "  ");
    rl_sbuf_add(t->b, rl_sbuf_str(&id), id.len);
    rl_sbuf_printf(t->b, "%*s", (int)(width - w + 2), "");
    static const rl_msg noun[3] = {RL_MSG_NOUN_INFO, RL_MSG_NOUN_WARNING, RL_MSG_NOUN_ERROR};
    int first = 1;
    for (int s = 2; s >= 0; s--) {
        if (!r->counts[s])
            continue;
        if (!first)
            rl_sbuf_adds(t->b, ", ");
        on(t, severity_color((rl_severity)s));
        rl_msg_count(t->b, noun[s], t->lang, r->counts[s]);
        on(t, RESET);
        first = 0;
    }
    rl_sbuf_addc(t->b, '\n');
    rl_sbuf_free(&id);
}

static void by_rule(const text_ctx *t, const rl_out_view *view)
{
    const rl_out_rule **rows = malloc((view->n_rules + 1) * sizeof *rows);
    size_t n = 0, width = 0;
    if (!rows) {
        t->b->oom = 1;
        return;
    }
    for (size_t i = 0; i < view->n_rules; i++) {
        if (!total(&view->rules[i]))
            continue;
        rl_sbuf id = RL_SBUF_INIT;
        rl_out_safe_text(&id, view->rules[i].id);
        size_t w = rl_utf8_count(rl_sbuf_str(&id), id.len);
        width = w > width ? w : width;
        rl_sbuf_free(&id);
        rows[n++] = &view->rules[i];
    }
    qsort(rows, n, sizeof *rows, by_weight);
    if (n)
        rl_sbuf_printf(t->b, "%s\n", rl_msg_text(RL_MSG_WORD_BY_RULE, t->lang));
    for (size_t i = 0; i < n; i++)
        rule_row(t, rows[i], width);
    free(rows);
}

/* -v: the rules that ran, each with its evaluations (rules only named by
 * violations, the `input` pseudo-rule and notices, are not rules that ran). */
static void rules_run(const text_ctx *t, const rl_out_view *view)
{
    size_t n = 0, width = 0;
    for (size_t i = 0; i < view->n_rules; i++) {
        if (!view->rules[i].ran)
            continue;
        size_t w = rl_utf8_count(view->rules[i].id, strlen(view->rules[i].id));
        width = w > width ? w : width;
        n++;
    }
    rl_sbuf_printf(t->b, "%s (%zu):\n", rl_msg_text(RL_MSG_WORD_RULES_RUN, t->lang), n);
    for (size_t i = 0; i < view->n_rules; i++) {
        const rl_out_rule *r = &view->rules[i];
        if (!r->ran)
            continue;
        rl_sbuf_adds(t->b, "  ");
        rl_out_safe_text(t->b, r->id);
        size_t w = rl_utf8_count(r->id, strlen(r->id));
        rl_sbuf_printf(t->b, "%*s", (int)(width - w + 2), "");
        rl_out_rule_counts_text(t->b, r->ran, t->lang);
        rl_sbuf_addc(t->b, '\n');
    }
}

int rl_write_text(FILE *out, const rl_result *res, const rl_write_opts *opts)
{
    rl_sbuf b = RL_SBUF_INIT;
    text_ctx t = {&b, opts && opts->color, rl_result_lang(res)};
    int verbosity = opts ? opts->verbosity : 0;
    rl_out_view view;
    if (rl_out_view_init(&view, res) != 0)
        return -1;
    if (groups(&t, &view, verbosity, out, rl_out_jobs(opts)) != 0)
        b.oom = 1;
    if (verbosity >= 0) {
        by_rule(&t, &view);
        if (verbosity > 0)
            rules_run(&t, &view);
        rl_out_summary_text(&b, res, NULL);
        rl_out_summary_text_extra(&b, rl_result_summary(res), rl_result_count(res));
        rl_sbuf_addc(&b, '\n');
    }
    rl_out_view_free(&view);
    return rl_out_flush(&b, out);
}
