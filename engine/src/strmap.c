/* strmap.c — the string hash table (see strmap.h): FNV-1a hashes, linear
 * probing, doubled when half full. */
#include "strmap.h"
#include "error.h"
#include "hash.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static size_t hash(const char *s)
{
    uint64_t h = rl_fnv1a(RL_FNV1A_INIT, s, strlen(s));
    return (size_t)(h ^ (h >> 32));
}

void rl_strmap_free(rl_strmap *m)
{
    free(m->slots);
    m->slots = NULL;
    m->cap = m->n = 0;
}

/* The slot of key, or the empty slot where it would go. */
static rl_strmap_slot *probe(rl_strmap_slot *slots, size_t cap, const char *key)
{
    RL_ASSERT(cap && (cap & (cap - 1)) == 0); /* a power of two: & is the modulo */
    size_t i = hash(key) & (cap - 1);
    while (slots[i].key && strcmp(slots[i].key, key) != 0)
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

const rl_strmap_slot *rl_strmap_find(const rl_strmap *m, const char *key)
{
    if (!m->cap)
        return NULL;
    const rl_strmap_slot *s = probe(m->slots, m->cap, key);
    return s->key ? s : NULL;
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
    rl_strmap_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key)
            *probe(slots, cap, m->slots[i].key) = m->slots[i];
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return 0;
}

int rl_strmap_put(rl_strmap *m, const char *key, void *value)
{
    if ((m->n + 1) * 2 > m->cap && grow(m, m->n + 1) != 0)
        return -1;
    rl_strmap_slot *s = probe(m->slots, m->cap, key);
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
