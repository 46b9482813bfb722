/* test_tolerance.c — tolerances and "did you mean" suggestions. */
#include "unit.h"
#include "suggest.h"
#include "tolerance.h"

static rl_value num_from(const char *json, rl_jdoc **doc)
{
    rl_error err = {0};
    *doc = rl_json_parse(json, strlen(json), NULL, &err);
    rl_value v;
    rl_value_from_node(&v, (*doc)->root);
    return v;
}

static void test_reported(void)
{
    const char *cases[] = {"95", "94.6", "94.74", "95.0", "1e3"};
    const double want[] = {0.5, 0.05, 0.005, 0.05, 500};
    for (int i = 0; i < 5; i++) {
        rl_jdoc *doc;
        rl_value v = num_from(cases[i], &doc);
        rl_tolerance t = {RL_TOL_REPORTED, 0};
        CU_ASSERT_DOUBLE_EQUAL(rl_tolerance_abs(&t, &v, 94.74), want[i], 1e-12);
        rl_jdoc_free(doc);
    }
}

static void test_seed_figures(void)
{
    /* 1,027 / 1,084 = 94.74% stated as "95": within ±0.5; 3,143 / 3,321 =
     * 94.64% stated as "94.6": within ±0.05; 24,382 / 3,139 = 7.77 vs "6": not. */
    rl_jdoc *d1, *d2, *d3;
    rl_value s1 = num_from("95", &d1), s2 = num_from("94.6", &d2), s3 = num_from("6", &d3);
    rl_tolerance t = {RL_TOL_REPORTED, 0};
    double e1 = 1027.0 / 1084 * 100, e2 = 3143.0 / 3321 * 100, e3 = 24382.0 / 3139;
    CU_ASSERT_TRUE(rl_tolerance_ok(95, e1, rl_tolerance_abs(&t, &s1, e1)));
    CU_ASSERT_TRUE(rl_tolerance_ok(94.6, e2, rl_tolerance_abs(&t, &s2, e2)));
    CU_ASSERT_FALSE(rl_tolerance_ok(6, e3, rl_tolerance_abs(&t, &s3, e3)));
    CU_ASSERT_FALSE(rl_tolerance_ok(94.7, e2, rl_tolerance_abs(&t, &s2, e2)));
    rl_jdoc_free(d1);
    rl_jdoc_free(d2);
    rl_jdoc_free(d3);
}

static void test_abs_rel_default(void)
{
    rl_value v;
    rl_value_set_int(&v, 100);
    rl_tolerance abs = {RL_TOL_ABS, 2}, rel = {RL_TOL_REL, 0.01}, def = {RL_TOL_DEFAULT, 0};
    CU_ASSERT_DOUBLE_EQUAL(rl_tolerance_abs(&abs, &v, 50), 2, 0);
    CU_ASSERT_DOUBLE_EQUAL(rl_tolerance_abs(&rel, &v, 200), 2, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(rl_tolerance_abs(&def, &v, 100), 0, 0);
    CU_ASSERT_TRUE(rl_tolerance_ok(102, 100, 2));
    CU_ASSERT_FALSE(rl_tolerance_ok(102.01, 100, 2));
    /* floating-point noise is not a violation: 0.1 + 0.2 vs 0.3 */
    CU_ASSERT_TRUE(rl_tolerance_ok(0.1 + 0.2, 0.3, 0));
}

static void test_decimals_of_values(void)
{
    rl_value v;
    rl_value_set_num(&v, 7.75);
    CU_ASSERT_EQUAL(rl_value_decimals(&v), 2);
    rl_value_set_int(&v, 6);
    CU_ASSERT_EQUAL(rl_value_decimals(&v), 0);
}

static void test_suggest(void)
{
    static const char *const names[] = {"tolerance", "total", "parts", "severity", NULL};
    CU_ASSERT_STRING_EQUAL(rl_suggest("tolerence", 9, names), "tolerance");
    CU_ASSERT_STRING_EQUAL(rl_suggest("totl", 4, names), "total");
    CU_ASSERT_STRING_EQUAL(rl_suggest("Severity", 8, names), "severity");
    CU_ASSERT_STRING_EQUAL(rl_suggest("prats", 5, names), "parts"); /* transposition */
    CU_ASSERT_PTR_NULL(rl_suggest("banana", 6, names));
    CU_ASSERT_EQUAL(rl_edit_distance("kitten", 6, "sitting", 7), 3);
}

int main(void)
{
    static const unit_test tests[] = {
        {"reported tolerance", test_reported},
        {"seed figures", test_seed_figures},
        {"abs, rel, default", test_abs_rel_default},
        {"decimals of values", test_decimals_of_values},
        {"suggestions", test_suggest},
        {NULL, NULL},
    };
    return unit_run("tolerance", tests);
}
