/* template.c — compiling and expanding message templates (see template.h).
 *
 * A compiled template is a list of segments: literal text, a figure name,
 * or an expression. It is immutable after compilation. */
#include "template.h"
#include "array.h"
#include "error.h"
#include "suggest.h"
#include "utf8.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef enum { SEG_TEXT, SEG_FIGURE, SEG_EXPR, SEG_PLURAL } seg_kind;

typedef struct segment {
    seg_kind kind;
    char *text;  /* SEG_TEXT: the text; SEG_FIGURE, SEG_PLURAL: the name */
    char *forms; /* SEG_PLURAL: "one|few|many" (1 to 3 forms) */
    rl_expr *expr;
} segment;

struct rl_template {
    segment *segs;
    size_t n;
};

void rl_template_free(rl_template *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++) {
        free(t->segs[i].text);
        free(t->segs[i].forms);
        rl_expr_free(t->segs[i].expr);
    }
    free(t->segs);
    free(t);
}

static segment *add_segment(rl_template *t, seg_kind kind)
{
    segment *s = rl_array_resize(t->segs, t->n + 1, sizeof *s);
    if (!s)
        return NULL;
    t->segs = s;
    s = &t->segs[t->n++];
    memset(s, 0, sizeof *s);
    s->kind = kind;
    return s;
}

static int is_name(const char *s, size_t len)
{
    if (len == 0)
        return 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (i > 0 && c >= '0' && c <= '9')))
            return 0;
    }
    return 1;
}

/* A function call: a name, then '(' ({count($provinces)}). */
static int is_call(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && (s[i] == '_' || (s[i] >= 'a' && s[i] <= 'z') ||
                       (s[i] >= 'A' && s[i] <= 'Z') || (i && s[i] >= '0' && s[i] <= '9')))
        i++;
    return i > 0 && i < len && s[i] == '(';
}

static int known_name(const char *const *names, const char *s, size_t len)
{
    for (size_t i = 0; names && names[i]; i++)
        if (strlen(names[i]) == len && memcmp(names[i], s, len) == 0)
            return 1;
    return 0;
}

/* {name|one|few|many}: the form of a word that the figure's number takes
 * in the message's language (rl_lang_plural); one to three forms. */
static int add_plural(rl_template *t, const char *s, size_t len, unsigned col,
                      const char *const *names, rl_error *err)
{
    const char *bar = memchr(s, '|', len);
    size_t name_len = (size_t)(bar - s), k = 1;
    for (const char *c = bar + 1; c < s + len; c++)
        k += *c == '|';
    if (!is_name(s, name_len) || !known_name(names, s, name_len) || k > 3) {
        rl_error_set(err, 0, col,
                     "in message placeholder {%.*s}: a plural form is "
                     "{FIGURE|one|few|many} (1 to 3 forms) after a figure's name",
                     (int)len, s);
        return 0;
    }
    segment *seg = add_segment(t, SEG_PLURAL);
    return seg && (seg->text = strndup(s, name_len)) != NULL &&
           (seg->forms = strndup(bar + 1, len - name_len - 1)) != NULL;
}

static int add_placeholder(rl_template *t, const char *text, size_t at, size_t len,
                           const char *const *names, const rl_params *params, rl_error *err)
{
    const char *s = text + at;
    unsigned col = (unsigned)rl_utf8_count(text, at) + 1;
    const char *bar = memchr(s, '|', len);
    if (bar && is_name(s, (size_t)(bar - s)))
        return add_plural(t, s, len, col, names, err);
    if (len > 0 && (s[0] == '@' || s[0] == '$' || is_call(s, len))) {
        rl_error sub = {0};
        rl_expr *e = rl_expr_compile(s, len, params, 0, &sub);
        if (!e) {
            rl_error_set(err, 0, col + (sub.column ? sub.column - 1 : 0),
                         "in message placeholder {%.*s}: %s", (int)len, s, sub.message);
            return 0;
        }
        segment *seg = add_segment(t, SEG_EXPR);
        if (!seg) {
            rl_expr_free(e);
            return 0;
        }
        seg->expr = e;
        return 1;
    }
    if (!is_name(s, len) || !known_name(names, s, len)) {
        char hint[96] = "";
        const char *near = rl_suggest(s, len, names);
        if (near)
            snprintf(hint, sizeof hint, " (did you mean {%s}?)", near);
        rl_error_set(err, 0, col, "unknown message placeholder {%.*s}%s", (int)len, s, hint);
        return 0;
    }
    segment *seg = add_segment(t, SEG_FIGURE);
    return seg && (seg->text = strndup(s, len)) != NULL;
}

