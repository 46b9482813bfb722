/* output.h — shared pieces of the output writers (output_*.c).
 *
 * Every writer builds its text in an rl_sbuf and writes it once; data is
 * escaped for the format's syntax by the escapers below (output_escape.c),
 * never by hand. The view (output_view.c) gives writers the violations
 * grouped by file and the table of rules that ran. */
#ifndef RL_OUTPUT_H
#define RL_OUTPUT_H

#include "reportlint.h"
#include "messages.h"
#include "sbuf.h"

#include <stdint.h>

#define RL_HOMEPAGE "https://reportlint.dev/"

/* ---- escapers (output_escape.c) -------------------------------------- */

/* 1 for what must not reach a terminal or markup: C0 controls, DEL, C1
 * controls (NEL too), the line separators U+2028 and U+2029, U+FFFE,
 * U+FFFF, and 0xFFFFFFFF (a byte that is not UTF-8). */
int rl_out_unsafe(uint32_t cp);

/* Text for a terminal or log: unsafe bytes as \xNN, C1 controls,
 * U+2028/U+2029 and U+FFFE/U+FFFF as \uNNNN; everything else as it is. */
void rl_out_safe_text(rl_sbuf *out, const char *s);

/* XML 1.0 / HTML text (attr 0) or attribute value (attr 1): & < > " '
 * as entities, CR (and in attributes TAB and LF) as character
 * references, unsafe characters as in rl_out_safe_text. */
void rl_out_xml(rl_sbuf *out, const char *s, int attr);
/* attr for text where quotes need no escape (HTML element content): the
 * report lines the HTML page shows, half their bytes otherwise &quot;. */
#define RL_XML_TEXT_QUOTES 2

/* GitHub Actions workflow command data (property 0: % CR LF as %25 %0D
 * %0A) or property value (property 1: also : and , as %3A %2C); other
 * unsafe characters as in rl_out_safe_text. */
void rl_out_github(rl_sbuf *out, const char *s, int property);

/* A path as an RFC 3986 URI path: bytes other than unreserved characters
 * and '/' percent-encoded (%20, %C3%A0 ...). */
void rl_out_uri_path(rl_sbuf *out, const char *s);

/* ---- shared formatting (output_common.c) ----------------------------- */

/* A figure as JSON: integers exactly, numbers read from a report as they
 * were written, computed numbers rounded (3 decimals; 3 significant
 * digits below 1), strings escaped. */
void rl_out_figure_json(rl_sbuf *out, const rl_figure *f);

/* A figure for people: like JSON, but strings unquoted (safe text). */
void rl_out_figure_text(rl_sbuf *out, const rl_figure *f);

/* A violation as the object of -f json's violations array; the summary
 * object of res (n: the number of violations), with "by_rule" (the
 * counts of every rule that ran) when rules ran. */
void rl_out_violation_json(rl_sbuf *out, const rl_violation *v);
void rl_out_summary_json(rl_sbuf *out, const rl_result *res, size_t n);
/* One rule's counts: {"evaluations":E,"passed":P,"failed":F,"not_applicable":N}. */
void rl_out_rule_counts_json(rl_sbuf *out, const rl_rule_result *r);

/* "N violation(s) (E errors, W warnings, I infos) in F files; R rules,
 * X evaluations: P passed, F failed, N not applicable" (no newline), in
 * the language res was checked in. catalog may be NULL (the summary
 * template is then compiled for the call). */
void rl_out_summary_text(rl_sbuf *out, const rl_result *res, const rl_catalog *catalog);
/* -v: one rule's "3 evaluations: 1 passed, 1 failed, 1 not applicable" in lang. */
void rl_out_rule_counts_text(rl_sbuf *out, const rl_rule_result *r, rl_lang lang);
/* "2 errors, 1 warning" in a language — only the non-zero severities ("" for none). */
void rl_out_severity_counts(rl_sbuf *out, size_t errors, size_t warnings, size_t infos,
                            rl_lang lang);

/* Write b to out and free it; 0, or -1 when b ran out of memory or the
 * write failed. */
int rl_out_flush(rl_sbuf *b, FILE *out);

/* ---- several threads (output_par.c) ---------------------------------- */

/* Append item i of a writer's list to b. Called from several threads at
 * once: it must only read what it shares. */
typedef void (*rl_out_item_fn)(void *ctx, size_t i, rl_sbuf *b);

