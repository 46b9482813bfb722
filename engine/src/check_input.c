/* check_input.c — getting a report in: reading the file, parsing it, the
 * `input` violations for what cannot be read (locale and as_of problems
 * included, all through the message catalog). Every file or buffer starts
 * in start(): one file record, one rule count, readable or not. */
#include "check.h"
#include "deadline.h"
#include "error.h"
#include "io.h"
#include "locales.h"
#include "result.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* An engine notice (rule `input` or `timeout`): an error at a place. */
static void add_notice(rl_result *res, const char *rule, const char *file, const char *pointer,
                       unsigned line, unsigned column, const char *message)
{
    rl_violation v = {0};
    v.file = file;
    v.rule = rule;
    v.severity = RL_SEVERITY_ERROR;
    v.pointer = pointer;
    v.line = line;
    v.column = column;
    v.message = message;
    rl_result_add(res, &v);
}

void rl_check_input_violation(rl_result *res, const char *file, const char *pointer, unsigned line,
                              unsigned column, const char *message)
{
    add_notice(res, "input", file, pointer, line, column, message);
}

void rl_check_input_msg(rl_result *res, const char *file, const char *pointer, unsigned line,
                        unsigned column, const rl_catalog *catalog, rl_lang lang, rl_msg msg,
                        const char *detail)
{
    rl_fig arg = {"detail", {0}};
    rl_sbuf text = RL_SBUF_INIT;
    rl_value_set_str(&arg.v, detail, strlen(detail));
    rl_catalog_expand(catalog, msg, lang, &arg, 1, &text);
    rl_check_input_violation(res, file, pointer, line, column, rl_sbuf_str(&text));
    rl_sbuf_free(&text);
}

void rl_check_stop_notice(rl_result *res, const char *file, const char *pointer, unsigned line,
                          unsigned column, const rl_catalog *catalog, rl_lang lang,
                          const rl_deadline *dl, const char *rule)
{
    int memory = dl->expired == RL_STOP_MEMORY;
    rl_fig args[2] = {{memory ? "max" : "seconds", {0}}, {"rule", {0}}};
    if (memory)
        rl_value_set_int(&args[0].v, (int64_t)dl->mem_limit);
    else
        rl_value_set_num(&args[0].v, dl->seconds);
    rl_value_set_str(&args[1].v, rule ? rule : "", rule ? strlen(rule) : 0);
    static const rl_msg msgs[2][2] = {{RL_MSG_TIMEOUT_READING, RL_MSG_TIMEOUT},
                                      {RL_MSG_MEMORY_READING, RL_MSG_MEMORY}};
    rl_sbuf text = RL_SBUF_INIT;
    rl_catalog_expand(catalog, msgs[memory][rule != NULL], lang, args, 2, &text);
    add_notice(res, memory ? "memory" : "timeout", file, pointer, line, column, rl_sbuf_str(&text));
    rl_sbuf_free(&text);
}

/* An `input` catalog message at a report node. */
static void input_at(rl_result *res, rl_jdoc *doc, const rl_jnode *at, const char *file,
                     const rl_catalog *catalog, rl_lang lang, rl_msg msg, const char *detail)
{
    rl_sbuf ptr = RL_SBUF_INIT;
    unsigned line, col;
    rl_json_pointer(at, &ptr);
    rl_jdoc_locate(doc, rl_jn_offset(at), &line, &col);
    rl_check_input_msg(res, file, rl_sbuf_str(&ptr), line, col, catalog, lang, msg, detail);
    rl_sbuf_free(&ptr);
}

int rl_check_locale_ok(rl_jdoc *doc, const rl_jnode *loc, rl_check_plan *plan, const char *file,
                       rl_result *res, const rl_catalog *catalog, rl_lang lang)
{
    rl_error err; /* per report: not zeroed whole (0.5 KB) */
    rl_error_fresh(&err);
    if (loc && rl_jn_type(loc) != RL_JNULL) {
        int named = rl_jn_type(loc) == RL_JSTRING && rl_jn_str_len(loc) &&
                    !memchr(rl_jn_str(loc), 0, rl_jn_str_len(loc));
        if (named && rl_check_plan_locale_ok(plan, rl_jn_str(loc), rl_jn_str_len(loc), &err) == 0)
            return 1;
        input_at(res, doc, loc, file, catalog, lang,
                 named ? RL_MSG_LOCALE_UNKNOWN : RL_MSG_LOCALE_NOT_NAME,
                 named ? err.message : rl_locale_known());
        return 0;
    }
    if (plan->flag_locale_ok)
        return 1;
    rl_locale_check(plan->opts->locale, &err);
    rl_check_input_msg(res, file, "", 1, 1, catalog, lang, RL_MSG_LOCALE_FLAG, err.message);
    return 0;
}

