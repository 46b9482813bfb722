/* cli_rules_test_run.c — running the examples of one (valid) example file
 * and comparing the violations each gives with those it expects.
 *
 * An expected violation matches an actual one with the same rule and
 * pointer whose every other listed member agrees: "severity", "message"
 * (exactly), "line", "column", and any other name is a figure. A number
 * written with decimals matches a figure that rounds to it at that many
 * decimals (7.77 matches 7.767441860465116); one written without matches
 * exactly; strings, booleans and null match exactly. Each actual violation
 * matches at most one expected one. An example passes when every expected
 * violation matched and no actual one is left over; otherwise its diff is
 * printed: "-" expected but not given, "+" given but not expected. */
#include "cli_config.h"
#include "cli_rules_test.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Members of an expected violation that are not figures. */
static int is_field(const char *key)
{
    static const char *const fields[] = {"rule", "pointer", "severity", "message",
                                         "line", "column",  NULL};
    for (size_t i = 0; fields[i]; i++)
        if (strcmp(fields[i], key) == 0)
            return 1;
    return 0;
}

int rt_check_expected(rt_file *f, const rl_jnode *v, const char *const *known)
{
    int before = f->problems;
    if (rl_jnode_kind(v) != RL_JKIND_OBJECT) {
        rt_problem(f, v, "an expected violation is an object with \"rule\" and \"pointer\"");
        return 1;
    }
    const rl_jnode *rule = rt_member(v, "rule"), *ptr = rt_member(v, "pointer");
    const char *id = rl_jnode_string(rule, NULL), *p = rl_jnode_string(ptr, NULL);
    if (!id)
        rt_problem(f, rule ? rule : v, "'rule' must be a rule id (a string)");
    else if (!rl_suggest_name(id, known) || strcmp(rl_suggest_name(id, known), id) != 0) {
        const char *near = rl_suggest_name(id, known);
        rt_problem(f, rule, "no rule '%s' in the rule sets tested%s%s%s", id,
                   near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
    }
    if (!p || (p[0] && p[0] != '/'))
        rt_problem(f, ptr ? ptr : v, "'pointer' must be a JSON Pointer (\"\" or \"/a/0/b\")");
    const rl_jnode *sev = rt_member(v, "severity");
    rl_severity s;
    if (sev && (!rl_jnode_string(sev, NULL) || rl_severity_parse(rl_jnode_string(sev, NULL), &s)))
        rt_problem(f, sev, "'severity' must be \"error\", \"warning\" or \"info\"");
    for (size_t i = 0, n = rl_jnode_count(v); i < n; i++) {
        const rl_jnode *m = rl_jnode_item(v, i);
        const char *key = rl_jnode_key(v, i, NULL);
        int64_t num;
        if ((!strcmp(key, "line") || !strcmp(key, "column")) && rl_jnode_int(m, &num) != 0)
            rt_problem(f, m, "'%s' must be an integer", key);
        else if (!strcmp(key, "message") && !rl_jnode_string(m, NULL))
            rt_problem(f, m, "'message' must be a string");
        else if (!is_field(key) &&
                 (rl_jnode_kind(m) == RL_JKIND_ARRAY || rl_jnode_kind(m) == RL_JKIND_OBJECT))
            rt_problem(f, m, "figure '%s' must be a number, string, boolean or null", key);
    }
    return f->problems - before;
}

/* The shortest text that reads back as d. */
static void fmt_double(char *buf, size_t size, double d)
{
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, size, "%.*g", prec, d);
        if (strtod(buf, NULL) == d)
            return;
    }
}

static int number_matches(const char *text, const rl_figure *fig)
{
    double want = strtod(text, NULL), got;
    if (fig->type == RL_FIG_INT)
        got = (double)fig->i;
    else if (fig->type == RL_FIG_NUM)
        got = fig->d;
    else
        return 0;
    const char *dot = strchr(text, '.');
    if (!dot || strpbrk(text, "eE"))
        return got == want;
    int decimals = (int)strspn(dot + 1, "0123456789");
    return fabs(got - want) <= 0.5 * pow(10, -decimals) * (1 + 1e-12);
}

