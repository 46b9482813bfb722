/* ecma_regex.c — translating ECMA-262 patterns to PCRE2 (see ecma_regex.h).
 *
 * One pass over the pattern. Outside a class, atoms whose meaning differs
 * are rewritten (\d -> [0-9], "." -> a class without line terminators,
 * "$" -> \z, \b -> ASCII lookarounds); everything else is copied. A class
 * is collected first — its plain members (chars written as \x{..} when
 * escaped, ranges, positive sets) and the negated sets (\D \W \S) it
 * contains — and then emitted as one PCRE2 class, or as an alternation /
 * lookahead when negated sets make a single class impossible.
 *
 * Invariant: every code point that came from an escape is written as
 * \x{HEX}, so no translated atom can merge with its neighbours. */
#include "ecma_regex.h"
#include "error.h"
#include "utf8.h"

#include <string.h>

#define DIGITS "0-9"
#define WORDS "A-Za-z0-9_"
#define SPACES                                                                                     \
    "\\t\\n\\x{0b}\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}"                    \
    "\\x{202f}\\x{205f}\\x{3000}\\x{feff}"
#define ANY "[\\x{0}-\\x{10ffff}]"
#define WORD_CLASS "[" WORDS "]"

enum { SET_D = 1, SET_W = 2, SET_S = 4 };

typedef enum esc_kind {
    ESC_CHAR,     /* a code point */
    ESC_SET,      /* \d \w \s (neg: \D \W \S) */
    ESC_BOUNDARY, /* \b \B */
    ESC_BACKREF,  /* \1, \k<name> (text in tr.tmp) */
    ESC_PROP,     /* \p{..} \P{..} (text in tr.tmp) */
    ESC_NEVER     /* a lone surrogate: matches nothing in UTF-8 text */
} esc_kind;

typedef struct esc {
    esc_kind kind;
    uint32_t cp;
    unsigned set; /* SET_* */
    int neg;
} esc;

typedef struct tr {
    const char *p;
    size_t len;
    size_t i;
    rl_sbuf *out;
    rl_sbuf tmp;
    rl_error *err;
    int failed;
} tr;

static int fail(tr *t, size_t at, const char *what)
{
    unsigned col = (unsigned)rl_utf8_count(t->p, at < t->len ? at : t->len) + 1;
    rl_error_set(t->err, 0, col, "invalid regular expression: %s at column %u", what, col);
    t->failed = 1;
    return 0;
}