void rl_check_base_ctx(rl_eval_ctx *ctx, rl_jdoc *doc, const rl_jnode *loc, const rl_plan_set *ps,
                       int32_t today, const char *flag, rl_arena *arena, const char *file,
                       rl_result *res, const rl_catalog *catalog, rl_lang lang)
{
    rl_ctx_problem why;
    if (rl_report_ctx_at(ctx, doc, loc, ps, today, flag, arena, &why) != 0)
        input_at(res, doc, why.at ? why.at : doc->root, file, catalog, lang, RL_MSG_AS_OF_NOT_DATE,
                 why.err.message);
}

/* The language of messages: opts->lang, English when unset; 0 when it is
 * not one messages are written in. */
static int check_lang(const rl_check_opts *opts, rl_lang *lang)
{
    *lang = RL_LANG_EN;
    return !opts || !opts->lang || !opts->lang[0] || rl_lang_parse(opts->lang, lang);
}

/* 0 stays the default, RL_UNLIMITED becomes 0 (none). */
static size_t limit_or(size_t v, size_t dflt)
{
    return v == RL_UNLIMITED ? 0 : v ? v : dflt;
}

void rl_check_limits_of(const rl_check_opts *opts, rl_check_limits *out)
{
    out->max_string = limit_or(opts ? opts->max_string : 0, RL_DEFAULT_MAX_STRING);
    out->max_size = limit_or(opts ? opts->max_size : 0, RL_DEFAULT_MAX_SIZE);
    out->max_violations = limit_or(opts ? opts->max_violations : 0, RL_DEFAULT_MAX_VIOLATIONS);
    out->timeout = opts && opts->timeout > 0 ? opts->timeout : 0;
    out->max_memory = limit_or(opts && opts->version >= 2 ? opts->max_memory : 0,
                               RL_DEFAULT_MAX_MEMORY);
}

void rl_check_stop_start(rl_deadline *dl, const rl_check_limits *limits)
{
    rl_deadline_start(dl, limits->timeout);
    rl_deadline_limit_memory(dl, limits->max_memory);
}

void rl_check_cap_notice(rl_result *res, const rl_catalog *catalog, rl_lang lang)
{
    const rl_result_cap *cap = rl_result_cap_end(res);
    if (!cap)
        return;
    rl_fig args[2] = {{"count", {0}}, {"limit", {0}}};
    rl_value_set_int(&args[0].v, (int64_t)cap->dropped);
    rl_value_set_int(&args[1].v, (int64_t)cap->limit);
    rl_sbuf text = RL_SBUF_INIT;
    rl_catalog_expand(catalog, RL_MSG_MORE_VIOLATIONS, lang, args, 2, &text);
    rl_violation v = cap->first;
    v.rule = "input";
    v.message = rl_sbuf_str(&text);
    v.figures = NULL;
    v.n_figures = 0;
    rl_result_add(res, &v);
    rl_sbuf_free(&text);
}

void rl_check_too_large(rl_result *res, const char *name, const char *what, unsigned line,
                        size_t max, const rl_catalog *catalog, rl_lang lang)
{
    char detail[160];
    snprintf(detail, sizeof detail, "the %s is larger than %zu bytes (the limit, --max-size)", what,
             max);
    rl_check_input_msg(res, name, "", line, line ? 1 : 0, catalog, lang, RL_MSG_CANNOT_READ,
                       detail);
}

static void too_large(rl_result *res, const char *name, size_t max, const rl_catalog *catalog,
                      rl_lang lang)
{
    rl_check_too_large(res, name, "report", 0, max, catalog, lang);
}

/* Start a file's record: every check of a file or buffer, readable or
 * not, begins here. Counts the rules that run on it (options may differ
 * per file: the summary keeps the most). */
static int begin_file(const rl_rules *rules, const rl_check_opts *opts, const char *name,
                      rl_result *res)
{
    if (rl_result_begin_file(res, name) != 0)
        return -1;
    rl_summary *sum = rl_result_summary_mut(res);
    size_t active = 0;
    for (size_t i = 0; i < rules->n_all; i++) {
        const rl_rule *r = rules->all[i];
        if (!rl_check_rule_active(r, opts))
            continue;
        if (rl_check_rule_slot(res, rules, r, rl_check_severity(r, opts)) < 0)
            return -1;
        active++;
    }
    if (active > sum->rules)
        sum->rules = active;
    return 0;
}

/* A whole report in memory (its file record begun): json, or owned (a
 * malloc'd buffer of len + 1 bytes the document takes over, so a big
 * report is not held twice; freed here in every case); parsed and checked
 * until dl, the report's deadline (started before it was read). */
static void check_parsed(const rl_rules *rules, const rl_check_opts *opts, rl_lang lang,
                         const char *name, const char *json, char *owned, size_t len,
                         rl_result *res, rl_deadline *dl)
{
    rl_check_limits limits;
    rl_check_limits_of(opts, &limits);
    if (limits.max_size && len > limits.max_size) {
        free(owned);
        too_large(res, name, limits.max_size, rules->catalog, lang);
        return;
    }
    rl_error err = {0};
    rl_json_limits lim = {opts ? opts->max_depth : 0, limits.max_string, dl};
    rl_jdoc *doc = owned ? rl_json_parse_owned(owned, len, &lim, &err)
                         : rl_json_parse(json, len, &lim, &err);
    if (!doc && dl->expired)
        rl_check_stop_notice(res, name, "", err.line, err.column, rules->catalog, lang, dl, NULL);
    else if (!doc)
        rl_check_input_msg(res, name, "", err.line, err.column, rules->catalog, lang,
                           RL_MSG_INVALID_JSON, err.message);
    if (!doc)
        return;
    rl_check_doc(rules, opts, lang, name, doc, res, dl);
    rl_jdoc_free(doc);
}