static int figure_matches(const rl_jdoc *doc, const rl_jnode *want, const rl_figure *fig)
{
    switch (rl_jnode_kind(want)) {
    case RL_JKIND_NUMBER: {
        char *text = rl_jnode_json(doc, want);
        int ok = text && number_matches(text, fig);
        free(text);
        return ok;
    }
    case RL_JKIND_STRING:
        return fig->type == RL_FIG_STR && fig->s &&
               strcmp(fig->s, rl_jnode_string(want, NULL)) == 0;
    case RL_JKIND_BOOL: return fig->type == RL_FIG_BOOL && fig->i == rl_jnode_bool(want);
    case RL_JKIND_NULL: return fig->type == RL_FIG_NULL;
    default: return 0;
    }
}

static const rl_figure *find_figure(const rl_violation *v, const char *name)
{
    for (size_t i = 0; i < v->n_figures; i++)
        if (strcmp(v->figures[i].name, name) == 0)
            return &v->figures[i];
    return NULL;
}

/* One member of an expected violation (not rule or pointer) against v. */
static int member_matches(const rl_jdoc *doc, const char *key, const rl_jnode *want,
                          const rl_violation *v)
{
    int64_t n = 0;
    if (!strcmp(key, "severity"))
        return !strcmp(rl_severity_name(v->severity), rl_jnode_string(want, NULL));
    if (!strcmp(key, "message"))
        return !strcmp(v->message, rl_jnode_string(want, NULL));
    if (!strcmp(key, "line") || !strcmp(key, "column"))
        return rl_jnode_int(want, &n) == 0 && n == (key[0] == 'l' ? v->line : v->column);
    const rl_figure *fig = find_figure(v, key);
    return fig && figure_matches(doc, want, fig);
}

static int matches(const rl_jdoc *doc, const rl_jnode *e, const rl_violation *v)
{
    if (strcmp(rl_jnode_string(rt_member(e, "rule"), NULL), v->rule) != 0 ||
        strcmp(rl_jnode_string(rt_member(e, "pointer"), NULL), v->pointer) != 0)
        return 0;
    for (size_t i = 0, n = rl_jnode_count(e); i < n; i++) {
        const char *key = rl_jnode_key(e, i, NULL);
        if (strcmp(key, "rule") && strcmp(key, "pointer") &&
            !member_matches(doc, key, rl_jnode_item(e, i), v))
            return 0;
    }
    return 1;
}

static void print_expected(const rl_jdoc *doc, const rl_jnode *e)
{
    printf("  - %s %s", rl_jnode_string(rt_member(e, "rule"), NULL),
           rl_jnode_string(rt_member(e, "pointer"), NULL)[0]
               ? rl_jnode_string(rt_member(e, "pointer"), NULL)
               : "\"\"");
    for (size_t i = 0, n = rl_jnode_count(e); i < n; i++) {
        const char *key = rl_jnode_key(e, i, NULL);
        char *text = rl_jnode_json(doc, rl_jnode_item(e, i));
        if (strcmp(key, "rule") && strcmp(key, "pointer"))
            printf(" %s=%s", key, text ? text : "?");
        free(text);
    }
    putchar('\n');
}

static void print_figure(const rl_figure *fig)
{
    char num[40];
    char *q = NULL;
    switch (fig->type) {
    case RL_FIG_NULL: printf(" %s=null", fig->name); break;
    case RL_FIG_BOOL: printf(" %s=%s", fig->name, fig->i ? "true" : "false"); break;
    case RL_FIG_INT: printf(" %s=%lld", fig->name, (long long)fig->i); break;
    case RL_FIG_NUM:
        fmt_double(num, sizeof num, fig->d);
        printf(" %s=%s", fig->name, num);
        break;
    case RL_FIG_STR:
        q = rl_json_quote(fig->s ? fig->s : "", fig->s ? strlen(fig->s) : 0);
        printf(" %s=%s", fig->name, q ? q : "?");
        free(q);
        break;
    }
}

