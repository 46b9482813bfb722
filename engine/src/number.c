/* number.c — reading numbers that reports hold as strings (see number.h).
 *
 * Two steps: a locale style turns the text into a canonical ASCII number
 * ([-]digits[.digits][e[-]digits]), then one strict reader turns that into
 * an exact INT or a NUM with the decimals as written. Locales are rows of
 * a style table (decimal mark, group separators); today only the plain
 * style exists, so every locale reads plain numbers ("1377", "-12.5",
 * "1e3", "95%"). The locale module adds rows and nothing else changes.
 *
 * Invariants: the whole text must be read (surrounding white space and one
 * trailing '%' aside); a text that does not read is an error quoting it,
 * never a zero; infinities and NaN never come out. */
#include "number.h"
#include "error.h"
#include "json.h"

#include <math.h>
#include <string.h>

/* How a locale writes numbers. A NULL group list means none is accepted. */
typedef struct number_style {
    const char *locale;       /* "en", "vi", ...; NULL ends the table */
    char decimal;             /* the decimal mark */
    const char *const *groups; /* UTF-8 group separators, NULL-terminated */
} number_style;

static const number_style styles[] = {
    {"en", '.', NULL},
    {NULL, 0, NULL},
};

static const number_style *style_for(const char *locale)
{
    if (locale && *locale) {
        for (const number_style *s = styles; s->locale; s++)
            if (strcmp(s->locale, locale) == 0)
                return s;
    }
    return &styles[0]; /* plain numbers in every locale until the module lands */
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

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

static int fail(const char *s, size_t len, const char *locale, rl_error *err)
{
    char q[80];
    quote_text(s, len, q, sizeof q);
    rl_error_set(err, 0, 0, "'%s' is not a number in locale %s", q,
                 locale && *locale ? locale : "en");
    return 0;
}

/* Canonicalize s per style into buf: returns the length, or 0 when the text
 * is not a number in that style. Sets *percent when a trailing % was read. */
static size_t canonicalize(const char *s, size_t len, const number_style *st, char *buf,
                           size_t bufsz, int *percent)
{
    size_t a = 0, b = len;
    while (a < b && is_space(s[a]))
        a++;
    while (b > a && is_space(s[b - 1]))
        b--;
    *percent = 0;
    if (b > a && s[b - 1] == '%') {
        *percent = 1;
        b--;
        while (b > a && is_space(s[b - 1]))
            b--;
    }
    if (a == b)
        return 0;
    size_t o = 0;
    size_t i = a;
    if (s[i] == '+' || s[i] == '-') {
        if (s[i] == '-')
            buf[o++] = '-';
        i++;
    }
    int seen_digit = 0, seen_point = 0, seen_exp = 0, exp_digit = 0, frac_digit = 0;
    while (i < b) {
        char c = s[i];
        if (o + 2 >= bufsz)
            return 0;
        if (c >= '0' && c <= '9') {
            buf[o++] = c;
            if (seen_exp)
                exp_digit = 1;
            else if (seen_point)
                frac_digit = 1;
            else
                seen_digit = 1;
            i++;
            continue;
        }
        if (c == st->decimal && !seen_point && !seen_exp && seen_digit) {
            buf[o++] = '.';
            seen_point = 1;
            i++;
            continue;
        }
        if ((c == 'e' || c == 'E') && !seen_exp && seen_digit && (!seen_point || frac_digit)) {
            buf[o++] = 'e';
            seen_exp = 1;
            i++;
            if (i < b && (s[i] == '+' || s[i] == '-')) {
                if (s[i] == '-')
                    buf[o++] = '-';
                i++;
            }
            continue;
        }
        if (st->groups && seen_digit && !seen_point && !seen_exp) {
            size_t glen = 0;
            for (const char *const *g = st->groups; *g; g++) {
                size_t n = strlen(*g);
                if (n && i + n < b && memcmp(s + i, *g, n) == 0) {
                    glen = n;
                    break;
                }
            }
            if (glen) {
                i += glen;
                continue;
            }
        }
        return 0;
    }
    if (!seen_digit || (seen_point && !frac_digit) || (seen_exp && !exp_digit))
        return 0;
    buf[o] = '\0';
    return o;
}

int rl_number_parse(const char *s, size_t len, const char *locale, rl_value *out, rl_error *err)
{
    char buf[512];
    int percent; /* "95%" is 95: the caller knows a percentage when it sees one */
    const number_style *st = style_for(locale);
    size_t n = canonicalize(s, len, st, buf, sizeof buf, &percent);
    if (n == 0)
        return fail(s, len, locale, err);

    /* decimals as written: fraction digits minus the exponent */
    const char *point = memchr(buf, '.', n);
    const char *e = memchr(buf, 'e', n);
    long frac = 0, exp = 0;
    if (point)
        frac = (long)((e ? e : buf + n) - point - 1);
    if (e) {
        const char *p = e + 1;
        int neg = *p == '-';
        if (neg)
            p++;
        for (; *p; p++) {
            if (exp < 100000)
                exp = exp * 10 + (*p - '0');
        }
        if (neg)
            exp = -exp;
    }
    long dec = frac - exp;
    if (dec > INT16_MAX)
        dec = INT16_MAX;
    if (dec < INT16_MIN)
        dec = INT16_MIN;

    if (!point && !e) {
        /* a whole number: exact when it fits int64 */
        const char *p = buf;
        int neg = *p == '-';
        if (neg)
            p++;
        uint64_t v = 0, limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
        int fits = 1;
        for (; *p; p++) {
            unsigned d = (unsigned)(*p - '0');
            if (v > (limit - d) / 10) {
                fits = 0;
                break;
            }
            v = v * 10 + d;
        }
        if (fits) {
            int64_t iv = neg ? (v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v) : (int64_t)v;
            rl_value_set_int(out, iv);
            out->decimals = 0;
            return 1;
        }
    }
    double d = rl_json_strtod(buf, n);
    if (!isfinite(d))
        return fail(s, len, locale, err);
    rl_value_set_num(out, d);
    out->decimals = (int16_t)dec;
    return 1;
}
