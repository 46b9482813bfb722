/* output_html.c — one self-contained HTML page for people: a ministry
 * official who has never seen JSON opens it in any browser, offline.
 *
 *   header     title and the summary sentence
 *   nav        the files with violations (links to their sections)
 *   main       summary counts and two SVG charts (by rule, by file);
 *              the violations, a section per file, each violation with
 *              the report's lines around it and its value highlighted;
 *              the results of every rule that ran (a table); the clean files
 *   footer     the tool and version
 *
 * Everything the page says is in the language of the result (--lang,
 * also <html lang>): words from the message catalog, messages as checked.
 * Nothing is fetched: the style sheet and script are inline and named by
 * hash in the page's Content-Security-Policy (output_html_assets.c). With
 * scripts off every violation is shown; the script adds filters by
 * severity, rule and file. The report lines come from reading each file
 * with violations once more (output_html_source.c): same inputs, same
 * bytes, whatever -j was. Every piece of data goes through rl_out_xml. No
 * timestamps. */
#include "output_html.h"
#include "result.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct page {
    rl_sbuf *b;
    const rl_result *res;
    const rl_out_view *view;
    rl_lang lang;
    FILE *out;     /* where the violations are written as they are formatted */
    unsigned jobs; /* threads formatting them */
} page;

static void esc(rl_sbuf *b, const char *s)
{
    rl_out_xml(b, s, 0);
}

static void attr(rl_sbuf *b, const char *name, const char *value)
{
    rl_sbuf_printf(b, " %s=\"", name);
    rl_out_xml(b, value, 1);
    rl_sbuf_addc(b, '"');
}

static void word(const page *p, rl_msg m)
{
    esc(p->b, rl_msg_text(m, p->lang));
}

void rl_html_severity_word(rl_sbuf *b, rl_severity s, rl_lang lang)
{
    static const rl_msg noun[3] = {RL_MSG_NOUN_INFO, RL_MSG_NOUN_WARNING, RL_MSG_NOUN_ERROR};
    const char *t = rl_msg_text(noun[(unsigned)s < 3 ? s : 0], lang);
    const char *bar = strchr(t, '|');
    rl_sbuf one = RL_SBUF_INIT;
    rl_sbuf_add(&one, t, bar ? (size_t)(bar - t) : strlen(t));
    esc(b, rl_sbuf_str(&one));
    rl_sbuf_free(&one);
}

static size_t total(const size_t counts[3])
{
    return counts[0] + counts[1] + counts[2];
}

/* ---- head, header, navigation ------------------------------------------ */

static void head(const page *p)
{
    rl_sbuf *b = p->b;
    rl_sbuf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
                   rl_lang_code(p->lang));
    rl_sbuf_printf(b, "<meta http-equiv=\"Content-Security-Policy\" content=\"%s\">\n",
                   rl_html_csp);
    rl_sbuf_adds(b, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<meta name=\"generator\" content=\"reportlint " RL_VERSION "\">\n<title>");
    word(p, RL_MSG_HTML_TITLE);
    rl_sbuf_adds(b, ": ");
    rl_msg_count(b, RL_MSG_NOUN_VIOLATION, p->lang, rl_result_count(p->res));
    rl_sbuf_adds(b, ", ");
    rl_msg_count(b, RL_MSG_NOUN_FILE, p->lang, rl_result_summary(p->res)->files);
    rl_sbuf_printf(b, "</title>\n<style>%s</style>\n</head>\n<body>\n", rl_html_style);
}

static void header(const page *p)
{
    rl_sbuf *b = p->b;
    rl_sbuf_adds(b, "<a class=\"skip\" href=\"#violations\">");
    word(p, RL_MSG_HTML_SKIP);
    rl_sbuf_adds(b, "</a>\n<header>\n<h1>");
    word(p, RL_MSG_HTML_TITLE);
    rl_sbuf_adds(b, "</h1>\n<p class=\"summary\">");
    rl_sbuf s = RL_SBUF_INIT;
    rl_out_summary_text(&s, p->res, NULL);
    rl_out_summary_text_extra(&s, rl_result_summary(p->res), rl_result_count(p->res));
    esc(b, rl_sbuf_str(&s));
    rl_sbuf_free(&s);
    rl_sbuf_adds(b, "</p>\n</header>\n");
}

