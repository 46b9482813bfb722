/* test_output.c — the writers through the public API: format names, the
 * streaming listener, files recorded in check order, the view's grouping,
 * SARIF fingerprints (stable, blind to the calendar), JUnit counts, and
 * the text options (quiet, verbose, colour). */
#include "unit.h"
#include "reportlint.h"
#include "output.h"
#include "result.h"

#include <cjson/cJSON.h>
#include <stdlib.h>

static const char *rules_json =
    "{\"ruleset\": \"t\", \"params\": {\"as_of\": \"2025-12-10\"}, \"rules\": ["
    "{\"id\": \"SUM\", \"kind\": \"sum\", \"title\": \"total\", \"total\": \"@.total\","
    " \"parts\": [\"@.a\", \"@.b\"]},"
    "{\"id\": \"WARN\", \"kind\": \"threshold\", \"severity\": \"warning\", \"value\": \"@.rate\","
    " \"min\": 91},"
    "{\"id\": \"DUE\", \"kind\": \"deadline\", \"when\": \"exists(@.done)\", \"due\": \"2025-11\","
    " \"done\": \"@.done\"}]}";

static rl_rules *load(void)
{
    rl_rules *r = rl_rules_new();
    CU_ASSERT_EQUAL_FATAL(rl_rules_load_buffer(r, "rules.json", rules_json, strlen(rules_json)), 0);
    return r;
}

static void check(const rl_rules *r, rl_result *res, const char *name, const char *json)
{
    CU_ASSERT_EQUAL(rl_check_buffer(r, NULL, name, json, strlen(json), res), 0);
}

static char *write_str(rl_format f, const rl_result *res, const rl_rules *rules,
                       const rl_write_opts *opts)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    CU_ASSERT_EQUAL(rl_write_ex(m, f, res, rules, opts), 0);
    fclose(m);
    return buf;
}

static void test_format_names(void)
{
    static const char *const names[] = {"text", "json", "ndjson", "sarif", "junit", "github", "html"};
    for (size_t i = 0; i < 7; i++) {
        rl_format f;
        CU_ASSERT_EQUAL(rl_format_parse(names[i], &f), 0);
        CU_ASSERT_EQUAL((size_t)f, i);
        CU_ASSERT_PTR_NOT_NULL(strstr(rl_format_names(), names[i]));
    }
    rl_format f;
    CU_ASSERT_EQUAL(rl_format_parse("yaml", &f), -1);
    CU_ASSERT_EQUAL(rl_format_parse("JSON", &f), -1);
}

typedef struct seen {
    char rules[16][16];
    size_t n;
} seen;

static void listen(const rl_violation *v, void *user)
{
    seen *s = user;
    if (s->n < 16)
        snprintf(s->rules[s->n], sizeof s->rules[0], "%s", v->rule);
    s->n++;
}

static void test_listener(void)
{
    rl_rules *r = load();
    rl_result *res = rl_result_new();
    seen s = {0};
    rl_result_on_violation(res, listen, &s);
    check(r, res, "b.json", "{\"total\": 11, \"a\": 4, \"b\": 6, \"rate\": 90, \"done\": \"2025-10-01\"}");
    CU_ASSERT_EQUAL(s.n, 2); /* in check order: rule order, not position */
    ASSERT_STR_EQ(s.rules[0], "SUM");
    ASSERT_STR_EQ(s.rules[1], "WARN");
    check(r, res, "a.json", "{");
    CU_ASSERT_EQUAL(s.n, 3);
    ASSERT_STR_EQ(s.rules[2], "input");
    rl_result_on_violation(res, NULL, NULL);
    check(r, res, "c.json", "{\"total\": 1, \"a\": 4, \"b\": 6}");
    CU_ASSERT_EQUAL(s.n, 3);
    CU_ASSERT_EQUAL(rl_result_count(res), 4);
    rl_result_free(res);
    rl_rules_free(r);
}