/* The report's deadline, from now (before it is read). */
static void start_deadline(const rl_check_opts *opts, rl_deadline *dl)
{
    rl_check_limits limits;
    rl_check_limits_of(opts, &limits);
    rl_check_stop_start(dl, &limits);
}

/* What every check of a file or buffer does first: refuse a misuse (-1:
 * an opts of another version, rules with diagnostics, an unknown
 * language), set the language, and begin the file's record. */
static int start(const rl_rules *rules, const rl_check_opts *opts, const char *name, rl_result *res,
                 rl_lang *lang)
{
    if (!rl_check_opts_known(opts))
        return -1;
    if (!rules || !res || !name || rules->n_diags || !check_lang(opts, lang))
        return -1;
    rl_result_set_lang(res, *lang);
    return begin_file(rules, opts, name, res);
}

int rl_check_buffer(const rl_rules *rules, const rl_check_opts *opts, const char *name,
                    const char *json, size_t len, rl_result *res)
{
    rl_lang lang;
    if (start(rules, opts, name, res, &lang) != 0)
        return -1;
    if (rl_is_ndjson_name(name))
        return rl_check_ndjson_buffer(rules, opts, lang, name, json, len, 1, res);
    rl_deadline dl;
    start_deadline(opts, &dl);
    check_parsed(rules, opts, lang, name, json, NULL, len, res, &dl);
    return 0;
}

int rl_check_ndjson_slice(const rl_rules *rules, const rl_check_opts *opts, const char *name,
                          unsigned first_line, const char *text, size_t len, rl_result *res)
{
    rl_lang lang;
    if (start(rules, opts, name, res, &lang) != 0)
        return -1;
    return rl_check_ndjson_buffer(rules, opts, lang, name, text, len, first_line, res);
}

/* An NDJSON file, streamed: what cannot be opened or read is an `input`
 * violation (after the records read before a read error). */
static int check_ndjson_file(const rl_rules *rules, const rl_check_opts *opts, rl_lang lang,
                             const char *path, rl_result *res)
{
    rl_io_status st;
    int fd = rl_io_open(&rules->io, RL_FILE_REPORT, path, &st), errnum = 0;
    if (fd < 0) {
        rl_check_input_msg(res, path, "", 0, 0, rules->catalog, lang, RL_MSG_CANNOT_OPEN,
                           rl_io_reason(&st));
        return 0;
    }
    int rc = rl_check_ndjson_fd(rules, opts, lang, path, fd, &errnum, res);
    close(fd);
    if (rc == 0 && errnum)
        rl_check_input_msg(res, path, "", 0, 0, rules->catalog, lang, RL_MSG_CANNOT_READ,
                           strerror(errnum));
    return rc;
}

int rl_check_file(const rl_rules *rules, const rl_check_opts *opts, const char *path,
                  rl_result *res)
{
    rl_lang lang;
    if (start(rules, opts, path, res, &lang) != 0)
        return -1;
    if (rl_is_ndjson_name(path))
        return check_ndjson_file(rules, opts, lang, path, res);
    rl_check_limits limits;
    rl_check_limits_of(opts, &limits);
    char *data = NULL;
    size_t len = 0;
    rl_io_status st;
    rl_deadline dl;
    rl_check_stop_start(&dl, &limits);
    /* a report larger than --max-memory is not read at all (its text alone
     * would pass the budget) */
    int by_memory = limits.max_memory && (!limits.max_size || limits.max_memory < limits.max_size);
    size_t cap = by_memory ? limits.max_memory : limits.max_size;
    if (rl_io_read_until(&rules->io, RL_FILE_REPORT, path, &data, &len, cap, &st, &dl) != 0) {
        if (st.errnum == EFBIG && by_memory)
            rl_deadline_stop(&dl, RL_STOP_MEMORY);
        if (st.errnum == EFBIG && !by_memory)
            too_large(res, path, limits.max_size, rules->catalog, lang);
        else if (st.errnum == EFBIG || st.errnum == ETIMEDOUT)
            rl_check_stop_notice(res, path, "", st.line, st.column, rules->catalog, lang, &dl,
                                 NULL);
        else
            rl_check_input_msg(res, path, "", 0, 0, rules->catalog, lang,
                               st.opening ? RL_MSG_CANNOT_OPEN : RL_MSG_CANNOT_READ,
                               rl_io_reason(&st));
        return 0;
    }
    check_parsed(rules, opts, lang, path, NULL, data, len, res, &dl);
    return 0;
}
