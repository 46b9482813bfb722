/* test_period.c — cadence periods: the ISO week, month or day that holds a
 * day, the next one, due days (weekday, day of month clamped to short
 * months, the last day), labels (ISO week-numbering years), and the names
 * a rule writes; named periods (2025-Q3, 2025-H2, 2025-W36, 2025): parsing,
 * first and last days, leap years, week 53, ISO week-year boundaries,
 * moving by periods, and months added with end-of-month clamping. */
#include "unit.h"
#include "date.h"
#include "period.h"

#include <stdio.h>
#include <string.h>

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

/* ---- named periods ---- */

static rl_date P(const char *s)
{
    rl_date_spec sp;
    rl_date d = {0, 255};
    if (!rl_date_parse_period(s, strlen(s), &sp) || !rl_date_resolve(&sp, 1999, &d))
        fprintf(stderr, "'%s' did not read as a period\n", s);
    return d;
}

static void format_is(rl_date d, const char *want)
{
    rl_sbuf b = RL_SBUF_INIT;
    rl_date_format(&b, d);
    ASSERT_STR_EQ(rl_sbuf_str(&b), want);
    rl_sbuf_free(&b);
}

/* first day, last day and label of a period as written */
static void period_is(const char *s, int prec, int32_t first, int32_t last)
{
    rl_date d = P(s);
    CU_ASSERT_EQUAL(d.precision, prec);
    CU_ASSERT_EQUAL(d.days, first);
    CU_ASSERT_EQUAL(rl_date_last_day(d), last);
    format_is(d, s);
}

