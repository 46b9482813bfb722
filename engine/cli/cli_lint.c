/* cli_lint.c — the default command: check reports and print violations.
 *
 * Loads the rule sets (exit 2 if any is invalid: nothing is checked),
 * checks every input in order (a broken file is an `input` violation, the
 * others are still checked), writes the chosen format to stdout or, with
 * -o, to a temporary file renamed into place, and sets the exit status
 * from --fail-on. */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int check_all(const rl_rules *rules, const cli_opts *o, const char *lang,
                     const cli_strings *files, rl_result *res)
{
    rl_check_opts copts = {0};
    copts.locale = o->locale;
    copts.lang = lang;
    copts.only = o->only.items;
    copts.n_only = o->only.n;
    copts.skip = o->skip.items;
    copts.n_skip = o->skip.n;
    copts.max_depth = o->max_depth;
    for (size_t i = 0; i < files->n; i++) {
        if (rl_check_file(rules, &copts, files->items[i], res) != 0) {
            fprintf(stderr, "reportlint: out of memory checking %s\n", files->items[i]);
            return -1;
        }
    }
    rl_result_sort(res);
    return 0;
}

/* Write to -o atomically: a temporary file beside it, then rename. */
static int write_output(const cli_opts *o, rl_format fmt, const rl_result *res,
                        const rl_rules *rules)
{
    if (!o->output)
        return rl_write(stdout, fmt, res, rules) == 0 && fflush(stdout) == 0 ? 0 : -1;
    size_t n = strlen(o->output) + 16;
    char *tmp = malloc(n);
    if (!tmp)
        return -1;
    snprintf(tmp, n, "%s.tmpXXXXXX", o->output);
    int fd = mkstemp(tmp);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    int ok = f && rl_write(f, fmt, res, rules) == 0;
    if (f && fclose(f) != 0)
        ok = 0;
    if (ok && rename(tmp, o->output) != 0)
        ok = 0;
    if (!ok) {
        fprintf(stderr, "reportlint: cannot write %s: %s\n", o->output, strerror(errno));
        if (fd >= 0)
            unlink(tmp);
    }
    free(tmp);
    return ok ? 0 : -1;
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
        check_all(rules, o, lang, &files, res) == 0 && write_output(o, fmt, res, rules) == 0)
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
        fprintf(stderr, "reportlint: unknown format '%s' (known: text, json)\n", o.format);
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
