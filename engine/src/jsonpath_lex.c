/* jsonpath_lex.c — the lexemes of RFC 9535 (§2.1.1 ABNF): blank space,
 * string literals with their escapes, integers for indexes and slices,
 * number literals, member-name shorthands and function names; plus the
 * parser's error and allocation helpers.
 *
 * Invariants: the text is valid UTF-8 (checked before parsing), so any byte
 * >= 0x80 belongs to a non-ASCII scalar value. A lexer either consumes its
 * lexeme and returns 1, or sets err (column in code points) and returns 0. */
#include "error.h"
#include "jsonpath_int.h"
#include "sbuf.h"
#include "utf8.h"

#include <stdarg.h>
#include <string.h>

int jp_is_blank(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int jp_peek_at(const jp_parser *p, size_t at)
{
    return at < p->len ? (unsigned char)p->s[at] : -1;
}

int jp_peek(const jp_parser *p)
{
    return jp_peek_at(p, p->pos);
}

void jp_skip_blank(jp_parser *p)
{
    while (jp_is_blank(jp_peek(p)))
        p->pos++;
}

int jp_fail(jp_parser *p, size_t at, const char *fmt, ...)
{
    if (p->err && p->err->failed)
        return 0; /* keep the first, innermost error */
    unsigned col = (unsigned)rl_utf8_count(p->s, at < p->len ? at : p->len) + 1;
    va_list ap;
    va_start(ap, fmt);
    rl_error_vset(p->err, 0, col, fmt, ap);
    va_end(ap);
    return 0;
}

void *jp_alloc(jp_parser *p, size_t n)
{
    void *m = rl_arena_calloc(p->q->arena, n);
    if (!m)
        jp_fail(p, p->pos, "out of memory compiling the query");
    return m;
}

void *jp_push(jp_parser *p, void *arr, size_t *n, size_t el)
{
    /* the capacity is the next power of two: grow when n is 0 or one */
    if ((*n & (*n - 1)) == 0) {
        size_t cap = *n ? *n * 2 : 1;
        void *g = rl_arena_grow(p->q->arena, arr, *n * el, cap * el);
        if (!g)
            return jp_fail(p, p->pos, "out of memory compiling the query"), NULL;
        arr = g;
    }
    memset((char *)arr + *n * el, 0, el);
    (*n)++;
    return arr;
}

/* ---- strings ---------------------------------------------------------- */

/* \uXXXX at pos (pointing at the backslash): the 16-bit unit, or -1. */
static long hex_unit(const jp_parser *p, size_t at)
{
    if (jp_peek_at(p, at) != '\\' || jp_peek_at(p, at + 1) != 'u')
        return -1;
    long v = 0;
    for (size_t i = 0; i < 4; i++) {
        int h = rl_hexval(jp_peek_at(p, at + 2 + i));
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

/* The \u escape at pos (a surrogate pair takes two); appends UTF-8. */
static int lex_unicode_escape(jp_parser *p, rl_sbuf *out)
{
    size_t at = p->pos;
    long hi = hex_unit(p, at);
    if (hi < 0)
        return jp_fail(p, at, "\\u must be followed by four hexadecimal digits");
    uint32_t cp = (uint32_t)hi;
    p->pos += 6;
    if (hi >= 0xDC00 && hi <= 0xDFFF)
        return jp_fail(p, at, "lone low surrogate \\u%04lX in string", hi);
    if (hi >= 0xD800 && hi <= 0xDBFF) {
        long lo = hex_unit(p, p->pos);
        if (lo < 0xDC00 || lo > 0xDFFF)
            return jp_fail(p, at, "high surrogate \\u%04lX must be followed by a \\u low surrogate",
                           hi);
        cp = 0x10000 + (((uint32_t)hi - 0xD800) << 10) + ((uint32_t)lo - 0xDC00);
        p->pos += 6;
    }
    char buf[4];
    rl_sbuf_add(out, buf, rl_utf8_encode(cp, buf));
    return 1;
}

/* The escape at pos (the backslash) inside a string quoted with q. */
static int lex_escape(jp_parser *p, int q, rl_sbuf *out)
{
    int c = jp_peek_at(p, p->pos + 1);
    static const char from[] = "bfnrt/\\", to[] = "\b\f\n\r\t/\\";
    const char *k = c > 0 ? strchr(from, c) : NULL;
    if (k) {
        rl_sbuf_addc(out, to[k - from]);
        p->pos += 2;
        return 1;
    }
    if (c == q) {
        rl_sbuf_addc(out, (char)q);
        p->pos += 2;
        return 1;
    }
    if (c == 'u')
        return lex_unicode_escape(p, out);
    if (c < 0)
        return jp_fail(p, p->pos, "unterminated string");
    if (c < 0x20 || c >= 0x7F)
        return jp_fail(p, p->pos, "invalid escape in string");
    return jp_fail(p, p->pos, "invalid escape '\\%c' in string", c);
}

static int lex_string_body(jp_parser *p, int q, size_t open, rl_sbuf *out)
{
    for (;;) {
        int c = jp_peek(p);
        if (c < 0)
            return jp_fail(p, open, "unterminated string");
        if (c == q) {
            p->pos++;
            return 1;
        }
        if (c == '\\') {
            if (!lex_escape(p, q, out))
                return 0;
            continue;
        }
        if (c < 0x20)
            return jp_fail(p, p->pos, "control character U+%04X must be escaped in a string", c);
        rl_sbuf_addc(out, (char)c);
        p->pos++;
    }
}

int jp_lex_string(jp_parser *p, const char **s, size_t *len)
{
    int q = jp_peek(p);
    size_t open = p->pos;
    p->pos++;
    rl_sbuf b = RL_SBUF_INIT;
    int ok = lex_string_body(p, q, open, &b);
    if (ok && !rl_sbuf_ok(&b))
        ok = jp_fail(p, open, "out of memory compiling the query");
    if (ok) {
        *len = b.len;
        *s = rl_arena_strndup(p->q->arena, rl_sbuf_str(&b), b.len);
        if (!*s)
            ok = jp_fail(p, open, "out of memory compiling the query");
    }
    rl_sbuf_free(&b);
    return ok;
}

/* ---- numbers ---------------------------------------------------------- */

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static size_t skip_digits(jp_parser *p)
{
    size_t start = p->pos;
    while (is_digit(jp_peek(p)))
        p->pos++;
    return p->pos - start;
}

/* The integer part of int / number: "0" / ["-"] DIGIT1 *DIGIT ("-0" when
 * allow_neg_zero). Leaves pos after it. */
static int lex_int_part(jp_parser *p, int allow_neg_zero)
{
    size_t start = p->pos;
    int neg = jp_peek(p) == '-';
    if (neg)
        p->pos++;
    if (!is_digit(jp_peek(p)))
        return jp_fail(p, start, neg ? "expected a digit after '-'" : "expected an integer");
    if (jp_peek(p) == '0') {
        p->pos++;
        if (is_digit(jp_peek(p)))
            return jp_fail(p, start, "leading zeros are not allowed in a number");
        if (neg && !allow_neg_zero)
            return jp_fail(p, start, "-0 is not a valid index");
        return 1;
    }
    skip_digits(p);
    return 1;
}

int jp_lex_int(jp_parser *p, int64_t *out)
{
    size_t start = p->pos;
    if (!lex_int_part(p, 0))
        return 0;
    int neg = p->s[start] == '-';
    int64_t v = 0;
    for (size_t i = start + (size_t)neg; i < p->pos; i++) {
        v = v * 10 + (p->s[i] - '0');
        if (v > JP_MAX_INDEX)
            return jp_fail(p, start, "index out of range ±(2^53-1)");
    }
    *out = neg ? -v : v;
    return 1;
}

/* The exact int64 of digits s[0..len) (with an optional '-'), if it fits. */
static int exact_int64(const char *s, size_t len, int64_t *out)
{
    int neg = s[0] == '-';
    uint64_t v = 0, lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    for (size_t i = (size_t)neg; i < len; i++) {
        unsigned d = (unsigned)(s[i] - '0');
        if (v > (lim - d) / 10)
            return 0;
        v = v * 10 + d;
    }
    *out = neg ? (int64_t)(0 - v) : (int64_t)v;
    return 1;
}

/* [ frac ] [ exp ] after the integer part; counts fraction digits and the
 * exponent for the literal's decimals. */
static int lex_frac_exp(jp_parser *p, long *frac, long *exp)
{
    *frac = 0;
    *exp = 0;
    if (jp_peek(p) == '.') {
        p->pos++;
        *frac = (long)skip_digits(p);
        if (*frac == 0)
            return jp_fail(p, p->pos, "expected a digit after '.' in a number");
    }
    int c = jp_peek(p);
    if (c != 'e' && c != 'E')
        return 1;
    p->pos++;
    int neg = jp_peek(p) == '-';
    if (neg || jp_peek(p) == '+')
        p->pos++;
    size_t at = p->pos;
    if (skip_digits(p) == 0)
        return jp_fail(p, p->pos, "expected a digit in the exponent");
    for (size_t i = at; i < p->pos && *exp < 100000; i++)
        *exp = *exp * 10 + (p->s[i] - '0');
    if (neg)
        *exp = -*exp;
    return 1;
}

int jp_lex_number(jp_parser *p, rl_jnode *out)
{
    size_t start = p->pos;
    long frac, exp;
    if (!lex_int_part(p, 1))
        return 0;
    size_t int_end = p->pos;
    if (!lex_frac_exp(p, &frac, &exp))
        return 0;
    int c = jp_peek(p);
    if (is_digit(c) || c == '.' || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return jp_fail(p, p->pos, "invalid number");
    size_t n = p->pos - start;
    long dec = frac - exp;
    int64_t i = 0;
    unsigned flags = 0;
    if (int_end == p->pos)
        flags = exact_int64(p->s + start, n, &i) ? RL_JNUM_INT : RL_JNUM_BIGINT;
    rl_jn_init_number(out, i, rl_json_strtod(p->s + start, n), flags,
                      dec > INT16_MAX   ? INT16_MAX
                      : dec < INT16_MIN ? INT16_MIN
                                        : dec,
                      start);
    return 1;
}

/* ---- names ------------------------------------------------------------ */

static int is_alpha(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

size_t jp_lex_member_name(jp_parser *p)
{
    int c = jp_peek(p);
    if (!(is_alpha(c) || c == '_' || c >= 0x80))
        return 0;
    size_t start = p->pos;
    while ((c = jp_peek(p)) >= 0 && (is_alpha(c) || is_digit(c) || c == '_' || c >= 0x80))
        p->pos++;
    return p->pos - start;
}

size_t jp_lex_function_name(const jp_parser *p)
{
    size_t at = p->pos;
    int c = jp_peek_at(p, at);
    if (!(c >= 'a' && c <= 'z'))
        return 0;
    while ((c = jp_peek_at(p, at)) >= 0 && ((c >= 'a' && c <= 'z') || is_digit(c) || c == '_'))
        at++;
    return at - p->pos;
}
