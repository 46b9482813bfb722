/* period.h — periods: the periods of a cadence (days, ISO weeks, calendar
 * months), and moving dates and periods (a report's `2025-Q3`) in time.
 *
 * A period is a closed range of day counts (date.h). Weeks are ISO 8601
 * weeks, Monday to Sunday, labelled by ISO week-numbering year and week
 * ("2025-W41": the year of the week's Thursday); months are calendar
 * months ("2025-10"); days are themselves ("2025-10-06"). A period's due
 * day is the day its submission belongs on: a weekday of the week, a day
 * of the month (the month's last day when the month is shorter), or — with
 * no such day given — the period's last day. */
#ifndef RL_PERIOD_H
#define RL_PERIOD_H

#include "date.h"
#include "sbuf.h"

#include <stdint.h>

typedef enum rl_every { RL_EVERY_DAY, RL_EVERY_WEEK, RL_EVERY_MONTH } rl_every;

typedef struct rl_period {
    int32_t start, end; /* first and last day, inclusive */
} rl_period;

/* The period that holds day. */
rl_period rl_period_of(rl_every every, int32_t day);
/* The period right after p. */
rl_period rl_period_next(rl_every every, rl_period p);
/* The due day of p: on is an ISO weekday 1..7 (weeks) or a day of the
 * month 1..31 (months); 0 means the period's last day. */
int32_t rl_period_due(rl_every every, rl_period p, int on);
/* Append the period's label: "2025-10-06", "2025-W41" or "2025-10". */
void rl_period_label(rl_sbuf *out, rl_every every, rl_period p);

/* ---- moving dates and periods (rl_date, date.h) ---- */

/* The period n periods after p (before, for n < 0), of the same
 * precision: 2025-Q3 + 1 = 2025-Q4, 2025-W52 + 1 = 2026-W01. Returns 1,
 * or 0 when the result leaves years 1..9999. */
int rl_period_shift(rl_date p, int64_t n, rl_date *out);
/* A day or month moved by n calendar months; a day past the end of the
 * new month is clamped to its last day (2025-01-31 + 1 = 2025-02-28).
 * Returns 1, or 0 when the result leaves years 1..9999 or d is a week,
 * quarter, half-year or year. */
int rl_date_add_months(rl_date d, int64_t n, rl_date *out);

/* "day", "week", "month" -> 1 and *out; else 0. */
int rl_every_parse(const char *s, rl_every *out);
/* "monday".."sunday" -> 1..7; 0 for anything else. */
int rl_weekday_parse(const char *s);
/* 1..7 -> "monday".."sunday". */
const char *rl_weekday_name(int weekday);
/* "monday", ..., "sunday", NULL (for suggestions). */
const char *const *rl_weekday_names(void);

#endif
