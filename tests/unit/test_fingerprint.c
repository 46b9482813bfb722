/* test_fingerprint.c — rl_violation_fingerprint: what it depends on (the
 * figures' names and values) and what it ignores (their order, how a number
 * was written, message, line, column, and the day-of-run figures), pinned
 * to a fixed value so that baselines stay valid across versions; and, through
 * a real check, that moving a report's keys and lines keeps it. */
#include "unit.h"
#include "reportlint.h"

#include <stdlib.h>

static rl_figure fig_int(const char *name, int64_t i)
{
    rl_figure f = {name, RL_FIG_INT, i, 0, NULL};
    return f;
}

static rl_figure fig_num(const char *name, double d, const char *text)
{
    rl_figure f = {name, RL_FIG_NUM, 0, d, text};
    return f;
}

static rl_figure fig_str(const char *name, const char *s)
{
    rl_figure f = {name, RL_FIG_STR, 0, 0, s};
    return f;
}

static void fp(const rl_figure *figs, size_t n, char out[RL_FINGERPRINT_SIZE])
{
    rl_violation v = {0};
    v.file = "a.json";
    v.rule = "R";
    v.message = "m";
    v.line = 3;
    v.figures = figs;
    v.n_figures = n;
    rl_violation_fingerprint(&v, out);
}

static void test_depends_on_values_only(void)
{
    char a[RL_FINGERPRINT_SIZE], b[RL_FINGERPRINT_SIZE];
    rl_figure f1[] = {fig_int("actual", 6), fig_num("expected", 24382.0 / 3139, NULL),
                      fig_num("tolerance", 0.5, "0.5")};
    rl_figure f2[] = {fig_num("tolerance", 0.5, "5e-1"), fig_num("actual", 6.0, "6.0"),
                      fig_num("expected", 24382.0 / 3139, NULL)};
    fp(f1, 3, a);
    fp(f2, 3, b);
    ASSERT_STR_EQ(a, b); /* order and spelling of numbers do not matter */
    CU_ASSERT_EQUAL(strlen(a), 16);

    rl_figure f3[] = {fig_int("actual", 7), fig_num("expected", 24382.0 / 3139, NULL),
                      fig_num("tolerance", 0.5, "0.5")};
    fp(f3, 3, b);
    CU_ASSERT_STRING_NOT_EQUAL(a, b); /* a changed figure is a new violation */

    rl_figure f4[] = {fig_int("stated", 6), fig_num("expected", 24382.0 / 3139, NULL),
                      fig_num("tolerance", 0.5, "0.5")};
    fp(f4, 3, b);
    CU_ASSERT_STRING_NOT_EQUAL(a, b); /* names count too */

    rl_figure s1[] = {fig_str("value", "6")}, s2[] = {fig_int("value", 6)};
    fp(s1, 1, a);
    fp(s2, 1, b);
    CU_ASSERT_STRING_NOT_EQUAL(a, b); /* the string "6" is not the number 6 */
}

static void test_ignores_the_day_of_the_run(void)
{
    char a[RL_FINGERPRINT_SIZE], b[RL_FINGERPRINT_SIZE];
    rl_figure d1[] = {fig_str("due", "2025-12-15"), {"done", RL_FIG_NULL, 0, 0, NULL},
                      fig_str("as_of", "2025-12-20"), fig_int("days_late", 5),
                      fig_str("status", "overdue")};
    rl_figure d2[] = {fig_str("due", "2025-12-15"), {"done", RL_FIG_NULL, 0, 0, NULL},
                      fig_str("as_of", "2026-01-20"), fig_int("days_late", 36),
                      fig_str("status", "overdue")};
    fp(d1, 5, a);
    fp(d2, 5, b);
    ASSERT_STR_EQ(a, b);
    d2[4] = fig_str("status", "late");
    fp(d2, 5, b);
    CU_ASSERT_STRING_NOT_EQUAL(a, b);
}

static void test_pinned(void)
{
    /* FNV-1a 64 of the canonical text "actual NUL n 11 NUL expected NUL n 10 NUL" (computed
     * independently); changing the text breaks every baseline. */
    char a[RL_FINGERPRINT_SIZE];
    fp(NULL, 0, a);
    ASSERT_STR_EQ(a, "cbf29ce484222325");
    rl_figure f[] = {fig_int("actual", 11), fig_int("expected", 10)};
    fp(f, 2, a);
    ASSERT_STR_EQ(a, "eb60bc322e6ef9a6");
}

/* ---- through a check ----------------------------------------------------- */

static const char *rules_json =
    "{\"ruleset\": \"t\", \"rules\": [\n"
    "{\"id\": \"AVG\", \"kind\": \"average\", \"total\": \"@.staff\", \"count\": \"@.centres\","
    " \"stated\": \"@.avg\", \"tolerance\": 0.5, \"each\": \"$.units[*]\"}]}";

static void check(const char *report, char pointer[64], char out[RL_FINGERPRINT_SIZE],
                  unsigned *line)
{
    rl_rules *r = rl_rules_new();
    CU_ASSERT_EQUAL(rl_rules_load_buffer(r, "rules.json", rules_json, strlen(rules_json)), 0);
    rl_result *res = rl_result_new();
    rl_check_buffer(r, NULL, "r.json", report, strlen(report), res);
    CU_ASSERT_EQUAL(rl_result_count(res), 1);
    const rl_violation *v = rl_result_violation(res, 0);
    if (v) {
        snprintf(pointer, 64, "%s", v->pointer);
        rl_violation_fingerprint(v, out);
        *line = v->line;
    }
    rl_result_free(res);
    rl_rules_free(r);
}

static void test_reordered_report(void)
{
    char p1[64] = "", p2[64] = "", p3[64] = "", f1[RL_FINGERPRINT_SIZE] = "",
         f2[RL_FINGERPRINT_SIZE] = "", f3[RL_FINGERPRINT_SIZE] = "";
    unsigned l1 = 0, l2 = 0, l3 = 0;
    check("{\"units\": [{\"staff\": 24382, \"centres\": 3139, \"avg\": 6}]}", p1, f1, &l1);
    check("\n\n{\"note\": \"moved\",\n \"units\": [{\"avg\": 6,\n \"centres\": 3139,\n"
          " \"staff\": 24382}]}",
          p2, f2, &l2);
    check("{\"units\": [{\"staff\": 24382, \"centres\": 3140, \"avg\": 6}]}", p3, f3, &l3);
    ASSERT_STR_EQ(p1, "/units/0/avg");
    ASSERT_STR_EQ(p1, p2);
    ASSERT_STR_EQ(f1, f2);
    CU_ASSERT_NOT_EQUAL(l1, l2); /* it moved, and is still the same violation */
    ASSERT_STR_EQ(p1, p3);
    CU_ASSERT_STRING_NOT_EQUAL(f1, f3); /* another count: a new violation */
}

int main(void)
{
    static const unit_test tests[] = {
        {"depends on figures' names and values", test_depends_on_values_only},
        {"leaves out as_of and days_late", test_ignores_the_day_of_the_run},
        {"pinned values", test_pinned},
        {"same across reordered keys and lines", test_reordered_report},
        {NULL, NULL},
    };
    return unit_run("fingerprint", tests);
}
