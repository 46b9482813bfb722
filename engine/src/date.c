/* date.c — calendar dates and periods: day counts, ISO forms, weekdays,
 * ISO weeks (see date.h).
 *
 * Day counts use Howard Hinnant's civil-from-days algorithms (proleptic
 * Gregorian, exact for every year we accept). Invariants: only years
 * 1..9999 are produced; an rl_date_spec returned by rl_date_parse_iso is
 * always a possible date or period (2025-02-30, month 13, quarter 5 and
 * week 53 of a 52-week year are rejected; a year-less --02-29 is accepted
 * and fails to resolve in a non-leap year); a period's days is its first
 * day. Parsing is strict: no white space, exactly four year digits,
 * two-digit months, days, weeks and times, upper-case W, Q and H. */
#include "date.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

int32_t rl_days_from_civil(int year, int month, int day)
{
    int y = year - (month <= 2);
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;                                            /* [0, 399] */
    int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1; /* [0, 365] */
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;                    /* [0, 146096] */
    return (int32_t)(era * 146097 + doe - 719468);
}

void rl_civil_from_days(int32_t days, int *year, int *month, int *day)
{
    int z = (int)days + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;                                      /* [0, 146096] */
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* [0, 399] */
    int y = yoe + era * 400;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100); /* [0, 365] */
    int mp = (5 * doy + 2) / 153;                      /* [0, 11] */
    int d = doy - (153 * mp + 2) / 5 + 1;              /* [1, 31] */
    int m = mp < 10 ? mp + 3 : mp - 9;                 /* [1, 12] */
    *year = y + (m <= 2);
    *month = m;
    *day = d;
}

static int is_leap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int rl_days_in_month(int year, int month)
{
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    if (month == 2 && is_leap(year))
        return 29;
    return dim[month - 1];
}

/* ---- ISO parsing ------------------------------------------------------ */

/* n decimal digits at s[*pos]; returns the value or -1. */
static int digits(const char *s, size_t len, size_t *pos, int n)
{
    if (*pos + (size_t)n > len)
        return -1;
    int v = 0;
    for (int i = 0; i < n; i++) {
        char c = s[*pos + (size_t)i];
        if (c < '0' || c > '9')
            return -1;
        v = v * 10 + (c - '0');
    }
    *pos += (size_t)n;
    return v;
}

static int expect(const char *s, size_t len, size_t *pos, char c)
{
    if (*pos < len && s[*pos] == c) {
        (*pos)++;
        return 1;
    }
    return 0;
}

/* The time part after 'T': hh:mm[:ss[.f]][Z|±hh:mm], all of the rest. */
static int parse_time(const char *s, size_t len, size_t pos)
{
    int hh = digits(s, len, &pos, 2);
    if (hh < 0 || hh > 23 || !expect(s, len, &pos, ':'))
        return 0;
    int mm = digits(s, len, &pos, 2);
    if (mm < 0 || mm > 59)
        return 0;
    if (expect(s, len, &pos, ':')) {
        int ss = digits(s, len, &pos, 2);
        if (ss < 0 || ss > 60) /* 60: a leap second */
            return 0;
        if (expect(s, len, &pos, '.')) {
            size_t start = pos;
            while (pos < len && s[pos] >= '0' && s[pos] <= '9')
                pos++;
            if (pos == start)
                return 0;
        }
    }
    if (pos == len)
        return 1;
    if (s[pos] == 'Z' || s[pos] == 'z')
        return pos + 1 == len;
    if (s[pos] != '+' && s[pos] != '-')
        return 0;
    pos++;
    int oh = digits(s, len, &pos, 2);
    if (oh < 0 || oh > 23 || !expect(s, len, &pos, ':'))
        return 0;
    int om = digits(s, len, &pos, 2);
    return om >= 0 && om <= 59 && pos == len;
}

/* ISO week 1 holds 4 January; its Monday. */
static int32_t iso_week1_monday(int year)
{
    int32_t jan4 = rl_days_from_civil(year, 1, 4);
    return jan4 - (rl_date_weekday(jan4) - 1);
}

int rl_iso_weeks_in_year(int year)
{
    return (int)((iso_week1_monday(year + 1) - iso_week1_monday(year)) / 7);
}

void rl_iso_week(int32_t days, int *year, int *week)
{
    int32_t thursday = days - (rl_date_weekday(days) - 1) + 3; /* its year is the week's */
    int y, m, d;
    rl_civil_from_days(thursday, &y, &m, &d);
    *year = y;
    *week = (int)((thursday - rl_days_from_civil(y, 1, 1)) / 7 + 1);
}

/* After "YYYY-": Www, Qn or Hn, all of the rest. */
static int parse_period_part(const char *s, size_t len, size_t pos, rl_date_spec *sp)
{
    char c = pos < len ? s[pos] : 0;
    pos++;
    int n = digits(s, len, &pos, c == 'W' ? 2 : 1);
    if (pos != len || n < 1)
        return 0;
    if (c == 'W' && n <= rl_iso_weeks_in_year(sp->year))
        sp->unit = RL_DATE_WEEK;
    else if (c == 'Q' && n <= 4)
        sp->unit = RL_DATE_QUARTER;
    else if (c == 'H' && n <= 2)
        sp->unit = RL_DATE_HALF;
    else
        return 0;
    sp->index = n;
    return 1;
}

