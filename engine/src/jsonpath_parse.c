/* jsonpath_parse.c — query text to compiled query: the identifiers $ and @,
 * segments (child, descendant), bracketed selections and the name,
 * wildcard, index and slice selectors (RFC 9535 §2.2–2.5); filters are
 * handed to jsonpath_filter.c. Also the public compile/free/accessors.
 *
 * Invariants: segments = *(S segment) is read greedily but blank space is
 * only consumed when a segment follows it, so in prefix mode trailing
 * blanks stay with the caller. Once '.' or '[' starts a segment it must be
 * complete: a broken segment is an error, not the end of the prefix. A
 * singular query's brackets hold no blank space: the ABNF's name-segment
 * and index-segment ("[" selector "]") have no room for it. */
#include "error.h"
#include "array.h"
#include "jsonpath_int.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

/* ---- selectors -------------------------------------------------------- */

static int parse_slice_rest(jp_parser *p, jp_selector *sel)
{
    jp_slice *sl = &sel->u.slice;
    sel->kind = JP_SEL_SLICE;
    sl->step = 1;
    p->pos++; /* ':' */
    jp_skip_blank(p);
    int c = jp_peek(p);
    if (c == '-' || (c >= '0' && c <= '9')) {
        if (!jp_lex_int(p, &sl->end))
            return 0;
        sl->has_end = 1;
        jp_skip_blank(p);
    }
    if (jp_peek(p) != ':')
        return 1;
    p->pos++;
    jp_skip_blank(p);
    c = jp_peek(p);
    if (c == '-' || (c >= '0' && c <= '9'))
        return jp_lex_int(p, &sl->step);
    return 1;
}

/* index-selector or slice-selector, at '-', a digit or ':'. */
static int parse_index_or_slice(jp_parser *p, jp_selector *sel)
{
    if (jp_peek(p) == ':')
        return parse_slice_rest(p, sel);
    int64_t first;
    if (!jp_lex_int(p, &first))
        return 0;
    size_t after = p->pos;
    jp_skip_blank(p);
    if (jp_peek(p) == ':') {
        sel->u.slice.start = first;
        sel->u.slice.has_start = 1;
        return parse_slice_rest(p, sel);
    }
    p->pos = after;
    sel->kind = JP_SEL_INDEX;
    sel->u.index = first;
    return 1;
}

static int parse_selector(jp_parser *p, jp_selector *sel)
{
    int c = jp_peek(p);
    if (c == '\'' || c == '"') {
        sel->kind = JP_SEL_NAME;
        return jp_lex_string(p, &sel->u.name.s, &sel->u.name.len);
    }
    if (c == '*') {
        sel->kind = JP_SEL_WILD;
        p->pos++;
        return 1;
    }
    if (c == '-' || c == ':' || (c >= '0' && c <= '9'))
        return parse_index_or_slice(p, sel);
    if (c == '?') {
        sel->kind = JP_SEL_FILTER;
        p->pos++;
        jp_skip_blank(p);
        return jp_parse_filter(p, &sel->u.filter);
    }
    if (c == '@' || c == '$')
        return jp_fail(p, p->pos, "a query inside brackets needs a filter: write [?%c...]", c);
    return jp_fail(p, p->pos, "expected a selector: a quoted name, '*', an index, a slice or '?'");
}

/* Skip blank space, noting in seg that there was some. */
static void skip_blank_in(jp_parser *p, jp_segment *seg)
{
    size_t before = p->pos;
    jp_skip_blank(p);
    seg->blank_inside |= p->pos > before;
}

/* "[" S selector *(S "," S selector) S "]" */
static int parse_bracketed(jp_parser *p, jp_segment *seg)
{
    p->pos++; /* '[' */
    skip_blank_in(p, seg);
    for (;;) {
        seg->sel = jp_push(p, seg->sel, &seg->n, sizeof *seg->sel);
        if (!seg->sel || !parse_selector(p, &seg->sel[seg->n - 1]))
            return 0;
        skip_blank_in(p, seg);
        int c = jp_peek(p);
        p->pos++;
        if (c == ']')
            return 1;
        if (c < 0)
            return jp_fail(p, p->pos - 1, "missing ']' at the end of the query");
        if (c != ',')
            return jp_fail(p, p->pos - 1, "expected ',' or ']' after a selector");
        skip_blank_in(p, seg);
    }
}

/* A one-selector segment: wildcard or member name after '.' or '..'. */
static int parse_shorthand(jp_parser *p, jp_segment *seg, const char *after)
{
    seg->sel = jp_push(p, NULL, &seg->n, sizeof *seg->sel);
    if (!seg->sel)
        return 0;
    if (jp_peek(p) == '*') {
        p->pos++;
        seg->sel->kind = JP_SEL_WILD;
        return 1;
    }
    size_t start = p->pos, n = jp_lex_member_name(p);
    if (n == 0) {
        if (seg->descendant)
            return jp_fail(p, start, "expected a name, '*' or '[' after '%s'", after);
        return jp_fail(p, start, "expected a name or '*' after '%s'", after);
    }
    seg->sel->kind = JP_SEL_NAME;
    seg->sel->u.name.s = rl_arena_strndup(p->q->arena, p->s + start, n);
    seg->sel->u.name.len = n;
    return seg->sel->u.name.s ? 1 : jp_fail(p, start, "out of memory compiling the query");
}

/* A segment at '.' or '['. */
static int parse_segment(jp_parser *p, jp_segment *seg)
{
    if (jp_peek(p) == '[')
        return parse_bracketed(p, seg);
    p->pos++; /* '.' */
    if (jp_peek(p) != '.')
        return parse_shorthand(p, seg, ".");
    p->pos++;
    seg->descendant = 1;
    if (jp_peek(p) == '[')
        return parse_bracketed(p, seg);
    return parse_shorthand(p, seg, "..");
}

