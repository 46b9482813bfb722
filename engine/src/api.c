/* api.c — small public entry points: reading files, choosing and writing
 * an output format, and the rule-author tools behind `eval` and `path`. */
#include "check.h"
#include "error.h"
#include "expr.h"
#include "jsonpath.h"
#include "output.h"
#include "result.h"
#include "rules_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Read f to its end, or -2 as soon as more than max bytes came (0: no
 * limit), so that an endless or huge input is never held in memory. */
static int read_stream(FILE *f, char **data, size_t *len, size_t max)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (max && n > max) {
            free(buf);
            return -2;
        }
        if (n < cap)
            break;
        char *more = cap > ((size_t)-1) / 4 ? NULL : realloc(buf, cap * 2 + 1);
        if (!more) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = more;
        cap *= 2;
    }
    if (!buf)
        return -1;
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return ferror(f) ? -1 : 0;
}

int rl_read_file_errno(const char *path, char **data, size_t *len, size_t max, int *errnum,
                       int *opening)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    *data = NULL;
    *opening = !f;
    if (!f) {
        *errnum = errno;
        return -1;
    }
    errno = 0;
    int rc = read_stream(f, data, len, max);
    int saved = rc == -2 ? EFBIG : errno;
    if (!is_stdin)
        fclose(f);
    if (rc != 0) {
        *errnum = saved ? saved : ENOMEM;
        free(*data);
        *data = NULL;
    }
    return rc;
}

int rl_read_file(const char *path, char **data, size_t *len, rl_error *err)
{
    int errnum = 0, opening = 0;
    if (rl_read_file_errno(path, data, len, 0, &errnum, &opening) == 0)
        return 0;
    rl_error_set(err, 0, 0, "%s: %s", opening ? "cannot open" : "cannot read", strerror(errnum));
    return -1;
}

static const char *const format_names[] = {"text",  "json",   "ndjson", "sarif",
                                            "junit", "github", "html"};

int rl_format_parse(const char *name, rl_format *out)
{
    for (size_t i = 0; i < sizeof format_names / sizeof *format_names; i++) {
        if (strcmp(name, format_names[i]) == 0) {
            *out = (rl_format)i;
            return 0;
        }
    }
    return -1;
}

const char *rl_format_names(void)
{
    return "text, json, ndjson, sarif, junit, github, html";
}

int rl_write_ex(FILE *out, rl_format format, const rl_result *res, const rl_rules *rules,
                const rl_write_opts *opts)
{
    if (!out || !res)
        return -1;
    switch (format) {
    case RL_FORMAT_TEXT: return rl_write_text(out, res, rules, opts);
    case RL_FORMAT_JSON: return rl_write_json(out, res);
    case RL_FORMAT_NDJSON: return rl_write_ndjson(out, res);
    case RL_FORMAT_SARIF: return rl_write_sarif(out, res, rules, opts);
    case RL_FORMAT_JUNIT: return rl_write_junit(out, res, rules, opts);
    case RL_FORMAT_GITHUB: return rl_write_github(out, res);
    case RL_FORMAT_HTML: return rl_write_html(out, res, rules, opts);
    }
    return -1;
}

int rl_write(FILE *out, rl_format format, const rl_result *res, const rl_rules *rules)
{
    return rl_write_ex(out, format, res, rules, NULL);
}

int rl_write_violation(FILE *out, rl_format format, const rl_violation *v)
{
    if (!out || !v)
        return -1;
    if (format == RL_FORMAT_NDJSON)
        return rl_write_ndjson_violation(out, v);
    if (format == RL_FORMAT_GITHUB)
        return rl_write_github_violation(out, v);
    return -1;
}

int rl_write_summary(FILE *out, rl_format format, const rl_result *res)
{
    if (!out || !res)
        return -1;
    if (format == RL_FORMAT_NDJSON)
        return rl_write_ndjson_summary(out, res);
    if (format == RL_FORMAT_GITHUB)
        return rl_write_github_summary(out, res);
    return -1;
}