static void print_actual(const rl_violation *v)
{
    printf("  + %s %s severity=\"%s\" line=%u", v->rule, v->pointer[0] ? v->pointer : "\"\"",
           rl_severity_name(v->severity), v->line);
    for (size_t i = 0; i < v->n_figures; i++)
        print_figure(&v->figures[i]);
    printf("\n      %s\n", v->message);
}

/* Compare; print the diff under a FAIL line when they differ. Returns 1
 * when the example passed. */
static int compare(rt_file *f, const rl_jnode *ex, const rl_result *res)
{
    const rl_jnode *want = rt_member(ex, "violations");
    size_t n_want = rl_jnode_count(want), n_got = rl_result_count(res);
    char *used_w = calloc(n_want + 1, 1), *used_g = calloc(n_got + 1, 1);
    size_t paired = 0;
    for (size_t i = 0; used_w && used_g && i < n_want; i++)
        for (size_t j = 0; !used_w[i] && j < n_got; j++)
            if (!used_g[j] &&
                matches(f->doc, rl_jnode_item(want, i), rl_result_violation(res, j))) {
                used_w[i] = used_g[j] = 1;
                paired++;
            }
    int pass = used_w && used_g && paired == n_want && paired == n_got;
    if (!pass) {
        unsigned line = 0, col = 0;
        rl_jdoc_where(f->doc, ex, &line, &col);
        printf("FAIL %s:%u:%u: %s\n", f->path, line, col,
               rl_jnode_string(rt_member(ex, "name"), NULL));
        for (size_t i = 0; used_w && i < n_want; i++)
            if (!used_w[i])
                print_expected(f->doc, rl_jnode_item(want, i));
        for (size_t j = 0; used_g && j < n_got; j++)
            if (!used_g[j])
                print_actual(rl_result_violation(res, j));
    }
    free(used_w);
    free(used_g);
    return pass;
}

/* A param's value as --param takes it. */
static int set_param(rl_rules *rules, const rl_jdoc *doc, const char *name, const rl_jnode *v)
{
    rl_error err = {0};
    char *text = rl_jnode_string(v, NULL) ? strdup(rl_jnode_string(v, NULL))
                                          : rl_jnode_json(doc, v);
    int rc = text ? rl_rules_set_param(rules, name, text, &err) : -1;
    if (rc != 0)
        fprintf(stderr, "reportlint: param %s: %s\n", name, err.message);
    free(text);
    return rc;
}

/* The params and as_of of obj (the file, then the example). */
static int apply_options(rl_rules *rules, const rt_file *f, const rl_jnode *obj)
{
    const rl_jnode *p = rt_member(obj, "params"), *as_of = rt_member(obj, "as_of");
    for (size_t i = 0, n = rl_jnode_count(p); i < n; i++)
        if (set_param(rules, f->doc, rl_jnode_key(p, i, NULL), rl_jnode_item(p, i)) != 0)
            return -1;
    return as_of ? set_param(rules, f->doc, "as_of", as_of) : 0;
}

/* The rule sets with the file's and the example's options; NULL after
 * printing why. */
static rl_rules *load(const cli_opts *o, const rt_file *f, const rl_jnode *ex)
{
    rl_rules *rules = cli_new_rules(o);
    if (!rules || apply_options(rules, f, f->root) || apply_options(rules, f, ex)) {
        rl_rules_free(rules);
        return NULL;
    }
    for (size_t i = 0; i < f->rules.n; i++)
        rl_rules_load_path(rules, f->rules.items[i]);
    if (rl_rules_diag_count(rules)) {
        cli_print_diags(rules, "in the rule sets tested");
        rl_rules_free(rules);
        return NULL;
    }
    return rules;
}

static const char *locale_of(const cli_opts *o, const rt_file *f, const rl_jnode *ex)
{
    const char *l = rl_jnode_string(rt_member(ex, "locale"), NULL);
    if (!l)
        l = rl_jnode_string(rt_member(f->root, "locale"), NULL);
    return l ? l : o->locale;
}