/* 1 for a name or index segment apart from blank space inside it. */
static int segment_is_singular(const jp_segment *seg)
{
    return !seg->descendant && seg->n == 1 &&
           (seg->sel[0].kind == JP_SEL_NAME || seg->sel[0].kind == JP_SEL_INDEX);
}

int jp_parse_query(jp_parser *p, jp_query *out)
{
    out->relative = jp_peek(p) == '@';
    out->singular = 1;
    p->pos++; /* '$' or '@' */
    for (;;) {
        size_t before = p->pos;
        jp_skip_blank(p);
        int c = jp_peek(p);
        if (c != '.' && c != '[') {
            p->pos = before;
            return 1;
        }
        out->seg = jp_push(p, out->seg, &out->n, sizeof *out->seg);
        if (!out->seg || !parse_segment(p, &out->seg[out->n - 1]))
            return 0;
        const jp_segment *seg = &out->seg[out->n - 1];
        int shape = (out->singular || out->spaced) && segment_is_singular(seg);
        int blank = out->spaced || seg->blank_inside;
        out->singular = shape && !blank;
        out->spaced = shape && blank;
    }
}

/* ---- the public entry points ------------------------------------------ */

int jp_own_regex(rl_jpath *q, rl_regex *re)
{
    rl_regex **g = rl_array_resize(q->regexes, q->nregex + 1, sizeof *g);
    if (!g) {
        rl_regex_free(re);
        return 0;
    }
    q->regexes = g;
    q->regexes[q->nregex++] = re;
    return 1;
}

void rl_jpath_free(rl_jpath *q)
{
    if (!q)
        return;
    for (size_t i = 0; i < q->nregex; i++)
        rl_regex_free(q->regexes[i]);
    free(q->regexes);
    rl_arena_free(q->arena);
    free(q);
}

/* The start of the query: $, or @ unless strict. */
static int parse_start(jp_parser *p, unsigned flags)
{
    int c = jp_peek(p);
    if (c == '$' || (c == '@' && !(flags & RL_JPATH_STRICT)))
        return jp_parse_query(p, &p->q->q);
    if (c == '@')
        return jp_fail(p, 0,
                       "a JSONPath query starts with '$' ('@' is only valid inside a filter)");
    if (flags & RL_JPATH_STRICT)
        return jp_fail(p, 0, "a JSONPath query starts with '$'");
    return jp_fail(p, 0, "a JSONPath query starts with '$' or '@'");
}

/* Bytes in the (valid UTF-8) character at pos. */
static size_t char_len(const jp_parser *p)
{
    uint32_t cp;
    size_t n = rl_utf8_decode((const unsigned char *)p->s + p->pos, p->len - p->pos, &cp);
    return n ? n : 1;
}

static int parse_text(jp_parser *p, unsigned flags, size_t *consumed)
{
    size_t bad;
    if (!rl_utf8_valid(p->s, p->len, &bad)) {
        if (!consumed)
            return jp_fail(p, bad, "invalid UTF-8 in the query");
        p->len = bad; /* a prefix cannot reach past it */
    }
    if (!parse_start(p, flags))
        return 0;
    if (consumed) {
        *consumed = p->pos;
        return 1;
    }
    if (p->pos < p->len) {
        if (jp_is_blank(jp_peek(p)))
            return jp_fail(p, p->pos, "blank space is not allowed at the end of a query");
        return jp_fail(p, p->pos, "unexpected '%.*s' after the query", (int)char_len(p),
                       p->s + p->pos);
    }
    return 1;
}

rl_jpath *rl_jpath_compile_ex(const char *text, size_t len, unsigned flags, size_t *consumed,
                              rl_error *err)
{
    rl_error_clear(err);
    rl_jpath *q = calloc(1, sizeof *q);
    /* a query is small: size the arena to its text, not the 64 KiB default */
    size_t guess = (consumed ? 64 : len) * 16 + 512;
    rl_arena *a = rl_arena_new(guess < 65536 ? guess : 65536);
    if (!q || !a) {
        free(q);
        rl_arena_free(a);
        rl_error_set(err, 0, 0, "out of memory compiling the query");
        return NULL;
    }
    q->arena = a;
    jp_parser p = {text, len, 0, q, err, 0};
    if (!parse_text(&p, flags, consumed)) {
        rl_jpath_free(q);
        return NULL;
    }
    q->len = p.pos;
    q->text = rl_arena_strndup(a, text, p.pos);
    if (!q->text) {
        rl_error_set(err, 0, 0, "out of memory compiling the query");
        rl_jpath_free(q);
        return NULL;
    }
    return q;
}

rl_jpath *rl_jpath_compile(const char *text, size_t len, size_t *consumed, rl_error *err)
{
    return rl_jpath_compile_ex(text, len, 0, consumed, err);
}

const char *rl_jpath_text(const rl_jpath *q)
{
    return q->text;
}

int rl_jpath_is_relative(const rl_jpath *q)
{
    return q->q.relative;
}

int rl_jpath_is_singular(const rl_jpath *q)
{
    return q->q.singular;
}

int rl_jpath_over_items(const rl_jpath *q)
{
    if (q->q.n == 0)
        return 0;
    const jp_segment *s = &q->q.seg[0];
    if (s->descendant)
        return 1;
    for (size_t i = 0; i < s->n; i++)
        if (s->sel[i].kind != JP_SEL_WILD && s->sel[i].kind != JP_SEL_FILTER)
            return 0;
    return s->n > 0;
}
