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
 * With -j N the file is read on a thread of its own while the violations
 * are formatted (they come in line order): an excerpt waits until the
 * reader is past its last line. Lines are never moved once kept (their
 * array is sized for every wanted line up front, their text is in an
 * arena), so the formatting threads read the kept lines[0..n) without a
 * lock once the reader has published n; n, upto, done and stop are under
 * the lock.
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
#include "arena.h"
#include "utf8.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINE_CAP 65536        /* bytes kept of a line */
#define WINDOW 160            /* code points shown of a long line */
#define LEAD 50               /* of them, before the highlighted column */
#define TEXT_CHUNK (1u << 20) /* the kept lines' text is allocated in chunks of this */
#define READ_CHUNK 65536      /* bytes read at a time */
#define READ_AHEAD_MIN 512    /* violations below which the caller reads it all first */

typedef struct range {
    unsigned first, last;
} range;

/* Where code point MARK * j of a kept line starts, for j < n_marks: so a
 * column is found from the mark before it, not from the line's start (a
 * long line with thousands of violations would cost its length each). */
#define MARK 256

typedef struct line {
    unsigned no; /* 1-based line number */
    char *text;  /* without the line break; at most LINE_CAP bytes */
    size_t len;
    int cut;         /* the line was longer than what is kept */
    uint32_t *marks; /* NULL: the line is ASCII, code point k is byte k */
    size_t n_marks;
} line;

struct rl_html_source {
    line *lines; /* ascending line numbers; room for every wanted line */
    size_t n;    /* lines kept and published */
    rl_arena *text;
    int ok; /* the file could be opened */
    FILE *f;
    range *r; /* the wanted lines */
    size_t n_r;
    pthread_mutex_t lock;
    pthread_cond_t more; /* the reader published lines, or is done */
    unsigned upto;       /* every line before this one is read */
    int done, stop, oom;
    int threaded;
    pthread_t tid;
};

static int by_first(const void *a, const void *b)
{
    const range *x = a, *y = b;
    return x->first < y->first ? -1 : x->first > y->first;
}

/* The wanted lines as sorted, merged ranges; *n their number, *lines how
 * many lines they cover. */
static range *wanted(const rl_violation *const *vs, size_t n, size_t *n_out, size_t *lines)
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
    *lines = 0;
    for (size_t i = 0; i < m; i++)
        *lines += (size_t)(r[i].last - r[i].first) + 1;
    *n_out = m;
    return r;
}

/* The reader's own state: lines are kept at src->lines[n], published to
 * the others in batches (publish). */
typedef struct reader {
    rl_html_source *src;
    size_t n;
    rl_sbuf cur; /* the current line's kept bytes */
    int cut;
    unsigned line;
    size_t at; /* the range of line, or the next one */
    int oom;
} reader;

static int want_line(reader *rd)
{
    const rl_html_source *s = rd->src;
    while (rd->at < s->n_r && s->r[rd->at].last < rd->line)
        rd->at++;
    return rd->at < s->n_r && s->r[rd->at].first <= rd->line;
}

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

/* Give a line that is not ASCII its marks (a pass over its bytes); 0 when
 * out of memory. */
static int index_line(rl_arena *a, line *l)
{
    size_t i = 0;
    while (i < l->len && !((unsigned char)l->text[i] & 0x80))
        i++;
    if (i == l->len)
        return 1;
    l->n_marks = l->len / MARK + 1; /* at most one mark per MARK bytes */
    if (!(l->marks = rl_arena_alloc(a, l->n_marks * sizeof *l->marks)))
        return 0;
    size_t n = 0;
    for (size_t at = 0; n < l->n_marks && (n == 0 || at < l->len); n++) {
        l->marks[n] = (uint32_t)at;
        at += offset_of(l->text + at, l->len - at, MARK);
    }
    l->n_marks = n;
    return 1;
}

/* The byte offset of code point k of a kept line (its length past the end). */
static size_t line_offset(const line *l, size_t k)
{
    if (!l->marks)
        return k < l->len ? k : l->len;
    size_t j = k / MARK < l->n_marks ? k / MARK : l->n_marks - 1;
    size_t from = l->marks[j];
    return from + offset_of(l->text + from, l->len - from, k - j * MARK);
}

static void keep_line(reader *rd)
{
    rl_html_source *s = rd->src;
    size_t len = rd->cur.len;
    if (len && !rd->cut && rd->cur.data[len - 1] == '\r')
        len--;
    char *text = rl_sbuf_ok(&rd->cur)
                     ? rl_arena_strndup(s->text, rd->cur.data ? rd->cur.data : "", len)
                     : NULL;
    if (!text) {
        rd->oom = 1;
        return;
    }
    s->lines[rd->n] = (line){rd->line, text, len, rd->cut, NULL, 0};
    if (!index_line(s->text, &s->lines[rd->n]))
        rd->oom = 1;
    rd->n++;
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
        if (rd->oom || rd->at >= rd->src->n_r)
            return 0;
        i = end + 1;
    }
    return 1;
}

