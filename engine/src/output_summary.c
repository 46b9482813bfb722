/* output_summary.c — the parts of the summary that suppressions and
 * baselines add, shared by the writers. Absent when unused, so output
 * without them is unchanged: "suppressed" appears when something was
 * suppressed, "baseline" once a baseline was applied. */
#include "output.h"

void rl_out_summary_text_extra(rl_sbuf *b, const rl_summary *s, size_t shown)
{
    if (s->suppressed)
        rl_sbuf_printf(b, "; %zu suppressed", s->suppressed);
    if (s->baseline)
        rl_sbuf_printf(b, "; baseline: %zu new, %zu known, %zu fixed", shown, s->baseline_known,
                       s->baseline_fixed);
}

void rl_out_summary_json_extra(rl_sbuf *b, const rl_summary *s, size_t shown)
{
    if (s->suppressed)
        rl_sbuf_printf(b, ",\"suppressed\":%zu", s->suppressed);
    if (s->baseline)
        rl_sbuf_printf(b, ",\"baseline\":{\"new\":%zu,\"known\":%zu,\"fixed\":%zu}", shown,
                       s->baseline_known, s->baseline_fixed);
}
