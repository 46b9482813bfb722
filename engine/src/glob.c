/* glob.c — glob patterns over '/'-separated paths (see reportlint.h).
 *
 * A pattern and a path are split into segments at '/'. A pattern segment
 * "**" matches any number of path segments (none included); any other
 * pattern segment matches exactly one path segment, code point by code
 * point, where `*` never crosses a '/' because it never leaves its segment.
 * Both levels use the same linear backtracking as wildcard matching: keep
 * the last star, and on a mismatch retry from one step further after it.
 * No pattern can make matching exponential.
 *
 * Paths need not be valid UTF-8 (file names are bytes): an invalid byte
 * is one character that only a wildcard, or the same byte, matches. */
#include "error.h"
#include "reportlint_util.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

typedef struct span {
    const unsigned char *s;
    size_t len;
} span;

/* One character of s: a code point, or an invalid byte as 0x110000+byte. */
static size_t next_char(const unsigned char *s, size_t len, uint32_t *c)
{
    size_t n = rl_utf8_decode(s, len, c);
    if (n)
        return n;
    *c = 0x110000u + s[0];
    return 1;
}

/* ---- sets: [abc] [a-z] [!a] [^a] ----------------------------------------- */

/* Parse the set at p[0] == '['. Returns the bytes it spans, or 0 when it
 * is malformed (with a message and the byte offset of the problem). When
 * c is given, *matched says whether the set matches it. */
static size_t parse_set(const unsigned char *p, size_t len, const uint32_t *c, int *matched,
                        const char **why, size_t *at)
{
    size_t i = 1;
    int negate = i < len && (p[i] == '!' || p[i] == '^');
    int hit = 0;
    i += negate;
    for (int first = 1; i < len; first = 0) {
        uint32_t lo, hi;
        if (p[i] == ']' && !first) {
            if (matched)
                *matched = hit != negate;
            return i + 1;
        }
        if (p[i] == '/') {
            *why = "a set [...] cannot match '/'";
            *at = i;
            return 0;
        }
        if (p[i] == '[' && i + 1 < len && p[i + 1] == ':') {
            *why = "POSIX classes such as [:digit:] are not supported; write [0-9]";
            *at = i;
            return 0;
        }
        i += p[i] == '\\' && i + 1 < len && p[i + 1] != '/';
        i += next_char(p + i, len - i, &lo);
        hi = lo;
        if (i + 1 < len && p[i] == '-' && p[i + 1] != ']') {
            size_t dash = i++;
            i += p[i] == '\\' && i + 1 < len && p[i + 1] != '/';
            if (p[i] == '/') {
                *why = "a set [...] cannot match '/'";
                *at = i;
                return 0;
            }
            i += next_char(p + i, len - i, &hi);
            if (hi < lo) {
                *why = "empty range in a set: its first character comes after its last";
                *at = dash;
                return 0;
            }
        }
        if (c && *c >= lo && *c <= hi)
            hit = 1;
    }
    *why = "unclosed '[' (a set needs its ']')";
    *at = 0;
    return 0;
}

/* ---- one segment ---------------------------------------------------------- */

/* Match one pattern element at p (not '*') against the character at s.
 * Returns the pattern bytes used, or 0 when it does not match. */
static size_t match_one(span p, size_t pi, span s, size_t si, size_t *s_used)
{
    uint32_t c, want;
    size_t n = next_char(s.s + si, s.len - si, &c);
    *s_used = n;
    if (p.s[pi] == '?')
        return 1;
    if (p.s[pi] == '[') {
        const char *why;
        size_t at;
        int matched = 0;
        size_t used = parse_set(p.s + pi, p.len - pi, &c, &matched, &why, &at);
        return used && matched ? used : 0;
    }
    size_t esc = p.s[pi] == '\\' && pi + 1 < p.len;
    size_t m = next_char(p.s + pi + esc, p.len - pi - esc, &want);
    return want == c && m == n && memcmp(p.s + pi + esc, s.s + si, n) == 0 ? esc + m : 0;
}

