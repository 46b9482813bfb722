/* test_strmap.c — the string hash table: find after put, replacing a
 * value, growth past many keys, empty and colliding keys. */
#include "unit.h"
#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>

static void test_put_find(void)
{
    rl_strmap m = RL_STRMAP_INIT;
    CU_ASSERT_PTR_NULL(rl_strmap_find(&m, "a")); /* an empty map finds nothing */
    CU_ASSERT_EQUAL(rl_strmap_put(&m, "a", (void *)1), 0);
    CU_ASSERT_EQUAL(rl_strmap_put(&m, "", (void *)2), 0);
    const rl_strmap_slot *s = rl_strmap_find(&m, "a");
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_PTR_EQUAL(s->value, (void *)1);
    CU_ASSERT_PTR_EQUAL(rl_strmap_find(&m, "")->value, (void *)2);
    CU_ASSERT_PTR_NULL(rl_strmap_find(&m, "b"));
    CU_ASSERT_EQUAL(rl_strmap_put(&m, "a", (void *)3), 0); /* a later value replaces */
    CU_ASSERT_PTR_EQUAL(rl_strmap_find(&m, "a")->value, (void *)3);
    CU_ASSERT_EQUAL(m.n, 2);
    rl_strmap_free(&m);
}

static void test_many(void)
{
    enum { N = 20000 };
    char(*keys)[16] = malloc(N * sizeof *keys);
    CU_ASSERT_PTR_NOT_NULL_FATAL(keys);
    rl_strmap m = RL_STRMAP_INIT;
    for (size_t i = 0; i < N; i++) {
        snprintf(keys[i], sizeof keys[i], "R%zu", i);
        CU_ASSERT_EQUAL(rl_strmap_put(&m, keys[i], (void *)(uintptr_t)(i + 1)), 0);
    }
    CU_ASSERT_EQUAL(m.n, N);
    CU_ASSERT(m.cap >= 2 * m.n); /* at most half full */
    size_t found = 0;
    for (size_t i = 0; i < N; i++) {
        const rl_strmap_slot *s = rl_strmap_find(&m, keys[i]);
        found += s && (uintptr_t)s->value == i + 1;
    }
    CU_ASSERT_EQUAL(found, N);
    CU_ASSERT_PTR_NULL(rl_strmap_find(&m, "R20000"));
    rl_strmap_free(&m);
    free(keys);
}

int main(void)
{
    static const unit_test tests[] = {
        {"put and find", test_put_find},
        {"20,000 keys", test_many},
        {NULL, NULL},
    };
    return unit_run("strmap", tests);
}
