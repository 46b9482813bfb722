/* test_messages.c — the message catalog: every message in every language,
 * the same placeholders as English, plural forms where a language needs
 * them, kinds naming only their own figures, the compiled catalog, and
 * figure names in words (every kind's figures, in every language). */
#include "unit.h"
#include "kinds.h"
#include "messages.h"
#include "utf8.h"

#include <stdlib.h>

static int same_names(char **a, char **b)
{
    size_t na = 0, nb = 0;
    while (a[na])
        na++;
    while (b[nb])
        nb++;
    if (na != nb)
        return 0;
    for (size_t i = 0; i < na; i++) {
        int found = 0;
        for (size_t j = 0; j < nb && !found; j++)
            found = strcmp(a[i], b[j]) == 0;
        if (!found)
            return 0;
    }
    return 1;
}

static void test_complete(void)
{
    for (int id = 0; id < RL_MSG_COUNT; id++) {
        for (int l = 0; l < RL_LANG_COUNT; l++) {
            const char *t = rl_msg_text((rl_msg)id, (rl_lang)l);
            if (!*t)
                printf("\n  message %d has no %s text", id, rl_lang_code((rl_lang)l));
            CU_ASSERT(*t != '\0');
            CU_ASSERT(rl_utf8_valid(t, strlen(t), NULL));
        }
    }
}

static void test_placeholders(void)
{
    for (int id = 0; id < RL_MSG_COUNT; id++) {
        char **en = rl_msg_names(rl_msg_text((rl_msg)id, RL_LANG_EN));
        CU_ASSERT_PTR_NOT_NULL_FATAL(en);
        for (int l = 1; l < RL_LANG_COUNT; l++) {
            char **other = rl_msg_names(rl_msg_text((rl_msg)id, (rl_lang)l));
            CU_ASSERT_PTR_NOT_NULL_FATAL(other);
            if (!same_names(en, other))
                printf("\n  message %d: %s placeholders differ from en", id,
                       rl_lang_code((rl_lang)l));
            CU_ASSERT(same_names(en, other));
            rl_msg_names_free(other);
        }
        if (id >= RL_MSG_FIRST_WORD) /* words and nouns are plain text */
            CU_ASSERT_PTR_NULL(en[0]);
        rl_msg_names_free(en);
    }
}

static size_t forms(const char *s)
{
    size_t k = 1;
    for (; *s; s++)
        k += *s == '|';
    return k;
}

static void test_nouns(void)
{
    static const size_t want[RL_LANG_COUNT] = {2, 1, 1, 3, 2}; /* en vi id ru nb */
    for (int id = RL_MSG_FIRST_NOUN; id < RL_MSG_COUNT; id++)
        for (int l = 0; l < RL_LANG_COUNT; l++)
            CU_ASSERT_EQUAL(forms(rl_msg_text((rl_msg)id, (rl_lang)l)), want[l]);
    /* elsewhere '|' only inside a plural placeholder {n|one|few|many},
     * with as many forms as the language has */
    for (int id = 0; id < RL_MSG_FIRST_NOUN; id++)
        for (int l = 0; l < RL_LANG_COUNT; l++)
            for (const char *t = rl_msg_text((rl_msg)id, (rl_lang)l); *t; t++) {
                const char *close = *t == '{' ? strchr(t, '}') : NULL;
                size_t bars = 0;
                for (const char *c = t; close && c < close; c++)
                    bars += *c == '|';
                if (bars)
                    CU_ASSERT_EQUAL(bars, want[l]);
                CU_ASSERT(*t != '|');
                if (close)
                    t = close;
            }
}

