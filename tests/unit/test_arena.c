/* test_arena.c — the bump allocator (arena.h): rl_arena_adopt moves every
 * allocation of one arena into another without copying, and the adopting
 * arena goes on allocating from its own chunk. */
#include "arena.h"
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

int main(void)
{
    static const unit_test tests[] = {
        {"rl_arena_adopt moves allocations, pointers stay valid", adopt_keeps_pointers},
        {"rl_arena_adopt into an empty arena, then reset", adopt_into_empty},
        {NULL, NULL},
    };
    return unit_run("arena", tests);
}
