/* cli_schema.c — validating JSON files against a JSON Schema with the
 * engine's validator:
 *
 *   reportlint schema validate SCHEMA FILE|DIR|- ...
 *
 * prints the errors in any output format (rule `schema`, one violation per
 * error at the invalid value; exit 0 valid, 1 invalid, 2 a broken schema
 * or usage), and `rules check` uses the same path to hold rule-set files
 * to schemas/ruleset.schema.json — those the loader accepts: where the
 * loader finds problems its own messages say more than the schema's. */
#include "cli.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A rules object holding only the schema (diagnostics printed). */
static rl_rules *schema_only(const cli_opts *o, const char *schema)
{
    rl_rules *rules = cli_new_rules(o);
    if (rules && rl_rules_add_schema(rules, schema) != 0) {
        cli_print_diags(rules, "in the schema");
        rl_rules_free(rules);
        return NULL;
    }
    return rules;
}

static int check_files(const rl_rules *rules, const cli_strings *files, rl_result *res)
{
    for (size_t i = 0; i < files->n; i++) {
        if (rl_check_file(rules, NULL, files->items[i], res) != 0) {
            fprintf(stderr, "reportlint: out of memory checking %s\n", files->items[i]);
            return -1;
        }
    }
    return 0;
}

int cli_schema(int argc, char **argv)
{
    if (argc < 3 || strcmp(argv[2], "validate") != 0) {
        fprintf(stderr, "usage: reportlint schema validate SCHEMA FILE|DIR|- ...\n");
        return CLI_USAGE_ERROR;
    }
    cli_opts o;
    rl_format fmt = RL_FORMAT_TEXT;
    int rc = cli_parse(argc, argv, 3, &o, "schema");
    if (rc == 0 && o.format && rl_format_parse(o.format, &fmt) != 0) {
        fprintf(stderr, "reportlint: unknown format '%s' (known: %s)\n", o.format,
                rl_format_names());
        rc = CLI_USAGE_ERROR;
    }
    if (rc == 0 && o.inputs.n < 2) {
        fprintf(stderr, "usage: reportlint schema validate SCHEMA FILE|DIR|- ...\n");
        rc = CLI_USAGE_ERROR;
    }
    if (rc != 0) {
        cli_opts_free(&o);
        return rc == 1 ? 0 : rc;
    }
    cli_strings args = {o.inputs.items + 1, o.inputs.n - 1}, files = {0};
    rl_rules *rules = schema_only(&o, o.inputs.items[0]);
    rl_result *res = rules ? rl_result_new() : NULL;
    rc = CLI_USAGE_ERROR;
    if (res && cli_expand_inputs(&args, o.trust, &files) == 0 &&
        check_files(rules, &files, res) == 0) {
        rl_result_sort(res);
        rl_write_opts wopts = {RL_WRITE_OPTS_VERSION, 0, o.verbosity, 1};
        rc = rl_write_ex(stdout, fmt, res, rules, &wopts) == 0 && fflush(stdout) == 0
                 ? rl_result_count(res) > 0
                 : CLI_USAGE_ERROR;
    }
    for (size_t i = 0; i < files.n; i++)
        free((char *)files.items[i]);
    free(files.items);
    rl_result_free(res);
    rl_rules_free(rules);
    cli_opts_free(&o);
    return rc;
}

/* ---- rules check: the rule-set format -------------------------------- */

static int is_rule_set_name(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".json") == 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* 1 when the loader finds no problem in the rule-set file. */
static int loads_cleanly(const cli_opts *o, const char *file)
{
    rl_rules *rules = cli_new_rules(o);
    int ok = rules && rl_rules_load_path(rules, file) == 0;
    rl_rules_free(rules);
    return ok;
}

static void push_clean(const cli_opts *o, cli_strings *out, char *file)
{
    if (!file || !loads_cleanly(o, file) || cli_push(out, file) != 0)
        free(file);
}

/* The rule-set files a PATH names, as the loader reads them (the file, or
 * a directory's *.json, not recursive), that it loads cleanly. Appends
 * malloc'd names. */
static void rule_set_files(const cli_opts *o, const char *path, cli_strings *out)
{
    struct stat st;
    DIR *d = stat(path, &st) == 0 && S_ISDIR(st.st_mode) ? opendir(path) : NULL;
    if (!d) {
        if (strcmp(path, "-") != 0) /* stdin is read once, by the loader */
            push_clean(o, out, strdup(path));
        return;
    }
    size_t first = out->n;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (!is_rule_set_name(e->d_name))
            continue;
        size_t n = strlen(path) + strlen(e->d_name) + 2;
        char *full = malloc(n);
        if (full)
            snprintf(full, n, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", e->d_name);
        push_clean(o, out, full);
    }
    closedir(d);
    qsort(out->items + first, out->n - first, sizeof *out->items, by_name);
}

/* The validator's message and the keyword's place in ruleset.schema.json
 * (the figure "schema" is FILE#POINTER; the file is where we found it). */
static const char *detail(const rl_violation *v, char *buf, size_t size)
{
    const char *where = NULL;
    for (size_t i = 0; i < v->n_figures; i++)
        if (strcmp(v->figures[i].name, "schema") == 0 && v->figures[i].type == RL_FIG_STR)
            where = strchr(v->figures[i].s, '#');
    const char *cut = where ? strstr(v->message, " (schema ") : NULL;
    if (!cut)
        return v->message;
    snprintf(buf, size, "%.*s (at %s)", (int)(cut - v->message), v->message, where);
    return buf;
}

static int print_violations(const rl_result *res)
{
    char buf[1024];
    int n = 0;
    for (size_t i = 0; i < rl_result_count(res); i++, n++) {
        const rl_violation *v = rl_result_violation(res, i);
        if (strcmp(v->rule, "input") == 0) { /* unreadable, invalid JSON: the loader says so */
            n--;
            continue;
        }
        fprintf(stderr, "%s:%u:%u: error [ruleset.schema.json] %s\n", v->file, v->line, v->column,
                detail(v, buf, sizeof buf));
    }
    return n;
}

int cli_rules_schema_check(const cli_opts *o, const cli_strings *paths)
{
    char bundled_rules[PATH_MAX];
    cli_strings bundled = {NULL, 0};
    const char *one[1];
    if (paths->n == 0 && (one[0] = cli_bundled_rules(bundled_rules, sizeof bundled_rules))) {
        bundled.items = one;
        bundled.n = 1;
        paths = &bundled;
    }
    char dir[PATH_MAX], schema[PATH_MAX + 32];
    if (!cli_bundled_schemas(dir, sizeof dir)) {
        fprintf(stderr, "reportlint: warning: schemas/ruleset.schema.json not found (set "
                        "REPORTLINT_SCHEMAS); rule sets checked by the loader only\n");
        return 0;
    }
    snprintf(schema, sizeof schema, "%s/ruleset.schema.json", dir);
    cli_opts plain = *o; /* the bundled schema needs no map and asserts no format */
    plain.schema_maps.n = 0;
    plain.format_assert = 0;
    rl_rules *rules = schema_only(&plain, schema);
    rl_result *res = rules ? rl_result_new() : NULL;
    cli_strings files = {0};
    for (size_t i = 0; i < paths->n; i++)
        rule_set_files(o, paths->items[i], &files);
    int problems = -1;
    if (res && check_files(rules, &files, res) == 0) {
        rl_result_sort(res);
        problems = print_violations(res);
    }
    for (size_t i = 0; i < files.n; i++)
        free((char *)files.items[i]);
    free(files.items);
    rl_result_free(res);
    rl_rules_free(rules);
    return problems;
}
