/* schema_number.c — numbers as exact decimals, for "integer", the bounds
 * and multipleOf.
 *
 * A number is read from the text it was written with (rl_sdec: sign, digit
 * spans pointing into that text, power of ten), so 0.0075 is a multiple of
 * 0.0001, 1.0 and 1e3 are integers, and integers beyond 2^64 compare
 * exactly. multipleOf computes X mod D over the decimal digits with D up to
 * 18 digits (any exponent, by modular exponentiation); only a divisor with
 * more significant digits falls back to doubles. */
#include "schema_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static size_t ndig(const rl_sdec *d)
{
    return d->na + d->nb;
}

static char digit_at(const rl_sdec *d, size_t k)
{
    return k < d->na ? d->a[k] : d->b[k - d->na];
}

static void strip_zeros(rl_sdec *d)
{
    while (d->na && d->a[0] == '0') {
        d->a++;
        d->na--;
    }
    if (!d->na)
        while (d->nb && d->b[0] == '0') {
            d->b++;
            d->nb--;
        }
    while (d->nb && d->b[d->nb - 1] == '0') {
        d->nb--;
        d->exp++;
    }
    if (!d->nb)
        while (d->na && d->a[d->na - 1] == '0') {
            d->na--;
            d->exp++;
        }
    if (!ndig(d)) {
        d->neg = 0;
        d->exp = 0;
    }
}

static int read_exponent(const char *s, size_t len, size_t *i, long *e)
{
    int neg = 0;
    if (*i < len && (s[*i] == '+' || s[*i] == '-'))
        neg = s[(*i)++] == '-';
    if (*i >= len || !is_digit(s[*i]))
        return 0;
    long v = 0;
    for (; *i < len && is_digit(s[*i]); (*i)++)
        if (v < 1000000000L)
            v = v * 10 + (s[*i] - '0');
    *e = neg ? -v : v;
    return 1;
}

int rl_sdec_parse(const char *s, size_t len, rl_sdec *out)
{
    memset(out, 0, sizeof *out);
    size_t i = 0;
    if (i < len && s[i] == '-') {
        out->neg = 1;
        i++;
    }
    out->a = s + i;
    while (i < len && is_digit(s[i]))
        i++;
    out->na = (size_t)(s + i - out->a);
    out->b = s + i;
    if (i < len && s[i] == '.') {
        out->b = s + ++i;
        while (i < len && is_digit(s[i]))
            i++;
        out->nb = (size_t)(s + i - out->b);
    }
    long e = 0;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (!read_exponent(s, len, &i, &e))
            return 0;
    }
    if (i != len || ndig(out) == 0)
        return 0;
    out->exp = e - (long)out->nb;
    strip_zeros(out);
    return 1;
}

void rl_sdec_from_node(const rl_jdoc *doc, const rl_jnode *n, char buf[RL_SDEC_BUF], rl_sdec *out)
{
    if (doc) {
        size_t len;
        const char *t = rl_json_number_text(doc, n, &len);
        if (rl_sdec_parse(t, len, out))
            return;
    }
    double d = rl_jn_double(n);
    int dec = rl_jn_decimals(n);
    if (rl_jn_flags(n) & RL_JNUM_INT)
        snprintf(buf, RL_SDEC_BUF, "%lld", (long long)rl_jn_int(n));
    else if (dec >= 0 && dec <= 17 && isfinite(d) && fabs(d) * pow(10, dec) < 9007199254740992.0)
        snprintf(buf, RL_SDEC_BUF, "%s%.0fe-%d", d < 0 ? "-" : "", fabs(d) * pow(10, dec), dec);
    else
        snprintf(buf, RL_SDEC_BUF, "%.17g", isfinite(d) ? d : 0.0);
    for (char *c = buf; *c; c++) /* a locale's decimal comma */
        if (*c == ',')
            *c = '.';
    if (!rl_sdec_parse(buf, strlen(buf), out))
        memset(out, 0, sizeof *out);
}

int rl_sdec_is_integer(const rl_sdec *d)
{
    return ndig(d) == 0 || d->exp >= 0;
}

static int cmp_magnitude(const rl_sdec *x, const rl_sdec *y)
{
    if (!ndig(x) || !ndig(y))
        return ndig(x) ? 1 : ndig(y) ? -1 : 0;
    long mx = (long)ndig(x) + x->exp, my = (long)ndig(y) + y->exp; /* order of magnitude */
    if (mx != my)
        return mx < my ? -1 : 1;
    size_t n = ndig(x) > ndig(y) ? ndig(x) : ndig(y);
    for (size_t k = 0; k < n; k++) {
        char a = k < ndig(x) ? digit_at(x, k) : '0';
        char b = k < ndig(y) ? digit_at(y, k) : '0';
        if (a != b)
            return a < b ? -1 : 1;
    }
    return 0;
}

int rl_sdec_cmp(const rl_sdec *x, const rl_sdec *y)
{
    int sx = ndig(x) ? (x->neg ? -1 : 1) : 0;
    int sy = ndig(y) ? (y->neg ? -1 : 1) : 0;
    if (sx != sy)
        return sx < sy ? -1 : 1;
    int m = cmp_magnitude(x, y);
    return sx < 0 ? -m : m;
}

/* (a * b) mod m without overflow, for m < 2^62. */
static uint64_t mulmod(uint64_t a, uint64_t b, uint64_t m)
{
    uint64_t r = 0;
    a %= m;
    while (b) {
        if (b & 1)
            r = (r + a) % m;
        a = (a * 2) % m;
        b >>= 1;
    }
    return r;
}

static uint64_t pow10mod(unsigned long k, uint64_t m)
{
    uint64_t r = 1 % m, base = 10 % m;
    while (k) {
        if (k & 1)
            r = mulmod(r, base, m);
        base = mulmod(base, base, m);
        k >>= 1;
    }
    return r;
}

int rl_sdec_multiple_of(const rl_sdec *x, const rl_sdec *d, double xd, double dd)
{
    if (!ndig(x))
        return 1;
    if (ndig(d) > 18) {
        double q = xd / dd;
        return isfinite(q) && q == floor(q);
    }
    if (x->exp < d->exp) /* x's digits do not end in zeros, so x/d has a fraction */
        return 0;
    uint64_t m = 0;
    for (size_t k = 0; k < ndig(d); k++)
        m = m * 10 + (uint64_t)(digit_at(d, k) - '0');
    uint64_t r = 0;
    for (size_t k = 0; k < ndig(x); k++)
        r = (r * 10 + (uint64_t)(digit_at(x, k) - '0')) % m;
    r = mulmod(r, pow10mod((unsigned long)(x->exp - d->exp), m), m);
    return r == 0;
}
