/* test_locale_number.c — numbers as each locale writes them, table-driven:
 * grouping and decimal marks (space, U+00A0, U+202F, U+2009 in ru/nb),
 * signs, percent, scale words (case, NFC/NFD), decimals as written, exact
 * integers, and the ambiguous or malformed strings that must be errors. */
#include "unit.h"
#include "locales.h"
#include "number.h"

#include <math.h>
#include <stdint.h>

enum { BAD, INT, NUM };

typedef struct ncase {
    const char *locale;
    const char *text;
    int kind;     /* BAD: not a number in the locale */
    int64_t i;    /* INT */
    double d;     /* NUM */
    int decimals; /* as written */
} ncase;

#define I(loc, text, v, dec) {loc, text, INT, v, 0, dec}
#define N(loc, text, v, dec) {loc, text, NUM, 0, v, dec}
#define X(loc, text) {loc, text, BAD, 0, 0, 0}

static const ncase cases[] = {
    /* ---- en: ',' groups, '.' is the decimal mark ---- */
    I("en", "1377", 1377, 0),
    I("en", "1,377", 1377, 0), /* ',' is only ever a group mark in en */
    N("en", "1,377.5", 1377.5, 1),
    I("en", "1,234,567", 1234567, 0),
    I("en", "-1,377", -1377, 0),
    I("en", "+1,377", 1377, 0),
    I("en", "\xE2\x88\x92" "1,377", -1377, 0), /* U+2212 MINUS SIGN */
    N("en", "-12.5", -12.5, 1),
    N("en", "0.5", 0.5, 1),
    N("en", "1e3", 1000.0, -3),
    N("en", "1.25E+1", 12.5, 1),
    I("en", "95%", 95, 0),
    I("en", "95 %", 95, 0),
    N("en", "99.99%", 99.99, 2),
    I("en", " 1,377 ", 1377, 0),
    I("en", "\xC2\xA0" "1,377" "\xC2\xA0", 1377, 0), /* no-break spaces around */
    I("en", "12.2 million", 12200000, -5),
    I("en", "1.7 billion", 1700000000, -8), /* short scale: 10^9 */
    I("en", "3 thousand", 3000, -3),
    I("en", "2 trillion", 2000000000000, -12),
    I("en", "6.6 Million", 6600000, -5),
    I("en", "6.6 MILLION", 6600000, -5),
    I("en", "5k", 5000, -3),
    I("en", "1.7 bn", 1700000000, -8),
    I("en", "9,223,372,036,854,775,807", INT64_MAX, 0),
    N("en", "92,233,720,368,547,758,070", 92233720368547758070.0, 0), /* beyond int64 */
    N("en", "1.2345 thousand", 1234.5, 1),
    X("en", "1,5"),       /* a group of one digit: not 1.5, not 15 */
    X("en", "1,37"),
    X("en", "1,3777"),
    X("en", "1377,500"),  /* four digits before the first group */
    X("en", "1.377,5"),   /* the marks in the wrong order */
    X("en", "1 377"),     /* en does not group with spaces */
    X("en", "1,377.5.2"),
    X("en", ",5"),
    X("en", "5."),
    X("en", "1,377e3"),   /* no exponent on a grouped number */
    X("en", "5 %x"),
    X("en", "12 millions"),
    X("en", "5 million%"),
    X("en", "1e3 million"),
    X("en", "million"),
    X("en", "12 juta"),   /* Indonesian word in en */
    X("en", "1e999"),     /* infinite */

    /* ---- vi: '.' groups, ',' is the decimal mark ---- */
    I("vi", "1.377", 1377, 0),
    N("vi", "1.377,5", 1377.5, 1),
    N("vi", "1,377", 1.377, 3), /* ',' is only ever the decimal mark in vi */
    N("vi", "1,5", 1.5, 1),
    I("vi", "1377", 1377, 0),
    I("vi", "-1.377", -1377, 0),
    I("vi", "1.234.567", 1234567, 0),
    I("vi", "95%", 95, 0),
    N("vi", "99,99%", 99.99, 2),
    N("vi", "94,6 %", 94.6, 1),
    I("vi", "12 triệu", 12000000, -6),
    I("vi", "12,2 triệu", 12200000, -5),
    I("vi", "1,7 tỷ", 1700000000, -8),
    I("vi", "1,7 tỉ", 1700000000, -8),
    I("vi", "1.700 tỷ", 1700000000000, -9),
    I("vi", "5 nghìn", 5000, -3),
    I("vi", "5 ngàn", 5000, -3),
    I("vi", "2 nghìn tỷ", 2000000000000, -12),
    I("vi", "2 nghìn \xC2\xA0tỷ", 2000000000000, -12), /* a run of spaces */
    I("vi", "12 TRIỆU", 12000000, -6),
    I("vi", "12 Triệu", 12000000, -6),
    I("vi", "12 trie\xCC\xA3\xCC\x82u", 12000000, -6),  /* NFD: e + U+0323 + U+0302 */
    I("vi", "12 tri\xC3\xAA\xCC\xA3u", 12000000, -6),   /* ê + U+0323: reordered to NFD */
    I("vi", "50k", 50000, -3),
    N("vi", "1e3", 1000.0, -3),
    N("vi", "1,5e3", 1500.0, -2),
    X("vi", "1.37"),      /* NOT 137, NOT 1.37 */
    X("vi", "1.5"),       /* a ministry writes 1,5 */
    X("vi", "-12.5"),
    X("vi", "1,377.5"),   /* the marks in the wrong order */
    X("vi", "1.3770"),
    X("vi", "1377.500"),
    X("vi", "1 377"),
    X("vi", "1.377.5"),
    X("vi", "12,2 juta"), /* Indonesian word in vi */
    X("vi", "1.700 tỷ đồng"),
    X("vi", ","),
    X("vi", ""),
    X("vi", "12 trieu"),  /* the tone marks are part of the word */

    /* ---- id: '.' groups, ',' is the decimal mark ---- */
    I("id", "1.178", 1178, 0),
    I("id", "17.595", 17595, 0),
    I("id", "3.143", 3143, 0),
    N("id", "94,6%", 94.6, 1),
    N("id", "99,99%", 99.99, 2),
    N("id", "59,57%", 59.57, 2),
    I("id", "56%", 56, 0),
    N("id", "1,92", 1.92, 2),
    I("id", "12,2 juta", 12200000, -5),
    I("id", "46,5 juta", 46500000, -5),
    I("id", "18,3 juta", 18300000, -5),
    I("id", "4 juta", 4000000, -6),
    I("id", "12,2 JUTA", 12200000, -5),
    I("id", "5 ribu", 5000, -3),
    I("id", "5 rb", 5000, -3),
    I("id", "12,2 jt", 12200000, -5),
    I("id", "1,7 miliar", 1700000000, -8),
    I("id", "1,7 milyar", 1700000000, -8),
    I("id", "2 triliun", 2000000000000, -12),
    I("id", "1.700 miliar", 1700000000000, -9),
    N("id", "1.377,5", 1377.5, 1),
    I("id", "-1.377", -1377, 0),
    I("id", "1377", 1377, 0),
    N("id", "0,5", 0.5, 1),
    I("id", " 2.541 ", 2541, 0),
    X("id", "1.37"),
    X("id", "1.5"),
    X("id", "1,377.5"),
    X("id", "1 377"),
    X("id", "12,2 triệu"),
    X("id", "12,2 juta%"),
    X("id", "1.3777"),
    X("id", "17595.000"),
    X("id", "juta"),

    /* ---- ru: space groups (also U+00A0, U+202F, U+2009), ',' decimal ---- */
    I("ru", "17 595", 17595, 0),
    I("ru", "17\xC2\xA0" "595", 17595, 0),         /* U+00A0 */
    I("ru", "17\xE2\x80\xAF" "595", 17595, 0),     /* U+202F */
    I("ru", "17\xE2\x80\x89" "595", 17595, 0),     /* U+2009 */
    I("ru", "3 143", 3143, 0),
    I("ru", "1 234 567", 1234567, 0),
    I("ru", "1\xC2\xA0" "234 567", 1234567, 0),   /* mixed spaces */
    N("ru", "94,6%", 94.6, 1),
    N("ru", "99,99%", 99.99, 2),
    I("ru", "56 %", 56, 0),
    N("ru", "1 377,5", 1377.5, 1),
    N("ru", "\xE2\x88\x92" "12,5", -12.5, 1),
    I("ru", "46,5 млн", 46500000, -5),
    I("ru", "46,5 млн.", 46500000, -5),
    I("ru", "46,5 МЛН", 46500000, -5),
    I("ru", "1 700 млрд", 1700000000000, -9),
    I("ru", "5 тыс.", 5000, -3),
    I("ru", "5 тысяч", 5000, -3),
    I("ru", "2 тысячи", 2000, -3),
    I("ru", "1 тысяча", 1000, -3),
    I("ru", "3 миллиона", 3000000, -6),
    I("ru", "10 миллионов", 10000000, -6),
    I("ru", "1,5 миллиарда", 1500000000, -8),
    I("ru", "2 трлн", 2000000000000, -12),
    I("ru", "140", 140, 0),
    X("ru", "17.595"),    /* a period is no mark in ru: not 17595, not 17.595 */
    X("ru", "1.5"),
    X("ru", "17 59"),
    X("ru", "17 5950"),
    X("ru", "1 377.5"),
    X("ru", "1,377.5"),
    X("ru", "1  377"),    /* two spaces are not a group separator */
    X("ru", "46,5 mln"),
    X("ru", "46,5 млн%"),
    X("ru", "1 377,5 000"),

    /* ---- nb: space groups, ',' decimal, long scale ---- */
    I("nb", "9 916", 9916, 0),
    I("nb", "1 027", 1027, 0),
    I("nb", "1 084", 1084, 0),
    I("nb", "24 382", 24382, 0),
    I("nb", "3 321", 3321, 0),
    I("nb", "3139", 3139, 0),
    I("nb", "95 %", 95, 0),
    I("nb", "95\xC2\xA0%", 95, 0),
    I("nb", "91 %", 91, 0),
    I("nb", "6,6 millioner", 6600000, -5),
    I("nb", "6,6 mill.", 6600000, -5),
    I("nb", "1 million", 1000000, -6),
    I("nb", "3 tusen", 3000, -3),
    I("nb", "2 milliarder", 2000000000, -9),
    I("nb", "2 mrd.", 2000000000, -9),
    I("nb", "1 700 milliarder", 1700000000000, -9),
    I("nb", "1 billion", 1000000000000, -12), /* long scale: 10^12 */
    I("nb", "2 billioner", 2000000000000, -12),
    N("nb", "0,5", 0.5, 1),
    N("nb", "\xE2\x88\x92" "3,5", -3.5, 1),
    I("nb", "6,6 Millioner", 6600000, -5),
    I("nb", "1\xE2\x80\xAF" "027", 1027, 0),
    X("nb", "9.916"),
    X("nb", "6.6 millioner"),
    X("nb", "1 027/1 084"),
    X("nb", "9 9160"),
    X("nb", "95 %%"),
    X("nb", "6,6 milioner"),
    X("nb", "6,6 million er"),
    N("nb", "1,027", 1.027, 3), /* a decimal comma: 1.027, never 1027 */
    X("nb", "seks"),
    {NULL, NULL, 0, 0, 0, 0},
};

