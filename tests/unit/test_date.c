/* test_date.c — day counts, ISO forms (days, months, year-less, date-times),
 * impossible dates, resolution, weekdays, formatting. */
#include "unit.h"
#include "date.h"
#include "sbuf.h"

static int parse(const char *s, rl_date_spec *sp)
{
    return rl_date_parse_iso(s, strlen(s), sp);
}

static void test_civil_round_trip(void)
{
    CU_ASSERT_EQUAL(rl_days_from_civil(1970, 1, 1), 0);
    CU_ASSERT_EQUAL(rl_days_from_civil(1970, 1, 2), 1);
    CU_ASSERT_EQUAL(rl_days_from_civil(1969, 12, 31), -1);
    CU_ASSERT_EQUAL(rl_days_from_civil(2000, 3, 1), 11017);
    CU_ASSERT_EQUAL(rl_days_from_civil(2025, 12, 15), 20437);
    CU_ASSERT_EQUAL(rl_days_from_civil(1, 1, 1), -719162);
    CU_ASSERT_EQUAL(rl_days_from_civil(9999, 12, 31), 2932896);
    /* every day from year 1 to 9999 maps back to itself */
    int32_t start = rl_days_from_civil(1, 1, 1), end = rl_days_from_civil(9999, 12, 31);
    int bad = 0, y0 = 1, m0 = 1, d0 = 1;
    for (int32_t d = start; d <= end; d++) {
        int y, m, day;
        rl_civil_from_days(d, &y, &m, &day);
        if (y != y0 || m != m0 || day != d0)
            bad++;
        /* advance the expected civil date by one day */
        if (++d0 > rl_days_in_month(y0, m0)) {
            d0 = 1;
            if (++m0 > 12) {
                m0 = 1;
                y0++;
            }
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
}

static void test_days_in_month(void)
{
    CU_ASSERT_EQUAL(rl_days_in_month(2025, 2), 28);
    CU_ASSERT_EQUAL(rl_days_in_month(2024, 2), 29);
    CU_ASSERT_EQUAL(rl_days_in_month(1900, 2), 28);
    CU_ASSERT_EQUAL(rl_days_in_month(2000, 2), 29);
    CU_ASSERT_EQUAL(rl_days_in_month(2025, 11), 30);
    CU_ASSERT_EQUAL(rl_days_in_month(2025, 12), 31);
    CU_ASSERT_EQUAL(rl_days_in_month(2025, 13), 0);
}

static void test_parse_forms(void)
{
    rl_date_spec sp;
    CU_ASSERT_TRUE(parse("2025-12-15", &sp));
    CU_ASSERT(sp.year == 2025 && sp.month == 12 && sp.day == 15);
    CU_ASSERT_TRUE(parse("2025-11", &sp));
    CU_ASSERT(sp.year == 2025 && sp.month == 11 && sp.day == 0);
    CU_ASSERT_TRUE(parse("--12-15", &sp));
    CU_ASSERT(sp.year == 0 && sp.month == 12 && sp.day == 15);
    CU_ASSERT_TRUE(parse("--11", &sp));
    CU_ASSERT(sp.year == 0 && sp.month == 11 && sp.day == 0);
    CU_ASSERT_TRUE(parse("--02-29", &sp));
    CU_ASSERT_TRUE(parse("2024-02-29", &sp));
    CU_ASSERT_TRUE(parse("2025-09-29T10:30", &sp));
    CU_ASSERT(sp.year == 2025 && sp.month == 9 && sp.day == 29);
    CU_ASSERT_TRUE(parse("2025-09-29T23:59:60Z", &sp));
    CU_ASSERT_TRUE(parse("2025-09-29T10:30:00.123+07:00", &sp));
    CU_ASSERT_EQUAL(sp.day, 29); /* the date as written, not shifted to UTC */
    CU_ASSERT_TRUE(parse("2025-09-29t10:30:00-05:30", &sp));
}

static void test_parse_rejects(void)
{
    rl_date_spec sp;
    const char *bad[] = {"2025-02-30", "2025-02-29", "2025-13-01", "2025-13", "2025-00",
                         "2025-04-31", "0000-01-01", "2025-1-5", "25-01-01", "2025/01/01",
                         " 2025-01-01", "2025-01-01 ", "--13", "--02-30", "--00", "--1",
                         "--12-15-", "2025-01-01T", "2025-01-01T24:00", "2025-01-01T10:60",
                         "2025-01-01T10:00:61", "2025-01-01T10:00:00.", "2025-01-01T10:00+7",
                         "2025-01-01T10:00Zx", "2025-01-00", "", "-", "--", "2025", "20250101",
                         "12/15/2025", "15 December 2025", NULL};
    for (const char **b = bad; *b; b++) {
        if (parse(*b, &sp)) {
            fprintf(stderr, "accepted '%s'\n", *b);
            CU_FAIL("accepted an invalid date");
        }
    }
    /* the length is respected: no reading past it */
    CU_ASSERT_TRUE(rl_date_parse_iso("2025-12-15XYZ", 10, &sp));
    CU_ASSERT_FALSE(rl_date_parse_iso("2025-12-15", 9, &sp));
}

static void test_resolve(void)
{
    rl_date_spec sp;
    rl_date d;
    CU_ASSERT_TRUE(parse("--12-15", &sp));
    CU_ASSERT_TRUE(rl_date_resolve(&sp, 2025, &d));
    CU_ASSERT_EQUAL(d.days, rl_days_from_civil(2025, 12, 15));
    CU_ASSERT_EQUAL(d.precision, RL_DATE_DAY);
    CU_ASSERT_TRUE(parse("--11", &sp));
    CU_ASSERT_TRUE(rl_date_resolve(&sp, 2025, &d));
    CU_ASSERT_EQUAL(d.days, rl_days_from_civil(2025, 11, 1));
    CU_ASSERT_EQUAL(d.precision, RL_DATE_MONTH);
    CU_ASSERT_EQUAL(rl_date_last_day(d), rl_days_from_civil(2025, 11, 30));
    /* a written year wins over the reference year */
    CU_ASSERT_TRUE(parse("2024-02", &sp));
    CU_ASSERT_TRUE(rl_date_resolve(&sp, 2030, &d));
    CU_ASSERT_EQUAL(rl_date_last_day(d), rl_days_from_civil(2024, 2, 29));
    /* --02-29 only resolves in a leap year */
    CU_ASSERT_TRUE(parse("--02-29", &sp));
    CU_ASSERT_TRUE(rl_date_resolve(&sp, 2024, &d));
    CU_ASSERT_FALSE(rl_date_resolve(&sp, 2025, &d));
    CU_ASSERT_FALSE(rl_date_resolve(&sp, 0, &d));
    CU_ASSERT_FALSE(rl_date_resolve(&sp, 10000, &d));
    rl_date day = {100, RL_DATE_DAY};
    CU_ASSERT_EQUAL(rl_date_last_day(day), 100);
}

static void test_weekday_year(void)
{
    CU_ASSERT_EQUAL(rl_date_weekday(0), 4); /* 1970-01-01: Thursday */
    CU_ASSERT_EQUAL(rl_date_weekday(-1), 3);
    CU_ASSERT_EQUAL(rl_date_weekday(rl_days_from_civil(2025, 10, 1)), 3); /* Wednesday */
    CU_ASSERT_EQUAL(rl_date_weekday(rl_days_from_civil(2025, 12, 15)), 1); /* Monday */
    CU_ASSERT_EQUAL(rl_date_weekday(rl_days_from_civil(2025, 12, 14)), 7); /* Sunday */
    CU_ASSERT_EQUAL(rl_date_weekday(rl_days_from_civil(1, 1, 1)), 1);
    CU_ASSERT_EQUAL(rl_date_year(rl_days_from_civil(2024, 12, 31)), 2024);
    CU_ASSERT_EQUAL(rl_date_year(rl_days_from_civil(2025, 1, 1)), 2025);
    CU_ASSERT_EQUAL(rl_date_year(-1), 1969);
}

static void test_format_today(void)
{
    rl_sbuf b = RL_SBUF_INIT;
    rl_date d = {rl_days_from_civil(2025, 12, 5), RL_DATE_DAY};
    rl_date_format(&b, d);
    ASSERT_STR_EQ(rl_sbuf_str(&b), "2025-12-05");
    rl_sbuf_clear(&b);
    d.precision = RL_DATE_MONTH;
    d.days = rl_days_from_civil(2025, 11, 1);
    rl_date_format(&b, d);
    ASSERT_STR_EQ(rl_sbuf_str(&b), "2025-11");
    rl_sbuf_clear(&b);
    d.days = rl_days_from_civil(5, 1, 9);
    d.precision = RL_DATE_DAY;
    rl_date_format(&b, d);
    ASSERT_STR_EQ(rl_sbuf_str(&b), "0005-01-09");
    rl_sbuf_free(&b);
    int32_t t = rl_date_today();
    CU_ASSERT(t > rl_days_from_civil(2024, 1, 1) && t < rl_days_from_civil(2200, 1, 1));
}

int main(void)
{
    static const unit_test tests[] = {
        {"civil round trip, years 1..9999", test_civil_round_trip},
        {"days in month", test_days_in_month},
        {"ISO forms", test_parse_forms},
        {"impossible and malformed dates rejected", test_parse_rejects},
        {"resolving year-less dates and months", test_resolve},
        {"weekdays and years", test_weekday_year},
        {"formatting and today", test_format_today},
        {NULL, NULL},
    };
    return unit_run("date", tests);
}
