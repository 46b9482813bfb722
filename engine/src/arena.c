/* arena.c — bump allocator over a linked list of chunks.
 *
 * A chunk is one malloc'd block; allocations are carved from its tail.
 * Oversized requests get a chunk of their own. Reset keeps the first chunk.
 * With a meter (rl_arena_set_meter), every chunk made while it is set is
 * charged to it and released when that chunk is freed: `charged` is what
 * the meter holds for this arena. */
#include "arena.h"
#include "deadline.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_ALIGN 16
#define ARENA_DEFAULT_CHUNK (64 * 1024)

typedef struct chunk {
    struct chunk *next;
    size_t size; /* usable bytes after the header */
    size_t used;
} chunk;

struct rl_arena {
    chunk *head; /* current chunk: allocations come from here */
    size_t chunk_size;
    size_t total;
    rl_deadline *meter; /* charged for new chunks; NULL: none */
    size_t charged;     /* bytes charged to meter and not released */
};

static size_t align_up(size_t n)
{
    return (n + (ARENA_ALIGN - 1)) & ~(size_t)(ARENA_ALIGN - 1);
}

static size_t header_size(void)
{
    return align_up(sizeof(chunk));
}

static chunk *chunk_new(size_t size)
{
    chunk *c = malloc(header_size() + size);
    if (!c)
        return NULL;
    c->next = NULL;
    c->size = size;
    c->used = 0;
    return c;
}

rl_arena *rl_arena_new(size_t chunk_size)
{
    rl_arena *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->chunk_size = chunk_size ? align_up(chunk_size) : ARENA_DEFAULT_CHUNK;
    return a;
}

/* Free a list of chunks; returns the bytes they took. */
static size_t free_chunks(chunk *c)
{
    size_t bytes = 0;
    while (c) {
        chunk *next = c->next;
        bytes += header_size() + c->size;
        free(c);
        c = next;
    }
    return bytes;
}

/* Give back to the meter what it was charged for `bytes` just freed. */
static void release(rl_arena *a, size_t bytes)
{
    size_t n = bytes < a->charged ? bytes : a->charged;
    rl_deadline_release(a->meter, n);
    a->charged -= n;
}

void rl_arena_set_meter(rl_arena *a, rl_deadline *meter)
{
    if (!a)
        return;
    a->meter = meter;
    a->charged = 0;
}

void rl_arena_free(rl_arena *a)
{
    if (!a)
        return;
    release(a, free_chunks(a->head));
    free(a);
}

void rl_arena_reset(rl_arena *a)
{
    if (!a || !a->head)
        return;
    /* keep the oldest chunk (the tail of the list): it has the default size */
    chunk *keep = a->head;
    chunk *prev = NULL;
    while (keep->next) {
        prev = keep;
        keep = keep->next;
    }
    if (prev) {
        prev->next = NULL;
        release(a, free_chunks(a->head));
    }
    keep->used = 0;
    a->head = keep;
    a->total = 0;
}

void *rl_arena_alloc(rl_arena *a, size_t n)
{
    n = align_up(n ? n : 1);
    chunk *c = a->head;
    if (!c || c->size - c->used < n) {
        size_t size = n > a->chunk_size ? n : a->chunk_size;
        chunk *fresh = chunk_new(size);
        if (!fresh)
            return NULL;
        if (a->meter) {
            rl_deadline_charge(a->meter, header_size() + size);
            a->charged += header_size() + size;
        }
        fresh->next = a->head;
        a->head = fresh;
        c = fresh;
    }
    void *p = (char *)c + header_size() + c->used;
    c->used += n;
    a->total += n;
    return p;
}

void *rl_arena_calloc(rl_arena *a, size_t n)
{
    void *p = rl_arena_alloc(a, n);
    if (p)
        memset(p, 0, n);
    return p;
}

char *rl_arena_strndup(rl_arena *a, const char *s, size_t len)
{
    char *p = rl_arena_alloc(a, len + 1);
    if (!p)
        return NULL;
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

void *rl_arena_grow(rl_arena *a, void *old, size_t old_n, size_t new_n)
{
    if (new_n <= old_n)
        return old;
    void *p = rl_arena_alloc(a, new_n);
    if (p && old && old_n)
        memcpy(p, old, old_n);
    return p;
}

void rl_arena_adopt(rl_arena *a, rl_arena *from)
{
    if (!from->head)
        return;
    chunk *last = from->head;
    while (last->next)
        last = last->next;
    if (a->head) { /* after a's current chunk, so that its room is still used */
        last->next = a->head->next;
        a->head->next = from->head;
    } else {
        a->head = from->head;
    }
    a->total += from->total;
    if (a->meter == from->meter) /* else from's meter keeps what it was charged */
        a->charged += from->charged;
    from->head = NULL;
    from->total = 0;
    from->charged = 0;
}

size_t rl_arena_used(const rl_arena *a)
{
    return a ? a->total : 0;
}
