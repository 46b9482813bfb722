/* json.c — the strict JSON reader with positions (see json.h).
 *
 * An iterative parser over the private copy of the source: open arrays and
 * objects are frames on a heap stack, never C recursion, so any nesting up
 * to the limit is safe on any thread's stack. Children of arrays and
 * objects are gathered on two scratch stacks and copied into the arena
 * when the container closes, so each container costs one allocation. */
#include "json.h"
#include "array.h"
#include "deadline.h"
#include "error.h"
#include "utf8.h"

#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

_Static_assert(sizeof(rl_jmember) == 24 || sizeof(void *) != 8, "a member is 24 bytes");
_Static_assert(sizeof(rl_jnode) == 32 || sizeof(void *) != 8, "a node is 32 bytes");

typedef struct frame {
    rl_jnode *node; /* an open array or object */
    size_t base;    /* where its children start on the scratch stack */
} frame;

typedef struct parser {
    char *src;
    size_t len;
    size_t pos;
    rl_arena *arena;
    unsigned max_depth;
    size_t max_string;
    rl_deadline *deadline; /* NULL: none */
    rl_jnode **items;      /* scratch stack of array children */
    size_t nitems, citems;
    rl_jmember *members; /* scratch stack of object members */
    size_t nmembers, cmembers;
    frame *frames; /* the open containers, innermost last */
    size_t nframes, cframes;
    rl_jnode *slab;              /* nodes are carved from slabs: 32 bytes each, not */
    size_t slab_left, slab_size; /* the arena's 16-aligned 48 */
    rl_jnode *root;
    size_t containers; /* arrays and objects opened */
    int failed;
    size_t err_offset;
    char *err; /* ERR_SIZE bytes, written only on failure (not zeroed per parse) */
} parser;

#define ERR_SIZE 256

/* ---- errors ---------------------------------------------------------- */

static void fail(parser *p, size_t offset, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void fail(parser *p, size_t offset, const char *fmt, ...)
{
    if (p->failed)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->err, ERR_SIZE, fmt, ap);
    va_end(ap);
    p->failed = 1;
    p->err_offset = offset;
}

/* Describe the character at pos for a message: 'x', U+00E9 'é', or end. */
static void describe_char(const parser *p, size_t pos, char *out, size_t outsz)
{
    if (pos >= p->len) {
        snprintf(out, outsz, "end of input");
        return;
    }
    unsigned char c = (unsigned char)p->src[pos];
    uint32_t cp;
    size_t n;
    if (c >= 0x20 && c < 0x7F)
        snprintf(out, outsz, "'%c'", c);
    else if (c < 0x80)
        snprintf(out, outsz, "control character U+%04X", c);
    else if ((n = rl_utf8_decode((const unsigned char *)p->src + pos, p->len - pos, &cp)))
        snprintf(out, outsz, "'%.*s' (U+%04X)", (int)n, p->src + pos, (unsigned)cp);
    else
        snprintf(out, outsz, "invalid UTF-8 byte 0x%02X", c);
}

static void fail_unexpected(parser *p, const char *expected)
{
    char what[64];
    describe_char(p, p->pos, what, sizeof what);
    fail(p, p->pos, "unexpected %s, expected %s", what, expected);
}

/* ---- scratch stacks -------------------------------------------------- */

static int push_item(parser *p, rl_jnode *n)
{
    if (p->nitems == p->citems) {
        rl_jnode **q = rl_array_grow(p->items, &p->citems, p->nitems + 1, sizeof *q);
        if (!q)
            return 0;
        p->items = q;
    }
    p->items[p->nitems++] = n;
    return 1;
}

static rl_jmember *push_member(parser *p)
{
    if (p->nmembers == p->cmembers) {
        rl_jmember *q = rl_array_grow(p->members, &p->cmembers, p->nmembers + 1, sizeof *q);
        if (!q)
            return NULL;
        p->members = q;
    }
    return &p->members[p->nmembers++];
}

/* ---- lexical pieces -------------------------------------------------- */

static void skip_ws(parser *p)
{
    const char *s = p->src;
    size_t i = p->pos, n = p->len;
    while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t'))
        i++;
    p->pos = i;
}

/* Slabs double from 16 nodes (a small NDJSON record wastes little) to
 * 4096 (160 KiB, a fraction of a big document's arena chunk). */
#define SLAB_FIRST 16
#define SLAB_MAX 4096

