/* reportlint.h — the public interface of the reportlint engine.
 *
 * Load rule sets (rl_rules), check reports against them (rl_check_*), read
 * the violations and the summary from an rl_result, and write them in one of
 * the output formats. The command-line tool uses nothing but this header.
 *
 * Ownership: every object made by rl_x_new() is freed by rl_x_free().
 * Strings returned by accessors belong to the object they came from and
 * live as long as it does. No global state: a loaded rl_rules may be shared
 * by threads that check documents concurrently, each with its own
 * rl_result. Functions returning int return 0 on success. */
#ifndef REPORTLINT_H
#define REPORTLINT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define RL_API __attribute__((visibility("default")))
#else
#define RL_API
#endif

#define RL_VERSION "0.1.0"
/* The same version as numbers, and as one comparable integer
 * (MAJOR * 10000 + MINOR * 100 + PATCH): #if RL_VERSION_NUM >= 100 ... */
#define RL_VERSION_MAJOR 0
#define RL_VERSION_MINOR 1
#define RL_VERSION_PATCH 0
#define RL_VERSION_NUM (RL_VERSION_MAJOR * 10000 + RL_VERSION_MINOR * 100 + RL_VERSION_PATCH)

/* The version of the library linked at run time (RL_VERSION is the one a
 * program was compiled against), as text and as RL_VERSION_NUM would be. */
RL_API const char *rl_version(void);
RL_API int rl_version_num(void);

/* ---- errors ---------------------------------------------------------- */

/* An error: a message and, when known, a 1-based line and column. */
typedef struct rl_error {
    char message[512];
    unsigned line;
    unsigned column;
    int failed; /* nonzero once a message has been set */
} rl_error;

/* ---- severities ------------------------------------------------------ */

typedef enum rl_severity {
    RL_SEVERITY_INFO = 0,
    RL_SEVERITY_WARNING = 1,
    RL_SEVERITY_ERROR = 2
} rl_severity;

/* "error", "warning", "info". */
RL_API const char *rl_severity_name(rl_severity s);
/* Parse a severity name; returns 0 and sets *out, or -1. */
RL_API int rl_severity_parse(const char *name, rl_severity *out);

/* ---- rule sets ------------------------------------------------------- */

typedef struct rl_rules rl_rules;

/* A problem found while loading a rule set. */
typedef struct rl_diag {
    const char *file;
    unsigned line;    /* 1-based; 0 when the whole file is meant */
    unsigned column;  /* 1-based, in code points */
    const char *rule; /* the rule id, or NULL */
    const char *message;
} rl_diag;

/* What `rules list` shows about one loaded rule. */
typedef struct rl_rule_info {
    const char *id;
    const char *kind;
    const char *title; /* may be NULL */
    const char *ruleset;
    const char *file;
    rl_severity severity;
    unsigned line, column;   /* where the rule is defined */
    const char *description; /* may be NULL */
} rl_rule_info;

RL_API rl_rules *rl_rules_new(void);
RL_API void rl_rules_free(rl_rules *rules);

/* Override a parameter ($name) for every rule set, loaded before or after
 * (--param NAME=VALUE; --as-of sets "as_of"). VALUE is a JSON number,
 * true/false/null, array or object, an ISO date form, or else a plain
 * string. */
RL_API int rl_rules_set_param(rl_rules *rules, const char *name, const char *value, rl_error *err);
/* The same with the JSON of a reference file as the value (--param-file
 * NAME=FILE): read and parsed now (at most 64 MB). On failure returns -1
 * with err set: err->line and err->column locate a parse error in the
 * file (0 when it cannot be read). */
RL_API int rl_rules_set_param_file(rl_rules *rules, const char *name, const char *path,
                                   rl_error *err);
/* 0 when a loaded rule set defines the parameter name (or it is as_of,
 * which deadlines read); else -1 with err naming the closest parameter the
 * rule sets do define. Call it after loading, for --param and friends: an
 * unknown name is a mistake, never silently ignored. */
