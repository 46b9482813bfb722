/* date.h — calendar dates and periods: ISO forms, day counts, weekdays.
 *
 * A date is a count of days since 1970-01-01 (proleptic Gregorian) plus a
 * precision: a day, or a whole period — a month (`2025-11` covers 1..30
 * November; as a deadline it means the month's last day), an ISO week
 * (`2025-W36`, Monday to Sunday, numbered in the ISO week-numbering year),
 * a quarter (`2025-Q3`), a half-year (`2025-H2`) or a year (`2025`). days
 * is always the period's first day. Date specs as written may lack a year
 * (`--12-15`, `--11`); they are resolved against a reference year (the
 * year of as_of). Years 1..9999 only. */
#ifndef RL_DATE_H
#define RL_DATE_H

#include "sbuf.h"

#include <stddef.h>
#include <stdint.h>

enum {
    RL_DATE_DAY = 0,
    RL_DATE_MONTH = 1,
    RL_DATE_WEEK = 2,    /* ISO week: days is its Monday */
    RL_DATE_QUARTER = 3, /* days is the first of January, April, July or October */
    RL_DATE_HALF = 4,    /* days is the first of January or July */
    RL_DATE_YEAR = 5     /* days is the first of January */
};

typedef struct rl_date {
    int32_t days;      /* first day covered, days since 1970-01-01 */
    uint8_t precision; /* RL_DATE_DAY .. RL_DATE_YEAR */
} rl_date;

/* A date as written, before the year is known. */
typedef struct rl_date_spec {
    int year;  /* 0 when not written (--12-15, --11) */
    int month; /* 1..12 (0 for a week, quarter, half or year) */
    int day;   /* 1..31, or 0 for a whole month */
    int unit;  /* 0 (a day or month as above), or RL_DATE_WEEK .. RL_DATE_YEAR */
    int index; /* the week (1..53), quarter (1..4) or half (1..2) */
} rl_date_spec;

int32_t rl_days_from_civil(int year, int month, int day);
void rl_civil_from_days(int32_t days, int *year, int *month, int *day);
int rl_days_in_month(int year, int month);

/* Parse an ISO form: YYYY-MM-DD, YYYY-MM, --MM-DD, --MM, a date-time
 * YYYY-MM-DDThh:mm[:ss[.f]][Z|±hh:mm] (the date part as written is kept),
 * or a period YYYY-Www, YYYY-Qn, YYYY-Hn. Returns 1 and fills spec, or 0
 * if s is not such a date (including impossible days such as 2025-02-30,
 * quarter 5 or week 53 of a year with 52 ISO weeks). A bare year is not
 * read here (a string "2025" is a number in most places). */
int rl_date_parse_iso(const char *s, size_t len, rl_date_spec *spec);
/* rl_date_parse_iso, or a bare year YYYY: where a date or period is
 * expected (a date field, a string read as a date). */
int rl_date_parse_period(const char *s, size_t len, rl_date_spec *spec);
/* When s is written like a period (YYYY-Q..., YYYY-H..., YYYY-W...) but
 * names none, write why into buf ("there is no quarter 5", "2025 has 52
 * ISO weeks") and return 1; else 0. */
int rl_date_period_problem(const char *s, size_t len, char *buf, size_t size);

/* The hot path of reading a date: when s is exactly a day YYYY-MM-DD
 * (year 1..9999, a day the month has), set *out to that day and return 1;
 * else return 0 and leave *out alone (the caller then takes the general
 * path: rl_date_parse_iso and rl_date_resolve give the same day for every
 * string this accepts). */
int rl_date_read_day(const char *s, size_t len, rl_date *out);

/* Resolve a spec, taking the year from ref_year when none was written. */
int rl_date_resolve(const rl_date_spec *spec, int ref_year, rl_date *out);

/* The last day a date covers (itself, or its period's last day). */
int32_t rl_date_last_day(rl_date d);
/* The period of precision unit that holds day (a day for RL_DATE_DAY). */
rl_date rl_date_period_of(int unit, int32_t day);
/* The number of ISO weeks of an ISO week-numbering year: 52 or 53. */
int rl_iso_weeks_in_year(int year);
/* The ISO week-numbering year and week (1..53) of a day. */
void rl_iso_week(int32_t days, int *year, int *week);
/* "day", "month", "week", "quarter", "half-year", "year". */
const char *rl_date_unit_name(int unit);
/* ISO weekday: 1 = Monday .. 7 = Sunday. */
int rl_date_weekday(int32_t days);
/* The year of a day count. */
int rl_date_year(int32_t days);

/* Append YYYY-MM-DD, or YYYY-MM, YYYY-Www, YYYY-Qn, YYYY-Hn, YYYY. */
void rl_date_format(rl_sbuf *out, rl_date d);

/* Today in UTC, as a day count. */
int32_t rl_date_today(void);

#endif