static rl_jnode *new_node(parser *p, rl_jtype t, rl_jnode *parent, uint32_t index, size_t offset)
{
    if (!p->slab_left) {
        p->slab_size = p->slab_size ? p->slab_size * 2 : SLAB_FIRST;
        if (p->slab_size > SLAB_MAX)
            p->slab_size = SLAB_MAX;
        if (!(p->slab = rl_arena_alloc(p->arena, p->slab_size * sizeof *p->slab))) {
            fail(p, offset, "out of memory");
            return NULL;
        }
        p->slab_left = p->slab_size;
    }
    rl_jnode *n = p->slab++;
    p->slab_left--;
    *n = (rl_jnode){.type = t, .offset = offset, .index = index, .parent = parent};
    return n;
}

/* Decode a \u escape at s (pointing at the backslash); returns bytes used. */
static size_t unicode_escape(parser *p, size_t at, char *out, size_t *outn)
{
    uint32_t hi, lo;
    if (at + 6 > p->len || !rl_hex4(p->src + at + 2, &hi)) {
        fail(p, at, "invalid \\u escape: expected four hex digits");
        return 0;
    }
    if (hi >= 0xDC00 && hi <= 0xDFFF) {
        fail(p, at, "invalid \\u escape: lone low surrogate \\u%04X", (unsigned)hi);
        return 0;
    }
    if (hi < 0xD800 || hi > 0xDBFF) {
        *outn = rl_utf8_encode(hi, out);
        return 6;
    }
    if (at + 12 > p->len || p->src[at + 6] != '\\' || p->src[at + 7] != 'u' ||
        !rl_hex4(p->src + at + 8, &lo) || lo < 0xDC00 || lo > 0xDFFF) {
        fail(p, at, "invalid \\u escape: high surrogate \\u%04X without a low surrogate",
             (unsigned)hi);
        return 0;
    }
    *outn = rl_utf8_encode(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00), out);
    return 12;
}

static char simple_escape(char c)
{
    switch (c) {
    case '"': return '"';
    case '\\': return '\\';
    case '/': return '/';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    default: return 0;
    }
}

/* Decode an escaped string body src[start..end) into the arena. */
static const char *decode_escaped(parser *p, size_t start, size_t end, size_t *out_len)
{
    char *out = rl_arena_alloc(p->arena, end - start + 1);
    if (!out) {
        fail(p, start, "out of memory");
        return NULL;
    }
    size_t o = 0, i = start;
    while (i < end) {
        char c = p->src[i];
        if (c != '\\') {
            out[o++] = c;
            i++;
            continue;
        }
        char e = simple_escape(p->src[i + 1]);
        if (e) {
            out[o++] = e;
            i += 2;
        } else if (p->src[i + 1] == 'u') {
            size_t n = 0, used = unicode_escape(p, i, out + o, &n);
            if (!used)
                return NULL;
            o += n;
            i += used;
        } else {
            char what[64];
            describe_char(p, i + 1, what, sizeof what);
            fail(p, i, "invalid escape '\\' followed by %s", what);
            return NULL;
        }
    }
    out[o] = '\0';
    *out_len = o;
    return out;
}

/* Bytes a string's body cannot simply skip: the quote, the backslash,
 * control characters (the NUL after the text included: src is
 * NUL-terminated, so the fast loop needs no bounds check) and UTF-8 lead
 * or continuation bytes (validated one sequence at a time). */
/* clang-format off */
static const unsigned char string_stop[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};
/* clang-format on */

/* Bytes in a valid two- or three-byte UTF-8 sequence at s (U+0080 to
 * U+FFFF but not a surrogate: Vietnamese, Cyrillic), else 0 for
 * rl_utf8_decode to judge. Never reads past a byte that is not a
 * continuation byte, so never past the text's terminating NUL. */
static size_t utf8_common(const unsigned char *s)
{
    if (s[0] >= 0xC2 && s[0] <= 0xDF && (s[1] & 0xC0) == 0x80)
        return 2;
    if (s[0] >= 0xE1 && s[0] <= 0xEF && s[0] != 0xED && (s[1] & 0xC0) == 0x80 &&
        (s[2] & 0xC0) == 0x80)
        return 3;
    return 0;
}

/* The first byte at or after i that string_stop marks. src holds len + 1
 * bytes (the NUL after the text stops every scan); with SSE2, 16 bytes are
 * tested at a time while all 16 lie within them: a signed compare below
 * 0x20 finds control characters and every byte from 0x80 at once. */
