/* iregexp.c — RFC 9485 I-Regexp to PCRE2 (see iregexp.h).
 *
 *   i-regexp = branch *("|" branch)   branch = *piece   piece = atom [quantifier]
 *   atom     = NormalChar / "." / "\" escape / "[" class "]" / "(" i-regexp ")"
 *
 * The grammar is regular apart from parentheses, so one loop with a
 * nesting counter checks and translates it (no recursion). Invariants:
 * every literal is re-emitted in a form PCRE2 reads literally in any
 * context (ASCII punctuation escaped, controls as \x{..}); quantifiers only
 * follow an atom; the output is only meaningful when the result is 1. */
#include "iregexp.h"
#include "error.h"
#include "utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct ir {
    const unsigned char *s;
    size_t len, pos;
    rl_sbuf *out;
    rl_error *err;
} ir;

#define IR_MAX_REPEAT 65535 /* PCRE2's largest {n,m} */

static int ir_fail(ir *r, size_t at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int ir_fail(ir *r, size_t at, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    unsigned col = (unsigned)rl_utf8_count((const char *)r->s, at) + 1;
    rl_error_set(r->err, 0, col, "invalid I-Regexp: %s at column %u", msg, col);
    return 0;
}

static int peek(const ir *r, size_t at)
{
    return at < r->len ? r->s[at] : -1;
}

static int is_alnum(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A literal code point, safe anywhere in a PCRE2 pattern. */
static void emit_literal(ir *r, uint32_t cp)
{
    char buf[4];
    if (cp < 0x20 || cp == 0x7F)
        rl_sbuf_printf(r->out, "\\x{%x}", (unsigned)cp);
    else if (cp < 0x80 && !is_alnum(cp))
        rl_sbuf_printf(r->out, "\\%c", (char)cp);
    else
        rl_sbuf_add(r->out, buf, rl_utf8_encode(cp, buf));
}

/* The code point at pos, advancing past it. */
static uint32_t next_cp(ir *r)
{
    uint32_t cp = 0;
    size_t n = rl_utf8_decode(r->s + r->pos, r->len - r->pos, &cp);
    r->pos += n ? n : 1; /* the text was validated: n is never 0 */
    return cp;
}

/* ---- escapes ------------------------------------------------------------ */

/* SingleCharEsc after '\' at pos: the character it stands for, or -1. */
static long single_char_esc(int c)
{
    if (c == 'n')
        return '\n';
    if (c == 'r')
        return '\r';
    if (c == 't')
        return '\t';
    if (c > 0 && strchr("()*+-.?[\\]^{|}$", c)) /* \$: ours, since $ is an anchor */
        return c;
    return -1;
}

/* \p{..} or \P{..} at pos (the backslash): checked and copied. */
static int category_escape(ir *r)
{
    static const char *const cats[] = {"L",  "Ll", "Lm", "Lo", "Lt", "Lu", "M",  "Mc", "Me",
                                       "Mn", "N",  "Nd", "Nl", "No", "P",  "Pc", "Pd", "Pe",
                                       "Pf", "Pi", "Po", "Ps", "Z",  "Zl", "Zp", "Zs", "S",
                                       "Sc", "Sk", "Sm", "So", "C",  "Cc", "Cf", "Cn", "Co"};
    size_t at = r->pos, name = at + 3, end = name;
    if (peek(r, at + 2) != '{')
        return ir_fail(r, at, "expected '{' after \\%c", r->s[at + 1]);
    while (end < r->len && end < name + 3 && r->s[end] != '}')
        end++;
    if (peek(r, end) == '}') {
        for (size_t i = 0; i < sizeof cats / sizeof cats[0]; i++) {
            if (strlen(cats[i]) == end - name && memcmp(cats[i], r->s + name, end - name) == 0) {
                rl_sbuf_add(r->out, (const char *)r->s + at, end + 1 - at);
                r->pos = end + 1;
                return 1;
            }
        }
    }
    return ir_fail(r, at, "unknown Unicode category (expected \\p{L}, \\p{Lu}, \\p{Nd}, ...)");
}

/* An escape outside or inside a class at pos (the backslash); *cp gets the
 * character of a SingleCharEsc, or -1 after a category escape. */
static int escape(ir *r, long *cp)
{
    int c = peek(r, r->pos + 1);
    if (c == 'p' || c == 'P') {
        *cp = -1;
        return category_escape(r);
    }
    *cp = single_char_esc(c);
    if (*cp < 0) {
        if (c < 0)
            return ir_fail(r, r->pos, "trailing backslash");
        if (c >= 0x20 && c < 0x7F)
            return ir_fail(r, r->pos, "'\\%c' is not an I-Regexp escape", c);
        return ir_fail(r, r->pos, "invalid escape");
    }
    r->pos += 2;
    return 1;
}

/* ---- character classes ---------------------------------------------------- */

/* A CCchar (or SingleCharEsc) at pos: its code point, or -1 on error. */
static long class_char(ir *r)
{
    int c = peek(r, r->pos);
    if (c == '\\') {
        long cp;
        if (peek(r, r->pos + 1) == 'p' || peek(r, r->pos + 1) == 'P')
            return ir_fail(r, r->pos, "a Unicode category cannot bound a range"), -1;
        return escape(r, &cp) ? cp : -1;
    }
    if (c == '[' || c == ']' || c == '-')
        return ir_fail(r, r->pos, "'%c' must be escaped in a character class", c), -1;
    return (long)next_cp(r);
}

/* CCE1 at pos: a category escape, a character, or a range. */
static int class_item(ir *r)
{
    size_t at = r->pos;
    if (peek(r, at) == '\\' && (peek(r, at + 1) == 'p' || peek(r, at + 1) == 'P'))
        return category_escape(r);
    long lo = class_char(r);
    if (lo < 0)
        return 0;
    emit_literal(r, (uint32_t)lo);
    if (peek(r, r->pos) != '-' || peek(r, r->pos + 1) == ']')
        return 1;
    r->pos++;
    long hi = class_char(r);
    if (hi < 0)
        return 0;
    if (hi < lo)
        return ir_fail(r, at, "range out of order in a character class");
    rl_sbuf_addc(r->out, '-');
    emit_literal(r, (uint32_t)hi);
    return 1;
}

/* "[" ["^"] ("-" / CCE1) *CCE1 ["-"] "]" at pos. */
static int char_class(ir *r)
{
    size_t open = r->pos++;
    rl_sbuf_addc(r->out, '[');
    if (peek(r, r->pos) == '^') {
        rl_sbuf_addc(r->out, '^');
        r->pos++;
    }
    for (int first = 1;; first = 0) {
        int c = peek(r, r->pos);
        if (c < 0)
            return ir_fail(r, open, "unterminated character class");
        if (c == ']' && first)
            return ir_fail(r, r->pos, "empty character class");
        if (c == ']')
            break;
        if (c == '-' && (first || peek(r, r->pos + 1) == ']')) {
            rl_sbuf_add(r->out, "\\-", 2);
            r->pos++;
        } else if (!class_item(r)) {
            return 0;
        }
    }
    r->pos++;
    rl_sbuf_addc(r->out, ']');
    return 1;
}

/* ---- quantifiers and the main loop -------------------------------------- */

/* QuantExact at pos: its value (capped), or -1 when there are no digits. */
static long quant_number(ir *r)
{
    size_t start = r->pos;
    long v = 0;
    while (peek(r, r->pos) >= '0' && peek(r, r->pos) <= '9') {
        if (v <= IR_MAX_REPEAT)
            v = v * 10 + (r->s[r->pos] - '0');
        r->pos++;
    }
    return r->pos > start ? v : -1;
}

/* "{" QuantExact ["," [QuantExact]] "}" at pos. */
static int range_quantifier(ir *r)
{
    size_t open = r->pos++;
    long lo = quant_number(r), hi = lo;
    if (lo < 0)
        return ir_fail(r, r->pos, "expected a number after '{'");
    if (peek(r, r->pos) == ',') {
        r->pos++;
        hi = quant_number(r);
    }
    if (peek(r, r->pos) != '}')
        return ir_fail(r, r->pos, "expected '}' to end the quantifier");
    r->pos++;
    if (lo > IR_MAX_REPEAT || hi > IR_MAX_REPEAT)
        return ir_fail(r, open, "repeat count above %d", IR_MAX_REPEAT);
    if (hi >= 0 && hi < lo)
        return ir_fail(r, open, "quantifier {%ld,%ld} out of order", lo, hi);
    rl_sbuf_add(r->out, (const char *)r->s + open, r->pos - open);
    return 1;
}

/* One token at pos; *atom says whether a quantifier may follow it. */
static int token(ir *r, int *atom, unsigned *depth)
{
    int c = peek(r, r->pos);
    long cp;
    int quant = c == '*' || c == '+' || c == '?' || c == '{';
    if (quant && !*atom)
        return ir_fail(r, r->pos, "'%c' does not follow something to repeat", c);
    *atom = !quant && c != '(' && c != '|' && c != '^' && c != '$';
    switch (c) {
    case '{': return range_quantifier(r);
    case '[': return char_class(r);
    case '\\':
        if (!escape(r, &cp))
            return 0;
        if (cp >= 0)
            emit_literal(r, (uint32_t)cp);
        return 1;
    case '(':
        rl_sbuf_add(r->out, "(?:", 3);
        ++*depth;
        break;
    case ')':
        if (*depth == 0)
            return ir_fail(r, r->pos, "unmatched ')'");
        --*depth;
        rl_sbuf_addc(r->out, ')');
        break;
    case '.': rl_sbuf_add(r->out, "[^\\n\\r]", 7); break;
    case '^': rl_sbuf_add(r->out, "\\A", 2); break; /* anchors, as the CTS reads them */
    case '$': rl_sbuf_add(r->out, "\\z", 2); break;
    case '*':
    case '+':
    case '?':
    case '|': rl_sbuf_addc(r->out, (char)c); break;
    case ']':
    case '}': return ir_fail(r, r->pos, "'%c' must be escaped", c);
    default: emit_literal(r, next_cp(r)); return 1;
    }
    r->pos++;
    return 1;
}

int rl_iregexp_translate(const char *re, size_t len, rl_sbuf *out, rl_error *err)
{
    ir r = {(const unsigned char *)re, len, 0, out, err};
    size_t bad;
    if (!rl_utf8_valid(re, len, &bad)) {
        r.len = bad;
        return ir_fail(&r, bad, "invalid UTF-8");
    }
    int atom = 0;
    unsigned depth = 0;
    while (r.pos < r.len)
        if (!token(&r, &atom, &depth))
            return 0;
    if (depth > 0)
        return ir_fail(&r, r.len, "missing ')'");
    return 1;
}

rl_regex *rl_iregexp_compile(const char *re, size_t len, unsigned flags, const rl_regex_limits *lim,
                             rl_error *err)
{
    rl_sbuf pat = RL_SBUF_INIT;
    rl_regex *rx = NULL;
    if (rl_iregexp_translate(re, len, &pat, err)) {
        if (!rl_sbuf_ok(&pat))
            rl_error_set(err, 0, 0, "out of memory translating an I-Regexp");
        else if (!(rx = rl_regex_compile(rl_sbuf_str(&pat), pat.len, flags, lim, err)) && err)
            err->column = 0; /* PCRE2's column is in the translation, not in re */
    }
    rl_sbuf_free(&pat);
    return rx;
}
