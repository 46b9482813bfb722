/* array.h — the one growable-array helper: every array the engine grows
 * goes through rl_array_grow (capacity doubled, amortized O(1) per item) or
 * rl_array_resize (an exact count), so the `count * size` product is
 * checked for overflow in one place.
 *
 * Invariants: on failure (out of memory, or a size that does not fit in
 * size_t) NULL is returned and the array and its capacity are unchanged —
 * the caller still owns and frees the old block. On success the old block
 * is gone and the returned one must be stored in its place. */
#ifndef RL_ARRAY_H
#define RL_ARRAY_H

#include <stddef.h>

/* Make room for at least need items of size bytes: when need > *cap the
 * capacity doubles (from 8) until it fits and *cap is updated. Returns the
 * (possibly moved) array, or NULL as above. */
void *rl_array_grow(void *items, size_t *cap, size_t need, size_t size);
/* realloc to exactly n items of size bytes (n > 0), overflow-checked. */
void *rl_array_resize(void *items, size_t n, size_t size);

#endif
