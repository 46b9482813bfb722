/* output_html_chart.c — the HTML page's bar charts, as inline SVG: one
 * horizontal bar per rule or file, stacked by severity (errors, warnings,
 * infos), the largest first, a count at the end of each bar.
 *
 * The SVG is labelled by its caption (role img, aria-labelledby) and each
 * bar carries a <title> with its counts in words, so a screen reader or a
 * hover tells what the bar says; the page's rule and file tables hold the
 * same numbers as text. Colours come from the style sheet's classes (no
 * style attributes: the page's CSP allows only its own style sheet).
 * Geometry is integer arithmetic, so the bytes never depend on the
 * platform's floating point. */
#include "output_html.h"

#include <stdlib.h>
#include <string.h>

#define WIDTH 720
#define LABEL_W 260 /* label column; the bars start after it */
#define BAR_W 380   /* the longest bar */
#define ROW_H 22
#define BAR_H 14
#define MAX_LABEL 34 /* code points of a label shown; longer ones are cut */

static size_t total(const rl_html_bar *b)
{
    return b->counts[0] + b->counts[1] + b->counts[2];
}

static int by_total(const void *a, const void *b)
{
    const rl_html_bar *x = a, *y = b;
    if (total(x) != total(y))
        return total(x) > total(y) ? -1 : 1;
    return strcmp(x->label, y->label);
}

/* A label of at most MAX_LABEL code points: a long one keeps its end
 * (file names differ at the end) after "…". */
static void short_label(rl_sbuf *b, const char *s)
{
    size_t len = strlen(s), cps = 0, i = len;
    while (i > 0 && cps < MAX_LABEL - 1) {
        i--;
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            cps++;
    }
    if (i > 0)
        rl_sbuf_adds(b, "\xE2\x80\xA6");
    rl_out_xml(b, s + i, 0);
}

static void bar_title(rl_sbuf *b, const rl_html_bar *bar, rl_lang lang)
{
    rl_sbuf t = RL_SBUF_INIT;
    rl_sbuf_adds(&t, bar->label);
    rl_sbuf_adds(&t, ": ");
    rl_out_severity_counts(&t, bar->counts[RL_SEVERITY_ERROR], bar->counts[RL_SEVERITY_WARNING],
                           bar->counts[RL_SEVERITY_INFO], lang);
    rl_sbuf_adds(b, "<title>");
    rl_out_xml(b, rl_sbuf_str(&t), 0);
    rl_sbuf_adds(b, "</title>");
    rl_sbuf_free(&t);
}

static void bar(rl_sbuf *b, const rl_html_bar *bar, size_t row, size_t max, rl_lang lang)
{
    static const struct {
        rl_severity s;
        const char *cls;
    } order[] = {{RL_SEVERITY_ERROR, "e"}, {RL_SEVERITY_WARNING, "w"}, {RL_SEVERITY_INFO, "i"}};
    size_t y = row * ROW_H, x = LABEL_W, done = 0;
    rl_sbuf_adds(b, "<g>");
    bar_title(b, bar, lang);
    rl_sbuf_printf(b, "<text x=\"%d\" y=\"%zu\" class=\"lbl\">", LABEL_W - 8, y + 15);
    short_label(b, bar->label);
    rl_sbuf_adds(b, "</text>");
    for (size_t k = 0; k < 3; k++) {
        size_t c = bar->counts[order[k].s];
        if (!c)
            continue;
        /* each segment ends where the running total ends: no rounding drift */
        size_t end = LABEL_W + (done + c) * BAR_W / max;
        size_t w = end > x ? end - x : 1;
        rl_sbuf_printf(b, "<rect class=\"%s\" x=\"%zu\" y=\"%zu\" width=\"%zu\" height=\"%d\"/>",
                       order[k].cls, x, y + 4, w, BAR_H);
        x += w;
        done += c;
    }
    rl_sbuf_printf(b, "<text x=\"%zu\" y=\"%zu\" class=\"cnt\">%zu</text></g>\n", x + 6, y + 15,
                   total(bar));
}

void rl_html_chart(rl_sbuf *b, const char *id, const char *caption, rl_html_bar *bars, size_t n,
                   rl_lang lang)
{
    qsort(bars, n, sizeof *bars, by_total);
    size_t shown = n < RL_HTML_MAX_BARS ? n : RL_HTML_MAX_BARS;
    size_t rows = shown + (n > shown), max = n ? total(&bars[0]) : 1;
    rl_sbuf_printf(b, "<figure class=\"chart\">\n<figcaption id=\"%s\">", id);
    rl_out_xml(b, caption, 0);
    rl_sbuf_printf(
        b, "</figcaption>\n<svg role=\"img\" aria-labelledby=\"%s\" viewBox=\"0 0 %d %zu\">\n", id,
        WIDTH, rows * ROW_H + 4);
    for (size_t i = 0; i < shown; i++)
        bar(b, &bars[i], i, max ? max : 1, lang);
    if (n > shown)
        rl_sbuf_printf(b, "<text x=\"%d\" y=\"%zu\" class=\"lbl\">+%zu</text>\n", LABEL_W - 8,
                       shown * ROW_H + 15, n - shown);
    rl_sbuf_adds(b, "</svg>\n</figure>\n");
}
