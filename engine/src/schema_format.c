/* schema_format.c — "format" checkers (asserted only when the set says so).
 *
 * Each checker takes a UTF-8 string and answers 1 (well formed) or 0:
 * date, time, date-time (RFC 3339, leap years and leap seconds), duration
 * (RFC 3339 appendix A), email and idn-email (RFC 5321 mailbox), hostname
 * and idn-hostname (RFC 1123 labels, "--" only in A-labels; idn- allows
 * non-ASCII labels; Punycode and the IDNA2008 tables are not checked), ipv4, ipv6 (RFC 4291 text forms), uri, uri-reference,
 * iri, iri-reference (RFC 3986/3987 character and structure checks),
 * uri-template (RFC 6570 expressions), uuid, regex (ECMA-262, through the
 * translator), json-pointer and relative-json-pointer. Unknown formats have
 * no checker and are annotations only. */
#include "schema_int.h"
#include "ecma_regex.h"
#include "utf8.h"

#include <string.h>
#include <strings.h>

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_hex(char c)
{
    return rl_hexval(c) >= 0;
}

/* n digits at s as a number, or -1. */
static int digits(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_digit(s[i]))
            return -1;
        if (v < 100000)
            v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* ---- dates and times ---------------------------------------------------- */

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

static int fmt_date(const char *s, size_t len)
{
    if (len != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
    return y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

static int fmt_time(const char *s, size_t len)
{
    if (len < 9 || s[2] != ':' || s[5] != ':')
        return 0;
    int h = digits(s, 2), mi = digits(s + 3, 2), se = digits(s + 6, 2);
    if (h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 60)
        return 0;
    size_t i = 8;
    if (s[i] == '.') {
        size_t j = ++i;
        while (i < len && is_digit(s[i]))
            i++;
        if (i == j)
            return 0;
    }
    int oh = 0, om = 0, sign = 0;
    if (i + 1 == len && (s[i] == 'Z' || s[i] == 'z')) {
        i++;
    } else if (i + 6 == len && (s[i] == '+' || s[i] == '-') && s[i + 3] == ':') {
        sign = s[i] == '+' ? 1 : -1;
        oh = digits(s + i + 1, 2);
        om = digits(s + i + 4, 2);
        if (oh < 0 || oh > 23 || om < 0 || om > 59)
            return 0;
        i += 6;
    } else {
        return 0;
    }
    if (se == 60) { /* a leap second is 23:59:60 in UTC */
        int utc = ((h * 60 + mi - sign * (oh * 60 + om)) % 1440 + 1440) % 1440;
        if (utc != 23 * 60 + 59)
            return 0;
    }
    return i == len;
}

static int fmt_date_time(const char *s, size_t len)
{
    return len > 11 && (s[10] == 'T' || s[10] == 't') && fmt_date(s, 10) &&
           fmt_time(s + 11, len - 11);
}

/* Units in order, each used at most once, consecutive (RFC 3339 app. A). */
static int duration_part(const char *s, size_t len, size_t *i, const char *units)
{
    int last = -1, any = 0;
    while (*i < len && s[*i] != 'T') {
        size_t j = *i;
        while (*i < len && is_digit(s[*i]))
            (*i)++;
        if (*i == j || *i >= len)
            return 0;
        const char *u = strchr(units, s[*i]);
        if (!u || !*u)
            return 0;
        int idx = (int)(u - units);
        if (last >= 0 && idx != last + 1)
            return 0;
        last = idx;
        any = 1;
        (*i)++;
    }
    return any;
}

static int fmt_duration(const char *s, size_t len)
{
    if (len < 3 || s[0] != 'P')
        return 0;
    size_t i = 1;
    if (s[len - 1] == 'W') /* dur-week stands alone */
        return len > 2 && digits(s + 1, len - 2) >= 0;
    int has_date = s[i] != 'T';
    if (has_date && !duration_part(s, len, &i, "YMD"))
        return 0;
    if (i == len)
        return 1;
    i++; /* 'T' */
    size_t t = i;
    return duration_part(s, len, &i, "HMS") && i == len && t < len;
}

/* ---- hosts, addresses, mail -------------------------------------------- */

static int fmt_ipv4(const char *s, size_t len)
{
    int parts = 0;
    size_t i = 0;
    while (parts < 4) {
        size_t j = i;
        while (i < len && is_digit(s[i]) && i - j < 4)
            i++;
        size_t n = i - j;
        if (n == 0 || n > 3 || (n > 1 && s[j] == '0') || digits(s + j, n) > 255)
            return 0;
        parts++;
        if (parts < 4 && (i >= len || s[i++] != '.'))
            return 0;
    }
    return i == len;
}

static int fmt_ipv6(const char *s, size_t len)
{
    int groups = 0, gap = 0;
    size_t i = 0;
    if (len >= 2 && s[0] == ':' && s[1] == ':') {
        gap = 1;
        i = 2;
    } else if (len && s[0] == ':') {
        return 0;
    }
    while (i < len) {
        size_t j = i;
        while (i < len && is_hex(s[i]) && i - j < 5)
            i++;
        if (i < len && s[i] == '.') { /* trailing IPv4 */
            if (!fmt_ipv4(s + j, len - j))
                return 0;
            groups += 2;
            i = len;
            break;
        }
        if (i == j || i - j > 4)
            return 0;
        groups++;
        if (i == len)
            break;
        if (s[i] != ':')
            return 0;
        i++;
        if (i < len && s[i] == ':') {
            if (gap)
                return 0;
            gap = 1;
            i++;
        } else if (i == len) {
            return 0;
        }
    }
    return gap ? groups <= 7 : groups == 8;
}

/* A hostname; idn allows labels with non-ASCII characters. */
/* Bytes of a label separator at s[i]: "." or, in IDNs, U+3002, U+FF0E,
 * U+FF61 (RFC 3490 section 3.1); 0 when there is none. */
static size_t separator(const char *s, size_t len, size_t i, int idn)
{
    uint32_t cp;
    if (s[i] == '.')
        return 1;
    size_t n = idn ? rl_utf8_decode((const unsigned char *)s + i, len - i, &cp) : 0;
    return n && (cp == 0x3002 || cp == 0xFF0E || cp == 0xFF61) ? n : 0;
}

/* One label from s[*i]: 1-63 letters, digits, hyphens (and, in IDNs,
 * non-ASCII characters), no hyphen at either end, "--" at positions 3-4
 * only in A-labels (RFC 5891). */
static int label(const char *s, size_t len, size_t *i, int idn)
{
    size_t j = *i, chars = 0;
    while (*i < len && !separator(s, len, *i, idn)) {
        unsigned char c = (unsigned char)s[*i];
        uint32_t cp;
        size_t n = c >= 0x80 && idn ? rl_utf8_decode((const unsigned char *)s + *i, len - *i, &cp)
                   : is_alpha((char)c) || is_digit((char)c) || c == '-' ? 1
                                                                        : 0;
        if (!n)
            return 0;
        *i += n;
        chars++;
    }
    if (chars == 0 || chars > 63 || s[j] == '-' || s[*i - 1] == '-')
        return 0;
    return !(*i - j >= 4 && s[j + 2] == '-' && s[j + 3] == '-' && strncasecmp(s + j, "xn", 2));
}

static int hostname(const char *s, size_t len, int idn)
{
    if (len == 0 || len > 253 * (idn ? 4 : 1))
        return 0;
    size_t i = 0;
    for (;;) {
        if (!label(s, len, &i, idn))
            return 0;
        if (i == len)
            return 1;
        i += separator(s, len, i, idn);
        if (i == len)
            return 0; /* a trailing dot */
    }
}

static int fmt_hostname(const char *s, size_t len)
{
    return hostname(s, len, 0);
}

static int fmt_idn_hostname(const char *s, size_t len)
{
    return hostname(s, len, 1);
}

static int atext(unsigned char c, int idn)
{
    return is_alpha((char)c) || is_digit((char)c) || strchr("!#$%&'*+-/=?^_`{|}~", c) ||
           (idn && c >= 0x80);
}

static int mail_local(const char *s, size_t len, int idn)
{
    if (len >= 2 && s[0] == '"' && s[len - 1] == '"') {
        for (size_t i = 1; i + 1 < len; i++) {
            if (s[i] == '\\' && i + 2 < len)
                i++;
            else if (s[i] == '"' || s[i] == '\\')
                return 0;
        }
        return 1;
    }
    if (len == 0 || s[0] == '.' || s[len - 1] == '.')
        return 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] == '.' ? s[i + 1] == '.' : !atext((unsigned char)s[i], idn))
            return 0;
    return 1;
}

