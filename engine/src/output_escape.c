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

/* Walk s; for each unit, ask escape for its replacement (NULL: the unit
 * as it is) unless it is unsafe (then its visible form is written). Units
 * copied as they are gather into one run, appended in one piece before
 * anything else is written: the same bytes as unit by unit, one append
 * instead of one per character. */
typedef const char *(*escape_fn)(uint32_t cp, int mode);

static void walk(rl_sbuf *out, const char *str, escape_fn escape, int mode)
{
    const unsigned char *s = (const unsigned char *)(str ? str : "");
    size_t len = strlen((const char *)s), run = 0; /* the run copied as is: s[run..i) */
    for (size_t i = 0; i < len;) {
        if (!escape && s[i] >= 0x20 && s[i] < 0x7F) {
            i++; /* printable ASCII: always safe */
            continue;
        }
        uint32_t cp;
        size_t n = next_unit(s + i, len - i, &cp);
        const char *rep = escape ? escape(cp, mode) : NULL;
        if (rep || rl_out_unsafe(cp)) {
            rl_sbuf_add(out, (const char *)s + run, i - run);
            if (rep)
                rl_sbuf_adds(out, rep);
            else
                add_visible(out, cp, s[i]);
            run = i + n;
        }
        i += n;
    }
    rl_sbuf_add(out, (const char *)s + run, len - run);
}

void rl_out_safe_text(rl_sbuf *out, const char *s)
{
    walk(out, s, NULL, 0);
}

/* XML and HTML: entities for markup; in attributes, whitespace that
 * attribute-value normalization would flatten is kept as references. */
static const char *escape_xml(uint32_t cp, int attr)
{
    switch (cp) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return attr == RL_XML_TEXT_QUOTES ? NULL : "&quot;";
    case '\'': return attr == RL_XML_TEXT_QUOTES ? NULL : "&#39;";
    case '\r': return "&#13;";
    case '\t': return attr == 1 ? "&#9;" : "\t";
    case '\n': return attr == 1 ? "&#10;" : "\n";
    default: return NULL;
    }
}

void rl_out_xml(rl_sbuf *out, const char *s, int attr)
{
    walk(out, s, escape_xml, attr);
}

/* GitHub workflow commands: data escapes % CR LF; properties also : and ,. */
static const char *escape_github(uint32_t cp, int property)
{
    switch (cp) {
    case '%': return "%25";
    case '\r': return "%0D";
    case '\n': return "%0A";
    case ':': return property ? "%3A" : NULL;
    case ',': return property ? "%2C" : NULL;
    default: return NULL;
    }
}

void rl_out_github(rl_sbuf *out, const char *s, int property)
{
    walk(out, s, escape_github, property);
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
