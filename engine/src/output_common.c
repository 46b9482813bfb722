/* output_common.c — formatting shared by the writers: figures, the JSON
 * violation and summary objects (json and ndjson write the same ones), the
 * summary sentence (text, github, html), and writing a buffer out. */
#include "output.h"
#include "result.h"
#include "json.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* A computed figure exactly: the shortest decimal that reads back as the
 * same double (7.767441860465116, not 7.767); -0 as 0, and what is not
 * finite as null. Only messages round, for people. */
static void exact(rl_sbuf *out, double d)
{
    rl_json_write_double(out, d == 0 ? 0.0 : d);
}

void rl_out_figure_json(rl_sbuf *out, const rl_figure *f)
{
    switch (f->type) {
    case RL_FIG_NULL: rl_sbuf_adds(out, "null"); break;
    case RL_FIG_BOOL: rl_sbuf_adds(out, f->i ? "true" : "false"); break;
    case RL_FIG_INT: rl_sbuf_add_int(out, (long long)f->i); break;
    case RL_FIG_NUM:
        if (f->s && f->s[0])
            rl_sbuf_adds(out, f->s);
        else
            exact(out, f->d);
        break;
    case RL_FIG_STR: rl_json_write_string(out, f->s ? f->s : "", f->s ? strlen(f->s) : 0); break;
    }
}

void rl_out_figure_text(rl_sbuf *out, const rl_figure *f)
{
    if (f->type == RL_FIG_STR)
        rl_out_safe_text(out, f->s);
    else
        rl_out_figure_json(out, f);
}

static void key(rl_sbuf *b, const char *k)
{
    rl_json_write_string(b, k, strlen(k));
    rl_sbuf_addc(b, ':');
}

/* head: the member's name as JSON with its ':' (a literal of this file,
 * nothing to escape), then the string v. */
#define STR_MEMBER(b, head, v) str_member(b, head, sizeof head - 1, v)
static void str_member(rl_sbuf *b, const char *head, size_t len, const char *v)
{
    rl_sbuf_add(b, head, len);
    rl_json_write_string(b, v ? v : "", v ? strlen(v) : 0);
}

void rl_out_violation_json(rl_sbuf *b, const rl_violation *v)
{
    STR_MEMBER(b, "{\"file\":", v->file);
    STR_MEMBER(b, ",\"rule\":", v->rule);
    STR_MEMBER(b, ",\"severity\":", rl_severity_name(v->severity));
    STR_MEMBER(b, ",\"pointer\":", v->pointer);
    rl_sbuf_adds(b, ",\"line\":");
    rl_sbuf_add_uint(b, v->line, 0);
    rl_sbuf_adds(b, ",\"column\":");
    rl_sbuf_add_uint(b, v->column, 0);
    STR_MEMBER(b, ",\"message\":", v->message);
    for (size_t i = 0; i < v->n_figures; i++) {
        rl_sbuf_addc(b, ',');
        key(b, v->figures[i].name);
        rl_out_figure_json(b, &v->figures[i]);
    }
    rl_sbuf_addc(b, '}');
}

void rl_out_rule_counts_json(rl_sbuf *b, const rl_rule_result *r)
{
    rl_sbuf_printf(b, "{\"evaluations\":%zu,\"passed\":%zu,\"failed\":%zu,\"not_applicable\":%zu}",
                   r->evaluations, r->passed, r->failed, r->not_applicable);
}

/* ,"by_rule":{"ID":{counts},...} — nothing when no rule ran. */
static void by_rule_json(rl_sbuf *b, const rl_result *res)
{
    size_t n = rl_result_rule_count(res);
    if (!n)
        return;
    rl_sbuf_adds(b, ",\"by_rule\":{");
    for (size_t i = 0; i < n; i++) {
        const rl_rule_result *r = rl_result_rule(res, i);
        if (i)
            rl_sbuf_addc(b, ',');
        rl_json_write_string(b, r->id, strlen(r->id));
        rl_sbuf_addc(b, ':');
        rl_out_rule_counts_json(b, r);
    }
    rl_sbuf_addc(b, '}');
}