static size_t skip_plain(const unsigned char *s, size_t i, size_t len)
{
#if defined(__SSE2__) && defined(__GNUC__)
    const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'),
                  space = _mm_set1_epi8(0x20);
    while (i + 16 <= len + 1) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i stop =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, bslash)),
                         _mm_cmplt_epi8(x, space));
        unsigned m = (unsigned)_mm_movemask_epi8(stop);
        if (m)
            return i + (size_t)__builtin_ctz(m);
        i += 16;
    }
#endif
    while (!string_stop[s[i]])
        i++;
    return i;
}

/* The byte at i of a string body is special (string_stop): step past it,
 * or fail. Returns the next index, 0 at the closing quote (never at 0: the
 * opening quote comes first), SIZE_MAX on failure. */
static size_t string_special(parser *p, size_t i, int *escaped)
{
    const unsigned char *s = (const unsigned char *)p->src;
    unsigned char c = s[i];
    if (c == '"')
        return 0;
    if (c == '\\') {
        *escaped = 1;
        if (i + 1 < p->len)
            return i + 2;
    } else if (c >= 0x80) {
        size_t n = utf8_common(s + i);
        uint32_t cp;
        if (!n)
            n = rl_utf8_decode(s + i, p->len - i, &cp);
        if (n)
            return i + n;
        fail(p, i, "invalid UTF-8 byte 0x%02X in a string", c);
        return SIZE_MAX;
    } else if (i < p->len) {
        fail(p, i, "control character U+%04X in a string must be escaped", c);
        return SIZE_MAX;
    }
    fail(p, p->pos, "unterminated string");
    return SIZE_MAX;
}

/* Scan a string starting at the opening quote at p->pos. The body must be
 * valid UTF-8 without raw control characters. */
static const char *scan_string(parser *p, size_t *out_len)
{
    size_t start = p->pos + 1, i = start;
    const unsigned char *s = (const unsigned char *)p->src;
    int escaped = 0;
    for (;;) {
        i = skip_plain(s, i, p->len);
        size_t next = string_special(p, i, &escaped);
        if (next == 0)
            break;
        if (next == SIZE_MAX)
            return NULL;
        i = next;
    }
    if (p->max_string && i - start > p->max_string) {
        fail(p, p->pos, "string longer than %zu bytes (the limit)", p->max_string);
        return NULL;
    }
    p->pos = i + 1;
    if (escaped)
        return decode_escaped(p, start, i, out_len);
    p->src[i] = '\0'; /* in place: the closing quote becomes the terminator */
    *out_len = i - start;
    return p->src + start;
}

/* ---- numbers --------------------------------------------------------- */

