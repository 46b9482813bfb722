/* output_sarif.c — SARIF 2.1.0, as GitHub code scanning reads it.
 *
 * One run: tool.driver (name, version, informationUri, and a reporting
 * descriptor for every rule that ran plus the `input` pseudo-rule), then
 * one result per violation: ruleId, ruleIndex, level, message.text, the
 * file as a percent-encoded URI relative to %SRCROOT% (the directory
 * reportlint ran in; absolute paths become file:// URIs), the region
 * (left out when the line is unknown; columns count code points, as
 * run.columnKind says), the JSON Pointer as a logical location and in the
 * properties with the figures, and partialFingerprints.
 *
 * The fingerprint is FNV-1a (64 bits) over what a baseline identifies a
 * violation by: the URI, rule id, stable pointer (array indexes replaced
 * by the items' keys) and rl_violation_fingerprint of the figures — not
 * the message (its language may change) nor the figures that move with
 * the calendar (as_of, days_late), so an alert keeps its identity from
 * day to day, and when an item is inserted above it, until the data
 * changes. It is given twice: as reportlint/v2, and as
 * primaryLocationLineHash ("HASH:N", N counting equal hashes), the key
 * GitHub matches alerts by. No timestamps: the
 * same inputs give the same bytes. */
#include "output.h"
#include "json.h"
#include "fingerprint.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SARIF_SCHEMA                                                                               \
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
#define MAX_DESCRIPTION 1024 /* GitHub's limit on short and full descriptions */
#define MAX_NAME 255         /* and on rule names */

static void jstr(rl_sbuf *b, const char *s)
{
    rl_json_write_string(b, s ? s : "", s ? strlen(s) : 0);
}

/* A JSON string of at most max code points (cut with an ellipsis). */
static void jstr_max(rl_sbuf *b, const char *s, size_t max)
{
    size_t bytes = 0, cps = 0, len = strlen(s);
    while (bytes < len && cps < max) {
        bytes++;
        while (bytes < len && ((unsigned char)s[bytes] & 0xC0) == 0x80)
            bytes++;
        cps++;
    }
    if (bytes == len) {
        jstr(b, s);
        return;
    }
    while (bytes > 0 && cps > max - 1) { /* room for the ellipsis */
        do
            bytes--;
        while (bytes > 0 && ((unsigned char)s[bytes] & 0xC0) == 0x80);
        cps--;
    }
    rl_sbuf t = RL_SBUF_INIT;
    rl_sbuf_add(&t, s, bytes);
    rl_sbuf_adds(&t, "\xE2\x80\xA6");
    rl_json_write_string(b, rl_sbuf_str(&t), t.len);
    rl_sbuf_free(&t);
}

static void jtext(rl_sbuf *b, const char *key, const char *text, size_t max)
{
    rl_sbuf_printf(b, "\"%s\":{\"text\":", key);
    jstr_max(b, text, max);
    rl_sbuf_addc(b, '}');
}

static const char *level(rl_severity s)
{
    return s == RL_SEVERITY_ERROR ? "error" : s == RL_SEVERITY_WARNING ? "warning" : "note";
}

static const char *problem_severity(rl_severity s)
{
    return s == RL_SEVERITY_ERROR     ? "error"
           : s == RL_SEVERITY_WARNING ? "warning"
                                      : "recommendation";
}

/* ---- rules ------------------------------------------------------------ */

static void short_text(rl_sbuf *t, const rl_out_rule *r)
{
    if (r->title && r->title[0])
        rl_sbuf_adds(t, r->title);
    else if (r->kind)
        rl_sbuf_printf(t, "%s rule %s", r->kind, r->id);
    else
        rl_sbuf_printf(t, "rule %s", r->id);
}

static void help_text(rl_sbuf *t, const rl_out_rule *r)
{
    short_text(t, r);
    if (r->description && r->description[0])
        rl_sbuf_printf(t, "\n\n%s", r->description);
    if (r->ruleset)
        rl_sbuf_printf(t, "\n\nKind: %s. Rule set: %s (%s, line %u).", r->kind, r->ruleset,
                       r->file ? r->file : "?", r->line);
}