static int flush_text(rl_template *t, rl_sbuf *pending)
{
    if (pending->len == 0)
        return 1;
    segment *seg = add_segment(t, SEG_TEXT);
    if (!seg)
        return 0;
    seg->text = rl_sbuf_take(pending);
    return seg->text != NULL;
}

static int compile_into(rl_template *t, const char *text, size_t len, const char *const *names,
                        const rl_params *params, rl_error *err, rl_sbuf *pending)
{
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if ((c == '{' || c == '}') && i + 1 < len && text[i + 1] == c) {
            rl_sbuf_addc(pending, c);
            i++;
            continue;
        }
        if (c == '}') {
            rl_error_set(err, 0, (unsigned)rl_utf8_count(text, i) + 1,
                         "unmatched '}' in message (write '}}' for a brace)");
            return 0;
        }
        if (c != '{') {
            rl_sbuf_addc(pending, c);
            continue;
        }
        const char *close = memchr(text + i, '}', len - i);
        if (!close) {
            rl_error_set(err, 0, (unsigned)rl_utf8_count(text, i) + 1,
                         "unclosed '{' in message (write '{{' for a brace)");
            return 0;
        }
        size_t inner = (size_t)(close - text) - i - 1;
        if (!flush_text(t, pending) || !add_placeholder(t, text, i + 1, inner, names, params, err))
            return 0;
        i += inner + 1;
    }
    return flush_text(t, pending);
}

rl_template *rl_template_compile(const char *text, size_t len, const char *const *names,
                                 const rl_params *params, rl_error *err)
{
    rl_template *t = calloc(1, sizeof *t);
    rl_sbuf pending = RL_SBUF_INIT;
    if (!t) {
        rl_error_set(err, 0, 0, "out of memory");
        return NULL;
    }
    int ok = compile_into(t, text, len, names, params, err, &pending);
    rl_sbuf_free(&pending);
    if (!ok) {
        if (!err || !err->failed)
            rl_error_set(err, 0, 0, "out of memory");
        rl_template_free(t);
        return NULL;
    }
    return t;
}

static const rl_fig *find_fig(const rl_fig *figs, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(figs[i].name, name) == 0)
            return &figs[i];
    return NULL;
}

static void expand_expr(const segment *seg, rl_eval_ctx *ctx, char mark, rl_sbuf *out)
{
    rl_value v;
    rl_error sub = {0};
    if (!ctx) {
        rl_sbuf_addc(out, '?');
        return;
    }
    rl_error *saved = ctx->err;
    ctx->err = &sub;
    if (rl_expr_eval(seg->expr, ctx, &v) == 0)
        rl_value_format_mark(out, &v, 2, mark);
    else
        rl_sbuf_addc(out, '?');
    ctx->err = saved;
}

/* The form of seg's word for figure f in lang: as rl_msg_count picks a
 * counted noun's (a fraction or a negative number takes the last form). */
static void expand_plural(const segment *seg, const rl_fig *f, rl_lang lang, rl_sbuf *out)
{
    const char *forms = seg->forms;
    size_t k = 1;
    for (const char *c = forms; *c; c++)
        k += *c == '|';
    int p = 2;
    if (f && f->v.type == RL_VINT && f->v.u.i >= 0)
        p = rl_lang_plural(lang, (uint64_t)f->v.u.i);
    else if (f && f->v.type == RL_VNUM && f->v.u.d >= 0 && f->v.u.d == floor(f->v.u.d) &&
             f->v.u.d < 1e18)
        p = rl_lang_plural(lang, (uint64_t)f->v.u.d);
    size_t want = k == 1 ? 0 : k == 2 ? (p == 0 ? 0 : 1) : (size_t)p;
    for (size_t i = 0; i < want; i++)
        forms = strchr(forms, '|') + 1;
    const char *end = strchr(forms, '|');
    rl_sbuf_add(out, forms, end ? (size_t)(end - forms) : strlen(forms));
}

static int is_num(const rl_value *v)
{
    return v->type == RL_VINT || v->type == RL_VNUM;
}

