/* expr_lex.c — the expression lexer: text to tokens.
 *
 * Tokens: numbers (integers exact int64 — one that overflows is an error;
 * decimals and exponents are doubles that keep the decimals written),
 * strings in '...' or "..." with escapes, keywords (and or not in true
 * false null), operators, $name parameters, function names (a name
 * followed by '('), and JSONPath queries. A query starts at '$' (not
 * followed by a name), at '@', or is a bare name: `a.b` is read as `@.a.b`;
 * segments right after a $name select within the parameter's value
 * (`$provinces[*].code`).
 * Queries are compiled by rl_jpath_compile in prefix mode over the query's
 * extent (see path_extent), and their errors are mapped back to columns in
 * the expression.
 *
 * Escapes in strings: \\ \' \" \/ \n \r \t \f \uXXXX (surrogate pairs
 * joined). Any other backslash is kept as written, so a regular expression
 * such as '\d+\b' needs no doubling (\b is a word boundary, not a
 * backspace).
 *
 * Invariants: the text is valid UTF-8 (rl_expr_compile checks); columns are
 * 1-based code points; every compiled path is handed to lx->owned at once,
 * so nothing leaks when a later token fails. */
#include "expr_int.h"
#include "error.h"
#include "utf8.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void rl_lex_init(rl_lexer *lx, const char *text, size_t len, rl_arena *arena, rl_owned *owned,
                 rl_error *err)
{
    lx->text = text;
    lx->len = len;
    lx->pos = 0;
    lx->arena = arena;
    lx->owned = owned;
    lx->err = err;
    lx->col_off = 0;
    lx->col = 1;
}

unsigned rl_lex_column(rl_lexer *lx, size_t off)
{
    if (off > lx->len)
        off = lx->len;
    if (off < lx->col_off) {
        lx->col_off = 0;
        lx->col = 1;
    }
    for (size_t i = lx->col_off; i < off; i++)
        if (((unsigned char)lx->text[i] & 0xC0) != 0x80)
            lx->col++;
    lx->col_off = off;
    return lx->col;
}

unsigned rl_expr_column(const char *text, size_t off)
{
    return (unsigned)rl_utf8_count(text, off) + 1;
}

const char *rl_tok_name(rl_tok_kind k)
{
    switch (k) {
    case RL_T_EOF: return "end of expression";
    case RL_T_INT:
    case RL_T_NUM: return "number";
    case RL_T_STR: return "string";
    case RL_T_PATH: return "path";
    case RL_T_PARAM: return "parameter";
    case RL_T_FUNC: return "function";
    case RL_T_AND: return "'and'";
    case RL_T_OR: return "'or'";
    case RL_T_NOT: return "'not'";
    case RL_T_IN: return "'in'";
    case RL_T_TRUE: return "'true'";
    case RL_T_FALSE: return "'false'";
    case RL_T_NULL: return "'null'";
    case RL_T_PLUS: return "'+'";
    case RL_T_MINUS: return "'-'";
    case RL_T_STAR: return "'*'";
    case RL_T_SLASH: return "'/'";
    case RL_T_PERCENT: return "'%'";
    case RL_T_EQ: return "'=='";
    case RL_T_NE: return "'!='";
    case RL_T_LT: return "'<'";
    case RL_T_LE: return "'<='";
    case RL_T_GT: return "'>'";
    case RL_T_GE: return "'>='";
    case RL_T_LPAREN: return "'('";
    case RL_T_RPAREN: return "')'";
    case RL_T_LBRACK: return "'['";
    case RL_T_RBRACK: return "']'";
    case RL_T_COMMA: return "','";
    }
    return "token";
}

