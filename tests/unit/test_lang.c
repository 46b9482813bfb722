/* test_lang.c — message languages: codes and locale names, plural forms,
 * and how each language writes the numbers in a message (decimal mark,
 * rounding, lists). */
#include "unit.h"
#include "lang.h"
#include "messages.h"
#include "reportlint.h"
#include "template.h"
#include "value.h"

static void test_parse(void)
{
    rl_lang l = RL_LANG_COUNT;
    CU_ASSERT(rl_lang_parse("vi", &l) && l == RL_LANG_VI);
    CU_ASSERT(rl_lang_parse("vi_VN.UTF-8", &l) && l == RL_LANG_VI);
    CU_ASSERT(rl_lang_parse("id_ID", &l) && l == RL_LANG_ID);
    CU_ASSERT(rl_lang_parse("ru-RU", &l) && l == RL_LANG_RU);
    CU_ASSERT(rl_lang_parse("nb_NO.UTF-8@euro", &l) && l == RL_LANG_NB);
    CU_ASSERT(rl_lang_parse("no_NO", &l) && l == RL_LANG_NB);
    CU_ASSERT(rl_lang_parse("EN", &l) && l == RL_LANG_EN);
    CU_ASSERT(rl_lang_parse("en_US.UTF-8", &l) && l == RL_LANG_EN);
    CU_ASSERT_FALSE(rl_lang_parse("C", &l));
    CU_ASSERT_FALSE(rl_lang_parse("C.UTF-8", &l));
    CU_ASSERT_FALSE(rl_lang_parse("POSIX", &l));
    CU_ASSERT_FALSE(rl_lang_parse("fr_FR.UTF-8", &l));
    CU_ASSERT_FALSE(rl_lang_parse("vie", &l));
    CU_ASSERT_FALSE(rl_lang_parse("", &l));
    CU_ASSERT_FALSE(rl_lang_parse(NULL, &l));
    ASSERT_STR_EQ(rl_lang_match("vi_VN.UTF-8"), "vi");
    CU_ASSERT_PTR_NULL(rl_lang_match("C"));
    const char *const *all = rl_langs();
    ASSERT_STR_EQ(all[0], "en");
    ASSERT_STR_EQ(all[4], "nb");
    CU_ASSERT_PTR_NULL(all[5]);
    for (int i = 0; i < RL_LANG_COUNT; i++)
        ASSERT_STR_EQ(rl_lang_code((rl_lang)i), all[i]);
}

static void test_plural(void)
{
    /* Russian: 1 21 101 one; 2-4 22-24 few; 0 5-20 11-14 111 many */
    static const struct { uint64_t n; int form; } ru[] = {
        {0, 2}, {1, 0}, {2, 1}, {4, 1}, {5, 2}, {11, 2}, {12, 2}, {14, 2}, {21, 0},
        {22, 1}, {25, 2}, {101, 0}, {111, 2}, {112, 2}, {1002, 1}, {21087, 2}};
    for (size_t i = 0; i < sizeof ru / sizeof *ru; i++)
        CU_ASSERT_EQUAL(rl_lang_plural(RL_LANG_RU, ru[i].n), ru[i].form);
    CU_ASSERT_EQUAL(rl_lang_plural(RL_LANG_EN, 1), 0);
    CU_ASSERT_EQUAL(rl_lang_plural(RL_LANG_EN, 0), 2);
    CU_ASSERT_EQUAL(rl_lang_plural(RL_LANG_NB, 21), 2);
    CU_ASSERT_EQUAL(rl_lang_plural(RL_LANG_VI, 1), 2);
    CU_ASSERT_EQUAL(rl_lang_plural(RL_LANG_ID, 1), 2);
}

static void check_count(rl_msg noun, rl_lang lang, uint64_t n, const char *want)
{
    rl_sbuf b = RL_SBUF_INIT;
    rl_msg_count(&b, noun, lang, n);
    ASSERT_STR_EQ(rl_sbuf_str(&b), want);
    rl_sbuf_free(&b);
}

static void test_counted_nouns(void)
{
    check_count(RL_MSG_NOUN_VIOLATION, RL_LANG_EN, 1, "1 violation");
    check_count(RL_MSG_NOUN_VIOLATION, RL_LANG_EN, 12, "12 violations");
    check_count(RL_MSG_NOUN_VIOLATION, RL_LANG_RU, 1, "1 нарушение");
    check_count(RL_MSG_NOUN_VIOLATION, RL_LANG_RU, 3, "3 нарушения");
    check_count(RL_MSG_NOUN_VIOLATION, RL_LANG_RU, 14, "14 нарушений");
    check_count(RL_MSG_NOUN_FILE, RL_LANG_RU, 21, "21 файле");
    check_count(RL_MSG_NOUN_FILE, RL_LANG_RU, 38, "38 файлах");
    check_count(RL_MSG_NOUN_EVALUATION, RL_LANG_RU, 21125, "21125 проверок");
    check_count(RL_MSG_NOUN_WARNING, RL_LANG_NB, 1, "1 advarsel");
    check_count(RL_MSG_NOUN_WARNING, RL_LANG_NB, 2, "2 advarsler");
    check_count(RL_MSG_NOUN_ERROR, RL_LANG_VI, 1, "1 lỗi");
    check_count(RL_MSG_NOUN_RULE, RL_LANG_ID, 34, "34 aturan");
}

