/* test_rules.c — loading rule sets and checking reports through the public
 * API: loader diagnostics with locations, each kind's verdict, blame,
 * figures and counts. */
#include "unit.h"
#include "reportlint.h"

static rl_rules *load(const char *json)
{
    rl_rules *r = rl_rules_new();
    rl_rules_load_buffer(r, "rules.json", json, strlen(json));
    return r;
}

/* The diagnostic whose message contains needle, or NULL. */
static const rl_diag *diag_with(const rl_rules *r, const char *needle)
{
    for (size_t i = 0; i < rl_rules_diag_count(r); i++)
        if (strstr(rl_rules_diag(r, i)->message, needle))
            return rl_rules_diag(r, i);
    return NULL;
}

static void expect_diag(const char *rules, const char *needle, unsigned line, unsigned col,
                        const char *rule_id)
{
    rl_rules *r = load(rules);
    const rl_diag *d = diag_with(r, needle);
    if (!d) {
        for (size_t i = 0; i < rl_rules_diag_count(r); i++)
            fprintf(stderr, "  diag: %s\n", rl_rules_diag(r, i)->message);
        CU_FAIL(needle);
    } else {
        CU_ASSERT_EQUAL(d->line, line);
        CU_ASSERT_EQUAL(d->column, col);
        if (d->line != line || d->column != col)
            fprintf(stderr, "  %s: at %u:%u, expected %u:%u\n", needle, d->line, d->column, line, col);
        if (rule_id)
            CU_ASSERT_STRING_EQUAL(d->rule ? d->rule : "(none)", rule_id);
    }
    rl_rules_free(r);
}

static void test_loader_errors(void)
{
    expect_diag("{\"ruleset\": \"x\", \"rules\": [\n"
                "{\"id\": \"A\", \"kind\": \"sum\", \"total\": 1, \"parts\": [1], \"tolerence\": 1}]}",
                "did you mean 'tolerance'", 2, 54, "A");
    expect_diag("{\"ruleset\": \"x\", \"rules\": [{\"id\": \"A\", \"kind\": \"ratoi\"}]}",
                "did you mean 'ratio'", 1, 48, "A");
    expect_diag("{\"ruleset\": \"x\", \"rules\": [{\"id\": \"A\", \"kind\": \"average\", \"total\": 1, "
                "\"count\": 1}]}",
                "missing required field 'stated'", 1, 28, "A");
    expect_diag("{\"ruleset\": \"x\", \"rules\": [{\"id\": \"A\", \"kind\": \"expr\", \"assert\": "
                "\"@.a >= (1\"}]}",
                "column 10", 1, 76, "A");
    expect_diag("{\"ruleset\": \"x\", \"rules\": [{\"id\": \"A\", \"kind\": \"unique\", \"items\": "
                "\"$.a[\"}]}",
                "invalid JSONPath", 1, 72, "A");
    expect_diag("{\"ruleset\": \"x\", \"rules\": [{\"id\": \"A\", \"kind\": \"pattern\", \"value\": "
                "\"@.a\", \"regex\": \"a{2,1}\"}]}",
                "invalid regular expression", 1, 90, "A");
    expect_diag("{\"ruleset\": \"x\", \"rules\": [{\"id\": \"A\", \"kind\": \"expr\", \"assert\": "
                "true, \"severity\": \"fatal\"}]}",
                "field 'severity'", 1, 84, "A");
    expect_diag("{\"ruleset\": \"x\", \"rules\": [\n{\"id\": \"A\", \"kind\": \"expr\", \"assert\": true},\n"
                "{\"id\": \"A\", \"kind\": \"expr\", \"assert\": true}]}",
                "duplicate rule id 'A'", 3, 8, "A");
    expect_diag("{\"ruleset\": \"x\", \"rules\": [{\"id\": \"A\", \"kind\": \"expr\", \"assert\": "
                "\"$nope > 1\"}]}",
                "unknown parameter", 1, 67, "A");
    expect_diag("{\"ruleset\": 1, \"rules\": []}", "field 'ruleset' must be a string", 1, 13, NULL);
    expect_diag("{\"ruleset\": \"x\", \"rules\": [1,}", "invalid JSON", 1, 30, NULL);
}

static void test_clean_load_and_info(void)
{
    rl_rules *r = load("{\"ruleset\": \"x\", \"rules\": [{\"id\": \"A\", \"kind\": \"expr\", "
                       "\"title\": \"T\", \"severity\": \"warning\", \"assert\": true}]}");
    CU_ASSERT_EQUAL(rl_rules_diag_count(r), 0);
    CU_ASSERT_EQUAL(rl_rules_count(r), 1);
    rl_rule_info info;
    CU_ASSERT_EQUAL(rl_rules_info(r, 0, &info), 0);
    CU_ASSERT_STRING_EQUAL(info.id, "A");
    CU_ASSERT_STRING_EQUAL(info.kind, "expr");
    CU_ASSERT_STRING_EQUAL(info.title, "T");
    CU_ASSERT_EQUAL(info.severity, RL_SEVERITY_WARNING);
    CU_ASSERT_TRUE(rl_rules_has(r, "A"));
    CU_ASSERT_FALSE(rl_rules_has(r, "B"));
    rl_rules_free(r);
}

static const rl_figure *figure(const rl_violation *v, const char *name)
{
    for (size_t i = 0; i < v->n_figures; i++)
        if (strcmp(v->figures[i].name, name) == 0)
            return &v->figures[i];
    return NULL;
}