static void file_counts(const page *p, const rl_out_group *g)
{
    rl_msg_count(p->b, RL_MSG_NOUN_VIOLATION, p->lang, g->n);
    rl_sbuf_adds(p->b, " (");
    rl_out_severity_counts(p->b, g->counts.errors, g->counts.warnings, g->counts.infos, p->lang);
    rl_sbuf_addc(p->b, ')');
}

static void nav(const page *p)
{
    if (!rl_result_count(p->res))
        return;
    rl_sbuf_adds(p->b, "<nav aria-label=\"");
    rl_out_xml(p->b, rl_msg_text(RL_MSG_HTML_FILES_NAV, p->lang), 1);
    rl_sbuf_adds(p->b, "\">\n<ul>\n");
    for (size_t i = 0; i < p->view->n_groups; i++) {
        const rl_out_group *g = &p->view->groups[i];
        if (!g->n)
            continue;
        rl_sbuf_printf(p->b, "<li><a href=\"#f-%zu\">", i);
        esc(p->b, g->file);
        rl_sbuf_adds(p->b, "</a> <span class=\"note\">");
        file_counts(p, g);
        rl_sbuf_adds(p->b, "</span></li>\n");
    }
    rl_sbuf_adds(p->b, "</ul>\n</nav>\n");
}

/* ---- summary: counts and charts ---------------------------------------- */

static void count_item(const page *p, const char *cls, rl_msg noun, size_t n)
{
    rl_sbuf_printf(p->b, "<li class=\"%s\">", cls);
    rl_msg_count(p->b, noun, p->lang, n);
    rl_sbuf_adds(p->b, "</li>");
}

static void charts(const page *p)
{
    const rl_out_view *v = p->view;
    rl_html_bar *bars = malloc((v->n_rules + v->n_groups + 1) * sizeof *bars);
    if (!bars) {
        p->b->oom = 1;
        return;
    }
    size_t n = 0;
    for (size_t i = 0; i < v->n_rules; i++)
        if (total(v->rules[i].counts))
            bars[n++] = (rl_html_bar){
                v->rules[i].id,
                {v->rules[i].counts[0], v->rules[i].counts[1], v->rules[i].counts[2]}};
    rl_sbuf_adds(p->b, "<div class=\"charts\">\n");
    rl_html_chart(p->b, "chart-rules", rl_msg_text(RL_MSG_HTML_CHART_RULES, p->lang), bars, n,
                  p->lang);
    n = 0;
    for (size_t i = 0; i < v->n_groups; i++) {
        const rl_out_group *g = &v->groups[i];
        if (g->n)
            bars[n++] = (rl_html_bar){g->file,
                                      {g->counts.infos, g->counts.warnings, g->counts.errors}};
    }
    rl_html_chart(p->b, "chart-files", rl_msg_text(RL_MSG_HTML_CHART_FILES, p->lang), bars, n,
                  p->lang);
    rl_sbuf_adds(p->b, "</div>\n");
    free(bars);
}

static void summary(const page *p)
{
    const rl_summary *s = rl_result_summary(p->res);
    rl_sbuf_adds(p->b, "<section aria-labelledby=\"h-summary\">\n<h2 id=\"h-summary\">");
    word(p, RL_MSG_HTML_SUMMARY);
    rl_sbuf_adds(p->b, "</h2>\n<ul class=\"counts\">");
    count_item(p, "t", RL_MSG_NOUN_VIOLATION, rl_result_count(p->res));
    count_item(p, "e", RL_MSG_NOUN_ERROR, s->errors);
    count_item(p, "w", RL_MSG_NOUN_WARNING, s->warnings);
    count_item(p, "i", RL_MSG_NOUN_INFO, s->infos);
    count_item(p, "f", RL_MSG_NOUN_FILE, s->files);
    count_item(p, "r", RL_MSG_NOUN_RULE, s->rules);
    count_item(p, "x", RL_MSG_NOUN_EVALUATION, s->evaluations);
    rl_sbuf_adds(p->b, "</ul>\n");
    if (rl_result_count(p->res))
        charts(p);
    rl_sbuf_adds(p->b, "</section>\n");
}

/* ---- filters -------------------------------------------------------------- */

static void select_open(const page *p, const char *id, rl_msg label)
{
    rl_sbuf_printf(p->b, "<label>");
    word(p, label);
    rl_sbuf_printf(p->b, " <select id=\"%s\"><option value=\"\">", id);
    word(p, RL_MSG_HTML_ALL);
    rl_sbuf_adds(p->b, "</option>");
}

