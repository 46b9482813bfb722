/* output_text.c — the text format: one gcc-style line per violation,
 *   FILE:LINE:COL: SEVERITY [RULE] MESSAGE
 * then a summary line. Data is escaped so it cannot drive the terminal. */
#include "output.h"

#include <stdio.h>

static void plural(rl_sbuf *b, size_t n, const char *one, const char *many)
{
    rl_sbuf_printf(b, "%zu %s", n, n == 1 ? one : many);
}

static void summary_line(rl_sbuf *b, const rl_summary *s, size_t n)
{
    plural(b, n, "violation", "violations");
    rl_sbuf_adds(b, " (");
    plural(b, s->errors, "error", "errors");
    rl_sbuf_adds(b, ", ");
    plural(b, s->warnings, "warning", "warnings");
    rl_sbuf_adds(b, ", ");
    plural(b, s->infos, "info", "infos");
    rl_sbuf_adds(b, ") in ");
    plural(b, s->files, "file", "files");
    rl_sbuf_adds(b, "; ");
    plural(b, s->rules, "rule", "rules");
    rl_sbuf_adds(b, ", ");
    plural(b, s->evaluations, "evaluation", "evaluations");
    rl_sbuf_printf(b, ": %zu passed, %zu failed, %zu not applicable", s->passed, s->failed,
                   s->not_applicable);
    rl_out_summary_text_extra(b, s, n);
    rl_sbuf_addc(b, '\n');
}

int rl_write_text(FILE *out, const rl_result *res)
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
    summary_line(&b, rl_result_summary(res), n);
    int ok = rl_sbuf_ok(&b) && fwrite(b.data, 1, b.len, out) == b.len;
    rl_sbuf_free(&b);
    return ok ? 0 : -1;
}
