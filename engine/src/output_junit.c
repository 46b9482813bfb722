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

static void failed_case(rl_sbuf *b, const char *file, const rl_violation *v)
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
}

static void clean_case(rl_sbuf *b, const char *file, const char *rule, int skipped)
{
    rl_sbuf_adds(b, "    <testcase");
    attr(b, "classname", file);
    attr(b, "name", rule);
    if (skipped) {
        rl_sbuf_adds(b, "><skipped message=\"not checked: the report could not be read\"/>"
                        "</testcase>\n");
    } else {
        rl_sbuf_adds(b, "/>\n");
    }
}

/* The rule index of each violation of a group (on jobs threads). */
typedef struct rule_of_run {
    const rl_out_view *view;
    const rl_out_group *g;
    long *idx;
} rule_of_run;

static void rule_of(void *ctx, size_t i)
{
    const rule_of_run *r = ctx;
    r->idx[i] = rl_out_view_rule(r->view, r->g->v[i]->rule);
}

/* A group's violations ordered by rule index (stable): by_rule[] holds
 * them, start[r]..start[r+1] those of rule r. */
static int bucket(const rl_out_view *view, const rl_out_group *g, const rl_violation **by_rule,
                  size_t *start, unsigned jobs)
{
    long *idx = malloc((g->n + 1) * sizeof *idx);
    if (!idx)
        return -1;
    rule_of_run ro = {view, g, idx};
    rl_out_for(g->n, jobs, rule_of, &ro);
    memset(start, 0, (view->n_rules + 1) * sizeof *start);
    for (size_t i = 0; i < g->n; i++)
        if (idx[i] >= 0)
            start[idx[i] + 1]++;
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

/* A file's test cases: its violations by rule (bucket), and the counts. */
typedef struct suite_plan {
    const rl_out_group *g;
    const rl_violation **by_rule;
    size_t *start;
    int unread; /* input violations and nothing run: the rules' cases are skipped */
    totals t;
} suite_plan;

static int plan_suite(const rl_out_view *view, const rl_out_group *g, suite_plan *sp, unsigned jobs)
{
    *sp = (suite_plan){g,
                       malloc((g->n + 1) * sizeof *sp->by_rule),
                       malloc((view->n_rules + 1) * sizeof *sp->start),
                       0,
                       {0, 0, 0}};
    if (!sp->by_rule || !sp->start || bucket(view, g, sp->by_rule, sp->start, jobs) != 0)
        return -1;
    sp->unread = g->counts.evaluations == 0 && sp->start[1] > 0;
    for (size_t r = 0; r < view->n_rules; r++) { /* one failing case per violation, or one clean */
        size_t n = sp->start[r + 1] - sp->start[r];
        sp->t.tests += n ? n : 1;
        sp->t.failures += n;
        sp->t.skipped += !n && sp->unread && r > 0;
    }
    return 0;
}

/* One test case: a violation's failing one, or (v NULL) rule's clean one. */
typedef struct test_case {
    const rl_violation *v;
    size_t rule;
} test_case;

typedef struct cases_run {
    const rl_out_view *view;
    const suite_plan *sp;
    const test_case *cases;
} cases_run;

static void case_item(void *ctx, size_t i, rl_sbuf *b)
{
    const cases_run *c = ctx;
    const test_case *tc = &c->cases[i];
    if (tc->v)
        failed_case(b, c->sp->g->file, tc->v);
    else
        clean_case(b, c->sp->g->file, c->view->rules[tc->rule].id, c->sp->unread && tc->rule > 0);
}

/* A file's test cases, rule by rule: one failing per violation, or one
 * passing (or skipped) when the rule has none; formatted on jobs threads. */
static int suite(FILE *out, rl_sbuf *b, const rl_out_view *view, const suite_plan *sp,
                 unsigned jobs)
{
    rl_sbuf_adds(b, "  <testsuite");
    attr(b, "name", sp->g->file);
    rl_sbuf_printf(b, " tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"%zu\">\n",
                   sp->t.tests, sp->t.failures, sp->t.skipped);
    test_case *cases = malloc((sp->t.tests + 1) * sizeof *cases);
    size_t n = 0;
    for (size_t r = 0; cases && r < view->n_rules; r++) {
        for (size_t k = sp->start[r]; k < sp->start[r + 1]; k++)
            cases[n++] = (test_case){sp->by_rule[k], r};
        if (sp->start[r] == sp->start[r + 1])
            cases[n++] = (test_case){NULL, r};
    }
    cases_run c = {view, sp, cases};
    int rc = cases ? rl_out_items(out, b, n, jobs, case_item, &c) : -1;
    free(cases);
    rl_sbuf_adds(b, "  </testsuite>\n");
    return rc;
}

int rl_write_junit(FILE *out, const rl_result *res, const rl_write_opts *opts)
{
    rl_out_view view;
    if (rl_out_view_init(&view, res) != 0)
        return -1;
    rl_sbuf b = RL_SBUF_INIT;
    suite_plan *plans = calloc(view.n_groups + 1, sizeof *plans);
    totals t = {0, 0, 0};
    int rc = plans ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < view.n_groups; i++) {
        rc = plan_suite(&view, &view.groups[i], &plans[i], rl_out_jobs(opts));
        t.tests += plans[i].t.tests;
        t.failures += plans[i].t.failures;
    }
    rl_sbuf_adds(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    rl_sbuf_printf(&b,
                   "<testsuites name=\"reportlint\" tests=\"%zu\" failures=\"%zu\" errors=\"0\">\n",
                   t.tests, t.failures);
    for (size_t i = 0; rc == 0 && i < view.n_groups; i++)
        rc = suite(out, &b, &view, &plans[i], rl_out_jobs(opts));
    rl_sbuf_adds(&b, "</testsuites>\n");
    if (rc != 0)
        b.oom = 1;
    for (size_t i = 0; plans && i < view.n_groups; i++) {
        free(plans[i].by_rule);
        free(plans[i].start);
    }
    free(plans);
    rl_out_view_free(&view);
    return rl_out_flush(&b, out);
}
