/* cli_lint.c — the default command: check reports and print violations.
 *
 * Loads the rule sets (exit 2 if any is invalid: nothing is checked),
 * checks every input in order (a broken file is an `input` violation, the
 * others are still checked), writes the chosen format to stdout or, with
 * -o, to a temporary file renamed into place, and sets the exit status
 * from --fail-on. -f ndjson is streamed: each violation line is written
 * (and flushed, on stdout) as soon as it is found. */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct output {
    FILE *f;
    const char *path; /* -o, or NULL for stdout */
    char *tmp;        /* the temporary file renamed onto path */
    int failed;       /* a streamed write failed */
} output;

/* stdout, or with -o a temporary file beside FILE (renamed in output_close). */
static int output_open(const cli_opts *o, output *out)
{
    memset(out, 0, sizeof *out);
    out->path = o->output;
    if (!o->output) {
        out->f = stdout;
        return 0;
    }
    size_t n = strlen(o->output) + 16;
    out->tmp = malloc(n);
    if (!out->tmp)
        return -1;
    snprintf(out->tmp, n, "%s.tmpXXXXXX", o->output);
    int fd = mkstemp(out->tmp);
    out->f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!out->f) {
        fprintf(stderr, "reportlint: cannot write %s: %s\n", o->output, strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(out->tmp);
        }
        free(out->tmp);
        out->tmp = NULL;
        return -1;
    }
    return 0;
}

/* Finish the output: flush stdout, or close and rename the temporary file
 * into place (removed instead when anything failed). */
static int output_close(output *out, int ok)
{
    if (!out->path) {
        ok = ok && !out->failed && fflush(stdout) == 0;
        if (!ok)
            fprintf(stderr, "reportlint: cannot write the output: %s\n", strerror(errno));
        return ok ? 0 : -1;
    }
    ok = ok && !out->failed;
    if (fclose(out->f) != 0)
        ok = 0;
    if (ok && rename(out->tmp, out->path) != 0)
        ok = 0;
    if (!ok) {
        fprintf(stderr, "reportlint: cannot write %s: %s\n", out->path, strerror(errno));
        unlink(out->tmp);
    }
    free(out->tmp);
    return ok ? 0 : -1;
}

/* -f ndjson: each violation is written the moment the check finds it. */
static void stream_violation(const rl_violation *v, void *user)
{
    output *out = user;
    if (out->failed)
        return;
    if (rl_write_violation(out->f, RL_FORMAT_NDJSON, v) != 0 || (!out->path && fflush(out->f) != 0))
        out->failed = 1;
}

static int check_all(const rl_rules *rules, const rl_check_opts *copts, const cli_strings *files,
                     rl_result *res)
{
    for (size_t i = 0; i < files->n; i++) {
        if (rl_check_file(rules, copts, files->items[i], res) != 0) {
            fprintf(stderr, "reportlint: out of memory checking %s\n", files->items[i]);
            return -1;
        }
    }
    return 0;
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

/* Check every file and write the report: ndjson streams its lines while
 * checking and closes with the summary; the other formats are written
 * once, sorted by file and position. */
static int check_and_write(const rl_rules *rules, const cli_opts *o, const char *lang,
                           rl_format fmt, const cli_strings *files, rl_result *res)
{
    rl_check_opts copts = {0};
    copts.locale = o->locale;
    copts.lang = lang;
    copts.only = o->only.items;
    copts.n_only = o->only.n;
    copts.skip = o->skip.items;
    copts.n_skip = o->skip.n;
    copts.max_depth = o->max_depth;
    output out;
    if (output_open(o, &out) != 0)
        return -1;
    if (fmt == RL_FORMAT_NDJSON)
        rl_result_on_violation(res, stream_violation, &out);
    int ok = check_all(rules, &copts, files, res) == 0;
    rl_result_on_violation(res, NULL, NULL);
    if (ok && fmt == RL_FORMAT_NDJSON) {
        ok = rl_write_summary(out.f, fmt, res) == 0;
    } else if (ok) {
        rl_write_opts wopts = {use_color(o), o->verbosity, &copts};
        rl_result_sort(res);
        ok = rl_write_ex(out.f, fmt, res, rules, &wopts) == 0;
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

static int exit_status(const rl_result *res, int fail_on)
{
    int max = rl_result_max_severity(res);
    return max >= 0 && max >= fail_on ? 1 : 0;
}

static void free_files(cli_strings *files)
{
    for (size_t i = 0; i < files->n; i++)
        free((char *)files->items[i]);
    free(files->items);
}

static int run(const cli_opts *o, rl_format fmt, const char *lang)
{
    rl_rules *rules = cli_load_rules(o, 0);
    if (!rules)
        return CLI_USAGE_ERROR;
    int status = CLI_USAGE_ERROR;
    cli_strings files = {0};
    rl_result *res = rl_result_new();
    if (res && check_only_ids(rules, &o->only, "--only") == 0 &&
        check_only_ids(rules, &o->skip, "--skip") == 0 && cli_expand_inputs(&o->inputs, &files) == 0 &&
        check_and_write(rules, o, lang, fmt, &files, res) == 0)
        status = exit_status(res, o->fail_on);
    free_files(&files);
    rl_result_free(res);
    rl_rules_free(rules);
    return status;
}

int cli_lint(int argc, char **argv)
{
    cli_opts o;
    int rc = cli_parse(argc, argv, 1, &o, "lint");
    rl_format fmt = RL_FORMAT_TEXT;
    const char *lang = "en";
    if (rc == 1) { /* --help or --version */
        cli_opts_free(&o);
        return 0;
    }
    if (rc == 0 && o.format && rl_format_parse(o.format, &fmt) != 0) {
        fprintf(stderr, "reportlint: unknown format '%s' (known: %s)\n", o.format, rl_format_names());
        rc = CLI_USAGE_ERROR;
    }
    if (rc == 0)
        rc = cli_pick_lang(&o, &lang);
    if (rc == 0 && o.inputs.n == 0) {
        fprintf(stderr, "reportlint: no reports given (files, directories, or - for stdin)\n");
        cli_usage(stderr);
        rc = CLI_USAGE_ERROR;
    }
    if (rc == 0)
        rc = run(&o, fmt, lang);
    cli_opts_free(&o);
    return rc;
}
