/* json_write.c — serializing JSON: strings, doubles, whole trees.
 *
 * Output is compact and deterministic. Strings are escaped so that the
 * result is valid JSON and safe in a terminal: control characters (C0 and
 * C1), U+2028/U+2029 and DEL are written as \u escapes, and a byte that is
 * not valid UTF-8 (a file name can hold one) as \ufffd. */
#include "json.h"
#include "utf8.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* What a string byte at s[i] needs: 0 nothing, 1 an escape of the byte,
 * 2 a \u escape of a C1 control or U+2028/U+2029 (its UTF-8 spans *n
 * bytes), 3 U+FFFD for a byte that is not valid UTF-8. */
static int needs_escape(const unsigned char *s, size_t len, size_t i, size_t *n, uint32_t *cp)
{
    unsigned char c = s[i];
    *n = 1;
    if (c < 0x20 || c == '"' || c == '\\' || c == 0x7F)
        return 1;
    if (c < 0x80)
        return 0;
    *n = rl_utf8_decode(s + i, len - i, cp);
    if (*n == 0) {
        *n = 1;
        return 3;
    }
    return (*cp >= 0x80 && *cp <= 0x9F) || *cp == 0x2028 || *cp == 0x2029 ? 2 : 0;
}

void rl_json_write_string(rl_sbuf *out, const char *str, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *s = (const unsigned char *)str;
    rl_sbuf_addc(out, '"');
    size_t run = 0; /* start of the pending unescaped run */
    for (size_t i = 0; i < len;) {
        while (i < len && s[i] >= 0x20 && s[i] < 0x7F && s[i] != '"' && s[i] != '\\')
            i++; /* the common case, plain ASCII, needs nothing */
        if (i == len)
            break;
        size_t n;
        uint32_t cp = 0;
        int kind = needs_escape(s, len, i, &n, &cp);
        if (kind == 0) {
            i += n;
            continue;
        }
        rl_sbuf_add(out, str + run, i - run);
        unsigned char c = s[i];
        if (kind == 3) {
            rl_sbuf_add(out, "\\ufffd", 6);
        } else if (kind == 2) {
            char e[6] = {'\\',        'u', hex[cp >> 12], hex[(cp >> 8) & 15], hex[(cp >> 4) & 15],
                         hex[cp & 15]};
            rl_sbuf_add(out, e, 6);
        } else {
            switch (c) {
            case '"': rl_sbuf_add(out, "\\\"", 2); break;
            case '\\': rl_sbuf_add(out, "\\\\", 2); break;
            case '\n': rl_sbuf_add(out, "\\n", 2); break;
            case '\r': rl_sbuf_add(out, "\\r", 2); break;
            case '\t': rl_sbuf_add(out, "\\t", 2); break;
            case '\b': rl_sbuf_add(out, "\\b", 2); break;
            case '\f': rl_sbuf_add(out, "\\f", 2); break;
            default: {
                char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                rl_sbuf_add(out, e, 6);
            }
            }
        }
        i += n;
        run = i;
    }
    rl_sbuf_add(out, str + run, len - run);
    rl_sbuf_addc(out, '"');
}

void rl_json_write_double(rl_sbuf *out, double d)
{
    if (!isfinite(d)) {
        rl_sbuf_add(out, "null", 4);
        return;
    }
    if (d == trunc(d) && fabs(d) < 1e17) {
        rl_sbuf_printf(out, "%.0f", d);
        return;
    }
    char buf[40];
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*g", prec, d);
        if (rl_json_strtod(buf, strlen(buf)) == d)
            break;
    }
    /* %g may use the C locale's decimal comma; JSON needs a point */
    for (char *c = buf; *c; c++)
        if (*c == ',')
            *c = '.';
    rl_sbuf_adds(out, buf);
}

const char *rl_json_number_text(const rl_jdoc *doc, const rl_jnode *num, size_t *len)
{
    const char *s = doc->src + rl_jn_offset(num);
    size_t n = 0;
    while (rl_jn_offset(num) + n < doc->len && strchr("+-0123456789.eE", s[n]) && s[n])
        n++;
    *len = n;
    return s;
}

static void write_scalar(rl_sbuf *out, const rl_jdoc *doc, const rl_jnode *node)
{
    switch (rl_jn_type(node)) {
    case RL_JNULL: rl_sbuf_add(out, "null", 4); break;
    case RL_JTRUE: rl_sbuf_add(out, "true", 4); break;
    case RL_JFALSE: rl_sbuf_add(out, "false", 5); break;
    case RL_JNUMBER:
        if (doc) {
            size_t n;
            const char *t = rl_json_number_text(doc, node, &n);
            rl_sbuf_add(out, t, n);
        } else if (rl_jn_flags(node) & RL_JNUM_INT) {
            rl_sbuf_printf(out, "%lld", (long long)rl_jn_int(node));
        } else {
            rl_json_write_double(out, rl_jn_double(node));
        }
        break;
    case RL_JSTRING: rl_json_write_string(out, rl_jn_str(node), rl_jn_str_len(node)); break;
    case RL_JARRAY: rl_sbuf_add(out, "[]", 2); break;
    case RL_JOBJECT: rl_sbuf_add(out, "{}", 2); break;
    }
}

/* Child k of a container, with its member name and ':' written first. */
static const rl_jnode *write_child_head(rl_sbuf *out, const rl_jnode *c, size_t k)
{
    if (rl_jn_type(c) == RL_JARRAY)
        return rl_jn_item(c, k);
    const rl_jmember *m = rl_jn_member(c, k);
    rl_json_write_string(out, rl_jm_key(m), rl_jm_key_len(m));
    rl_sbuf_addc(out, ':');
    return rl_jm_value(m);
}

/* Depth first along parent links (no recursion, no stack): open a
 * non-empty container and go to its first child; after a value, go to the
 * next sibling or close the parents that have none. */
void rl_json_write(rl_sbuf *out, const rl_jdoc *doc, const rl_jnode *node)
{
    const rl_jnode *n = node;
    for (;;) {
        if (rl_json_size(n)) {
            rl_sbuf_addc(out, rl_jn_type(n) == RL_JARRAY ? '[' : '{');
            n = write_child_head(out, n, 0);
            continue;
        }
        write_scalar(out, doc, n);
        for (;;) {
            if (n == node)
                return;
            const rl_jnode *p = rl_jn_parent(n);
            if ((size_t)rl_jn_index(n) + 1 < rl_json_size(p)) {
                rl_sbuf_addc(out, ',');
                n = write_child_head(out, p, (size_t)rl_jn_index(n) + 1);
                break;
            }
            rl_sbuf_addc(out, rl_jn_type(p) == RL_JARRAY ? ']' : '}');
            n = p;
        }
    }
}
