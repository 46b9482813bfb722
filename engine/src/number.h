/* number.h — reading numbers that reports hold as strings.
 *
 * For now: plain numbers as JSON or a programmer writes them ("1377",
 * "-12.5", "1e3", "95%" is 95 — the percent sign is dropped), with
 * surrounding white space allowed. Locale forms ("1.377", "1 377,5",
 * "12,2 juta") come with the locale module; the locale argument is
 * accepted now so callers do not change. A string that does not read
 * cleanly is an error quoting it — never a zero, never a guess. */
#ifndef RL_NUMBER_H
#define RL_NUMBER_H

#include "reportlint.h"
#include "value.h"

#include <stddef.h>

/* Read s[0..len) as a number in locale (NULL or "" = en). On success sets
 * out to an INT (when the text is a whole number that fits int64) or NUM,
 * with out->decimals as written, and returns 1. On failure returns 0 and
 * sets err ("'abc' is not a number in locale en"). */
int rl_number_parse(const char *s, size_t len, const char *locale, rl_value *out, rl_error *err);

#endif
