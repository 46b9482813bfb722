/* arena.h — bump allocator: many small allocations, one free.
 *
 * Invariants: every pointer returned is aligned to 16 bytes and stays valid
 * until rl_arena_reset() or rl_arena_free(). An arena is not thread-safe;
 * each thread or document owns its own. Allocation failure returns NULL. */
#ifndef RL_ARENA_H
#define RL_ARENA_H

#include <stddef.h>

typedef struct rl_arena rl_arena;

/* A new arena whose chunks are at least chunk_size bytes (0: a default). */
rl_arena *rl_arena_new(size_t chunk_size);
void rl_arena_free(rl_arena *a);

/* Forget every allocation but keep the first chunk for reuse. */
void rl_arena_reset(rl_arena *a);

void *rl_arena_alloc(rl_arena *a, size_t n);
void *rl_arena_calloc(rl_arena *a, size_t n);
/* Copy len bytes and add a terminating NUL. */
char *rl_arena_strndup(rl_arena *a, const char *s, size_t len);
/* Grow an array allocated from the arena (old contents copied). */
void *rl_arena_grow(rl_arena *a, void *old, size_t old_n, size_t new_n);

/* Move every allocation of from into a (no copy: pointers into from stay
 * valid, now owned by a); from is left empty. a keeps allocating from its
 * current chunk. */
void rl_arena_adopt(rl_arena *a, rl_arena *from);

/* Charge the chunks made from now on to meter (deadline.h: --max-memory;
 * NULL: stop charging), and release them from it as they are freed. What
 * was charged to an earlier meter stays charged there: detach (NULL)
 * before that meter goes away, and set it again per report. */
struct rl_deadline;
void rl_arena_set_meter(rl_arena *a, struct rl_deadline *meter);

/* Bytes handed out since the last reset (for limits and tests). */
size_t rl_arena_used(const rl_arena *a);

#endif
