/* output_html.c — one self-contained HTML page: the summary, violations by
 * rule, then a section per file with violations (a table: position,
 * severity, rule, message, pointer, figures), then the clean files.
 *
 * No external assets, no scripts: the style sheet is inline, so the page
 * can be archived as a CI artifact and opened anywhere. Every piece of
 * data goes through rl_out_xml. Plain HTML 4 elements only, every element
 * closed, so both browsers and strict parsers (xmllint --html) read it.
 * No timestamps: the same inputs give the same bytes. */
#include "output.h"
#include "result.h"

#include <stdio.h>

static const char style[] =
    "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em auto;"
    "max-width:80em;padding:0 1em;color:#1f2328;background:#fff}\n"
    "h1{font-size:1.6em;margin:0 0 .3em}h2{font-size:1.15em;margin:1.6em 0 .4em;"
    "word-break:break-all}\n"
    "table{border-collapse:collapse;width:100%;margin:.3em 0}th,td{text-align:left;"
    "vertical-align:top;padding:.25em .6em;border-bottom:1px solid #d8dee4}\n"
    "th{background:#f6f8fa;font-weight:600}td.num{text-align:right}\n"
    "code,.pos{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em}\n"
    ".sev{font-weight:600}.error .sev{color:#cf222e}.warning .sev{color:#9a6700}"
    ".info .sev{color:#0969da}\n"
    ".summary{font-size:1.05em}.ok{color:#1a7f37}.muted{color:#59636e}td.msg{white-space:pre-wrap}\n"
    "ul.files{columns:2 24em}\n";

static void esc(rl_sbuf *b, const char *s)
{
    rl_out_xml(b, s, 0);
}

static void head(rl_sbuf *b, const rl_result *res)
{
    rl_sbuf_adds(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<meta name=\"generator\" content=\"reportlint " RL_VERSION "\">\n<title>reportlint: ");
    rl_msg_count(b, RL_MSG_NOUN_VIOLATION, RL_LANG_EN, rl_result_count(res));
    rl_sbuf_adds(b, " in ");
    rl_msg_count(b, RL_MSG_NOUN_FILE, RL_LANG_EN, rl_result_summary(res)->files);
    rl_sbuf_printf(b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", style);
}

static void summary(rl_sbuf *b, const rl_result *res)
{
    rl_sbuf_adds(b, "<h1>reportlint report</h1>\n<p class=\"summary\">");
    rl_sbuf s = RL_SBUF_INIT;
    rl_out_summary_text(&s, res, NULL);
    esc(b, rl_sbuf_str(&s));
    rl_sbuf_free(&s);
    rl_sbuf_adds(b, "</p>\n");
}

static void by_rule(rl_sbuf *b, const rl_out_view *view)
{
    int any = 0;
    for (size_t i = 0; i < view->n_rules; i++) {
        const rl_out_rule *r = &view->rules[i];
        if (!(r->counts[0] + r->counts[1] + r->counts[2]))
            continue;
        if (!any)
            rl_sbuf_adds(b, "<h2>Violations by rule</h2>\n<table class=\"rules\">\n<thead><tr>"
                            "<th>rule</th><th>title</th><th>errors</th><th>warnings</th>"
                            "<th>infos</th></tr></thead>\n<tbody>\n");
        any = 1;
        rl_sbuf_adds(b, "<tr><td><code>");
        esc(b, r->id);
        rl_sbuf_adds(b, "</code></td><td>");
        esc(b, r->title ? r->title : "");
        rl_sbuf_printf(b, "</td><td class=\"num\">%zu</td><td class=\"num\">%zu</td>"
                          "<td class=\"num\">%zu</td></tr>\n",
                       r->counts[RL_SEVERITY_ERROR], r->counts[RL_SEVERITY_WARNING],
                       r->counts[RL_SEVERITY_INFO]);
    }
    if (any)
        rl_sbuf_adds(b, "</tbody>\n</table>\n");
}

static void figures(rl_sbuf *b, const rl_violation *v)
{
    for (size_t i = 0; i < v->n_figures; i++) {
        rl_sbuf t = RL_SBUF_INIT;
        rl_sbuf_printf(&t, "%s = ", v->figures[i].name);
        rl_out_figure_text(&t, &v->figures[i]);
        if (i)
            rl_sbuf_adds(b, "<br>");
        esc(b, rl_sbuf_str(&t));
        rl_sbuf_free(&t);
    }
}

static void row(rl_sbuf *b, const rl_violation *v)
{
    const char *sev = rl_severity_name(v->severity);
    rl_sbuf_printf(b, "<tr class=\"%s\"><td class=\"pos\">", sev);
    if (v->line)
        rl_sbuf_printf(b, "%u:%u", v->line, v->column);
    rl_sbuf_printf(b, "</td><td class=\"sev\">%s</td><td><code>", sev);
    esc(b, v->rule);
    rl_sbuf_adds(b, "</code></td><td class=\"msg\">");
    esc(b, v->message);
    rl_sbuf_adds(b, "</td><td><code>");
    esc(b, v->pointer); /* "" (the whole document) shows as an empty cell */
    rl_sbuf_adds(b, "</code></td><td>");
    figures(b, v);
    rl_sbuf_adds(b, "</td></tr>\n");
}

static void file_section(rl_sbuf *b, const rl_out_group *g)
{
    rl_sbuf_adds(b, "<h2>");
    esc(b, g->file);
    rl_sbuf_adds(b, " <span class=\"muted\">");
    rl_msg_count(b, RL_MSG_NOUN_VIOLATION, RL_LANG_EN, g->n);
    rl_sbuf_adds(b, " (");
    rl_out_severity_counts(b, g->counts.errors, g->counts.warnings, g->counts.infos, RL_LANG_EN);
    rl_sbuf_adds(b, ")</span></h2>\n<table class=\"violations\">\n<thead><tr><th>line:col</th>"
                    "<th>severity</th><th>rule</th><th>message</th><th>pointer</th>"
                    "<th>figures</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < g->n; i++)
        row(b, g->v[i]);
    rl_sbuf_adds(b, "</tbody>\n</table>\n");
}

static void clean_files(rl_sbuf *b, const rl_out_view *view)
{
    size_t n = 0;
    for (size_t i = 0; i < view->n_groups; i++)
        n += view->groups[i].n == 0;
    if (!n)
        return;
    rl_sbuf_adds(b, "<h2 class=\"ok\">");
    rl_msg_count(b, RL_MSG_NOUN_FILE, RL_LANG_EN, n);
    rl_sbuf_adds(b, " without violations</h2>\n<ul class=\"files\">\n");
    for (size_t i = 0; i < view->n_groups; i++) {
        if (view->groups[i].n)
            continue;
        rl_sbuf_adds(b, "<li><code>");
        esc(b, view->groups[i].file);
        rl_sbuf_adds(b, "</code></li>\n");
    }
    rl_sbuf_adds(b, "</ul>\n");
}

int rl_write_html(FILE *out, const rl_result *res, const rl_write_opts *opts)
{
    (void)opts;
    rl_out_view view;
    if (rl_out_view_init(&view, res) != 0)
        return -1;
    rl_sbuf b = RL_SBUF_INIT;
    head(&b, res);
    summary(&b, res);
    by_rule(&b, &view);
    for (size_t i = 0; i < view.n_groups; i++)
        if (view.groups[i].n)
            file_section(&b, &view.groups[i]);
    clean_files(&b, &view);
    rl_sbuf_adds(&b, "<p class=\"muted\">reportlint " RL_VERSION "</p>\n</body>\n</html>\n");
    rl_out_view_free(&view);
    return rl_out_flush(&b, out);
}
