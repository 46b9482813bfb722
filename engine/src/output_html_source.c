/* output_html_source.c — the report lines the HTML page shows around each
 * violation, with the blamed value highlighted.
 *
 * A file is read once, after the check, in a single streaming pass that
 * keeps only the lines some violation shows (its line and RL_HTML_CONTEXT
 * lines either side) and at most LINE_CAP bytes of each, so an NDJSON file
 * larger than memory or a one-line report of megabytes costs little. The
 * writer gets the same bytes whatever -j was: the lines depend on the file
 * and the violations only. Standard input ("-") cannot be read again; a
 * file that cannot be opened any more has no lines (the page says so).
 *
 * Lines are numbered as the JSON reader numbers them: a line ends at LF
 * (a CR before it is dropped). Columns count code points. A long line is
 * shown as a window of WINDOW code points around the column, with "…"
 * where it was cut. The highlighted value runs from the column to the end
 * of its token: a string to its closing quote, a number or literal to the
 * next delimiter, an object or array as its opening bracket. A line is
 * shown as "  41  text"; the violation's line is a block <span class=hl>
 * (its own line break: the span is a block), the others end in a newline. */
#include "output_html.h"
#include "array.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINE_CAP 65536 /* bytes kept of a line */
#define WINDOW 160     /* code points shown of a long line */
#define LEAD 50        /* of them, before the highlighted column */

typedef struct range {
    unsigned first, last;
} range;

static int by_first(const void *a, const void *b)
{
    const range *x = a, *y = b;
    return x->first < y->first ? -1 : x->first > y->first;
}

/* The wanted lines as sorted, merged ranges; *n their number. */
static range *wanted(const rl_violation *const *vs, size_t n, size_t *n_out)
{
    range *r = malloc((n + 1) * sizeof *r);
    size_t k = 0;
    if (!r)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (vs[i]->line) {
            unsigned l = vs[i]->line;
            r[k++] = (range){l > RL_HTML_CONTEXT ? l - RL_HTML_CONTEXT : 1, l + RL_HTML_CONTEXT};
        }
    qsort(r, k, sizeof *r, by_first);
    size_t m = 0;
    for (size_t i = 0; i < k; i++) {
        if (m && r[i].first <= r[m - 1].last + 1) {
            if (r[i].last > r[m - 1].last)
                r[m - 1].last = r[i].last;
        } else {
            r[m++] = r[i];
        }
    }
    *n_out = m;
    return r;
}

typedef struct reader {
    rl_html_source *src;
    size_t cap;
    rl_sbuf cur; /* the current line's kept bytes */
    int cut;
    unsigned line;
    const range *r;
    size_t n_r, at;
    int oom;
} reader;

static int want_line(reader *rd)
{
    while (rd->at < rd->n_r && rd->r[rd->at].last < rd->line)
        rd->at++;
    return rd->at < rd->n_r && rd->r[rd->at].first <= rd->line;
}

static void keep_line(reader *rd)
{
    rl_html_source *s = rd->src;
    if (s->n == rd->cap) {
        size_t c = rd->cap ? rd->cap * 2 : 16;
        rl_html_line *more = rl_array_resize(s->lines, c, sizeof *more);
        if (!more) {
            rd->oom = 1;
            return;
        }
        s->lines = more;
        rd->cap = c;
    }
    size_t len = rd->cur.len;
    if (len && !rd->cut && rd->cur.data[len - 1] == '\r')
        len--;
    char *text = malloc(len + 1);
    if (!text || !rl_sbuf_ok(&rd->cur)) {
        free(text);
        rd->oom = 1;
        return;
    }
    memcpy(text, rd->cur.data ? rd->cur.data : "", len);
    text[len] = '\0';
    s->lines[s->n++] = (rl_html_line){rd->line, text, len, rd->cut};
}

/* Feed buf[0..n); 0 once every wanted line is kept (stop reading). */
static int feed(reader *rd, const char *buf, size_t n)
{
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(buf + i, '\n', n - i);
        size_t end = nl ? (size_t)(nl - buf) : n;
        if (want_line(rd)) {
            size_t room = LINE_CAP - rd->cur.len, take = end - i;
            rl_sbuf_add(&rd->cur, buf + i, take < room ? take : room);
            rd->cut |= take > room;
        }
        if (!nl)
            return 1;
        if (want_line(rd))
            keep_line(rd);
        rl_sbuf_clear(&rd->cur);
        rd->cut = 0;
        rd->line++;
        want_line(rd); /* moves past the ranges before this line */
        if (rd->oom || rd->at >= rd->n_r)
            return 0;
        i = end + 1;
    }
    return 1;
}

