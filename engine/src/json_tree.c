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
    if (!obj || obj->type != RL_JOBJECT)
        return NULL;
    for (size_t i = obj->u.obj.n; i-- > 0;) {
        const rl_jmember *m = &obj->u.obj.members[i];
        if (m->key_len == key_len &&
            (!key_len || m->key[0] == key[0]) && /* most keys differ at once */
            memcmp(m->key, key, key_len) == 0)
            return m;
    }
    return NULL;
}

const rl_jnode *rl_json_get(const rl_jnode *obj, const char *key, size_t key_len)
{
    const rl_jmember *m = rl_json_member(obj, key, key_len);
    return m ? m->value : NULL;
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
    if (!obj || obj->type != RL_JOBJECT)
        return NULL;
    size_t s = hint_slot(site), i = hints->slot[s].index;
    if (hints->slot[s].site == site && i < obj->u.obj.n) {
        const rl_jmember *m = &obj->u.obj.members[i];
        if (m->key_len == key_len && memcmp(m->key, key, key_len) == 0)
            return m->value;
    }
    const rl_jmember *m = rl_json_member(obj, key, key_len);
    if (!m)
        return NULL;
    hints->slot[s].site = site;
    hints->slot[s].index = (size_t)(m - obj->u.obj.members);
    return m->value;
}

const rl_jnode *rl_json_gets(const rl_jnode *obj, const char *key)
{
    return rl_json_get(obj, key, strlen(key));
}

const rl_jnode *rl_json_at(const rl_jnode *arr, size_t i)
{
    if (!arr || arr->type != RL_JARRAY || i >= arr->u.arr.n)
        return NULL;
    return arr->u.arr.items[i];
}

size_t rl_json_size(const rl_jnode *node)
{
    if (!node)
        return 0;
    if (node->type == RL_JARRAY)
        return node->u.arr.n;
    if (node->type == RL_JOBJECT)
        return node->u.obj.n;
    return 0;
}

const rl_jmember *rl_json_parent_member(const rl_jnode *node)
{
    if (!node || !node->parent || node->parent->type != RL_JOBJECT)
        return NULL;
    return &node->parent->u.obj.members[node->index];
}

int rl_json_is_number(const rl_jnode *node)
{
    return node && node->type == RL_JNUMBER;
}

int rl_json_is_int(const rl_jnode *node)
{
    return node && node->type == RL_JNUMBER && (node->flags & RL_JNUM_INT);
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
        if (node->type == RL_JOBJECT) {
            node = rl_json_get(node, t, tok.len);
        } else if (node->type == RL_JARRAY && tok.len && strspn(t, "0123456789") == tok.len &&
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
    for (const rl_jnode *q = node; q && q->parent; q = q->parent)
        n++;
    c->n = n;
    c->v = c->local;
    if (n > sizeof c->local / sizeof c->local[0] && !(c->v = malloc(n * sizeof *c->v))) {
        c->v = c->local;
        c->n = 0;
        return -1;
    }
    for (const rl_jnode *q = node; n; q = q->parent)
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

/* The member an array item is known by (see rl_json_stable_pointer), or NULL. */
static const rl_jmember *item_key(const rl_jnode *item, const char *const *keys, size_t n_keys)
{
    static const char *const usual[] = {"id", "code", "name"};
    if (item->type != RL_JOBJECT)
        return NULL;
    for (size_t i = 0; i < n_keys + 3; i++) {
        const char *k = i < n_keys ? keys[i] : usual[i - n_keys];
        const rl_jmember *m = rl_json_member(item, k, strlen(k));
        if (m && (m->value->type == RL_JSTRING || rl_json_is_int(m->value)))
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
            rl_json_pointer_escape(out, m->key, m->key_len);
        } else if (!k) {
            rl_sbuf_printf(out, "%u", (unsigned)c.v[i]->index);
        } else {
            rl_json_pointer_escape(out, k->key, k->key_len);
            rl_sbuf_addc(out, '=');
            if (k->value->type == RL_JSTRING)
                rl_json_pointer_escape(out, k->value->u.str.s, k->value->u.str.len);
            else
                rl_sbuf_add_int(out, (long long)k->value->u.num.i);
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
    switch ((rl_jtype)src->type) {
    case RL_JSTRING:
        n->u.str.s = rl_arena_strndup(a, src->u.str.s, src->u.str.len);
        if (!n->u.str.s)
            return NULL;
        break;
    case RL_JARRAY:
        n->u.arr.items = rl_arena_alloc(a,
                                        (src->u.arr.n ? src->u.arr.n : 1) * sizeof *n->u.arr.items);
        if (!n->u.arr.items)
            return NULL;
        for (size_t i = 0; i < src->u.arr.n; i++)
            if (!(n->u.arr.items[i] = copy_node(a, src->u.arr.items[i], n, (uint32_t)i)))
                return NULL;
        break;
    case RL_JOBJECT:
        n->u.obj.members =
            rl_arena_alloc(a, (src->u.obj.n ? src->u.obj.n : 1) * sizeof *n->u.obj.members);
        if (!n->u.obj.members)
            return NULL;
        for (size_t i = 0; i < src->u.obj.n; i++) {
            const rl_jmember *m = &src->u.obj.members[i];
            rl_jmember *c = &n->u.obj.members[i];
            c->key = rl_arena_strndup(a, m->key, m->key_len);
            c->key_len = m->key_len;
            c->key_offset = 0;
            if (!c->key || !(c->value = copy_node(a, m->value, n, (uint32_t)i)))
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
    int ai = a->flags & RL_JNUM_INT, bi = b->flags & RL_JNUM_INT;
    if (ai && bi)
        return a->u.num.i < b->u.num.i ? -1 : a->u.num.i > b->u.num.i;
    if (ai)
        return rl_cmp_int_double(a->u.num.i, b->u.num.d);
    if (bi)
        return -rl_cmp_int_double(b->u.num.i, a->u.num.d);
    return a->u.num.d < b->u.num.d ? -1 : a->u.num.d > b->u.num.d;
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
    if (a->type != b->type)
        return 0;
    switch (a->type) {
    case RL_JNUMBER: return rl_json_num_cmp(a, b) == 0;
    case RL_JSTRING:
        return a->u.str.len == b->u.str.len && memcmp(a->u.str.s, b->u.str.s, a->u.str.len) == 0;
    case RL_JARRAY:
        if (a->u.arr.n != b->u.arr.n)
            return 0;
        for (size_t i = 0; i < a->u.arr.n; i++)
            eq_push(s, a->u.arr.items[i], b->u.arr.items[i]);
        return 1;
    case RL_JOBJECT:
        if (a->u.obj.n != b->u.obj.n)
            return 0;
        for (size_t i = 0; i < a->u.obj.n; i++) {
            const rl_jmember *m = &a->u.obj.members[i];
            const rl_jnode *other = rl_json_get(b, m->key, m->key_len);
            if (!other)
                return 0;
            eq_push(s, rl_json_get(a, m->key, m->key_len), other);
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
