/* test_result_dump.c — results across processes through the public API:
 * rl_check_ndjson_slice (a slice of an NDJSON file keeps the file's line
 * numbers), rl_result_dump / rl_result_load (a result goes through text
 * and comes back the same: files, counts, violations, figures' bits), and
 * the two together: a file checked in slices, dumped and loaded in order,
 * writes the same bytes in every format as the file checked whole; a
 * rule's timed_out count travels too. */
#include "unit.h"
#include "reportlint.h"

#include <stdlib.h>

static const char *rules_json =
    "{\"ruleset\": \"t\", \"rules\": [\n"
    "{\"id\": \"SUM\", \"kind\": \"sum\", \"total\": \"@.total\", \"parts\": [\"@.a\", \"@.b\"]},\n"
    "{\"id\": \"RATE\", \"kind\": \"threshold\", \"severity\": \"warning\", \"value\": \"@.rate\","
    " \"min\": 91.5},\n"
    "{\"id\": \"CODE\", \"kind\": \"pattern\", \"severity\": \"info\", \"value\": \"@.code\","
    " \"regex\": \"^[0-9]+$\"},\n"
    "{\"id\": \"ITEM\", \"kind\": \"threshold\", \"each\": \"$.items[*]\", \"value\": \"@.n\","
    " \"min\": 0}]}";

/* Line 3 is not JSON; line 5 is blank; rates are non-integral numbers. */
static const char *lines[] = {
    "{\"total\": 11, \"a\": 4, \"b\": 6, \"rate\": 90.25, \"code\": \"12\"}\n",
    "{\"total\": 10, \"a\": 4, \"b\": 6, \"rate\": 0.1, \"code\": \"x1\"}\n",
    "{\"total\": \n",
    "{\"total\": 3, \"a\": 1, \"b\": 1, \"rate\": 95, \"code\": \"7\"}\n",
    "\n",
    "{\"total\": 2e0, \"a\": 1, \"b\": 0.5, \"rate\": 1e-7, \"code\": \"y\"}\n",
    "{\"total\": 1, \"a\": 1, \"b\": 0, \"items\": [{\"id\": \"k\", \"n\": 1}, {\"id\": \"q\", \"n\": -1}]}\n",
};
#define N_LINES (sizeof lines / sizeof lines[0])

static rl_rules *load_rules(void)
{
    rl_rules *r = rl_rules_new();
    CU_ASSERT_EQUAL_FATAL(rl_rules_load_buffer(r, "rules.json", rules_json, strlen(rules_json)), 0);
    return r;
}

static char *join(size_t from, size_t to)
{
    size_t n = 0;
    for (size_t i = from; i < to; i++)
        n += strlen(lines[i]);
    char *s = calloc(n + 1, 1);
    for (size_t i = from; i < to; i++)
        strcat(s, lines[i]);
    return s;
}

static char *written(rl_format fmt, const rl_result *res, const rl_rules *rules)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    CU_ASSERT_EQUAL(rl_write(f, fmt, res, rules), 0);
    fclose(f);
    return buf;
}

/* The whole file, and the same file in slices cut after line `cut`. */
static rl_result *check_whole(const rl_rules *r)
{
    rl_result *res = rl_result_new();
    char *all = join(0, N_LINES);
    CU_ASSERT_EQUAL(rl_check_buffer(r, NULL, "d.ndjson", all, strlen(all), res), 0);
    free(all);
    return res;
}

static rl_result *check_sliced(const rl_rules *r, size_t cut)
{
    rl_result *out = rl_result_new();
    size_t bounds[3] = {0, cut, N_LINES};
    for (int k = 0; k < 2; k++) {
        rl_result *part = rl_result_new();
        char *text = join(bounds[k], bounds[k + 1]);
        CU_ASSERT_EQUAL(rl_check_ndjson_slice(r, NULL, "d.ndjson", (unsigned)bounds[k] + 1, text,
                                              strlen(text), part), 0);
        size_t len = 0;
        char *dump = rl_result_dump(part, &len);
        CU_ASSERT_PTR_NOT_NULL_FATAL(dump);
        rl_error err = {0};
        CU_ASSERT_EQUAL(rl_result_load(out, dump, len, &err), 0);
        free(dump);
        free(text);
        rl_result_free(part);
    }
    return out;
}

