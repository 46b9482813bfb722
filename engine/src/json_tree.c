/* json_tree.c — reading a parsed JSON tree: lookups, pointers, equality.
 *
 * Lookups of a duplicated member name return the last one (as JavaScript
 * and most validators do); the ruleset loader rejects duplicates itself.
 * Nothing here recurses on the document's depth (pointers are built from
 * the ancestor chain, equality runs on an explicit stack) but the copy of
 * a rule's literal, bounded by the reader's depth limit. */
#include "json.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const rl_jmember *rl_json_member(const rl_jnode *obj, const char *key, size_t key_len)
{
    if (!obj || rl_jn_type(obj) != RL_JOBJECT)
        return NULL;
    for (size_t i = rl_jn_count(obj); i-- > 0;) {
        const rl_jmember *m = rl_jn_member(obj, i);
        if (rl_jm_key_len(m) == key_len &&
            (!key_len || rl_jm_key(m)[0] == key[0]) && /* most keys differ at once */
            memcmp(rl_jm_key(m), key, key_len) == 0)
            return m;
    }
    return NULL;
}

const rl_jnode *rl_json_get(const rl_jnode *obj, const char *key, size_t key_len)
{
    const rl_jmember *m = rl_json_member(obj, key, key_len);
    return m ? rl_jm_value(m) : NULL;
}

/* The slot of site: pointers to compiled steps differ in their middle bits. */
static size_t hint_slot(const void *site)
{
    uint64_t h = (uint64_t)(uintptr_t)site * UINT64_C(0x9e3779b97f4a7c15);
    return (size_t)(h >> 56) % RL_JHINT_SLOTS;
}

const rl_jnode *rl_json_get_hinted(const rl_jnode *obj, const char *key, size_t key_len,
                                   rl_jhints *hints, const void *site)
{
    if (!obj || rl_jn_type(obj) != RL_JOBJECT)
        return NULL;
    size_t s = hint_slot(site), i = hints->slot[s].index;
    if (hints->slot[s].site == site && i < rl_jn_count(obj)) {
        const rl_jmember *m = rl_jn_member(obj, i);
        if (rl_jm_key_len(m) == key_len && memcmp(rl_jm_key(m), key, key_len) == 0)
            return rl_jm_value(m);
    }
    const rl_jmember *m = rl_json_member(obj, key, key_len);
    if (!m)
        return NULL;
    hints->slot[s].site = site;
    hints->slot[s].index = (size_t)(m - rl_jn_member(obj, 0));
    return rl_jm_value(m);
}

const rl_jnode *rl_json_gets(const rl_jnode *obj, const char *key)
{
    return rl_json_get(obj, key, strlen(key));
}

const rl_jnode *rl_json_at(const rl_jnode *arr, size_t i)
{
    if (!arr || rl_jn_type(arr) != RL_JARRAY || i >= rl_jn_count(arr))
        return NULL;
    return rl_jn_item(arr, i);
}

size_t rl_json_size(const rl_jnode *node)
{
    if (!node)
        return 0;
    if (rl_jn_type(node) == RL_JARRAY)
        return rl_jn_count(node);
    if (rl_jn_type(node) == RL_JOBJECT)
        return rl_jn_count(node);
    return 0;
}

const rl_jmember *rl_json_parent_member(const rl_jnode *node)
{
    if (!node || !rl_jn_parent(node) || rl_jn_type(rl_jn_parent(node)) != RL_JOBJECT)
        return NULL;
    return rl_jn_member(rl_jn_parent(node), rl_jn_index(node));
}

int rl_json_is_number(const rl_jnode *node)
{
    return node && rl_jn_type(node) == RL_JNUMBER;
}

int rl_json_is_int(const rl_jnode *node)
{
    return node && rl_jn_type(node) == RL_JNUMBER && (rl_jn_flags(node) & RL_JNUM_INT);
}

const char *rl_json_type_name(rl_jtype t)
{
    switch (t) {
    case RL_JNULL: return "null";
    case RL_JFALSE:
    case RL_JTRUE: return "boolean";
    case RL_JNUMBER: return "number";
    case RL_JSTRING: return "string";
    case RL_JARRAY: return "array";
    case RL_JOBJECT: return "object";
    }
    return "?";
}

void rl_json_pointer_escape(rl_sbuf *out, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '~')
            rl_sbuf_add(out, "~0", 2);
        else if (s[i] == '/')
            rl_sbuf_add(out, "~1", 2);
        else
            rl_sbuf_addc(out, s[i]);
    }
}

