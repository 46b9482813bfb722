/* cli_lint.c — the default command: check reports and print violations.
 *
 * Loads the rule sets (exit 2 if any is invalid: nothing is checked),
 * checks every input in order (a broken file is an `input` violation, the
 * others are still checked), writes the chosen format to stdout or, with
 * -o, to a temporary file renamed into place, and sets the exit status
 * from --fail-on. The configuration file, suppressions and baselines
 * (cli_config.h) hook in before loading, per file, and after checking. */
#include "cli_config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_all(const rl_rules *rules, const cli_opts *o, const cli_strings *files,
                     rl_result *res, cli_policy *pol)
{
    rl_check_opts copts = {0};
    copts.locale = o->locale;
    copts.only = o->only.items;
    copts.n_only = o->only.n;
    copts.skip = o->skip.items;
    copts.n_skip = o->skip.n;
    copts.max_depth = o->max_depth;
    for (size_t i = 0; i < files->n; i++) {
        const rl_check_opts *fopts = cli_policy_file_opts(pol, files->items[i], &copts);
        if (rl_check_file(rules, fopts, files->items[i], res) != 0) {
            fprintf(stderr, "reportlint: out of memory checking %s\n", files->items[i]);
            return -1;
        }
    }
    rl_result_sort(res);
    return 0;
}

typedef struct output_ctx {
    rl_format fmt;
    const rl_result *res;
    const rl_rules *rules;
} output_ctx;

static int write_to(FILE *out, const void *ctx)
{
    const output_ctx *c = ctx;
    return rl_write(out, c->fmt, c->res, c->rules);
}

/* To stdout, or to -o atomically (a temporary file, then rename). */
static int write_output(const cli_opts *o, rl_format fmt, const rl_result *res,
                        const rl_rules *rules)
{
    output_ctx c = {fmt, res, rules};
    if (!o->output)
        return write_to(stdout, &c) == 0 && fflush(stdout) == 0 ? 0 : -1;
    return cli_write_atomic(o->output, write_to, &c);
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

static int run(const cli_opts *o, rl_format fmt, cli_config *cfg)
{
    rl_rules *rules = cli_load_rules(o, 0);
    if (!rules)
        return CLI_USAGE_ERROR;
    int status = CLI_USAGE_ERROR;
    cli_strings files = {0};
    rl_result *res = rl_result_new();
    cli_policy *pol = NULL;
    if (res && cli_config_check_ids(cfg, rules) == 0 && (pol = cli_policy_new(o, cfg)) != NULL &&
        check_only_ids(rules, &o->only, "--only") == 0 &&
        check_only_ids(rules, &o->skip, "--skip") == 0 && cli_expand_inputs(&o->inputs, &files) == 0 &&
        check_all(rules, o, &files, res, pol) == 0 && cli_policy_apply(pol, res, &files) == 0 &&
        write_output(o, fmt, res, rules) == 0)
        status = cli_policy_exit_status(pol, res);
    cli_policy_free(pol);
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
    if (rc == 1) { /* --help or --version */
        cli_opts_free(&o);
        return 0;
    }
    if (rc == 0 && o.format && rl_format_parse(o.format, &fmt) != 0) {
        fprintf(stderr, "reportlint: unknown format '%s' (known: text, json)\n", o.format);
        rc = CLI_USAGE_ERROR;
    }
    if (rc == 0 && o.inputs.n == 0) {
        fprintf(stderr, "reportlint: no reports given (files, directories, or - for stdin)\n");
        cli_usage(stderr);
        rc = CLI_USAGE_ERROR;
    }
    cli_config *cfg = NULL;
    if (rc == 0)
        rc = cli_config_load(&o, &cfg);
    if (rc == 0)
        rc = run(&o, fmt, cfg);
    cli_opts_free(&o);
    cli_config_free(cfg);
    return rc;
}
