/* cli_rules_test.c — `reportlint rules test [PATH...]`: find the example
 * files, read and validate each (every problem located FILE:LINE:COL, exit
 * 2), then run them (cli_rules_test_run.c).
 *
 * PATH is an example file (a JSON object with "tests"), a rule set (its
 * examples are tests/NAME.json beside it), or a directory (its *.json
 * files, not recursively, each as above); no PATH: the bundled rules.
 * Each example file runs once, however many PATHs lead to it.
 * Exit status: 0 every example passed, 1 one failed, 2 a malformed example
 * file, a rule set that does not load, or a rule set without examples. */
#include "cli_config.h"
#include "cli_rules_test.h"

#include <dirent.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const rl_jnode *rt_member(const rl_jnode *obj, const char *name)
{
    if (!obj || rl_jnode_kind(obj) != RL_JKIND_OBJECT)
        return NULL;
    for (size_t i = 0, n = rl_jnode_count(obj); i < n; i++)
        if (strcmp(rl_jnode_key(obj, i, NULL), name) == 0)
            return rl_jnode_item(obj, i);
    return NULL;
}

static void vproblem(rt_file *f, unsigned line, unsigned col, const char *fmt, va_list ap)
{
    fprintf(stderr, "%s:%u:%u: error: ", f->path, line, col);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    f->problems++;
}

