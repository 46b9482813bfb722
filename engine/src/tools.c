/* tools.c — the rule author's tools behind `eval` and `path`.
 *
 * A document is opened as a check opens it — one record of an NDJSON file
 * (with the file's line numbers), `@` at a pointer — and evaluated in the
 * context the one report-context builder (report_ctx.c) makes, the same
 * a check uses: so `eval` prints what a rule sees. Results are JSON text. */
#include "check.h"
#include "date.h"
#include "error.h"
#include "report_ctx.h"

#include <stdlib.h>
#include <string.h>

/* The document a tool works on: the parsed report and the node @ is. */
typedef struct tool_doc {
    rl_jdoc *doc;
    const rl_jnode *at;
} tool_doc;

/* The report in text: the whole text, or record opts->record of it. */
static int pick_record(const rl_tool_opts *o, const char **text, size_t *len, unsigned *line,
                       rl_error *err)
{
    *line = 1;
    if (!o->record) {
        if (o->name && rl_is_ndjson_name(o->name)) {
            rl_error_set(err, 0, 0, "%s holds one report per line: pick one with --record N",
                         o->name);
            return -1;
        }
        return 0;
    }
    size_t n = rl_ndjson_record(*text, *len, o->record, text, len, line);
    if (n) {
        rl_error_set(err, 0, 0, "--record %zu: the document holds %zu record%s", o->record, n,
                     n == 1 ? "" : "s");
        return -1;
    }
    return 0;
}

static int open_doc(const rl_tool_opts *o, const char *text, size_t len, tool_doc *td,
                    rl_error *err)
{
    unsigned line;
    td->doc = NULL;
    if (pick_record(o, &text, &len, &line, err) != 0)
        return -1;
    rl_error perr = {0};
    rl_json_limits lim = {.max_depth = o->max_depth}; /* the depth a check allows */
    td->doc = rl_json_parse(text, len, &lim, &perr);
    if (!td->doc) {
        rl_error_set(err, perr.line ? perr.line + line - 1 : 0, perr.column, "invalid JSON: %s",
                     perr.message);
        return -1;
    }
    td->doc->line_base = line - 1;
    td->at = td->doc->root;
    if (o->at && o->at[0] && !(td->at = rl_json_pointer_get(td->doc->root, o->at))) {
        rl_error_set(err, 0, 0, "--at %s: the report has no value there", o->at);
        rl_jdoc_free(td->doc);
        td->doc = NULL;
        return -1;
    }
    return 0;
}

/* o, or the defaults for NULL; NULL (err set) for an o of a version this
 * library does not know. */
static const rl_tool_opts *opts_or_default(const rl_tool_opts *o, rl_error *err)
{
    static const rl_tool_opts none = RL_TOOL_OPTS_INIT;
    if (o && o->version != RL_TOOL_OPTS_VERSION) {
        rl_error_set(err, 0, 0,
                     "rl_tool_opts version %u is not supported (this library knows %u;"
                     " start from RL_TOOL_OPTS_INIT)",
                     o->version, RL_TOOL_OPTS_VERSION);
        return NULL;
    }
    return o ? o : &none;
}

/* Evaluate e on td in set's context into *json_out: 0, or 1 (err set). */
static int eval_in(const rl_expr *e, const rl_ruleset *set, const rl_tool_opts *o, tool_doc *td,
                   char **json_out, rl_error *err)
{
    rl_arena *arena = rl_arena_new(0);
    rl_plan_set ps;
    rl_plan_set_init(&ps, set);
    rl_eval_ctx ctx;
    rl_ctx_problem why;
    int rc = 1;
    if (!arena) {
        rl_error_set(err, 0, 0, "out of memory");
    } else if (rl_report_ctx(&ctx, td->doc, &ps, rl_date_today(), o->locale, arena, &why) != 0) {
        unsigned line, col;
        rl_jdoc_locate(td->doc, rl_jn_offset((why.at ? why.at : td->doc->root)), &line, &col);
        rl_error_set(err, line, col, "as_of is not a date: %s", why.err.message);
    } else {
        rl_value v;
        ctx.current = td->at;
        ctx.err = err;
        if (rl_expr_eval(e, &ctx, &v) == 0) {
            rl_sbuf b = RL_SBUF_INIT;
            rl_value_write_json(&b, &v, td->doc);
            *json_out = rl_sbuf_take(&b);
            rc = 0;
        }
    }
    rl_plan_set_clear(&ps);
    rl_arena_free(arena);
    return rc;
}

/* The rule set eval works in: the first loaded (not the pseudo-set of the
 * report schemas' rule), or NULL. */