static void test_files_and_groups(void)
{
    rl_rules *r = load();
    rl_result *res = rl_result_new();
    check(r, res, "z.json", "{\"total\": 11, \"a\": 4, \"b\": 6}");
    check(r, res, "a.json", "{\"total\": 10, \"a\": 4, \"b\": 6}");
    check(r, res, "z.json", "{\"rate\": 80}"); /* the same name again */
    CU_ASSERT_EQUAL(rl_result_file_count(res), 3);
    rl_summary c;
    ASSERT_STR_EQ(rl_result_file(res, 0, &c), "z.json");
    CU_ASSERT_EQUAL(c.evaluations, 3);
    CU_ASSERT_EQUAL(c.failed, 1);
    CU_ASSERT_EQUAL(c.errors, 1);
    ASSERT_STR_EQ(rl_result_file(res, 1, &c), "a.json");
    CU_ASSERT_EQUAL(c.passed, 1);
    CU_ASSERT_EQUAL(c.not_applicable, 2);
    CU_ASSERT_EQUAL(c.errors + c.warnings + c.infos, 0);
    ASSERT_STR_EQ(rl_result_file(res, 2, &c), "z.json");
    CU_ASSERT_EQUAL(c.warnings, 1);
    CU_ASSERT_PTR_NULL(rl_result_file(res, 3, &c));
    CU_ASSERT_EQUAL(rl_result_summary(res)->files, 3);

    rl_result_sort(res); /* sorting violations does not reorder files */
    rl_out_view view;
    CU_ASSERT_EQUAL_FATAL(rl_out_view_init(&view, res), 0);
    CU_ASSERT_EQUAL(view.n_groups, 2); /* z.json twice is one group, first in check order */
    ASSERT_STR_EQ(view.groups[0].file, "z.json");
    CU_ASSERT_EQUAL(view.groups[0].n, 2);
    CU_ASSERT_EQUAL(view.groups[0].counts.files, 2);
    CU_ASSERT_EQUAL(view.groups[0].counts.errors, 1);
    CU_ASSERT_EQUAL(view.groups[0].counts.warnings, 1);
    ASSERT_STR_EQ(view.groups[1].file, "a.json");
    CU_ASSERT_EQUAL(view.groups[1].n, 0);
    CU_ASSERT_EQUAL(view.n_rules, 4); /* input + SUM, WARN, DUE */
    ASSERT_STR_EQ(view.rules[0].id, "input");
    CU_ASSERT_EQUAL(rl_out_view_rule(&view, "WARN"), 2);
    CU_ASSERT_EQUAL(rl_out_view_rule(&view, "NOPE"), -1);
    CU_ASSERT_EQUAL(view.rules[1].counts[RL_SEVERITY_ERROR], 1);

    /* the view's rules are those the result records as run, with their counts */
    CU_ASSERT_PTR_NOT_NULL_FATAL(view.rules[1].ran);
    CU_ASSERT_EQUAL(view.rules[1].ran->evaluations, 3);
    rl_out_view_free(&view);
    rl_result_free(res);

    const char *only[] = {"SUM"};
    rl_check_opts opts = RL_CHECK_OPTS_INIT;
    opts.only = only;
    opts.n_only = 1;
    res = rl_result_new();
    CU_ASSERT_EQUAL(rl_check_buffer(r, &opts, "w.json", "{\"rate\": 80}", 12, res), 0);
    rl_result_add(res, &(rl_violation){.file = "w.json", .rule = "WARN", .message = "m"});
    CU_ASSERT_EQUAL_FATAL(rl_out_view_init(&view, res), 0);
    /* SUM ran; WARN is listed because a violation names it (without counts) */
    CU_ASSERT_EQUAL(view.n_rules, 3);
    CU_ASSERT_EQUAL(rl_out_view_rule(&view, "DUE"), -1);
    CU_ASSERT_PTR_NULL(view.rules[rl_out_view_rule(&view, "WARN")].ran);
    rl_out_view_free(&view);
    rl_result_free(res);

    /* many rule ids only violations name, each repeated: one row each */
    res = rl_result_new();
    static const char *const ids[] = {"X1", "X2", "X3", "X4", "X5", "X6", "X7", "X8"};
    for (size_t k = 0; k < 3; k++)
        for (size_t i = 0; i < 8; i++)
            rl_result_add(res, &(rl_violation){.file = "f", .rule = ids[i], .message = "m"});
    CU_ASSERT_EQUAL_FATAL(rl_out_view_init(&view, res), 0);
    CU_ASSERT_EQUAL(view.n_rules, 9); /* input + X1..X8 */
    CU_ASSERT_EQUAL(view.rules[rl_out_view_rule(&view, "X8")].counts[RL_SEVERITY_INFO], 3);
    rl_out_view_free(&view);
    rl_result_free(res);
    rl_rules_free(r);
}

/* The fingerprints of a SARIF log's results, in order. */
static size_t fingerprints(const char *sarif, char out[][40], size_t max)
{
    cJSON *doc = cJSON_Parse(sarif);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    cJSON *run = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "runs"), 0);
    cJSON *results = cJSON_GetObjectItem(run, "results"), *r;
    size_t n = 0;
    cJSON_ArrayForEach(r, results)
    {
        cJSON *fp = cJSON_GetObjectItem(cJSON_GetObjectItem(r, "partialFingerprints"),
                                        "primaryLocationLineHash");
        CU_ASSERT_TRUE(cJSON_IsString(fp));
        if (n < max && cJSON_IsString(fp))
            snprintf(out[n], 40, "%s", fp->valuestring);
        n++;
    }
    cJSON_Delete(doc);
    return n;
}

