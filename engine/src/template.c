/* template.c — compiling and expanding message templates (see template.h).
 *
 * A compiled template is a list of segments: literal text, a figure name,
 * or an expression. It is immutable after compilation. */
#include "template.h"
#include "error.h"
#include "suggest.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

typedef enum { SEG_TEXT, SEG_FIGURE, SEG_EXPR } seg_kind;

typedef struct segment {
    seg_kind kind;
    char *text; /* SEG_TEXT: the text; SEG_FIGURE: the name */
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
        rl_expr_free(t->segs[i].expr);
    }
    free(t->segs);
    free(t);
}

static segment *add_segment(rl_template *t, seg_kind kind)
{
    segment *s = realloc(t->segs, (t->n + 1) * sizeof *s);
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
    while (i < len && (s[i] == '_' || (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
                       (i && s[i] >= '0' && s[i] <= '9')))
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

static int add_placeholder(rl_template *t, const char *text, size_t at, size_t len,
                           const char *const *names, const rl_params *params, rl_error *err)
{
    const char *s = text + at;
    unsigned col = (unsigned)rl_utf8_count(text, at) + 1;
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
        if (!flush_text(t, pending) ||
            !add_placeholder(t, text, i + 1, inner, names, params, err))
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

void rl_template_expand(const rl_template *t, const rl_fig *figs, size_t n_figs,
                        rl_eval_ctx *ctx, rl_lang lang, rl_sbuf *out)
{
    char mark = rl_lang_decimal_mark(lang);
    for (size_t i = 0; i < t->n; i++) {
        const segment *seg = &t->segs[i];
        if (seg->kind == SEG_TEXT) {
            rl_sbuf_adds(out, seg->text);
        } else if (seg->kind == SEG_FIGURE) {
            const rl_fig *f = find_fig(figs, n_figs, seg->text);
            if (f)
                rl_value_format_mark(out, &f->v, 2, mark);
            else
                rl_sbuf_addc(out, '?');
        } else {
            expand_expr(seg, ctx, mark, out);
        }
    }
}

void rl_template_exprs(const rl_template *t, void (*fn)(void *user, const rl_expr *e), void *user)
{
    for (size_t i = 0; t && i < t->n; i++)
        if (t->segs[i].kind == SEG_EXPR)
            fn(user, t->segs[i].expr);
}
