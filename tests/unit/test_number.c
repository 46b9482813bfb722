/* test_number.c — reading numbers held as strings: exact integers, decimals
 * as written, percent, white space, and errors that quote the text (the
 * plain forms, in the default locale en; locale forms are in
 * test_locale_number.c). */
#include "unit.h"
#include "number.h"

#include <stdint.h>

static int num(const char *s, rl_value *v)
{
    rl_error err;
    memset(&err, 0, sizeof err);
    return rl_number_parse(s, strlen(s), NULL, v, &err);
}

static void test_integers(void)
{
    rl_value v;
    CU_ASSERT_TRUE(num("1377", &v));
    CU_ASSERT_EQUAL(v.type, RL_VINT);
    CU_ASSERT_EQUAL(v.u.i, 1377);
    CU_ASSERT_EQUAL(v.decimals, 0);
    CU_ASSERT_PTR_NULL(v.src);
    CU_ASSERT_TRUE(num("-12", &v));
    CU_ASSERT_EQUAL(v.u.i, -12);
    CU_ASSERT_TRUE(num("+7", &v));
    CU_ASSERT_EQUAL(v.u.i, 7);
    CU_ASSERT_TRUE(num("9007199254740993", &v));
    CU_ASSERT_EQUAL(v.type, RL_VINT);
    CU_ASSERT_EQUAL(v.u.i, 9007199254740993LL);
    CU_ASSERT_TRUE(num("9223372036854775807", &v));
    CU_ASSERT_EQUAL(v.u.i, INT64_MAX);
    CU_ASSERT_TRUE(num("-9223372036854775808", &v));
    CU_ASSERT_EQUAL(v.type, RL_VINT);
    CU_ASSERT_EQUAL(v.u.i, INT64_MIN);
    /* beyond int64: a double, never a wrap */
    CU_ASSERT_TRUE(num("9223372036854775808", &v));
    CU_ASSERT_EQUAL(v.type, RL_VNUM);
    CU_ASSERT_EQUAL(v.u.d, 9223372036854775808.0);
    CU_ASSERT_TRUE(num("007", &v));
    CU_ASSERT_EQUAL(v.u.i, 7);
}

static void test_decimals(void)
{
    rl_value v;
    CU_ASSERT_TRUE(num("-12.5", &v));
    CU_ASSERT_EQUAL(v.type, RL_VNUM);
    CU_ASSERT_EQUAL(v.u.d, -12.5);
    CU_ASSERT_EQUAL(v.decimals, 1);
    CU_ASSERT_TRUE(num("94.60", &v));
    CU_ASSERT_EQUAL(v.decimals, 2);
    CU_ASSERT_TRUE(num("1e3", &v));
    CU_ASSERT_EQUAL(v.type, RL_VNUM);
    CU_ASSERT_EQUAL(v.u.d, 1000.0);
    CU_ASSERT_EQUAL(v.decimals, -3);
    CU_ASSERT_TRUE(num("1.25E+1", &v));
    CU_ASSERT_EQUAL(v.u.d, 12.5);
    CU_ASSERT_EQUAL(v.decimals, 1);
    CU_ASSERT_TRUE(num("5e-3", &v));
    CU_ASSERT_EQUAL(v.u.d, 0.005);
    CU_ASSERT_EQUAL(v.decimals, 3);
}

static void test_percent_and_space(void)
{
    rl_value v;
    CU_ASSERT_TRUE(num("95%", &v));
    CU_ASSERT_EQUAL(v.type, RL_VINT);
    CU_ASSERT_EQUAL(v.u.i, 95);
    CU_ASSERT_TRUE(num(" 94.6 % ", &v));
    CU_ASSERT_EQUAL(v.u.d, 94.6);
    CU_ASSERT_EQUAL(v.decimals, 1);
    CU_ASSERT_TRUE(num("\t42\n", &v));
    CU_ASSERT_EQUAL(v.u.i, 42);
}

static void test_rejects(void)
{
    const char *bad[] = {"", " ", "abc", "12abc", "1,37", "1 377", "1.2.3", "--1", "+-1",
                         "1.", ".5", "1e", "1e+", "e5", "%", "95%%", "nan", "inf", "1e999",
                         "0x10", "١٢", "12 %x", NULL};
    for (const char **b = bad; *b; b++) {
        rl_value v;
        if (num(*b, &v)) {
            fprintf(stderr, "accepted '%s'\n", *b);
            CU_FAIL("accepted a non-number");
        }
    }
    rl_error err;
    memset(&err, 0, sizeof err);
    rl_value v;
    CU_ASSERT_FALSE(rl_number_parse("abc", 3, "vi", &v, &err));
    ASSERT_STR_EQ(err.message, "'abc' is not a number in locale vi (vi writes 1.377,5)");
    CU_ASSERT_TRUE(err.failed);
    memset(&err, 0, sizeof err);
    CU_ASSERT_FALSE(rl_number_parse("x", 1, NULL, &v, &err));
    ASSERT_STR_EQ(err.message, "'x' is not a number in locale en (en writes 1,377.5)");
    /* a long text is quoted shortened, cut on a character boundary */
    char big[200];
    memset(big, 'a', sizeof big);
    memcpy(big + 58, "\xc3\xa9", 2);
    memset(&err, 0, sizeof err);
    CU_ASSERT_FALSE(rl_number_parse(big, sizeof big, NULL, &v, &err));
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "...' is not a number"));
    CU_ASSERT(strlen(err.message) < 120);
    /* the length is respected */
    CU_ASSERT_TRUE(rl_number_parse("12x", 2, NULL, &v, &err));
    CU_ASSERT_EQUAL(v.u.i, 12);
}

int main(void)
{
    static const unit_test tests[] = {
        {"integers are exact int64", test_integers},
        {"decimals as written", test_decimals},
        {"percent sign and white space", test_percent_and_space},
        {"non-numbers are errors quoting the text", test_rejects},
        {NULL, NULL},
    };
    return unit_run("number", tests);
}