/* {n|one|few|many} picks the form the number takes in the language. */
static void test_plural_placeholder(void)
{
    static const char *const names[] = {"n", NULL};
    rl_error err = {0};
    rl_template *en = rl_template_compile("{n} {n|day|days}", 16, names, NULL, &err);
    rl_template *ru = rl_template_compile("{n} {n|день|дня|дней}", strlen("{n} {n|день|дня|дней}"),
                                          names, NULL, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(en);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ru);
    static const int64_t n[] = {0, 1, 2, 5, 21, 22, 25, 111};
    static const char *const want_en[] = {"0 days", "1 day", "2 days", "5 days", "21 days",
                                          "22 days", "25 days", "111 days"};
    static const char *const want_ru[] = {"0 дней", "1 день", "2 дня", "5 дней", "21 день",
                                          "22 дня", "25 дней", "111 дней"};
    for (size_t i = 0; i < sizeof n / sizeof *n; i++) {
        rl_fig f = {"n", {0}};
        rl_value_set_int(&f.v, n[i]);
        rl_sbuf a = RL_SBUF_INIT, b = RL_SBUF_INIT;
        rl_template_expand(en, &f, 1, NULL, RL_LANG_EN, &a);
        rl_template_expand(ru, &f, 1, NULL, RL_LANG_RU, &b);
        ASSERT_STR_EQ(rl_sbuf_str(&a), want_en[i]);
        ASSERT_STR_EQ(rl_sbuf_str(&b), want_ru[i]);
        rl_sbuf_free(&a);
        rl_sbuf_free(&b);
    }
    rl_template_free(en);
    rl_template_free(ru);
    CU_ASSERT_PTR_NULL(rl_template_compile("{m|a|b}", 7, names, NULL, &err)); /* unknown figure */
    CU_ASSERT_PTR_NULL(rl_template_compile("{n|a|b|c|d}", 11, names, NULL, &err)); /* 4 forms */
}

/* A message never contradicts its verdict: numbers that differ show
 * different, rounding is round()'s, a tolerance shows as it is. */