static void test_slices_equal_whole(void)
{
    rl_rules *r = load_rules();
    rl_result *whole = check_whole(r);
    CU_ASSERT(rl_result_count(whole) >= 5);
    for (size_t cut = 0; cut <= N_LINES; cut++) {
        rl_result *sliced = check_sliced(r, cut);
        CU_ASSERT_EQUAL(rl_result_summary(sliced)->files, 1);
        rl_format fmts[] = {RL_FORMAT_TEXT, RL_FORMAT_JSON, RL_FORMAT_SARIF, RL_FORMAT_JUNIT,
                            RL_FORMAT_HTML, RL_FORMAT_NDJSON, RL_FORMAT_GITHUB};
        for (size_t i = 0; i < sizeof fmts / sizeof fmts[0]; i++) {
            char *a = written(fmts[i], whole, r), *b = written(fmts[i], sliced, r);
            CU_ASSERT_STRING_EQUAL(a, b);
            free(a);
            free(b);
        }
        rl_result_free(sliced);
    }
    rl_result_free(whole);
    rl_rules_free(r);
}

static void test_slice_lines(void)
{
    rl_rules *r = load_rules();
    rl_result *res = rl_result_new();
    const char *text = "{\"total\": 11, \"a\": 4, \"b\": 6, \"rate\": 95, \"code\": \"1\"}\n";
    CU_ASSERT_EQUAL(rl_check_ndjson_slice(r, NULL, "big.ndjson", 1000001, text, strlen(text), res),
                    0);
    CU_ASSERT_EQUAL_FATAL(rl_result_count(res), 1);
    CU_ASSERT_EQUAL(rl_result_violation(res, 0)->line, 1000001);
    CU_ASSERT_EQUAL(rl_result_violation(res, 0)->column, 11);
    CU_ASSERT_EQUAL(rl_check_ndjson_slice(r, NULL, NULL, 1, text, strlen(text), res), -1);
    rl_result_free(res);
    rl_rules_free(r);
}

static void test_dump_round_trip(void)
{
    rl_rules *r = load_rules();
    rl_result *whole = check_whole(r);
    size_t len1 = 0, len2 = 0;
    char *d1 = rl_result_dump(whole, &len1);
    rl_result *back = rl_result_new();
    rl_error err = {0};
    CU_ASSERT_EQUAL(rl_result_load(back, d1, len1, &err), 0);
    char *d2 = rl_result_dump(back, &len2);
    CU_ASSERT_STRING_EQUAL(d1, d2); /* figures' bits, counts, order */
    CU_ASSERT_EQUAL_FATAL(rl_result_count(back), rl_result_count(whole));
    int stable = 0;
    for (size_t i = 0; i < rl_result_count(back); i++) {
        const rl_violation *x = rl_result_violation(whole, i), *y = rl_result_violation(back, i);
        CU_ASSERT((x->stable_pointer == NULL) == (y->stable_pointer == NULL));
        if (x->stable_pointer && y->stable_pointer) {
            CU_ASSERT_STRING_EQUAL(x->stable_pointer, y->stable_pointer);
            stable++;
        }
    }
    CU_ASSERT(stable > 0); /* the ITEM violation: /items/id=q/n */
    const rl_summary *a = rl_result_summary(whole), *b = rl_result_summary(back);
    CU_ASSERT(a->files == b->files && a->rules == b->rules && a->evaluations == b->evaluations &&
              a->passed == b->passed && a->failed == b->failed && a->errors == b->errors &&
              a->warnings == b->warnings && a->infos == b->infos &&
              a->not_applicable == b->not_applicable);
    /* Loading into a result whose last file has another name adds a file. */
    rl_result *two = rl_result_new();
    CU_ASSERT_EQUAL(rl_check_buffer(r, NULL, "other.json", "{}", 2, two), 0);
    CU_ASSERT_EQUAL(rl_result_load(two, d1, len1, &err), 0);
    CU_ASSERT_EQUAL(rl_result_summary(two)->files, 2);
    free(d1);
    free(d2);
    rl_result_free(two);
    rl_result_free(back);
    rl_result_free(whole);
    rl_rules_free(r);
}

