/* cli_config.h — the configuration file (.reportlint.json), suppressions
 * and baselines: how the lint command reads them and what it takes from
 * them. Uses only reportlint.h (through cli.h).
 *
 *   cli_config.c        finding and reading the file; merging it into cli_opts
 *   cli_config_read.c   checking every key, with file:line:column problems
 *   cli_paths.c         paths relative to the file that names them
 *   cli_policy.c        per-file settings (overrides), suppressions, exit status
 *   cli_baseline.c      writing and applying baselines
 *
 * Precedence: the command line, then the last matching override, then the
 * file's top level, then the rule sets. */
#ifndef RL_CLI_CONFIG_H
#define RL_CLI_CONFIG_H

#include "cli.h"

#define CLI_CONFIG_NAME ".reportlint.json"
#define CLI_FAIL_NEVER 3 /* --fail-on never, as cli_opts.fail_on holds it */
#define CLI_UNSET (-2)   /* a severity or fail-on the file does not set */

typedef struct cli_where {
    unsigned line, column;
} cli_where;

/* One "severity" entry: a rule id and an rl_severity or RL_SEVERITY_OFF. */
typedef struct cli_severity {
    const char *rule;
    int severity;
    cli_where at;
} cli_severity;

typedef struct cli_severities {
    cli_severity *items;
    size_t n;
} cli_severities;

/* One "overrides" entry: settings for the files its globs match. */
typedef struct cli_override {
    cli_strings files;  /* globs, relative to the config file */
    const char *locale; /* NULL: not set */
    cli_severities severity;
    int fail_on; /* CLI_UNSET, an rl_severity or CLI_FAIL_NEVER */
} cli_override;

/* One "suppress" entry; NULL globs match everything. */
typedef struct cli_suppress {
    const char *rule;    /* a rule id or a glob of ids */
    const char *files;   /* a glob relative to the config file */
    const char *pointer; /* a glob of JSON Pointers */
    const char *reason;  /* required, never empty */
    cli_where rule_at;
} cli_suppress;

typedef struct cli_problem {
    cli_where at;
    char *message;
} cli_problem;

typedef struct cli_config {
    char *path;          /* the file as found or given (shown in messages) */
    char *dir;           /* its directory, for joining its paths ("": here) */
    char *dir_abs;       /* the same, absolute (for globs) */
    rl_jdoc *doc;        /* owns the strings the fields below point to */
    cli_strings rules;   /* joined paths (malloc'd) */
    cli_strings schemas; /* joined paths (malloc'd): -s unless given */
    const char *locale, *lang;
    int fail_on;             /* CLI_UNSET, an rl_severity or CLI_FAIL_NEVER */
    cli_strings params;      /* "NAME=VALUE" (malloc'd) */
    cli_strings param_files; /* "NAME=PATH", the path joined (malloc'd) */
    cli_severities severity;
    cli_override *overrides;
    size_t n_overrides;
    cli_suppress *suppress;
    size_t n_suppress;
    char *baseline;    /* joined path (malloc'd), or NULL */
    int problems;      /* found while reading and checking ids */
    cli_problem *msgs; /* not printed yet (cli_config_flush) */
    size_t n_msgs;
} cli_config;

/* ---- cli_config.c ---- */

/* Find (or take --config) and read the configuration, and merge it into
 * o: rules, schemas (unless -s), lang, params (before the command line's, which win), fail-on
 * (unless --fail-on), baseline (unless --baseline). *out is NULL when
 * there is no file (or --no-config). Returns 0, or CLI_USAGE_ERROR after
 * printing every problem. */
int cli_config_load(cli_opts *o, cli_config **out);
void cli_config_free(cli_config *c);
/* The rule ids the file names must be loaded ("input" may be suppressed).
 * Returns 0, or CLI_USAGE_ERROR after printing each unknown id. */
int cli_config_check_ids(cli_config *c, const rl_rules *rules);

/* ---- cli_config_read.c ---- */

/* Check and read every key of the parsed document into c; problems are
 * printed as FILE:LINE:COL and counted in c->problems. */
void cli_config_read(cli_config *c);
/* Print the problems found so far, sorted by position, as
 * FILE:LINE:COL: error MESSAGE. */