static int mail(const char *s, size_t len, int idn)
{
    const char *at = NULL;
    for (size_t i = len; i-- > 0;)
        if (s[i] == '@') {
            at = s + i;
            break;
        }
    if (!at || !mail_local(s, (size_t)(at - s), idn))
        return 0;
    const char *d = at + 1;
    size_t dlen = len - (size_t)(d - s);
    if (dlen >= 2 && d[0] == '[' && d[dlen - 1] == ']') {
        if (dlen > 7 && strncmp(d + 1, "IPv6:", 5) == 0)
            return fmt_ipv6(d + 6, dlen - 7);
        return fmt_ipv4(d + 1, dlen - 2);
    }
    return hostname(d, dlen, idn);
}

static int fmt_email(const char *s, size_t len)
{
    return mail(s, len, 0);
}

static int fmt_idn_email(const char *s, size_t len)
{
    return mail(s, len, 1);
}

/* ---- URIs and IRIs ------------------------------------------------------ */

static int uri_char(const char *s, size_t len, size_t *i, int iri)
{
    unsigned char c = (unsigned char)s[*i];
    if (c == '%') {
        if (*i + 2 >= len || !is_hex(s[*i + 1]) || !is_hex(s[*i + 2]))
            return 0;
        *i += 3;
        return 1;
    }
    if (c >= 0x80) {
        uint32_t cp;
        size_t n = rl_utf8_decode((const unsigned char *)s + *i, len - *i, &cp);
        if (!iri || !n)
            return 0;
        *i += n;
        return 1;
    }
    if (is_alpha((char)c) || is_digit((char)c) || strchr("-._~!$&'()*+,;=:@/?", c)) {
        (*i)++;
        return c != 0;
    }
    return 0;
}

/* IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" ) */
static int ip_future(const char *s, size_t len)
{
    size_t i = 1;
    if (len < 4 || (s[0] != 'v' && s[0] != 'V'))
        return 0;
    while (i < len && is_hex(s[i]))
        i++;
    if (i == 1 || i + 1 >= len || s[i] != '.')
        return 0;
    for (i++; i < len; i++)
        if (!is_alpha(s[i]) && !is_digit(s[i]) && !strchr("-._~!$&'()*+,;=:", s[i]))
            return 0;
    return 1;
}

/* authority = [ userinfo "@" ] host [ ":" port ] */
static int uri_authority(const char *s, size_t len, int iri)
{
    const char *at = memchr(s, '@', len);
    if (at) {
        for (size_t i = 0; i < (size_t)(at - s);)
            if (s[i] == '/' || s[i] == '?' || !uri_char(s, (size_t)(at - s), &i, iri))
                return 0;
        len -= (size_t)(at + 1 - s);
        s = at + 1;
    }
    size_t host_end = len;
    if (len && s[0] == '[') {
        const char *close = memchr(s, ']', len);
        if (!close || !(fmt_ipv6(s + 1, (size_t)(close - s - 1)) ||
                        ip_future(s + 1, (size_t)(close - s - 1))))
            return 0;
        host_end = (size_t)(close - s + 1);
    } else {
        const char *colon = memchr(s, ':', len);
        host_end = colon ? (size_t)(colon - s) : len;
        for (size_t i = 0; i < host_end;)
            if (s[i] == '@' || !uri_char(s, host_end, &i, iri))
                return 0;
    }
    if (host_end == len)
        return 1;
    if (s[host_end] != ':')
        return 0;
    for (size_t i = host_end + 1; i < len; i++)
        if (!is_digit(s[i]))
            return 0;
    return 1;
}

/* A URI or a relative reference; need_scheme for "uri"/"iri". */
static int uri_ref(const char *s, size_t len, int need_scheme, int iri)
{
    size_t i = 0;
    size_t colon = strcspn(s, ":/?#");
    if (colon < len && s[colon] == ':') {
        if (!rl_suri_has_scheme(s))
            return 0;
        i = colon + 1;
    } else if (need_scheme) {
        return 0;
    }
    if (i + 1 < len && s[i] == '/' && s[i + 1] == '/') {
        size_t a = i + 2, e = a;
        while (e < len && !strchr("/?#", s[e]))
            e++;
        if (!uri_authority(s + a, e - a, iri))
            return 0;
        i = e;
    }
    int hash = 0;
    while (i < len) {
        if (s[i] == '#' && !hash) {
            hash = 1;
            i++;
        } else if (!uri_char(s, len, &i, iri)) {
            return 0;
        }
    }
    return 1;
}

static int fmt_uri(const char *s, size_t len)
{
    return uri_ref(s, len, 1, 0);
}

static int fmt_uri_reference(const char *s, size_t len)
{
    return uri_ref(s, len, 0, 0);
}