/* Check one report of an example (a file name, or the report itself). */
static int check_one(const rt_file *f, const rl_jnode *report, const rl_rules *rules,
                     const rl_check_opts *co, rl_result *res)
{
    int rc;
    if (rl_jnode_kind(report) == RL_JKIND_STRING) {
        char *path = cli_path_join(f->dir, rl_jnode_string(report, NULL));
        rc = path ? rl_check_file(rules, co, path, res) : -1;
        free(path);
    } else {
        char *text = rl_jnode_json(f->doc, report);
        rc = text ? rl_check_buffer(rules, co, f->path, text, strlen(text), res) : -1;
        free(text);
    }
    return rc;
}

/* Check the example's report — or its "reports", a collection for the
 * collection rules (docs/cross-report.md) — into res, then judge the
 * collection rules: 0, or -1 (a misuse, printed). */
static int check_report(const cli_opts *o, const rt_file *f, const rl_jnode *ex,
                        const rl_rules *rules, rl_result *res)
{
    rl_check_opts co = RL_CHECK_OPTS_INIT;
    co.locale = locale_of(o, f, ex);
    co.lang = o->lang ? o->lang : "en";
    co.max_violations = RL_UNLIMITED;
    const rl_jnode *report = rt_member(ex, "report"), *reports = rt_member(ex, "reports");
    int rc = report ? check_one(f, report, rules, &co, res) : 0;
    for (size_t i = 0, n = rl_jnode_count(reports); rc == 0 && i < n; i++)
        rc = check_one(f, rl_jnode_item(reports, i), rules, &co, res);
    if (rc == 0)
        rc = rl_result_judge(rules, &co, res);
    if (rc != 0)
        fprintf(stderr, "reportlint: %s: the example could not be checked\n", f->path);
    return rc;
}

/* 1 passed, 0 failed, -1 could not run. */
static int run_example(const cli_opts *o, rt_file *f, const rl_jnode *ex)
{
    rl_rules *rules = load(o, f, ex);
    rl_result *res = rules ? rl_result_new() : NULL;
    int rc = -1;
    if (res && check_report(o, f, ex, rules, res) == 0)
        rc = compare(f, ex, res);
    rl_result_free(res);
    rl_rules_free(rules);
    return rc;
}

/* Rules that no example expects a violation of, listed. */
static void coverage(const rt_file *f)
{
    size_t n_rules = 0, missing = 0;
    for (size_t r = 0; f->ids[r]; r++) {
        if (!strcmp(f->ids[r], "input"))
            continue;
        n_rules++;
        int hit = 0;
        for (size_t i = 0, n = rl_jnode_count(f->tests); !hit && i < n; i++) {
            const rl_jnode *vs = rt_member(rl_jnode_item(f->tests, i), "violations");
            for (size_t j = 0, m = rl_jnode_count(vs); !hit && j < m; j++)
                hit = !strcmp(rl_jnode_string(rt_member(rl_jnode_item(vs, j), "rule"), NULL),
                              f->ids[r]);
        }
        if (!hit)
            printf("%s%s", missing++ ? ", " : "  no example gives a violation of: ", f->ids[r]);
    }
    if (missing)
        putchar('\n');
    printf("  %zu of %zu rules covered (an example gives a violation of each)\n", n_rules - missing,
           n_rules);
}

void rt_run_file(const cli_opts *o, rt_file *f, rt_totals *t)
{
    size_t n = rl_jnode_count(f->tests), passed = 0, failed = 0;
    for (size_t i = 0; i < n; i++) {
        int rc = run_example(o, f, rl_jnode_item(f->tests, i));
        if (rc < 0)
            t->broken = 1;
        passed += rc == 1;
        failed += rc == 0;
    }
    printf("%s: %zu example%s, %zu passed, %zu failed\n", f->path, n, n == 1 ? "" : "s", passed,
           failed);
    if (o->verbosity >= 0)
        coverage(f);
    t->examples += n;
    t->passed += passed;
    t->failed += failed;
}
