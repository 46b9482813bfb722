/* schema_table.c — the registry's hash tables (see rl_stab in schema_int.h).
 *
 * Open addressing with linear probing over a power-of-two array, at most
 * half full. Keys are strings (hashed and compared by content) or
 * pointers (by address); the table never copies or frees them. There is
 * no single-key deletion: rl_stab_filter rebuilds the table instead. */
#include "schema_int.h"
#include "hash.h"

#include <stdlib.h>
#include <string.h>

void rl_stab_init(rl_stab *t, int string_keys)
{
    memset(t, 0, sizeof *t);
    t->strings = string_keys;
}

void rl_stab_free(rl_stab *t)
{
    free(t->slots);
    t->slots = NULL;
    t->cap = t->n = 0;
}

static size_t hash_key(const rl_stab *t, const void *key)
{
    if (t->strings)
        return (size_t)rl_fnv1a(RL_FNV1A_INIT, key, strlen(key));
    uintptr_t p = (uintptr_t)key;
    return (size_t)rl_fnv1a(RL_FNV1A_INIT, &p, sizeof p);
}

static int same_key(const rl_stab *t, const void *a, const void *b)
{
    return t->strings ? strcmp(a, b) == 0 : a == b;
}

static rl_stab_slot *find_slot(const rl_stab *t, const void *key, size_t hash)
{
    size_t mask = t->cap - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        rl_stab_slot *s = &t->slots[i];
        if (!s->key || (s->hash == hash && same_key(t, s->key, key)))
            return s;
    }
}

static int grow(rl_stab *t)
{
    size_t cap = t->cap ? t->cap * 2 : 16;
    rl_stab_slot *old = t->slots;
    size_t old_cap = t->cap;
    t->slots = calloc(cap, sizeof *t->slots);
    if (!t->slots) {
        t->slots = old;
        return 0;
    }
    t->cap = cap;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].key)
            *find_slot(t, old[i].key, old[i].hash) = old[i];
    free(old);
    return 1;
}

int rl_stab_put(rl_stab *t, const void *key, void *val)
{
    if ((t->n + 1) * 2 > t->cap && !grow(t))
        return 0;
    size_t h = hash_key(t, key);
    rl_stab_slot *s = find_slot(t, key, h);
    if (!s->key) {
        s->key = key;
        s->hash = h;
        t->n++;
    }
    s->val = val;
    return 1;
}

void *rl_stab_get(const rl_stab *t, const void *key)
{
    if (!t->cap)
        return NULL;
    rl_stab_slot *s = find_slot(t, key, hash_key(t, key));
    return s->key ? s->val : NULL;
}

int rl_stab_filter(rl_stab *t, int (*keep)(void *val, void *ctx), void *ctx)
{
    rl_stab_slot *old = t->slots;
    size_t old_cap = t->cap;
    t->slots = old_cap ? calloc(old_cap, sizeof *t->slots) : NULL;
    if (old_cap && !t->slots) {
        t->slots = old;
        return 0;
    }
    t->n = 0;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].key && keep(old[i].val, ctx)) {
            *find_slot(t, old[i].key, old[i].hash) = old[i];
            t->n++;
        }
    free(old);
    return 1;
}
