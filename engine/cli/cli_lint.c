/* cli_lint.c — the default command: check reports and print violations.
 *
 * Loads the rule sets (exit 2 if any is invalid: nothing is checked),
 * checks every input in order (a broken file is an `input` violation, the
 * others are still checked), writes the chosen format to stdout or, with
 * -o, to a temporary file renamed into place, and sets the exit status
 * from --fail-on. The configuration file, suppressions and baselines
 * (cli_config.h) hook in before loading, per file, and after checking.
 * -f ndjson is streamed — each violation line written (and flushed, on
 * stdout) as soon as it is found, and not kept, so memory does not grow
 * with a large NDJSON input — unless suppressions or a baseline must see
 * every violation first. -j N checks on N threads (cli_jobs.c) with the
 * same output as one. */
#include "cli_config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct output {
    cli_atomic file; /* with -o */
    FILE *f;         /* stdout or file.f */
    int to_file;
    int failed;      /* a streamed write failed */
    cli_policy *pol; /* streaming: for the exit status of violations not kept */
    int fails;       /* a streamed violation makes the exit status 1 */
} output;

static int output_open(const cli_opts *o, output *out)
{
    memset(out, 0, sizeof *out);
    out->f = stdout;
    if (!o->output)
        return 0;
    if (cli_atomic_open(&out->file, o->output) != 0)
        return -1;
    out->to_file = 1;
    out->f = out->file.f;
    return 0;
}

/* Flush stdout, or rename the temporary file into place (removed instead
 * when anything failed). */
static int output_close(output *out, int ok)
{
    ok = ok && !out->failed;
    if (out->to_file)
        return cli_atomic_close(&out->file, ok);
    ok = ok && fflush(stdout) == 0;
    if (!ok)
        fprintf(stderr, "reportlint: cannot write the output: %s\n", strerror(errno ? errno : EIO));
    return ok ? 0 : -1;
}

/* -f ndjson: each violation is written the moment the check finds it. */
static void stream_violation(const rl_violation *v, void *user)
{
    output *out = user;
    if (cli_policy_violation_fails(out->pol, v))
        out->fails = 1;
    if (out->failed)
        return;
    if (rl_write_violation(out->f, RL_FORMAT_NDJSON, v) != 0 ||
        (!out->to_file && fflush(out->f) != 0))
        out->failed = 1;
}

/* Colours: --color always/never, else only on a terminal whose TERM is not
 * "dumb", and not when NO_COLOR is set to anything (https://no-color.org). */
static int use_color(const cli_opts *o)
{
    if (o->color != CLI_COLOR_AUTO)
        return o->color == CLI_COLOR_ALWAYS;
    const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");
    if (o->output || (no_color && no_color[0]) || (term && strcmp(term, "dumb") == 0))
        return 0;
    return isatty(STDOUT_FILENO);
}

/* merge: read every partial state into res; a malformed one, or one of
 * other rules, is a usage error naming FILE:LINE:COL (nothing is judged). */
static int read_partials(const cli_opts *o, const rl_rules *rules, const cli_strings *files,
                         rl_result *res)
{
    for (size_t i = 0; i < files->n; i++) {
        rl_error err;
        char *text = NULL, why[300];
        size_t len = 0;
        if (cli_trust_check(o->trust, files->items[i], why, sizeof why) != 0) {
            fprintf(stderr, "reportlint: %s: cannot open: %s\n", files->items[i], why);
            return -1;
        }
        if (rl_read_file_max(files->items[i], &text, &len, cli_report_limit(o), &err) != 0) {
            fprintf(stderr, "reportlint: %s: %s\n", files->items[i], err.message);
            return -1;
        }
        int rc = rl_result_read_partial(res, rules, files->items[i], text, len, &err);
        free(text);
        if (rc != 0) {
            fprintf(stderr, "reportlint: %s\n", err.message);
            return -1;
        }
    }
    return 0;
}

/* --partial FILE: the collection state, written atomically. */
static int write_partial(const char *path, const rl_rules *rules, const rl_result *res)
{
    cli_atomic a;
    if (cli_atomic_open(&a, path) != 0)
        return -1;
    int ok = rl_result_write_partial(res, rules, a.f) == 0;
    if (!ok)
        fprintf(stderr, "reportlint: --partial %s: cannot write the state\n", path);
    return cli_atomic_close(&a, ok);
}

typedef struct lint_run {
    const cli_opts *o;
    const rl_rules *rules;
    const char *lang;
    rl_format fmt;
    cli_policy *pol;
} lint_run;

/* Check every file, apply suppressions and the baseline, and write the
 * report: streamed ndjson closes with its summary; the other formats are
 * written once, sorted by file and position. *fails: 1 or 0 when streamed
 * violations decided the exit status, else -1. */