static void descriptor(rl_sbuf *b, const rl_out_rule *r)
{
    rl_sbuf t = RL_SBUF_INIT;
    rl_sbuf_adds(b, "{\"id\":");
    jstr(b, r->id);
    rl_sbuf_adds(b, ",\"name\":");
    jstr_max(b, r->id, MAX_NAME);
    rl_sbuf_addc(b, ',');
    short_text(&t, r);
    jtext(b, "shortDescription", rl_sbuf_str(&t), MAX_DESCRIPTION);
    rl_sbuf_addc(b, ',');
    jtext(b, "fullDescription",
          r->description && r->description[0] ? r->description : rl_sbuf_str(&t), MAX_DESCRIPTION);
    rl_sbuf_clear(&t);
    help_text(&t, r);
    rl_sbuf_addc(b, ',');
    jtext(b, "help", rl_sbuf_str(&t), (size_t)-1);
    rl_sbuf_printf(b, ",\"defaultConfiguration\":{\"level\":\"%s\"},\"properties\":{",
                   level(r->severity));
    if (r->kind) {
        rl_sbuf_adds(b, "\"kind\":");
        jstr(b, r->kind);
        rl_sbuf_addc(b, ',');
    }
    if (r->ruleset) {
        rl_sbuf_adds(b, "\"ruleset\":");
        jstr(b, r->ruleset);
        rl_sbuf_addc(b, ',');
    }
    if (r->ran) { /* this run's evaluations of the rule */
        rl_sbuf_adds(b, "\"results\":");
        rl_out_rule_counts_json(b, r->ran);
        rl_sbuf_addc(b, ',');
    }
    rl_sbuf_printf(b, "\"problem.severity\":\"%s\"}}", problem_severity(r->severity));
    rl_sbuf_free(&t);
}

/* ---- locations and fingerprints --------------------------------------- */

/* The artifact URI: relative paths (leading ./ dropped) against %SRCROOT%,
 * absolute ones as file:// URIs. Returns 1 when relative. */
static int artifact_uri(rl_sbuf *uri, const char *file)
{
    if (file[0] == '/') {
        rl_sbuf_adds(uri, "file://");
        rl_out_uri_path(uri, file);
        return 0;
    }
    while (file[0] == '.' && file[1] == '/') {
        file += 2;
        while (*file == '/')
            file++;
    }
    rl_out_uri_path(uri, file);
    return 1;
}

/* How many earlier results had this hash (a small open-addressing table). */
typedef struct seen {
    uint64_t *keys;
    size_t *counts;
    size_t cap;
} seen;

static size_t occurrence(seen *s, uint64_t h)
{
    size_t i = (size_t)(h ^ (h >> 32)) & (s->cap - 1);
    while (s->counts[i] && s->keys[i] != h)
        i = (i + 1) & (s->cap - 1);
    s->keys[i] = h;
    return ++s->counts[i];
}