int rl_date_parse_period(const char *s, size_t len, rl_date_spec *spec)
{
    size_t pos = 0;
    int year = digits(s, len, &pos, 4);
    if (len == 4 && year >= 1) {
        *spec = (rl_date_spec){year, 0, 0, RL_DATE_YEAR, 0};
        return 1;
    }
    return rl_date_parse_iso(s, len, spec);
}

int rl_date_period_problem(const char *s, size_t len, char *buf, size_t size)
{
    size_t pos = 0;
    int year = digits(s, len, &pos, 4);
    if (year < 1 || !expect(s, len, &pos, '-') || pos >= len)
        return 0;
    char c = s[pos];
    rl_date_spec sp = {year, 0, 0, 0, 0};
    if ((c != 'W' && c != 'Q' && c != 'H') || parse_period_part(s, len, pos, &sp))
        return 0;
    size_t p = pos + 1;
    int n = digits(s, len, &p, c == 'W' ? 2 : 1);
    if (p != len || n < 1)
        snprintf(buf, size, "write %s",
                 c == 'W'   ? "YYYY-Www, weeks 01 to 53 (2025-W36)"
                 : c == 'Q' ? "YYYY-Qn, quarters 1 to 4 (2025-Q3)"
                            : "YYYY-Hn, halves 1 and 2 (2025-H2)");
    else if (c == 'W')
        snprintf(buf, size, "%04d has %d ISO weeks", year, rl_iso_weeks_in_year(year));
    else
        snprintf(buf, size, "there is no %s %d", c == 'Q' ? "quarter" : "half-year", n);
    return 1;
}

int rl_date_parse_iso(const char *s, size_t len, rl_date_spec *spec)
{
    size_t pos = 0;
    rl_date_spec sp = {0, 0, 0, 0, 0};
    if (len >= 2 && s[0] == '-' && s[1] == '-') {
        /* --MM or --MM-DD */
        pos = 2;
        sp.month = digits(s, len, &pos, 2);
        if (sp.month < 1 || sp.month > 12)
            return 0;
        if (pos < len) {
            if (!expect(s, len, &pos, '-'))
                return 0;
            sp.day = digits(s, len, &pos, 2);
            /* 2000 is a leap year: --02-29 is possible in some years */
            if (sp.day < 1 || sp.day > rl_days_in_month(2000, sp.month) || pos != len)
                return 0;
        }
        *spec = sp;
        return 1;
    }
    sp.year = digits(s, len, &pos, 4);
    if (sp.year < 1 || !expect(s, len, &pos, '-'))
        return 0;
    if (pos < len && (s[pos] == 'W' || s[pos] == 'Q' || s[pos] == 'H')) {
        if (!parse_period_part(s, len, pos, &sp))
            return 0;
        *spec = sp;
        return 1;
    }
    sp.month = digits(s, len, &pos, 2);
    if (sp.month < 1 || sp.month > 12)
        return 0;
    if (pos == len) {
        *spec = sp;
        return 1;
    }
    if (!expect(s, len, &pos, '-'))
        return 0;
    sp.day = digits(s, len, &pos, 2);
    if (sp.day < 1 || sp.day > rl_days_in_month(sp.year, sp.month))
        return 0;
    if (pos != len) {
        if (s[pos] != 'T' && s[pos] != 't')
            return 0;
        if (!parse_time(s, len, pos + 1))
            return 0;
    }
    *spec = sp;
    return 1;
}

/* Two digits at s as a number, or -1. */
static int two(const char *s)
{
    unsigned a = (unsigned)(s[0] - '0'), b = (unsigned)(s[1] - '0');
    return a < 10 && b < 10 ? (int)(a * 10 + b) : -1;
}

int rl_date_read_day(const char *s, size_t len, rl_date *out)
{
    if (len != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    int hi = two(s), lo = two(s + 2), month = two(s + 5), day = two(s + 8);
    if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 1)
        return 0;
    int year = hi * 100 + lo;
    if (year < 1 || day > rl_days_in_month(year, month))
        return 0;
    /* built whole and stored as one 8-byte word: callers load it back as
     * one (an rl_date passed by value), and a load over two narrower stores
     * waits for both to retire (a store-forwarding stall: 2% of the
     * benchmark's time) */
    rl_date d = {0};
    d.days = rl_days_from_civil(year, month, day);
    d.precision = RL_DATE_DAY;
    memcpy(out, &d, sizeof d);
    return 1;
}

