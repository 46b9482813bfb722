/* test_array.c — the growable-array helper (array.h) and FNV-1a (hash.h). */
#include "array.h"
#include "hash.h"
#include "unit.h"

#include <stdint.h>
#include <stdlib.h>

static void grow_doubles(void)
{
    int *a = NULL;
    size_t cap = 0;
    for (size_t n = 0; n < 100; n++) {
        int *more = rl_array_grow(a, &cap, n + 1, sizeof *a);
        CU_ASSERT_PTR_NOT_NULL_FATAL(more);
        a = more;
        a[n] = (int)n;
        CU_ASSERT(cap >= n + 1);
    }
    CU_ASSERT_EQUAL(cap, 128); /* 8, 16, ..., 128: doubled, not one by one */
    CU_ASSERT_EQUAL(a[99], 99);
    free(a);
}

static void overflow_refused(void)
{
    char *a = malloc(4);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    size_t cap = 4;
    CU_ASSERT_PTR_NULL(rl_array_resize(a, SIZE_MAX / 2 + 2, 2));
    CU_ASSERT_PTR_NULL(rl_array_grow(a, &cap, SIZE_MAX / 8 + 1, 8));
    CU_ASSERT_EQUAL(cap, 4); /* unchanged on failure; a still ours */
    CU_ASSERT_PTR_NULL(rl_array_resize(a, 0, 8));
    free(a);
}

static void fnv_vectors(void)
{
    /* the published FNV-1a 64 test vectors */
    CU_ASSERT_EQUAL(rl_fnv1a(RL_FNV1A_INIT, "", 0), 0xcbf29ce484222325ull);
    CU_ASSERT_EQUAL(rl_fnv1a(RL_FNV1A_INIT, "a", 1), 0xaf63dc4c8601ec8cull);
    CU_ASSERT_EQUAL(rl_fnv1a(RL_FNV1A_INIT, "foobar", 6), 0x85944171f73967e8ull);
    uint64_t h = rl_fnv1a(RL_FNV1A_INIT, "foo", 3);
    CU_ASSERT_EQUAL(rl_fnv1a(h, "bar", 3), 0x85944171f73967e8ull); /* continued */
    CU_ASSERT_EQUAL(rl_fnv1a_str(RL_FNV1A_INIT, NULL), rl_fnv1a_str(RL_FNV1A_INIT, ""));
    CU_ASSERT_EQUAL(rl_fnv1a_str(RL_FNV1A_INIT, "a"), rl_fnv1a(RL_FNV1A_INIT, "a", 2));
}

int main(void)
{
    static const unit_test tests[] = {
        {"rl_array_grow doubles the capacity", grow_doubles},
        {"a size that overflows is refused, the array kept", overflow_refused},
        {"FNV-1a 64 gives the published values", fnv_vectors},
        {NULL, NULL},
    };
    return unit_run("array", tests);
}