/* Items [0, n) in order, formatted by fn on up to jobs threads. With one
 * job or few items they are appended to b, which is written to out and
 * emptied whenever it grows past 64 KiB (the rest stays in b); else b is
 * written to out first and emptied, then the items are written as they
 * are formatted. Either way the bytes that reach out are the same and
 * memory holds a bounded part of them. Returns 0, or -1 when out of
 * memory or a write failed. */
int rl_out_items(FILE *out, rl_sbuf *b, size_t n, unsigned jobs, rl_out_item_fn fn, void *ctx);

/* fn on every item [0, n), on up to jobs threads (independent items). */
void rl_out_for(size_t n, unsigned jobs, void (*fn)(void *ctx, size_t i), void *ctx);

/* The threads a writer may use: opts->jobs, at least 1. */
unsigned rl_out_jobs(const rl_write_opts *opts);

/* ---- the view: files and rules (output_view.c) ----------------------- */

/* One file's violations and counts. Files come in check order; a file
 * named by violations but never checked (a hand-built result) follows. */
typedef struct rl_out_group {
    const char *file;
    const rl_violation **v; /* in result order */
    size_t n;
    rl_summary counts; /* this file's evaluations and violations */
} rl_out_group;

/* A rule that ran (or appears in the violations), with its violations
 * counted by severity. Index 0 is the `input` pseudo-rule. */
typedef struct rl_out_rule {
    const char *id, *kind, *title, *description, *ruleset, *file;
    rl_severity severity;
    unsigned line, column;     /* where the rule is defined; 0 when unknown */
    size_t counts[3];          /* violations by rl_severity */
    const rl_rule_result *ran; /* its evaluations (passed, failed, not applicable)
                                  when the result records it as run; else NULL */
} rl_out_rule;

typedef struct rl_out_view {
    rl_out_group *groups;
    size_t n_groups;
    rl_out_rule *rules;
    size_t n_rules;
    size_t *by_id;              /* rule indexes sorted by id, for lookups */
    size_t n_by_id;             /* how many rules by_id indexes (all, once built) */
    const rl_violation **slots; /* storage behind the groups' v */
} rl_out_view;

/* Build the view of res (from the result alone). -1 on OOM. */
int rl_out_view_init(rl_out_view *view, const rl_result *res);
void rl_out_view_free(rl_out_view *view);
/* The index of a rule id in view->rules, or -1. */
long rl_out_view_rule(const rl_out_view *view, const char *id);

/* What suppressions and baselines add to the summary (output_summary.c):
 * "; N suppressed; baseline: N new, N known, N fixed" in text, and the
 * members "suppressed" and "baseline" in JSON; nothing when unused. shown
 * is the number of violations written (the new ones). */
void rl_out_summary_text_extra(rl_sbuf *b, const rl_summary *s, size_t shown);
void rl_out_summary_json_extra(rl_sbuf *b, const rl_summary *s, size_t shown);

/* ---- the writers ------------------------------------------------------ */

/* An output format, as rl_kind is a rule kind: its name (-f NAME), the
 * writer of a whole result, and for line-oriented formats the writers of
 * one violation and of the closing summary (NULL for the others). Writers
 * read only the result (and its view): never the rules or the checker.
 * The table, in rl_format order, is in output.c; rl_writer_of looks a
 * format up (NULL for a value outside rl_format). */
typedef struct rl_writer {
    const char *name;
    int (*write)(FILE *out, const rl_result *res, const rl_write_opts *opts);
    int (*violation)(FILE *out, const rl_violation *v);
    int (*summary)(FILE *out, const rl_result *res);
} rl_writer;

const rl_writer *rl_writer_of(rl_format format);

int rl_write_text(FILE *out, const rl_result *res, const rl_write_opts *opts);
int rl_write_json(FILE *out, const rl_result *res, const rl_write_opts *opts);
int rl_write_ndjson(FILE *out, const rl_result *res, const rl_write_opts *opts);
int rl_write_ndjson_violation(FILE *out, const rl_violation *v);
int rl_write_ndjson_summary(FILE *out, const rl_result *res);
int rl_write_sarif(FILE *out, const rl_result *res, const rl_write_opts *opts);
int rl_write_junit(FILE *out, const rl_result *res, const rl_write_opts *opts);
int rl_write_github(FILE *out, const rl_result *res, const rl_write_opts *opts);
int rl_write_github_violation(FILE *out, const rl_violation *v);
int rl_write_github_summary(FILE *out, const rl_result *res);
int rl_write_html(FILE *out, const rl_result *res, const rl_write_opts *opts);

#endif