static int fail_at(rl_lexer *lx, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail_at(rl_lexer *lx, size_t off, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rl_error_vset(lx->err, 0, rl_lex_column(lx, off), fmt, ap);
    va_end(ap);
    return 0;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int is_name_start(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (unsigned char)c >= 0x80;
}

static int is_name_char(char c)
{
    return is_name_start(c) || is_digit(c);
}

/* ---- paths -------------------------------------------------------------- */

/* Past a bracketed segment starting at t[pos] == '[': brackets and
 * parentheses balanced, quoted strings skipped. Returns len when it is not
 * closed (the JSONPath compiler then says what is wrong). */
static size_t skip_brackets(const char *t, size_t len, size_t pos)
{
    int depth = 0;
    while (pos < len) {
        char c = t[pos];
        if (c == '\'' || c == '"') {
            pos++;
            while (pos < len && t[pos] != c)
                pos += t[pos] == '\\' && pos + 1 < len ? 2 : 1;
            if (pos >= len)
                return len;
            pos++;
            continue;
        }
        if (c == '[' || c == '(')
            depth++;
        else if (c == ']' || c == ')') {
            if (--depth == 0)
                return pos + 1;
        }
        pos++;
    }
    return len;
}

/* The end of the query text that starts at pos (after its first item: '$',
 * '@', or a bare name, already skipped by the caller): a run of segments
 * (.name, .*, ..name, ..*, ..[...], [...]), which may be separated by white
 * space as RFC 9535 allows. Operators end it: @.total*100 is a product. */
static size_t path_extent(const char *t, size_t len, size_t pos)
{
    for (;;) {
        size_t p = pos;
        while (p < len && is_space(t[p]))
            p++;
        if (p >= len)
            return pos;
        if (t[p] == '[') {
            pos = skip_brackets(t, len, p);
            continue;
        }
        if (t[p] != '.')
            return pos;
        p++;
        if (p < len && t[p] == '.')
            p++;
        if (p < len && t[p] == '*')
            p++;
        else
            while (p < len && is_name_char(t[p]))
                p++;
        pos = p;
    }
}

/* Replace " at column N" in a message from the JSONPath compiler by the
 * expression's column, so the message and err->column agree. */
static void fix_message_column(rl_error *err, unsigned col)
{
    char *at = strstr(err->message, " at column ");
    if (!at)
        return;
    char *end = at + strlen(" at column ");
    while (is_digit(*end))
        end++;
    char rest[sizeof err->message];
    snprintf(rest, sizeof rest, "%s", end);
    snprintf(at, sizeof err->message - (size_t)(at - err->message), " at column %u%s", col, rest);
}

/* Compile the query prefix + text[from..extent_end) into *out: a bare
 * name is "@." + its text, a parameter's segments "@" + theirs (prefix
 * bytes are not in the expression), any other query its own text. Columns
 * in errors are the expression's; start is where the token starts. Sets
 * lx->pos past the query. */
static int compile_query(rl_lexer *lx, size_t start, const char *prefix, size_t from,
                         size_t extent_end, rl_jpath **out)
{
    size_t plen = strlen(prefix);
    size_t qlen = extent_end - from + plen;
    char *qtext;
    char *heap = NULL;
    if (plen) {
        heap = malloc(qlen + 1);
        if (!heap)
            return fail_at(lx, start, "out of memory");
        memcpy(heap, prefix, plen);
        memcpy(heap + plen, lx->text + from, extent_end - from);
        heap[qlen] = '\0';
        qtext = heap;
    } else {
        qtext = (char *)lx->text + from;
    }
    size_t consumed = 0;
    rl_error perr;
    rl_error_clear(&perr);
    rl_jpath *q = rl_jpath_compile(qtext, qlen, &consumed, &perr);
    if (q && consumed < qlen) {
        /* the extent holds more path than the query read: let the compiler
         * say what is wrong with the rest */
        rl_error werr;
        rl_error_clear(&werr);
        rl_jpath *whole = rl_jpath_compile(qtext, qlen, NULL, &werr);
        if (!whole) {
            rl_jpath_free(q);
            q = NULL;
            perr = werr;
        } else {
            rl_jpath_free(q);
            q = whole;
            consumed = qlen;
        }
    }
    if (!q) {
        unsigned pc = perr.column ? perr.column : 1;
        unsigned col = pc > plen ? rl_lex_column(lx, from) + (unsigned)(pc - 1 - plen)
                                 : rl_lex_column(lx, start);
        rl_error_set(lx->err, 0, col, "%s", perr.message[0] ? perr.message : "invalid path");
        fix_message_column(lx->err, col);
        free(heap);
        return 0;
    }
    free(heap);
    if (!rl_owned_add_path(lx->owned, q))
        return fail_at(lx, start, "out of memory");
    *out = q;
    lx->pos = from + consumed - plen;
    return 1;
}

static int lex_path(rl_lexer *lx, rl_token *t, size_t start, size_t extent_end, int bare)
{
    if (!compile_query(lx, start, bare ? "@." : "", start, extent_end, &t->path))
        return 0;
    t->kind = RL_T_PATH;
    t->bare = bare;
    return 1;
}

/* $name, and the JSONPath segments right after it ($provinces[*].code):
 * they select within the parameter's value, compiled as "@" + segments, so
 * that in a filter $ is still the report
 * ($provinces[?@.code == $.report.province_code]). */
static int lex_param(rl_lexer *lx, rl_token *t, size_t start)
{
    const char *s = lx->text;
    size_t p = start + 1;
    while (p < lx->len && is_name_char(s[p]) && (unsigned char)s[p] < 0x80)
        p++;
    t->kind = RL_T_PARAM;
    t->s = s + start + 1;
    t->slen = p - start - 1;
    t->path = NULL;
    lx->pos = p;
    if (p >= lx->len || (s[p] != '[' && s[p] != '.'))
        return 1;
    if (!compile_query(lx, start, "@", p, path_extent(s, lx->len, p), &t->path))
        return 0;
    t->kind = RL_T_PARAM; /* compile_query leaves the token alone */
    return 1;
}

/* ---- numbers ------------------------------------------------------------ */

static int lex_number(rl_lexer *lx, rl_token *t)
{
    const char *s = lx->text;
    size_t start = lx->pos, p = start;
    while (p < lx->len && is_digit(s[p]))
        p++;
    size_t int_end = p;
    long frac = 0, exp = 0;
    int is_int = 1;
    if (p + 1 < lx->len && s[p] == '.' && is_digit(s[p + 1])) {
        is_int = 0;
        p++;
        while (p < lx->len && is_digit(s[p])) {
            p++;
            frac++;
        }
    }
    if (p < lx->len && (s[p] == 'e' || s[p] == 'E')) {
        size_t q = p + 1;
        int neg = 0;
        if (q < lx->len && (s[q] == '+' || s[q] == '-')) {
            neg = s[q] == '-';
            q++;
        }
        if (q < lx->len && is_digit(s[q])) {
            is_int = 0;
            while (q < lx->len && is_digit(s[q])) {
                if (exp < 100000)
                    exp = exp * 10 + (s[q] - '0');
                q++;
            }
            if (neg)
                exp = -exp;
            p = q;
        }
    }
    if (p < lx->len && (is_name_char(s[p]) || s[p] == '.'))
        return fail_at(lx, p, "unexpected '%c' after the number at column %u",
                       (unsigned char)s[p] < 0x80 ? s[p] : '?', rl_expr_column(s, start));
    t->off = start;
    if (is_int) {
        uint64_t v = 0;
        for (size_t i = start; i < int_end; i++) {
            unsigned d = (unsigned)(s[i] - '0');
            if (v > (UINT64_C(9223372036854775808) - d) / 10)
                return fail_at(lx, start,
                               "integer %.*s is too large (integers are 64-bit, at most "
                               "9223372036854775807; write %.*s.0 for an approximate number)",
                               (int)(int_end - start > 40 ? 40 : int_end - start), s + start,
                               (int)(int_end - start > 40 ? 40 : int_end - start), s + start);
            v = v * 10 + d;
        }
        t->kind = RL_T_INT;
        t->decimals = 0;
        if (v == UINT64_C(9223372036854775808)) {
            t->int_min_pending = 1;
            t->i = INT64_MIN;
        } else {
            t->i = (int64_t)v;
        }
    } else {
        double d = rl_json_strtod(s + start, p - start);
        if (!isfinite(d))
            return fail_at(lx, start, "number %.*s is out of range",
                           (int)(p - start > 40 ? 40 : p - start), s + start);
        long dec = frac - exp;
        t->kind = RL_T_NUM;
        t->d = d;
        t->decimals = (int16_t)(dec > INT16_MAX ? INT16_MAX : dec < INT16_MIN ? INT16_MIN : dec);
    }
    lx->pos = p;
    return 1;
}

/* ---- strings ------------------------------------------------------------ */

static int hex4(const char *s, size_t len, size_t p, uint32_t *out)
{
    if (p + 4 > len)
        return 0;
    return rl_hex4(s + p, out);
}

/* One step of decoding the string literal body at s[*p]: appends the
 * decoded bytes to out (may be NULL) and advances *p. Returns the number of
 * code points produced (0 or 1) or -1 on a bad escape (*p at the backslash). */
static int decode_step(const char *s, size_t len, size_t *p, char *out, size_t *olen)
{
    size_t i = *p;
    if (s[i] != '\\') {
        uint32_t cp;
        size_t n = rl_utf8_decode((const unsigned char *)s + i, len - i, &cp);
        if (n == 0)
            n = 1;
        if (out)
            memcpy(out + *olen, s + i, n);
        *olen += n;
        *p = i + n;
        return 1;
    }
    if (i + 1 >= len)
        return -1;
    char c = s[i + 1];
    char simple = 0;
    switch (c) {
    case '\\': simple = '\\'; break;
    case '\'': simple = '\''; break;
    case '"': simple = '"'; break;
    case '/': simple = '/'; break;
    case 'n': simple = '\n'; break;
    case 'r': simple = '\r'; break;
    case 't': simple = '\t'; break;
    case 'f': simple = '\f'; break;
    case 'u': {
        uint32_t cp;
        if (!hex4(s, len, i + 2, &cp))
            return -1;
        size_t used = 6;
        if (cp >= 0xDC00 && cp <= 0xDFFF)
            return -1;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t lo;
            if (i + 7 >= len || s[i + 6] != '\\' || s[i + 7] != 'u' || !hex4(s, len, i + 8, &lo) ||
                lo < 0xDC00 || lo > 0xDFFF)
                return -1;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            used = 12;
        }
        char buf[4];
        size_t n = rl_utf8_encode(cp, buf);
        if (out)
            memcpy(out + *olen, buf, n);
        *olen += n;
        *p = i + used;
        return 1;
    }
    default:
        /* not an escape: the backslash stays (regular expressions) */
        if (out)
            out[*olen] = '\\';
        *olen += 1;
        *p = i + 1;
        return 1;
    }
    if (out)
        out[*olen] = simple;
    *olen += 1;
    *p = i + 2;
    return 1;
}

static int lex_string(rl_lexer *lx, rl_token *t)
{
    const char *s = lx->text;
    char q = s[lx->pos];
    size_t start = lx->pos;
    /* find the end, checking escapes */
    size_t p = start + 1, olen = 0;
    while (p < lx->len && s[p] != q) {
        size_t before = p;
        if (decode_step(s, lx->len, &p, NULL, &olen) < 0) {
            if (before + 1 < lx->len && s[before + 1] == 'u')
                return fail_at(
                    lx, before,
                    "invalid \\u escape (expected four hex digits, surrogates in pairs)");
            return fail_at(lx, before, "unfinished escape at the end of the string");
        }
    }
    if (p >= lx->len)
        return fail_at(lx, start,
                       "unterminated string: expected %c to close the string at column %u", q,
                       rl_expr_column(s, start));
    /* zeroed with slack: PCRE2 JIT may read a few bytes past a subject */
    char *out = rl_arena_calloc(lx->arena, olen + 16);
    if (!out)
        return fail_at(lx, start, "out of memory");
    size_t i = start + 1;
    olen = 0;
    while (i < p)
        decode_step(s, lx->len, &i, out, &olen);
    out[olen] = '\0';
    t->kind = RL_T_STR;
    t->s = out;
    t->slen = olen;
    lx->pos = p + 1;
    return 1;
}

unsigned rl_lex_string_column(const char *text, size_t len, size_t lit_off, size_t cp)
{
    size_t p = lit_off + 1, olen = 0;
    char q = text[lit_off];
    for (size_t n = 0; n < cp && p < len && text[p] != q; n++)
        if (decode_step(text, len, &p, NULL, &olen) < 0)
            break;
    return rl_expr_column(text, p);
}

/* ---- names and keywords ------------------------------------------------- */

static const struct {
    const char *word;
    rl_tok_kind kind;
} keywords[] = {
    {"and", RL_T_AND},   {"or", RL_T_OR},       {"not", RL_T_NOT},   {"in", RL_T_IN},
    {"true", RL_T_TRUE}, {"false", RL_T_FALSE}, {"null", RL_T_NULL},
};

static int lex_name(rl_lexer *lx, rl_token *t)
{
    const char *s = lx->text;
    size_t start = lx->pos, p = start;
    while (p < lx->len && is_name_char(s[p]))
        p++;
    for (size_t k = 0; k < sizeof keywords / sizeof keywords[0]; k++) {
        if (strlen(keywords[k].word) == p - start &&
            memcmp(keywords[k].word, s + start, p - start) == 0) {
            t->kind = keywords[k].kind;
            lx->pos = p;
            return 1;
        }
    }
    size_t q = p;
    while (q < lx->len && is_space(s[q]))
        q++;
    if (q < lx->len && s[q] == '(') {
        t->kind = RL_T_FUNC;
        t->s = s + start;
        t->slen = p - start;
        lx->pos = p;
        return 1;
    }
    return lex_path(lx, t, start, path_extent(s, lx->len, p), 1);
}

/* ---- the token loop ----------------------------------------------------- */

static void describe_char(const char *s, size_t len, size_t pos, char *out, size_t size)
{
    uint32_t cp;
    size_t n = rl_utf8_decode((const unsigned char *)s + pos, len - pos, &cp);
    if (n == 0)
        snprintf(out, size, "byte 0x%02X", (unsigned char)s[pos]);
    else if (cp < 0x20 || cp == 0x7F)
        snprintf(out, size, "control character U+%04X", (unsigned)cp);
    else
        snprintf(out, size, "'%.*s'", (int)n, s + pos);
}

int rl_lex_next(rl_lexer *lx, rl_token *t)
{
    const char *s = lx->text;
    memset(t, 0, sizeof *t);
    while (lx->pos < lx->len && is_space(s[lx->pos]))
        lx->pos++;
    t->off = lx->pos;
    t->col = rl_lex_column(lx, lx->pos);
    if (lx->pos >= lx->len) {
        t->kind = RL_T_EOF;
        return 1;
    }
    size_t start = lx->pos;
    char c = s[start];
    char n = start + 1 < lx->len ? s[start + 1] : '\0';
    int ok = 1;
    int two = 0; /* a two-character operator */
    switch (c) {
    case '+': t->kind = RL_T_PLUS; break;
    case '-': t->kind = RL_T_MINUS; break;
    case '*': t->kind = RL_T_STAR; break;
    case '/': t->kind = RL_T_SLASH; break;
    case '%': t->kind = RL_T_PERCENT; break;
    case '(': t->kind = RL_T_LPAREN; break;
    case ')': t->kind = RL_T_RPAREN; break;
    case '[': t->kind = RL_T_LBRACK; break;
    case ']': t->kind = RL_T_RBRACK; break;
    case ',': t->kind = RL_T_COMMA; break;
    case '<':
        two = n == '=';
        t->kind = two ? RL_T_LE : RL_T_LT;
        break;
    case '>':
        two = n == '=';
        t->kind = two ? RL_T_GE : RL_T_GT;
        break;
    case '=':
        if (n != '=')
            return fail_at(lx, start, "'=' is not an operator: use '==' to compare");
        t->kind = RL_T_EQ;
        two = 1;
        break;
    case '!':
        if (n != '=')
            return fail_at(lx, start, "'!' is not an operator: use 'not' or '!='");
        t->kind = RL_T_NE;
        two = 1;
        break;
    case '&':
        return fail_at(lx, start, "'%s' is not an operator: use 'and'", n == '&' ? "&&" : "&");
    case '|': return fail_at(lx, start, "'%s' is not an operator: use 'or'", n == '|' ? "||" : "|");
    case '\'':
    case '"': ok = lex_string(lx, t); break;
    case '$':
        if (is_name_start(n) && (unsigned char)n < 0x80) {
            ok = lex_param(lx, t, start);
        } else {
            ok = lex_path(lx, t, start, path_extent(s, lx->len, start + 1), 0);
        }
        break;
    case '@': ok = lex_path(lx, t, start, path_extent(s, lx->len, start + 1), 0); break;
    default:
        if (is_digit(c)) {
            ok = lex_number(lx, t);
        } else if (c == '.' && is_digit(n)) {
            return fail_at(lx, start,
                           "a number needs a digit before the point (write 0.5, not .5)");
        } else if (is_name_start(c)) {
            ok = lex_name(lx, t);
        } else {
            char d[48];
            describe_char(s, lx->len, start, d, sizeof d);
            return fail_at(lx, start, "unexpected %s", d);
        }
    }
    if (!ok)
        return 0;
    if (lx->pos == start) /* one- or two-character operators */
        lx->pos = start + (two ? 2 : 1);
    t->off = start;
    t->len = lx->pos - start;
    return 1;
}
