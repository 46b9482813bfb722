/* test_sbuf.c — the byte buffer's integer appends agree with printf's
 * "%lld" and "%0*llu" (they replace printf on the output's hot path). */
#include "unit.h"
#include "sbuf.h"

#include <limits.h>

static void test_int(void)
{
    static const long long v[] = {0, 1, -1, 9, 10, -10, 123456789, LLONG_MAX, LLONG_MIN};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        char want[32];
        snprintf(want, sizeof want, "%lld", v[i]);
        rl_sbuf b = RL_SBUF_INIT;
        rl_sbuf_adds(&b, "x");
        rl_sbuf_add_int(&b, v[i]);
        CU_ASSERT_STRING_EQUAL(rl_sbuf_str(&b) + 1, want);
        rl_sbuf_free(&b);
    }
}

static void test_uint_width(void)
{
    static const unsigned long long v[] = {0, 5, 42, 2025, 12345, ULLONG_MAX};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        for (int w = 0; w <= 5; w++) {
            char want[32];
            snprintf(want, sizeof want, "%0*llu", w, v[i]);
            rl_sbuf b = RL_SBUF_INIT;
            rl_sbuf_add_uint(&b, v[i], w);
            CU_ASSERT_STRING_EQUAL(rl_sbuf_str(&b), want);
            rl_sbuf_free(&b);
        }
}

int main(void)
{
    static const unit_test tests[] = {
        {"add_int is %lld", test_int},
        {"add_uint is %0*llu", test_uint_width},
        {NULL, NULL},
    };
    return unit_run("sbuf", tests);
}
