/* test_result_filter.c — what a configuration changes in a check through
 * the public API: per-rule severity overrides (rl_check_opts.severities,
 * "off" = not run), and rl_result_filter / rl_result_set_baseline_fixed
 * (suppressed and baselined violations leave the output and the severity
 * counts, and the summary says how many). */
#include "unit.h"
#include "reportlint.h"

#include <stdlib.h>

static const char *rules_json =
    "{\"ruleset\": \"t\", \"rules\": [\n"
    "{\"id\": \"SUM\", \"kind\": \"sum\", \"total\": \"@.total\", \"parts\": [\"@.a\", \"@.b\"]},\n"
    "{\"id\": \"MIN\", \"kind\": \"threshold\", \"severity\": \"warning\", \"value\": \"@.rate\","
    " \"min\": 91}]}";
static const char *report = "{\"total\": 11, \"a\": 4, \"b\": 6, \"rate\": 90}";

static rl_result *run(const rl_check_opts *opts)
{
    rl_rules *r = rl_rules_new();
    CU_ASSERT_EQUAL(rl_rules_load_buffer(r, "rules.json", rules_json, strlen(rules_json)), 0);
    rl_result *res = rl_result_new();
    CU_ASSERT_EQUAL(rl_check_buffer(r, opts, "r.json", report, strlen(report), res), 0);
    rl_result_sort(res);
    rl_rules_free(r);
    return res;
}

static void test_severity_overrides(void)
{
    rl_result *res = run(NULL);
    CU_ASSERT_EQUAL(rl_result_count(res), 2);
    CU_ASSERT_EQUAL(rl_result_summary(res)->errors, 1);
    CU_ASSERT_EQUAL(rl_result_summary(res)->warnings, 1);
    rl_result_free(res);

    rl_rule_severity sev[] = {{"MIN", RL_SEVERITY_ERROR}, {"SUM", RL_SEVERITY_INFO},
                              {"NOPE", RL_SEVERITY_ERROR}, {"SUM", RL_SEVERITY_WARNING}};
    rl_check_opts opts = RL_CHECK_OPTS_INIT;
    opts.severities = sev;
    opts.n_severities = 4;
    res = run(&opts);
    CU_ASSERT_EQUAL(rl_result_count(res), 2);
    CU_ASSERT_EQUAL(rl_result_summary(res)->errors, 1);   /* MIN raised */
    CU_ASSERT_EQUAL(rl_result_summary(res)->warnings, 1); /* SUM: the last entry wins */
    CU_ASSERT_EQUAL(rl_result_summary(res)->infos, 0);
    const rl_violation *v = rl_result_violation(res, 0);
    ASSERT_STR_EQ(v->rule, "SUM");
    CU_ASSERT_EQUAL(v->severity, RL_SEVERITY_WARNING);
    rl_result_free(res);

    rl_rule_severity off[] = {{"SUM", RL_SEVERITY_OFF}};
    opts.severities = off;
    opts.n_severities = 1;
    res = run(&opts);
    CU_ASSERT_EQUAL(rl_result_count(res), 1);
    ASSERT_STR_EQ(rl_result_violation(res, 0)->rule, "MIN");
    CU_ASSERT_EQUAL(rl_result_summary(res)->rules, 1); /* an off rule is not counted */
    CU_ASSERT_EQUAL(rl_result_summary(res)->evaluations, 1);
    rl_result_free(res);
}

static rl_verdict by_rule(const rl_violation *v, void *ctx)
{
    (void)ctx;
    if (strcmp(v->rule, "SUM") == 0)
        return RL_VERDICT_SUPPRESS;
    return RL_VERDICT_KEEP;
}

static rl_verdict all_known(const rl_violation *v, void *ctx)
{
    (void)v;
    ++*(int *)ctx;
    return RL_VERDICT_BASELINE;
}

static char *written(const rl_result *res, rl_format f)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    rl_write(out, f, res, NULL);
    fclose(out);
    return buf;
}

static void test_filter(void)
{
    rl_result *res = run(NULL);
    rl_result_filter(res, by_rule, NULL);
    CU_ASSERT_EQUAL(rl_result_count(res), 1);
    ASSERT_STR_EQ(rl_result_violation(res, 0)->rule, "MIN");
    const rl_summary *s = rl_result_summary(res);
    CU_ASSERT_EQUAL(s->errors, 0);
    CU_ASSERT_EQUAL(s->warnings, 1);
    CU_ASSERT_EQUAL(s->suppressed, 1);
    CU_ASSERT_EQUAL(s->failed, 2); /* evaluation counts do not change */
    CU_ASSERT_EQUAL(rl_result_max_severity(res), RL_SEVERITY_WARNING);
    char *text = written(res, RL_FORMAT_TEXT);
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "2 failed, 0 not applicable; 1 suppressed\n"));
    CU_ASSERT_PTR_NULL(strstr(text, "baseline"));
    free(text);

    int asked = 0;
    rl_result_filter(res, all_known, &asked);
    rl_result_set_baseline_fixed(res, 3);
    CU_ASSERT_EQUAL(asked, 1);
    CU_ASSERT_EQUAL(rl_result_count(res), 0);
    CU_ASSERT_EQUAL(rl_result_max_severity(res), -1);
    CU_ASSERT_EQUAL(s->baseline_known, 1);
    text = written(res, RL_FORMAT_TEXT);
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "; 1 suppressed; baseline: 0 new, 1 known, 3 fixed\n"));
    free(text);
    char *json = written(res, RL_FORMAT_JSON);
    CU_ASSERT_PTR_NOT_NULL(
        strstr(json, "}},\"suppressed\":1,\"baseline\":{\"new\":0,\"known\":1,\"fixed\":3}}"));
    free(json);
    rl_result_free(res);

    res = run(NULL); /* nothing filtered: the output is as before */
    json = written(res, RL_FORMAT_JSON);
    CU_ASSERT_PTR_NULL(strstr(json, "suppressed"));
    CU_ASSERT_PTR_NOT_NULL(strstr(json, "\"not_applicable\":0}}}\n}"));
    free(json);
    rl_result_free(res);
}

int main(void)
{
    static const unit_test tests[] = {
        {"severity overrides and off", test_severity_overrides},
        {"filtering: suppressed and baselined", test_filter},
        {NULL, NULL},
    };
    return unit_run("result_filter", tests);
}