/* n hex digits at t->i (without consuming); -1 if not all hex. */
static long hex_run(const tr *t, size_t at, size_t n)
{
    long v = 0;
    if (at + n > t->len)
        return -1;
    for (size_t k = 0; k < n; k++) {
        int h = rl_hexval(t->p[at + k]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

static void put_cp(rl_sbuf *out, uint32_t cp)
{
    rl_sbuf_printf(out, "\\x{%x}", (unsigned)cp);
}

/* The code point of the (UTF-8) character at t->i, consumed. */
static int next_char(tr *t, uint32_t *cp)
{
    size_t n = rl_utf8_decode((const unsigned char *)t->p + t->i, t->len - t->i, cp);
    if (!n)
        return fail(t, t->i, "invalid UTF-8");
    t->i += n;
    return 1;
}

/* \uXXXX (a surrogate pair read as one code point) or \u{X...}; t->i is
 * after the 'u'. Returns 0 when it is not a valid Unicode escape. */
static int unicode_escape(tr *t, esc *e)
{
    if (t->i < t->len && t->p[t->i] == '{') {
        size_t j = t->i + 1;
        long v = 0;
        while (j < t->len && rl_hexval(t->p[j]) >= 0 && v <= 0x10FFFF)
            v = v * 16 + rl_hexval(t->p[j++]);
        if (j == t->i + 1 || j >= t->len || t->p[j] != '}' || v > 0x10FFFF)
            return 0;
        t->i = j + 1;
        e->cp = (uint32_t)v;
    } else {
        long v = hex_run(t, t->i, 4);
        if (v < 0)
            return 0;
        t->i += 4;
        e->cp = (uint32_t)v;
        if (v >= 0xD800 && v <= 0xDBFF && t->i + 1 < t->len && t->p[t->i] == '\\' &&
            t->p[t->i + 1] == 'u') {
            long lo = hex_run(t, t->i + 2, 4);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                e->cp = (uint32_t)(0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00));
                t->i += 6;
            }
        }
    }
    e->kind = e->cp >= 0xD800 && e->cp <= 0xDFFF ? ESC_NEVER : ESC_CHAR;
    return 1;
}

/* Long general-category names ECMA accepts, as PCRE2's short ones. */
static const char *category_alias(const char *name, size_t len)
{
    /* clang-format off */
    static const char *const names[][2] = {
        {"Letter", "L"}, {"Cased_Letter", "L&"}, {"Uppercase_Letter", "Lu"},
        {"Lowercase_Letter", "Ll"}, {"Titlecase_Letter", "Lt"}, {"Modifier_Letter", "Lm"},
        {"Other_Letter", "Lo"}, {"Mark", "M"}, {"Nonspacing_Mark", "Mn"},
        {"Spacing_Mark", "Mc"}, {"Enclosing_Mark", "Me"}, {"Number", "N"},
        {"Decimal_Number", "Nd"}, {"digit", "Nd"}, {"Letter_Number", "Nl"},
        {"Other_Number", "No"}, {"Punctuation", "P"}, {"punct", "P"},
        {"Connector_Punctuation", "Pc"}, {"Dash_Punctuation", "Pd"},
        {"Open_Punctuation", "Ps"}, {"Close_Punctuation", "Pe"},
        {"Initial_Punctuation", "Pi"}, {"Final_Punctuation", "Pf"},
        {"Other_Punctuation", "Po"}, {"Symbol", "S"}, {"Math_Symbol", "Sm"},
        {"Currency_Symbol", "Sc"}, {"Modifier_Symbol", "Sk"}, {"Other_Symbol", "So"},
        {"Separator", "Z"}, {"Space_Separator", "Zs"}, {"Line_Separator", "Zl"},
        {"Paragraph_Separator", "Zp"}, {"Other", "C"}, {"Control", "Cc"}, {"cntrl", "Cc"},
        {"Format", "Cf"}, {"Surrogate", "Cs"}, {"Private_Use", "Co"}, {"Unassigned", "Cn"},
    };
    /* clang-format on */
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        if (strlen(names[k][0]) == len && memcmp(names[k][0], name, len) == 0)
            return names[k][1];
    return NULL;
}

/* \p{...} / \P{...}: t->i is after the 'p'. The PCRE2 text goes to t->tmp. */
static int property_escape(tr *t, int neg)
{
    if (t->i >= t->len || t->p[t->i] != '{')
        return 0;
    const char *close = memchr(t->p + t->i, '}', t->len - t->i);
    if (!close)
        return fail(t, t->i, "unterminated \\p{...}");
    const char *name = t->p + t->i + 1;
    size_t len = (size_t)(close - name);
    const char *eq = memchr(name, '=', len);
    if (eq) { /* General_Category=X, gc=X, Script=X, sc=X, Script_Extensions=X, scx=X */
        size_t klen = (size_t)(eq - name);
        int ext = (klen == 3 && memcmp(name, "scx", 3) == 0) ||
                  (klen == 17 && memcmp(name, "Script_Extensions", 17) == 0);
        len -= klen + 1;
        name = eq + 1;
        if (ext) {
            rl_sbuf_clear(&t->tmp);
            rl_sbuf_printf(&t->tmp, "\\%c{scx:%.*s}", neg ? 'P' : 'p', (int)len, name);
            t->i = (size_t)(close - t->p) + 1;
            return 1;
        }
    }
    const char *alias = category_alias(name, len);
    rl_sbuf_clear(&t->tmp);
    rl_sbuf_printf(&t->tmp, "\\%c{%.*s}", neg ? 'P' : 'p', alias ? (int)strlen(alias) : (int)len,
                   alias ? alias : name);
    t->i = (size_t)(close - t->p) + 1;
    return 1;
}

static int set_escape(char c, esc *e)
{
    switch (c) {
    case 'd':
    case 'D': e->set = SET_D; break;
    case 'w':
    case 'W': e->set = SET_W; break;
    case 's':
    case 'S': e->set = SET_S; break;
    default: return 0;
    }
    e->kind = ESC_SET;
    e->neg = c >= 'A' && c <= 'Z';
    return 1;
}

static int control_escape(char c, uint32_t *cp)
{
    switch (c) {
    case 'f': *cp = 0x0C; return 1;
    case 'n': *cp = 0x0A; return 1;
    case 'r': *cp = 0x0D; return 1;
    case 't': *cp = 0x09; return 1;
    case 'v': *cp = 0x0B; return 1;
    default: return 0;
    }
}

/* Backreferences \N and \k<name> (outside classes); text to t->tmp. */
static int backref_escape(tr *t, char c)
{
    rl_sbuf_clear(&t->tmp);
    if (c == 'k') {
        const char *close =
            t->i < t->len && t->p[t->i] == '<' ? memchr(t->p + t->i, '>', t->len - t->i) : NULL;
        if (!close)
            return 0;
        rl_sbuf_printf(&t->tmp, "\\k%.*s", (int)(close - (t->p + t->i) + 1), t->p + t->i);
        t->i = (size_t)(close - t->p) + 1;
        return 1;
    }
    unsigned long n = (unsigned long)(c - '0');
    while (t->i < t->len && t->p[t->i] >= '0' && t->p[t->i] <= '9' && n < 100000)
        n = n * 10 + (unsigned long)(t->p[t->i++] - '0');
    rl_sbuf_printf(&t->tmp, "\\g{%lu}", n);
    return 1;
}

/* Octal escape (Annex B, inside classes): up to three digits 0-7. */
static uint32_t octal_escape(tr *t, char first)
{
    uint32_t v = (uint32_t)(first - '0');
    for (int k = 0; k < 2 && t->i < t->len && t->p[t->i] >= '0' && t->p[t->i] <= '7' && v < 32; k++)
        v = v * 8 + (uint32_t)(t->p[t->i++] - '0');
    return v;
}

/* \cX, \xHH, \u..., \p{..}: 1 parsed, 0 failed, -1 not one of these. */
static int code_escape(tr *t, char c, size_t at, esc *e)
{
    char n = t->i < t->len ? t->p[t->i] : '\0';
    switch (c) {
    case 'c':
        if (!((n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z')))
            return fail(t, at - 1, "\\c needs a letter");
        e->cp = (uint32_t)(t->p[t->i++] % 32);
        return 1;
    case 'x': {
        long v = hex_run(t, t->i, 2);
        if (v < 0)
            return fail(t, at - 1, "\\x needs two hexadecimal digits");
        t->i += 2;
        e->cp = (uint32_t)v;
        return 1;
    }
    case 'u': return unicode_escape(t, e) || fail(t, at - 1, "invalid \\u escape");
    case 'p':
    case 'P':
        if (property_escape(t, c == 'P')) {
            e->kind = ESC_PROP;
            return 1;
        }
        return t->failed ? 0 : fail(t, at - 1, "\\p needs a {property}");
    default: return -1;
    }
}

/* \0, backreferences \N and \k<name>, octal in classes: as code_escape. */
static int digit_escape(tr *t, int in_class, char c, esc *e)
{
    if (c == '0' && (t->i >= t->len || t->p[t->i] < '0' || t->p[t->i] > '9')) {
        e->cp = 0;
        return 1;
    }
    if (c >= '0' && c <= '9' && in_class) {
        e->cp = octal_escape(t, c);
        return 1;
    }
    if ((c >= '0' && c <= '9') || (c == 'k' && !in_class && backref_escape(t, c))) {
        e->kind = ESC_BACKREF;
        return c == 'k' || backref_escape(t, c);
    }
    return -1;
}

/* Parse the escape after a backslash (t->i is after it). */
static int parse_escape(tr *t, int in_class, esc *e)
{
    if (t->i >= t->len)
        return fail(t, t->i - 1, "\\ at end of pattern");
    size_t at = t->i;
    char c = t->p[t->i++];
    e->kind = ESC_CHAR;
    e->neg = 0;
    if (set_escape(c, e) || control_escape(c, &e->cp))
        return 1;
    if (c == 'b' || (c == 'B' && !in_class)) {
        e->kind = in_class ? ESC_CHAR : ESC_BOUNDARY; /* [\b] is a backspace */
        e->neg = c == 'B';
        e->cp = 0x08;
        return 1;
    }
    int r = code_escape(t, c, at, e);
    if (r < 0)
        r = digit_escape(t, in_class, c, e);
    if (r >= 0)
        return r;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return fail(t, at - 1, "unknown escape"); /* \a, \e, \z, \Q ...: not ECMA-262 */
    t->i = at;                                    /* identity escape: the character itself */
    return next_char(t, &e->cp);
}

static const char *set_text(unsigned set)
{
    return set == SET_D ? DIGITS : set == SET_W ? WORDS : SPACES;
}

static void put_set(rl_sbuf *out, unsigned set, int neg)
{
    rl_sbuf_printf(out, "[%s%s]", neg ? "^" : "", set_text(set));
}

/* A literal code point inside a class. */
static void put_class_char(rl_sbuf *out, uint32_t cp)
{
    if (cp < 0x80 && strchr("[]\\^-", (int)cp) && cp)
        rl_sbuf_printf(out, "\\%c", (char)cp);
    else if (cp < 0x20 || cp == 0x7F)
        put_cp(out, cp);
    else {
        char buf[4];
        rl_sbuf_add(out, buf, rl_utf8_encode(cp, buf));
    }
}

typedef struct class_atom {
    int is_char; /* else a set or a property */
    uint32_t cp;
} class_atom;

/* One class member into items (or negs); *atom says what it was. */
static int class_member(tr *t, rl_sbuf *items, unsigned *negs, class_atom *atom)
{
    atom->is_char = 0;
    if (t->p[t->i] != '\\') {
        if (!next_char(t, &atom->cp))
            return 0;
        atom->is_char = 1;
        put_class_char(items, atom->cp);
        return 1;
    }
    t->i++;
    esc e;
    if (!parse_escape(t, 1, &e))
        return 0;
    switch (e.kind) {
    case ESC_SET:
        if (e.neg)
            *negs |= e.set;
        else
            rl_sbuf_adds(items, set_text(e.set));
        return 1;
    case ESC_PROP: rl_sbuf_add(items, t->tmp.data, t->tmp.len); return 1;
    case ESC_NEVER: return 1;
    default:
        atom->is_char = 1;
        atom->cp = e.cp;
        if (e.cp < 0x80 && e.cp >= 0x20 && !strchr("[]\\^-", (int)e.cp))
            rl_sbuf_addc(items, (char)e.cp);
        else
            put_cp(items, e.cp);
        return 1;
    }
}

/* Is the class member at t->i a single character? (Looks ahead only.) */
static int member_is_char(tr *t)
{
    size_t save = t->i;
    rl_sbuf scratch = RL_SBUF_INIT;
    unsigned negs = 0;
    class_atom a = {0, 0};
    rl_error *err = t->err;
    t->err = NULL;
    int ok = class_member(t, &scratch, &negs, &a);
    t->err = err;
    t->failed = 0;
    t->i = save;
    rl_sbuf_free(&scratch);
    return ok && a.is_char;
}

static void emit_class(tr *t, int negated, const rl_sbuf *items, unsigned negs)
{
    rl_sbuf *out = t->out;
    if (!negs) {
        if (!items->len)
            rl_sbuf_adds(out, negated ? ANY : "(?!)");
        else
            rl_sbuf_printf(out, "[%s%s]", negated ? "^" : "", items->data);
        return;
    }
    rl_sbuf_adds(out, "(?:");
    if (negated) { /* in every negated set, and not in items */
        for (unsigned s = SET_D; s <= SET_S; s <<= 1)
            if (negs & s)
                rl_sbuf_printf(out, "(?=[%s])", set_text(s));
        if (items->len)
            rl_sbuf_printf(out, "[^%s]", items->data);
        else
            rl_sbuf_adds(out, ANY);
    } else { /* in items, or outside one of the negated sets */
        const char *sep = "";
        if (items->len) {
            rl_sbuf_printf(out, "[%s]", items->data);
            sep = "|";
        }
        for (unsigned s = SET_D; s <= SET_S; s <<= 1)
            if (negs & s) {
                rl_sbuf_adds(out, sep);
                put_set(out, s, 1);
                sep = "|";
            }
    }
    rl_sbuf_addc(out, ')');
}

/* A class; t->i is after the '['. */
static int translate_class(tr *t)
{
    size_t start = t->i - 1;
    int negated = t->i < t->len && t->p[t->i] == '^';
    if (negated)
        t->i++;
    rl_sbuf items = RL_SBUF_INIT;
    unsigned negs = 0;
    class_atom prev = {0, 0};
    int ok = 1;
    while (ok && t->i < t->len && t->p[t->i] != ']') {
        if (t->p[t->i] == '-' && prev.is_char && t->i + 1 < t->len && t->p[t->i + 1] != ']') {
            t->i++;
            int range = member_is_char(t);
            rl_sbuf_adds(&items, range ? "-" : "\\-");
            class_atom hi = {0, 0};
            ok = class_member(t, &items, &negs, &hi);
            if (ok && range && hi.cp < prev.cp)
                ok = fail(t, t->i - 1, "range out of order in character class");
            prev.is_char = 0; /* "a-c-e": the second '-' is literal */
            continue;
        }
        ok = class_member(t, &items, &negs, &prev);
    }
    if (ok && t->i >= t->len)
        ok = fail(t, start, "missing ] to close a character class");
    if (ok) {
        t->i++;
        emit_class(t, negated, &items, negs);
    }
    rl_sbuf_free(&items);
    return ok;
}

static void emit_boundary(rl_sbuf *out, int neg)
{
    if (neg)
        rl_sbuf_adds(out, "(?:(?<=" WORD_CLASS ")(?=" WORD_CLASS ")|(?<!" WORD_CLASS
                          ")(?!" WORD_CLASS "))");
    else
        rl_sbuf_adds(out, "(?:(?<=" WORD_CLASS ")(?!" WORD_CLASS ")|(?<!" WORD_CLASS
                          ")(?=" WORD_CLASS "))");
}

static int translate_escape(tr *t)
{
    esc e;
    if (!parse_escape(t, 0, &e))
        return 0;
    switch (e.kind) {
    case ESC_SET: put_set(t->out, e.set, e.neg); break;
    case ESC_BOUNDARY: emit_boundary(t->out, e.neg); break;
    case ESC_BACKREF:
    case ESC_PROP: rl_sbuf_add(t->out, t->tmp.data, t->tmp.len); break;
    case ESC_NEVER: rl_sbuf_adds(t->out, "(?!)"); break;
    case ESC_CHAR: put_cp(t->out, e.cp); break;
    }
    return 1;
}

/* After "(": ECMA-262 knows (?: (?= (?! (?<= (?<! and (?<name>; PCRE2's
 * other forms ((?i), (?P<n>, (?#...) ...) are errors here. */
static int group_open(tr *t)
{
    rl_sbuf_addc(t->out, '(');
    const char *p = t->p + t->i;
    size_t left = t->len - t->i;
    if (!left || p[0] != '?')
        return 1;
    if (left >= 2 && strchr(":=!", p[1]))
        return 1;
    if (left >= 3 && p[1] == '<' && (p[2] == '=' || p[2] == '!'))
        return 1;
    if (left >= 3 && p[1] == '<') {
        size_t n = 2;
        while (n < left && (p[n] == '_' || p[n] == '$' || (p[n] >= '0' && p[n] <= '9' && n > 2) ||
                            (p[n] >= 'a' && p[n] <= 'z') || (p[n] >= 'A' && p[n] <= 'Z') ||
                            (unsigned char)p[n] >= 0x80))
            n++;
        if (n > 2 && n < left && p[n] == '>')
            return 1;
    }
    return fail(t, t->i,
                "unsupported group syntax (ECMA-262 has (?:, (?=, (?!, (?<=, (?<! and (?<name>)");
}

int rl_ecma_regex_translate(const char *pattern, size_t len, rl_sbuf *out, rl_error *err)
{
    tr t = {pattern, len, 0, out, RL_SBUF_INIT, err, 0};
    int ok = 1;
    while (ok && t.i < len) {
        char c = pattern[t.i++];
        switch (c) {
        case '\\': ok = translate_escape(&t); break;
        case '[': ok = translate_class(&t); break;
        case '.': rl_sbuf_adds(out, "[^\\n\\r\\x{2028}\\x{2029}]"); break;
        case '$': rl_sbuf_adds(out, "\\z"); break;
        case '(': ok = group_open(&t); break;
        default: rl_sbuf_addc(out, c);
        }
    }
    rl_sbuf_free(&t.tmp);
    if (ok && !rl_sbuf_ok(out)) {
        rl_error_set(err, 0, 0, "out of memory translating a regular expression");
        ok = 0;
    }
    return ok;
}

rl_regex *rl_ecma_regex_compile(const char *pattern, size_t len, rl_error *err)
{
    rl_sbuf pcre = RL_SBUF_INIT;
    rl_regex *re = NULL;
    if (rl_ecma_regex_translate(pattern, len, &pcre, err)) {
        rl_error inner;
        rl_error_clear(&inner);
        re = rl_regex_compile(rl_sbuf_str(&pcre), pcre.len, 0, NULL, &inner);
        if (!re) { /* PCRE2's column is in the translation: do not report it */
            char *at = strstr(inner.message, " at column ");
            if (at)
                *at = '\0';
            rl_error_set(err, 0, 0, "%s", inner.message);
        }
    }
    rl_sbuf_free(&pcre);
    return re;
}
