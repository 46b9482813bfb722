/* output_github.c — GitHub Actions workflow commands, one per violation:
 *   ::error file=FILE,line=LINE,col=COL,title=RULE::MESSAGE
 * (warning → ::warning, info → ::notice; line and col left out when
 * unknown), then the summary sentence as a plain closing line. The runner
 * turns the commands into annotations on the files.
 *
 * Escaping follows the runner's command syntax: in the message % CR LF
 * become %25 %0D %0A; in properties also : and , become %3A and %2C. So
 * data can neither end a property nor start a command of its own on a new
 * line; other control characters are shown as \xNN. */
#include "output.h"
#include "result.h"

#include <stdio.h>

static const char *command(rl_severity s)
{
    switch (s) {
    case RL_SEVERITY_ERROR: return "error";
    case RL_SEVERITY_WARNING: return "warning";
    default: return "notice";
    }
}

static void violation(rl_sbuf *b, const rl_violation *v)
{
    rl_sbuf_printf(b, "::%s file=", command(v->severity));
    rl_out_github(b, v->file, 1);
    if (v->line)
        rl_sbuf_printf(b, ",line=%u", v->line);
    if (v->line && v->column)
        rl_sbuf_printf(b, ",col=%u", v->column);
    rl_sbuf_adds(b, ",title=");
    rl_out_github(b, v->rule, 1);
    rl_sbuf_adds(b, "::");
    rl_out_github(b, v->message, 0);
    rl_sbuf_addc(b, '\n');
}

int rl_write_github_violation(FILE *out, const rl_violation *v)
{
    rl_sbuf b = RL_SBUF_INIT;
    violation(&b, v);
    return rl_out_flush(&b, out);
}

static void item(void *res, size_t i, rl_sbuf *b)
{
    violation(b, rl_result_violation(res, i));
}

int rl_write_github_summary(FILE *out, const rl_result *res)
{
    rl_sbuf b = RL_SBUF_INIT;
    rl_out_summary_text(&b, res, NULL);
    rl_sbuf_addc(&b, '\n');
    return rl_out_flush(&b, out);
}

int rl_write_github(FILE *out, const rl_result *res, const rl_write_opts *opts)
{
    rl_sbuf b = RL_SBUF_INIT;
    int rc = rl_out_items(out, &b, rl_result_count(res), rl_out_jobs(opts), item, (void *)res);
    if (rl_out_flush(&b, out) != 0 || rc != 0)
        return -1;
    return rl_write_github_summary(out, res);
}