static rl_result *check(const char *rules, const char *report)
{
    rl_rules *r = load(rules);
    CU_ASSERT_EQUAL_FATAL(rl_rules_diag_count(r), 0);
    rl_result *res = rl_result_new();
    CU_ASSERT_EQUAL(rl_check_buffer(r, NULL, "r.json", report, strlen(report), res), 0);
    rl_rules_free(r); /* violations own their strings */
    return res;
}

static void test_average_seed(void)
{
    rl_result *res = check(
        "{\"ruleset\": \"x\", \"rules\": [{\"id\": \"SVC-AVG\", \"kind\": \"average\", "
        "\"total\": \"@.staff\", \"count\": \"@.centres\", \"stated\": \"@.avg\", "
        "\"tolerance\": \"reported\"}]}",
        "{\"staff\": 24382,\n \"centres\": 3139,\n \"avg\": 6}");
    CU_ASSERT_EQUAL_FATAL(rl_result_count(res), 1);
    const rl_violation *v = rl_result_violation(res, 0);
    CU_ASSERT_STRING_EQUAL(v->rule, "SVC-AVG");
    CU_ASSERT_STRING_EQUAL(v->pointer, "/avg");
    CU_ASSERT_EQUAL(v->line, 3);
    CU_ASSERT_EQUAL(v->column, 9);
    CU_ASSERT_EQUAL(figure(v, "actual")->i, 6);
    CU_ASSERT_DOUBLE_EQUAL(figure(v, "expected")->d, 24382.0 / 3139, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(figure(v, "tolerance")->d, 0.5, 1e-12);
    const rl_summary *s = rl_result_summary(res);
    CU_ASSERT_EQUAL(s->evaluations, 1);
    CU_ASSERT_EQUAL(s->failed, 1);
    CU_ASSERT_EQUAL(s->errors, 1);
    rl_result_free(res);
}

static void test_missing_is_not_applicable(void)
{
    rl_result *res = check("{\"ruleset\": \"x\", \"rules\": [{\"id\": \"S\", \"kind\": \"sum\", "
                           "\"total\": \"@.t\", \"parts\": [\"@.a\", \"@.b\"]}]}",
                           "{\"t\": 5, \"a\": 5}");
    CU_ASSERT_EQUAL(rl_result_count(res), 0);
    CU_ASSERT_EQUAL(rl_result_summary(res)->not_applicable, 1);
    rl_result_free(res);
}

static void test_deadline_overdue(void)
{
    rl_result *res = check(
        "{\"ruleset\": \"x\", \"params\": {\"as_of\": \"2025-12-20\"}, \"rules\": [{\"id\": \"D\", "
        "\"kind\": \"deadline\", \"each\": \"$.t[*]\", \"due\": \"--12-15\", \"done\": \"@.done\"}]}",
        "{\"t\": [{\"done\": \"2025-12-15\"}, {\"done\": null}, {\"done\": \"2025-12-18\"}]}");
    CU_ASSERT_EQUAL_FATAL(rl_result_count(res), 2);
    const rl_violation *open = rl_result_violation(res, 0), *late = rl_result_violation(res, 1);
    CU_ASSERT_STRING_EQUAL(open->pointer, "/t/1");
    CU_ASSERT_EQUAL(figure(open, "days_late")->i, 5);
    CU_ASSERT_EQUAL(figure(open, "done")->type, RL_FIG_NULL);
    CU_ASSERT_STRING_EQUAL(figure(open, "status")->s, "overdue");
    CU_ASSERT_STRING_EQUAL(late->pointer, "/t/2/done");
    CU_ASSERT_EQUAL(figure(late, "days_late")->i, 3);
    CU_ASSERT_STRING_EQUAL(figure(late, "due")->s, "2025-12-15");
    rl_result_free(res);
}

static void test_input_violation(void)
{
    rl_result *res = check("{\"ruleset\": \"x\", \"rules\": []}", "{\"a\": [1 2]}");
    CU_ASSERT_EQUAL_FATAL(rl_result_count(res), 1);
    const rl_violation *v = rl_result_violation(res, 0);
    CU_ASSERT_STRING_EQUAL(v->rule, "input");
    CU_ASSERT_EQUAL(v->severity, RL_SEVERITY_ERROR);
    CU_ASSERT_EQUAL(v->line, 1);
    CU_ASSERT_EQUAL(v->column, 10);
    rl_result_free(res);
}

static void test_broken_rules_refuse_to_check(void)
{
    rl_rules *r = load("{\"ruleset\": \"x\", \"rules\": [{\"id\": \"A\"}]}");
    rl_result *res = rl_result_new();
    CU_ASSERT_NOT_EQUAL(rl_check_buffer(r, NULL, "r.json", "{}", 2, res), 0);
    CU_ASSERT_EQUAL(rl_result_count(res), 0);
    rl_result_free(res);
    rl_rules_free(r);
}

int main(void)
{
    static const unit_test tests[] = {
        {"loader errors are located", test_loader_errors},
        {"clean load and rule info", test_clean_load_and_info},
        {"average of the seed figures", test_average_seed},
        {"missing data is not applicable", test_missing_is_not_applicable},
        {"deadline late and overdue", test_deadline_overdue},
        {"input violation", test_input_violation},
        {"broken rules refuse to check", test_broken_rules_refuse_to_check},
        {NULL, NULL},
    };
    return unit_run("rules", tests);
}
