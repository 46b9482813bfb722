/* output_escape.c — making data safe for each output's syntax.
 *
 * Report data, rule messages and file names may hold anything: control
 * characters, terminal escapes, markup, bytes that are not UTF-8. One rule
 * for all formats: what must not reach a terminal or a markup parser is
 * shown as visible text — a byte that is a C0 control, DEL or not part of
 * valid UTF-8 as \xNN, a C1 control (NEL, U+0085, among them), the line
 * and paragraph separators U+2028/U+2029 (which end a line in editors,
 * JavaScript and some log viewers) or U+FFFE/U+FFFF as \uNNNN — and each
 * format then escapes its own syntax (XML entities, GitHub's %XX,
 * percent-encoded URIs). The escaped forms hold only ASCII letters, digits
 * and a backslash, so they are safe in every format. */
#include "output.h"
#include "utf8.h"

#include <string.h>

/* The next unit of s[0..len): a code point, or one bad byte (*cp = BAD). */
#define BAD 0xFFFFFFFFu

static size_t next_unit(const unsigned char *s, size_t len, uint32_t *cp)
{
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    size_t n = rl_utf8_decode(s, len, cp);
    if (n)
        return n;
    *cp = BAD;
    return 1;
}

int rl_out_unsafe(uint32_t cp)
{
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0xFFFE || cp == 0xFFFF || cp == BAD;
}

/* The visible form of an unsafe unit whose first byte is b. */
static void add_visible(rl_sbuf *out, uint32_t cp, unsigned char b)
{
    if (cp == BAD || cp < 0x80)
        rl_sbuf_printf(out, "\\x%02X", b);
    else
        rl_sbuf_printf(out, "\\u%04X", (unsigned)cp);
}

/* Walk s; for each unit, call emit unless it is unsafe (then its visible
 * form is written). emit returns 0 to copy the unit as it is. */
typedef int (*emit_fn)(rl_sbuf *out, uint32_t cp, int mode);

static void walk(rl_sbuf *out, const char *str, emit_fn emit, int mode)
{
    const unsigned char *s = (const unsigned char *)(str ? str : "");
    size_t len = strlen((const char *)s);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = next_unit(s + i, len - i, &cp);
        if (emit && emit(out, cp, mode)) {
            /* written by emit */
        } else if (rl_out_unsafe(cp)) {
            add_visible(out, cp, s[i]);
        } else {
            rl_sbuf_add(out, (const char *)s + i, n);
        }
        i += n;
    }
}

void rl_out_safe_text(rl_sbuf *out, const char *s)
{
    walk(out, s, NULL, 0);
}

/* XML and HTML: entities for markup; in attributes, whitespace that
 * attribute-value normalization would flatten is kept as references. */
static int emit_xml(rl_sbuf *out, uint32_t cp, int attr)
{
    switch (cp) {
    case '&': rl_sbuf_adds(out, "&amp;"); return 1;
    case '<': rl_sbuf_adds(out, "&lt;"); return 1;
    case '>': rl_sbuf_adds(out, "&gt;"); return 1;
    case '"':
        if (attr == RL_XML_TEXT_QUOTES)
            return 0;
        rl_sbuf_adds(out, "&quot;");
        return 1;
    case '\'':
        if (attr == RL_XML_TEXT_QUOTES)
            return 0;
        rl_sbuf_adds(out, "&#39;");
        return 1;
    case '\r': rl_sbuf_adds(out, "&#13;"); return 1;
    case '\t':
    case '\n':
        if (attr == 1)
            rl_sbuf_printf(out, "&#%u;", (unsigned)cp);
        else
            rl_sbuf_addc(out, (char)cp);
        return 1;
    default: return 0;
    }
}

void rl_out_xml(rl_sbuf *out, const char *s, int attr)
{
    walk(out, s, emit_xml, attr);
}

/* GitHub workflow commands: data escapes % CR LF; properties also : and ,. */
static int emit_github(rl_sbuf *out, uint32_t cp, int property)
{
    switch (cp) {
    case '%': rl_sbuf_adds(out, "%25"); return 1;
    case '\r': rl_sbuf_adds(out, "%0D"); return 1;
    case '\n': rl_sbuf_adds(out, "%0A"); return 1;
    case ':':
        if (!property)
            return 0;
        rl_sbuf_adds(out, "%3A");
        return 1;
    case ',':
        if (!property)
            return 0;
        rl_sbuf_adds(out, "%2C");
        return 1;
    default: return 0;
    }
}

void rl_out_github(rl_sbuf *out, const char *s, int property)
{
    walk(out, s, emit_github, property);
}

/* RFC 3986: every byte but the unreserved characters and '/' is
 * percent-encoded (so ':' cannot be read as a scheme, nor '?' or '#' end
 * the path). Bytes, not code points: UTF-8 is encoded byte by byte. */
void rl_out_uri_path(rl_sbuf *out, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        unsigned char c = *p;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            rl_sbuf_addc(out, (char)c);
        } else {
            char e[3] = {'%', hex[c >> 4], hex[c & 15]};
            rl_sbuf_add(out, e, 3);
        }
    }
}
