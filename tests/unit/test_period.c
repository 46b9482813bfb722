/* test_period.c — cadence periods: the ISO week, month or day that holds a
 * day, the next one, due days (weekday, day of month clamped to short
 * months, the last day), labels (ISO week-numbering years), and the names
 * a rule writes. */
#include "unit.h"
#include "date.h"
#include "period.h"

static int32_t D(int y, int m, int d)
{
    return rl_days_from_civil(y, m, d);
}

static void label_is(rl_every every, rl_period p, const char *want)
{
    rl_sbuf b = RL_SBUF_INIT;
    rl_period_label(&b, every, p);
    ASSERT_STR_EQ(rl_sbuf_str(&b), want);
    rl_sbuf_free(&b);
}

static void test_week(void)
{
    /* Thursday 2025-10-09 is in the week 2025-10-06 (Monday) .. 2025-10-12 */
    rl_period p = rl_period_of(RL_EVERY_WEEK, D(2025, 10, 9));
    CU_ASSERT_EQUAL(p.start, D(2025, 10, 6));
    CU_ASSERT_EQUAL(p.end, D(2025, 10, 12));
    /* Monday and Sunday are in their own week */
    CU_ASSERT_EQUAL(rl_period_of(RL_EVERY_WEEK, D(2025, 10, 6)).start, D(2025, 10, 6));
    CU_ASSERT_EQUAL(rl_period_of(RL_EVERY_WEEK, D(2025, 10, 12)).start, D(2025, 10, 6));
    CU_ASSERT_EQUAL(rl_period_of(RL_EVERY_WEEK, D(2025, 10, 13)).start, D(2025, 10, 13));
    /* across a year */
    p = rl_period_of(RL_EVERY_WEEK, D(2026, 1, 1));
    CU_ASSERT_EQUAL(p.start, D(2025, 12, 29));
    CU_ASSERT_EQUAL(p.end, D(2026, 1, 4));
    /* next */
    rl_period n = rl_period_next(RL_EVERY_WEEK, p);
    CU_ASSERT_EQUAL(n.start, D(2026, 1, 5));
    CU_ASSERT_EQUAL(n.end, D(2026, 1, 11));
    /* before 1970 (negative day counts) */
    p = rl_period_of(RL_EVERY_WEEK, D(1969, 12, 31)); /* a Wednesday */
    CU_ASSERT_EQUAL(p.start, D(1969, 12, 29));
    /* every day of 2025 lies in a Monday..Sunday week that holds it */
    int bad = 0;
    for (int32_t d = D(2025, 1, 1); d <= D(2025, 12, 31); d++) {
        rl_period q = rl_period_of(RL_EVERY_WEEK, d);
        bad += !(q.start <= d && d <= q.end && q.end - q.start == 6 &&
                 rl_date_weekday(q.start) == 1);
    }
    CU_ASSERT_EQUAL(bad, 0);
}

static void test_month_day(void)
{
    rl_period p = rl_period_of(RL_EVERY_MONTH, D(2025, 2, 14));
    CU_ASSERT_EQUAL(p.start, D(2025, 2, 1));
    CU_ASSERT_EQUAL(p.end, D(2025, 2, 28));
    p = rl_period_of(RL_EVERY_MONTH, D(2024, 2, 29));
    CU_ASSERT_EQUAL(p.end, D(2024, 2, 29));
    p = rl_period_next(RL_EVERY_MONTH, rl_period_of(RL_EVERY_MONTH, D(2025, 12, 31)));
    CU_ASSERT_EQUAL(p.start, D(2026, 1, 1));
    CU_ASSERT_EQUAL(p.end, D(2026, 1, 31));
    p = rl_period_of(RL_EVERY_DAY, D(2025, 10, 6));
    CU_ASSERT_EQUAL(p.start, p.end);
    CU_ASSERT_EQUAL(rl_period_next(RL_EVERY_DAY, p).start, D(2025, 10, 7));
}