static void location(rl_sbuf *b, const rl_violation *v, const char *uri, int relative)
{
    rl_sbuf_adds(b, "\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":");
    jstr(b, uri);
    if (relative)
        rl_sbuf_adds(b, ",\"uriBaseId\":\"%SRCROOT%\"");
    rl_sbuf_addc(b, '}');
    if (v->line) {
        rl_sbuf_printf(b, ",\"region\":{\"startLine\":%u", v->line);
        if (v->column)
            rl_sbuf_printf(b, ",\"startColumn\":%u", v->column);
        rl_sbuf_addc(b, '}');
    }
    rl_sbuf_adds(b, "},\"logicalLocations\":[{\"fullyQualifiedName\":");
    jstr(b, v->pointer);
    rl_sbuf_adds(b, "}]}]");
}

static void properties(rl_sbuf *b, const rl_violation *v)
{
    rl_sbuf_adds(b, "\"properties\":{\"pointer\":");
    jstr(b, v->pointer);
    rl_sbuf_adds(b, ",\"figures\":{");
    for (size_t i = 0; i < v->n_figures; i++) {
        if (i)
            rl_sbuf_addc(b, ',');
        jstr(b, v->figures[i].name);
        rl_sbuf_addc(b, ':');
        rl_out_figure_json(b, &v->figures[i]);
    }
    rl_sbuf_adds(b, "}}");
}

static uint64_t fingerprint_of(const rl_violation *v)
{
    rl_sbuf uri = RL_SBUF_INIT;
    artifact_uri(&uri, v->file);
    uint64_t h = rl_violation_identity(v, rl_sbuf_str(&uri));
    rl_sbuf_free(&uri);
    return h;
}

static void result(rl_sbuf *b, const rl_violation *v, long rule_index, uint64_t h, size_t nth)
{
    rl_sbuf uri = RL_SBUF_INIT;
    int relative = artifact_uri(&uri, v->file);
    rl_sbuf_adds(b, "{\"ruleId\":");
    jstr(b, v->rule);
    if (rule_index >= 0)
        rl_sbuf_printf(b, ",\"ruleIndex\":%ld", rule_index);
    rl_sbuf_printf(b, ",\"level\":\"%s\",\"message\":{\"text\":", level(v->severity));
    jstr(b, v->message);
    rl_sbuf_adds(b, "},");
    location(b, v, rl_sbuf_str(&uri), relative);
    rl_sbuf_printf(b,
                   ",\"partialFingerprints\":{\"reportlint/v2\":\"%016llx\","
                   "\"primaryLocationLineHash\":\"%016llx:%zu\"},",
                   (unsigned long long)h, (unsigned long long)h, nth);
    properties(b, v);
    rl_sbuf_addc(b, '}');
    rl_sbuf_free(&uri);
}

/* ---- the log ---------------------------------------------------------- */

static void driver(rl_sbuf *b, const rl_out_view *view)
{
    rl_sbuf_adds(b,
                 "      \"tool\": {\"driver\": {\"name\":\"reportlint\",\"version\":\"" RL_VERSION
                 "\",\"semanticVersion\":\"" RL_VERSION "\",\"informationUri\":\"" RL_HOMEPAGE
                 "\",\"rules\":[");
    for (size_t i = 0; i < view->n_rules; i++) {
        rl_sbuf_adds(b, i ? ",\n        " : "\n        ");
        descriptor(b, &view->rules[i]);
    }
    rl_sbuf_adds(b, "\n      ]}},\n");
}

/* The results, on several threads: every fingerprint, then (in order)
 * how many earlier results had it, then the results' text. */
typedef struct results_run {
    const rl_result *res;
    const rl_out_view *view;
    uint64_t *hash;
    size_t *nth;
} results_run;

static void hash_one(void *ctx, size_t i)
{
    results_run *r = ctx;
    r->hash[i] = fingerprint_of(rl_result_violation(r->res, i));
}

static void result_item(void *ctx, size_t i, rl_sbuf *b)
{
    const results_run *r = ctx;
    const rl_violation *v = rl_result_violation(r->res, i);
    rl_sbuf_adds(b, i ? ",\n        " : "\n        ");
    result(b, v, rl_out_view_rule(r->view, v->rule), r->hash[i], r->nth[i]);
}

static int results(FILE *out, rl_sbuf *b, const rl_result *res, const rl_out_view *view,
                   unsigned jobs)
{
    size_t n = rl_result_count(res), cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    seen s = {calloc(cap, sizeof *s.keys), calloc(cap, sizeof *s.counts), cap};
    results_run r = {res, view, malloc((n + 1) * sizeof *r.hash), malloc((n + 1) * sizeof *r.nth)};
    int rc = s.keys && s.counts && r.hash && r.nth ? 0 : -1;
    if (rc == 0) {
        rl_out_for(n, jobs, hash_one, &r);
        for (size_t i = 0; i < n; i++)
            r.nth[i] = occurrence(&s, r.hash[i]);
        rl_sbuf_adds(b, "      \"results\": [");
        rc = rl_out_items(out, b, n, jobs, result_item, &r);
        rl_sbuf_adds(b, n ? "\n      ],\n" : "],\n");
    }
    free(s.keys);
    free(s.counts);
    free(r.hash);
    free(r.nth);
    return rc;
}

int rl_write_sarif(FILE *out, const rl_result *res, const rl_write_opts *opts)
{
    rl_out_view view;
    if (rl_out_view_init(&view, res) != 0)
        return -1;
    rl_sbuf b = RL_SBUF_INIT;
    rl_sbuf_adds(&b, "{\n  \"$schema\": \"" SARIF_SCHEMA "\",\n  \"version\": \"2.1.0\",\n"
                     "  \"runs\": [\n    {\n");
    driver(&b, &view);
    rl_sbuf_adds(&b, "      \"originalUriBaseIds\": {\"%SRCROOT%\": {\"description\": {\"text\":"
                     "\"The directory reportlint ran in; relative report paths are relative to "
                     "it.\"}}},\n      \"columnKind\": \"unicodeCodePoints\",\n");
    if (results(out, &b, res, &view, rl_out_jobs(opts)) != 0)
        b.oom = 1;
    rl_sbuf_adds(&b, "      \"properties\": {\"summary\": ");
    rl_out_summary_json(&b, res, rl_result_count(res));
    rl_sbuf_adds(&b, "}\n    }\n  ]\n}\n");
    rl_out_view_free(&view);
    return rl_out_flush(&b, out);
}