void rl_out_summary_json(rl_sbuf *b, const rl_result *res, size_t n)
{
    const rl_summary *s = rl_result_summary(res);
    rl_sbuf_printf(b,
                   "{\"files\":%zu,\"rules\":%zu,\"evaluations\":%zu,\"passed\":%zu,"
                   "\"failed\":%zu,\"not_applicable\":%zu,\"violations\":{\"total\":%zu,"
                   "\"error\":%zu,\"warning\":%zu,\"info\":%zu}",
                   s->files, s->rules, s->evaluations, s->passed, s->failed, s->not_applicable, n,
                   s->errors, s->warnings, s->infos);
    by_rule_json(b, res);
    rl_out_summary_json_extra(b, s, n);
    rl_sbuf_addc(b, '}');
}

void rl_out_severity_counts(rl_sbuf *b, size_t errors, size_t warnings, size_t infos, rl_lang lang)
{
    const size_t n[3] = {errors, warnings, infos};
    static const rl_msg noun[3] = {RL_MSG_NOUN_ERROR, RL_MSG_NOUN_WARNING, RL_MSG_NOUN_INFO};
    int first = 1;
    for (int i = 0; i < 3; i++) {
        if (!n[i])
            continue;
        if (!first)
            rl_sbuf_adds(b, ", ");
        rl_msg_count(b, noun[i], lang, n[i]);
        first = 0;
    }
}

static void counted(rl_fig *fig, const char *name, rl_msg noun, rl_lang lang, size_t n,
                    rl_sbuf *text)
{
    rl_sbuf_clear(text);
    rl_msg_count(text, noun, lang, n);
    fig->name = name;
    rl_value_set_str(&fig->v, rl_sbuf_str(text), text->len);
}

static void number(rl_fig *fig, const char *name, size_t n)
{
    fig->name = name;
    rl_value_set_int(&fig->v, (int64_t)n);
}

/* "12 violations (10 errors, ...) in 38 files; ..." in the result's language. */
void rl_out_rule_counts_text(rl_sbuf *b, const rl_rule_result *r, rl_lang lang)
{
    rl_sbuf evals = RL_SBUF_INIT;
    rl_fig figs[4];
    counted(&figs[0], "evaluations", RL_MSG_NOUN_EVALUATION, lang, r->evaluations, &evals);
    number(&figs[1], "passed", r->passed);
    number(&figs[2], "failed", r->failed);
    number(&figs[3], "not_applicable", r->not_applicable);
    rl_catalog_expand(NULL, RL_MSG_RULE_COUNTS, lang, figs, 4, b);
    rl_sbuf_free(&evals);
}

void rl_out_summary_text(rl_sbuf *b, const rl_result *res, const rl_catalog *catalog)
{
    const rl_summary *s = rl_result_summary(res);
    size_t n = rl_result_count(res);
    rl_lang lang = rl_result_lang(res);
    static const struct {
        const char *name;
        rl_msg noun;
    } nouns[] = {
        {"violations", RL_MSG_NOUN_VIOLATION},
        {"errors", RL_MSG_NOUN_ERROR},
        {"warnings", RL_MSG_NOUN_WARNING},
        {"infos", RL_MSG_NOUN_INFO},
        {"files", RL_MSG_NOUN_FILE},
        {"rules", RL_MSG_NOUN_RULE},
        {"evaluations", RL_MSG_NOUN_EVALUATION},
    };
    const size_t counts[] = {n,        s->errors, s->warnings,   s->infos,
                             s->files, s->rules,  s->evaluations};
    rl_sbuf text[7];
    rl_fig figs[10];
    for (size_t i = 0; i < 7; i++) {
        text[i] = (rl_sbuf)RL_SBUF_INIT;
        counted(&figs[i], nouns[i].name, nouns[i].noun, lang, counts[i], &text[i]);
    }
    number(&figs[7], "passed", s->passed);
    number(&figs[8], "failed", s->failed);
    number(&figs[9], "not_applicable", s->not_applicable);
    rl_catalog_expand(catalog, RL_MSG_SUMMARY, lang, figs, 10, b);
    for (size_t i = 0; i < 7; i++)
        rl_sbuf_free(&text[i]);
}

unsigned rl_out_jobs(const rl_write_opts *opts)
{
    return opts && opts->jobs > 1 ? opts->jobs : 1;
}

int rl_out_flush(rl_sbuf *b, FILE *out)
{
    int ok = rl_sbuf_ok(b) && fwrite(b->data ? b->data : "", 1, b->len, out) == b->len;
    rl_sbuf_free(b);
    return ok ? 0 : -1;
}