static const double pow10_exact[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                     1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                     1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

double rl_json_strtod(const char *s, size_t len)
{
    char local[64];
    char *buf = len < sizeof local ? local : malloc(len + 1);
    if (!buf)
        return NAN;
    memcpy(buf, s, len);
    buf[len] = '\0';
    /* strtod follows LC_NUMERIC; put the locale's decimal point in */
    const char *dp = localeconv()->decimal_point;
    if (dp && dp[0] && dp[0] != '.' && !dp[1]) {
        for (size_t i = 0; i < len; i++)
            if (buf[i] == '.')
                buf[i] = dp[0];
    }
    double d = strtod(buf, NULL);
    if (buf != local)
        free(buf);
    return d;
}

static int digit(char c)
{
    return c >= '0' && c <= '9';
}

typedef struct numparts {
    int neg;
    uint64_t mant; /* first 19 significant digits */
    int mant_digits;
    int dropped; /* digits beyond those 19 */
    int frac;    /* digits after the point */
    long exp;    /* written exponent, clamped */
    int has_frac, has_exp;
} numparts;

static void scan_digits(parser *p, numparts *np, int is_frac)
{
    const char *s = p->src;
    while (p->pos < p->len && digit(s[p->pos])) {
        int d = s[p->pos] - '0';
        if (np->mant_digits < 19) {
            np->mant = np->mant * 10 + (uint64_t)d;
            if (np->mant) /* leading zeros are not significant */
                np->mant_digits++;
        } else {
            np->dropped++;
        }
        if (is_frac)
            np->frac++;
        p->pos++;
    }
}

static int scan_exponent(parser *p, numparts *np)
{
    const char *s = p->src;
    int eneg = 0;
    p->pos++;
    if (p->pos < p->len && (s[p->pos] == '+' || s[p->pos] == '-'))
        eneg = s[p->pos++] == '-';
    if (p->pos >= p->len || !digit(s[p->pos])) {
        fail_unexpected(p, "a digit in the exponent");
        return 0;
    }
    long e = 0;
    while (p->pos < p->len && digit(s[p->pos])) {
        if (e < 100000)
            e = e * 10 + (s[p->pos] - '0');
        p->pos++;
    }
    np->exp = eneg ? -e : e;
    np->has_exp = 1;
    return 1;
}

static int exact_int(const char *s, size_t len, int64_t *out)
{
    size_t i = 0;
    int neg = s[0] == '-';
    if (neg)
        i++;
    int64_t v = 0; /* accumulated negatively: INT64_MIN fits */
    for (; i < len; i++) {
        int d = s[i] - '0';
        if (v < (INT64_MIN + d) / 10)
            return 0;
        v = v * 10 - d;
    }
    if (!neg) {
        if (v == INT64_MIN)
            return 0;
        v = -v;
    }
    *out = v;
    return 1;
}

static double number_value(const char *text, size_t len, const numparts *np)
{
    long e10 = (np->has_exp ? np->exp : 0) - np->frac + np->dropped;
    if (np->mant <= (1ULL << 53) && e10 >= -22 && e10 <= 22) {
        double d = (double)np->mant;
        d = e10 < 0 ? d / pow10_exact[-e10] : d * pow10_exact[e10];
        return np->neg ? -d : d;
    }
    return rl_json_strtod(text, len);
}

static int16_t clamp16(long v)
{
    return (int16_t)(v > INT16_MAX ? INT16_MAX : v < INT16_MIN ? INT16_MIN : v);
}

static rl_jnode *parse_number(parser *p, rl_jnode *parent, uint32_t index)
{
    size_t start = p->pos;
    const char *s = p->src;
    numparts np = {0};
    if (s[p->pos] == '-') {
        np.neg = 1;
        p->pos++;
    }
    if (p->pos >= p->len || !digit(s[p->pos])) {
        fail_unexpected(p, "a digit");
        return NULL;
    }
    if (s[p->pos] == '0' && p->pos + 1 < p->len && digit(s[p->pos + 1])) {
        fail(p, p->pos, "numbers may not have leading zeros");
        return NULL;
    }
    scan_digits(p, &np, 0);
    size_t int_end = p->pos;
    if (p->pos < p->len && s[p->pos] == '.') {
        p->pos++;
        if (p->pos >= p->len || !digit(s[p->pos])) {
            fail_unexpected(p, "a digit after the decimal point");
            return NULL;
        }
        np.has_frac = 1;
        scan_digits(p, &np, 1);
    }
    if (p->pos < p->len && (s[p->pos] == 'e' || s[p->pos] == 'E') && !scan_exponent(p, &np))
        return NULL;
    rl_jnode *n = new_node(p, RL_JNUMBER, parent, index, start);
    if (!n)
        return NULL;
    n->decimals = (uint16_t)clamp16((long)np.frac - np.exp);
    if (!np.has_frac && !np.has_exp) {
        if (exact_int(s + start, int_end - start, &n->u.i)) {
            n->flags = RL_JNUM_INT;
            return n;
        }
        n->flags = RL_JNUM_BIGINT;
    }
    n->u.d = number_value(s + start, p->pos - start, &np);
    if (!isfinite(n->u.d)) {
        /* a value no double holds would otherwise become ±infinity */
        fail(p, start, "number %.*s is out of range (beyond ±1.8e308)",
             (int)(p->pos - start > 40 ? 40 : p->pos - start), s + start);
        return NULL;
    }
    return n;
}

/* ---- containers ------------------------------------------------------ */

/* The parser keeps no C recursion: every open array or object is a frame
 * on a heap stack, so the nesting limit bounds memory, not the C stack. */

static frame *push_frame(parser *p, rl_jnode *node)
{
    if (p->nframes == p->cframes) {
        frame *q = rl_array_grow(p->frames, &p->cframes, p->nframes + 1, sizeof *q);
        if (!q)
            return NULL;
        p->frames = q;
    }
    frame *f = &p->frames[p->nframes++];
    f->node = node;
    f->base = node->type == RL_JARRAY ? p->nitems : p->nmembers;
    return f;
}

/* Open a container at p->pos ('[' or '{'): its node, a frame, past the bracket.
 */
static rl_jnode *open_container(parser *p, rl_jtype t, rl_jnode *parent, uint32_t index)
{
    rl_jnode *n = new_node(p, t, parent, index, p->pos);
    if (!n)
        return NULL;
    if (p->nframes >= p->max_depth) {
        fail(p, p->pos, "nesting deeper than %u levels (the limit)", p->max_depth);
        return NULL;
    }
    if (!push_frame(p, n)) {
        fail(p, p->pos, "out of memory");
        return NULL;
    }
    p->containers++;
    p->pos++;
    return n;
}

/* Attach a finished value to the open container (as its next item, or as
 * the value of the member begun last), or make it the root. */
static int attach(parser *p, rl_jnode *v)
{
    if (!p->nframes) {
        p->root = v;
        return 1;
    }
    if (p->frames[p->nframes - 1].node->type == RL_JOBJECT) {
        p->members[p->nmembers - 1].value = v;
        return 1;
    }
    if (!push_item(p, v)) {
        fail(p, p->pos, "out of memory");
        return 0;
    }
    return 1;
}

/* Close the innermost container (its closing bracket consumed): copy its
 * children from the scratch stack into the arena and attach it. */
static int close_container(parser *p)
{
    frame f = p->frames[--p->nframes];
    rl_jnode *c = f.node;
    int arr = c->type == RL_JARRAY;
    size_t n = (arr ? p->nitems : p->nmembers) - f.base;
    size_t size = arr ? sizeof(rl_jnode *) : sizeof(rl_jmember);
    void *kids = NULL;
    if (n >= RL_JSON_MAX_CHILDREN) {
        fail(p, c->offset, "%s of %zu or more %s (the limit)", arr ? "array" : "object",
             RL_JSON_MAX_CHILDREN, arr ? "items" : "members");
        return 0;
    }
    c->n = (uint32_t)n;
    if (n && !(kids = rl_arena_alloc(p->arena, n * size))) {
        fail(p, p->pos, "out of memory");
        return 0;
    }
    if (arr) {
        if (n)
            memcpy(kids, p->items + f.base, n * size);
        c->u.items = kids;
        p->nitems = f.base;
    } else {
        if (n)
            memcpy(kids, p->members + f.base, n * size);
        c->u.members = kids;
        p->nmembers = f.base;
    }
    return attach(p, c);
}

/* Fill a member, its value still to come. Where the ABI lays bit-fields
 * out from the low bit (System V, little-endian), the name's length and
 * offset are stored as one word: two bit-field stores into one word make
 * the second wait for the first (a store-forwarding stall, ~4% of a parse). */
static void set_member(rl_jmember *m, const char *key, size_t key_len, size_t key_offset)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ &&   \
    defined(__x86_64__)
    uint64_t word = (uint64_t)key_len | (uint64_t)key_offset << 24;
    m->key = key;
    memcpy((char *)m + offsetof(rl_jmember, value) - sizeof word, &word, sizeof word);
#else
    m->key = key;
    m->key_len = key_len;
    m->key_offset = key_offset;
#endif
    m->value = NULL;
}

