/* locale_date.c — reading a date as a locale writes it (see locales.h).
 *
 * ISO forms are read first, in every locale. Otherwise the text is folded
 * (textfold.h: lowercase, canonical Unicode form, white space collapsed)
 * and split into tokens — numbers (a run of ASCII digits), words (a run of
 * anything else but white space and . , / -) and those four punctuation
 * marks — then matched against the locale's date forms, first match wins.
 *
 * A form is a pattern: elements separated by one space, each one of
 *
 *     D  a day, 1 or 2 digits        M  a month number, 1 or 2 digits
 *     Y  a year, exactly 4 digits    N  a month word in any form
 *     Nn Ng Np  a month word in the nominative, genitive or prepositional
 *               (Russian: "ноябрь", "15 ноября", "в ноябре")
 *     a literal: a word ("tháng", "г") or a mark (. , / -), with
 *               alternatives split by '|' ("г|года")
 *
 * and a trailing '?' makes an element optional. A month word may be
 * followed by an abbreviation's '.' ("15 дек. 2025"). Matching backtracks,
 * so optional elements never block a match. The forms are const data: no
 * compiled state, nothing to initialise. A text that matches a form but
 * names no real day (31 ноября, month 13) is reported as such, not as "not
 * a date", so the message can say why. */
#include "locales.h"
#include "textfold.h"

#include <string.h>

#define MAX_FOLD 96
#define MAX_TOKENS 16

enum { T_NUM, T_WORD, T_MARK };

typedef struct token {
    uint8_t kind;
    uint8_t ndigits; /* T_NUM */
    uint32_t
        value; /* T_NUM: the value (digits beyond 9 make it useless anyway); T_MARK: the mark */
    const uint32_t *w; /* T_WORD: folded code points */
    size_t wlen;
} token;

typedef struct tokens {
    token t[MAX_TOKENS];
    size_t n;
} tokens;

/* What a match has read so far; -1 for "not written". */
typedef struct dstate {
    int day, month, year;
} dstate;

static int is_mark(uint32_t c)
{
    return c == '.' || c == ',' || c == '/' || c == '-';
}

static int is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

static int tokenize(const uint32_t *f, size_t n, tokens *tk)
{
    tk->n = 0;
    size_t i = 0;
    while (i < n) {
        if (f[i] == ' ') {
            i++;
            continue;
        }
        if (tk->n == MAX_TOKENS)
            return 0;
        token *t = &tk->t[tk->n++];
        memset(t, 0, sizeof *t);
        if (is_digit(f[i])) {
            t->kind = T_NUM;
            for (; i < n && is_digit(f[i]); i++) {
                if (t->ndigits < 9)
                    t->value = t->value * 10 + (f[i] - '0');
                if (t->ndigits < 255)
                    t->ndigits++;
            }
        } else if (is_mark(f[i])) {
            t->kind = T_MARK;
            t->value = f[i++];
        } else {
            t->kind = T_WORD;
            t->w = f + i;
            while (i < n && f[i] != ' ' && !is_digit(f[i]) && !is_mark(f[i]))
                i++;
            t->wlen = (size_t)(f + i - t->w);
        }
    }
    return 1;
}

/* ---- patterns ------------------------------------------------------- */

typedef struct elem {
    const char *s;
    size_t len;
    int optional;
} elem;

static int next_elem(const char **p, elem *e)
{
    while (**p == ' ')
        (*p)++;
    if (!**p)
        return 0;
    e->s = *p;
    while (**p && **p != ' ')
        (*p)++;
    e->len = (size_t)(*p - e->s);
    e->optional = e->len > 1 && e->s[e->len - 1] == '?';
    if (e->optional)
        e->len--;
    return 1;
}

static int elem_is(const elem *e, const char *name)
{
    return e->len == strlen(name) && memcmp(e->s, name, e->len) == 0;
}

/* The month a word token names in the forms allowed, or 0. */
static int month_word(const rl_locale *loc, const token *t, unsigned forms)
{
    if (t->kind != T_WORD)
        return 0;
    for (const rl_month_word *m = loc->months; m->word; m++)
        if ((m->forms & forms) && rl_fold_equals(t->w, t->wlen, m->word))
            return m->month;
    return 0;
}

/* One alternative of a literal against a token. */
static int literal_matches(const char *s, size_t len, const token *t)
{
    if (len == 1 && is_mark((unsigned char)s[0]))
        return t->kind == T_MARK && t->value == (unsigned char)s[0];
    char word[32];
    if (t->kind != T_WORD || len >= sizeof word)
        return 0;
    memcpy(word, s, len);
    word[len] = '\0';
    return rl_fold_equals(t->w, t->wlen, word);
}