static int fmt_iri(const char *s, size_t len)
{
    return uri_ref(s, len, 1, 1);
}

static int fmt_iri_reference(const char *s, size_t len)
{
    return uri_ref(s, len, 0, 1);
}

/* RFC 6570 varspec: varname (varchar *(["."] varchar)) with an optional
 * ":max-length" (1-9999) or "*"; *i is moved past it. */
static int template_varspec(const char *s, size_t len, size_t *i)
{
    int need_char = 1;
    size_t start = *i;
    while (*i < len) {
        char c = s[*i];
        if (c == '%' && *i + 2 < len && is_hex(s[*i + 1]) && is_hex(s[*i + 2]))
            *i += 3;
        else if (is_alpha(c) || is_digit(c) || c == '_')
            (*i)++;
        else if (c == '.' && !need_char)
            (*i)++;
        else
            break;
        need_char = c == '.';
    }
    if (*i == start || need_char)
        return 0;
    if (*i < len && s[*i] == '*') {
        (*i)++;
    } else if (*i < len && s[*i] == ':') {
        size_t j = ++*i;
        while (*i < len && is_digit(s[*i]))
            (*i)++;
        if (*i == j || *i - j > 4 || s[j] == '0')
            return 0;
    }
    return 1;
}

/* RFC 6570: literals, and "{" [operator] varspec *("," varspec) "}". */
static int fmt_uri_template(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c != '{') {
            if (c <= 0x20 || c == 0x7F || strchr("\"<>\\^`|}", c))
                return 0;
            if (c == '%' && !(i + 2 < len && is_hex(s[i + 1]) && is_hex(s[i + 2])))
                return 0;
            i++;
            continue;
        }
        i++;
        if (i < len && strchr("+#./;?&=,!@|", s[i]))
            i++;
        do {
            if (!template_varspec(s, len, &i))
                return 0;
        } while (i < len && s[i] == ',' && ++i);
        if (i >= len || s[i] != '}')
            return 0;
        i++;
    }
    return 1;
}

/* ---- the rest ------------------------------------------------------------ */

static int fmt_uuid(const char *s, size_t len)
{
    if (len != 36)
        return 0;
    for (size_t i = 0; i < len; i++)
        if ((i == 8 || i == 13 || i == 18 || i == 23) ? s[i] != '-' : !is_hex(s[i]))
            return 0;
    return 1;
}

static int fmt_regex(const char *s, size_t len)
{
    rl_regex *re = rl_ecma_regex_compile(s, len, NULL);
    rl_regex_free(re);
    return re != NULL;
}

static int fmt_json_pointer(const char *s, size_t len)
{
    if (len && s[0] != '/')
        return 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] == '~' && (i + 1 >= len || (s[i + 1] != '0' && s[i + 1] != '1')))
            return 0;
    return 1;
}

static int fmt_relative_json_pointer(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && is_digit(s[i]))
        i++;
    if (i == 0 || (i > 1 && s[0] == '0'))
        return 0;
    if (i < len && (s[i] == '+' || s[i] == '-')) { /* index manipulation */
        size_t j = ++i;
        while (i < len && is_digit(s[i]))
            i++;
        if (i == j || (i - j > 1 && s[j] == '0') || (i - j == 1 && s[j] == '0'))
            return 0;
    }
    if (i < len && s[i] == '#')
        return i + 1 == len;
    return fmt_json_pointer(s + i, len - i);
}

rl_sformat_fn rl_sformat_lookup(const char *name)
{
    static const struct {
        const char *name;
        rl_sformat_fn fn;
    } formats[] = {
        {"date", fmt_date},
        {"time", fmt_time},
        {"date-time", fmt_date_time},
        {"duration", fmt_duration},
        {"email", fmt_email},
        {"idn-email", fmt_idn_email},
        {"hostname", fmt_hostname},
        {"idn-hostname", fmt_idn_hostname},
        {"ipv4", fmt_ipv4},
        {"ipv6", fmt_ipv6},
        {"uri", fmt_uri},
        {"uri-reference", fmt_uri_reference},
        {"iri", fmt_iri},
        {"iri-reference", fmt_iri_reference},
        {"uri-template", fmt_uri_template},
        {"uuid", fmt_uuid},
        {"regex", fmt_regex},
        {"json-pointer", fmt_json_pointer},
        {"relative-json-pointer", fmt_relative_json_pointer},
    };
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(formats[i].name, name) == 0)
            return formats[i].fn;
    return NULL;
}
