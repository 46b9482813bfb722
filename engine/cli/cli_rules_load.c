/* cli_rules_load.c — finding and loading rule sets for every command:
 * -r paths, else the bundled rules (next to the binary in a build tree,
 * or under PREFIX/share/reportlint when installed), with --param and
 * --as-of applied, then the -s schemas (with --schema-map,
 * --format-assert and the bundled metaschemas, found the same way as the
 * rules). Diagnostics go to stderr as FILE:LINE:COL lines. */
#include "cli.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef RL_DATADIR
#define RL_DATADIR "/usr/local/share/reportlint"
#endif

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The directory holding the running binary. */
static int exe_dir(char *buf, size_t size)
{
    ssize_t n = readlink("/proc/self/exe", buf, size - 1);
    if (n <= 0)
        return 0;
    buf[n] = '\0';
    char *slash = strrchr(buf, '/');
    if (!slash)
        return 0;
    *slash = '\0';
    return 1;
}

/* BUF without its "bin/../" detours (realpath), and relative when it lies
 * under the working directory, so locations at bundled rules read
 * "rules/x.json:12:5" rather than "/abs/build/../rules/x.json:12:5". */
static const char *tidy(char *buf, size_t size)
{
    char real[PATH_MAX], cwd[PATH_MAX];
    if (!realpath(buf, real))
        return buf;
    size_t n = getcwd(cwd, sizeof cwd) ? strlen(cwd) : 0;
    const char *shown = real;
    if (n > 1 && strncmp(real, cwd, n) == 0 && real[n] == '/')
        shown = real + n + 1;
    snprintf(buf, size, "%s", shown);
    return buf;
}

/* The bundled directory NAME: $ENV, else beside the binary (a build
 * tree), else under the installed share directory. */
static const char *bundled(const char *env_name, const char *name, char *buf, size_t size)
{
    const char *env = getenv(env_name);
    if (env && *env) {
        snprintf(buf, size, "%s", env);
        return buf;
    }
    char dir[PATH_MAX];
    if (exe_dir(dir, sizeof dir)) {
        static const char *const rel[] = {"/../", "/../share/reportlint/"};
        for (size_t i = 0; i < 2; i++) {
            snprintf(buf, size, "%s%s%s", dir, rel[i], name);
            if (is_dir(buf))
                return tidy(buf, size);
        }
    }
    snprintf(buf, size, "%s/%s", RL_DATADIR, name);
    return is_dir(buf) ? buf : NULL;
}

const char *cli_bundled_rules(char *buf, size_t size)
{
    return bundled("REPORTLINT_RULES", "rules", buf, size);
}

const char *cli_bundled_schemas(char *buf, size_t size)
{
    return bundled("REPORTLINT_SCHEMAS", "schemas", buf, size);
}

void cli_print_diags(const rl_rules *rules, const char *what)
{
    size_t n = rl_rules_diag_count(rules);
    for (size_t i = 0; i < n; i++) {
        const rl_diag *d = rl_rules_diag(rules, i);
        if (d->line)
            fprintf(stderr, "%s:%u:%u: error", d->file, d->line, d->column);
        else
            fprintf(stderr, "%s: error", d->file);
        if (d->rule)
            fprintf(stderr, " [%s]", d->rule);
        fprintf(stderr, " %s\n", d->message);
    }
    fprintf(stderr, "reportlint: %zu problem%s %s; nothing was checked\n", n, n == 1 ? "" : "s",
            what);
}

void cli_print_warnings(const rl_rules *rules)
{
    for (size_t i = 0, n = rl_rules_warning_count(rules); i < n; i++) {
        const rl_diag *d = rl_rules_warning(rules, i);
        fprintf(stderr, "%s:%u:%u: warning", d->file, d->line, d->column);
        if (d->rule)
            fprintf(stderr, " [%s]", d->rule);
        fprintf(stderr, " %s\n", d->message);
    }
}

/* --as-of must be a real calendar day (date() says so). */
static int valid_day(const char *s)
{
    char expr[96], *out = NULL;
    rl_error err = {0};
    if (strlen(s) != 10 || strchr(s, '\'') || strchr(s, '\\'))
        return 0;
    snprintf(expr, sizeof expr, "date('%s')", s);
    int ok = rl_eval_json(expr, NULL, 0, NULL, NULL, &out, &err) == 0;
    free(out);
    return ok;
}