RL_API int rl_rules_check_param(const rl_rules *rules, const char *name, rl_error *err);

/* Bound the loading that follows (rule sets read by rl_rules_load_path or
 * _buffer) to seconds from now (0: no bound; --timeout): once it has
 * passed, loading stops with a diagnostic at the file, line and column
 * reached ("loading stopped after N s (--timeout)"), so the rules cannot
 * be used. Returns 0, or -1 when seconds is negative or not a number. */
RL_API int rl_rules_set_timeout(rl_rules *rules, double seconds);

/* Load a rule set from a file, or every *.json in a directory (sorted by
 * name). Returns 0 when it loaded cleanly; otherwise the number of new
 * diagnostics (read them with rl_rules_diag). A rules object with any
 * diagnostic must not be used to check reports. */
RL_API int rl_rules_load_path(rl_rules *rules, const char *path);
/* Load a rule set held in memory; name is used in diagnostics. */
RL_API int rl_rules_load_buffer(rl_rules *rules, const char *name, const char *json, size_t len);

RL_API size_t rl_rules_diag_count(const rl_rules *rules);
RL_API const rl_diag *rl_rules_diag(const rl_rules *rules, size_t i);
/* Warnings found while loading — things that load and run but are almost
 * certainly not what the author meant (a `when` that is always true or
 * always false, ...). They do not stop a check. */
RL_API size_t rl_rules_warning_count(const rl_rules *rules);
RL_API const rl_diag *rl_rules_warning(const rl_rules *rules, size_t i);

RL_API size_t rl_rules_count(const rl_rules *rules);
RL_API int rl_rules_info(const rl_rules *rules, size_t i, rl_rule_info *out);
/* A rule set parameter (`rules list` shows them): its rule set, name, and
 * definition as given (JSON, an expression, a date; --param overrides
 * applied). */
typedef struct rl_param_info {
    const char *ruleset;
    const char *name;
    const char *value;
} rl_param_info;

RL_API size_t rl_rules_param_count(const rl_rules *rules);
RL_API int rl_rules_param(const rl_rules *rules, size_t i, rl_param_info *out);

/* 1 when a rule with this id is loaded. */
RL_API int rl_rules_has(const rl_rules *rules, const char *id);

/* ---- reading files --------------------------------------------------- */

/* Every file the engine reads — reports, rule sets, schemas and their
 * $refs, reference files — goes through one reader. "-" is standard input;
 * any other path must be a regular file: a FIFO, device, socket or
 * directory is refused without blocking (opened O_NONBLOCK, then fstat),
 * as is a link to a terminal or pipe (x.json -> /dev/stdin). A file
 * larger than its limit is refused from its size, before anything is read;
 * at most limit + 1 bytes are ever read from a stream. */
typedef enum rl_file_kind {
    RL_FILE_REPORT,   /* a report (rl_check_file) */
    RL_FILE_RULES,    /* a rule-set file */
    RL_FILE_SCHEMA,   /* a JSON Schema: -s, a rule set's or rule's "schema", a $ref */
    RL_FILE_REFERENCE /* a reference file read into a parameter */
} rl_file_kind;

/* Asked before a file is opened, with the path as named and as resolved
 * (realpath: every symbolic link followed). Return 0 to read it; anything
 * else refuses it, with the reason written to why (NUL-terminated, at
 * most why_size bytes) — a refused report is an `input` violation, a
 * refused rule set, schema or reference file a diagnostic. May be called
 * from several threads at once (reports checked in parallel). */
typedef int (*rl_file_allow_fn)(void *ctx, rl_file_kind kind, const char *path, const char *real,
                                char *why, size_t why_size);

#define RL_DEFAULT_MAX_FILE_SIZE ((size_t)64 << 20)