static int check_case(const ncase *c)
{
    rl_value v;
    rl_error err;
    memset(&err, 0, sizeof err);
    memset(&v, 0, sizeof v);
    int ok = rl_number_parse(c->text, strlen(c->text), c->locale, &v, &err);
    if (c->kind == BAD) {
        if (ok) {
            fprintf(stderr, "[%s] '%s' read as a number\n", c->locale, c->text);
            return 0;
        }
        if (!strstr(err.message, "is not a number in locale") || !err.failed) {
            fprintf(stderr, "[%s] '%s': message '%s'\n", c->locale, c->text, err.message);
            return 0;
        }
        return 1;
    }
    if (!ok) {
        fprintf(stderr, "[%s] '%s' rejected: %s\n", c->locale, c->text, err.message);
        return 0;
    }
    int type_ok = c->kind == INT ? v.type == RL_VINT && v.u.i == c->i
                                 : v.type == RL_VNUM && v.u.d == c->d;
    if (!type_ok || v.decimals != c->decimals) {
        fprintf(stderr, "[%s] '%s': got type %d value %lld/%.17g decimals %d\n", c->locale, c->text,
                v.type, (long long)(v.type == RL_VINT ? v.u.i : 0), v.type == RL_VNUM ? v.u.d : 0.0,
                v.decimals);
        return 0;
    }
    return 1;
}

