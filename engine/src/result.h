/* result.h — building an rl_result: violations and the summary.
 *
 * A result owns every string of its violations (in its arena). Adding a
 * violation copies what it is given. */
#ifndef RL_RESULT_H
#define RL_RESULT_H

#include "reportlint.h"
#include "result_rules.h"
#include "template.h"

/* The per-file violation limit (rl_check_opts.max_violations). Between
 * rl_result_cap_begin and rl_result_cap_end, rl_result_add keeps the first
 * `limit` violations (0: all) and only counts the rest. */
typedef struct rl_result_cap {
    size_t limit, kept, dropped;
    int active;
    rl_violation first; /* the first left out (file, pointer, line, column);
                           severity: the highest of those left out */
} rl_result_cap;

void rl_result_cap_begin(rl_result *res, size_t limit);
/* Stop limiting; what was left out, or NULL when nothing was. */
const rl_result_cap *rl_result_cap_end(rl_result *res);

/* 1 when the next violation would only be counted: the limit is reached
 * and the first one left out is already known. Callers then skip building
 * it (message, pointer, position) and call rl_result_count_dropped. */
int rl_result_cap_full(const rl_result *res);
void rl_result_count_dropped(rl_result *res, rl_severity severity);

/* Append a violation (strings and figures copied). Returns 0 on OOM. */
int rl_result_add(rl_result *res, const rl_violation *v);

/* Copy figures made from values (numbers read from a report keep the text
 * they were written with, from doc). */
rl_figure *rl_result_figures(rl_result *res, const rl_fig *figs, size_t n, const rl_jdoc *doc);

rl_summary *rl_result_summary_mut(rl_result *res);

/* The language the result's messages were written in (for the summary). */
void rl_result_set_lang(rl_result *res, rl_lang lang);
rl_lang rl_result_lang(const rl_result *res);

/* Start the record of a checked file (counts it in the summary). Every
 * check of a file or buffer begins with this. Returns 0, or -1 on OOM. */
int rl_result_begin_file(rl_result *res, const char *name);

/* Close the last file's record: what is counted from now on (collection
 * rules, judged after every file) belongs to no file. */
void rl_result_end_files(rl_result *res);

/* The files checked, in check order: the name of file i, and (when counts
 * is not NULL) what checking it counted — files is 1, rules the rules
 * that ran, the others this file's share. NULL when i is out of range. */
size_t rl_result_file_count(const rl_result *res);
const char *rl_result_file(const rl_result *res, size_t i, rl_summary *counts);

/* Add src's counts (not its files) and violations to dst, in order, as if
 * they were found in dst's current file (a chunk of an NDJSON file checked
 * on another thread). src's violations may be moved rather than copied
 * (src is then left without them): free src afterwards. Returns 0, or -1
 * on OOM. */
int rl_result_absorb(rl_result *dst, rl_result *src);

/* State a layer above keeps with a result (the collection, collection.h):
 * freed with it, merged by rl_result_absorb and rl_result_merge (merge
 * into *dst, which may be NULL: then made). */
typedef struct rl_result_ext {
    void (*free)(void *state);
    int (*merge)(void **dst, const void *src);
} rl_result_ext;
void *rl_result_ext_state(const rl_result *res);
void rl_result_set_ext(rl_result *res, void *state, const rl_result_ext *ops);
/* The slot of a rule in res's table of rules (result_rules.h), recorded
 * from info when new; -1 on OOM. rl_result_rule_mut gives it to count. */
long rl_result_rule_slot(rl_result *res, const void *key, const rl_rule_result *info);
/* The slot of key (or of id), or -1 when the rule is not recorded yet. */
long rl_result_rule_find(rl_result *res, const void *key, const char *id);
rl_rule_result *rl_result_rule_mut(rl_result *res, long slot);
/* The key slot was recorded with (NULL for none or a slot out of range). */
const void *rl_result_rule_key(const rl_result *res, long slot);

/* Bytes the result holds for its violations (their table and strings). */
size_t rl_result_bytes(const rl_result *res);
/* The same counting the table's used slots, not its capacity: it grows by
 * what each violation kept costs (--max-memory charges that to the report
 * that found it, not a doubling of the whole run's table). */
size_t rl_result_kept_bytes(const rl_result *res);

/* A string copied into the result's arena. */
const char *rl_result_strdup(rl_result *res, const char *s);

#endif