static void test_message_numbers(void)
{
    static const char *const names[] = {"actual", "expected", "tolerance", NULL};
    rl_error err = {0};
    const char *text = "{actual} vs {expected} ±{tolerance}";
    rl_template *t = rl_template_compile(text, strlen(text), names, NULL, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    static const double cases[][3] = {{0.0399, 0.04, 0.005}, {2.675, 3, 0.5}, {88.004, 88.001, 0.1}};
    static const char *const want[] = {"0.0399 vs 0.04 ±0.005", "2.68 vs 3 ±0.5",
                                       "88.004 vs 88.001 ±0.1"};
    for (size_t i = 0; i < 3; i++) {
        rl_fig f[3] = {{"actual", {0}}, {"expected", {0}}, {"tolerance", {0}}};
        for (int k = 0; k < 3; k++)
            rl_value_set_num(&f[k].v, cases[i][k]);
        rl_sbuf out = RL_SBUF_INIT;
        rl_template_expand(t, f, 3, NULL, RL_LANG_EN, &out);
        ASSERT_STR_EQ(rl_sbuf_str(&out), want[i]);
        rl_sbuf_free(&out);
    }
    rl_template_free(t);
}

static int listed(const char *const *names, const char *name)
{
    for (size_t i = 0; names[i]; i++)
        if (strcmp(names[i], name) == 0)
            return 1;
    return 0;
}

/* A kind's default messages name only its figures, so a user's own
 * message can name the same ones. */
static void test_kind_figures(void)
{
    for (const rl_kind *const *k = rl_kinds(); *k; k++) {
        CU_ASSERT_PTR_NOT_NULL_FATAL((*k)->messages);
        CU_ASSERT((*k)->messages[0] != RL_MSG_COUNT);
        for (const rl_msg *m = (*k)->messages; *m != RL_MSG_COUNT; m++) {
            char **names = rl_msg_names(rl_msg_text(*m, RL_LANG_EN));
            for (size_t i = 0; names && names[i]; i++) {
                if (!listed((*k)->figures, names[i]))
                    printf("\n  kind %s: {%s} is not one of its figures", (*k)->name, names[i]);
                CU_ASSERT(listed((*k)->figures, names[i]));
            }
            rl_msg_names_free(names);
        }
    }
}

/* Every figure a kind (or a collection rule: `group`) gives has a label in
 * every language; the rows are sorted (the lookup bisects them). */
static void test_figure_labels(void)
{
    for (size_t i = 1; rl_figure_name_at(i); i++)
        CU_ASSERT(strcmp(rl_figure_name_at(i - 1), rl_figure_name_at(i)) < 0);
    CU_ASSERT_PTR_NULL(rl_figure_label("no_such_figure", RL_LANG_VI));
    CU_ASSERT_STRING_EQUAL(rl_figure_label("days_late", RL_LANG_VI), "số ngày trễ");
    CU_ASSERT_STRING_EQUAL(rl_figure_label("actual", RL_LANG_EN), "actual");
    for (const rl_kind *const *k = rl_kinds(); *k; k++) {
        for (const char *const *f = (*k)->figures; f && *f; f++) {
            for (int l = 0; l < RL_LANG_COUNT; l++) {
                const char *label = rl_figure_label(*f, (rl_lang)l);
                if (!label || !*label)
                    printf("\n  kind %s: figure %s has no %s label", (*k)->name, *f,
                           rl_lang_code((rl_lang)l));
                CU_ASSERT(label && *label);
            }
        }
    }
    CU_ASSERT_PTR_NOT_NULL(rl_figure_label("group", RL_LANG_RU));
}

/* The deadline kind's `status` values are words people read in the page's
 * language; other values and other figures are not words. */
static void test_figure_value_words(void)
{
    CU_ASSERT_STRING_EQUAL(rl_figure_value_word("status", "overdue", RL_LANG_VI), "quá hạn");
    CU_ASSERT_STRING_EQUAL(rl_figure_value_word("status", "late", RL_LANG_EN), "late");
    CU_ASSERT_PTR_NULL(rl_figure_value_word("status", "on time", RL_LANG_VI));
    CU_ASSERT_PTR_NULL(rl_figure_value_word("actual", "overdue", RL_LANG_VI));
    CU_ASSERT_PTR_NULL(rl_figure_value_word(NULL, "late", RL_LANG_VI));
}

static void test_names(void)
{
    char **n = rl_msg_names("{{not}} {a} text {b}}} {{");
    CU_ASSERT_PTR_NOT_NULL_FATAL(n);
    ASSERT_STR_EQ(n[0], "a");
    ASSERT_STR_EQ(n[1], "b");
    CU_ASSERT_PTR_NULL(n[2]);
    rl_msg_names_free(n);
}

static void test_catalog(void)
{
    rl_error err = {0};
    rl_catalog *c = rl_catalog_new(&err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    int all = rl_catalog_compile_all(c, &err); /* every text of every language compiles */
    if (all != 0)
        printf("\n  %s", err.message);
    CU_ASSERT_EQUAL(all, 0);
    rl_fig figs[2] = {{"expr", {0}}, {"detail", {0}}};
    rl_value_set_str(&figs[0].v, "@.v", 3);
    rl_value_set_str(&figs[1].v, "division by zero", 16);
    static const char *const want[RL_LANG_COUNT] = {
        "cannot evaluate @.v: division by zero", "không thể tính @.v: division by zero",
        "tidak dapat menghitung @.v: division by zero",
        "не удалось вычислить @.v: division by zero", "kan ikke beregne @.v: division by zero"};
    for (int l = 0; l < RL_LANG_COUNT; l++) {
        rl_sbuf a = RL_SBUF_INIT, b = RL_SBUF_INIT;
        CU_ASSERT_PTR_NOT_NULL(rl_catalog_get(c, RL_MSG_EVAL_ERROR, (rl_lang)l));
        rl_catalog_expand(c, RL_MSG_EVAL_ERROR, (rl_lang)l, figs, 2, &a);
        rl_catalog_expand(NULL, RL_MSG_EVAL_ERROR, (rl_lang)l, figs, 2, &b); /* no catalog */
        ASSERT_STR_EQ(rl_sbuf_str(&a), want[l]);
        ASSERT_STR_EQ(rl_sbuf_str(&b), want[l]);
        rl_sbuf_free(&a);
        rl_sbuf_free(&b);
    }
    CU_ASSERT_PTR_NULL(rl_catalog_get(c, RL_MSG_COUNT, RL_LANG_EN));
    rl_catalog_free(c);
}

int main(void)
{
    static const unit_test tests[] = {
        {"every message in every language", test_complete},
        {"the same placeholders as English", test_placeholders},
        {"plural forms of the summary's nouns", test_nouns},
        {"kinds' messages name their figures", test_kind_figures},
        {"placeholder names of a text", test_names},
        {"plural placeholders", test_plural_placeholder},
        {"numbers never contradict the verdict", test_message_numbers},
        {"the compiled catalog", test_catalog},
        {"figure names in words", test_figure_labels},
        {"figure values in words", test_figure_value_words},
        {NULL, NULL},
    };
    return unit_run("messages", tests);
}