static void run_locale(const char *locale)
{
    int n = 0;
    for (const ncase *c = cases; c->locale; c++) {
        if (strcmp(c->locale, locale) != 0)
            continue;
        n++;
        if (!check_case(c))
            CU_FAIL("a number case failed (see stderr)");
    }
    if (n < 30) {
        fprintf(stderr, "[%s] only %d cases\n", locale, n);
        CU_FAIL("fewer than 30 cases for a locale");
    }
}

static void test_en(void) { run_locale("en"); }
static void test_vi(void) { run_locale("vi"); }
static void test_id(void) { run_locale("id"); }
static void test_ru(void) { run_locale("ru"); }
static void test_nb(void) { run_locale("nb"); }

static void test_messages(void)
{
    rl_value v;
    rl_error err;
    memset(&err, 0, sizeof err);
    CU_ASSERT_FALSE(rl_number_parse("1.37", 4, "vi", &v, &err));
    ASSERT_STR_EQ(err.message, "'1.37' is not a number in locale vi (vi writes 1.377,5)");
    memset(&err, 0, sizeof err);
    CU_ASSERT_FALSE(rl_number_parse("17.595", 6, "ru-RU", &v, &err));
    ASSERT_STR_EQ(err.message, "'17.595' is not a number in locale ru-RU (ru writes 1 377,5)");
    memset(&err, 0, sizeof err);
    CU_ASSERT_FALSE(rl_number_parse("1", 1, "vn", &v, &err));
    ASSERT_STR_EQ(err.message,
                  "unknown locale 'vn' (did you mean 'vi'? supported: en, id, nb, ru, vi)");
    memset(&err, 0, sizeof err);
    CU_ASSERT_FALSE(rl_number_parse("1", 1, "de", &v, &err));
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "unknown locale 'de'"));
}