static void filters(const page *p)
{
    rl_sbuf *b = p->b;
    rl_sbuf_adds(b, "<form id=\"filters\" hidden aria-label=\"");
    rl_out_xml(b, rl_msg_text(RL_MSG_HTML_FILTERS, p->lang), 1);
    rl_sbuf_adds(b, "\">\n");
    select_open(p, "f-sev", RL_MSG_HTML_SEVERITY);
    for (int s = RL_SEVERITY_ERROR; s >= RL_SEVERITY_INFO; s--) {
        rl_sbuf_printf(b, "<option value=\"%s\">", rl_severity_name((rl_severity)s));
        rl_html_severity_word(b, (rl_severity)s, p->lang);
        rl_sbuf_adds(b, "</option>");
    }
    rl_sbuf_adds(b, "</select></label>\n");
    select_open(p, "f-rule", RL_MSG_HTML_RULE);
    for (size_t i = 0; i < p->view->n_rules; i++) {
        if (!total(p->view->rules[i].counts))
            continue;
        rl_sbuf_adds(b, "<option");
        attr(b, "value", p->view->rules[i].id);
        rl_sbuf_addc(b, '>');
        esc(b, p->view->rules[i].id);
        rl_sbuf_adds(b, "</option>");
    }
    rl_sbuf_adds(b, "</select></label>\n");
    select_open(p, "f-file", RL_MSG_HTML_FILE);
    for (size_t i = 0; i < p->view->n_groups; i++) {
        if (!p->view->groups[i].n)
            continue;
        rl_sbuf_printf(b, "<option value=\"%zu\">", i);
        esc(b, p->view->groups[i].file);
        rl_sbuf_adds(b, "</option>");
    }
    rl_sbuf_adds(b, "</select></label>\n<p>");
    word(p, RL_MSG_HTML_SHOWN);
    rl_sbuf_adds(b, ": <output id=\"f-count\" aria-live=\"polite\"></output></p>\n</form>\n");
}

/* ---- violations -------------------------------------------------------------- */

/* A figure's name in words in the page's language, its machine name (the
 * key in -f json) as the title where the two differ. */
static void figure_label(const page *p, const char *name)
{
    const char *label = rl_figure_label(name, p->lang);
    if (!label || strcmp(label, name) == 0) {
        esc(p->b, name);
        return;
    }
    rl_sbuf_adds(p->b, "<span");
    attr(p->b, "title", name);
    rl_sbuf_adds(p->b, ">");
    esc(p->b, label);
    rl_sbuf_adds(p->b, "</span>");
}

/* A figure's value as text; a machine word (`overdue`) in the page's
 * language, with the machine value as the title. */
static void figure_value(const page *p, const rl_figure *f)
{
    const char *w = f->type == RL_FIG_STR ? rl_figure_value_word(f->name, f->s, p->lang) : NULL;
    if (w && strcmp(w, f->s) != 0) {
        rl_sbuf_adds(p->b, "<span");
        attr(p->b, "title", f->s);
        rl_sbuf_adds(p->b, ">");
        esc(p->b, w);
        rl_sbuf_adds(p->b, "</span>");
        return;
    }
    rl_sbuf t = RL_SBUF_INIT;
    rl_out_figure_text(&t, f);
    esc(p->b, rl_sbuf_str(&t));
    rl_sbuf_free(&t);
}

static void figures(const page *p, const rl_violation *v)
{
    if (!v->n_figures)
        return;
    rl_sbuf_adds(p->b, "<p><span class=\"k\">");
    word(p, RL_MSG_HTML_FIGURES);
    rl_sbuf_adds(p->b, "</span>");
    for (size_t i = 0; i < v->n_figures; i++) {
        if (i)
            rl_sbuf_adds(p->b, " \xC2\xB7 ");
        figure_label(p, v->figures[i].name);
        rl_sbuf_adds(p->b, " = ");
        figure_value(p, &v->figures[i]);
    }
    rl_sbuf_adds(p->b, "</p>\n");
}

