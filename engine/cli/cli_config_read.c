/* cli_config_read.c — checking a configuration document key by key.
 *
 * Every problem is printed as FILE:LINE:COLUMN: error MESSAGE and counted,
 * and reading goes on, so one run shows them all: unknown keys (with the
 * closest known one), duplicate keys, wrong types, empty strings, unknown
 * severities and fail-on levels, invalid globs, suppressions without a
 * reason. Rule ids are checked later, once the rule sets are loaded
 * (cli_config_check_ids). schemas/config.schema.json describes the same
 * format for editors. */
#include "cli_config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Problems are kept and printed sorted by position (cli_config_flush),
 * as the rule-set loader prints its diagnostics. */
static void vproblem(cli_config *c, cli_where at, const char *fmt, va_list ap)
{
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    cli_problem *more = rl_array_resize(c->msgs, c->n_msgs + 1, sizeof *more);
    char *copy = strdup(msg);
    c->problems++;
    if (!more || !copy) {
        free(copy);
        if (more)
            c->msgs = more;
        fprintf(stderr, "%s: error %s\n", c->path, msg);
        return;
    }
    c->msgs = more;
    c->msgs[c->n_msgs].at = at;
    c->msgs[c->n_msgs++].message = copy;
}

static int before(cli_where a, cli_where b)
{
    return a.line < b.line || (a.line == b.line && a.column < b.column);
}

void cli_config_flush(cli_config *c)
{
    for (size_t i = 1; i < c->n_msgs; i++) { /* insertion sort: stable */
        cli_problem m = c->msgs[i];
        size_t j = i;
        for (; j > 0 && before(m.at, c->msgs[j - 1].at); j--)
            c->msgs[j] = c->msgs[j - 1];
        c->msgs[j] = m;
    }
    for (size_t i = 0; i < c->n_msgs; i++) {
        cli_where at = c->msgs[i].at;
        if (at.line)
            fprintf(stderr, "%s:%u:%u: error %s\n", c->path, at.line, at.column,
                    c->msgs[i].message);
        else
            fprintf(stderr, "%s: error %s\n", c->path, c->msgs[i].message);
        free(c->msgs[i].message);
    }
    free(c->msgs);
    c->msgs = NULL;
    c->n_msgs = 0;
}

void cli_config_problem_at(cli_config *c, cli_where at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vproblem(c, at, fmt, ap);
    va_end(ap);
}

static cli_where where(cli_config *c, const rl_jnode *node)
{
    cli_where at = {0, 0};
    rl_jdoc_where(c->doc, node, &at.line, &at.column);
    return at;
}

void cli_config_problem(cli_config *c, const rl_jnode *node, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vproblem(c, where(c, node), fmt, ap);
    va_end(ap);
}

/* "a string", "an array", "null", ... for messages. */
static const char *kind_name(const rl_jnode *v)
{
    static const char *const names[] = {"null",     "a boolean", "a number",
                                        "a string", "an array",  "an object"};
    rl_jkind k = rl_jnode_kind(v);
    return (unsigned)k < sizeof names / sizeof *names ? names[k] : "?";
}

/* ---- values ------------------------------------------------------------- */

/* A non-empty string without U+0000, or NULL after a problem. */
static const char *want_string(cli_config *c, const rl_jnode *v, const char *what)
{
    size_t len = 0;
    const char *s = rl_jnode_string(v, &len);
    if (!s)
        cli_config_problem(c, v, "%s must be a string, not %s", what, kind_name(v));
    else if (len == 0)
        cli_config_problem(c, v, "%s must not be empty", what);
    else if (strlen(s) != len)
        cli_config_problem(c, v, "%s must not contain U+0000", what);
    else
        return s;
    return NULL;
}

static const char *want_glob(cli_config *c, const rl_jnode *v, const char *what)
{
    const char *s = want_string(c, v, what);
    rl_error err = {0};
    if (s && rl_glob_check(s, &err) != 0) {
        cli_config_problem(c, v, "%s: %s", what, err.message);
        return NULL;
    }
    return s;
}

/* An array of non-empty strings, pushed to out (joined to the config's
 * directory and malloc'd when join is set). */
static void want_paths(cli_config *c, const rl_jnode *v, const char *what, cli_strings *out)
{
    if (rl_jnode_kind(v) != RL_JKIND_ARRAY) {
        cli_config_problem(c, v, "%s must be an array of paths, not %s", what, kind_name(v));
        return;
    }
    for (size_t i = 0; i < rl_jnode_count(v); i++) {
        const char *s = want_string(c, rl_jnode_item(v, i), what);
        char *joined = s ? cli_path_join(c->dir, s) : NULL;
        if (joined && cli_push(out, joined) != 0)
            free(joined);
    }
}

/* One of names (NULL-terminated): its index, or -1 after a problem that
 * lists them and suggests the closest. */
