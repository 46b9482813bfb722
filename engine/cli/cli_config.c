/* cli_config.c — finding the configuration file and merging it into the
 * options of the lint command.
 *
 * Without --config, .reportlint.json is looked for in the working
 * directory, then its parent, and so on up to the filesystem root; the
 * search also stops after the first directory that holds a .git entry (the
 * root of a repository), so a configuration above the repository never
 * applies to it. --no-config skips the search. The command line wins over
 * the file (see cli_config.h for the full order). */
#include "cli_config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_UP 256

static int exists(const char *path, int want_dir)
{
    struct stat st;
    return stat(path, &st) == 0 && (want_dir ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode));
}

static int same_dir(const char *a, const char *b)
{
    struct stat x, y;
    return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

/* The discovered file as a relative path ("../../.reportlint.json"), or
 * NULL when there is none. */
static char *discover(void)
{
    char up[MAX_UP * 3 + 1] = "", probe[MAX_UP * 3 + 64];
    for (int depth = 0; depth < MAX_UP; depth++) {
        snprintf(probe, sizeof probe, "%s" CLI_CONFIG_NAME, up);
        if (exists(probe, 0))
            return strdup(probe);
        snprintf(probe, sizeof probe, "%s.git", up);
        if (access(probe, F_OK) == 0)
            return NULL; /* the top of a repository */
        snprintf(probe, sizeof probe, "%s..", up);
        if (same_dir(up[0] ? up : ".", probe))
            return NULL; /* the filesystem root */
        strcat(up, "../");
    }
    return NULL;
}

static cli_config *config_new(const char *path)
{
    cli_config *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->fail_on = CLI_UNSET;
    c->path = strdup(path);
    c->dir = cli_path_dirname(path);
    c->dir_abs = c->dir ? cli_path_absolute(c->dir[0] ? c->dir : ".") : NULL;
    if (!c->path || !c->dir || !c->dir_abs) {
        cli_config_free(c);
        return NULL;
    }
    return c;
}

static void free_strings(cli_strings *s)
{
    for (size_t i = 0; i < s->n; i++)
        free((char *)s->items[i]);
    free(s->items);
}

void cli_config_free(cli_config *c)
{
    if (!c)
        return;
    free_strings(&c->rules);
    free_strings(&c->schemas);
    free_strings(&c->params);
    free_strings(&c->param_files);
    free(c->severity.items);
    for (size_t i = 0; i < c->n_overrides; i++) {
        free(c->overrides[i].files.items);
        free(c->overrides[i].severity.items);
    }
    free(c->overrides);
    free(c->suppress);
    free(c->baseline);
    for (size_t i = 0; i < c->n_msgs; i++)
        free(c->msgs[i].message);
    free(c->msgs);
    rl_jdoc_free(c->doc);
    free(c->path);
    free(c->dir);
    free(c->dir_abs);
    free(c);
}

static cli_config *read_config(const char *path, size_t max)
{
    cli_config *c = config_new(path);
    char *text = NULL;
    size_t len = 0;
    rl_error err = {0};
    if (!c) {
        fprintf(stderr, "reportlint: out of memory reading %s\n", path);
        return NULL;
    }
    if (rl_read_file_max(path, &text, &len, max, &err) != 0) {
        fprintf(stderr, "%s: error %s\n", path, err.message);
        c->problems++;
        return c;
    }
    c->doc = rl_jdoc_read(text, len, &err);
    free(text);
    if (!c->doc) {
        cli_where at = {err.line, err.column};
        cli_config_problem_at(c, at, "invalid JSON: %s", err.message);
        return c;
    }
    cli_config_read(c);
    return c;
}

/* The config's items go first, so that --param NAME=VALUE wins. */
static int prepend(cli_strings *to, const cli_strings *from, size_t *n_from)
{
    size_t n = from->n + to->n;
    *n_from = from->n;
    if (!from->n)
        return 0;
    const char **items = malloc(n * sizeof *items);
    if (!items)
        return -1;
    memcpy(items, from->items, from->n * sizeof *items);
    if (to->n)
        memcpy(items + from->n, to->items, to->n * sizeof *items);
    free(to->items);
    to->items = items;
    to->n = n;
    return 0;
}

static int merge_params(cli_opts *o, const cli_config *c)
{
    if (prepend(&o->params, &c->params, &o->n_config_params) != 0)
        return -1;
    return prepend(&o->param_files, &c->param_files, &o->n_config_param_files);
}

static int merge(cli_opts *o, const cli_config *c)
{
    if (o->rules.n == 0)
        for (size_t i = 0; i < c->rules.n; i++)
            if (cli_push(&o->rules, c->rules.items[i]) != 0)
                return -1;
    if (o->schemas.n == 0) /* -s replaces the file's schemas, as -r its rules */
        for (size_t i = 0; i < c->schemas.n; i++)
            if (cli_push(&o->schemas, c->schemas.items[i]) != 0)
                return -1;
    if (!o->lang)
        o->lang = c->lang;
    if (!o->fail_on_set && c->fail_on != CLI_UNSET)
        o->fail_on = c->fail_on;
    if (!o->baseline && !o->write_baseline)
        o->baseline = c->baseline;
    return merge_params(o, c);
}

int cli_config_load(cli_opts *o, cli_config **out)
{
    *out = NULL;
    if (o->config && o->no_config) {
        fprintf(stderr, "reportlint: --config and --no-config cannot be used together\n");
        return CLI_USAGE_ERROR;
    }
    if (o->no_config)
        return 0;
    char *found = o->config ? NULL : discover();
    const char *path = o->config ? o->config : found;
    if (!path)
        return 0;
    if (o->config && !exists(path, 0)) {
        struct stat st;
        int there = stat(path, &st) == 0;
        fprintf(stderr, "reportlint: --config %s: %s\n", path,
                !there                ? strerror(errno ? errno : ENOENT)
                : S_ISDIR(st.st_mode) ? "is a directory"
                                      : "not a regular file (a FIFO, device or socket)");
        return CLI_USAGE_ERROR;
    }
    if (cli_trust_add_dir_of(o->trust, path) != 0) {
        free(found);
        fprintf(stderr, "reportlint: out of memory\n");
        return CLI_USAGE_ERROR;
    }
    cli_config *c = read_config(path, cli_file_limit(o));
    free(found);
    if (!c)
        return CLI_USAGE_ERROR;
    cli_config_flush(c);
    if (c->problems) {
        fprintf(stderr, "reportlint: %d problem%s in %s; nothing was checked\n", c->problems,
                c->problems == 1 ? "" : "s", c->path);
        cli_config_free(c);
        return CLI_USAGE_ERROR;
    }
    if (merge(o, c) != 0) {
        fprintf(stderr, "reportlint: out of memory\n");
        cli_config_free(c);
        return CLI_USAGE_ERROR;
    }
    *out = c;
    return 0;
}

/* ---- rule ids ------------------------------------------------------------ */

typedef struct id_list {
    const char **ids; /* NULL-terminated, for rl_suggest_name */
    size_t n;
} id_list;

static int has_glob_chars(const char *s)
{
    return strpbrk(s, "*?[\\") != NULL;
}

static void check_id(cli_config *c, const rl_rules *rules, const id_list *ids, const char *id,
                     cli_where at, const char *key)
{
    if (rl_rules_has(rules, id) || (strcmp(key, "suppress") == 0 && strcmp(id, "input") == 0))
        return;
    const char *near = rl_suggest_name(id, ids->ids);
    if (near)
        cli_config_problem_at(c, at, "\"%s\": no loaded rule has the id '%s' (did you mean '%s'?)",
                              key, id, near);
    else
        cli_config_problem_at(c, at, "\"%s\": no loaded rule has the id '%s'", key, id);
}

static void check_severities(cli_config *c, const rl_rules *rules, const id_list *ids,
                             const cli_severities *s, const char *key)
{
    for (size_t i = 0; i < s->n; i++)
        check_id(c, rules, ids, s->items[i].rule, s->items[i].at, key);
}

/* Every name under "params" and "param-files" must be a loaded rule set's
 * parameter: a misspelt one would otherwise be ignored. */
static void check_param_names(cli_config *c, const rl_rules *rules)
{
    const rl_jnode *root = rl_jdoc_root(c->doc);
    for (size_t i = 0; rl_jnode_kind(root) == RL_JKIND_OBJECT && i < rl_jnode_count(root); i++) {
        const char *key = rl_jnode_key(root, i, NULL);
        const rl_jnode *v = rl_jnode_item(root, i);
        if ((strcmp(key, "params") != 0 && strcmp(key, "param-files") != 0) ||
            rl_jnode_kind(v) != RL_JKIND_OBJECT)
            continue;
        for (size_t k = 0; k < rl_jnode_count(v); k++) {
            rl_error err = {0};
            cli_where at;
            const char *name = rl_jnode_key(v, k, NULL);
            rl_jdoc_key_where(c->doc, v, k, &at.line, &at.column);
            if (rl_rules_check_param(rules, name, &err) != 0)
                cli_config_problem_at(c, at, "\"%s\": %s", key, err.message);
        }
    }
}

int cli_config_check_ids(cli_config *c, const rl_rules *rules)
{
    if (!c)
        return 0;
    id_list ids = {calloc(rl_rules_count(rules) + 1, sizeof(char *)), rl_rules_count(rules)};
    for (size_t i = 0; ids.ids && i < ids.n; i++) {
        rl_rule_info info;
        rl_rules_info(rules, i, &info);
        ids.ids[i] = info.id;
    }
    int before = c->problems;
    check_severities(c, rules, &ids, &c->severity, "severity");
    for (size_t i = 0; i < c->n_overrides; i++)
        check_severities(c, rules, &ids, &c->overrides[i].severity, "overrides");
    for (size_t i = 0; i < c->n_suppress; i++)
        if (!has_glob_chars(c->suppress[i].rule))
            check_id(c, rules, &ids, c->suppress[i].rule, c->suppress[i].rule_at, "suppress");
    free(ids.ids);
    check_param_names(c, rules);
    cli_config_flush(c);
    if (c->problems == before)
        return 0;
    fprintf(stderr, "reportlint: %d problem%s in %s; nothing was checked\n", c->problems - before,
            c->problems - before == 1 ? "" : "s", c->path);
    return CLI_USAGE_ERROR;
}