/* Make the lines kept so far visible to excerpts; 0 when told to stop. */
static int publish(reader *rd, int done)
{
    rl_html_source *s = rd->src;
    pthread_mutex_lock(&s->lock);
    s->n = rd->n;
    s->upto = rd->line;
    s->done = done;
    s->oom = rd->oom;
    int go_on = !s->stop;
    pthread_cond_broadcast(&s->more);
    pthread_mutex_unlock(&s->lock);
    return go_on;
}

static void *read_all(void *arg)
{
    rl_html_source *s = arg;
    reader rd = {s, 0, RL_SBUF_INIT, 0, 1, 0, 0};
    char *buf = malloc(READ_CHUNK);
    size_t got = 0;
    int more = buf != NULL;
    rd.oom = !buf;
    while (more && (got = fread(buf, 1, READ_CHUNK, s->f)) > 0)
        more = feed(&rd, buf, got) && publish(&rd, 0);
    if (more && !ferror(s->f) && (rd.cur.len || rd.cut) && want_line(&rd))
        keep_line(&rd); /* the last line, without a line break */
    free(buf);
    rl_sbuf_free(&rd.cur);
    publish(&rd, 1);
    return NULL;
}

rl_html_source *rl_html_source_open(const char *path, const rl_violation *const *vs, size_t n,
                                    unsigned jobs)
{
    rl_html_source *s = calloc(1, sizeof *s);
    size_t lines = 0;
    if (!s)
        return NULL;
    pthread_mutex_init(&s->lock, NULL);
    pthread_cond_init(&s->more, NULL);
    s->done = 1;
    s->r = wanted(vs, n, &s->n_r, &lines);
    s->text = rl_arena_new(TEXT_CHUNK);
    s->lines = malloc((lines + 1) * sizeof *s->lines);
    if (!s->r || !s->text || !s->lines) {
        rl_html_source_free(s);
        return NULL;
    }
    s->f = strcmp(path, "-") == 0 ? NULL : fopen(path, "rb");
    s->ok = s->f != NULL;
    if (!s->f)
        return s;
    s->done = 0;
    s->threaded = jobs > 1 && n >= READ_AHEAD_MIN &&
                  pthread_create(&s->tid, NULL, read_all, s) == 0;
    if (!s->threaded)
        read_all(s);
    return s;
}

int rl_html_source_ok(const rl_html_source *src)
{
    return src->ok;
}

int rl_html_source_free(rl_html_source *src)
{
    if (!src)
        return 0;
    if (src->threaded) {
        pthread_mutex_lock(&src->lock);
        src->stop = 1;
        pthread_mutex_unlock(&src->lock);
        pthread_join(src->tid, NULL);
    }
    int rc = src->oom ? -1 : 0;
    if (src->f)
        fclose(src->f);
    pthread_mutex_destroy(&src->lock);
    pthread_cond_destroy(&src->more);
    rl_arena_free(src->text);
    free(src->lines);
    free(src->r);
    free(src);
    return rc;
}

/* The lines kept so far once every line up to last is read (or all). */
static size_t lines_upto(rl_html_source *src, unsigned last)
{
    pthread_mutex_lock(&src->lock);
    while (!src->done && src->upto <= last)
        pthread_cond_wait(&src->more, &src->lock);
    size_t n = src->n;
    pthread_mutex_unlock(&src->lock);
    return n;
}

static const line *find_line(const rl_html_source *src, size_t n, unsigned no)
{
    size_t lo = 0, hi = n;
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
static void window(const line *l, unsigned col, size_t *from, size_t *to)
{
    size_t start = col > LEAD + 1 ? col - 1 - LEAD : 0;
    *from = line_offset(l, start);
    *to = *from + offset_of(l->text + *from, l->len - *from, WINDOW);
}

static void line_text(rl_sbuf *b, const line *l, unsigned col, rl_lang lang)
{
    size_t from, to;
    window(l, col, &from, &to);
    size_t at = col ? line_offset(l, col - 1) : l->len;
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

void rl_html_source_excerpt(rl_sbuf *b, rl_html_source *src, const rl_violation *v, rl_lang lang)
{
    if (!v->line)
        return;
    size_t n = lines_upto(src, v->line + RL_HTML_CONTEXT);
    if (!find_line(src, n, v->line))
        return;
    unsigned first = v->line > RL_HTML_CONTEXT ? v->line - RL_HTML_CONTEXT : 1;
    int width = snprintf(NULL, 0, "%u", v->line + RL_HTML_CONTEXT);
    width = width < 4 ? 4 : width;
    rl_sbuf_adds(b, "<pre class=\"src\">");
    for (unsigned no = first; no <= v->line + RL_HTML_CONTEXT; no++) {
        const line *l = find_line(src, n, no);
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