/* A member name and its ':' (p->pos at the name): the member is pushed
 * with its value still to come. */
static int begin_member(parser *p)
{
    if (p->pos >= p->len || p->src[p->pos] != '"') {
        fail_unexpected(p, "a member name in double quotes");
        return 0;
    }
    size_t key_offset = p->pos, key_len = 0;
    const char *key = scan_string(p, &key_len);
    if (!key)
        return 0;
    if (key_len > RL_JSON_MAX_KEY) {
        fail(p, key_offset, "member name longer than %zu bytes (the limit)", RL_JSON_MAX_KEY);
        return 0;
    }
    skip_ws(p);
    if (p->pos >= p->len || p->src[p->pos] != ':') {
        fail_unexpected(p, "':' after a member name");
        return 0;
    }
    p->pos++;
    rl_jmember *m = push_member(p);
    if (!m) {
        fail(p, p->pos, "out of memory");
        return 0;
    }
    set_member(m, key, key_len, key_offset);
    return 1;
}

static rl_jnode *parse_literal(parser *p, rl_jnode *parent, uint32_t index, const char *word,
                               rl_jtype t)
{
    size_t n = strlen(word);
    if (p->len - p->pos < n || memcmp(p->src + p->pos, word, n) != 0) {
        fail_unexpected(p, "a JSON value");
        return NULL;
    }
    rl_jnode *node = new_node(p, t, parent, index, p->pos);
    p->pos += n;
    return node;
}