static int want_choice(cli_config *c, const rl_jnode *v, const char *what, const char *const *names,
                       const char *listed)
{
    const char *s = want_string(c, v, what);
    if (!s)
        return -1;
    for (int i = 0; names[i]; i++)
        if (strcmp(s, names[i]) == 0)
            return i;
    const char *near = rl_suggest_name(s, names);
    if (near)
        cli_config_problem(c, v, "%s must be %s, not '%s' (did you mean '%s'?)", what, listed, s,
                           near);
    else
        cli_config_problem(c, v, "%s must be %s, not '%s'", what, listed, s);
    return -1;
}

static int want_fail_on(cli_config *c, const rl_jnode *v)
{
    static const char *const names[] = {"info", "warning", "error", "never", NULL};
    static const int levels[] = {RL_SEVERITY_INFO, RL_SEVERITY_WARNING, RL_SEVERITY_ERROR,
                                 CLI_FAIL_NEVER};
    int i = want_choice(c, v, "\"fail-on\"", names, "error, warning, info or never");
    return i < 0 ? CLI_UNSET : levels[i];
}

/* ---- objects ------------------------------------------------------------- */

/* Check that v is an object whose keys are all in names (NULL-terminated)
 * and appear once; key_of[i] gets the index in names of member i, or -1. */
static int *object_keys(cli_config *c, const rl_jnode *v, const char *what,
                        const char *const *names)
{
    if (rl_jnode_kind(v) != RL_JKIND_OBJECT) {
        cli_config_problem(c, v, "%s must be an object, not %s", what, kind_name(v));
        return NULL;
    }
    size_t n = rl_jnode_count(v);
    int *key_of = calloc(n + 1, sizeof *key_of);
    for (size_t i = 0; key_of && i < n; i++) {
        const char *key = rl_jnode_key(v, i, NULL);
        cli_where at;
        rl_jdoc_key_where(c->doc, v, i, &at.line, &at.column);
        key_of[i] = -1;
        for (int k = 0; names[k]; k++)
            if (strcmp(key, names[k]) == 0)
                key_of[i] = k;
        size_t j = 0;
        while (j < i && strcmp(key, rl_jnode_key(v, j, NULL)) != 0)
            j++;
        if (j < i) {
            cli_where first;
            rl_jdoc_key_where(c->doc, v, j, &first.line, &first.column);
            cli_config_problem_at(c, at, "duplicate key '%s' in %s (first at line %u)", key, what,
                                  first.line);
            key_of[i] = -1;
            continue;
        }
        if (key_of[i] >= 0)
            continue;
        const char *near = rl_suggest_name(key, names);
        if (near)
            cli_config_problem_at(c, at, "unknown key '%s' in %s (did you mean '%s'?)", key, what,
                                  near);
        else if (strcmp(key, "params") == 0 && strcmp(what, "an override") == 0)
            cli_config_problem_at(c, at,
                                  "'params' cannot be set per file in %s: parameters apply to "
                                  "whole rule sets; set them at the top level",
                                  what);
        else
            cli_config_problem_at(c, at, "unknown key '%s' in %s", key, what);
    }
    return key_of;
}

static int has_key(const rl_jnode *obj, const int *key_of, int k)
{
    for (size_t i = 0; key_of && i < rl_jnode_count(obj); i++)
        if (key_of[i] == k)
            return 1;
    return 0;
}

static int push_severity(cli_severities *s, const char *rule, int sev, cli_where at)
{
    cli_severity *more = rl_array_resize(s->items, s->n + 1, sizeof *more);
    if (!more)
        return -1;
    s->items = more;
    s->items[s->n].rule = rule;
    s->items[s->n].severity = sev;
    s->items[s->n++].at = at;
    return 0;
}

/* "severity": {"RULE-ID": "error" | "warning" | "info" | "off"} */
static void read_severity(cli_config *c, const rl_jnode *v, cli_severities *out)
{
    static const char *const names[] = {"info", "warning", "error", "off", NULL};
    static const int levels[] = {RL_SEVERITY_INFO, RL_SEVERITY_WARNING, RL_SEVERITY_ERROR,
                                 RL_SEVERITY_OFF};
    if (rl_jnode_kind(v) != RL_JKIND_OBJECT) {
        cli_config_problem(c, v, "\"severity\" must be an object of rule id: level, not %s",
                           kind_name(v));
        return;
    }
    for (size_t i = 0; i < rl_jnode_count(v); i++) {
        size_t len;
        const char *id = rl_jnode_key(v, i, &len);
        cli_where at;
        rl_jdoc_key_where(c->doc, v, i, &at.line, &at.column);
        char what[160];
        snprintf(what, sizeof what, "the severity of '%.100s'", id);
        int k = want_choice(c, rl_jnode_item(v, i), what, names, "error, warning, info or off");
        if (len == 0 || strlen(id) != len)
            cli_config_problem_at(c, at, "\"severity\": '%s' is not a rule id", id);
        else if (k >= 0 && push_severity(out, id, levels[k], at) != 0)
            c->problems++;
    }
}