static char *sarif_of(const char *report, const char *as_of)
{
    rl_rules *r = load();
    if (as_of)
        CU_ASSERT_EQUAL(rl_rules_set_param(r, "as_of", as_of, NULL), 0);
    rl_result *res = rl_result_new();
    check(r, res, "dir/a b.json", report);
    rl_result_sort(res);
    char *s = write_str(RL_FORMAT_SARIF, res, r, NULL);
    rl_result_free(res);
    rl_rules_free(r);
    return s;
}

static void test_sarif_fingerprints(void)
{
    const char *rep = "{\"total\": 11, \"a\": 4, \"b\": 6, \"done\": null}";
    char a[4][40], b[4][40], c[4][40], d[4][40];
    char *s1 = sarif_of(rep, "2025-12-10"), *s2 = sarif_of(rep, "2025-12-10");
    char *s3 = sarif_of(rep, "2026-01-20"); /* a later day: DUE's days_late moves */
    char *s4 = sarif_of("{\"total\": 12, \"a\": 4, \"b\": 6, \"done\": null}", "2025-12-10");
    CU_ASSERT_STRING_EQUAL(s1, s2); /* same input, same bytes */
    CU_ASSERT_EQUAL(fingerprints(s1, a, 4), 2);
    CU_ASSERT_EQUAL(fingerprints(s3, c, 4), 2);
    CU_ASSERT_EQUAL(fingerprints(s4, d, 4), 2);
    fingerprints(s2, b, 4);
    ASSERT_STR_EQ(a[0], b[0]);
    CU_ASSERT_STRING_NOT_EQUAL(a[0], a[1]);
    ASSERT_STR_EQ(a[0], c[0]); /* DUE (1:1, first): as_of and days_late are not hashed */
    ASSERT_STR_EQ(a[1], c[1]);
    ASSERT_STR_EQ(a[0], d[0]);          /* DUE did not change */
    CU_ASSERT_STRING_NOT_EQUAL(a[1], d[1]); /* SUM's figures did */
    CU_ASSERT_PTR_NOT_NULL(strstr(s1, "\"uri\":\"dir/a%20b.json\",\"uriBaseId\":\"%SRCROOT%\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(a[0], ":1"));
    free(s1);
    free(s2);
    free(s3);
    free(s4);
}

static void test_sarif_paths(void)
{
    rl_rules *r = load();
    rl_result *res = rl_result_new();
    check(r, res, "/abs/x y.json", "{\"total\": 11, \"a\": 4, \"b\": 6}");
    check(r, res, "./././rel.json", "{\"total\": 11, \"a\": 4, \"b\": 6}");
    char *s = write_str(RL_FORMAT_SARIF, res, r, NULL);
    CU_ASSERT_PTR_NOT_NULL(strstr(s, "{\"uri\":\"file:///abs/x%20y.json\"}")); /* no uriBaseId */
    CU_ASSERT_PTR_NOT_NULL(strstr(s, "{\"uri\":\"rel.json\",\"uriBaseId\":\"%SRCROOT%\"}"));
    free(s);
    rl_result_free(res);
    rl_rules_free(r);
}

static void test_junit_counts(void)
{
    rl_rules *r = load();
    rl_result *res = rl_result_new();
    check(r, res, "a.json", "{\"total\": 11, \"a\": 4, \"b\": 6, \"rate\": 80}");
    check(r, res, "b.json", "[1,");
    char *s = write_str(RL_FORMAT_JUNIT, res, r, NULL);
    /* a.json fails SUM and WARN (a testcase each), passes input and DUE;
     * b.json fails input, skips its 3 rules; testsuites has no skipped= */
    CU_ASSERT_PTR_NOT_NULL(strstr(s, "<testsuites name=\"reportlint\" tests=\"8\" failures=\"3\" "
                                     "errors=\"0\">"));
    CU_ASSERT_PTR_NOT_NULL(strstr(s, "<testsuite name=\"a.json\" tests=\"4\" failures=\"2\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(s, "<testcase classname=\"a.json\" name=\"DUE\"/>"));
    CU_ASSERT_PTR_NOT_NULL(strstr(s, "<testcase classname=\"a.json\" name=\"SUM at 1:11 /total\">"));
    CU_ASSERT_PTR_NULL(strstr(s, "name=\"SUM\"/>")); /* no passing SUM where it failed */
    free(s);
    /* two violations of one rule in one file: two failing testcases */
    check(r, res, "c.json", "{\"total\": 11, \"a\": 4, \"b\": 6, \"rate\": 80}");
    s = write_str(RL_FORMAT_JUNIT, res, r, NULL);
    CU_ASSERT_PTR_NOT_NULL(strstr(s, "<testsuites name=\"reportlint\" tests=\"12\" failures=\"5\""));
    free(s);
    rl_result_free(res);
    rl_rules_free(r);
}

static void test_text_options(void)
{
    rl_rules *r = load();
    rl_result *res = rl_result_new();
    check(r, res, "a.json", "{\"total\": 11, \"a\": 4, \"b\": 6}");
    check(r, res, "ok.json", "{\"total\": 10, \"a\": 4, \"b\": 6}");
    rl_write_opts quiet = {RL_WRITE_OPTS_VERSION, 0, -1, 0}, verbose = {RL_WRITE_OPTS_VERSION, 0, 1, 0},
                  color = {RL_WRITE_OPTS_VERSION, 1, 0, 0};
    char *q = write_str(RL_FORMAT_TEXT, res, r, &quiet);
    ASSERT_STR_EQ(q, "a.json:1:11: error [SUM] total is 11 but its parts add up to 10 (imbalance 1)\n");
    char *v = write_str(RL_FORMAT_TEXT, res, r, &verbose);
    CU_ASSERT_PTR_NOT_NULL(strstr(v, "ok.json: ok; 3 evaluations: 1 passed, 0 failed, 2 not applicable\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(v, "rules run (3):\n"
                                     "  SUM   2 evaluations: 1 passed, 1 failed, 0 not applicable\n"
                                     "  WARN  2 evaluations: 0 passed, 0 failed, 2 not applicable\n"
                                     "  DUE   2 evaluations: 0 passed, 0 failed, 2 not applicable\n"));
    char *c = write_str(RL_FORMAT_TEXT, res, r, &color);
    CU_ASSERT_PTR_NOT_NULL(strstr(c, "\033[1;31merror\033[0m"));
    char *plain = write_str(RL_FORMAT_TEXT, res, r, NULL);
    CU_ASSERT_PTR_NULL(strchr(plain, '\033'));
    CU_ASSERT_PTR_NOT_NULL(strstr(plain, "a.json: 1 violation (1 error)\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(plain, "violations by rule:\n  SUM  1 error\n"));
    free(q);
    free(v);
    free(c);
    free(plain);
    rl_result_free(res);
    rl_rules_free(r);
}

static void test_line_formats(void)
{
    rl_rules *r = load();
    rl_result *res = rl_result_new();
    check(r, res, "a,b:c.json", "{\"total\": 11, \"a\": 4, \"b\": 6}");
    const rl_violation *v = rl_result_violation(res, 0);
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    CU_ASSERT_EQUAL(rl_write_violation(m, RL_FORMAT_GITHUB, v), 0);
    CU_ASSERT_EQUAL(rl_write_violation(m, RL_FORMAT_NDJSON, v), 0);
    CU_ASSERT_EQUAL(rl_write_summary(m, RL_FORMAT_NDJSON, res), 0);
    CU_ASSERT_EQUAL(rl_write_violation(m, RL_FORMAT_TEXT, v), -1);
    CU_ASSERT_EQUAL(rl_write_summary(m, RL_FORMAT_SARIF, res), -1);
    fclose(m);
    ASSERT_STR_EQ(buf, "::error file=a%2Cb%3Ac.json,line=1,col=11,title=SUM::total is 11 but its "
                       "parts add up to 10 (imbalance 1)\n"
                       "{\"file\":\"a,b:c.json\",\"rule\":\"SUM\",\"severity\":\"error\",\"pointer\":"
                       "\"/total\",\"line\":1,\"column\":11,\"message\":\"total is 11 but its parts "
                       "add up to 10 (imbalance 1)\",\"total\":11,\"actual\":11,\"expected\":10,"
                       "\"imbalance\":1,\"tolerance\":0}\n"
                       "{\"summary\":{\"files\":1,\"rules\":3,\"evaluations\":3,\"passed\":0,"
                       "\"failed\":1,\"not_applicable\":2,\"violations\":{\"total\":1,\"error\":1,"
                       "\"warning\":0,\"info\":0},\"by_rule\":{"
                       "\"SUM\":{\"evaluations\":1,\"passed\":0,\"failed\":1,\"not_applicable\":0},"
                       "\"WARN\":{\"evaluations\":1,\"passed\":0,\"failed\":0,\"not_applicable\":1},"
                       "\"DUE\":{\"evaluations\":1,\"passed\":0,\"failed\":0,\"not_applicable\":1}}}}\n");
    free(buf);
    rl_result_free(res);
    rl_rules_free(r);
}

int main(void)
{
    static const unit_test tests[] = {
        {"format names", test_format_names},
        {"violation listener", test_listener},
        {"files and groups", test_files_and_groups},
        {"sarif fingerprints", test_sarif_fingerprints},
        {"sarif paths", test_sarif_paths},
        {"junit counts", test_junit_counts},
        {"text options", test_text_options},
        {"line formats", test_line_formats},
        {NULL, NULL},
    };
    return unit_run("output", tests);
}
