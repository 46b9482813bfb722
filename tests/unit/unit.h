/* unit.h — a few lines around CUnit so that each tests/unit/test_*.c is a
 * small program: a table of tests and one call to unit_run(). */
#ifndef RL_UNIT_H
#define RL_UNIT_H

#include <CUnit/Basic.h>
#include <stdio.h>
#include <string.h>

typedef struct unit_test {
    const char *name;
    void (*fn)(void);
} unit_test;

/* Run a table ending in {NULL, NULL}; exit status 0 only if all pass. */
static inline int unit_run(const char *suite_name, const unit_test *tests)
{
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 2;
    CU_pSuite suite = CU_add_suite(suite_name, NULL, NULL);
    for (const unit_test *t = tests; suite && t->name; t++)
        CU_add_test(suite, t->name, t->fn);
    CU_basic_set_mode(CU_BRM_NORMAL);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
    unsigned run = CU_get_number_of_tests_run();
    CU_cleanup_registry();
    if (run == 0) {
        fprintf(stderr, "%s: no test ran\n", suite_name);
        return 1;
    }
    return failed ? 1 : 0;
}

#define ASSERT_STR_EQ(actual, expected) CU_ASSERT_STRING_EQUAL((actual), (expected))

#endif
