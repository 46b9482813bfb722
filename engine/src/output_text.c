/* output_text.c — the text format: one gcc-style line per violation,
 *   FILE:LINE:COL: SEVERITY [RULE] MESSAGE
 * then a summary line in the language the messages were written in. The
 * severity words stay English: editors and CI parse them. Data is escaped
 * so it cannot drive the terminal. */
#include "output.h"
#include "result.h"

#include <stdio.h>

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
static void summary_line(rl_sbuf *b, const rl_summary *s, size_t n, rl_lang lang,
                         const rl_catalog *catalog)
{
    static const struct { const char *name; rl_msg noun; } nouns[] = {
        {"violations", RL_MSG_NOUN_VIOLATION}, {"errors", RL_MSG_NOUN_ERROR},
        {"warnings", RL_MSG_NOUN_WARNING},     {"infos", RL_MSG_NOUN_INFO},
        {"files", RL_MSG_NOUN_FILE},           {"rules", RL_MSG_NOUN_RULE},
        {"evaluations", RL_MSG_NOUN_EVALUATION},
    };
    const size_t counts[] = {n, s->errors, s->warnings, s->infos, s->files, s->rules, s->evaluations};
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
    rl_sbuf_addc(b, '\n');
    for (size_t i = 0; i < 7; i++)
        rl_sbuf_free(&text[i]);
}

int rl_write_text(FILE *out, const rl_result *res, const rl_catalog *catalog)
{
    rl_sbuf b = RL_SBUF_INIT;
    size_t n = rl_result_count(res);
    for (size_t i = 0; i < n; i++) {
        const rl_violation *v = rl_result_violation(res, i);
        rl_out_safe_text(&b, v->file);
        if (v->line)
            rl_sbuf_printf(&b, ":%u:%u", v->line, v->column);
        rl_sbuf_printf(&b, ": %s [", rl_severity_name(v->severity));
        rl_out_safe_text(&b, v->rule);
        rl_sbuf_adds(&b, "] ");
        rl_out_safe_text(&b, v->message);
        rl_sbuf_addc(&b, '\n');
    }
    summary_line(&b, rl_result_summary(res), n, rl_result_lang(res), catalog);
    int ok = rl_sbuf_ok(&b) && fwrite(b.data, 1, b.len, out) == b.len;
    rl_sbuf_free(&b);
    return ok ? 0 : -1;
}