static void test_load_refuses(void)
{
    static const struct { const char *text; unsigned line, column; const char *says; } bad[] = {
        {"{\"files\": []}", 1, 1, "version"},
        {"{\"reportlint-result\": 2, \"lang\": \"en\", \"files\": []}", 1, 23, "version"},
        {"{\"reportlint-result\": 1, \"lang\": \"xx\", \"files\": []}", 1, 1, "lang"},
        {"{\"reportlint-result\": 1, \"lang\": \"en\", \"files\": [\n {\"name\": \"a\"}]}", 2, 2,
         "counts"},
        {"{\"reportlint-result\": 1, \"lang\": \"en\", \"files\": [{\"name\": \"a\", \"counts\": "
         "[1,1,1,0,0],\n \"violations\": [[\"a\", \"R\", 7, \"\", 1, 1, \"m\", [], null]]}]}", 2, 17,
         "violation"},
        {"{\"reportlint-result\": 1, \"lang\": \"en\", \"files\": [{\"name\": \"a\", \"counts\": "
         "[1,1,1,0,0], \"violations\": [[\"a\", \"R\", 2, \"\", 1, 1, \"m\", [[\"x\", 3, true, "
         "null]], null]]}]}", 1, 141, "number figure"},
        {"[1, 2", 1, 6, ""},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        rl_result *res = rl_result_new();
        rl_error err = {0};
        CU_ASSERT_EQUAL(rl_result_load(res, bad[i].text, strlen(bad[i].text), &err), -1);
        CU_ASSERT_EQUAL(err.line, bad[i].line);
        CU_ASSERT_EQUAL(err.column, bad[i].column);
        CU_ASSERT_PTR_NOT_NULL(strstr(err.message, bad[i].says));
        if (err.line != bad[i].line || err.column != bad[i].column)
            fprintf(stderr, "case %zu: %u:%u %s\n", i, err.line, err.column, err.message);
        rl_result_free(res);
    }
}

/* A rule's timed_out travels through a dump (optional: an older dump has
 * none), and a rule --timeout stopped gets no rule-never-applied notice. */
static void test_timed_out(void)
{
    static const char *head = "{\"reportlint-result\": 1, \"lang\": \"en\", \"files\": [], "
                              "\"rules\": [[\"R\", \"expr\", null, null, \"t\", \"t.json\", "
                              "\"/rules/0\", 2, 3, 5, 1, 0, 0, 1";
    const char *tails[] = {", 1]]}", "]]}"}; /* stopped by --timeout; an older dump */
    for (int k = 0; k < 2; k++) {
        char text[400];
        snprintf(text, sizeof text, "%s%s", head, tails[k]);
        rl_result *res = rl_result_new();
        rl_error err = {0};
        CU_ASSERT_EQUAL_FATAL(rl_result_load(res, text, strlen(text), &err), 0);
        CU_ASSERT_EQUAL_FATAL(rl_result_rule_count(res), 1);
        CU_ASSERT_EQUAL(rl_result_rule(res, 0)->timed_out, (size_t)(k == 0));
        size_t len = 0;
        char *dump = rl_result_dump(res, &len);
        CU_ASSERT_PTR_NOT_NULL(strstr(dump, k == 0 ? ",1,0,0,1,1]" : ",1,0,0,1,0]"));
        free(dump);
        CU_ASSERT_EQUAL(rl_result_note_unapplied(res, NULL), k == 0 ? 0 : 1);
        rl_result_free(res);
    }
}

int main(void)
{
    static const unit_test tests[] = {
        {"slices checked apart, dumped and loaded = the file checked whole", test_slices_equal_whole},
        {"a slice keeps the file's line numbers", test_slice_lines},
        {"dump, load, dump gives the same text", test_dump_round_trip},
        {"a text that is not a dump is refused with its location", test_load_refuses},
        {"timed_out is dumped and loaded; such a rule is not never-applied", test_timed_out},
        {NULL, NULL}};
    return unit_run("result_dump", tests);
}
