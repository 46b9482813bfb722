/* output_ndjson.c — newline-delimited JSON: one violation per line (the
 * same object as in -f json's violations array), then a closing line
 * {"summary": {...}} with the summary of -f json. Each line stands alone,
 * so a consumer can act on a violation as soon as it is written: the CLI
 * writes the lines while checking (rl_result_on_violation). */
#include "output.h"

#include <stdio.h>

int rl_write_ndjson_violation(FILE *out, const rl_violation *v)
{
    rl_sbuf b = RL_SBUF_INIT;
    rl_sbuf_reserve(&b, 1000); /* most lines fit: one allocation, not one per doubling */
    rl_out_violation_json(&b, v);
    rl_sbuf_addc(&b, '\n');
    return rl_out_flush(&b, out);
}

int rl_write_ndjson_summary(FILE *out, const rl_result *res)
{
    rl_sbuf b = RL_SBUF_INIT;
    rl_sbuf_adds(&b, "{\"summary\":");
    const rl_summary *sum =
        rl_result_summary(res); /* violations may have been streamed, not kept */
    rl_out_summary_json(&b, res, sum->errors + sum->warnings + sum->infos);
    rl_sbuf_adds(&b, "}\n");
    return rl_out_flush(&b, out);
}

static void item(void *res, size_t i, rl_sbuf *b)
{
    rl_out_violation_json(b, rl_result_violation(res, i));
    rl_sbuf_addc(b, '\n');
}

int rl_write_ndjson(FILE *out, const rl_result *res, const rl_write_opts *opts)
{
    rl_sbuf b = RL_SBUF_INIT;
    int rc = rl_out_items(out, &b, rl_result_count(res), rl_out_jobs(opts), item, (void *)res);
    if (rl_out_flush(&b, out) != 0 || rc != 0)
        return -1;
    return rl_write_ndjson_summary(out, res);
}