/* A week, quarter, half-year or year (its year is always written). */
static int resolve_period(const rl_date_spec *spec, rl_date *out)
{
    int y = spec->year, n = spec->index;
    if (y < 1 || y > 9999)
        return 0;
    switch (spec->unit) {
    case RL_DATE_WEEK:
        if (n < 1 || n > rl_iso_weeks_in_year(y))
            return 0;
        out->days = iso_week1_monday(y) + 7 * (n - 1);
        break;
    case RL_DATE_QUARTER:
        if (n < 1 || n > 4)
            return 0;
        out->days = rl_days_from_civil(y, 3 * n - 2, 1);
        break;
    case RL_DATE_HALF:
        if (n < 1 || n > 2)
            return 0;
        out->days = rl_days_from_civil(y, 6 * n - 5, 1);
        break;
    case RL_DATE_YEAR: out->days = rl_days_from_civil(y, 1, 1); break;
    default: return 0;
    }
    out->precision = (uint8_t)spec->unit;
    return 1;
}

int rl_date_resolve(const rl_date_spec *spec, int ref_year, rl_date *out)
{
    if (spec->unit)
        return resolve_period(spec, out);
    int year = spec->year ? spec->year : ref_year;
    if (year < 1 || year > 9999 || spec->month < 1 || spec->month > 12)
        return 0;
    if (spec->day == 0) {
        out->days = rl_days_from_civil(year, spec->month, 1);
        out->precision = RL_DATE_MONTH;
        return 1;
    }
    if (spec->day < 1 || spec->day > rl_days_in_month(year, spec->month))
        return 0;
    out->days = rl_days_from_civil(year, spec->month, spec->day);
    out->precision = RL_DATE_DAY;
    return 1;
}

/* ---- arithmetic on dates ---------------------------------------------- */

/* Months a period of precision p spans (0 for a day or week). */
static int period_months(int p)
{
    static const int months[] = {0, 1, 0, 3, 6, 12};
    return p >= RL_DATE_DAY && p <= RL_DATE_YEAR ? months[p] : 0;
}

int32_t rl_date_last_day(rl_date d)
{
    if (d.precision == RL_DATE_WEEK)
        return d.days + 6;
    int span = period_months(d.precision);
    if (!span)
        return d.days;
    int y, m, day;
    rl_civil_from_days(d.days, &y, &m, &day);
    int last = m + span - 1; /* periods never cross a year */
    return rl_days_from_civil(y, last, rl_days_in_month(y, last));
}

rl_date rl_date_period_of(int unit, int32_t day)
{
    rl_date d = {day, (uint8_t)unit};
    if (unit == RL_DATE_WEEK) {
        d.days = day - (rl_date_weekday(day) - 1);
        return d;
    }
    int span = period_months(unit);
    if (!span) {
        d.precision = RL_DATE_DAY;
        return d;
    }
    int y, m, dd;
    rl_civil_from_days(day, &y, &m, &dd);
    d.days = rl_days_from_civil(y, (m - 1) / span * span + 1, 1);
    return d;
}

const char *rl_date_unit_name(int unit)
{
    static const char *const names[] = {"day", "month", "week", "quarter", "half-year", "year"};
    return unit >= RL_DATE_DAY && unit <= RL_DATE_YEAR ? names[unit] : "day";
}

int rl_date_weekday(int32_t days)
{
    /* 1970-01-01 was a Thursday (4) */
    int r = (int)(((int64_t)days + 3) % 7);
    if (r < 0)
        r += 7;
    return r + 1;
}

int rl_date_year(int32_t days)
{
    int y, m, d;
    rl_civil_from_days(days, &y, &m, &d);
    return y;
}

/* A week, quarter, half-year or year: 2025-W36, 2025-Q3, 2025-H2, 2025. */
static void format_period(rl_sbuf *out, rl_date d)
{
    int y, m, day, n;
    rl_civil_from_days(d.days, &y, &m, &day);
    if (d.precision == RL_DATE_WEEK) {
        rl_iso_week(d.days, &y, &n);
        rl_sbuf_printf(out, "%04d-W%02d", y, n);
    } else if (d.precision == RL_DATE_QUARTER) {
        rl_sbuf_printf(out, "%04d-Q%d", y, (m - 1) / 3 + 1);
    } else if (d.precision == RL_DATE_HALF) {
        rl_sbuf_printf(out, "%04d-H%d", y, (m - 1) / 6 + 1);
    } else {
        rl_sbuf_printf(out, "%04d", y);
    }
}

void rl_date_format(rl_sbuf *out, rl_date d)
{
    if (d.precision > RL_DATE_MONTH) {
        format_period(out, d);
        return;
    }
    int y, m, day;
    rl_civil_from_days(d.days, &y, &m, &day);
    if (y < 0) { /* not a day reportlint reads or makes: printf's form */
        rl_sbuf_printf(out, d.precision == RL_DATE_MONTH ? "%04d-%02d" : "%04d-%02d-%02d", y, m,
                       day);
        return;
    }
    rl_sbuf_add_uint(out, (unsigned)y, 4);
    rl_sbuf_addc(out, '-');
    rl_sbuf_add_uint(out, (unsigned)m, 2);
    if (d.precision == RL_DATE_MONTH)
        return;
    rl_sbuf_addc(out, '-');
    rl_sbuf_add_uint(out, (unsigned)day, 2);
}

int32_t rl_date_today(void)
{
    time_t now = time(NULL);
    int64_t t = (int64_t)now;
    int64_t days = t / 86400;
    if (t % 86400 < 0)
        days--;
    return (int32_t)days;
}