typedef struct rl_file_policy {
    size_t max_size;        /* bytes of one rule set, schema, $ref or reference
                               file; 0: RL_DEFAULT_MAX_FILE_SIZE, RL_UNLIMITED: none
                               (reports: rl_check_opts.max_size) */
    rl_file_allow_fn allow; /* NULL: every path */
    void *ctx;
} rl_file_policy;

/* Set how this rules object reads files (copied; ctx must outlive the
 * rules). Call it before loading anything; returns 0, or -1 once
 * something was loaded. */
RL_API int rl_rules_file_policy(rl_rules *rules, const rl_file_policy *policy);

/* ---- JSON Schema ----------------------------------------------------- */

/* How the JSON Schemas of a rules object are read: reports checked with
 * rules are validated against the schemas added with rl_rules_add_schema
 * and a rule set's top-level "schema" (rule id "schema", one violation per
 * schema error at the invalid value), and `schema` rules validate their
 * `each` nodes. Schemas are draft 2020-12, or draft-07 when their $schema
 * says so; each is compiled once, when loaded. */
typedef struct rl_schema_config {
    int format_assert;       /* "format" is an assertion (--format-assert) */
    const char *meta_dir;    /* the bundled metaschemas (schemas/meta), or NULL */
    const char *const *maps; /* --schema-map entries "URL=DIR": a $ref under URL
                                 is read from DIR, never from the network */
    size_t n_maps;
} rl_schema_config;

/* Set the schema configuration (strings copied). Call it before loading
 * any rule set or schema; returns 0, or -1 with err (a malformed map
 * entry, or schemas were already loaded). */
RL_API int rl_rules_schema_config(rl_rules *rules, const rl_schema_config *cfg, rl_error *err);
/* Add a JSON Schema every report must satisfy (-s PATH). Returns 0, or
 * the number of new diagnostics (an unreadable or invalid schema, an
 * unresolvable $ref: located in the schema file), as rl_rules_load_path. */
RL_API int rl_rules_add_schema(rl_rules *rules, const char *path);

/* ---- checking -------------------------------------------------------- */

/* Option structs are versioned (libgit2 style): the first member is the
 * version of the struct the caller was compiled with, which its
 * RL_*_OPTS_INIT sets. A function given a version it does not know (0: a
 * struct zeroed instead of initialised, or one from a newer header)
 * refuses it: -1, with a message where the function has an rl_error. */
#define RL_CHECK_OPTS_VERSION 2u /* 2 added max_memory; 1 is still taken */
#define RL_WRITE_OPTS_VERSION 1u
#define RL_TOOL_OPTS_VERSION 1u

typedef struct rl_check_opts {
    unsigned int version;    /* RL_CHECK_OPTS_VERSION (RL_CHECK_OPTS_INIT sets it) */
    const char *locale;      /* --locale: used when a report has no report.locale */
    const char *const *only; /* rule ids to run (NULL: all) */
    size_t n_only;
    const char *const *skip; /* rule ids not to run */
    size_t n_skip;
    unsigned max_depth; /* JSON nesting limit; 0: the default (1000); at
                                     most RL_MAX_DEPTH_LIMIT (a larger one is taken
                                     as that) */
    const char *lang;   /* --lang: language of messages and of the text
                                     summary, a code of rl_langs() or a locale name
                                     ("vi_VN.UTF-8"); NULL or "": English. An unknown
                                     one is a misuse: rl_check_* return -1. */
    /* Per-rule severity overrides (a config file's "severity"); for the
     * same rule a later entry wins. Unknown ids are ignored. */
    const struct rl_rule_severity *severities;
    size_t n_severities;
    unsigned jobs; /* threads checking the records of an NDJSON file
                                     (0 or 1: the calling thread only); violations and
                                     counts come out exactly as with one thread */
    /* Limits on hostile or runaway input (docs/limits.md). Each 0 means
     * the default below; RL_UNLIMITED turns the limit off. A report that
     * exceeds one gets an `input` violation saying which, never a crash. */
    size_t max_string;     /* bytes in one JSON string (default 16 MiB) */
    size_t max_size;       /* bytes of one report read whole, or of one NDJSON
                              record (default 256 MiB) */
    size_t max_violations; /* violations kept per report (an NDJSON record is
                              a report; default 1000); the rest become one
                              notice that counts them */
    double timeout;        /* seconds to check one report (or NDJSON record),
                              reading and parsing it included; 0: no limit.
                              A report that takes longer gets a `timeout`
                              notice where it stopped, and what remains of it
                              is not checked */
    /* Since version 2: */
    size_t max_memory; /* bytes one report (or NDJSON record) may hold while
                          it is checked: its text, its tree, the evaluations'
                          scratch and result lists, the violations kept for
                          it (default 2 GiB). A report that needs more gets a
                          `memory` notice where it stopped, and what remains
                          of it is not checked */
} rl_check_opts;

