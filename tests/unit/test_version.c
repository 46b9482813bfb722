/* test_version.c — the version macros and rl_version agree, and the
 * option initialisers give every default. */
#include "unit.h"
#include "reportlint.h"

#include <stdlib.h>

static void test_version(void)
{
    char want[32];
    snprintf(want, sizeof want, "%d.%d.%d", RL_VERSION_MAJOR, RL_VERSION_MINOR, RL_VERSION_PATCH);
    ASSERT_STR_EQ(RL_VERSION, want);
    ASSERT_STR_EQ(rl_version(), RL_VERSION);
    CU_ASSERT_EQUAL(rl_version_num(), RL_VERSION_NUM);
    CU_ASSERT_EQUAL(RL_VERSION_NUM, RL_VERSION_MAJOR * 10000 + RL_VERSION_MINOR * 100 + RL_VERSION_PATCH);
}

static void test_opts_init(void)
{
    rl_check_opts c = RL_CHECK_OPTS_INIT;
    CU_ASSERT_PTR_NULL(c.locale);
    CU_ASSERT_PTR_NULL(c.only);
    CU_ASSERT_EQUAL(c.max_violations, 0);
    CU_ASSERT_EQUAL(c.timeout, 0.0);
    rl_write_opts w = RL_WRITE_OPTS_INIT;
    CU_ASSERT_EQUAL(w.color, 0);
    CU_ASSERT_EQUAL(w.verbosity, 0);
    rl_tool_opts t = RL_TOOL_OPTS_INIT;
    CU_ASSERT_PTR_NULL(t.at);
    CU_ASSERT_EQUAL(t.record, 0);
}

int main(void)
{
    static const unit_test tests[] = {
        {"version macros and rl_version", test_version},
        {"option initialisers", test_opts_init},
        {NULL, NULL},
    };
    return unit_run("version", tests);
}