static void violation(const page *p, const rl_violation *v, size_t id, rl_html_source *src)
{
    rl_sbuf *b = p->b;
    const char *sev = rl_severity_name(v->severity);
    rl_sbuf_printf(b, "<article class=\"v %s\" id=\"v-%zu\"", sev, id);
    attr(b, "data-rule", v->rule);
    rl_sbuf_printf(b, ">\n<h4><span class=\"sev sev-%s\">", sev);
    rl_html_severity_word(b, v->severity, p->lang);
    rl_sbuf_adds(b, "</span> <code>");
    esc(b, v->rule);
    rl_sbuf_adds(b, "</code>");
    if (v->line)
        rl_sbuf_printf(b, " <a class=\"pos\" href=\"#v-%zu\">%u:%u</a>", id, v->line, v->column);
    rl_sbuf_adds(b, "</h4>\n<p class=\"msg\">");
    esc(b, v->message);
    rl_sbuf_adds(b, "</p>\n");
    if (v->pointer && v->pointer[0]) {
        rl_sbuf_adds(b, "<p><span class=\"k\">");
        word(p, RL_MSG_HTML_POINTER);
        rl_sbuf_adds(b, "</span><code>");
        esc(b, v->pointer);
        rl_sbuf_adds(b, "</code></p>\n");
    }
    figures(p, v);
    rl_html_source_excerpt(b, src, v, p->lang);
    rl_sbuf_adds(b, "</article>\n");
}

typedef struct section_run {
    const page *p;
    const rl_out_group *g;
    size_t first_id;
    rl_html_source *src;
} section_run;

static void violation_item(void *ctx, size_t i, rl_sbuf *b)
{
    const section_run *s = ctx;
    page p = *s->p;
    p.b = b;
    violation(&p, s->g->v[i], s->first_id + i, s->src);
}

static int file_section(const page *p, size_t gi, size_t *next_id)
{
    const rl_out_group *g = &p->view->groups[gi];
    rl_html_source *src = rl_html_source_open(g->file, g->v, g->n, p->jobs);
    if (!src)
        return -1;
    rl_sbuf_printf(p->b,
                   "<section class=\"file\" id=\"f-%zu\" data-file=\"%zu\" "
                   "aria-labelledby=\"fh-%zu\">\n<h3 id=\"fh-%zu\">",
                   gi, gi, gi, gi);
    esc(p->b, g->file);
    rl_sbuf_adds(p->b, " <span class=\"note\">");
    file_counts(p, g);
    rl_sbuf_adds(p->b, "</span></h3>\n");
    int lines = 0;
    for (size_t i = 0; i < g->n; i++)
        lines |= g->v[i]->line != 0;
    if (lines && !rl_html_source_ok(src)) {
        rl_sbuf_adds(p->b, "<p class=\"note\">");
        word(p, RL_MSG_HTML_NO_SOURCE);
        rl_sbuf_adds(p->b, "</p>\n");
    }
    section_run s = {p, g, *next_id, src};
    int rc = rl_out_items(p->out, p->b, g->n, p->jobs, violation_item, &s);
    *next_id += g->n;
    rl_sbuf_adds(p->b, "</section>\n");
    return rl_html_source_free(src) != 0 ? -1 : rc;
}

static int violations(const page *p)
{
    rl_sbuf_adds(p->b, "<section id=\"violations\" aria-labelledby=\"h-violations\">\n"
                       "<h2 id=\"h-violations\">");
    word(p, RL_MSG_HTML_BY_FILE);
    rl_sbuf_adds(p->b, "</h2>\n");
    size_t id = 1;
    int rc = 0;
    if (!rl_result_count(p->res)) {
        rl_sbuf_adds(p->b, "<p>");
        word(p, RL_MSG_HTML_NONE);
        rl_sbuf_adds(p->b, "</p>\n");
    } else {
        filters(p);
    }
    for (size_t i = 0; rc == 0 && i < p->view->n_groups; i++)
        if (p->view->groups[i].n)
            rc = file_section(p, i, &id);
    rl_sbuf_adds(p->b, "</section>\n");
    return rc;
}

/* ---- rules and clean files ---------------------------------------------- */

static void th(const page *p, rl_msg m, int num)
{
    rl_sbuf_printf(p->b, "<th scope=\"col\"%s>", num ? " class=\"num\"" : "");
    word(p, m);
    rl_sbuf_adds(p->b, "</th>");
}