/* Read a scalar, or open a container, at p->pos, as the next child of the
 * innermost open container (or as the root). */
static rl_jnode *begin_value(parser *p)
{
    skip_ws(p);
    if (p->pos >= p->len) {
        fail(p, p->pos, "unexpected end of input, expected a JSON value");
        return NULL;
    }
    rl_jnode *parent = NULL;
    uint32_t index = 0;
    if (p->nframes) {
        const frame *f = &p->frames[p->nframes - 1];
        parent = f->node;
        index = (uint32_t)(parent->type == RL_JARRAY ? p->nitems - f->base
                                                     : p->nmembers - 1 - f->base);
    }
    char c = p->src[p->pos];
    switch (c) {
    case '{': return open_container(p, RL_JOBJECT, parent, index);
    case '[': return open_container(p, RL_JARRAY, parent, index);
    case 't': return parse_literal(p, parent, index, "true", RL_JTRUE);
    case 'f': return parse_literal(p, parent, index, "false", RL_JFALSE);
    case 'n': return parse_literal(p, parent, index, "null", RL_JNULL);
    case '"': {
        rl_jnode *n = new_node(p, RL_JSTRING, parent, index, p->pos);
        size_t len = 0;
        if (!n || !(n->u.s = scan_string(p, &len)))
            return NULL;
        if (len >= RL_JSON_MAX_STRING) {
            fail(p, n->offset, "string longer than %zu bytes (the limit)", RL_JSON_MAX_STRING - 1);
            return NULL;
        }
        n->n = (uint32_t)len;
        return n;
    }
    default:
        if (c == '-' || digit(c))
            return parse_number(p, parent, index);
        fail_unexpected(p, "a JSON value");
        return NULL;
    }
}

/* Just after a container's opening bracket: close it at once when empty,
 * else begin its first member. 1 when a value is to be read next. */
static int after_open(parser *p, rl_jnode *c)
{
    skip_ws(p);
    char close = c->type == RL_JARRAY ? ']' : '}';
    if (p->pos < p->len && p->src[p->pos] == close) {
        p->pos++;
        return close_container(p) ? 0 : -1;
    }
    if (c->type == RL_JOBJECT && !begin_member(p))
        return -1;
    return 1;
}

/* After a value inside the innermost container: ',' and the next one, or
 * the closing bracket. 1 when a value is to be read next. */
static int after_value(parser *p)
{
    rl_jnode *c = p->frames[p->nframes - 1].node;
    int arr = c->type == RL_JARRAY;
    skip_ws(p);
    char ch = p->pos < p->len ? p->src[p->pos] : '\0';
    if (ch == ',') {
        p->pos++;
        skip_ws(p);
        return arr || begin_member(p) ? 1 : -1;
    }
    if (ch == (arr ? ']' : '}') && p->pos < p->len) {
        p->pos++;
        return close_container(p) ? 0 : -1;
    }
    fail_unexpected(p, arr ? "',' or ']' after an array element"
                           : "',' or '}' after an object member");
    return -1;
}

/* The whole value at p->pos, into p->root: a loop over an explicit stack. */
static void parse_tree(parser *p)
{
    int want = 1; /* 1: a value comes next; 0: a value just ended */
    while (!p->failed) {
        if (rl_deadline_hit(p->deadline)) { /* each value is bounded (max_string) */
            fail(p, p->pos, "out of time (--timeout)");
            return;
        }
        if (want) {
            rl_jnode *v = begin_value(p);
            if (!v)
                return;
            if (v->type == RL_JARRAY || v->type == RL_JOBJECT)
                want = after_open(p, v);
            else
                want = attach(p, v) ? 0 : -1;
        } else if (!p->nframes) {
            return;
        } else {
            want = after_value(p);
        }
        if (want < 0)
            return;
    }
}

/* ---- documents ------------------------------------------------------- */

/* Where parsing stopped, from the text before it alone: a document that
 * failed is not indexed whole (it may have stopped early, out of time). */
static void report_failure(rl_jdoc *doc, parser *p, rl_error *err)
{
    const char *s = doc->src + doc->start, *end = doc->src + p->err_offset, *q;
    unsigned line = 1;
    if (end < s)
        end = s;
    while ((q = memchr(s, '\n', (size_t)(end - s))) != NULL) {
        line++;
        s = q + 1;
    }
    rl_error_set(err, line, (unsigned)rl_utf8_count(s, (size_t)(end - s)) + 1, "%s", p->err);
}

