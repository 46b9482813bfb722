/* date.c — calendar dates: day counts, ISO forms, weekdays (see date.h).
 *
 * Day counts use Howard Hinnant's civil-from-days algorithms (proleptic
 * Gregorian, exact for every year we accept). Invariants: only years
 * 1..9999 are produced; an rl_date_spec returned by rl_date_parse_iso is
 * always a possible date (2025-02-30 and month 13 are rejected; a year-less
 * --02-29 is accepted and fails to resolve in a non-leap year); a MONTH
 * date's days is the first of the month. Parsing is strict: no white
 * space, exactly four year digits, two-digit months, days and times. */
#include "date.h"

#include <time.h>

int32_t rl_days_from_civil(int year, int month, int day)
{
    int y = year - (month <= 2);
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;                                        /* [0, 399] */
    int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1; /* [0, 365] */
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;                /* [0, 146096] */
    return (int32_t)(era * 146097 + doe - 719468);
}

void rl_civil_from_days(int32_t days, int *year, int *month, int *day)
{
    int z = (int)days + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;                                  /* [0, 146096] */
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* [0, 399] */
    int y = yoe + era * 400;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);           /* [0, 365] */
    int mp = (5 * doy + 2) / 153;                                /* [0, 11] */
    int d = doy - (153 * mp + 2) / 5 + 1;                        /* [1, 31] */
    int m = mp < 10 ? mp + 3 : mp - 9;                           /* [1, 12] */
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

int rl_date_parse_iso(const char *s, size_t len, rl_date_spec *spec)
{
    size_t pos = 0;
    rl_date_spec sp = {0, 0, 0};
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

int rl_date_resolve(const rl_date_spec *spec, int ref_year, rl_date *out)
{
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

int32_t rl_date_last_day(rl_date d)
{
    if (d.precision != RL_DATE_MONTH)
        return d.days;
    int y, m, day;
    rl_civil_from_days(d.days, &y, &m, &day);
    return d.days + (rl_days_in_month(y, m) - day);
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

void rl_date_format(rl_sbuf *out, rl_date d)
{
    int y, m, day;
    rl_civil_from_days(d.days, &y, &m, &day);
    if (y < 0) { /* not a day reportlint reads or makes: printf's form */
        rl_sbuf_printf(out, d.precision == RL_DATE_MONTH ? "%04d-%02d" : "%04d-%02d-%02d", y, m, day);
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
