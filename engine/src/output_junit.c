/* output_junit.c — JUnit XML, as GitLab, Jenkins and Azure read it:
 *
 *   <testsuites>                     totals of tests, failures (no skipped:
 *                                    Jenkins' junit-10.xsd has none there)
 *     <testsuite name=FILE>          one per checked file, in check order
 *       <testcase classname=FILE name="RULE at LINE:COL POINTER">
 *         <failure .../>             one testcase per violation
 *       <testcase classname=FILE name=RULE/>
 *                                    one passing testcase per rule that ran
 *                                    clean in the file, and `input` when the
 *                                    report could be read
 *
 * So a dashboard's "failed tests" is the number of violations (ESLint's
 * formatter does the same), and its "passed tests" the rules a file
 * satisfies. A failure's type is the severity, its message the message,
 * its text line:column, the JSON Pointer and the figures. When a report
 * could not be read at all (an input violation and nothing evaluated) its
 * rules are <skipped/>. The output validates against the Jenkins/Ant
 * schema (tests/junit/junit-jenkins.xsd).
 *
 * Attribute and text values go through rl_out_xml: entities for markup,
 * and characters XML 1.0 forbids shown as \xNN. No timestamps. */
#include "output.h"

#include <stdlib.h>
#include <string.h>

typedef struct totals {
    size_t tests, failures, skipped;
} totals;

static void attr(rl_sbuf *b, const char *name, const char *value)
{
    rl_sbuf_printf(b, " %s=\"", name);
    rl_out_xml(b, value, 1);
    rl_sbuf_addc(b, '"');
}

/* "    at /pointer; name=value, ..." — left out when there is neither. */
static void where_and_figures(rl_sbuf *b, const rl_violation *v)
{
    int ptr = v->pointer && v->pointer[0];
    if (!ptr && !v->n_figures)
        return;
    rl_sbuf_adds(b, "\n    ");
    if (ptr)
        rl_sbuf_printf(b, "at %s%s", v->pointer, v->n_figures ? "; " : "");
    for (size_t i = 0; i < v->n_figures; i++) {
        rl_sbuf_printf(b, "%s%s=", i ? ", " : "", v->figures[i].name);
        rl_out_figure_text(b, &v->figures[i]);
    }
}

/* The failure text of one violation, as plain text (escaped afterwards). */
static void violation_text(rl_sbuf *t, const rl_violation *v)
{
    if (v->line)
        rl_sbuf_printf(t, "%u:%u: ", v->line, v->column);
    rl_sbuf_printf(t, "%s: %s", rl_severity_name(v->severity), v->message ? v->message : "");
    where_and_figures(t, v);
    rl_sbuf_addc(t, '\n');
}

/* "RULE at 41:31 /service_centres/avg_staff": the rule and where. */
static void case_name(rl_sbuf *n, const rl_violation *v)
{
    rl_sbuf_adds(n, v->rule);
    int ptr = v->pointer && v->pointer[0];
    if (v->line || ptr)
        rl_sbuf_adds(n, " at");
    if (v->line)
        rl_sbuf_printf(n, " %u:%u", v->line, v->column);
    if (ptr)
        rl_sbuf_printf(n, " %s", v->pointer);
}

static void failed_case(rl_sbuf *b, const char *file, const rl_violation *v, totals *t)
{
    rl_sbuf name = RL_SBUF_INIT, text = RL_SBUF_INIT;
    case_name(&name, v);
    violation_text(&text, v);
    rl_sbuf_adds(b, "    <testcase");
    attr(b, "classname", file);
    attr(b, "name", rl_sbuf_str(&name));
    rl_sbuf_adds(b, ">\n      <failure");
    attr(b, "type", rl_severity_name(v->severity));
    attr(b, "message", v->message ? v->message : "");
    rl_sbuf_addc(b, '>');
    rl_out_xml(b, rl_sbuf_str(&text), 0);
    rl_sbuf_adds(b, "</failure>\n    </testcase>\n");
    if (!rl_sbuf_ok(&name) || !rl_sbuf_ok(&text))
        b->oom = 1;
    rl_sbuf_free(&name);
    rl_sbuf_free(&text);
    t->tests++;
    t->failures++;
}

