/* strmap.h — the engine's hash table: keys to pointers.
 *
 * Open addressing with linear probing, kept at most half full, so a
 * lookup or an insertion costs O(1) on average whatever the count (rule
 * ids of a 100,000-rule set are found in constant time, not by a scan).
 * Keys are NUL-terminated strings, compared by content (RL_STRMAP_INIT,
 * or a zeroed map), or addresses of any objects, compared as pointers
 * (RL_PTRMAP_INIT: the JSON Schema registry's node and schema tables).
 * The map does not own its keys: each must outlive it. There is no
 * single-key deletion: rl_strmap_filter drops entries in place instead. */
#ifndef RL_STRMAP_H
#define RL_STRMAP_H

#include <stddef.h>

typedef struct rl_strmap_slot {
    const char *key; /* NULL: empty; in an address map, the address */
    void *value;
} rl_strmap_slot;

typedef struct rl_strmap {
    rl_strmap_slot *slots;
    size_t cap, n;  /* cap: 0 or a power of two */
    int by_address; /* 1: keys are compared and hashed as addresses */
} rl_strmap;

/* clang-format off */
#define RL_STRMAP_INIT {NULL, 0, 0, 0}
#define RL_PTRMAP_INIT {NULL, 0, 0, 1}
/* clang-format on */

void rl_strmap_free(rl_strmap *m);
/* The slot holding key, or NULL. */
const rl_strmap_slot *rl_strmap_find(const rl_strmap *m, const void *key);
/* The value of key, or NULL when it is not in the map. */
void *rl_strmap_get(const rl_strmap *m, const void *key);
/* Add key (a later value for the same key replaces the earlier). Returns
 * 0, or -1 out of memory (the map is unchanged). */
int rl_strmap_put(rl_strmap *m, const void *key, void *value);
/* Make room for more keys, so that the next `more` rl_strmap_put cannot
 * fail. Returns 0, or -1 out of memory (the map is unchanged). */
int rl_strmap_reserve(rl_strmap *m, size_t more);
/* Keep only the entries for which keep(value, ctx) is nonzero. In place:
 * it allocates nothing and cannot fail. */
void rl_strmap_filter(rl_strmap *m, int (*keep)(void *value, void *ctx), void *ctx);

#endif