const rl_jnode *rl_json_pointer_get(const rl_jnode *node, const char *p)
{
    rl_sbuf tok = RL_SBUF_INIT;
    while (node && *p == '/') {
        p++;
        rl_sbuf_clear(&tok);
        for (; *p && *p != '/'; p++) {
            if (*p == '~' && (p[1] == '0' || p[1] == '1'))
                rl_sbuf_addc(&tok, *++p == '0' ? '~' : '/');
            else
                rl_sbuf_addc(&tok, *p);
        }
        const char *t = rl_sbuf_str(&tok);
        if (rl_jn_type(node) == RL_JOBJECT) {
            node = rl_json_get(node, t, tok.len);
        } else if (rl_jn_type(node) == RL_JARRAY && tok.len && strspn(t, "0123456789") == tok.len &&
                   (tok.len == 1 || t[0] != '0')) {
            node = rl_json_at(node, strtoul(t, NULL, 10));
        } else {
            node = NULL;
        }
    }
    rl_sbuf_free(&tok);
    return *p ? NULL : node;
}

int rl_json_chain(rl_jchain *c, const rl_jnode *node)
{
    size_t n = 0;
    for (const rl_jnode *q = node; q && rl_jn_parent(q); q = rl_jn_parent(q))
        n++;
    c->n = n;
    c->v = c->local;
    if (n > sizeof c->local / sizeof c->local[0] && !(c->v = malloc(n * sizeof *c->v))) {
        c->v = c->local;
        c->n = 0;
        return -1;
    }
    for (const rl_jnode *q = node; n; q = rl_jn_parent(q))
        c->v[--n] = q;
    return 0;
}

void rl_json_chain_free(rl_jchain *c)
{
    if (c->v != c->local)
        free(c->v);
    c->v = c->local;
    c->n = 0;
}

/* The member an array item is known by (see rl_json_stable_pointer), or NULL.
 */
static const rl_jmember *item_key(const rl_jnode *item, const char *const *keys, size_t n_keys)
{
    static const char *const usual[] = {"id", "code", "name"};
    if (rl_jn_type(item) != RL_JOBJECT)
        return NULL;
    for (size_t i = 0; i < n_keys + 3; i++) {
        const char *k = i < n_keys ? keys[i] : usual[i - n_keys];
        const rl_jmember *m = rl_json_member(item, k, strlen(k));
        if (m && (rl_jn_type(rl_jm_value(m)) == RL_JSTRING || rl_json_is_int(rl_jm_value(m))))
            return m;
    }
    return NULL;
}

/* A pointer to node; with stable, array items known by a key member (item_key)
 * are written as key=value instead of their index. */
static void write_pointer(const rl_jnode *node, int stable, const char *const *keys, size_t n_keys,
                          rl_sbuf *out)
{
    rl_jchain c;
    if (rl_json_chain(&c, node) != 0) {
        out->oom = 1;
        return;
    }
    for (size_t i = 0; i < c.n; i++) {
        rl_sbuf_addc(out, '/');
        const rl_jmember *m = rl_json_parent_member(c.v[i]);
        const rl_jmember *k = m || !stable ? NULL : item_key(c.v[i], keys, n_keys);
        if (m) {
            rl_json_pointer_escape(out, rl_jm_key(m), rl_jm_key_len(m));
        } else if (!k) {
            rl_sbuf_printf(out, "%u", (unsigned)rl_jn_index(c.v[i]));
        } else {
            rl_json_pointer_escape(out, rl_jm_key(k), rl_jm_key_len(k));
            rl_sbuf_addc(out, '=');
            if (rl_jn_type(rl_jm_value(k)) == RL_JSTRING)
                rl_json_pointer_escape(out, rl_jn_str(rl_jm_value(k)),
                                       rl_jn_str_len(rl_jm_value(k)));
            else
                rl_sbuf_add_int(out, (long long)rl_jn_int(rl_jm_value(k)));
        }
    }
    rl_json_chain_free(&c);
}

void rl_json_pointer(const rl_jnode *node, rl_sbuf *out)
{
    write_pointer(node, 0, NULL, 0, out);
}

void rl_json_stable_pointer(const rl_jnode *node, const char *const *keys, size_t n_keys,
                            rl_sbuf *out)
{
    write_pointer(node, 1, keys, n_keys, out);
}

static rl_jnode *copy_node(rl_arena *a, const rl_jnode *src, rl_jnode *parent, uint32_t index)
{
    rl_jnode *n = rl_arena_alloc(a, sizeof *n);
    if (!n)
        return NULL;
    *n = *src;
    n->parent = parent;
    n->index = index;
    n->offset = 0;
    switch (rl_jn_type(src)) {
    case RL_JSTRING:
        n->u.s = rl_arena_strndup(a, rl_jn_str(src), rl_jn_str_len(src));
        if (!rl_jn_str(n))
            return NULL;
        break;
    case RL_JARRAY:
        n->u.items = rl_arena_alloc(a, (n->n ? n->n : 1) * sizeof *n->u.items);
        if (!n->u.items)
            return NULL;
        for (size_t i = 0; i < rl_jn_count(src); i++)
            if (!(n->u.items[i] = copy_node(a, rl_jn_item(src, i), n, (uint32_t)i)))
                return NULL;
        break;
    case RL_JOBJECT:
        n->u.members = rl_arena_alloc(a, (n->n ? n->n : 1) * sizeof *n->u.members);
        if (!n->u.members)
            return NULL;
        for (size_t i = 0; i < rl_jn_count(src); i++) {
            const rl_jmember *m = rl_jn_member(src, i);
            rl_jmember *c = rl_jn_member(n, i);
            c->key = rl_arena_strndup(a, rl_jm_key(m), rl_jm_key_len(m));
            c->key_len = rl_jm_key_len(m);
            c->key_offset = 0;
            if (!rl_jm_key(c) || !(c->value = copy_node(a, rl_jm_value(m), n, (uint32_t)i)))
                return NULL;
        }
        break;
    default: break;
    }
    return n;
}

