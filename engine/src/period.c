/* period.c — cadence periods over day counts, and dates and periods moved
 * by days, periods or months (see period.h). Invariant: nothing returned
 * lies outside years 1..9999. */
#include "period.h"
#include "date.h"

#include <string.h>

static const char *const weekdays[8] = {"monday", "tuesday",  "wednesday", "thursday",
                                        "friday", "saturday", "sunday",    NULL};

rl_period rl_period_of(rl_every every, int32_t day)
{
    rl_period p = {day, day};
    if (every == RL_EVERY_WEEK) {
        p.start = day - (rl_date_weekday(day) - 1);
        p.end = p.start + 6;
    } else if (every == RL_EVERY_MONTH) {
        int y, m, d;
        rl_civil_from_days(day, &y, &m, &d);
        p.start = day - (d - 1);
        p.end = p.start + rl_days_in_month(y, m) - 1;
    }
    return p;
}

rl_period rl_period_next(rl_every every, rl_period p)
{
    return rl_period_of(every, p.end + 1);
}

int32_t rl_period_due(rl_every every, rl_period p, int on)
{
    if (on <= 0 || every == RL_EVERY_DAY)
        return p.end;
    if (every == RL_EVERY_WEEK)
        return p.start + (on > 7 ? 6 : on - 1);
    int32_t due = p.start + on - 1;
    return due > p.end ? p.end : due;
}

void rl_period_label(rl_sbuf *out, rl_every every, rl_period p)
{
    static const uint8_t precision[] = {RL_DATE_DAY, RL_DATE_WEEK, RL_DATE_MONTH};
    rl_date_format(out, (rl_date){p.start, precision[every]});
}

static int in_range(int64_t day)
{
    return day >= rl_days_from_civil(1, 1, 1) && day <= rl_days_from_civil(9999, 12, 31);
}

/* The first of the month n months after (year, month); 0 when out of range. */
static int month_shift(int year, int month, int64_t n, int *oy, int *om)
{
    if (n > 12 * 10000 || n < -12 * 10000)
        return 0;
    int64_t idx = (int64_t)year * 12 + (month - 1) + n;
    if (idx < 12 || idx >= 12 * 10000)
        return 0;
    *oy = (int)(idx / 12);
    *om = (int)(idx % 12) + 1;
    return 1;
}

int rl_period_shift(rl_date p, int64_t n, rl_date *out)
{
    static const int months[] = {0, 1, 0, 3, 6, 12};
    int step = p.precision <= RL_DATE_YEAR ? months[p.precision] : 0;
    if (!step) { /* days and weeks: whole days */
        int64_t days = p.precision == RL_DATE_WEEK ? 7 : 1;
        if (n > 10000000 || n < -10000000 || !in_range((int64_t)p.days + n * days))
            return 0;
        *out = (rl_date){(int32_t)(p.days + n * days), p.precision};
        /* a week must also end in range, and start in year 1 or later */
        return in_range(rl_date_last_day(*out));
    }
    int y, m, d, ny, nm;
    rl_civil_from_days(p.days, &y, &m, &d);
    if (n > 12 * 10000 || n < -12 * 10000 || !month_shift(y, m, n * step, &ny, &nm))
        return 0;
    *out = (rl_date){rl_days_from_civil(ny, nm, 1), p.precision};
    return 1;
}

int rl_date_add_months(rl_date d, int64_t n, rl_date *out)
{
    if (d.precision != RL_DATE_DAY && d.precision != RL_DATE_MONTH)
        return 0;
    int y, m, day, ny, nm;
    rl_civil_from_days(d.days, &y, &m, &day);
    if (!month_shift(y, m, n, &ny, &nm))
        return 0;
    int dim = rl_days_in_month(ny, nm);
    *out = (rl_date){rl_days_from_civil(ny, nm, day > dim ? dim : day), d.precision};
    return 1;
}

int rl_every_parse(const char *s, rl_every *out)
{
    static const char *const names[] = {"day", "week", "month"};
    for (int i = 0; i < 3; i++) {
        if (strcmp(s, names[i]) == 0) {
            *out = (rl_every)i;
            return 1;
        }
    }
    return 0;
}

int rl_weekday_parse(const char *s)
{
    for (int i = 0; i < 7; i++)
        if (strcmp(s, weekdays[i]) == 0)
            return i + 1;
    return 0;
}

const char *rl_weekday_name(int weekday)
{
    return weekday >= 1 && weekday <= 7 ? weekdays[weekday - 1] : "";
}

const char *const *rl_weekday_names(void)
{
    return weekdays;
}
