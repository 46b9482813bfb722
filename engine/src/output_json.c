/* output_json.c — the JSON format fixed by schemas/output.schema.json:
 *   {"tool": {...}, "violations": [...], "summary": {...}}
 * one violation per line, its figures at the top level of its object; the
 * violations formatted on opts->jobs threads (rl_out_items). */
#include "output.h"

#include <stdio.h>

static void item(void *res, size_t i, rl_sbuf *b)
{
    rl_sbuf_adds(b, i ? ",\n    " : "\n    ");
    rl_out_violation_json(b, rl_result_violation(res, i));
}

int rl_write_json(FILE *out, const rl_result *res, const rl_write_opts *opts)
{
    rl_sbuf b = RL_SBUF_INIT;
    size_t n = rl_result_count(res);
    rl_sbuf_adds(&b, "{\n  \"tool\": {\"name\":\"reportlint\",\"version\":\"" RL_VERSION "\"},\n");
    rl_sbuf_adds(&b, "  \"violations\": [");
    if (rl_out_items(out, &b, n, rl_out_jobs(opts), item, (void *)res) != 0)
        b.oom = 1;
    rl_sbuf_adds(&b, n ? "\n  ],\n  \"summary\": " : "],\n  \"summary\": ");
    rl_out_summary_json(&b, res, n);
    rl_sbuf_adds(&b, "\n}\n");
    return rl_out_flush(&b, out);
}
