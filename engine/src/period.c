/* period.c — cadence periods over day counts (see period.h). */
#include "period.h"
#include "date.h"

#include <string.h>

static const char *const weekdays[8] = {"monday", "tuesday", "wednesday", "thursday",
                                        "friday", "saturday", "sunday", NULL};

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
    int y, m, d;
    if (every == RL_EVERY_WEEK) {
        int32_t thursday = p.start + 3; /* its year is the week's ISO year */
        rl_civil_from_days(thursday, &y, &m, &d);
        int32_t jan1 = rl_days_from_civil(y, 1, 1);
        rl_sbuf_printf(out, "%04d-W%02d", y, (int)((thursday - jan1) / 7 + 1));
        return;
    }
    rl_date_format(out, (rl_date){p.start, every == RL_EVERY_MONTH ? RL_DATE_MONTH : RL_DATE_DAY});
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