static const rl_params *params_of(const rl_rules *rules)
{
    return rules && rules->n_sets ? rules->sets[0]->params : NULL;
}

static const char *set_locale_of(const rl_rules *rules)
{
    return rules && rules->n_sets ? rules->sets[0]->locale : NULL;
}

static int eval_in_doc(rl_expr *e, rl_jdoc *doc, const rl_params *params, const char *locale,
                       char **json_out, rl_error *err)
{
    rl_arena *arena = rl_arena_new(0);
    rl_eval_ctx ctx = {0};
    ctx.root = ctx.current = doc->root;
    ctx.doc = doc;
    ctx.params = params;
    ctx.arena = arena;
    ctx.locale = locale;
    ctx.as_of = rl_date_today();
    ctx.err = err;
    rl_value v;
    int rc = arena && rl_expr_eval(e, &ctx, &v) == 0 ? 0 : 1;
    if (rc == 0) {
        rl_sbuf b = RL_SBUF_INIT;
        rl_value_write_json(&b, &v, doc);
        *json_out = rl_sbuf_take(&b);
    }
    rl_arena_free(arena);
    return rc;
}

int rl_eval_json(const char *expr, const char *doc, size_t doc_len, const rl_rules *rules,
                 const char *locale, char **json_out, rl_error *err)
{
    const rl_params *params = params_of(rules);
    rl_expr *e = rl_expr_compile(expr, strlen(expr), params, 0, err);
    if (!e) {
        rl_error_prefix(err, "expression, column %u", err->column);
        return -1;
    }
    rl_error perr = {0};
    rl_jdoc *d = rl_json_parse(doc ? doc : "null", doc ? doc_len : 4, NULL, &perr);
    if (!d) {
        rl_error_set(err, perr.line, perr.column, "invalid JSON: %s", perr.message);
        rl_expr_free(e);
        return -1;
    }
    /* strings read as in a check: report.locale, else --locale, else the rule set's */
    locale = rl_report_locale(d->root, locale, set_locale_of(rules));
    int rc = eval_in_doc(e, d, params, locale, json_out, err);
    rl_jdoc_free(d);
    rl_expr_free(e);
    return rc;
}

static void write_nodes(rl_sbuf *b, const rl_jdoc *doc, const rl_nodelist *nodes, int paths)
{
    rl_sbuf_addc(b, '[');
    for (size_t i = 0; i < nodes->n; i++) {
        if (i)
            rl_sbuf_addc(b, ',');
        if (paths) {
            rl_sbuf p = RL_SBUF_INIT;
            rl_jpath_normalized(nodes->items[i], &p);
            rl_json_write_string(b, rl_sbuf_str(&p), p.len);
            rl_sbuf_free(&p);
        } else {
            rl_json_write(b, doc, nodes->items[i]);
        }
    }
    rl_sbuf_addc(b, ']');
}

int rl_select_json(const char *jsonpath, const char *doc, size_t doc_len, int paths,
                   char **json_out, rl_error *err)
{
    rl_jpath *q = rl_jpath_compile(jsonpath, strlen(jsonpath), NULL, err);
    if (!q) {
        rl_error_prefix(err, "JSONPath, column %u", err->column);
        return -1;
    }
    rl_error perr = {0};
    rl_jdoc *d = rl_json_parse(doc, doc_len, NULL, &perr);
    if (!d) {
        rl_error_set(err, perr.line, perr.column, "invalid JSON: %s", perr.message);
        rl_jpath_free(q);
        return -1;
    }
    rl_nodelist nodes;
    rl_nodelist_init(&nodes);
    int rc = rl_jpath_eval(q, d->root, d->root, &nodes, err);
    if (rc == 0) {
        rl_sbuf b = RL_SBUF_INIT;
        write_nodes(&b, d, &nodes, paths);
        *json_out = rl_sbuf_take(&b);
    }
    rl_nodelist_free(&nodes);
    rl_jdoc_free(d);
    rl_jpath_free(q);
    return rc;
}