static int match_segment(span p, span s)
{
    size_t pi = 0, si = 0, star_p = 0, star_s = 0;
    int star = 0;
    while (si < s.len) {
        size_t used, s_used;
        if (pi < p.len && p.s[pi] == '*') {
            while (pi < p.len && p.s[pi] == '*')
                pi++;
            star = 1;
            star_p = pi;
            star_s = si;
        } else if (pi < p.len && (used = match_one(p, pi, s, si, &s_used)) != 0) {
            pi += used;
            si += s_used;
        } else if (star) {
            uint32_t c;
            star_s += next_char(s.s + star_s, s.len - star_s, &c);
            si = star_s;
            pi = star_p;
        } else {
            return 0;
        }
    }
    while (pi < p.len && p.s[pi] == '*')
        pi++;
    return pi == p.len;
}

/* ---- segments ------------------------------------------------------------- */

/* Split t at '/' into a malloc'd array (t "" is one empty segment). */
static span *split(span t, size_t *n)
{
    size_t count = 1;
    for (size_t i = 0; i < t.len; i++)
        count += t.s[i] == '/';
    span *segs = malloc(count * sizeof *segs);
    if (!segs)
        return NULL;
    size_t k = 0, from = 0;
    for (size_t i = 0; i <= t.len; i++) {
        if (i == t.len || t.s[i] == '/') {
            segs[k].s = t.s + from;
            segs[k++].len = i - from;
            from = i + 1;
        }
    }
    *n = count;
    return segs;
}

static int is_globstar(span seg)
{
    return seg.len == 2 && seg.s[0] == '*' && seg.s[1] == '*';
}

/* The same backtracking as match_segment, one level up: a "**" segment is
 * the star; any other segment matches exactly one path segment. */
static int match_segments(const span *p, size_t np, const span *s, size_t ns)
{
    size_t pi = 0, si = 0, star_pi = 0, star_si = 0;
    int star = 0;
    while (si < ns) {
        if (pi < np && is_globstar(p[pi])) {
            star = 1;
            star_pi = ++pi;
            star_si = si;
        } else if (pi < np && match_segment(p[pi], s[si])) {
            pi++;
            si++;
        } else if (star) {
            si = ++star_si;
            pi = star_pi;
        } else {
            return 0;
        }
    }
    while (pi < np && is_globstar(p[pi]))
        pi++;
    return pi == np;
}

static int match_path(span p, span s)
{
    size_t np = 0, ns = 0;
    span *ps = split(p, &np), *ss = split(s, &ns);
    int m = ps && ss && match_segments(ps, np, ss, ns);
    free(ps);
    free(ss);
    return m;
}

/* ---- the public functions ------------------------------------------------- */

static int fail_at(rl_error *err, const char *pattern, size_t offset, const char *msg)
{
    size_t col = rl_utf8_count(pattern, offset) + 1;
    rl_error_set(err, 1, (unsigned)col, "invalid glob '%s': %s at column %zu", pattern, msg, col);
    return -1;
}

int rl_glob_check(const char *pattern, rl_error *err)
{
    size_t len = strlen(pattern), bad;
    const unsigned char *p = (const unsigned char *)pattern;
    if (len == 0) {
        rl_error_set(err, 1, 1, "invalid glob '': the pattern is empty");
        return -1;
    }
    if (!rl_utf8_valid(pattern, len, &bad))
        return fail_at(err, pattern, 0, "invalid UTF-8");
    for (size_t i = 0; i < len;) {
        if (p[i] == '\\') {
            if (i + 1 >= len || p[i + 1] == '/')
                return fail_at(err, pattern, i, "a backslash must escape a character");
            i += 2;
        } else if (p[i] == '[') {
            const char *why = NULL;
            size_t at = 0, used = parse_set(p + i, len - i, NULL, NULL, &why, &at);
            if (!used)
                return fail_at(err, pattern, i + at, why);
            i += used;
        } else {
            i++;
        }
    }
    return 0;
}

int rl_glob_match(const char *pattern, const char *path)
{
    if (!pattern || !path || rl_glob_check(pattern, NULL) != 0)
        return 0;
    span p = {(const unsigned char *)pattern, strlen(pattern)};
    span s = {(const unsigned char *)path, strlen(path)};
    return match_path(p, s);
}
