/* output_json.c — the JSON format fixed by schemas/output.schema.json:
 *   {"tool": {...}, "violations": [...], "summary": {...}}
 * one violation per line, its figures at the top level of its object. */
#include "output.h"
#include "json.h"

#include <stdio.h>
#include <string.h>

static void key(rl_sbuf *b, const char *k)
{
    rl_json_write_string(b, k, strlen(k));
    rl_sbuf_addc(b, ':');
}

static void str_member(rl_sbuf *b, const char *k, const char *v)
{
    key(b, k);
    rl_json_write_string(b, v ? v : "", v ? strlen(v) : 0);
}

static void violation(rl_sbuf *b, const rl_violation *v)
{
    rl_sbuf_addc(b, '{');
    str_member(b, "file", v->file);
    rl_sbuf_addc(b, ',');
    str_member(b, "rule", v->rule);
    rl_sbuf_addc(b, ',');
    str_member(b, "severity", rl_severity_name(v->severity));
    rl_sbuf_addc(b, ',');
    str_member(b, "pointer", v->pointer);
    rl_sbuf_printf(b, ",\"line\":%u,\"column\":%u,", v->line, v->column);
    str_member(b, "message", v->message);
    for (size_t i = 0; i < v->n_figures; i++) {
        rl_sbuf_addc(b, ',');
        key(b, v->figures[i].name);
        rl_out_figure_json(b, &v->figures[i]);
    }
    rl_sbuf_addc(b, '}');
}

static void summary(rl_sbuf *b, const rl_summary *s, size_t n)
{
    rl_sbuf_printf(b,
                   "{\"files\":%zu,\"rules\":%zu,\"evaluations\":%zu,\"passed\":%zu,"
                   "\"failed\":%zu,\"not_applicable\":%zu,\"violations\":{\"total\":%zu,"
                   "\"error\":%zu,\"warning\":%zu,\"info\":%zu}",
                   s->files, s->rules, s->evaluations, s->passed, s->failed, s->not_applicable, n,
                   s->errors, s->warnings, s->infos);
    rl_out_summary_json_extra(b, s, n);
    rl_sbuf_addc(b, '}');
}

int rl_write_json(FILE *out, const rl_result *res)
{
    rl_sbuf b = RL_SBUF_INIT;
    size_t n = rl_result_count(res);
    rl_sbuf_adds(&b, "{\n  \"tool\": {\"name\":\"reportlint\",\"version\":\"" RL_VERSION "\"},\n");
    rl_sbuf_adds(&b, "  \"violations\": [");
    for (size_t i = 0; i < n; i++) {
        rl_sbuf_adds(&b, i ? ",\n    " : "\n    ");
        violation(&b, rl_result_violation(res, i));
    }
    rl_sbuf_adds(&b, n ? "\n  ],\n  \"summary\": " : "],\n  \"summary\": ");
    summary(&b, rl_result_summary(res), n);
    rl_sbuf_adds(&b, "\n}\n");
    int ok = rl_sbuf_ok(&b) && fwrite(b.data, 1, b.len, out) == b.len;
    rl_sbuf_free(&b);
    return ok ? 0 : -1;
}
