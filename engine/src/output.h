/* output.h — shared pieces of the output writers. */
#ifndef RL_OUTPUT_H
#define RL_OUTPUT_H

#include "reportlint.h"
#include "sbuf.h"

/* A figure as JSON: integers exactly, numbers read from a report as they
 * were written, computed numbers rounded (3 decimals; 3 significant
 * digits below 1), strings escaped. */
void rl_out_figure_json(rl_sbuf *out, const rl_figure *f);

/* Append text for a terminal or log: control characters (and DEL) from the
 * data are shown as \xNN, so data cannot inject terminal escapes. */
void rl_out_safe_text(rl_sbuf *out, const char *s);

/* What suppressions and baselines add to the summary (output_summary.c):
 * "; N suppressed; baseline: N new, N known, N fixed" in text, and the
 * members "suppressed" and "baseline" in JSON; nothing when unused. shown
 * is the number of violations written (the new ones). */
void rl_out_summary_text_extra(rl_sbuf *b, const rl_summary *s, size_t shown);
void rl_out_summary_json_extra(rl_sbuf *b, const rl_summary *s, size_t shown);

int rl_write_text(FILE *out, const rl_result *res);
int rl_write_json(FILE *out, const rl_result *res);

#endif
