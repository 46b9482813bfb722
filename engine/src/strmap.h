/* strmap.h — a hash table from NUL-terminated strings to pointers.
 *
 * Open addressing with linear probing, kept at most half full, so a
 * lookup or an insertion costs O(1) on average whatever the count (rule
 * ids of a 100,000-rule set are found in constant time, not by a scan).
 * The map does not own its keys: each must outlive it. */
#ifndef RL_STRMAP_H
#define RL_STRMAP_H

#include <stddef.h>

typedef struct rl_strmap_slot {
    const char *key; /* NULL: empty */
    void *value;
} rl_strmap_slot;

typedef struct rl_strmap {
    rl_strmap_slot *slots;
    size_t cap, n; /* cap: 0 or a power of two */
} rl_strmap;

#define RL_STRMAP_INIT {NULL, 0, 0}

void rl_strmap_free(rl_strmap *m);
/* The slot holding key, or NULL. */
const rl_strmap_slot *rl_strmap_find(const rl_strmap *m, const char *key);
/* Add key (a later value for the same key replaces the earlier). Returns
 * 0, or -1 out of memory (the map is unchanged). */
int rl_strmap_put(rl_strmap *m, const char *key, void *value);
/* Make room for more keys, so that the next `more` rl_strmap_put cannot
 * fail. Returns 0, or -1 out of memory (the map is unchanged). */
int rl_strmap_reserve(rl_strmap *m, size_t more);

#endif
