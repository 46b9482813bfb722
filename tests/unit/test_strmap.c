/* test_strmap.c — the hash table: find after put, replacing a value,
 * growth past many keys, empty and colliding keys; address keys (equal
 * texts at two addresses are two keys); filtering, in place. */
#include "unit.h"
#include "strmap.h"

#include <stdint.h>
#include <stdio.h>
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

static void test_by_address(void)
{
    char a[] = "same", b[] = "same";
    rl_strmap text = RL_STRMAP_INIT, addr = RL_PTRMAP_INIT;
    CU_ASSERT_EQUAL(rl_strmap_put(&text, a, (void *)1), 0);
    CU_ASSERT_EQUAL(rl_strmap_put(&text, b, (void *)2), 0);
    CU_ASSERT_EQUAL(text.n, 1); /* one text: b replaced a's value */
    CU_ASSERT_PTR_EQUAL(rl_strmap_get(&text, a), (void *)2);
    CU_ASSERT_EQUAL(rl_strmap_put(&addr, a, (void *)1), 0);
    CU_ASSERT_EQUAL(rl_strmap_put(&addr, b, (void *)2), 0);
    CU_ASSERT_EQUAL(addr.n, 2); /* two addresses */
    CU_ASSERT_PTR_EQUAL(rl_strmap_get(&addr, a), (void *)1);
    CU_ASSERT_PTR_EQUAL(rl_strmap_get(&addr, b), (void *)2);
    CU_ASSERT_PTR_NULL(rl_strmap_get(&addr, "same"));
    int objs[1000]; /* keys that are not strings at all */
    for (size_t i = 0; i < 1000; i++)
        CU_ASSERT_EQUAL(rl_strmap_put(&addr, &objs[i], (void *)(uintptr_t)(i + 1)), 0);
    size_t found = 0;
    for (size_t i = 0; i < 1000; i++)
        found += (uintptr_t)rl_strmap_get(&addr, &objs[i]) == i + 1;
    CU_ASSERT_EQUAL(found, 1000);
    rl_strmap_free(&text);
    rl_strmap_free(&addr);
}

static int is_even(void *value, void *ctx)
{
    (void)ctx;
    return (uintptr_t)value % 2 == 0;
}

static void test_filter(void)
{
    rl_strmap m = RL_STRMAP_INIT;
    rl_strmap_filter(&m, is_even, NULL); /* empty: nothing to do */
    CU_ASSERT_EQUAL(m.n, 0);
    static char keys[100][8];
    for (size_t i = 0; i < 100; i++) {
        snprintf(keys[i], sizeof keys[i], "k%zu", i);
        CU_ASSERT_EQUAL(rl_strmap_put(&m, keys[i], (void *)(uintptr_t)(i + 1)), 0);
    }
    rl_strmap_filter(&m, is_even, NULL);
    CU_ASSERT_EQUAL(m.n, 50);
    size_t right = 0;
    for (size_t i = 0; i < 100; i++) {
        void *v = rl_strmap_get(&m, keys[i]);
        right += (i + 1) % 2 == 0 ? (uintptr_t)v == i + 1 : v == NULL;
    }
    CU_ASSERT_EQUAL(right, 100);
    CU_ASSERT_EQUAL(rl_strmap_put(&m, keys[1], (void *)7), 0); /* still usable */
    CU_ASSERT_PTR_EQUAL(rl_strmap_get(&m, keys[1]), (void *)7);
    rl_strmap_free(&m);
}

static int keep_third(void *value, void *ctx)
{
    (void)ctx;
    return (uintptr_t)value % 3 == 0;
}

/* In place, on a table kept just under half full by address keys (long
 * probe chains that wrap around the end): every kept entry is still
 * found, every dropped one is gone, and filtering twice changes nothing. */
static void test_filter_in_place(void)
{
    enum { N = 2047 }; /* 4,096 slots: 2,047 keys stay below half */
    static int objs[N];
    rl_strmap m = RL_PTRMAP_INIT;
    for (size_t i = 0; i < N; i++)
        CU_ASSERT_EQUAL(rl_strmap_put(&m, &objs[i], (void *)(uintptr_t)(i + 1)), 0);
    size_t cap = m.cap;
    for (int round = 0; round < 2; round++) {
        rl_strmap_filter(&m, keep_third, NULL);
        CU_ASSERT_EQUAL(m.cap, cap); /* nothing reallocated */
        CU_ASSERT_EQUAL(m.n, N / 3);
        size_t right = 0;
        for (size_t i = 0; i < N; i++) {
            void *v = rl_strmap_get(&m, &objs[i]);
            right += (i + 1) % 3 == 0 ? (uintptr_t)v == i + 1 : v == NULL;
        }
        CU_ASSERT_EQUAL(right, N);
    }
    rl_strmap_free(&m);
}

int main(void)
{
    static const unit_test tests[] = {
        {"put and find", test_put_find},
        {"20,000 keys", test_many},
        {"address keys", test_by_address},
        {"filter", test_filter},
        {"filter in place", test_filter_in_place},
        {NULL, NULL},
    };
    return unit_run("strmap", tests);
}
