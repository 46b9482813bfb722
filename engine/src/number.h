/* number.h — reading numbers that reports hold as strings.
 *
 * The text is read as its locale writes numbers (locales.h, locale_number.c:
 * "1,377.5" in en, "1.377,5" in vi and id, "1 377,5" in ru and nb, scale
 * words such as "12,2 juta", a trailing "%" dropped), then turned into a
 * value exactly: a whole result that fits int64 is an INT computed in
 * decimal, never through a double ("12,2 juta" is 12200000); anything else
 * is a correctly rounded double. A string that does not read cleanly is an
 * error quoting it and naming the locale — never a zero, never a guess. */
#ifndef RL_NUMBER_H
#define RL_NUMBER_H

#include "reportlint.h"
#include "value.h"

#include <stddef.h>

/* Read s[0..len) as a number in locale (a tag; NULL or "" = en). On
 * success sets out to an INT (a whole number written without an exponent
 * that fits int64) or NUM, with out->decimals as written (XBRL style:
 * fraction digits minus the exponent and the scale word's power, so
 * "99,99%" is 2 and "6,6 millioner" is -5), and returns 1. On failure
 * returns 0 and sets err ("'1.37' is not a number in locale vi (vi writes
 * 1.377,5)", or "unknown locale 'xx' ..."). */
int rl_number_parse(const char *s, size_t len, const char *locale, rl_value *out, rl_error *err);

#endif
