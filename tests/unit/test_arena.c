/* test_arena.c — the bump allocator (arena.h): rl_arena_adopt moves every
 * allocation of one arena into another without copying, and the adopting
 * arena goes on allocating from its own chunk; with a meter (deadline.h,
 * --max-memory) its chunks are charged and released, and a budget passed
 * stops the work. */
#include "arena.h"
#include "deadline.h"
#include "unit.h"

#include <stdlib.h>

static void adopt_keeps_pointers(void)
{
    rl_arena *a = rl_arena_new(256), *from = rl_arena_new(256);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(from);
    char *mine = rl_arena_strndup(a, "mine", 4);
    char *kept[64];
    for (int i = 0; i < 64; i++) { /* several chunks, one oversized */
        char s[16];
        snprintf(s, sizeof s, "s%d", i);
        kept[i] = rl_arena_strndup(from, s, strlen(s));
        CU_ASSERT_PTR_NOT_NULL_FATAL(kept[i]);
    }
    CU_ASSERT_PTR_NOT_NULL_FATAL(rl_arena_alloc(from, 4096));
    size_t used = rl_arena_used(a) + rl_arena_used(from);
    rl_arena_adopt(a, from);
    CU_ASSERT_EQUAL(rl_arena_used(a), used);
    CU_ASSERT_EQUAL(rl_arena_used(from), 0);
    rl_arena_free(from); /* empty now: frees nothing of what a holds */
    char s[16];
    for (int i = 0; i < 64; i++) {
        snprintf(s, sizeof s, "s%d", i);
        ASSERT_STR_EQ(kept[i], s);
    }
    char *next = rl_arena_strndup(a, "next", 4); /* from a's own chunk, right after "mine" */
    CU_ASSERT_PTR_EQUAL(next, mine + 16);
    ASSERT_STR_EQ(mine, "mine");
    rl_arena_free(a);
}

static void adopt_into_empty(void)
{
    rl_arena *a = rl_arena_new(0), *from = rl_arena_new(0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(from);
    rl_arena_adopt(a, from); /* nothing to move */
    CU_ASSERT_EQUAL(rl_arena_used(a), 0);
    char *s = rl_arena_strndup(from, "x", 1);
    rl_arena_adopt(a, from);
    ASSERT_STR_EQ(s, "x");
    CU_ASSERT_EQUAL(rl_arena_used(a), 16);
    rl_arena_reset(a);
    CU_ASSERT_EQUAL(rl_arena_used(a), 0);
    CU_ASSERT_PTR_NOT_NULL(rl_arena_strndup(a, "y", 1));
    rl_arena_free(from);
    rl_arena_free(a);
}

/* A deadline *d with no time limit and a memory budget (0: none), and a
 * new arena of chunk-byte chunks charging it (NULL when out of memory). */
static rl_arena *metered_arena(rl_deadline *d, size_t budget, size_t chunk)
{
    rl_deadline_start(d, 0);
    rl_deadline_limit_memory(d, budget);
    rl_arena *a = rl_arena_new(chunk);
    rl_arena_set_meter(a, d);
    return a;
}

/* Chunks are charged as they are made and released as they are freed
 * (reset keeps, and keeps charged, the first); past the budget the deadline
 * is hit, with no time limit, and says why. */
static void meter_charges_and_releases(void)
{
    rl_deadline d;
    rl_arena *a = metered_arena(&d, 100000, 1024);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_PTR_NOT_NULL(rl_arena_alloc(a, 100));
    size_t first = d.mem_used;
    CU_ASSERT(first >= 1024 && first < 2048);
    for (int i = 0; i < 20; i++)
        CU_ASSERT_PTR_NOT_NULL(rl_arena_alloc(a, 1000));
    CU_ASSERT(d.mem_used >= first + 20 * 1000);
    CU_ASSERT_EQUAL(rl_deadline_hit(&d), 0);
    rl_arena_reset(a);
    CU_ASSERT_EQUAL(d.mem_used, first);
    CU_ASSERT_PTR_NOT_NULL(rl_arena_alloc(a, 200000)); /* a chunk of its own: over */
    CU_ASSERT_EQUAL(d.expired, RL_STOP_MEMORY);
    CU_ASSERT_EQUAL(rl_deadline_hit(&d), 1);
    CU_ASSERT_EQUAL(rl_deadline_check(&d), 1);
    CU_ASSERT_EQUAL(rl_deadline_left_ms(&d), 0);
    rl_arena_free(a);
    CU_ASSERT_EQUAL(d.mem_used, 0);
    CU_ASSERT_EQUAL(d.expired, RL_STOP_MEMORY); /* once hit, stays hit */
}

/* Detached, an arena charges nothing more, and what it was charged stays
 * with the meter (a parsed tree outlives its parse); 0 is no budget. */
static void meter_detached(void)
{
    rl_deadline d;
    rl_arena *a = metered_arena(&d, 0, 512);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_PTR_NOT_NULL(rl_arena_alloc(a, 5000));
    size_t held = d.mem_used;
    CU_ASSERT(held >= 5000);
    rl_arena_set_meter(a, NULL);
    CU_ASSERT_PTR_NOT_NULL(rl_arena_alloc(a, 5000));
    rl_arena_free(a);
    CU_ASSERT_EQUAL(d.mem_used, held);
    CU_ASSERT_EQUAL(rl_deadline_hit(&d), 0);
    rl_deadline_release(&d, held + 1); /* never below zero */
    CU_ASSERT_EQUAL(d.mem_used, 0);
}

int main(void)
{
    static const unit_test tests[] = {
        {"rl_arena_adopt moves allocations, pointers stay valid", adopt_keeps_pointers},
        {"rl_arena_adopt into an empty arena, then reset", adopt_into_empty},
        {"a meter is charged for chunks and released as they go", meter_charges_and_releases},
        {"a detached arena leaves its charge with the meter", meter_detached},
        {NULL, NULL},
    };
    return unit_run("arena", tests);
}