/* Every option at its default: rl_check_opts o = RL_CHECK_OPTS_INIT; then
 * set the fields wanted (fields added in later versions stay defaults). */
/* clang-format off */
#define RL_CHECK_OPTS_INIT {.version = RL_CHECK_OPTS_VERSION}
/* clang-format on */

#define RL_UNLIMITED ((size_t)-1)
/* The hard maximum of max_depth. Nothing in the engine recurses on a
 * document's depth (reader, JSONPath, writers, equality), and what is
 * bounded by it instead (JSON Schema evaluation stops at 4096 nested
 * evaluations) is safe on an 8 MB stack, the default of the main thread
 * and of every thread the engine starts. */
#define RL_MAX_DEPTH_LIMIT 100000u
#define RL_DEFAULT_MAX_STRING ((size_t)16 << 20)
#define RL_DEFAULT_MAX_SIZE ((size_t)256 << 20)
#define RL_DEFAULT_MAX_VIOLATIONS ((size_t)1000)
#define RL_DEFAULT_MAX_MEMORY ((size_t)2 << 30)

/* A rule's severity for one check: an rl_severity, or RL_SEVERITY_OFF
 * (the rule does not run: as --skip, not counted in the summary). */
#define RL_SEVERITY_OFF (-1)
typedef struct rl_rule_severity {
    const char *rule; /* a rule id */
    int severity;     /* an rl_severity, or RL_SEVERITY_OFF */
} rl_rule_severity;

/* Locales that numbers and dates held as strings are read in: en, vi, id,
 * ru, nb. A BCP 47 tag's language subtag decides (vi-VN is vi; no is nb).
 * Returns 0 when tag names a supported locale, else -1 with err's message
 * ("unknown locale 'vn' (did you mean 'vi'? supported: ...)"). A report
 * whose locale (report.locale, else opts->locale) is unknown is not
 * checked: it gets one `input` violation instead. */
RL_API int rl_locale_check(const char *tag, rl_error *err);

/* The languages messages are written in: "en", "vi", "id", "ru", "nb"
 * (NULL-terminated). */
RL_API const char *const *rl_langs(void);
/* The language code for a code or locale name ("vi", "vi_VN.UTF-8",
 * "nb_NO", "no_NO" -> "nb"), or NULL when it is none of rl_langs() ("C",
 * "POSIX", "fr_FR"). */
RL_API const char *rl_lang_match(const char *name);

/* One figure behind a violation (actual, expected, due, ...). */
typedef enum rl_fig_type {
    RL_FIG_NULL,
    RL_FIG_BOOL,
    RL_FIG_INT,
    RL_FIG_NUM,
    RL_FIG_STR
} rl_fig_type;

typedef struct rl_figure {
    const char *name;
    rl_fig_type type;
    int64_t i;     /* BOOL (0/1), INT */
    double d;      /* NUM (rounded for display by the writers, not here) */
    const char *s; /* STR; for numbers read from a report, the text as written (or NULL) */
} rl_figure;

