/* date.h — calendar dates: ISO forms, day counts, weekdays.
 *
 * A date is a count of days since 1970-01-01 (proleptic Gregorian) plus a
 * precision: a day, or a whole month (`2025-11` covers 1..30 November; as a
 * deadline it means the month's last day). Date specs as written may lack a
 * year (`--12-15`, `--11`); they are resolved against a reference year (the
 * year of as_of). Years 1..9999 only. */
#ifndef RL_DATE_H
#define RL_DATE_H

#include "sbuf.h"

#include <stddef.h>
#include <stdint.h>

enum { RL_DATE_DAY = 0, RL_DATE_MONTH = 1 };

typedef struct rl_date {
    int32_t days;      /* first day covered, days since 1970-01-01 */
    uint8_t precision; /* RL_DATE_DAY or RL_DATE_MONTH */
} rl_date;

/* A date as written, before the year is known. */
typedef struct rl_date_spec {
    int year;  /* 0 when not written (--12-15, --11) */
    int month; /* 1..12 */
    int day;   /* 1..31, or 0 for a whole month */
} rl_date_spec;

int32_t rl_days_from_civil(int year, int month, int day);
void rl_civil_from_days(int32_t days, int *year, int *month, int *day);
int rl_days_in_month(int year, int month);

/* Parse an ISO form: YYYY-MM-DD, YYYY-MM, --MM-DD, --MM, or a date-time
 * YYYY-MM-DDThh:mm[:ss[.f]][Z|±hh:mm] (the date part as written is kept).
 * Returns 1 and fills spec, or 0 if s is not such a date (including
 * impossible days such as 2025-02-30). */
int rl_date_parse_iso(const char *s, size_t len, rl_date_spec *spec);

/* Resolve a spec, taking the year from ref_year when none was written. */
int rl_date_resolve(const rl_date_spec *spec, int ref_year, rl_date *out);

/* The last day a date covers (itself, or the month's last day). */
int32_t rl_date_last_day(rl_date d);
/* ISO weekday: 1 = Monday .. 7 = Sunday. */
int rl_date_weekday(int32_t days);
/* The year of a day count. */
int rl_date_year(int32_t days);

/* Append YYYY-MM-DD, or YYYY-MM for a month. */
void rl_date_format(rl_sbuf *out, rl_date d);

/* Today in UTC, as a day count. */
int32_t rl_date_today(void);

#endif