static int apply_params(rl_rules *rules, const cli_opts *opts)
{
    rl_error err = {0};
    if (opts->as_of && !valid_day(opts->as_of)) {
        fprintf(stderr, "reportlint: --as-of needs a date such as 2025-12-15, not '%s'\n",
                opts->as_of);
        return -1;
    }
    if (opts->as_of && rl_rules_set_param(rules, "as_of", opts->as_of, &err) != 0) {
        fprintf(stderr, "reportlint: --as-of %s: %s\n", opts->as_of, err.message);
        return -1;
    }
    for (size_t i = 0; i < opts->params.n; i++) {
        char name[256];
        const char *p = opts->params.items[i], *eq = strchr(p, '=');
        snprintf(name, sizeof name, "%.*s", (int)(eq - p), p);
        if (rl_rules_set_param(rules, name, eq + 1, &err) != 0) {
            fprintf(stderr, "reportlint: --param %s: %s\n", p, err.message);
            return -1;
        }
    }
    for (size_t i = 0; i < opts->param_files.n; i++) {
        char name[256];
        const char *p = opts->param_files.items[i], *eq = strchr(p, '=');
        const char *flag = i < opts->n_config_param_files ? "\"param-files\"" : "--param-file";
        snprintf(name, sizeof name, "%.*s", (int)(eq - p), p);
        if (rl_rules_set_param_file(rules, name, eq + 1, &err) == 0)
            continue;
        if (err.line)
            fprintf(stderr, "%s:%u:%u: error %s (%s %s)\n", eq + 1, err.line, err.column,
                    err.message, flag, name);
        else
            fprintf(stderr, "reportlint: %s %s: %s: %s\n", flag, name, eq + 1, err.message);
        return -1;
    }
    return 0;
}

/* Each name given on the command line must be a loaded rule set's
 * parameter (the config's are checked where it names them). */
static int check_param_names(const rl_rules *rules, const cli_strings *list, size_t from,
                             const char *flag)
{
    for (size_t i = from; i < list->n; i++) {
        char name[256];
        const char *p = list->items[i], *eq = strchr(p, '=');
        rl_error err = {0};
        snprintf(name, sizeof name, "%.*s", (int)(eq - p), p);
        if (rl_rules_check_param(rules, name, &err) != 0) {
            fprintf(stderr, "reportlint: %s %s: %s\n", flag, p, err.message);
            return -1;
        }
    }
    return 0;
}

rl_rules *cli_new_rules(const cli_opts *opts)
{
    rl_rules *rules = rl_rules_new();
    if (!rules) {
        fprintf(stderr, "reportlint: out of memory\n");
        return NULL;
    }
    rl_file_policy policy = {cli_file_limit(opts), opts->trust ? cli_trust_allow : NULL,
                             opts->trust};
    rl_rules_file_policy(rules, &policy);
    char dir[PATH_MAX], meta[PATH_MAX + 8];
    rl_schema_config cfg = {opts->format_assert, NULL, opts->schema_maps.items,
                            opts->schema_maps.n};
    if (cli_bundled_schemas(dir, sizeof dir)) {
        snprintf(meta, sizeof meta, "%s/meta", dir);
        cfg.meta_dir = meta;
    }
    rl_error err = {0};
    if (rl_rules_schema_config(rules, &cfg, &err) != 0) {
        fprintf(stderr, "reportlint: --schema-map: %s\n", err.message);
        rl_rules_free(rules);
        return NULL;
    }
    return rules;
}

rl_rules *cli_load_rules(const cli_opts *opts, int quiet_ok)
{
    rl_rules *rules = cli_new_rules(opts);
    if (rules) /* --timeout bounds loading too, once, before any report */
        rl_rules_set_timeout(rules, opts->timeout);
    if (!rules || apply_params(rules, opts) != 0) {
        rl_rules_free(rules);
        return NULL;
    }
    char bundled[PATH_MAX];
    if (opts->rules.n == 0) {
        const char *dir = cli_bundled_rules(bundled, sizeof bundled);
        if (!dir && quiet_ok)
            return rules;
        if (!dir) {
            fprintf(stderr, "reportlint: no rule sets given (-r) and no bundled rules found "
                            "(set REPORTLINT_RULES or install reportlint)\n");
            rl_rules_free(rules);
            return NULL;
        }
        rl_rules_load_path(rules, dir);
    }
    for (size_t i = 0; i < opts->rules.n; i++)
        rl_rules_load_path(rules, opts->rules.items[i]);
    for (size_t i = 0; i < opts->schemas.n; i++)
        rl_rules_add_schema(rules, opts->schemas.items[i]);
    cli_print_warnings(rules);
    if (rl_rules_diag_count(rules)) {
        cli_print_diags(rules,
                        opts->schemas.n ? "in the rule sets and schemas" : "in the rule sets");
        rl_rules_free(rules);
        return NULL;
    }
    if (check_param_names(rules, &opts->params, opts->n_config_params, "--param") != 0 ||
        check_param_names(rules, &opts->param_files, opts->n_config_param_files, "--param-file") !=
            0) {
        rl_rules_free(rules);
        return NULL;
    }
    return rules;
}