static void test_due(void)
{
    rl_period w = rl_period_of(RL_EVERY_WEEK, D(2025, 10, 9));
    CU_ASSERT_EQUAL(rl_period_due(RL_EVERY_WEEK, w, 3), D(2025, 10, 8)); /* Wednesday */
    CU_ASSERT_EQUAL(rl_period_due(RL_EVERY_WEEK, w, 1), D(2025, 10, 6));
    CU_ASSERT_EQUAL(rl_period_due(RL_EVERY_WEEK, w, 7), D(2025, 10, 12));
    CU_ASSERT_EQUAL(rl_period_due(RL_EVERY_WEEK, w, 0), D(2025, 10, 12)); /* no day: the last */
    rl_period feb = rl_period_of(RL_EVERY_MONTH, D(2025, 2, 3));
    CU_ASSERT_EQUAL(rl_period_due(RL_EVERY_MONTH, feb, 15), D(2025, 2, 15));
    CU_ASSERT_EQUAL(rl_period_due(RL_EVERY_MONTH, feb, 31), D(2025, 2, 28)); /* clamped */
    CU_ASSERT_EQUAL(rl_period_due(RL_EVERY_MONTH, feb, 29), D(2025, 2, 28));
    CU_ASSERT_EQUAL(rl_period_due(RL_EVERY_MONTH, feb, 0), D(2025, 2, 28));
    rl_period day = rl_period_of(RL_EVERY_DAY, D(2025, 2, 3));
    CU_ASSERT_EQUAL(rl_period_due(RL_EVERY_DAY, day, 0), D(2025, 2, 3));
}

static void test_labels(void)
{
    label_is(RL_EVERY_WEEK, rl_period_of(RL_EVERY_WEEK, D(2025, 10, 9)), "2025-W41");
    label_is(RL_EVERY_WEEK, rl_period_of(RL_EVERY_WEEK, D(2025, 8, 27)), "2025-W35");
    /* ISO week-numbering years: 2024-12-30 is in 2025-W01, 2021-01-03 in 2020-W53 */
    label_is(RL_EVERY_WEEK, rl_period_of(RL_EVERY_WEEK, D(2024, 12, 30)), "2025-W01");
    label_is(RL_EVERY_WEEK, rl_period_of(RL_EVERY_WEEK, D(2021, 1, 3)), "2020-W53");
    label_is(RL_EVERY_WEEK, rl_period_of(RL_EVERY_WEEK, D(2026, 1, 1)), "2026-W01");
    label_is(RL_EVERY_MONTH, rl_period_of(RL_EVERY_MONTH, D(2025, 11, 30)), "2025-11");
    label_is(RL_EVERY_DAY, rl_period_of(RL_EVERY_DAY, D(2025, 10, 6)), "2025-10-06");
}

static void test_names(void)
{
    rl_every e = RL_EVERY_DAY;
    CU_ASSERT(rl_every_parse("week", &e) && e == RL_EVERY_WEEK);
    CU_ASSERT(rl_every_parse("month", &e) && e == RL_EVERY_MONTH);
    CU_ASSERT(rl_every_parse("day", &e) && e == RL_EVERY_DAY);
    CU_ASSERT_FALSE(rl_every_parse("weekly", &e));
    CU_ASSERT_EQUAL(rl_weekday_parse("wednesday"), 3);
    CU_ASSERT_EQUAL(rl_weekday_parse("sunday"), 7);
    CU_ASSERT_EQUAL(rl_weekday_parse("Wednesday"), 0);
    CU_ASSERT_EQUAL(rl_weekday_parse("thứ tư"), 0);
    ASSERT_STR_EQ(rl_weekday_name(4), "thursday");
    ASSERT_STR_EQ(rl_weekday_name(0), "");
    CU_ASSERT_PTR_NULL(rl_weekday_names()[7]);
}

int main(void)
{
    static const unit_test tests[] = {
        {"ISO weeks, Monday to Sunday", test_week},
        {"months and days", test_month_day},
        {"due days", test_due},
        {"labels: ISO week-numbering years", test_labels},
        {"every and weekday names", test_names},
        {NULL, NULL},
    };
    return unit_run("period", tests);
}