typedef struct rl_violation {
    const char *file;
    const char *rule; /* rule id; "input" for unreadable or invalid reports */
    rl_severity severity;
    const char *pointer; /* RFC 6901 JSON Pointer of the blamed value ("" = the root) */
    unsigned line;       /* 1-based; 0 when unknown */
    unsigned column;     /* 1-based, Unicode code points; 0 when unknown */
    const char *message;
    const rl_figure *figures;
    size_t n_figures;
    /* The pointer with each array index replaced by the item's key where the
     * item has one ("/communes/code=26734/staff"; see rl_json_stable_pointer
     * in the docs): what baselines and SARIF fingerprints identify a
     * violation by, so inserting an item does not shift later ones. NULL:
     * the same as pointer. */
    const char *stable_pointer;
} rl_violation;

typedef struct rl_summary {
    size_t files;
    size_t rules;
    size_t evaluations;
    size_t passed;
    size_t failed;
    size_t not_applicable;
    size_t errors;
    size_t warnings;
    size_t infos;
    /* Set by rl_result_filter (suppressions and baselines): violations it
     * removed as suppressed, and as already in a baseline. */
    size_t suppressed;
    int baseline;          /* 1 once rl_result_set_baseline_fixed was called */
    size_t baseline_known; /* violations found in the baseline (removed) */
    size_t baseline_fixed; /* baseline entries no longer found */
} rl_summary;

typedef struct rl_result rl_result;

RL_API rl_result *rl_result_new(void);
RL_API void rl_result_free(rl_result *res);

/* Check one report file against rules, adding to res. An unreadable
 * or invalid file becomes an `input` violation, not a failure: the return
 * value is nonzero only for a misuse (rules with diagnostics, an opts of
 * an unknown version, no memory); opts may be NULL (every default).
 * A name ending in .ndjson or .jsonl is read one record (line) at a time,
 * in bounded memory: each record is a report; blank lines are skipped; a
 * line that is not JSON is an `input` violation and the next lines are
 * still checked. Its violations carry the file's line and column and a
 * pointer within the record. */
RL_API int rl_check_file(const rl_rules *rules, const rl_check_opts *opts, const char *path,
                         rl_result *res);
/* Check a report held in memory; name is the file name shown in output. */
RL_API int rl_check_buffer(const rl_rules *rules, const rl_check_opts *opts, const char *name,
                           const char *json, size_t len, rl_result *res);

RL_API size_t rl_result_count(const rl_result *res);
RL_API const rl_violation *rl_result_violation(const rl_result *res, size_t i);
RL_API const rl_summary *rl_result_summary(const rl_result *res);
/* Streaming: fn is called with each violation as soon as it is added to
 * res — in check order, before any rl_result_sort — on the thread doing
 * the check. The rl_violation pointer is valid during the call only (its
 * strings live as long as res). fn NULL removes the listener. */
typedef void (*rl_violation_fn)(const rl_violation *v, void *user);
RL_API void rl_result_on_violation(rl_result *res, rl_violation_fn fn, void *user);

/* keep 0: violations are handed to the listener and not stored (their
 * strings are valid during the call only); the summary still counts them
 * and rl_result_count stays 0, so memory does not grow with them. keep 1
 * (the default): stored. */
RL_API void rl_result_keep(rl_result *res, int keep);
/* Append what src holds — its files, counts and violations, in check
 * order (before any rl_result_sort(src)) — to dst, as if they had been
 * checked into dst: dst's listener sees each violation. For checks run
 * on other threads, each into its own result, merged in a fixed order. */
RL_API int rl_result_merge(rl_result *dst, const rl_result *src);

/* ---- collection rules (cross-report checks) ------------------------- */

/* Rules with "scope": "collection" run over every report checked into a
 * result, grouped by their `group`, after the last one (docs/cross-report.md).
 * Checking keeps only what they need (totals, counts, the nodes `each`
 * selects, `unique` keys) in the result; rl_result_judge then runs them and
 * adds their violations — placed in the reports' own files and lines, or
 * at the rule for a group as a whole — and their counts. Call it once, after
 * the last rl_check_*, with the same rules and options; without collection
 * rules it does nothing. Returns 0, or -1 on OOM or an unknown opts->lang. */
