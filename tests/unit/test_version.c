/* test_version.c — the version macros and rl_version agree, the option
 * initialisers give every default and their struct's version, and an
 * option struct of another version (zeroed, or from a newer header) is
 * refused by every function that takes it. */
#include "unit.h"
#include "reportlint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_version(void)
{
    char want[32];
    snprintf(want, sizeof want, "%d.%d.%d", RL_VERSION_MAJOR, RL_VERSION_MINOR, RL_VERSION_PATCH);
    ASSERT_STR_EQ(RL_VERSION, want);
    ASSERT_STR_EQ(rl_version(), RL_VERSION);
    CU_ASSERT_EQUAL(rl_version_num(), RL_VERSION_NUM);
    CU_ASSERT_EQUAL(RL_VERSION_NUM, RL_VERSION_MAJOR * 10000 + RL_VERSION_MINOR * 100 + RL_VERSION_PATCH);
}

static void test_opts_init(void)
{
    rl_check_opts c = RL_CHECK_OPTS_INIT;
    CU_ASSERT_EQUAL(c.version, RL_CHECK_OPTS_VERSION);
    CU_ASSERT_PTR_NULL(c.locale);
    CU_ASSERT_PTR_NULL(c.only);
    CU_ASSERT_EQUAL(c.max_violations, 0);
    CU_ASSERT_EQUAL(c.timeout, 0.0);
    rl_write_opts w = RL_WRITE_OPTS_INIT;
    CU_ASSERT_EQUAL(w.version, RL_WRITE_OPTS_VERSION);
    CU_ASSERT_EQUAL(w.color, 0);
    CU_ASSERT_EQUAL(w.verbosity, 0);
    rl_tool_opts t = RL_TOOL_OPTS_INIT;
    CU_ASSERT_EQUAL(t.version, RL_TOOL_OPTS_VERSION);
    CU_ASSERT_PTR_NULL(t.at);
    CU_ASSERT_EQUAL(t.record, 0);
}

static const char *rules_json =
    "{\"ruleset\": \"t\", \"rules\": [{\"id\": \"POS\", \"kind\": \"threshold\","
    " \"value\": \"@.n\", \"min\": 1}]}";
static const char *report = "{\"n\": 0}";

/* rl_check_buffer and rl_result_judge with c: their return values. */
static void check_with(const rl_check_opts *c, int *checked, int *judged)
{
    rl_rules *r = rl_rules_new();
    CU_ASSERT_EQUAL(rl_rules_load_buffer(r, "rules.json", rules_json, strlen(rules_json)), 0);
    rl_result *res = rl_result_new();
    *checked = rl_check_buffer(r, c, "r.json", report, strlen(report), res);
    *judged = rl_result_judge(r, c, res);
    CU_ASSERT_EQUAL(rl_result_count(res), *checked == 0 ? 1 : 0);
    rl_result_free(res);
    rl_rules_free(r);
}

static void test_check_opts_version(void)
{
    const unsigned versions[] = {0, RL_CHECK_OPTS_VERSION + 1, 0xffffffffu};
    for (size_t i = 0; i < sizeof versions / sizeof *versions; i++) {
        rl_check_opts c = RL_CHECK_OPTS_INIT;
        c.version = versions[i];
        int checked, judged;
        check_with(&c, &checked, &judged);
        CU_ASSERT_EQUAL(checked, -1);
        CU_ASSERT_EQUAL(judged, -1);
    }
    rl_check_opts ok = RL_CHECK_OPTS_INIT;
    int checked, judged;
    check_with(&ok, &checked, &judged);
    CU_ASSERT_EQUAL(checked, 0);
    CU_ASSERT_EQUAL(judged, 0);
}

static void test_write_opts_version(void)
{
    FILE *out = tmpfile();
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    rl_result *res = rl_result_new();
    rl_write_opts w = RL_WRITE_OPTS_INIT;
    CU_ASSERT_EQUAL(rl_write_ex(out, RL_FORMAT_TEXT, res, NULL, &w), 0);
    long written = ftell(out);
    CU_ASSERT(written > 0);
    w.version = 0;
    CU_ASSERT_EQUAL(rl_write_ex(out, RL_FORMAT_TEXT, res, NULL, &w), -1);
    w.version = RL_WRITE_OPTS_VERSION + 1;
    CU_ASSERT_EQUAL(rl_write_ex(out, RL_FORMAT_JSON, res, NULL, &w), -1);
    CU_ASSERT_EQUAL(ftell(out), written); /* nothing written when refused */
    rl_result_free(res);
    fclose(out);
}

static void test_tool_opts_version(void)
{
    rl_tool_opts t = RL_TOOL_OPTS_INIT;
    char *json = NULL;
    rl_error err = {0};
    CU_ASSERT_EQUAL(rl_eval_report(NULL, &t, "@.n + 1", report, strlen(report), &json, &err), 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(json);
    ASSERT_STR_EQ(json, "1");
    free(json);
    json = NULL;
    t.version = 0;
    CU_ASSERT_EQUAL(rl_eval_report(NULL, &t, "@.n + 1", report, strlen(report), &json, &err), -1);
    CU_ASSERT_PTR_NULL(json);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "rl_tool_opts version 0 is not supported"));
    err.message[0] = '\0';
    t.version = RL_TOOL_OPTS_VERSION + 1;
    CU_ASSERT_EQUAL(rl_select_report(&t, "$.n", report, strlen(report), &json, &err), -1);
    CU_ASSERT_PTR_NULL(json);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "rl_tool_opts version 2 is not supported"));
}

int main(void)
{
    static const unit_test tests[] = {
        {"version macros and rl_version", test_version},
        {"option initialisers", test_opts_init},
        {"rl_check_opts of another version refused", test_check_opts_version},
        {"rl_write_opts of another version refused", test_write_opts_version},
        {"rl_tool_opts of another version refused", test_tool_opts_version},
        {NULL, NULL},
    };
    return unit_run("version", tests);
}