rl_jnode *rl_json_copy(rl_arena *a, const rl_jnode *node)
{
    return copy_node(a, node, NULL, 0);
}

int rl_cmp_int_double(int64_t i, double d)
{
    if (isnan(d))
        return -1;
    if (d >= 9223372036854775808.0)
        return -1;
    if (d < -9223372036854775808.0)
        return 1;
    double t = trunc(d);
    int64_t di = (int64_t)t;
    if (i != di)
        return i < di ? -1 : 1;
    if (d > t)
        return -1;
    if (d < t)
        return 1;
    return 0;
}

int rl_json_num_cmp(const rl_jnode *a, const rl_jnode *b)
{
    int ai = rl_jn_flags(a) & RL_JNUM_INT, bi = rl_jn_flags(b) & RL_JNUM_INT;
    if (ai && bi)
        return rl_jn_int(a) < rl_jn_int(b) ? -1 : rl_jn_int(a) > rl_jn_int(b);
    if (ai)
        return rl_cmp_int_double(rl_jn_int(a), rl_jn_double(b));
    if (bi)
        return -rl_cmp_int_double(rl_jn_int(b), rl_jn_double(a));
    return rl_jn_double(a) < rl_jn_double(b) ? -1 : rl_jn_double(a) > rl_jn_double(b);
}

/* One pair of values to compare: scalars at once, containers by their
 * sizes, their children pushed onto the pair stack. */
typedef struct eq_pair {
    const rl_jnode *a, *b;
} eq_pair;

typedef struct eq_stack {
    eq_pair *v;
    size_t n, cap;
    eq_pair local[32];
    int oom;
} eq_stack;

static void eq_push(eq_stack *s, const rl_jnode *a, const rl_jnode *b)
{
    if (s->n == s->cap) {
        size_t cap = s->cap * 2;
        eq_pair *more = s->v == s->local ? malloc(cap * sizeof *more)
                                         : realloc(s->v, cap * sizeof *more);
        if (!more) {
            s->oom = 1;
            return;
        }
        if (s->v == s->local)
            memcpy(more, s->local, sizeof s->local);
        s->v = more;
        s->cap = cap;
    }
    s->v[s->n++] = (eq_pair){a, b};
}

/* 0 when a and b differ at the top; children left on the stack. */
static int eq_shallow(eq_stack *s, const rl_jnode *a, const rl_jnode *b)
{
    if (!a || !b)
        return a == b;
    if (rl_jn_type(a) != rl_jn_type(b))
        return 0;
    switch (rl_jn_type(a)) {
    case RL_JNUMBER: return rl_json_num_cmp(a, b) == 0;
    case RL_JSTRING:
        return rl_jn_str_len(a) == rl_jn_str_len(b) &&
               memcmp(rl_jn_str(a), rl_jn_str(b), rl_jn_str_len(a)) == 0;
    case RL_JARRAY:
        if (rl_jn_count(a) != rl_jn_count(b))
            return 0;
        for (size_t i = 0; i < rl_jn_count(a); i++)
            eq_push(s, rl_jn_item(a, i), rl_jn_item(b, i));
        return 1;
    case RL_JOBJECT:
        if (rl_jn_count(a) != rl_jn_count(b))
            return 0;
        for (size_t i = 0; i < rl_jn_count(a); i++) {
            const rl_jmember *m = rl_jn_member(a, i);
            const rl_jnode *other = rl_json_get(b, rl_jm_key(m), rl_jm_key_len(m));
            if (!other)
                return 0;
            eq_push(s, rl_json_get(a, rl_jm_key(m), rl_jm_key_len(m)), other);
        }
        return 1;
    default: return 1;
    }
}

int rl_json_equal(const rl_jnode *a, const rl_jnode *b)
{
    eq_stack s;
    s.v = s.local;
    s.n = 0;
    s.cap = sizeof s.local / sizeof s.local[0];
    s.oom = 0;
    int eq = eq_shallow(&s, a, b);
    while (eq && s.n && !s.oom) {
        eq_pair p = s.v[--s.n];
        eq = eq_shallow(&s, p.a, p.b);
    }
    if (s.v != s.local)
        free(s.v);
    return eq && !s.oom;
}