void cli_config_flush(cli_config *c);
/* Record a problem at a node (NULL: the file). */
void cli_config_problem(cli_config *c, const rl_jnode *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void cli_config_problem_at(cli_config *c, cli_where at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- cli_paths.c ---- */

char *cli_path_dirname(const char *path);
/* path joined to dir (path itself when absolute or dir is ""). */
char *cli_path_join(const char *dir, const char *path);
char *cli_path_absolute(const char *path);
/* path relative to an absolute directory: "a/b.json", "../x.json", "."; "-" stays. */
char *cli_path_relative(const char *base_dir_abs, const char *path);

/* Paths relative to one directory, remembering the last file asked about
 * (violations come sorted by file, so most lookups are repeats). */
typedef struct cli_relcache {
    const char *base_abs;
    char *file, *rel;
} cli_relcache;
/* The path of file relative to base_abs; owned by the cache. */
const char *cli_relcache_get(cli_relcache *c, const char *file);
void cli_relcache_free(cli_relcache *c);

/* ---- cli_policy.c ---- */

typedef struct cli_policy cli_policy;

/* The settings for one run of the lint command: the config (may be NULL),
 * the options, and the baseline to read or write. Reads the baseline
 * (--baseline or the config's) now, so that a broken one stops before
 * anything is checked. NULL after printing a problem. */
cli_policy *cli_policy_new(const cli_opts *o, cli_config *cfg);
void cli_policy_free(cli_policy *p);
/* The check options for one file: base with the locale and the severities
 * of the config and its matching overrides. Valid until the next call. */
const rl_check_opts *cli_policy_file_opts(cli_policy *p, const char *file,
                                          const rl_check_opts *base);
/* After checking: remove suppressed violations, then write the baseline
 * (--write-baseline) or remove the violations it knows. files: the
 * reports checked. Returns 0, or -1 after printing why. */
int cli_policy_apply(cli_policy *p, rl_result *res, const cli_strings *files);
/* 1 when cli_policy_apply may remove or record violations (suppressions,
 * a baseline): then output cannot be streamed while checking. */
int cli_policy_filters(const cli_policy *p);
/* 0 or 1: a remaining violation at or above its file's fail-on (0 after
 * --write-baseline). */
int cli_policy_exit_status(cli_policy *p, const rl_result *res);
/* 1 when this violation alone makes the exit status 1 (--fail-on and the
 * file's overrides), for violations that are streamed and not kept. */
int cli_policy_violation_fails(cli_policy *p, const rl_violation *v);

/* -j (cli_jobs.c): the number of threads, the cores when -j is not given. */
unsigned cli_jobs(const cli_opts *o);
/* Check files in order into res on jobs threads; res ends up as with one
 * thread. Returns 0, or -1 (printed) on OOM. */
int cli_check_files(const rl_rules *rules, const rl_check_opts *copts, const char *const *files,
                    size_t n, unsigned jobs, rl_result *res, cli_policy *pol);

/* ---- cli_baseline.c ---- */

typedef struct cli_baseline cli_baseline;

/* Read a baseline file; NULL after printing the problem (FILE:LINE:COL). */
/* max: the most bytes read (cli_report_limit). */
cli_baseline *cli_baseline_read(const char *path, size_t max);
void cli_baseline_free(cli_baseline *b);
/* Remove the violations the baseline knows from res and record how many
 * of its entries for the files checked were not found (fixed). */
int cli_baseline_apply(cli_baseline *b, rl_result *res, const cli_strings *files);
/* Write res's violations as a baseline, atomically. 0, or -1 after
 * printing why. */
int cli_baseline_write(const char *path, const rl_result *res);

/* ---- cli_outputs.c ---- */

/* -o and --write-baseline may not name a file the run reads (the reports
 * in files, rule sets, schemas, the config, the baseline, and extra: other
 * files read, may be NULL), nor each other. Returns 0, or CLI_USAGE_ERROR
 * after printing which. */
int cli_check_outputs(const cli_opts *o, const cli_config *cfg, const cli_strings *files,
                      const cli_strings *extra);

/* ---- cli_atomic.c ---- */

/* A file being written atomically: a temporary file beside it, renamed
 * into place by cli_atomic_close only when everything was written — or,
 * for a device, FIFO or the process's stdout/stderr, written in place. */
typedef struct cli_atomic {
    FILE *f;          /* write here */
    const char *path; /* the file's name (not owned) */
    char *target; /* the regular file renamed over (path, or a symlink's target); NULL: in place */
    char *tmp;    /* the temporary file's name; NULL: in place */
} cli_atomic;

/* Both return 0, or -1 after printing why. Close with ok 0 removes the
 * temporary file and leaves path as it was. */
int cli_atomic_open(cli_atomic *a, const char *path);
int cli_atomic_close(cli_atomic *a, int ok);

/* Write a file atomically: fn writes the content and returns 0. Returns
 * 0, or -1 after printing why. */
int cli_write_atomic(const char *path, int (*fn)(FILE *out, const void *ctx), const void *ctx);

#endif
