/* cli.h — the reportlint command line: shared option state and the entry
 * points of each command (lint, rules, eval, path). Uses only reportlint.h. */
#ifndef RL_CLI_H
#define RL_CLI_H

#include "reportlint_util.h"

#include <stddef.h>

#define CLI_USAGE_ERROR 2

typedef struct cli_strings {
    const char **items;
    size_t n;
} cli_strings;

typedef struct cli_trust cli_trust; /* the trust boundary (cli_trust.c) */

typedef struct cli_opts {
    cli_strings rules;       /* -r */
    cli_strings schemas;     /* -s: JSON Schemas every report must satisfy */
    cli_strings schema_maps; /* --schema-map URL=DIR */
    int format_assert;       /* --format-assert */
    cli_strings inputs;      /* files, directories, - */
    cli_strings params;      /* NAME=VALUE: the config's params first, then --param */
    cli_strings param_files; /* NAME=FILE: the config's param-files first, then --param-file */
    size_t n_config_params, n_config_param_files; /* how many came from the config */
    cli_strings only, skip;
    const char *format; /* -f */
    const char *output; /* -o */
    const char *as_of;
    const char *locale;
    const char *lang;
    int fail_on; /* severity, or 3 for never */
    int jobs;
    unsigned max_depth;
    int paths;      /* path --paths */
    int positions;  /* path --positions */
    const char *at; /* eval/path --at POINTER */
    size_t record;  /* eval/path --record N (0: none) */
    int color;      /* --color: CLI_COLOR_AUTO, _ALWAYS or _NEVER */
    int verbosity;  /* -q: -1, default 0, -v: 1 */
    /* the configuration file and baselines (cli_config.h) */
    const char *config;         /* --config FILE */
    int no_config;              /* --no-config */
    const char *baseline;       /* --baseline FILE */
    const char *write_baseline; /* --write-baseline FILE */
    int fail_on_set;            /* --fail-on was given: it wins over the config */
    /* limits (cli_limits.c), as rl_check_opts takes them: 0 the default,
     * RL_UNLIMITED none */
    size_t max_string, max_size, max_violations;
    size_t max_memory;    /* --max-memory: what one report may hold while checked */
    size_t max_file_size; /* --max-file-size: rule sets, schemas, $refs, reference files, config */
    cli_strings allow_outside; /* --allow-outside PATH */
    cli_trust *trust;          /* what may be read: built by cli_parse from the command line */
    double timeout;            /* seconds; 0: none */
    const char *partial;       /* --partial FILE: write the collection state there */
    int merge;                 /* `reportlint merge`: inputs are partial states */
} cli_opts;

enum { CLI_COLOR_AUTO, CLI_COLOR_ALWAYS, CLI_COLOR_NEVER };

/* Parse argv[first..argc) into opts. Returns 0, 1 when --help/--version
 * was handled, or CLI_USAGE_ERROR after printing the problem. */
int cli_parse(int argc, char **argv, int first, cli_opts *opts, const char *command);
void cli_opts_free(cli_opts *opts);
/* The index in argv of the first argument that is not an option or an
 * option's value (so that options may come before a command word), or 0. */
int cli_command_index(int argc, char **argv);
int cli_push(cli_strings *list, const char *s);

/* Option values of the limits (cli_limits.c): 0, or CLI_USAGE_ERROR after
 * printing what flag expects. A value of 0 becomes RL_UNLIMITED. */
int cli_parse_size_opt(const char *flag, const char *arg, size_t *out);
int cli_parse_count_opt(const char *flag, const char *arg, size_t *out);
int cli_parse_seconds_opt(const char *flag, const char *arg, double *out);
/* The size limits in effect: --max-size (reports, NDJSON records,
 * baselines, eval/path inputs) and --max-file-size (rule sets, schemas,
 * $refs, reference files, the configuration), their defaults when not
 * given; RL_UNLIMITED for 0. */
size_t cli_report_limit(const cli_opts *o);
size_t cli_file_limit(const cli_opts *o);

/* Split "A,B,C" into list items (the argument string is kept). */
int cli_push_csv(cli_strings *list, char *csv);

/* Load rule sets (-r, or the bundled ones) with --param/--as-of applied;
 * prints diagnostics to stderr. Returns NULL when anything is wrong.
 * quiet_ok: no -r and no bundled rules is no rule set, not an error. */
rl_rules *cli_load_rules(const cli_opts *opts, int quiet_ok);

/* The directory of bundled rule sets, or NULL. */
const char *cli_bundled_rules(char *buf, size_t size);
/* The directory of bundled schemas (schemas/ in a build tree,
 * PREFIX/share/reportlint/schemas when installed), or NULL. */
const char *cli_bundled_schemas(char *buf, size_t size);
/* A rules object with the schema options (--schema-map, --format-assert,
 * the bundled metaschemas) set; NULL after printing why. */
rl_rules *cli_new_rules(const cli_opts *opts);
/* Print the rules' diagnostics to stderr as FILE:LINE:COL lines, and what
 * they mean for what: "in the rule sets" and the like. */
void cli_print_diags(const rl_rules *rules, const char *what);
/* Print the rules' warnings (they do not stop a check) to stderr. */
void cli_print_warnings(const rl_rules *rules);

/* The language of messages (cli_lang.c): --lang, else LC_ALL, LC_MESSAGES,
 * LANG, else "en". Returns 0, or CLI_USAGE_ERROR (printed) for an unknown
 * --lang. */
int cli_pick_lang(const cli_opts *opts, const char **lang);

/* ---- cli_trust.c: the CI trust boundary ---- */

/* The roots of what a run may read, from the command line as parsed (the
 * configuration's paths are never roots). NULL when out of memory. */
cli_trust *cli_trust_new(const cli_opts *o);
void cli_trust_free(cli_trust *t);
/* Allow the directory of the configuration file found or given. */
int cli_trust_add_dir_of(cli_trust *t, const char *file);
/* 0 when path may be read (or t is NULL); else -1 with the reason in why. */
int cli_trust_check(const cli_trust *t, const char *path, char *why, size_t size);
/* The same as the library's rl_file_allow_fn (ctx: the cli_trust); records
 * every rule set, schema and reference file read. */
int cli_trust_allow(void *ctx, rl_file_kind kind, const char *path, const char *real, char *why,
                    size_t size);
/* The realpaths of the rule sets, schemas and reference files read so far. */
const cli_strings *cli_trust_read(const cli_trust *t);

/* Expand files and directories into the list of reports to check. */
/* Directories that resolve outside the trust boundary (trust may be NULL)
 * are not walked (their entries' names would show in the output) but
 * listed, to be refused as inputs. */
int cli_expand_inputs(const cli_strings *args, const cli_trust *trust, cli_strings *files);

int cli_lint(int argc, char **argv);
/* `reportlint merge -r RULES PARTIAL...` (cli_lint.c). */
int cli_merge(int argc, char **argv);
int cli_rules(int argc, char **argv);
/* `rules test [PATH...]` (cli_rules_test.c): run rule sets' examples;
 * 0 all passed, 1 one failed, CLI_USAGE_ERROR a malformed example file. */
int cli_rules_test(const cli_opts *o);
int cli_eval(int argc, char **argv);
int cli_path(int argc, char **argv);
int cli_schema(int argc, char **argv);
/* `rules check`: hold the rule-set files of paths (none: the bundled
 * rules) to schemas/ruleset.schema.json; errors printed as FILE:LINE:COL.
 * Returns how many, or -1 when the check could not run. */
int cli_rules_schema_check(const cli_opts *o, const cli_strings *paths);

void cli_usage(FILE *out);

#endif