/* Parse doc->src[0..doc->len) into doc->arena; 0, or -1 with err set. */
static int parse_doc(rl_jdoc *doc, const rl_json_limits *lim, rl_error *err)
{
    char *src = doc->src;
    size_t len = doc->len;
    src[len] = '\0';
    char errbuf[ERR_SIZE];
    parser p = {0};
    p.err = errbuf;
    p.src = src;
    p.len = len;
    p.arena = doc->arena;
    p.max_depth = lim && lim->max_depth ? lim->max_depth : RL_JSON_DEFAULT_MAX_DEPTH;
    if (p.max_depth > RL_MAX_DEPTH_LIMIT)
        p.max_depth = RL_MAX_DEPTH_LIMIT;
    p.max_string = lim ? lim->max_string : 0;
    p.deadline = lim ? lim->deadline : NULL;
    rl_deadline_charge(p.deadline, len);        /* the text the document holds */
    rl_arena_set_meter(doc->arena, p.deadline); /* and its tree, as it grows */
    p.items = doc->items;
    p.citems = doc->citems;
    p.members = doc->members;
    p.cmembers = doc->cmembers;
    p.frames = doc->frames;
    p.cframes = doc->cframes;
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0)
        p.pos = doc->start = 3;
    skip_ws(&p);
    if (len > RL_JSON_MAX_DOC)
        fail(&p, 0, "document larger than %zu bytes (the limit)", RL_JSON_MAX_DOC);
    else if (p.pos >= len)
        fail(&p, p.pos, "empty document: expected a JSON value");
    else
        parse_tree(&p);
    rl_arena_set_meter(doc->arena, NULL); /* the tree stays charged: it lives on */
    doc->root = p.root;
    doc->containers = p.containers;
    if (!p.failed) {
        skip_ws(&p);
        if (p.pos < len)
            fail_unexpected(&p, "end of input after the JSON value");
    }
    doc->items = p.items;
    doc->citems = p.citems;
    doc->members = p.members;
    doc->cmembers = p.cmembers;
    doc->frames = p.frames;
    doc->cframes = p.cframes;
    if (p.failed) {
        report_failure(doc, &p, err);
        doc->root = NULL;
        return -1;
    }
    return 0;
}

/* A document without text, its arena's chunks sized for about len bytes. */
static rl_jdoc *doc_new(size_t len)
{
    rl_jdoc *doc = calloc(1, sizeof *doc);
    rl_arena *arena = rl_arena_new(len < 4096 ? 4096 : len < (1u << 20) ? len * 2 : (1u << 20));
    if (!doc || !arena) {
        free(doc);
        rl_arena_free(arena);
        return NULL;
    }
    doc->arena = arena;
    return doc;
}

rl_jdoc *rl_jdoc_new(size_t len)
{
    rl_jdoc *doc = doc_new(len);
    char *src = doc ? malloc(len + 1) : NULL;
    if (!src) {
        rl_jdoc_free(doc);
        return NULL;
    }
    src[0] = '\0';
    doc->src = src;
    doc->cap = len;
    return doc;
}

rl_jdoc *rl_json_parse_owned(char *src, size_t len, const rl_json_limits *lim, rl_error *err)
{
    rl_jdoc *doc = doc_new(len);
    if (!doc) {
        free(src);
        rl_error_set(err, 0, 0, "out of memory");
        return NULL;
    }
    doc->src = src;
    doc->len = doc->cap = len;
    if (parse_doc(doc, lim, err) != 0) {
        rl_jdoc_free(doc);
        return NULL;
    }
    return doc;
}

int rl_jdoc_reparse(rl_jdoc *doc, const char *src, size_t len, const rl_json_limits *lim,
                    rl_error *err)
{
    if (len > doc->cap) {
        char *more = realloc(doc->src, len + 1);
        if (!more) {
            rl_error_set(err, 0, 0, "out of memory reading %zu bytes", len);
            return -1;
        }
        doc->src = more;
        doc->cap = len;
    }
    memcpy(doc->src, src, len);
    doc->len = len;
    doc->start = 0;
    doc->root = NULL;
    doc->line_base = 0;
    doc->indexed = 0;
    rl_arena_reset(doc->arena);
    return parse_doc(doc, lim, err);
}

