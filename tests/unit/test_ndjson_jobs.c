/* test_ndjson_jobs.c — rl_check_buffer on NDJSON text with jobs > 1 goes
 * through the same pipeline as files (check_ndjson_pool.c): many blocks,
 * results handed over in parts, and the same violations, counts and bytes
 * in every format as with one thread. */
#include "unit.h"
#include "reportlint.h"

#include <stdlib.h>

static const char *rules_json =
    "{\"ruleset\": \"t\", \"rules\": ["
    "{\"id\": \"NEG\", \"kind\": \"threshold\", \"each\": \"$.v[*]\", \"value\": \"@\", \"min\": 0},"
    "{\"id\": \"ID\", \"kind\": \"pattern\", \"value\": \"@.id\", \"regex\": \"^r[0-9]+$\"}]}";

/* n records, every seventh clean, one broken line, blank lines: about
 * 40 violations per record and several blocks of a few threads. */
static char *records(size_t n, size_t *len)
{
    size_t cap = n * 200 + 64, at = 0;
    char *s = malloc(cap);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    for (size_t i = 0; i < n; i++) {
        if (i == n / 2) {
            at += (size_t)snprintf(s + at, cap - at, "{\"id\": \"broken\",\n\n");
            continue;
        }
        at += (size_t)snprintf(s + at, cap - at, "{\"id\": \"%s%zu\", \"v\": [", i % 5 ? "r" : "x", i);
        for (int k = 0; k < 40; k++)
            at += (size_t)snprintf(s + at, cap - at, "%s%d", k ? "," : "", i % 7 ? -k - 1 : k);
        at += (size_t)snprintf(s + at, cap - at, "]}\n");
    }
    *len = at;
    return s;
}

static char *check_and_write(const rl_rules *r, const char *text, size_t len, unsigned jobs,
                             rl_format f)
{
    rl_check_opts opts = RL_CHECK_OPTS_INIT;
    opts.jobs = jobs;
    opts.max_violations = RL_UNLIMITED;
    rl_result *res = rl_result_new();
    CU_ASSERT_EQUAL(rl_check_buffer(r, &opts, "r.ndjson", text, len, res), 0);
    char *buf = NULL;
    size_t n = 0;
    FILE *m = open_memstream(&buf, &n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    CU_ASSERT_EQUAL(rl_write(m, f, res, r), 0);
    fclose(m);
    rl_result_free(res);
    return buf;
}

static void same_bytes_any_jobs(void)
{
    rl_rules *r = rl_rules_new();
    CU_ASSERT_EQUAL_FATAL(rl_rules_load_buffer(r, "rules.json", rules_json, strlen(rules_json)), 0);
    size_t len;
    char *text = records(2500, &len);
    static const rl_format formats[] = {RL_FORMAT_JSON, RL_FORMAT_SARIF};
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
        char *one = check_and_write(r, text, len, 1, formats[i]);
        CU_ASSERT_TRUE(strlen(one) > 1000000); /* many violations: results handed over in parts */
        CU_ASSERT_PTR_NOT_NULL(strstr(one, "invalid JSON"));
        for (unsigned jobs = 2; jobs <= 3; jobs++) {
            char *more = check_and_write(r, text, len, jobs, formats[i]);
            CU_ASSERT_STRING_EQUAL(more, one);
            free(more);
        }
        free(one);
    }
    free(text);
    rl_rules_free(r);
}

static void small_buffer_any_jobs(void)
{
    rl_rules *r = rl_rules_new();
    CU_ASSERT_EQUAL_FATAL(rl_rules_load_buffer(r, "rules.json", rules_json, strlen(rules_json)), 0);
    static const char text[] = "{\"id\": \"x1\", \"v\": [-1]}\n\n{\"id\": \"r2\", \"v\": [1, -2]}";
    char *one = check_and_write(r, text, sizeof text - 1, 1, RL_FORMAT_JSON);
    char *four = check_and_write(r, text, sizeof text - 1, 4, RL_FORMAT_JSON);
    CU_ASSERT_STRING_EQUAL(four, one);
    CU_ASSERT_PTR_NOT_NULL(strstr(one, "\"total\":3"));
    free(one);
    free(four);
    rl_rules_free(r);
}

int main(void)
{
    static const unit_test tests[] = {
        {"NDJSON buffer: the same bytes with 1, 2 and 3 threads", same_bytes_any_jobs},
        {"small NDJSON buffer: the same with 4 threads", small_buffer_any_jobs},
        {NULL, NULL},
    };
    return unit_run("ndjson_jobs", tests);
}