static void rule_row(const page *p, const rl_out_rule *r)
{
    rl_sbuf *b = p->b;
    size_t n = total(r->counts);
    rl_sbuf_printf(b, "<tr%s><th scope=\"row\"><code>", n ? "" : " class=\"none\"");
    esc(b, r->id);
    rl_sbuf_adds(b, "</code></th><td>");
    esc(b, r->title ? r->title : "");
    rl_sbuf_printf(b, "</td><td class=\"sev-%s\">", rl_severity_name(r->severity));
    rl_html_severity_word(b, r->severity, p->lang);
    rl_sbuf_adds(b, "</td>");
    if (r->ran)
        rl_sbuf_printf(
            b,
            "<td class=\"num\">%zu</td><td class=\"num\">%zu</td><td class=\"num\">%zu</td>"
            "<td class=\"num\">%zu</td>",
            r->ran->evaluations, r->ran->passed, r->ran->failed, r->ran->not_applicable);
    else /* not recorded as run (a result from elsewhere): unknown, not zero */
        rl_sbuf_adds(b, "<td class=\"num\">\xE2\x80\x94</td><td class=\"num\">\xE2\x80\x94</td>"
                        "<td class=\"num\">\xE2\x80\x94</td><td class=\"num\">\xE2\x80\x94</td>");
    rl_sbuf_printf(b,
                   "<td class=\"num\">%zu</td><td class=\"num\">%zu</td><td class=\"num\">%zu</td>"
                   "<td class=\"num\">%zu</td></tr>\n",
                   r->counts[RL_SEVERITY_ERROR], r->counts[RL_SEVERITY_WARNING],
                   r->counts[RL_SEVERITY_INFO], n);
}

static void rules_table(const page *p)
{
    rl_sbuf *b = p->b;
    rl_sbuf_adds(b, "<section aria-labelledby=\"h-rules\">\n<h2 id=\"h-rules\">");
    word(p, RL_MSG_HTML_RULES);
    rl_sbuf_adds(b, "</h2>\n<table>\n<thead><tr>");
    th(p, RL_MSG_HTML_RULE, 0);
    th(p, RL_MSG_HTML_TITLE_COL, 0);
    th(p, RL_MSG_HTML_SEVERITY, 0);
    th(p, RL_MSG_HTML_EVALUATIONS, 1);
    th(p, RL_MSG_HTML_PASSED, 1);
    th(p, RL_MSG_HTML_FAILED, 1);
    th(p, RL_MSG_HTML_NOT_APPLICABLE, 1);
    static const rl_msg nouns[3] = {RL_MSG_NOUN_ERROR, RL_MSG_NOUN_WARNING, RL_MSG_NOUN_INFO};
    for (int i = 0; i < 3; i++) { /* the plural form: "errors" */
        rl_sbuf_adds(b, "<th scope=\"col\" class=\"num\">");
        const char *t = rl_msg_text(nouns[i], p->lang), *last = strrchr(t, '|');
        esc(b, last ? last + 1 : t);
        rl_sbuf_adds(b, "</th>");
    }
    th(p, RL_MSG_HTML_VIOLATIONS, 1);
    rl_sbuf_adds(b, "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < p->view->n_rules; i++)
        rule_row(p, &p->view->rules[i]);
    rl_sbuf_adds(b, "</tbody>\n</table>\n</section>\n");
}

static void clean_files(const page *p)
{
    size_t n = 0;
    for (size_t i = 0; i < p->view->n_groups; i++)
        n += p->view->groups[i].n == 0;
    if (!n)
        return;
    rl_sbuf_adds(p->b, "<section aria-labelledby=\"h-clean\">\n<h2 id=\"h-clean\">");
    word(p, RL_MSG_HTML_CLEAN_FILES);
    rl_sbuf_printf(p->b, " (%zu)</h2>\n<ul class=\"clean\">\n", n);
    for (size_t i = 0; i < p->view->n_groups; i++) {
        if (p->view->groups[i].n)
            continue;
        rl_sbuf_adds(p->b, "<li><code>");
        esc(p->b, p->view->groups[i].file);
        rl_sbuf_adds(p->b, "</code></li>\n");
    }
    rl_sbuf_adds(p->b, "</ul>\n</section>\n");
}

int rl_write_html(FILE *out, const rl_result *res, const rl_write_opts *opts)
{
    rl_out_view view;
    if (rl_out_view_init(&view, res) != 0)
        return -1;
    rl_sbuf b = RL_SBUF_INIT;
    page p = {&b, res, &view, rl_result_lang(res), out, rl_out_jobs(opts)};
    head(&p);
    header(&p);
    nav(&p);
    rl_sbuf_adds(&b, "<main>\n");
    summary(&p);
    int rc = violations(&p);
    rules_table(&p);
    clean_files(&p);
    rl_sbuf_printf(&b,
                   "</main>\n<footer>reportlint %s</footer>\n<script>%s</script>\n"
                   "</body>\n</html>\n",
                   RL_VERSION, rl_html_script);
    rl_out_view_free(&view);
    if (rc != 0)
        b.oom = 1;
    return rl_out_flush(&b, out);
}
