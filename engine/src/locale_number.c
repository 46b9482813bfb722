/* locale_number.c — reading a number as a locale writes it (see locales.h).
 *
 * The grammar, for a locale with decimal mark D and group separator G:
 *
 *     number := sign? int (D digits)? exponent? (scale-word)? ('%')?
 *     int    := digits | d{1,3} (G ddd)+       -- groups of exactly three
 *     sign   := '+' | '-' | U+2212
 *     exponent := ('e'|'E') sign? digits      -- only on an ungrouped number
 *
 * with white space (any Unicode White_Space) allowed around the whole, before
 * a scale word and before '%'; a scale word and '%' or an exponent do not
 * go together. G is ',' (en), '.' (vi, id) or a space, U+00A0, U+202F or
 * U+2009 (ru, nb); D is the other mark. The strict reading is the point:
 *
 *  - the mark that is not the locale's decimal mark is only ever a group
 *    separator, and a group separator must be followed by exactly three
 *    digits: en "1,377" is 1377 and vi "1,377" is 1.377; vi "1.37" and en
 *    "1,37" are errors, never 137 or 1.37.
 *  - a period in vi/id is a group mark, and in ru/nb no mark at all, so
 *    "1.5" there is an error rather than a guess (a ministry writes 1,5).
 *  - plain integers ("1377", "-12") and exponents ("1e3") read in every
 *    locale: they hold no mark to misread.
 *
 * Invariant: the whole text is read or the result is 0 (not a number). */
#include "locales.h"
#include "textfold.h"
#include "utf8.h"

#include <string.h>

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Byte length of the locale's group separator at s[i], else 0. */
static size_t group_at(const rl_locale *loc, const char *s, size_t i, size_t end)
{
    switch (loc->group) {
    case RL_GROUP_COMMA: return s[i] == ',';
    case RL_GROUP_DOT: return s[i] == '.';
    default: {
        uint32_t cp;
        size_t k = rl_utf8_decode((const unsigned char *)s + i, end - i, &cp);
        return k && (cp == ' ' || cp == 0xA0 || cp == 0x202F || cp == 0x2009) ? k : 0;
    }
    }
}

static size_t digit_run(const char *s, size_t i, size_t end)
{
    size_t n = 0;
    while (i + n < end && is_digit(s[i + n]))
        n++;
    return n;
}

static int add_digits(rl_decimal *d, const char *s, size_t n)
{
    if (d->ndigits + n > RL_DECIMAL_DIGITS)
        return 0;
    memcpy(d->digits + d->ndigits, s, n);
    d->ndigits += n;
    d->digits[d->ndigits] = '\0';
    return 1;
}

/* The integer part with its groups; advances *i. */
static int read_int(const rl_locale *loc, const char *s, size_t *i, size_t end, rl_decimal *d)
{
    size_t n = digit_run(s, *i, end);
    if (n == 0 || !add_digits(d, s + *i, n))
        return 0;
    size_t first = n;
    *i += n;
    int grouped = 0;
    size_t g;
    while (*i < end && (g = group_at(loc, s, *i, end)) > 0) {
        size_t m = digit_run(s, *i + g, end);
        if (m == 0)
            break; /* a space before a scale word; anything else fails later */
        if (m != 3 || first > 3)
            return 0;
        if (!add_digits(d, s + *i + g, 3))
            return 0;
        *i += g + 3;
        grouped = 1;
    }
    return grouped ? 2 : 1;
}

static int read_exponent(const char *s, size_t *i, size_t end, rl_decimal *d)
{
    size_t j = *i + 1;
    int neg = 0;
    if (j < end && (s[j] == '+' || s[j] == '-'))
        neg = s[j++] == '-';
    size_t n = digit_run(s, j, end);
    if (n == 0)
        return 0;
    long e = 0;
    for (size_t k = 0; k < n; k++)
        if (e < 1000000)
            e = e * 10 + (s[j + k] - '0');
    d->has_exp = 1;
    d->exp = neg ? -e : e;
    *i = j + n;
    return 1;
}

/* The scale word that is all of s[a..b) (one trailing '.' allowed, as in
 * "тыс." or "mill."). Returns its power, or -1. */
static int scale_word(const rl_locale *loc, const char *s, size_t a, size_t b)
{
    uint32_t f[64];
    size_t n = rl_fold(s + a, b - a, f, sizeof f / sizeof *f);
    if (n == RL_FOLD_FAIL || n == 0)
        return -1;
    if (n > 1 && f[n - 1] == '.')
        n--;
    for (const rl_scale_word *w = loc->scales; w->word; w++)
        if (rl_fold_equals(f, n, w->word))
            return w->power;
    return -1;
}

static int read_sign(const char *s, size_t *i, size_t end)
{
    if (*i < end && (s[*i] == '+' || s[*i] == '-')) {
        return s[(*i)++] == '-';
    }
    if (end - *i >= 3 && memcmp(s + *i, "\xE2\x88\x92", 3) == 0) { /* U+2212 MINUS SIGN */
        *i += 3;
        return 1;
    }
    return 0;
}

int rl_locale_read_number(const rl_locale *loc, const char *s, size_t len, rl_decimal *d)
{
    memset(d, 0, sizeof *d);
    size_t a = 0, b = len;
    rl_trim_space(s, &a, &b);
    if (b > a && s[b - 1] == '%') {
        d->percent = 1;
        b--;
        rl_trim_space(s, &a, &b);
    }
    size_t i = a;
    d->neg = read_sign(s, &i, b);
    int kind = read_int(loc, s, &i, b, d);
    if (!kind)
        return 0;
    if (i < b && s[i] == loc->decimal) {
        size_t n = digit_run(s, i + 1, b);
        if (n == 0 || !add_digits(d, s + i + 1, n))
            return 0;
        d->frac = (int)n;
        i += 1 + n;
    }
    if (i < b && (s[i] == 'e' || s[i] == 'E') && kind == 1 && read_exponent(s, &i, b, d) == 0)
        return 0;
    size_t k;
    while (i < b && (k = rl_space_at(s, i, b)) > 0)
        i += k;
    if (i == b)
        return 1;
    if (d->percent || d->has_exp)
        return 0;
    int power = scale_word(loc, s, i, b);
    if (power < 0)
        return 0;
    d->scale = power;
    return 1;
}
