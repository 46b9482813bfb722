/* jsonpath_norm.c — RFC 9535 §2.7 normalized paths: $ followed by ['name']
 * or [index] for each step from the root, names escaped as the RFC's
 * normal-escapable rule says (\b \f \n \r \t \' \\ and \u00xx in lowercase
 * hex for the other control characters; everything else as is).
 *
 * Invariant: the path is rebuilt from parent links alone (the ancestor
 * chain), without recursion. */
#include "jsonpath.h"

static void escape_name(rl_sbuf *out, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '\b': rl_sbuf_add(out, "\\b", 2); break;
        case '\f': rl_sbuf_add(out, "\\f", 2); break;
        case '\n': rl_sbuf_add(out, "\\n", 2); break;
        case '\r': rl_sbuf_add(out, "\\r", 2); break;
        case '\t': rl_sbuf_add(out, "\\t", 2); break;
        case '\'': rl_sbuf_add(out, "\\'", 2); break;
        case '\\': rl_sbuf_add(out, "\\\\", 2); break;
        default:
            if (c < 0x20) {
                char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                rl_sbuf_add(out, u, sizeof u);
            } else {
                rl_sbuf_addc(out, (char)c);
            }
        }
    }
}

void rl_jpath_normalized(const rl_jnode *node, rl_sbuf *out)
{
    rl_sbuf_addc(out, '$');
    rl_jchain c;
    if (rl_json_chain(&c, node) != 0) {
        out->oom = 1;
        return;
    }
    for (size_t i = 0; i < c.n; i++) {
        const rl_jmember *m = rl_json_parent_member(c.v[i]);
        if (m) {
            rl_sbuf_add(out, "['", 2);
            escape_name(out, rl_jm_key(m), rl_jm_key_len(m));
            rl_sbuf_add(out, "']", 2);
        } else {
            rl_sbuf_printf(out, "[%u]", (unsigned)rl_jn_index(c.v[i]));
        }
    }
    rl_json_chain_free(&c);
}