/* "params": {"name": any JSON value} */
static void read_params(cli_config *c, const rl_jnode *v)
{
    if (rl_jnode_kind(v) != RL_JKIND_OBJECT) {
        cli_config_problem(c, v, "\"params\" must be an object of name: value, not %s",
                           kind_name(v));
        return;
    }
    rl_rules *probe = rl_rules_new(); /* values are checked as --param checks them */
    for (size_t i = 0; probe && i < rl_jnode_count(v); i++) {
        const char *name = rl_jnode_key(v, i, NULL);
        const rl_jnode *val = rl_jnode_item(v, i);
        rl_jkind k = rl_jnode_kind(val);
        char *text = k == RL_JKIND_STRING ? strdup(rl_jnode_string(val, NULL))
                                          : rl_jnode_json(c->doc, val);
        size_t n = strlen(name) + (text ? strlen(text) : 0) + 2;
        char *pair = text ? malloc(n) : NULL;
        rl_error err = {0};
        if (pair)
            snprintf(pair, n, "%s=%s", name, text);
        if (!name[0] || strchr(name, '='))
            cli_config_problem(c, val, "'%s' is not a parameter name", name);
        else if (text && rl_rules_set_param(probe, name, text, &err) != 0)
            cli_config_problem(c, val, "parameter '%s': %s", name, err.message);
        else if (pair && cli_push(&c->params, pair) == 0)
            pair = NULL;
        free(pair);
        free(text);
    }
    rl_rules_free(probe);
}

/* "param-files": {"name": "path"}, paths relative to the file */
static void read_param_files(cli_config *c, const rl_jnode *v)
{
    if (rl_jnode_kind(v) != RL_JKIND_OBJECT) {
        cli_config_problem(c, v, "\"param-files\" must be an object of name: path, not %s",
                           kind_name(v));
        return;
    }
    for (size_t i = 0; i < rl_jnode_count(v); i++) {
        const char *name = rl_jnode_key(v, i, NULL);
        const rl_jnode *val = rl_jnode_item(v, i);
        const char *s = want_string(c, val, "a \"param-files\" path");
        if (!s)
            continue;
        if (!name[0] || strchr(name, '=')) {
            cli_config_problem(c, val, "'%s' is not a parameter name", name);
            continue;
        }
        char *path = cli_path_join(c->dir, s);
        size_t n = strlen(name) + (path ? strlen(path) : 0) + 2;
        char *pair = path ? malloc(n) : NULL;
        if (pair)
            snprintf(pair, n, "%s=%s", name, path);
        if (pair && cli_push(&c->param_files, pair) == 0)
            pair = NULL;
        free(pair);
        free(path);
    }
}

/* ---- overrides and suppressions ------------------------------------------- */

static void read_files(cli_config *c, const rl_jnode *v, cli_strings *out)
{
    const char *what = "\"files\" of an override";
    if (rl_jnode_kind(v) == RL_JKIND_STRING) {
        const char *g = want_glob(c, v, what);
        if (g)
            cli_push(out, g);
        return;
    }
    if (rl_jnode_kind(v) != RL_JKIND_ARRAY || rl_jnode_count(v) == 0) {
        cli_config_problem(c, v, "%s must be a glob or a non-empty array of globs, not %s", what,
                           rl_jnode_kind(v) == RL_JKIND_ARRAY ? "an empty array" : kind_name(v));
        return;
    }
    for (size_t i = 0; i < rl_jnode_count(v); i++) {
        const char *g = want_glob(c, rl_jnode_item(v, i), what);
        if (g)
            cli_push(out, g);
    }
}

enum { OV_FILES, OV_LOCALE, OV_SEVERITY, OV_FAIL_ON };

static void read_override(cli_config *c, const rl_jnode *v, cli_override *o)
{
    static const char *const names[] = {"files", "locale", "severity", "fail-on", NULL};
    o->fail_on = CLI_UNSET;
    int *key_of = object_keys(c, v, "an override", names);
    if (!key_of)
        return;
    if (!has_key(v, key_of, OV_FILES))
        cli_config_problem(c, v, "an override needs \"files\": the globs it applies to");
    for (size_t i = 0; i < rl_jnode_count(v); i++) {
        const rl_jnode *val = rl_jnode_item(v, i);
        switch (key_of[i]) {
        case OV_FILES: read_files(c, val, &o->files); break;
        case OV_LOCALE: o->locale = want_string(c, val, "\"locale\""); break;
        case OV_SEVERITY: read_severity(c, val, &o->severity); break;
        case OV_FAIL_ON: o->fail_on = want_fail_on(c, val); break;
        default: break;
        }
    }
    free(key_of);
}

