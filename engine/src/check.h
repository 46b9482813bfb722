/* check.h — internal entry points of the checker (check.c, check_input.c). */
#ifndef RL_CHECK_H
#define RL_CHECK_H

#include "deadline.h"
#include "regex.h"
#include "report_ctx.h"
#include "rules_int.h"

/* The limits of one check, defaults applied; 0 means none. */
typedef struct rl_check_limits {
    size_t max_string, max_size, max_violations;
    double timeout;    /* seconds */
    size_t max_memory; /* bytes; 0: none */
} rl_check_limits;

void rl_check_limits_of(const rl_check_opts *opts, rl_check_limits *out);
/* 1 for NULL or options of a version this library reads (1 to
 * RL_CHECK_OPTS_VERSION: an older caller's struct lacks the later fields,
 * which then keep their defaults). */
static inline int rl_check_opts_known(const rl_check_opts *opts)
{
    return !opts || (opts->version >= 1 && opts->version <= RL_CHECK_OPTS_VERSION);
}
/* Start a report's (or record's) stop: its --timeout from now, its
 * --max-memory budget (deadline.h). */
void rl_check_stop_start(rl_deadline *dl, const rl_check_limits *limits);

/* "cannot read: the WHAT is larger than MAX bytes (the limit, --max-size)"
 * as an `input` violation, at the start of line (0: the file). */
void rl_check_too_large(rl_result *res, const char *name, const char *what, unsigned line,
                        size_t max, const rl_catalog *catalog, rl_lang lang);

/* Add the notice for the violations the per-file limit left out, if any
 * (rl_result_cap_end), at the first of them. */
void rl_check_cap_notice(rl_result *res, const rl_catalog *catalog, rl_lang lang);

/* What does not change from report to report in one check (check_plan.c):
 * built once per file, or per thread of an NDJSON file. */
typedef struct rl_plan_rule {
    const rl_rule *rule;
    rl_severity severity;      /* opts->severities applied */
    size_t set;                /* index in rl_check_plan.sets */
    const rl_result *slot_res; /* the result slot was found in last (NULL: none yet) */
    long slot;                 /* rule's slot in slot_res (rl_check_plan_slot) */
} rl_plan_rule;

typedef struct rl_check_plan {
    const rl_check_opts *opts;
    rl_plan_rule *rules; /* the active rules checked per report, in load order */
    size_t n;
    rl_plan_rule *coll; /* the active collection rules, in load order */
    size_t n_coll;
    rl_plan_set *sets;
    size_t n_sets;
    int32_t today;
    int flag_locale_ok;   /* opts->locale is unset or supported */
    char locale_ok[32];   /* the last report.locale found supported */
    size_t locale_ok_len; /* 0: none yet */
    rl_jhints hints;      /* member-lookup hints of this thread's reports (json.h) */
} rl_check_plan;

rl_check_plan *rl_check_plan_new(const rl_rules *rules, const rl_check_opts *opts);
void rl_check_plan_free(rl_check_plan *plan);
/* rl_locale_check, remembering the last tag that passed. */
int rl_check_plan_locale_ok(rl_check_plan *plan, const char *tag, size_t len, rl_error *err);

/* Run every active rule on a parsed report, with messages in lang, until
 * deadline (the report's --timeout, started before it was read; NULL: one
 * started now). */
void rl_check_doc(const rl_rules *rules, const rl_check_opts *opts, rl_lang lang, const char *file,
                  rl_jdoc *doc, rl_result *res, const struct rl_deadline *deadline);
/* The same with the caller's plan, evaluation arena (reset as it goes) and
 * regex match data (may be NULL): one of each per thread, reused from
 * report to report. */
void rl_check_doc_in(const rl_rules *rules, rl_check_plan *plan, rl_lang lang, const char *file,
                     rl_jdoc *doc, rl_result *res, rl_arena *arena, rl_regex_md *md,
                     const struct rl_deadline *deadline);

/* The notice of a report whose check dl stopped (deadline.h: its
 * --timeout passed, rule `timeout`, or it needed more than --max-memory,
 * rule `memory`), at line:column and pointer: in rule (its id), or, rule
 * NULL, while the report was read or parsed (nothing of it was checked). */