RL_API int rl_result_judge(const rl_rules *rules, const rl_check_opts *opts, rl_result *res);
/* The number of collection rules loaded. */
RL_API size_t rl_rules_collection_count(const rl_rules *rules);

/* ---- results across processes (reportlint.dask) ---------------------- */

/* Check NDJSON records held in memory that are a slice of the file name,
 * beginning at its line first_line (1-based; 0 means 1): violations carry
 * the file's line numbers. The results of a file's slices, checked apart
 * (on other processes or machines) and loaded in order with
 * rl_result_load, are the result of checking the whole file. */
RL_API int rl_check_ndjson_slice(const rl_rules *rules, const rl_check_opts *opts, const char *name,
                                 unsigned first_line, const char *text, size_t len, rl_result *res);
/* res — its files with their counts, its violations with their figures
 * exactly, the language — as JSON text (malloc'd; *len its length, may be
 * NULL), to carry a result to another process. NULL on OOM. A result whose
 * violations were not kept (rl_result_keep 0) dumps its counts only. */
RL_API char *rl_result_dump(const rl_result *res, size_t *len);
/* Append a dumped result to res, as rl_result_merge appends a result. A
 * file named as res's last file continues it (its counts are added; it is
 * not counted again): one file checked in slices counts once. Returns 0, or
 * -1 with err (line and column in text) for text that is not a dump. */
RL_API int rl_result_load(rl_result *res, const char *text, size_t len, rl_error *err);
/* Partial states (--partial, `reportlint merge`): the collection state of
 * res as NDJSON (schemas/partial-state.schema.json): a header line naming
 * the format version and the rules' hash, then a line per (rule, group).
 * Written instead of judging; shards checked separately and read back into
 * one result give, once judged, the violations of one run over all inputs. */
RL_API int rl_result_write_partial(const rl_result *res, const rl_rules *rules, FILE *out);
/* Read a partial state (text of len bytes; name for messages) into res,
 * adding it to what res holds. Returns 0; -1 with err (line, column, and a
 * message) for a malformed state or one written with other rules ("written
 * by another rule set version"). res is unchanged on error. */
RL_API int rl_result_read_partial(rl_result *res, const rl_rules *rules, const char *name,
                                  const char *text, size_t len, rl_error *err);

/* Per-rule results: every rule that ran in the checks into res (or was
 * set to run: a rule whose reports could not be read is there with zero
 * evaluations), in load order, with where it is defined and its counts.
 * An evaluation is one rule on one `each` node (an `each` that selects
 * nothing counts one, not applicable). */
typedef struct rl_rule_result {
    const char *id;
    const char *kind;
    const char *title;       /* may be NULL */
    const char *description; /* may be NULL */
    const char *ruleset;
    const char *file;      /* the rule set's file */
    const char *pointer;   /* JSON Pointer of the rule in that file ("/rules/3";
                                "" when it has none: the report-schema rule) */
    rl_severity severity;  /* in this check (severity overrides applied) */
    unsigned line, column; /* where the rule is defined; 0 when unknown */
    size_t evaluations, passed, failed, not_applicable;
    size_t timed_out; /* reports whose check --timeout stopped in this
                                rule (what it cut short counts not applicable) */
} rl_rule_result;

RL_API size_t rl_result_rule_count(const rl_result *res);
/* Rule i (0 <= i < rl_result_rule_count), or NULL. */
RL_API const rl_rule_result *rl_result_rule(const rl_result *res, size_t i);
/* Add a notice (rule "rule-never-applied", severity info, at the rule in
 * its rule-set file) for every rule of res that never applied — no
 * evaluation passed or failed, and --timeout never stopped it (timed_out
 * 0: it has its `timeout` notice) — in the whole run: call it once, after
 * the last check and merge, before filtering and writing. lang: the
 * language of the messages (as rl_check_opts.lang; NULL: the one res was
 * checked in). Returns the number of notices added, or -1. */