enum { SUP_RULE, SUP_FILES, SUP_POINTER, SUP_REASON };

static void read_suppress_one(cli_config *c, const rl_jnode *v, cli_suppress *s)
{
    static const char *const names[] = {"rule", "files", "pointer", "reason", NULL};
    int *key_of = object_keys(c, v, "a suppression", names);
    if (!key_of)
        return;
    if (!has_key(v, key_of, SUP_RULE))
        cli_config_problem(c, v, "a suppression needs \"rule\": a rule id or a glob of ids");
    if (!has_key(v, key_of, SUP_REASON))
        cli_config_problem(c, v, "a suppression needs \"reason\": why the violation is accepted");
    for (size_t i = 0; i < rl_jnode_count(v); i++) {
        const rl_jnode *val = rl_jnode_item(v, i);
        switch (key_of[i]) {
        case SUP_RULE:
            s->rule = want_glob(c, val, "\"rule\"");
            s->rule_at = where(c, val);
            break;
        case SUP_FILES: s->files = want_glob(c, val, "\"files\""); break;
        case SUP_POINTER: s->pointer = want_glob(c, val, "\"pointer\""); break;
        case SUP_REASON:
            s->reason = want_string(c, val, "\"reason\"");
            if (s->reason && strspn(s->reason, " \t\r\n") == strlen(s->reason))
                cli_config_problem(c, val, "\"reason\" must say why, not be blank");
            break;
        default: break;
        }
    }
    free(key_of);
}

/* An array of objects read by one function into a calloc'd array. */
static void *read_list(cli_config *c, const rl_jnode *v, const char *what, size_t size, size_t *n)
{
    if (rl_jnode_kind(v) != RL_JKIND_ARRAY) {
        cli_config_problem(c, v, "%s must be an array of objects, not %s", what, kind_name(v));
        return NULL;
    }
    *n = rl_jnode_count(v);
    return calloc(*n + 1, size);
}

static void read_overrides(cli_config *c, const rl_jnode *v)
{
    size_t n = 0;
    c->overrides = read_list(c, v, "\"overrides\"", sizeof *c->overrides, &n);
    for (size_t i = 0; c->overrides && i < n; i++)
        read_override(c, rl_jnode_item(v, i), &c->overrides[c->n_overrides++]);
}

static void read_suppress(cli_config *c, const rl_jnode *v)
{
    size_t n = 0;
    c->suppress = read_list(c, v, "\"suppress\"", sizeof *c->suppress, &n);
    for (size_t i = 0; c->suppress && i < n; i++)
        read_suppress_one(c, rl_jnode_item(v, i), &c->suppress[c->n_suppress++]);
}

/* ---- the top level --------------------------------------------------------- */

enum {
    K_SCHEMA_REF,
    K_RULES,
    K_SCHEMAS,
    K_LOCALE,
    K_LANG,
    K_FAIL_ON,
    K_PARAMS,
    K_SEVERITY,
    K_OVERRIDES,
    K_SUPPRESS,
    K_BASELINE,
    K_PARAM_FILES
};

static void read_baseline(cli_config *c, const rl_jnode *v)
{
    const char *s = want_string(c, v, "\"baseline\"");
    if (s)
        c->baseline = cli_path_join(c->dir, s);
}

void cli_config_read(cli_config *c)
{
    static const char *const names[] = {
        "$schema",  "rules",     "schemas",  "locale",   "lang",        "fail-on", "params",
        "severity", "overrides", "suppress", "baseline", "param-files", NULL};
    const rl_jnode *root = rl_jdoc_root(c->doc);
    int *key_of = object_keys(c, root, "the configuration", names);
    for (size_t i = 0; key_of && i < rl_jnode_count(root); i++) {
        const rl_jnode *v = rl_jnode_item(root, i);
        switch (key_of[i]) {
        case K_SCHEMA_REF: want_string(c, v, "\"$schema\""); break;
        case K_RULES: want_paths(c, v, "\"rules\"", &c->rules); break;
        case K_SCHEMAS: want_paths(c, v, "\"schemas\"", &c->schemas); break;
        case K_LOCALE: c->locale = want_string(c, v, "\"locale\""); break;
        case K_LANG: c->lang = want_string(c, v, "\"lang\""); break;
        case K_FAIL_ON: c->fail_on = want_fail_on(c, v); break;
        case K_PARAMS: read_params(c, v); break;
        case K_SEVERITY: read_severity(c, v, &c->severity); break;
        case K_OVERRIDES: read_overrides(c, v); break;
        case K_SUPPRESS: read_suppress(c, v); break;
        case K_BASELINE: read_baseline(c, v); break;
        case K_PARAM_FILES: read_param_files(c, v); break;
        default: break;
        }
    }
    free(key_of);
}