static int shows_equal(const rl_value *a, const rl_value *b, int digits)
{
    rl_sbuf x = RL_SBUF_INIT, y = RL_SBUF_INIT;
    rl_value_format(&x, a, digits);
    rl_value_format(&y, b, digits);
    int same = x.len == y.len && memcmp(rl_sbuf_str(&x), rl_sbuf_str(&y), x.len) == 0;
    rl_sbuf_free(&x);
    rl_sbuf_free(&y);
    return same;
}

/* The decimals a message shows numbers with: 2, or as many more as it
 * takes for {actual} and {expected} to differ when their values do — a
 * message never says "0.04 is below the minimum 0.04". */
static int message_digits(const rl_fig *figs, size_t n)
{
    const rl_fig *a = find_fig(figs, n, "actual"), *e = find_fig(figs, n, "expected");
    if (!a || !e || !is_num(&a->v) || !is_num(&e->v) ||
        rl_value_as_double(&a->v) == rl_value_as_double(&e->v))
        return 2;
    int digits = 2;
    while (digits < 17 && shows_equal(&a->v, &e->v, digits))
        digits++;
    return digits;
}

/* A figure as people read it: a number from the report as it was written
 * ("88.0" stays 88.0), a tolerance to 15 significant digits (0.005, never
 * 0.01), anything else at `digits` decimals; `mark` the decimal mark. */
static void expand_figure(const rl_fig *f, const rl_eval_ctx *ctx, int digits, char mark,
                          rl_sbuf *out)
{
    size_t from = out->len;
    if (f->v.type == RL_VNUM && f->v.src && rl_jn_type(f->v.src) == RL_JNUMBER && ctx && ctx->doc &&
        digits == 2) {
        size_t n;
        const char *t = rl_json_number_text(ctx->doc, f->v.src, &n);
        rl_sbuf_add(out, t, n);
    } else if (f->v.type == RL_VNUM && strcmp(f->name, "tolerance") == 0 && isfinite(f->v.u.d)) {
        rl_sbuf_printf(out, "%.15g", f->v.u.d);
    } else {
        rl_value_format_mark(out, &f->v, digits, mark);
        return;
    }
    for (size_t i = from; rl_sbuf_ok(out) && i < out->len; i++)
        if (out->data[i] == '.' || out->data[i] == ',') /* a C locale's comma, too */
            out->data[i] = mark;
}

/* Cut what a placeholder added after `from` to RL_TEMPLATE_MAX_VALUE bytes
 * (at a UTF-8 character boundary), with a mark saying how much was left out. */
static void cap_value(rl_sbuf *out, size_t from)
{
    if (!rl_sbuf_ok(out) || out->len - from <= RL_TEMPLATE_MAX_VALUE)
        return;
    size_t keep = from + RL_TEMPLATE_MAX_VALUE;
    while (keep > from && ((unsigned char)out->data[keep] & 0xC0) == 0x80)
        keep--;
    size_t cut = out->len - keep;
    out->len = keep;
    out->data[keep] = '\0';
    rl_sbuf_printf(out, "\xE2\x80\xA6 (%zu more bytes)", cut);
}

void rl_template_expand(const rl_template *t, const rl_fig *figs, size_t n_figs, rl_eval_ctx *ctx,
                        rl_lang lang, rl_sbuf *out)
{
    char mark = rl_lang_decimal_mark(lang);
    int digits = message_digits(figs, n_figs);
    for (size_t i = 0; i < t->n; i++) {
        const segment *seg = &t->segs[i];
        size_t from = out->len;
        if (seg->kind == SEG_TEXT) {
            rl_sbuf_adds(out, seg->text);
        } else if (seg->kind == SEG_FIGURE) {
            const rl_fig *f = find_fig(figs, n_figs, seg->text);
            if (f)
                expand_figure(f, ctx, digits, mark, out);
            else
                rl_sbuf_addc(out, '?');
        } else if (seg->kind == SEG_PLURAL) {
            expand_plural(seg, find_fig(figs, n_figs, seg->text), lang, out);
        } else {
            expand_expr(seg, ctx, mark, out);
        }
        if (seg->kind != SEG_TEXT)
            cap_value(out, from);
    }
}

void rl_template_exprs(const rl_template *t, void (*fn)(void *user, const rl_expr *e), void *user)
{
    for (size_t i = 0; t && i < t->n; i++)
        if (t->segs[i].kind == SEG_EXPR)
            fn(user, t->segs[i].expr);
}