static void check_num(rl_lang lang, double d, const char *want)
{
    rl_value v;
    rl_sbuf b = RL_SBUF_INIT;
    rl_value_set_num(&v, d);
    rl_value_format_mark(&b, &v, 2, rl_lang_decimal_mark(lang));
    ASSERT_STR_EQ(rl_sbuf_str(&b), want);
    rl_sbuf_free(&b);
}

static void test_numbers(void)
{
    CU_ASSERT_EQUAL(rl_lang_decimal_mark(RL_LANG_EN), '.');
    for (int l = 1; l < RL_LANG_COUNT; l++)
        CU_ASSERT_EQUAL(rl_lang_decimal_mark((rl_lang)l), ',');
    check_num(RL_LANG_EN, 24382.0 / 3139, "7.77");
    check_num(RL_LANG_VI, 24382.0 / 3139, "7,77");
    check_num(RL_LANG_ID, 24382.0 / 3139, "7,77");
    check_num(RL_LANG_RU, 24382.0 / 3139, "7,77");
    check_num(RL_LANG_NB, 24382.0 / 3139, "7,77");
    check_num(RL_LANG_EN, 6 - 24382.0 / 3139, "-1.77");
    check_num(RL_LANG_RU, 6 - 24382.0 / 3139, "-1,77");
    check_num(RL_LANG_VI, 94.6, "94,6");
    check_num(RL_LANG_NB, 0.0012, "0,0012");   /* small: two significant digits */
    check_num(RL_LANG_ID, 95.0, "95");         /* no trailing ",0" */
    check_num(RL_LANG_VI, 24382.0, "24382");   /* no digit grouping */
    check_num(RL_LANG_RU, 1.5e22, "1,5e+22");  /* beyond fixed notation */
    check_num(RL_LANG_EN, 1.5e22, "1.5e+22");
    rl_value v;
    rl_sbuf b = RL_SBUF_INIT;
    rl_value_set_int(&v, 24382);
    rl_value_format_mark(&b, &v, 2, ',');
    ASSERT_STR_EQ(rl_sbuf_str(&b), "24382");
    rl_sbuf_free(&b);
}

/* The DESIGN example, through a template, in every language. */
static void test_template_numbers(void)
{
    static const char *const names[] = {"actual", "expected", "total", "count", "imbalance", NULL};
    const char *text = "{actual}, {expected} = {total} / {count} ({imbalance})";
    rl_error err = {0};
    rl_template *t = rl_template_compile(text, strlen(text), names, NULL, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    rl_fig figs[5] = {{"actual", {0}}, {"expected", {0}}, {"total", {0}}, {"count", {0}},
                      {"imbalance", {0}}};
    rl_value_set_int(&figs[0].v, 6);
    rl_value_set_num(&figs[1].v, 24382.0 / 3139);
    rl_value_set_int(&figs[2].v, 24382);
    rl_value_set_int(&figs[3].v, 3139);
    rl_value_set_num(&figs[4].v, 6 - 24382.0 / 3139);
    static const char *const want[RL_LANG_COUNT] = {
        "6, 7.77 = 24382 / 3139 (-1.77)", "6, 7,77 = 24382 / 3139 (-1,77)",
        "6, 7,77 = 24382 / 3139 (-1,77)", "6, 7,77 = 24382 / 3139 (-1,77)",
        "6, 7,77 = 24382 / 3139 (-1,77)"};
    for (int l = 0; l < RL_LANG_COUNT; l++) {
        rl_sbuf b = RL_SBUF_INIT;
        rl_template_expand(t, figs, 5, NULL, (rl_lang)l, &b);
        ASSERT_STR_EQ(rl_sbuf_str(&b), want[l]);
        rl_sbuf_free(&b);
    }
    rl_template_free(t);
}

static void test_lists(void)
{
    rl_value items[2], list;
    rl_value_set_num(&items[0], 1.5);
    rl_value_set_num(&items[1], 2.25);
    list.type = RL_VLIST;
    list.src = NULL;
    list.u.list.nodes = NULL;
    list.u.list.values = items;
    list.u.list.n = 2;
    rl_sbuf b = RL_SBUF_INIT;
    rl_value_format_mark(&b, &list, 2, '.');
    ASSERT_STR_EQ(rl_sbuf_str(&b), "[1.5, 2.25]");
    rl_sbuf_clear(&b);
    rl_value_format_mark(&b, &list, 2, ',');
    ASSERT_STR_EQ(rl_sbuf_str(&b), "[1,5; 2,25]");
    rl_sbuf_free(&b);
}

int main(void)
{
    static const unit_test tests[] = {
        {"language codes and locale names", test_parse},
        {"plural forms (CLDR)", test_plural},
        {"counted nouns in the summary", test_counted_nouns},
        {"numbers: decimal mark per language", test_numbers},
        {"numbers in a template, every language", test_template_numbers},
        {"lists keep their items apart", test_lists},
        {NULL, NULL},
    };
    return unit_run("lang", tests);
}