RL_API int rl_result_note_unapplied(rl_result *res, const char *lang);

/* Highest severity of any violation, or -1 when there is none. */
RL_API int rl_result_max_severity(const rl_result *res);
/* Sort violations by file, line, column, rule (stable). */
RL_API void rl_result_sort(rl_result *res);

/* What rl_result_filter does with one violation. */
typedef enum rl_verdict {
    RL_VERDICT_KEEP = 0,     /* stays, counts */
    RL_VERDICT_SUPPRESS = 1, /* removed; counted in summary.suppressed */
    RL_VERDICT_BASELINE = 2  /* removed; counted in summary.baseline_known */
} rl_verdict;

/* Ask decide about every violation, in order, and remove those it does not
 * keep; the per-severity counts follow. Evaluation counts do not change. */
RL_API void rl_result_filter(rl_result *res, rl_verdict (*decide)(const rl_violation *v, void *ctx),
                             void *ctx);
/* Record that a baseline was applied and how many of its entries were not
 * found (fixed); the summary then shows the baseline's counts. */
RL_API void rl_result_set_baseline_fixed(rl_result *res, size_t fixed);

/* A fingerprint of a violation's figures: 16 lowercase hex digits and a
 * NUL. It depends only on the figures' names and values (numbers by value:
 * 6, 6.0 and 6e0 are the same), not on their order, the message, the line
 * or the column; the figures that change with the day of the run rather
 * than with the report (as_of, days_late) are left out. Stable across runs,
 * platforms and versions of the format (FNV-1a 64 over a canonical text). */
#define RL_FINGERPRINT_SIZE 17
RL_API void rl_violation_fingerprint(const rl_violation *v, char out[RL_FINGERPRINT_SIZE]);

/* ---- output ---------------------------------------------------------- */

typedef enum rl_format {
    RL_FORMAT_TEXT,   /* gcc-style lines grouped by file, then summaries */
    RL_FORMAT_JSON,   /* one object, shaped by schemas/output.schema.json */
    RL_FORMAT_NDJSON, /* one violation object per line, then {"summary": ...} */
    RL_FORMAT_SARIF,  /* SARIF 2.1.0 (GitHub code scanning) */
    RL_FORMAT_JUNIT,  /* JUnit XML: a testsuite per file, a testcase per rule */
    RL_FORMAT_GITHUB, /* GitHub Actions workflow commands (::error ...) */
    RL_FORMAT_HTML    /* one self-contained HTML page */
} rl_format;

/* Parse a format name (see rl_format_names); returns 0 and sets *out, or -1. */
RL_API int rl_format_parse(const char *name, rl_format *out);
/* The format names, comma-separated: "text, json, ndjson, ...". */
RL_API const char *rl_format_names(void);

typedef struct rl_write_opts {
    unsigned int version; /* RL_WRITE_OPTS_VERSION (RL_WRITE_OPTS_INIT sets it) */
    int color;     /* text: ANSI colours (the caller decides: a terminal, NO_COLOR, --color) */
    int verbosity; /* text: -1 violation lines only, 0 normal, 1 also per-file counts and
                      every rule's evaluations */
    unsigned jobs; /* threads formatting the violations (0 or 1: the calling thread
                      only); the bytes written are the same whatever it is */
} rl_write_opts;

/* No colour, normal verbosity, one thread. */
/* clang-format off */
#define RL_WRITE_OPTS_INIT {.version = RL_WRITE_OPTS_VERSION}
/* clang-format on */

/* Write res in a format to out. The rules that ran, with their counts and
 * where they are defined, come from the result (rl_result_rule); rules is
 * not read (kept for compatibility; may be NULL). opts may be NULL; one of
 * an unknown version is refused (-1). Messages are already in
 * the language they were checked in; the text summary line is written in
 * that language too (English when nothing was checked). Violations are written
 * in result order (call rl_result_sort first for file/line order). */
