/* output_html.h — the pieces of the HTML page (output_html*.c): the
 * report lines shown around each violation, the inline SVG charts, and the
 * page's constant style sheet and script.
 *
 * Invariants: nothing here reaches outside the page — no URL, no font, no
 * image — and every piece of data goes through rl_out_xml. The script and
 * style sheet are constants whose SHA-256 the page's Content-Security-
 * Policy names, so a change to one must change its hash (the CLI tests
 * recompute both). */
#ifndef RL_OUTPUT_HTML_H
#define RL_OUTPUT_HTML_H

#include "output.h"

/* ---- report lines (output_html_source.c) ----------------------------- */

#define RL_HTML_CONTEXT 2 /* lines shown before and after a violation's line */

/* The lines of a file that some violations show. */
typedef struct rl_html_source rl_html_source;

/* Start reading the lines of path that the violations vs[0..n) show
 * (their lines and RL_HTML_CONTEXT around), in one pass that keeps
 * nothing else, so a file larger than memory can be shown. With jobs > 1
 * (and enough violations) a thread of its own reads while the caller goes
 * on: rl_html_source_excerpt waits for the lines it shows. The lines are
 * the same either way. NULL on OOM. */
rl_html_source *rl_html_source_open(const char *path, const rl_violation *const *vs, size_t n,
                                    unsigned jobs);
/* 1 when the file could be opened ("-" and unreadable files cannot). */
int rl_html_source_ok(const rl_html_source *src);
/* Stop reading, and free; -1 when reading ran out of memory (else 0). */
int rl_html_source_free(rl_html_source *src);

/* The <pre> of v's lines with its value highlighted (<mark>); nothing
 * when v has no line or the lines are not there. */
void rl_html_source_excerpt(rl_sbuf *b, rl_html_source *src, const rl_violation *v, rl_lang lang);

/* ---- charts (output_html_chart.c) ------------------------------------ */

typedef struct rl_html_bar {
    const char *label;
    size_t counts[3]; /* by rl_severity */
} rl_html_bar;

/* A horizontal bar chart, bars stacked by severity, the largest first
 * (bars[] is sorted in place); at most RL_HTML_MAX_BARS, then "+N". id
 * names the caption the SVG is labelled by. */
#define RL_HTML_MAX_BARS 15
void rl_html_chart(rl_sbuf *b, const char *id, const char *caption, rl_html_bar *bars, size_t n,
                   rl_lang lang);

/* ---- constants (output_html_assets.c) -------------------------------- */

extern const char rl_html_style[];  /* the <style> element's text */
extern const char rl_html_script[]; /* the <script> element's text */
extern const char rl_html_csp[];    /* the Content-Security-Policy, with both hashes */

/* The singular word for a severity in a language ("lỗi", "warning"). */
void rl_html_severity_word(rl_sbuf *b, rl_severity s, rl_lang lang);

#endif