void rl_check_stop_notice(rl_result *res, const char *file, const char *pointer, unsigned line,
                          unsigned column, const rl_catalog *catalog, rl_lang lang,
                          const rl_deadline *dl, const char *rule);

/* The evaluation context shared by one rule set's rules on one report
 * (rl_report_ctx_at, with loc the report's report.locale node and flag the
 * --locale); a bad as_of is reported as an `input` violation at the value
 * that is not a date. */
void rl_check_base_ctx(rl_eval_ctx *ctx, rl_jdoc *doc, const rl_jnode *loc, const rl_plan_set *ps,
                       int32_t today, const char *flag, rl_arena *arena, const char *file,
                       rl_result *res, const rl_catalog *catalog, rl_lang lang);

/* 1 when the report can be read: its report.locale loc (when not null) is
 * a supported locale, and so is the plan's opts->locale when the report has
 * none. Else 0 after an `input` violation at report.locale; the report is
 * then not checked, since its numbers and dates cannot be read. */
int rl_check_locale_ok(rl_jdoc *doc, const rl_jnode *loc, rl_check_plan *plan, const char *file,
                       rl_result *res, const rl_catalog *catalog, rl_lang lang);

/* The slot of rule r in res's table of rules (result_rules.h), recorded
 * with its place in its file and its severity in this check when new. */
long rl_check_rule_slot(rl_result *res, const rl_rules *rules, const rl_rule *r, int severity);

/* Rule r (NULL: none) was stopped by --timeout: its slot in res, if it has
 * one, counts it (rl_rule_result.timed_out), so that it gets no
 * rule-never-applied notice for what the deadline cut short. */
void rl_check_rule_timed_out(rl_result *res, const rl_rule *r);

/* rl_check_rule_slot for a rule of a plan, remembered from report to
 * report: the slot found last is taken again while res is the same result
 * and the slot is still keyed by the rule (no lookup by id per report). */
long rl_check_plan_slot(rl_result *res, const rl_rules *rules, rl_plan_rule *pr);

/* 1 when --only/--skip let the rule run (and its severity is not off). */
int rl_check_rule_active(const rl_rule *r, const rl_check_opts *opts);

/* The rule's severity in this check (opts->severities applied), or
 * RL_SEVERITY_OFF. */
int rl_check_severity(const rl_rule *r, const rl_check_opts *opts);

/* Add an `input` violation (severity error) at a line and column. */
void rl_check_input_violation(rl_result *res, const char *file, const char *pointer, unsigned line,
                              unsigned column, const char *message);
/* The same with a catalog message whose only argument is {detail}. */
void rl_check_input_msg(rl_result *res, const char *file, const char *pointer, unsigned line,
                        unsigned column, const rl_catalog *catalog, rl_lang lang, rl_msg msg,
                        const char *detail);

/* A warning (`input`) at every member whose name repeats an earlier one
 * in its object (check_dupkeys.c). Returns 0 when every object was looked
 * at and none repeats a name (member-lookup hints then hold), else 1. */
int rl_check_dup_keys(rl_jdoc *doc, const char *file, rl_result *res, const rl_catalog *catalog,
                      rl_lang lang);

/* NDJSON / JSON Lines (check_ndjson.c): 1 when a file name ends in
 * .ndjson or .jsonl. */
int rl_is_ndjson_name(const char *name);
/* Find record n (1-based; blank lines are not records) of NDJSON text:
 * its text (without the line end) and line number. Returns 0, or the
 * number of records when there are fewer than n. */
size_t rl_ndjson_record(const char *text, size_t len, size_t n, const char **rec, size_t *rec_len,
                        unsigned *line);
/* Check the records of an open file, or of a buffer, into res (whose file
 * record the caller began). A read error stops reading: *errnum is set
 * (0 otherwise). A buffer's first line is line first_line of the file (a
 * slice of it: rl_check_ndjson_slice; 0 means 1). Return 0, or -1 on OOM. */
int rl_check_ndjson_fd(const rl_rules *rules, const rl_check_opts *opts, rl_lang lang,
                       const char *name, int fd, int *errnum, rl_result *res);
int rl_check_ndjson_buffer(const rl_rules *rules, const rl_check_opts *opts, rl_lang lang,
                           const char *name, const char *text, size_t len, unsigned first_line,
                           rl_result *res);

#endif
