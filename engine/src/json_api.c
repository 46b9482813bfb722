/* json_api.c — the public face of the JSON reader (reportlint.h, "reading
 * JSON with positions"): tools read their own files (configuration,
 * baselines) with the engine's strict reader and report problems at a line
 * and column. Thin accessors over json.h; every one accepts NULL. */
#include "json.h"
#include "suggest.h"

#include <string.h>

rl_jdoc *rl_jdoc_read(const char *text, size_t len, rl_error *err)
{
    return rl_json_parse(text, len, NULL, err);
}

const rl_jnode *rl_jdoc_root(const rl_jdoc *doc)
{
    return doc ? doc->root : NULL;
}

void rl_jdoc_where(rl_jdoc *doc, const rl_jnode *node, unsigned *line, unsigned *column)
{
    *line = *column = 0;
    if (doc && node)
        rl_jdoc_locate(doc, rl_jn_offset(node), line, column);
}

void rl_jdoc_key_where(rl_jdoc *doc, const rl_jnode *obj, size_t i, unsigned *line,
                       unsigned *column)
{
    *line = *column = 0;
    if (doc && obj && rl_jn_type(obj) == RL_JOBJECT && i < rl_jn_count(obj))
        rl_jdoc_locate(doc, rl_jn_key_offset(obj, i), line, column);
}

rl_jkind rl_jnode_kind(const rl_jnode *node)
{
    switch (node ? rl_jn_type(node) : RL_JNULL) {
    case RL_JNULL: return RL_JKIND_NULL;
    case RL_JFALSE:
    case RL_JTRUE: return RL_JKIND_BOOL;
    case RL_JNUMBER: return RL_JKIND_NUMBER;
    case RL_JSTRING: return RL_JKIND_STRING;
    case RL_JARRAY: return RL_JKIND_ARRAY;
    case RL_JOBJECT: return RL_JKIND_OBJECT;
    }
    return RL_JKIND_NULL;
}

const char *rl_jkind_name(rl_jkind kind)
{
    static const char *const names[] = {"null", "boolean", "number", "string", "array", "object"};
    return (unsigned)kind < sizeof names / sizeof *names ? names[kind] : "?";
}

size_t rl_jnode_count(const rl_jnode *node)
{
    return rl_json_size(node);
}

const rl_jnode *rl_jnode_item(const rl_jnode *node, size_t i)
{
    if (node && rl_jn_type(node) == RL_JOBJECT)
        return i < rl_jn_count(node) ? rl_jn_value(node, i) : NULL;
    return rl_json_at(node, i);
}

const char *rl_jnode_key(const rl_jnode *node, size_t i, size_t *len)
{
    if (!node || rl_jn_type(node) != RL_JOBJECT || i >= rl_jn_count(node))
        return NULL;
    if (len)
        *len = rl_jn_key_len(node, i);
    return rl_jn_key(node, i);
}

const char *rl_jnode_string(const rl_jnode *node, size_t *len)
{
    if (!node || rl_jn_type(node) != RL_JSTRING)
        return NULL;
    if (len)
        *len = rl_jn_str_len(node);
    return rl_jn_str(node);
}

int rl_jnode_bool(const rl_jnode *node)
{
    if (node && rl_jn_type(node) == RL_JTRUE)
        return 1;
    return node && rl_jn_type(node) == RL_JFALSE ? 0 : -1;
}

int rl_jnode_int(const rl_jnode *node, int64_t *out)
{
    if (!rl_json_is_int(node))
        return -1;
    *out = rl_jn_int(node);
    return 0;
}

char *rl_jnode_json(const rl_jdoc *doc, const rl_jnode *node)
{
    if (!node)
        return NULL;
    rl_sbuf b = RL_SBUF_INIT;
    rl_json_write(&b, doc, node);
    if (!rl_sbuf_ok(&b)) {
        rl_sbuf_free(&b);
        return NULL;
    }
    return rl_sbuf_take(&b);
}

char *rl_json_quote(const char *s, size_t len)
{
    rl_sbuf b = RL_SBUF_INIT;
    rl_json_write_string(&b, s ? s : "", s ? len : 0);
    if (!rl_sbuf_ok(&b)) {
        rl_sbuf_free(&b);
        return NULL;
    }
    return rl_sbuf_take(&b);
}

const char *rl_suggest_name(const char *word, const char *const *names)
{
    return word && names ? rl_suggest(word, strlen(word), names) : NULL;
}
