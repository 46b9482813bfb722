/* json_write.c — serializing JSON: strings, doubles, whole trees.
 *
 * Output is compact and deterministic. Strings are escaped so that the
 * result is valid JSON and safe in a terminal: control characters,
 * U+2028/U+2029 and DEL are written as \u escapes. */
#include "json.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void rl_json_write_string(rl_sbuf *out, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    rl_sbuf_addc(out, '"');
    size_t run = 0; /* start of the pending unescaped run */
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        int ls = c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
                 ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9);
        if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F && !ls)
            continue;
        rl_sbuf_add(out, s + run, i - run);
        switch (c) {
        case '"': rl_sbuf_add(out, "\\\"", 2); break;
        case '\\': rl_sbuf_add(out, "\\\\", 2); break;
        case '\n': rl_sbuf_add(out, "\\n", 2); break;
        case '\r': rl_sbuf_add(out, "\\r", 2); break;
        case '\t': rl_sbuf_add(out, "\\t", 2); break;
        case '\b': rl_sbuf_add(out, "\\b", 2); break;
        case '\f': rl_sbuf_add(out, "\\f", 2); break;
        default:
            if (ls) {
                rl_sbuf_add(out, (unsigned char)s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", 6);
                i += 2;
            } else {
                char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                rl_sbuf_add(out, e, 6);
            }
        }
        run = i + 1;
    }
    rl_sbuf_add(out, s + run, len - run);
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
    const char *s = doc->src + num->offset;
    size_t n = 0;
    while (num->offset + n < doc->len && strchr("+-0123456789.eE", s[n]) && s[n])
        n++;
    *len = n;
    return s;
}

void rl_json_write(rl_sbuf *out, const rl_jdoc *doc, const rl_jnode *node)
{
    switch ((rl_jtype)node->type) {
    case RL_JNULL: rl_sbuf_add(out, "null", 4); break;
    case RL_JTRUE: rl_sbuf_add(out, "true", 4); break;
    case RL_JFALSE: rl_sbuf_add(out, "false", 5); break;
    case RL_JNUMBER:
        if (doc) {
            size_t n;
            const char *t = rl_json_number_text(doc, node, &n);
            rl_sbuf_add(out, t, n);
        } else if (node->flags & RL_JNUM_INT) {
            rl_sbuf_printf(out, "%lld", (long long)node->u.num.i);
        } else {
            rl_json_write_double(out, node->u.num.d);
        }
        break;
    case RL_JSTRING: rl_json_write_string(out, node->u.str.s, node->u.str.len); break;
    case RL_JARRAY:
        rl_sbuf_addc(out, '[');
        for (size_t i = 0; i < node->u.arr.n; i++) {
            if (i)
                rl_sbuf_addc(out, ',');
            rl_json_write(out, doc, node->u.arr.items[i]);
        }
        rl_sbuf_addc(out, ']');
        break;
    case RL_JOBJECT:
        rl_sbuf_addc(out, '{');
        for (size_t i = 0; i < node->u.obj.n; i++) {
            const rl_jmember *m = &node->u.obj.members[i];
            if (i)
                rl_sbuf_addc(out, ',');
            rl_json_write_string(out, m->key, m->key_len);
            rl_sbuf_addc(out, ':');
            rl_json_write(out, doc, m->value);
        }
        rl_sbuf_addc(out, '}');
        break;
    }
}
