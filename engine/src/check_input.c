/* check_input.c — getting a report in: reading the file, parsing it, the
 * `input` violations for what cannot be read, and the per-report context
 * (as_of, locale) the rules evaluate in. */
#include "check.h"
#include "error.h"
#include "result.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

void rl_check_input_violation(rl_result *res, const char *file, const char *pointer, unsigned line,
                              unsigned column, const char *message)
{
    rl_violation v = {0};
    v.file = file;
    v.rule = "input";
    v.severity = RL_SEVERITY_ERROR;
    v.pointer = pointer;
    v.line = line;
    v.column = column;
    v.message = message;
    rl_result_add(res, &v);
}

static int32_t eval_as_of(rl_eval_ctx *ctx, rl_jdoc *doc, const char *file, rl_result *res)
{
    rl_error err = {0};
    rl_expr *e = rl_expr_compile("$as_of", 6, ctx->params, 0, &err);
    rl_value v, d;
    int32_t today = rl_date_today();
    if (!e)
        return today;
    ctx->err = &err;
    ctx->err_node = NULL;
    int rc = rl_expr_eval(e, ctx, &v);
    if (rc == 0)
        rc = rl_eval_to_date(ctx, &v, &d);
    rl_expr_free(e);
    if (rc != 0) {
        const rl_jnode *at = ctx->err_node ? ctx->err_node : doc->root;
        rl_sbuf ptr = RL_SBUF_INIT;
        unsigned line, col;
        char msg[700];
        rl_json_pointer(at, &ptr);
        rl_jdoc_locate(doc, at->offset, &line, &col);
        snprintf(msg, sizeof msg, "as_of is not a date: %s", err.message);
        rl_check_input_violation(res, file, rl_sbuf_str(&ptr), line, col, msg);
        rl_sbuf_free(&ptr);
        return today;
    }
    return d.type == RL_VDATE ? rl_date_last_day(d.u.date) : today;
}

void rl_check_base_ctx(rl_eval_ctx *ctx, rl_jdoc *doc, const rl_ruleset *set, const char *locale,
                       rl_arena *arena, const char *file, rl_result *res)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->root = ctx->current = doc->root;
    ctx->doc = doc;
    ctx->params = set->params;
    ctx->arena = arena;
    ctx->locale = locale;
    ctx->as_of = rl_date_today();
    ctx->has_as_of = 1;
    if (rl_params_has(ctx->params, "as_of"))
        ctx->as_of = eval_as_of(ctx, doc, file, res);
    ctx->err = NULL;
    ctx->err_node = NULL;
}

int rl_check_buffer(const rl_rules *rules, const rl_check_opts *opts, const char *name,
                    const char *json, size_t len, rl_result *res)
{
    if (!rules || !res || rules->n_diags)
        return -1;
    rl_summary *sum = rl_result_summary_mut(res);
    size_t active = 0; /* options may differ per file: the summary keeps the most */
    sum->files++;
    for (size_t i = 0; i < rules->n_all; i++)
        active += (size_t)rl_check_rule_active(rules->all[i], opts);
    if (active > sum->rules)
        sum->rules = active;
    rl_error err = {0};
    rl_json_limits lim = {opts ? opts->max_depth : 0, 0};
    rl_jdoc *doc = rl_json_parse(json, len, &lim, &err);
    if (!doc) {
        char msg[600];
        snprintf(msg, sizeof msg, "invalid JSON: %s", err.message);
        rl_check_input_violation(res, name, "", err.line, err.column, msg);
        return 0;
    }
    rl_check_doc(rules, opts, name, doc, res);
    rl_jdoc_free(doc);
    return 0;
}

int rl_check_file(const rl_rules *rules, const rl_check_opts *opts, const char *path,
                  rl_result *res)
{
    char *data = NULL;
    size_t len = 0;
    rl_error err = {0};
    if (!rules || !res || rules->n_diags)
        return -1;
    if (rl_read_file(path, &data, &len, &err) != 0) {
        rl_result_summary_mut(res)->files++;
        rl_check_input_violation(res, path, "", 0, 0, err.message);
        return 0;
    }
    int rc = rl_check_buffer(rules, opts, path, data, len, res);
    free(data);
    return rc;
}
