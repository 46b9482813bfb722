/* number.c — a number held as a string becomes a value (see number.h).
 *
 * The locale reader (locale_number.c) gives the digits as written, the
 * number of fraction digits, a written exponent and a scale word's power;
 * the value is digits × 10^(exponent + scale − fraction). When that power
 * is not negative and no exponent was written, the value is whole and is
 * computed in int64 with overflow checks — exact, never via a double;
 * otherwise (or on overflow) the decimal text goes through one correctly
 * rounded strtod. Infinities and NaN never come out. */
#include "number.h"
#include "error.h"
#include "json.h"
#include "locales.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Quote the text for a message: at most 60 bytes, cut on a UTF-8 boundary. */
static void quote_text(const char *s, size_t len, char *out, size_t outsz)
{
    size_t max = outsz > 8 ? outsz - 8 : 0;
    if (max > 60)
        max = 60;
    size_t n = len;
    int cut = 0;
    if (n > max) {
        n = max;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
        cut = 1;
    }
    size_t o = 0;
    for (size_t i = 0; i < n && o + 1 < outsz; i++)
        out[o++] = (s[i] == '\n' || s[i] == '\r' || s[i] == '\t') ? ' ' : s[i];
    if (cut && o + 4 < outsz) {
        memcpy(out + o, "...", 3);
        o += 3;
    }
    out[o] = '\0';
}

static int fail(const char *s, size_t len, const char *tag, const rl_locale *loc, rl_error *err)
{
    char q[80];
    quote_text(s, len, q, sizeof q);
    rl_error_set(err, 0, 0, "'%s' is not a number in locale %s (%s writes %s)", q,
                 tag && *tag ? tag : "en", loc->name, loc->number_example);
    return 0;
}

static int16_t clamp16(long v)
{
    return (int16_t)(v > INT16_MAX ? INT16_MAX : v < INT16_MIN ? INT16_MIN : v);
}

/* digits × 10^k as an int64, k >= 0; 0 when it does not fit. */
static int exact_int(const rl_decimal *d, long k, int64_t *out)
{
    uint64_t limit = d->neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    uint64_t v = 0;
    for (size_t i = 0; i < d->ndigits; i++) {
        unsigned dig = (unsigned)(d->digits[i] - '0');
        if (v > (limit - dig) / 10)
            return 0;
        v = v * 10 + dig;
    }
    for (long i = 0; i < k && v; i++) {
        if (v > limit / 10)
            return 0;
        v *= 10;
    }
    *out = d->neg ? (v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v) : (int64_t)v;
    return 1;
}

int rl_number_parse(const char *s, size_t len, const char *locale, rl_value *out, rl_error *err)
{
    const rl_locale *loc = rl_locale_find(locale);
    if (!loc) {
        rl_locale_unknown(locale, err);
        return 0;
    }
    rl_decimal d;
    if (!rl_locale_read_number(loc, s, len, &d))
        return fail(s, len, locale, loc, err);
    long k = d.exp + d.scale - d.frac; /* |exp| <= 10^6, scale <= 12, frac <= 400 */
    int16_t decimals = clamp16(-k);
    int64_t iv;
    if (!d.has_exp && k >= 0 && exact_int(&d, k, &iv)) {
        rl_value_set_int(out, iv);
        out->decimals = decimals;
        return 1;
    }
    char text[RL_DECIMAL_DIGITS + 32];
    int n = snprintf(text, sizeof text, "%s%se%ld", d.neg ? "-" : "", d.digits, k);
    double v = rl_json_strtod(text, (size_t)n);
    if (!isfinite(v))
        return fail(s, len, locale, loc, err);
    rl_value_set_num(out, v);
    out->decimals = decimals;
    return 1;
}