int rl_html_source_read(rl_html_source *src, const char *path, const rl_violation *const *vs,
                        size_t n)
{
    memset(src, 0, sizeof *src);
    size_t n_r = 0;
    range *r = wanted(vs, n, &n_r);
    if (!r)
        return -1;
    FILE *f = strcmp(path, "-") == 0 ? NULL : fopen(path, "rb");
    if (!f) {
        free(r);
        return 0;
    }
    reader rd = {src, 0, RL_SBUF_INIT, 0, 1, r, n_r, 0, 0};
    static const size_t chunk = 65536;
    char *buf = malloc(chunk);
    size_t got = 0;
    int more = buf != NULL;
    while (more && (got = fread(buf, 1, chunk, f)) > 0)
        more = feed(&rd, buf, got);
    if (more && !ferror(f) && (rd.cur.len || rd.cut) && want_line(&rd))
        keep_line(&rd); /* the last line, without a line break */
    src->ok = buf && !ferror(f) && !rd.oom;
    fclose(f);
    free(buf);
    free(r);
    rl_sbuf_free(&rd.cur);
    return buf && !rd.oom ? 0 : -1;
}

void rl_html_source_free(rl_html_source *src)
{
    for (size_t i = 0; i < src->n; i++)
        free(src->lines[i].text);
    free(src->lines);
    memset(src, 0, sizeof *src);
}

static const rl_html_line *find_line(const rl_html_source *src, unsigned no)
{
    size_t lo = 0, hi = src->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (src->lines[mid].no == no)
            return &src->lines[mid];
        if (src->lines[mid].no < no)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* ---- one line ---------------------------------------------------------- */

/* The byte offset of code point k of s[0..len) (len when past the end). */
static size_t offset_of(const char *s, size_t len, size_t k)
{
    size_t i = 0;
    for (; i < len && k; k--) {
        uint32_t cp;
        size_t n = rl_utf8_decode((const unsigned char *)s + i, len - i, &cp);
        i += n ? n : 1;
    }
    return i;
}

/* The end of the JSON token that starts at s[at] (at < len). */
static size_t token_end(const char *s, size_t len, size_t at)
{
    if (s[at] == '{' || s[at] == '[')
        return at + 1;
    if (s[at] == '"') {
        size_t i = at + 1;
        while (i < len && s[i] != '"')
            i += s[i] == '\\' ? 2 : 1;
        return i < len ? i + 1 : len;
    }
    size_t i = at;
    while (i < len && !strchr(",]} \t\r:", s[i]))
        i++;
    return i > at ? i : at + 1;
}

static void esc_part(rl_sbuf *b, const char *s, size_t from, size_t to)
{
    if (to <= from)
        return;
    rl_sbuf part = RL_SBUF_INIT;
    rl_sbuf_add(&part, s + from, to - from);
    rl_out_xml(b, rl_sbuf_str(&part), RL_XML_TEXT_QUOTES);
    if (!rl_sbuf_ok(&part))
        b->oom = 1;
    rl_sbuf_free(&part);
}

/* The shown window of a line: [*from, *to) bytes, at most WINDOW code
 * points, starting LEAD before column col (1-based; 0: from the start). */
static void window(const rl_html_line *l, unsigned col, size_t *from, size_t *to)
{
    size_t start = col > LEAD + 1 ? col - 1 - LEAD : 0;
    *from = offset_of(l->text, l->len, start);
    *to = *from + offset_of(l->text + *from, l->len - *from, WINDOW);
}

static void line_text(rl_sbuf *b, const rl_html_line *l, unsigned col, rl_lang lang)
{
    size_t from, to;
    window(l, col, &from, &to);
    size_t at = col ? offset_of(l->text, l->len, col - 1) : l->len;
    if (col && at >= l->len && l->cut) {
        rl_out_xml(b, rl_msg_text(RL_MSG_HTML_LONG_LINE, lang), 0);
        return;
    }
    if (from)
        rl_sbuf_adds(b, "\xE2\x80\xA6"); /* … */
    if (col && at < l->len) {
        size_t end = token_end(l->text, l->len, at);
        end = end < to ? end : to > at ? to : end;
        esc_part(b, l->text, from, at);
        rl_sbuf_adds(b, "<mark>");
        esc_part(b, l->text, at, end);
        rl_sbuf_adds(b, "</mark>");
        esc_part(b, l->text, end, to);
        to = to > end ? to : end;
    } else {
        esc_part(b, l->text, from, to);
    }
    if (to < l->len || l->cut)
        rl_sbuf_adds(b, "\xE2\x80\xA6");
}

void rl_html_source_excerpt(rl_sbuf *b, const rl_html_source *src, const rl_violation *v,
                            rl_lang lang)
{
    if (!v->line || !find_line(src, v->line))
        return;
    unsigned first = v->line > RL_HTML_CONTEXT ? v->line - RL_HTML_CONTEXT : 1;
    int width = snprintf(NULL, 0, "%u", v->line + RL_HTML_CONTEXT);
    width = width < 4 ? 4 : width;
    rl_sbuf_adds(b, "<pre class=\"src\">");
    for (unsigned no = first; no <= v->line + RL_HTML_CONTEXT; no++) {
        const rl_html_line *l = find_line(src, no);
        if (!l)
            continue;
        /* the number as text, so that five lines cost one element, not five */
        int here = no == v->line;
        rl_sbuf_printf(b, "%s%*u  ", here ? "<span class=\"hl\">" : "", width, no);
        line_text(b, l, here ? (v->column ? v->column : 1) : 0, lang);
        rl_sbuf_adds(b, here ? "</span>" : "\n");
    }
    rl_sbuf_adds(b, "</pre>\n");
}
