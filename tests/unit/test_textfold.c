/* test_textfold.c — folding for word comparison: case (Latin, Vietnamese,
 * Cyrillic), NFC = NFD, canonical order of marks, white space collapsed,
 * and failures on invalid UTF-8 or overflow. */
#include "unit.h"
#include "textfold.h"

typedef struct fcase {
    const char *a, *b;
    int equal;
} fcase;

static const fcase cases[] = {
    {"December", "december", 1},
    {"ДЕКАБРЯ", "декабря", 1},
    {"Ёлка", "ёлка", 1},
    {"ЁЛКА", "е\xCC\x88лка", 1},            /* Ё = е + U+0308 */
    {"май", "ма\xD0\xB8\xCC\x86", 1},        /* й = и + U+0306 */
    {"TRIỆU", "triệu", 1},
    {"triệu", "trie\xCC\xA3\xCC\x82u", 1},   /* NFC vs NFD */
    {"triệu", "trie\xCC\x82\xCC\xA3u", 1},   /* marks in the other order: same word */
    {"triệu", "tri\xC3\xAA\xCC\xA3u", 1},    /* partly composed */
    {"ĐỒNG", "đồng", 1},
    {"ƯỚC", "ước", 1},
    {"Ơ", "ơ", 1},
    {"Ă", "ă", 1},
    {"ÅR", "a\xCC\x8Ar", 1},
    {"ngàn tỷ", "ngàn \xC2\xA0 tỷ", 1},       /* a run of spaces is one */
    {"  tusen ", "tusen", 1},
    {"tháng", "thang", 0},                    /* marks matter */
    {"triệu", "triêu", 0},
    {"й", "и", 0},
    {"ø", "o", 0},
    {"mill", "mill.", 0},
    {"a b", "ab", 0},
    {NULL, NULL, 0},
};

static void test_equal(void)
{
    for (const fcase *c = cases; c->a; c++) {
        uint32_t f[64];
        size_t n = rl_fold(c->a, strlen(c->a), f, 64);
        CU_ASSERT_NOT_EQUAL_FATAL(n, RL_FOLD_FAIL);
        if (rl_fold_equals(f, n, c->b) != c->equal) {
            fprintf(stderr, "'%s' vs '%s': expected %s\n", c->a, c->b, c->equal ? "equal" : "different");
            CU_FAIL("fold comparison");
        }
    }
}

static void test_shape(void)
{
    uint32_t f[8];
    CU_ASSERT_EQUAL(rl_fold("  A\xC2\xA0\xE2\x80\xAF" "B  ", 10, f, 8), 3);
    CU_ASSERT(f[0] == 'a' && f[1] == ' ' && f[2] == 'b');
    CU_ASSERT_EQUAL(rl_fold("", 0, f, 8), 0);
    CU_ASSERT_EQUAL(rl_fold("   ", 3, f, 8), 0);
    CU_ASSERT_EQUAL(rl_fold("abc\xFF", 4, f, 8), RL_FOLD_FAIL);      /* invalid UTF-8 */
    CU_ASSERT_EQUAL(rl_fold("\xED\xA0\x80", 3, f, 8), RL_FOLD_FAIL); /* a surrogate */
    CU_ASSERT_EQUAL(rl_fold("abcdefghi", 9, f, 8), RL_FOLD_FAIL);    /* does not fit */
    CU_ASSERT_EQUAL(rl_fold("ệ", strlen("ệ"), f, 2), RL_FOLD_FAIL);  /* decomposes to 3 */
    CU_ASSERT_EQUAL(rl_fold("ệ", strlen("ệ"), f, 3), 3);
    CU_ASSERT(f[0] == 'e' && f[1] == 0x323 && f[2] == 0x302);
}

static void test_lower_and_space(void)
{
    CU_ASSERT_EQUAL(rl_fold_lower('Z'), 'z');
    CU_ASSERT_EQUAL(rl_fold_lower(0xD7), 0xD7);     /* × is no letter */
    CU_ASSERT_EQUAL(rl_fold_lower(0x130), 'i');     /* İ */
    CU_ASSERT_EQUAL(rl_fold_lower(0x131), 0x131);   /* ı stays */
    CU_ASSERT_EQUAL(rl_fold_lower(0x1EC6), 0x1EC7); /* Ệ */
    CU_ASSERT_EQUAL(rl_fold_lower(0x401), 0x451);   /* Ё */
    CU_ASSERT_EQUAL(rl_fold_lower(0x42F), 0x44F);   /* Я */
    CU_ASSERT(rl_fold_is_space(0xA0) && rl_fold_is_space(0x202F) && rl_fold_is_space(0x2009));
    CU_ASSERT(!rl_fold_is_space(0x200B)); /* zero width space is not White_Space */
}

int main(void)
{
    static const unit_test tests[] = {
        {"words compare folded", test_equal},
        {"fold output and failures", test_shape},
        {"lowercase and white space", test_lower_and_space},
        {NULL, NULL},
    };
    return unit_run("textfold", tests);
}
