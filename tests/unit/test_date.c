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

/* The general path's answer for s: 1 with *out when it reads as one day. */
static int general_day(const char *s, size_t len, rl_date *out)
{
    rl_date_spec sp;
    return rl_date_parse_iso(s, len, &sp) && !sp.unit && sp.day && rl_date_resolve(&sp, 0, out);
}

/* rl_date_read_day (the fast path) and the general path agree on every
 * day of years 1..9999, on impossible days and on every one-byte change
 * of a sample of days; what it declines is left to the general path. */
static void test_read_day_fast_path(void)
{
    char s[16];
    long disagree = 0, accepted = 0;
    for (int y = 1; y <= 9999; y++)
        for (int m = 1; m <= 12; m++)
            for (int d = 0; d <= 32; d++) {
                snprintf(s, sizeof s, "%04d-%02d-%02d", y, m, d);
                rl_date fast = {-1, 9}, slow = {-2, 9};
                int f = rl_date_read_day(s, 10, &fast), g = general_day(s, 10, &slow);
                accepted += f;
                if (f != g || (f && (fast.days != slow.days || fast.precision != slow.precision)))
                    disagree++;
            }
    CU_ASSERT_EQUAL(disagree, 0);
    CU_ASSERT_EQUAL(accepted, rl_days_from_civil(10000, 1, 1) - rl_days_from_civil(1, 1, 1));
    const char *odd = "0123456789-/T:Z +\xff\x80";
    for (int y = 1990; y <= 2030; y += 7)
        for (int i = 0; i < 10; i++)
            for (const char *c = odd; *c; c++) {
                snprintf(s, sizeof s, "%04d-02-%02d", y, 28);
                s[i] = *c;
                rl_date fast = {-1, 9}, slow = {-2, 9};
                int f = rl_date_read_day(s, 10, &fast);
                if (f && (!general_day(s, 10, &slow) || fast.days != slow.days))
                    disagree++;
                if (!f && (fast.days != -1 || fast.precision != 9)) /* untouched */
                    disagree++;
            }
    CU_ASSERT_EQUAL(disagree, 0);
    rl_date d = {0, 0};
    CU_ASSERT_FALSE(rl_date_read_day("2025-12-15T10:00", 16, &d)); /* the general path's */
    CU_ASSERT_FALSE(rl_date_read_day("2025-12", 7, &d));
    CU_ASSERT_FALSE(rl_date_read_day("--12-15", 7, &d));
    CU_ASSERT_FALSE(rl_date_read_day("0000-01-01", 10, &d));
    CU_ASSERT_TRUE(rl_date_read_day("2025-12-15XYZ", 10, &d)); /* the length is respected */
    CU_ASSERT_EQUAL(d.days, rl_days_from_civil(2025, 12, 15));
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
        {"YYYY-MM-DD fast path agrees with the general path", test_read_day_fast_path},
        {"resolving year-less dates and months", test_resolve},
        {"weekdays and years", test_weekday_year},
        {"formatting and today", test_format_today},
        {NULL, NULL},
    };
    return unit_run("date", tests);
}