static int literal(const elem *e, const token *t)
{
    const char *s = e->s, *end = e->s + e->len;
    while (s < end) {
        const char *bar = memchr(s, '|', (size_t)(end - s));
        size_t n = bar ? (size_t)(bar - s) : (size_t)(end - s);
        if (literal_matches(s, n, t))
            return 1;
        s += n + (bar != NULL);
    }
    return 0;
}

static int number(const token *t, int min_digits, int max_digits, int *out)
{
    if (t->kind != T_NUM || t->ndigits < min_digits || t->ndigits > max_digits)
        return 0;
    *out = (int)t->value;
    return 1;
}

static unsigned month_forms(const elem *e)
{
    if (elem_is(e, "Nn"))
        return RL_MF_NOM;
    if (elem_is(e, "Ng"))
        return RL_MF_GEN;
    if (elem_is(e, "Np"))
        return RL_MF_PREP;
    return elem_is(e, "N") ? RL_MF_ANY : 0;
}

static int match(const rl_locale *loc, const char *pat, const tokens *tk, size_t ti, dstate st,
                 dstate *out);

/* Match element e at token ti, then the rest of the pattern. */
static int match_elem(const rl_locale *loc, const elem *e, const char *rest, const tokens *tk,
                      size_t ti, dstate st, dstate *out)
{
    if (ti >= tk->n)
        return 0;
    const token *t = &tk->t[ti];
    unsigned forms = month_forms(e);
    if (forms) {
        st.month = month_word(loc, t, forms);
        if (!st.month)
            return 0;
        /* an abbreviation's dot, or not */
        if (ti + 1 < tk->n && tk->t[ti + 1].kind == T_MARK && tk->t[ti + 1].value == '.' &&
            match(loc, rest, tk, ti + 2, st, out))
            return 1;
        return match(loc, rest, tk, ti + 1, st, out);
    }
    int ok;
    if (elem_is(e, "D"))
        ok = number(t, 1, 2, &st.day);
    else if (elem_is(e, "M"))
        ok = number(t, 1, 2, &st.month);
    else if (elem_is(e, "Y"))
        ok = number(t, 4, 4, &st.year);
    else
        ok = literal(e, t);
    return ok && match(loc, rest, tk, ti + 1, st, out);
}

static int match(const rl_locale *loc, const char *pat, const tokens *tk, size_t ti, dstate st,
                 dstate *out)
{
    elem e;
    const char *rest = pat;
    if (!next_elem(&rest, &e)) {
        if (ti != tk->n)
            return 0;
        *out = st;
        return 1;
    }
    if (match_elem(loc, &e, rest, tk, ti, st, out))
        return 1;
    return e.optional && match(loc, rest, tk, ti, st, out);
}

/* ---- reading ---------------------------------------------------------- */

static int validate(const dstate *st, rl_date_spec *spec)
{
    spec->year = st->year > 0 ? st->year : 0;
    spec->month = st->month;
    spec->day = st->day > 0 ? st->day : 0;
    if (st->year == 0)
        return RL_LDATE_NONE; /* "0000" is no year */
    if (st->month < 1 || st->month > 12)
        return RL_LDATE_BAD_MONTH;
    if (st->day < 0)
        return RL_LDATE_OK;
    /* without a year, 29 February is possible (2000 was a leap year) */
    int dim = rl_days_in_month(spec->year ? spec->year : 2000, st->month);
    if (st->day < 1 || st->day > dim) {
        spec->day = st->day;
        return RL_LDATE_BAD_DAY;
    }
    return RL_LDATE_OK;
}

int rl_locale_read_date(const rl_locale *loc, const char *s, size_t len, rl_date_spec *spec)
{
    size_t a = 0, b = len;
    rl_trim_space(s, &a, &b);
    memset(spec, 0, sizeof *spec);
    if (rl_date_parse_iso(s + a, b - a, spec))
        return RL_LDATE_OK;
    uint32_t f[MAX_FOLD];
    size_t n = rl_fold(s + a, b - a, f, MAX_FOLD);
    tokens tk;
    if (n == RL_FOLD_FAIL || n == 0 || !tokenize(f, n, &tk))
        return RL_LDATE_NONE;
    for (const char *const *form = loc->date_forms; *form; form++) {
        dstate st = {-1, -1, -1}, got;
        if (match(loc, *form, &tk, 0, st, &got))
            return validate(&got, spec);
    }
    return RL_LDATE_NONE;
}