static int check_and_write(const lint_run *r, const cli_strings *files, rl_result *res, int *fails)
{
    const cli_opts *o = r->o;
    rl_check_opts copts = RL_CHECK_OPTS_INIT;
    copts.locale = o->locale;
    copts.lang = r->lang;
    copts.only = o->only.items;
    copts.n_only = o->only.n;
    copts.skip = o->skip.items;
    copts.n_skip = o->skip.n;
    copts.max_depth = o->max_depth;
    copts.max_string = o->max_string;
    copts.max_size = o->max_size;
    copts.max_violations = o->max_violations;
    copts.timeout = o->timeout;
    copts.max_memory = o->max_memory;
    output out;
    if (output_open(o, &out) != 0)
        return -1;
    int stream = r->fmt == RL_FORMAT_NDJSON && !cli_policy_filters(r->pol);
    out.pol = r->pol;
    if (stream) {
        rl_result_on_violation(res, stream_violation, &out);
        rl_result_keep(res, 0);
    }
    int ok = o->merge ? read_partials(o, r->rules, files, res) == 0
                      : cli_check_files(r->rules, &copts, files->items, files->n, cli_jobs(o), res,
                                        r->pol) == 0;
    if (ok && o->partial)
        ok = write_partial(o->partial, r->rules, res) == 0;
    else if (ok)
        ok = rl_result_judge(r->rules, &copts, res) == 0;
    if (ok && o->verbosity >= 0) /* -q: no rule-never-applied notices */
        ok = rl_result_note_unapplied(res, r->lang) >= 0;
    *fails = stream ? out.fails : -1;
    rl_result_on_violation(res, NULL, NULL);
    if (ok) {
        rl_result_sort(res);
        ok = cli_policy_apply(r->pol, res, files) == 0;
    }
    if (ok && stream) {
        ok = rl_write_summary(out.f, r->fmt, res) == 0;
    } else if (ok) {
        rl_write_opts wopts = {RL_WRITE_OPTS_VERSION, use_color(o), o->verbosity, cli_jobs(o)};
        ok = rl_write_ex(out.f, r->fmt, res, r->rules, &wopts) == 0;
    }
    return output_close(&out, ok);
}

static int check_only_ids(const rl_rules *rules, const cli_strings *ids, const char *flag)
{
    for (size_t i = 0; i < ids->n; i++) {
        if (!rl_rules_has(rules, ids->items[i])) {
            fprintf(stderr, "reportlint: %s: no loaded rule has the id '%s'\n", flag,
                    ids->items[i]);
            return -1;
        }
    }
    return 0;
}

static void free_files(cli_strings *files)
{
    for (size_t i = 0; i < files->n; i++)
        free((char *)files->items[i]);
    free(files->items);
}

/* The files to read: the reports (directories walked), or for merge the
 * partial states as given. */
static int inputs_of(const cli_opts *o, cli_strings *files)
{
    if (!o->merge)
        return cli_expand_inputs(&o->inputs, o->trust, files);
    for (size_t i = 0; i < o->inputs.n; i++) {
        char *copy = strdup(o->inputs.items[i]);
        if (!copy || cli_push(files, copy) != 0) {
            free(copy);
            return -1;
        }
    }
    return 0;
}

static int run(const cli_opts *o, rl_format fmt, const char *lang, cli_config *cfg)
{
    rl_rules *rules = cli_load_rules(o, 0);
    if (!rules)
        return CLI_USAGE_ERROR;
    int status = CLI_USAGE_ERROR;
    cli_strings files = {0};
    rl_result *res = rl_result_new();
    lint_run r = {o, rules, lang, fmt, NULL};
    int fails = -1;
    if (res && cli_config_check_ids(cfg, rules) == 0 && (r.pol = cli_policy_new(o, cfg)) != NULL &&
        check_only_ids(rules, &o->only, "--only") == 0 &&
        check_only_ids(rules, &o->skip, "--skip") == 0 && inputs_of(o, &files) == 0 &&
        cli_check_outputs(o, cfg, &files, cli_trust_read(o->trust)) == 0 &&
        check_and_write(&r, &files, res, &fails) == 0)
        status = fails >= 0 ? fails : cli_policy_exit_status(r.pol, res);
    cli_policy_free(r.pol);
    free_files(&files);
    rl_result_free(res);
    rl_rules_free(rules);
    return status;
}

static int lint(int argc, char **argv, int merge)
{
    cli_opts o;
    int rc = cli_parse(argc, argv, merge ? 2 : 1, &o, merge ? "merge" : "lint");
    o.merge = merge;
    rl_format fmt = RL_FORMAT_TEXT;
    const char *lang = "en";
    if (rc == 1) { /* --help or --version */
        cli_opts_free(&o);
        return 0;
    }
    if (rc == 0 && o.format && rl_format_parse(o.format, &fmt) != 0) {
        fprintf(stderr, "reportlint: unknown format '%s' (known: %s)\n", o.format,
                rl_format_names());
        rc = CLI_USAGE_ERROR;
    }
    if (rc == 0 && o.inputs.n == 0) {
        fprintf(stderr,
                merge
                    ? "reportlint: merge: no partial states given (files written with --partial)\n"
                    : "reportlint: no reports given (files, directories, or - for stdin)\n");
        cli_usage(stderr);
        rc = CLI_USAGE_ERROR;
    }
    if (rc == 0 && merge && o.partial) {
        fprintf(stderr, "reportlint: merge: --partial does not apply (merge judges the states)\n");
        rc = CLI_USAGE_ERROR;
    }
    for (size_t i = 0; rc == 0 && o.partial && i < o.inputs.n; i++)
        if (strcmp(o.inputs.items[i], o.partial) == 0) {
            fprintf(stderr, "reportlint: --partial %s is also an input; nothing was written\n",
                    o.partial);
            rc = CLI_USAGE_ERROR;
        }
    cli_config *cfg = NULL;
    if (rc == 0)
        rc = cli_config_load(&o, &cfg);
    if (rc == 0)
        rc = cli_pick_lang(&o, &lang);
    if (rc == 0)
        rc = run(&o, fmt, lang, cfg);
    cli_opts_free(&o);
    cli_config_free(cfg);
    return rc;
}

int cli_lint(int argc, char **argv)
{
    return lint(argc, argv, 0);
}

int cli_merge(int argc, char **argv)
{
    return lint(argc, argv, 1);
}