RL_API int rl_write_ex(FILE *out, rl_format format, const rl_result *res, const rl_rules *rules,
                       const rl_write_opts *opts);
/* rl_write_ex with default options (no colour, normal verbosity, every rule). */
RL_API int rl_write(FILE *out, rl_format format, const rl_result *res, const rl_rules *rules);

/* The line-oriented formats (ndjson, github) piece by piece, for streaming
 * with rl_result_on_violation: one violation's line(s), then the closing
 * summary. Return -1 for other formats or a write error. */
RL_API int rl_write_violation(FILE *out, rl_format format, const rl_violation *v);
RL_API int rl_write_summary(FILE *out, rl_format format, const rl_result *res);

/* ---- tools for rule authors ----------------------------------------- */

/* Evaluate an expression against a JSON document (`reportlint eval`).
 * rules (may be NULL) supplies parameters (those of its first rule set,
 * with --param overrides); doc may be NULL (evaluated against null);
 * strings are read in the document's report.locale, else locale (may be
 * NULL), else the rule set's, else en. Returns 0 and stores a malloc'd JSON text of the
 * value in *json_out; -1 when the expression or the document is invalid;
 * 1 when evaluation failed (overflow, a string that is not a number...). */
RL_API int rl_eval_json(const char *expr, const char *doc, size_t doc_len, const rl_rules *rules,
                        const char *locale, char **json_out, rl_error *err);

/* Select nodes with a JSONPath (`reportlint path`): a malloc'd JSON array
 * of the nodes, or with paths != 0 of their normalized paths. */
RL_API int rl_select_json(const char *jsonpath, const char *doc, size_t doc_len, int paths,
                          char **json_out, rl_error *err);

/* Where `eval` and `path` look, and how (start from RL_TOOL_OPTS_INIT;
 * every other field is optional). The document is read as a check reads
 * it: the same rule set parameters, report.locale/--locale, and as_of (the
 * rule set's `as_of` param evaluated on the report, else today), so that
 * a value printed here is the value a rule sees. */
typedef struct rl_tool_opts {
    unsigned int version; /* RL_TOOL_OPTS_VERSION (RL_TOOL_OPTS_INIT sets it) */
    const char *name;     /* the document's file name; a .ndjson/.jsonl name holds
                           one report per line (then record is required) */
    size_t record;        /* the record (1-based, blank lines not counted) of an
                           NDJSON document; 0: the document is one report */
    const char *at;       /* a JSON Pointer: @ is that node (NULL or "": the root) */
    const char *locale;   /* --locale: for reports without report.locale */
    int paths;            /* path: normalized paths instead of the nodes */
    int positions;        /* path: {"pointer","path","line","column","value"} objects */
    unsigned max_depth;   /* JSON nesting limit, as rl_check_opts.max_depth (0: the
                           default, 1000; at most RL_MAX_DEPTH_LIMIT) */
} rl_tool_opts;

/* clang-format off */
#define RL_TOOL_OPTS_INIT {.version = RL_TOOL_OPTS_VERSION}
/* clang-format on */

/* Evaluate expr against a report (`reportlint eval`), in the context of
 * rules' first rule set (rules may be NULL: no parameters). doc NULL is
 * null. Returns as rl_eval_json; an `as_of` param that is not a date on
 * this report is an evaluation failure (1). */
RL_API int rl_eval_report(const rl_rules *rules, const rl_tool_opts *opts, const char *expr,
                          const char *doc, size_t doc_len, char **json_out, rl_error *err);
/* Select nodes with a JSONPath (`reportlint path`): a malloc'd JSON array
 * of the nodes (or what opts asks for). -1 for an invalid path, document,
 * record or pointer. */
RL_API int rl_select_report(const rl_tool_opts *opts, const char *jsonpath, const char *doc,
                            size_t doc_len, char **json_out, rl_error *err);

#ifdef __cplusplus
}
#endif

#endif