void rt_problem(rt_file *f, const rl_jnode *node, const char *fmt, ...)
{
    unsigned line = 0, col = 0;
    if (node)
        rl_jdoc_where(f->doc, node, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    vproblem(f, line, col, fmt, ap);
    va_end(ap);
}

/* The same at the name of member i of obj. */
static void problem_at_key(rt_file *f, const rl_jnode *obj, size_t i, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void problem_at_key(rt_file *f, const rl_jnode *obj, size_t i, const char *fmt, ...)
{
    unsigned line = 0, col = 0;
    rl_jdoc_key_where(f->doc, obj, i, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    vproblem(f, line, col, fmt, ap);
    va_end(ap);
}

/* Members an object may have: a problem (with a suggestion) for any other. */
static void only_members(rt_file *f, const rl_jnode *obj, const char *const *names,
                         const char *what)
{
    for (size_t i = 0, n = rl_jnode_count(obj); i < n; i++) {
        const char *key = rl_jnode_key(obj, i, NULL);
        size_t k = 0;
        while (names[k] && strcmp(names[k], key) != 0)
            k++;
        if (names[k])
            continue;
        const char *near = rl_suggest_name(key, names);
        problem_at_key(f, obj, i, "unknown member '%s' in %s%s%s%s", key, what,
                       near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
    }
}

/* A member that must be a string when present (required: and present). */
static const char *string_member(rt_file *f, const rl_jnode *obj, const char *name, int required)
{
    const rl_jnode *v = rt_member(obj, name);
    if (!v) {
        if (required)
            rt_problem(f, obj, "missing '%s'", name);
        return NULL;
    }
    const char *s = rl_jnode_string(v, NULL);
    if (!s)
        rt_problem(f, v, "'%s' must be a string, not %s", name, rl_jkind_name(rl_jnode_kind(v)));
    return s;
}

/* "params": an object of numbers, strings, booleans or null. */
static void check_params(rt_file *f, const rl_jnode *obj)
{
    const rl_jnode *p = rt_member(obj, "params");
    if (!p)
        return;
    if (rl_jnode_kind(p) != RL_JKIND_OBJECT) {
        rt_problem(f, p, "'params' must be an object of NAME: VALUE");
        return;
    }
    for (size_t i = 0, n = rl_jnode_count(p); i < n; i++) {
        rl_jkind k = rl_jnode_kind(rl_jnode_item(p, i));
        if (k == RL_JKIND_ARRAY || k == RL_JKIND_OBJECT)
            rt_problem(f, rl_jnode_item(p, i),
                       "param '%s' must be a number, string, boolean "
                       "or null",
                       rl_jnode_key(p, i, NULL));
    }
}

/* The options an example file and each example may set. */
static void check_options(rt_file *f, const rl_jnode *obj)
{
    check_params(f, obj);
    string_member(f, obj, "as_of", 0);
    string_member(f, obj, "locale", 0);
    const char *loc = rl_jnode_string(rt_member(obj, "locale"), NULL);
    rl_error err = {0};
    if (loc && rl_locale_check(loc, &err) != 0)
        rt_problem(f, rt_member(obj, "locale"), "%s", err.message);
}

static void check_example(rt_file *f, const rl_jnode *ex, const char *const *known)
{
    static const char *const names[] = {"name",   "description", "report", "reports", "violations",
                                        "params", "as_of",       "locale", NULL};
    if (rl_jnode_kind(ex) != RL_JKIND_OBJECT) {
        rt_problem(f, ex,
                   "an example must be an object with \"name\", \"report\" and "
                   "\"violations\"");
        return;
    }
    only_members(f, ex, names, "an example");
    string_member(f, ex, "name", 1);
    string_member(f, ex, "description", 0);
    check_options(f, ex);
    const rl_jnode *rs = rt_member(ex, "reports");
    if (rs && rl_jnode_kind(rs) != RL_JKIND_ARRAY)
        rt_problem(f, rs, "'reports' must be an array of reports or file names (a collection)");
    if (!rt_member(ex, "report") && !rs)
        rt_problem(f, ex,
                   "missing 'report' (the report itself, or a file name) or 'reports' "
                   "(several, for collection rules)");
    const rl_jnode *vs = rt_member(ex, "violations");
    if (!vs || rl_jnode_kind(vs) != RL_JKIND_ARRAY) {
        rt_problem(f, vs ? vs : ex,
                   "'violations' must be an array of the violations the "
                   "report gives ([] for none)");
        return;
    }
    for (size_t i = 0, n = rl_jnode_count(vs); i < n; i++)
        rt_check_expected(f, rl_jnode_item(vs, i), known);
}

/* "rules": a string or an array of strings, relative to the example file;
 * default: the rule set of the same name one directory up. */
static void read_rules(rt_file *f)
{
    const rl_jnode *r = rt_member(f->root, "rules");
    if (!r) {
        const char *base = strrchr(f->path, '/') ? strrchr(f->path, '/') + 1 : f->path;
        char rel[PATH_MAX];
        snprintf(rel, sizeof rel, "../%s", base);
        cli_push(&f->rules, cli_path_join(f->dir, rel));
        return;
    }
    size_t n = rl_jnode_kind(r) == RL_JKIND_ARRAY ? rl_jnode_count(r) : 1;
    for (size_t i = 0; i < n; i++) {
        const rl_jnode *item = rl_jnode_kind(r) == RL_JKIND_ARRAY ? rl_jnode_item(r, i) : r;
        const char *s = rl_jnode_string(item, NULL);
        if (s && *s)
            cli_push(&f->rules, cli_path_join(f->dir, s));
        else
            rt_problem(f, item, "'rules' must be a rule-set path or an array of them");
    }
}

/* The rule ids of the file's rule sets (NULL-terminated, malloc'd), or
 * NULL after printing why they do not load. */
static const char **rule_ids(const cli_opts *o, rt_file *f)
{
    cli_opts plain = *o;
    plain.rules = f->rules;
    plain.params.n = 0;
    plain.as_of = NULL;
    rl_rules *rules = cli_load_rules(&plain, 0);
    if (!rules)
        return NULL;
    size_t n = rl_rules_count(rules);
    const char **ids = calloc(n + 2, sizeof *ids);
    for (size_t i = 0; ids && i < n; i++) {
        rl_rule_info info;
        rl_rules_info(rules, i, &info);
        ids[i] = strdup(info.id);
    }
    if (ids)
        ids[n] = strdup("input");
    rl_rules_free(rules);
    return ids;
}

static void free_ids(const char **ids)
{
    for (size_t i = 0; ids && ids[i]; i++)
        free((char *)ids[i]);
    free(ids);
}

/* Validate the whole file; 0 when it may run. */
static int validate(const cli_opts *o, rt_file *f)
{
    static const char *const names[] = {"$schema", "description", "rules", "params",
                                        "as_of",   "locale",      "tests", NULL};
    only_members(f, f->root, names, "an example file");
    check_options(f, f->root);
    read_rules(f);
    f->tests = rt_member(f->root, "tests");
    if (!f->tests || rl_jnode_kind(f->tests) != RL_JKIND_ARRAY || !rl_jnode_count(f->tests))
        rt_problem(f, f->tests ? f->tests : f->root,
                   "'tests' must be a non-empty array of "
                   "examples");
    if (f->problems)
        return -1;
    if (!(f->ids = rule_ids(o, f)))
        return -1;
    for (size_t i = 0, n = rl_jnode_count(f->tests); i < n; i++)
        check_example(f, rl_jnode_item(f->tests, i), f->ids);
    return f->problems ? -1 : 0;
}

/* Read path; its root node, or NULL after printing why (text freed by the
 * caller through doc). */
static rl_jdoc *read_doc(const char *path)
{
    char *text = NULL;
    size_t len = 0;
    rl_error err = {0};
    if (rl_read_file_max(path, &text, &len, RL_DEFAULT_MAX_FILE_SIZE, &err) != 0) {
        fprintf(stderr, "%s: error: %s\n", path, err.message);
        return NULL;
    }
    rl_jdoc *doc = rl_jdoc_read(text, len, &err);
    free(text);
    if (!doc)
        fprintf(stderr, "%s:%u:%u: error: %s\n", path, err.line, err.column, err.message);
    return doc;
}

static void test_file(const cli_opts *o, const char *path, rl_jdoc *doc, rt_totals *t)
{
    rt_file f = {
        .path = path, .dir = cli_path_dirname(path), .doc = doc, .root = rl_jdoc_root(doc)};
    if (rl_jnode_kind(f.root) != RL_JKIND_OBJECT)
        rt_problem(&f, f.root, "an example file is an object with \"tests\"");
    else if (validate(o, &f) == 0)
        rt_run_file(o, &f, t);
    if (f.problems || !f.ids)
        t->broken = 1;
    free_ids(f.ids);
    for (size_t i = 0; i < f.rules.n; i++)
        free((char *)f.rules.items[i]);
    free(f.rules.items);
    free(f.dir);
}

/* The example file of a rule set: tests/NAME.json beside it. */
static char *examples_of(const char *rule_set)
{
    char *dir = cli_path_dirname(rule_set), rel[PATH_MAX];
    const char *base = strrchr(rule_set, '/') ? strrchr(rule_set, '/') + 1 : rule_set;
    snprintf(rel, sizeof rel, "tests/%s", base);
    char *out = cli_path_join(dir, rel);
    free(dir);
    return out;
}

static int seen(cli_strings *done, const char *path)
{
    char *abs = cli_path_absolute(path);
    for (size_t i = 0; abs && i < done->n; i++)
        if (strcmp(done->items[i], abs) == 0) {
            free(abs);
            return 1;
        }
    cli_push(done, abs);
    return 0;
}

/* One file PATH: an example file, or a rule set whose examples run. */
static void test_path(const cli_opts *o, const char *path, cli_strings *done, rt_totals *t)
{
    rl_jdoc *doc = read_doc(path);
    if (doc && !rt_member(rl_jdoc_root(doc), "tests") && rt_member(rl_jdoc_root(doc), "rules")) {
        rl_jdoc_free(doc); /* a rule set: run its examples */
        char *ex = examples_of(path);
        struct stat st;
        if (!ex || stat(ex, &st) != 0) {
            fprintf(stderr,
                    "%s: error: this rule set has no examples (write them in %s; "
                    "docs/rules.md, \"Examples: rules test\")\n",
                    path, ex ? ex : "?");
            t->broken = 1;
        } else if (!seen(done, ex)) {
            rl_jdoc *exdoc = read_doc(ex);
            if (exdoc)
                test_file(o, ex, exdoc, t);
            else
                t->broken = 1;
            rl_jdoc_free(exdoc);
        }
        free(ex);
        return;
    }
    if (doc && !seen(done, path))
        test_file(o, path, doc, t);
    if (!doc)
        t->broken = 1;
    rl_jdoc_free(doc);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A directory: its *.json files, sorted, not recursively. */
static void test_dir(const cli_opts *o, const char *dir, cli_strings *done, rt_totals *t)
{
    DIR *d = opendir(dir);
    cli_strings names = {NULL, 0};
    for (struct dirent *e; d && (e = readdir(d)) != NULL;) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] != '.' && n > 5 && strcmp(e->d_name + n - 5, ".json") == 0)
            cli_push(&names, cli_path_join(dir, e->d_name));
    }
    if (d)
        closedir(d);
    if (!names.n) {
        fprintf(stderr, "%s: error: no *.json rule sets or example files here\n", dir);
        t->broken = 1;
    }
    if (names.n > 1)
        qsort(names.items, names.n, sizeof *names.items, by_name);
    for (size_t i = 0; i < names.n; i++) {
        test_path(o, names.items[i], done, t);
        free((char *)names.items[i]);
    }
    free(names.items);
}

int cli_rules_test(const cli_opts *o)
{
    char bundled[PATH_MAX];
    cli_strings paths = o->inputs, done = {NULL, 0};
    const char *one[1];
    if (!paths.n) {
        if (!(one[0] = cli_bundled_rules(bundled, sizeof bundled))) {
            fprintf(stderr, "reportlint: no PATH given and no bundled rules found\n");
            return CLI_USAGE_ERROR;
        }
        paths.items = one;
        paths.n = 1;
    }
    rt_totals t = {0};
    for (size_t i = 0; i < paths.n; i++) {
        struct stat st;
        if (stat(paths.items[i], &st) == 0 && S_ISDIR(st.st_mode))
            test_dir(o, paths.items[i], &done, &t);
        else
            test_path(o, paths.items[i], &done, &t);
    }
    for (size_t i = 0; i < done.n; i++)
        free((char *)done.items[i]);
    free(done.items);
    printf("%zu example%s: %zu passed, %zu failed%s\n", t.examples, t.examples == 1 ? "" : "s",
           t.passed, t.failed,
           t.broken ? " (and example files or rule sets with problems: "
                      "see above)"
                    : "");
    return t.broken ? CLI_USAGE_ERROR : t.failed ? 1 : 0;
}