static void test_tags(void)
{
    /* the language subtag decides, case-insensitively; no is nb */
    const char *ok[] = {"vi", "vi-VN", "vi_VN", "VI", "nb-NO", "no", "NO", "ru-RU", "en-GB", "id-ID",
                        NULL};
    const char *bad[] = {"", "vn", "xx", "de", "vi-", "v", "vietnamese", "vi VN", "nn", NULL};
    for (const char **t = ok; *t; t++)
        CU_ASSERT_PTR_NOT_NULL(rl_locale_find(*t));
    for (const char **t = bad; *t && **t; t++)
        if (rl_locale_find(*t)) {
            fprintf(stderr, "accepted locale '%s'\n", *t);
            CU_FAIL("accepted an unknown locale");
        }
    CU_ASSERT_STRING_EQUAL(rl_locale_find("no")->name, "nb");
    CU_ASSERT_STRING_EQUAL(rl_locale_find(NULL)->name, "en");
    rl_error err;
    memset(&err, 0, sizeof err);
    CU_ASSERT_EQUAL(rl_locale_check("vi-VN", &err), 0);
    CU_ASSERT_EQUAL(rl_locale_check("", &err), -1);
    CU_ASSERT_EQUAL(rl_locale_check("in", &err), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "did you mean 'id'?"));
}

static void test_exact(void)
{
    /* scale words are applied in decimal: no double rounding anywhere */
    rl_value v;
    rl_error err;
    memset(&err, 0, sizeof err);
    CU_ASSERT_TRUE(rl_number_parse("0,1 triliun", 11, "id", &v, &err));
    CU_ASSERT(v.type == RL_VINT && v.u.i == 100000000000LL);
    CU_ASSERT_TRUE(rl_number_parse("9.223.372.036,854775807 tỷ", strlen("9.223.372.036,854775807 tỷ"),
                                   "vi", &v, &err));
    CU_ASSERT(v.type == RL_VINT && v.u.i == INT64_MAX);
    /* one more overflows int64: a double, never a wrap */
    CU_ASSERT_TRUE(rl_number_parse("9.223.372.036,854775808 tỷ", strlen("9.223.372.036,854775808 tỷ"),
                                   "vi", &v, &err));
    CU_ASSERT(v.type == RL_VNUM && v.u.d == 9223372036854775808.0);
    CU_ASSERT_TRUE(rl_number_parse("-9 223 372 036 854 775 808", strlen("-9 223 372 036 854 775 808"),
                                   "ru", &v, &err));
    CU_ASSERT(v.type == RL_VINT && v.u.i == INT64_MIN);
}

int main(void)
{
    static const unit_test tests[] = {
        {"en: 1,377.5 and scale words", test_en},
        {"vi: 1.377,5, triệu/tỷ, NFD", test_vi},
        {"id: 1.377,5, juta/miliar", test_id},
        {"ru: 1 377,5 with every space, млн/млрд", test_ru},
        {"nb: 1 377,5, millioner, long-scale billion", test_nb},
        {"errors quote the text and the locale", test_messages},
        {"locale tags", test_tags},
        {"scale words are exact", test_exact},
        {NULL, NULL},
    };
    return unit_run("locale_number", tests);
}