static const rl_ruleset *first_set(const rl_rules *rules)
{
    const rl_ruleset *skip = rules && rules->report_schema ? rules->report_schema->set : NULL;
    for (size_t i = 0; rules && i < rules->n_sets; i++)
        if (rules->sets[i] != skip)
            return rules->sets[i];
    return NULL;
}

int rl_eval_report(const rl_rules *rules, const rl_tool_opts *opts, const char *expr,
                   const char *doc, size_t doc_len, char **json_out, rl_error *err)
{
    if (!(opts = opts_or_default(opts, err)))
        return -1;
    const rl_ruleset *set = first_set(rules);
    rl_expr *e = rl_expr_compile(expr, strlen(expr), set ? set->params : NULL, 0, err);
    if (!e) {
        rl_error_prefix(err, "expression, column %u", err->column);
        return -1;
    }
    tool_doc td;
    int rc = open_doc(opts, doc ? doc : "null", doc ? doc_len : 4, &td, err) == 0
                 ? eval_in(e, set, opts, &td, json_out, err)
                 : -1;
    rl_jdoc_free(td.doc);
    rl_expr_free(e);
    return rc;
}

int rl_eval_json(const char *expr, const char *doc, size_t doc_len, const rl_rules *rules,
                 const char *locale, char **json_out, rl_error *err)
{
    rl_tool_opts o = RL_TOOL_OPTS_INIT;
    o.locale = locale;
    return rl_eval_report(rules, &o, expr, doc, doc_len, json_out, err);
}

/* One selected node as path --positions shows it. */
static void write_position(rl_sbuf *b, rl_jdoc *doc, const rl_jnode *node)
{
    rl_sbuf s = RL_SBUF_INIT;
    unsigned line, col;
    rl_jdoc_locate(doc, rl_jn_offset(node), &line, &col);
    rl_json_pointer(node, &s);
    rl_sbuf_adds(b, "{\"pointer\":");
    rl_json_write_string(b, rl_sbuf_str(&s), s.len);
    rl_sbuf_clear(&s);
    rl_jpath_normalized(node, &s);
    rl_sbuf_adds(b, ",\"path\":");
    rl_json_write_string(b, rl_sbuf_str(&s), s.len);
    rl_sbuf_printf(b, ",\"line\":%u,\"column\":%u,\"value\":", line, col);
    rl_json_write(b, doc, node);
    rl_sbuf_addc(b, '}');
    rl_sbuf_free(&s);
}

static void write_nodes(rl_sbuf *b, rl_jdoc *doc, const rl_nodelist *nodes, const rl_tool_opts *o)
{
    rl_sbuf_addc(b, '[');
    for (size_t i = 0; i < nodes->n; i++) {
        if (i)
            rl_sbuf_adds(b, o->positions ? ",\n " : ",");
        if (o->positions) {
            write_position(b, doc, nodes->items[i]);
        } else if (o->paths) {
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

int rl_select_report(const rl_tool_opts *opts, const char *jsonpath, const char *doc,
                     size_t doc_len, char **json_out, rl_error *err)
{
    if (!(opts = opts_or_default(opts, err)))
        return -1;
    rl_jpath *q = rl_jpath_compile(jsonpath, strlen(jsonpath), NULL, err);
    if (!q) {
        rl_error_prefix(err, "JSONPath, column %u", err->column);
        return -1;
    }
    tool_doc td;
    int rc = open_doc(opts, doc, doc_len, &td, err);
    if (rc == 0) {
        rl_eval_ctx ctx; /* no rule set: root and @ only, as a check has them */
        rl_ctx_problem why;
        rl_report_ctx(&ctx, td.doc, NULL, 0, opts->locale, NULL, &why);
        rl_nodelist nodes;
        rl_nodelist_init(&nodes);
        rc = rl_jpath_eval(q, ctx.root, td.at, &nodes, err);
        if (rc == 0) {
            rl_sbuf b = RL_SBUF_INIT;
            write_nodes(&b, td.doc, &nodes, opts);
            *json_out = rl_sbuf_take(&b);
        }
        rl_nodelist_free(&nodes);
    }
    rl_jdoc_free(td.doc);
    rl_jpath_free(q);
    return rc;
}

int rl_select_json(const char *jsonpath, const char *doc, size_t doc_len, int paths,
                   char **json_out, rl_error *err)
{
    rl_tool_opts o = RL_TOOL_OPTS_INIT;
    o.paths = paths;
    return rl_select_report(&o, jsonpath, doc, doc_len, json_out, err);
}
