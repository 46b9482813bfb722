/* strmap.c — the hash table (see strmap.h): FNV-1a hashes of a key's
 * text or of its address, linear probing, doubled when half full. */
#include "strmap.h"
#include "error.h"
#include "hash.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static size_t hash(int by_address, const void *key)
{
    uintptr_t p = (uintptr_t)key;
    uint64_t h = by_address ? rl_fnv1a(RL_FNV1A_INIT, &p, sizeof p)
                            : rl_fnv1a(RL_FNV1A_INIT, key, strlen(key));
    return (size_t)(h ^ (h >> 32));
}

static int same(int by_address, const char *a, const void *b)
{
    return by_address ? (const void *)a == b : strcmp(a, b) == 0;
}

void rl_strmap_free(rl_strmap *m)
{
    free(m->slots);
    m->slots = NULL;
    m->cap = m->n = 0;
}

/* The slot of key, or the empty slot where it would go. */
static rl_strmap_slot *probe(rl_strmap_slot *slots, size_t cap, int by_address, const void *key)
{
    RL_ASSERT(cap && (cap & (cap - 1)) == 0); /* a power of two: & is the modulo */
    size_t i = hash(by_address, key) & (cap - 1);
    while (slots[i].key && !same(by_address, slots[i].key, key))
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

const rl_strmap_slot *rl_strmap_find(const rl_strmap *m, const void *key)
{
    if (!m->cap)
        return NULL;
    const rl_strmap_slot *s = probe(m->slots, m->cap, m->by_address, key);
    return s->key ? s : NULL;
}

void *rl_strmap_get(const rl_strmap *m, const void *key)
{
    const rl_strmap_slot *s = rl_strmap_find(m, key);
    return s ? s->value : NULL;
}

/* Move the entries of m into a new table of cap slots; m is unchanged
 * on -1 (out of memory). */
static int rehash(rl_strmap *m, size_t cap)
{
    rl_strmap_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    size_t n = 0;
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key) {
            *probe(slots, cap, m->by_address, m->slots[i].key) = m->slots[i];
            n++;
        }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    m->n = n;
    return 0;
}

/* Rehash into a table of at least twice the size, room for n keys. */
static int grow(rl_strmap *m, size_t n)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    while (cap / 2 < n) {
        if (cap > SIZE_MAX / 4)
            return -1;
        cap *= 2;
    }
    return rehash(m, cap);
}

int rl_strmap_put(rl_strmap *m, const void *key, void *value)
{
    if ((m->n + 1) * 2 > m->cap && grow(m, m->n + 1) != 0)
        return -1;
    rl_strmap_slot *s = probe(m->slots, m->cap, m->by_address, key);
    if (!s->key) {
        s->key = key;
        m->n++;
    }
    s->value = value;
    RL_ASSERT(m->n * 2 <= m->cap); /* at most half full: probing ends */
    return 0;
}

int rl_strmap_reserve(rl_strmap *m, size_t more)
{
    if (more > SIZE_MAX / 4 - m->n)
        return -1;
    if ((m->n + more) * 2 <= m->cap)
        return 0;
    return grow(m, m->n + more);
}

/* Filtering works in place, so it cannot fail: empty the slots of the
 * entries dropped, then, starting just after an empty slot and going once
 * round the table, take each entry out and probe for it again. An entry
 * lands at or before where it was, in slots already settled, so every
 * probe chain is whole again (Knuth's rehash for linear probing). */
void rl_strmap_filter(rl_strmap *m, int (*keep)(void *value, void *ctx), void *ctx)
{
    size_t start = m->cap;
    for (size_t i = 0; i < m->cap; i++) {
        if (m->slots[i].key && !keep(m->slots[i].value, ctx)) {
            m->slots[i].key = NULL;
            m->n--;
        }
        if (!m->slots[i].key)
            start = i;
    }
    if (start == m->cap) /* no slots at all: a table is never full */
        return;
    for (size_t k = 1; k <= m->cap; k++) {
        size_t i = (start + k) & (m->cap - 1);
        if (!m->slots[i].key)
            continue;
        rl_strmap_slot entry = m->slots[i];
        m->slots[i].key = NULL;
        *probe(m->slots, m->cap, m->by_address, entry.key) = entry;
    }
}