static void test_named_periods(void)
{
    period_is("2025-Q1", RL_DATE_QUARTER, D(2025, 1, 1), D(2025, 3, 31));
    period_is("2025-Q3", RL_DATE_QUARTER, D(2025, 7, 1), D(2025, 9, 30));
    period_is("2025-Q4", RL_DATE_QUARTER, D(2025, 10, 1), D(2025, 12, 31));
    period_is("2024-Q1", RL_DATE_QUARTER, D(2024, 1, 1), D(2024, 3, 31));
    period_is("2025-H1", RL_DATE_HALF, D(2025, 1, 1), D(2025, 6, 30));
    period_is("2025-H2", RL_DATE_HALF, D(2025, 7, 1), D(2025, 12, 31));
    period_is("2025", RL_DATE_YEAR, D(2025, 1, 1), D(2025, 12, 31));
    period_is("2025-09", RL_DATE_MONTH, D(2025, 9, 1), D(2025, 9, 30));
    period_is("2024-02", RL_DATE_MONTH, D(2024, 2, 1), D(2024, 2, 29)); /* leap */
    period_is("2100-02", RL_DATE_MONTH, D(2100, 2, 1), D(2100, 2, 28)); /* not leap */
    period_is("2000-02", RL_DATE_MONTH, D(2000, 2, 1), D(2000, 2, 29)); /* leap: 400 */
    period_is("2025-09-29", RL_DATE_DAY, D(2025, 9, 29), D(2025, 9, 29));
    /* ISO weeks: 2025-W36 is Monday 1 September to Sunday 7 September */
    period_is("2025-W36", RL_DATE_WEEK, D(2025, 9, 1), D(2025, 9, 7));
    /* week 1 holds 4 January: it may start in the year before */
    period_is("2025-W01", RL_DATE_WEEK, D(2024, 12, 30), D(2025, 1, 5));
    period_is("2021-W01", RL_DATE_WEEK, D(2021, 1, 4), D(2021, 1, 10));
    /* week 53: years starting on a Thursday, or leap years starting on a Wednesday */
    period_is("2020-W53", RL_DATE_WEEK, D(2020, 12, 28), D(2021, 1, 3));
    period_is("2026-W53", RL_DATE_WEEK, D(2026, 12, 28), D(2027, 1, 3));
    period_is("2015-W53", RL_DATE_WEEK, D(2015, 12, 28), D(2016, 1, 3));
    CU_ASSERT_EQUAL(rl_iso_weeks_in_year(2025), 52);
    CU_ASSERT_EQUAL(rl_iso_weeks_in_year(2026), 53); /* 1 January 2026 is a Thursday */
    CU_ASSERT_EQUAL(rl_iso_weeks_in_year(2020), 53); /* leap, 1 January a Wednesday */
    CU_ASSERT_EQUAL(rl_iso_weeks_in_year(2024), 52); /* leap, 1 January a Monday */
    /* the days around new year belong to the ISO year of their week */
    int y, w;
    rl_iso_week(D(2024, 12, 30), &y, &w);
    CU_ASSERT(y == 2025 && w == 1);
    rl_iso_week(D(2021, 1, 3), &y, &w);
    CU_ASSERT(y == 2020 && w == 53);
    rl_iso_week(D(2027, 1, 1), &y, &w);
    CU_ASSERT(y == 2026 && w == 53);
    /* every ISO week of 1900..2100 reads back as the week that holds its days */
    int bad = 0;
    for (int year = 1900; year <= 2100; year++) {
        for (int week = 1; week <= rl_iso_weeks_in_year(year); week++) {
            char s[16];
            snprintf(s, sizeof s, "%04d-W%02d", year, week);
            rl_date d = P(s);
            rl_date of = rl_date_period_of(RL_DATE_WEEK, d.days + 3);
            rl_iso_week(d.days + 6, &y, &w);
            bad += rl_date_weekday(d.days) != 1 || of.days != d.days || y != year || w != week;
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
}

static void test_period_rejects(void)
{
    const char *bad[] = {"2025-Q0", "2025-Q5", "2025-H0", "2025-H3", "2025-W00", "2025-W53",
                         "2024-W53", "2025-W54", "2025-W5", "2025-W360", "2025-q3", "2025-Q",
                         "2025-Q3 ", "2025-QQ", "0000", "202", "20255", "2025-", NULL};
    rl_date_spec sp;
    for (const char **b = bad; *b; b++) {
        if (rl_date_parse_period(*b, strlen(*b), &sp)) {
            fprintf(stderr, "accepted '%s'\n", *b);
            CU_FAIL("accepted an invalid period");
        }
    }
    /* a bare year is a period only where periods are expected */
    CU_ASSERT_FALSE(rl_date_parse_iso("2025", 4, &sp));
    CU_ASSERT_TRUE(rl_date_parse_iso("2025-Q3", 7, &sp));
    /* why a period-like text is none */
    char why[96];
    CU_ASSERT_TRUE(rl_date_period_problem("2025-Q5", 7, why, sizeof why));
    ASSERT_STR_EQ(why, "there is no quarter 5");
    CU_ASSERT_TRUE(rl_date_period_problem("2025-W53", 8, why, sizeof why));
    ASSERT_STR_EQ(why, "2025 has 52 ISO weeks");
    CU_ASSERT_TRUE(rl_date_period_problem("2025-H3", 7, why, sizeof why));
    ASSERT_STR_EQ(why, "there is no half-year 3");
    CU_ASSERT_TRUE(rl_date_period_problem("2025-W5", 7, why, sizeof why));
    CU_ASSERT_PTR_NOT_NULL(strstr(why, "weeks 01 to 53"));
    CU_ASSERT_FALSE(rl_date_period_problem("2025-Q3", 7, why, sizeof why));
    CU_ASSERT_FALSE(rl_date_period_problem("soon", 4, why, sizeof why));
    CU_ASSERT_FALSE(rl_date_period_problem("2025-13", 7, why, sizeof why));
}

static void shift_is(const char *from, int64_t n, const char *want)
{
    rl_date r;
    CU_ASSERT_TRUE(rl_period_shift(P(from), n, &r));
    format_is(r, want);
}

static void months_is(const char *from, int64_t n, const char *want)
{
    rl_date r;
    CU_ASSERT_TRUE(rl_date_add_months(P(from), n, &r));
    format_is(r, want);
}

static void test_shift(void)
{
    shift_is("2025-Q3", 1, "2025-Q4");
    shift_is("2025-Q4", 1, "2026-Q1");
    shift_is("2025-Q1", -1, "2024-Q4");
    shift_is("2025-H1", -1, "2024-H2");
    shift_is("2025", -1, "2024");
    shift_is("2025-01", -1, "2024-12");
    shift_is("2025-W52", 1, "2026-W01");
    shift_is("2026-W53", 1, "2027-W01");
    shift_is("2027-W01", -1, "2026-W53");
    shift_is("2025-W01", -1, "2024-W52");
    shift_is("2024-02-28", 1, "2024-02-29");
    shift_is("2025-02-28", 1, "2025-03-01");
    shift_is("2025-12-31", 1, "2026-01-01");
    shift_is("2025-Q3", 0, "2025-Q3");
    rl_date r;
    CU_ASSERT_FALSE(rl_period_shift(P("0001"), -1, &r));
    CU_ASSERT_FALSE(rl_period_shift(P("9999-Q4"), 1, &r));
    CU_ASSERT_FALSE(rl_period_shift(P("9999-12-31"), 1, &r));
    CU_ASSERT_FALSE(rl_period_shift(P("2025-01-01"), INT64_MAX, &r));
    CU_ASSERT_FALSE(rl_period_shift(P("2025-Q1"), INT64_MIN, &r));

    /* months: clamped to the end of a shorter month */
    months_is("2025-01-31", 1, "2025-02-28");
    months_is("2024-01-31", 1, "2024-02-29");
    months_is("2024-02-29", 12, "2025-02-28");
    months_is("2025-03-31", -1, "2025-02-28");
    months_is("2025-05-31", 1, "2025-06-30");
    months_is("2025-08-15", 5, "2026-01-15");
    months_is("2025-01-15", -13, "2023-12-15");
    months_is("2025-09", 3, "2025-12");
    months_is("2025-09-29", 0, "2025-09-29");
    CU_ASSERT_FALSE(rl_date_add_months(P("2025-Q3"), 1, &r));
    CU_ASSERT_FALSE(rl_date_add_months(P("2025-W36"), 1, &r));
    CU_ASSERT_FALSE(rl_date_add_months(P("9999-12-01"), 1, &r));
    CU_ASSERT_FALSE(rl_date_add_months(P("0001-01-01"), -1, &r));
    CU_ASSERT_FALSE(rl_date_add_months(P("2025-01-01"), INT64_MIN, &r));
}

static void test_period_of(void)
{
    rl_date q = rl_date_period_of(RL_DATE_QUARTER, D(2025, 9, 29));
    format_is(q, "2025-Q3");
    format_is(rl_date_period_of(RL_DATE_HALF, D(2025, 6, 30)), "2025-H1");
    format_is(rl_date_period_of(RL_DATE_YEAR, D(2025, 6, 30)), "2025");
    format_is(rl_date_period_of(RL_DATE_MONTH, D(2025, 6, 30)), "2025-06");
    format_is(rl_date_period_of(RL_DATE_WEEK, D(2027, 1, 3)), "2026-W53");
    format_is(rl_date_period_of(RL_DATE_DAY, D(2027, 1, 3)), "2027-01-03");
    ASSERT_STR_EQ(rl_date_unit_name(RL_DATE_HALF), "half-year");
}

int main(void)
{
    static const unit_test tests[] = {
        {"ISO weeks, Monday to Sunday", test_week},
        {"months and days", test_month_day},
        {"due days", test_due},
        {"labels: ISO week-numbering years", test_labels},
        {"every and weekday names", test_names},
        {"named periods: quarters, halves, years, ISO weeks", test_named_periods},
        {"invalid periods rejected, with a reason", test_period_rejects},
        {"moving periods; months clamped", test_shift},
        {"the period that holds a day", test_period_of},
        {NULL, NULL},
    };
    return unit_run("period", tests);
}