rl_jdoc *rl_json_parse(const char *src, size_t len, const rl_json_limits *lim, rl_error *err)
{
    char *copy = malloc(len + 1);
    if (!copy) {
        rl_error_set(err, 0, 0, "out of memory reading %zu bytes", len);
        return NULL;
    }
    if (len)
        memcpy(copy, src, len);
    return rl_json_parse_owned(copy, len, lim, err);
}

void rl_jdoc_free(rl_jdoc *doc)
{
    if (!doc)
        return;
    rl_arena_free(doc->arena);
    free(doc->src);
    free(doc->blocks);
    free(doc->items);
    free(doc->members);
    free(doc->frames);
    free(doc);
}

/* Checkpoints every RL_JSON_CP_STEP bytes: a line and column are then a
 * few bounded counts, however long the line (a minified report is one
 * line) and however many lines (a pretty-printed one has one per value). */
#define RL_JSON_CP_SHIFT 12
#define RL_JSON_CP_STEP ((size_t)1 << RL_JSON_CP_SHIFT)

typedef struct rl_jblock {
    size_t newlines;   /* '\n' in src before the block */
    size_t cps;        /* code points in src before the block */
    size_t line_start; /* offset where the line holding the block's first byte
                        starts */
} rl_jblock;

static int build_blocks(rl_jdoc *doc)
{
    size_t n = (doc->len >> RL_JSON_CP_SHIFT) + 1;
    if (n > doc->cblocks) {
        rl_jblock *more = rl_array_resize(doc->blocks, n, sizeof *more);
        if (!more)
            return 0;
        doc->blocks = more;
        doc->cblocks = n;
    }
    rl_jblock at = {0, 0, 0};
    for (size_t k = 0; k < n; k++) {
        doc->blocks[k] = at;
        size_t from = k << RL_JSON_CP_SHIFT;
        size_t len = doc->len - from < RL_JSON_CP_STEP ? doc->len - from : RL_JSON_CP_STEP;
        const char *s = doc->src + from, *end = s + len, *q;
        at.cps += rl_utf8_count(s, len);
        while ((q = memchr(s, '\n', (size_t)(end - s))) != NULL) {
            at.newlines++;
            at.line_start = (size_t)(q - doc->src) + 1;
            s = q + 1;
        }
    }
    doc->indexed = 1;
    return 1;
}

/* Code points in src[0..offset). */
static size_t code_points_before(const rl_jdoc *doc, size_t offset)
{
    size_t k = offset >> RL_JSON_CP_SHIFT, from = k << RL_JSON_CP_SHIFT;
    return doc->blocks[k].cps + rl_utf8_count(doc->src + from, offset - from);
}

void rl_jdoc_locate(rl_jdoc *doc, size_t offset, unsigned *line, unsigned *column)
{
    *line = *column = 0;
    if (offset > doc->len)
        offset = doc->len;
    if (!doc->indexed && doc->len <= RL_JSON_CP_STEP && offset >= doc->start &&
        !memchr(doc->src, '\n', offset)) {
        /* a small document's first line (an NDJSON record, say): no index
     * needed (a big one is indexed once, not scanned per place) */
        *line = 1 + doc->line_base;
        *column = (unsigned)rl_utf8_count(doc->src + doc->start, offset - doc->start) + 1;
        return;
    }
    if (!doc->indexed && !build_blocks(doc))
        return;
    const rl_jblock *b = &doc->blocks[offset >> RL_JSON_CP_SHIFT];
    size_t from = b->line_start, lines = b->newlines;
    const char *s = doc->src + (offset & ~(RL_JSON_CP_STEP - 1)), *end = doc->src + offset, *q;
    while ((q = memchr(s, '\n', (size_t)(end - s))) != NULL) {
        lines++;
        from = (size_t)(q - doc->src) + 1;
        s = q + 1;
    }
    if (lines == 0 && from < doc->start)
        from = doc->start;
    if (offset < from)
        offset = from;
    *line = (unsigned)(lines + 1) + doc->line_base;
    if (from >> RL_JSON_CP_SHIFT == offset >> RL_JSON_CP_SHIFT) /* the line starts in this block */
        *column = (unsigned)rl_utf8_count(doc->src + from, offset - from) + 1;
    else /* a long line: checkpoints, never a count from the line's start */
        *column = (unsigned)(code_points_before(doc, offset) - code_points_before(doc, from) + 1);
}