static void clean_case(rl_sbuf *b, const char *file, const char *rule, int skipped, totals *t)
{
    rl_sbuf_adds(b, "    <testcase");
    attr(b, "classname", file);
    attr(b, "name", rule);
    t->tests++;
    if (skipped) {
        rl_sbuf_adds(b, "><skipped message=\"not checked: the report could not be read\"/>"
                        "</testcase>\n");
        t->skipped++;
    } else {
        rl_sbuf_adds(b, "/>\n");
    }
}

/* A group's violations ordered by rule index (stable): by_rule[] holds
 * them, start[r]..start[r+1] those of rule r. */
static int bucket(const rl_out_view *view, const rl_out_group *g, const rl_violation **by_rule,
                  size_t *start)
{
    long *idx = malloc((g->n + 1) * sizeof *idx);
    if (!idx)
        return -1;
    memset(start, 0, (view->n_rules + 1) * sizeof *start);
    for (size_t i = 0; i < g->n; i++) {
        idx[i] = rl_out_view_rule(view, g->v[i]->rule);
        if (idx[i] >= 0)
            start[idx[i] + 1]++;
    }
    for (size_t r = 0; r < view->n_rules; r++)
        start[r + 1] += start[r];
    size_t *fill = malloc((view->n_rules + 1) * sizeof *fill);
    if (fill) {
        memcpy(fill, start, (view->n_rules + 1) * sizeof *fill);
        for (size_t i = 0; i < g->n; i++)
            if (idx[i] >= 0)
                by_rule[fill[idx[i]]++] = g->v[i];
    }
    free(fill);
    free(idx);
    return fill ? 0 : -1;
}

/* Rule r's test cases in a file: one failing per violation, or one
 * passing (or skipped) when it has none. */
static void rule_cases(rl_sbuf *b, const char *file, const char *rule,
                       const rl_violation *const *vs, size_t n, int skipped, totals *t)
{
    for (size_t i = 0; i < n; i++)
        failed_case(b, file, vs[i], t);
    if (!n)
        clean_case(b, file, rule, skipped, t);
}

static int suite(rl_sbuf *b, const rl_out_view *view, const rl_out_group *g, totals *all)
{
    const rl_violation **by_rule = malloc((g->n + 1) * sizeof *by_rule);
    size_t *start = malloc((view->n_rules + 1) * sizeof *start);
    if (!by_rule || !start || bucket(view, g, by_rule, start) != 0) {
        free(by_rule);
        free(start);
        return -1;
    }
    int unread = g->counts.evaluations == 0 && start[1] > 0; /* input violations, nothing run */
    rl_sbuf cases = RL_SBUF_INIT;
    totals t = {0, 0, 0};
    for (size_t r = 0; r < view->n_rules; r++)
        rule_cases(&cases, g->file, view->rules[r].id, by_rule + start[r],
                   start[r + 1] - start[r], unread && r > 0, &t);
    rl_sbuf_adds(b, "  <testsuite");
    attr(b, "name", g->file);
    rl_sbuf_printf(b, " tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"%zu\">\n", t.tests,
                   t.failures, t.skipped);
    rl_sbuf_add(b, rl_sbuf_str(&cases), cases.len);
    rl_sbuf_adds(b, "  </testsuite>\n");
    if (!rl_sbuf_ok(&cases))
        b->oom = 1;
    all->tests += t.tests;
    all->failures += t.failures;
    all->skipped += t.skipped;
    rl_sbuf_free(&cases);
    free(by_rule);
    free(start);
    return 0;
}

int rl_write_junit(FILE *out, const rl_result *res, const rl_write_opts *opts)
{
    (void)opts;
    rl_out_view view;
    if (rl_out_view_init(&view, res) != 0)
        return -1;
    rl_sbuf suites = RL_SBUF_INIT, b = RL_SBUF_INIT;
    totals t = {0, 0, 0};
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < view.n_groups; i++)
        rc = suite(&suites, &view, &view.groups[i], &t);
    rl_sbuf_adds(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    rl_sbuf_printf(&b, "<testsuites name=\"reportlint\" tests=\"%zu\" failures=\"%zu\" errors=\"0\">\n",
                   t.tests, t.failures);
    rl_sbuf_add(&b, rl_sbuf_str(&suites), suites.len);
    rl_sbuf_adds(&b, "</testsuites>\n");
    if (!rl_sbuf_ok(&suites) || rc != 0)
        b.oom = 1;
    rl_sbuf_free(&suites);
    rl_out_view_free(&view);
    return rl_out_flush(&b, out);
}
