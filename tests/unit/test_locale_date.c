/* test_locale_date.c — dates as each locale writes them, table-driven: ISO
 * in every locale, every form of locales.h's tables, case and Unicode form
 * (NFD, no-break spaces), year-less and month-only dates, and impossible
 * days (31 ноября) or months that must be errors, not guesses. */
#include "unit.h"
#include "locales.h"

typedef struct dcase {
    const char *locale;
    const char *text;
    int code; /* RL_LDATE_* */
    int y, m, d; /* as read: year 0 when none written, day 0 for a month */
} dcase;

#define OK(loc, text, y, m, d) {loc, text, RL_LDATE_OK, y, m, d}
#define NO(loc, text) {loc, text, RL_LDATE_NONE, 0, 0, 0}
#define BADDAY(loc, text) {loc, text, RL_LDATE_BAD_DAY, 0, 0, 0}
#define BADMONTH(loc, text) {loc, text, RL_LDATE_BAD_MONTH, 0, 0, 0}

static const dcase cases[] = {
    /* ---- en ---- */
    OK("en", "2025-12-15", 2025, 12, 15),
    OK("en", "2025-11", 2025, 11, 0),
    OK("en", "--12-15", 0, 12, 15),
    OK("en", "--11", 0, 11, 0),
    OK("en", "15 December 2025", 2025, 12, 15),
    OK("en", "15 december 2025", 2025, 12, 15),
    OK("en", "15 DECEMBER 2025", 2025, 12, 15),
    OK("en", "December 15, 2025", 2025, 12, 15),
    OK("en", "December 15 2025", 2025, 12, 15),
    OK("en", "Dec 15, 2025", 2025, 12, 15),
    OK("en", "Dec. 15, 2025", 2025, 12, 15),
    OK("en", "15 Dec 2025", 2025, 12, 15),
    OK("en", "15th December 2025", 2025, 12, 15),
    OK("en", "December 15th, 2025", 2025, 12, 15),
    OK("en", "1st May 2025", 2025, 5, 1),
    OK("en", "2nd June 2025", 2025, 6, 2),
    OK("en", "3rd July 2025", 2025, 7, 3),
    OK("en", "Sept 9, 2025", 2025, 9, 9),
    OK("en", "December 2025", 2025, 12, 0),
    OK("en", "December, 2025", 2025, 12, 0),
    OK("en", "in November 2025", 2025, 11, 0),
    OK("en", "15 December", 0, 12, 15),
    OK("en", "December 15", 0, 12, 15),
    OK("en", "November", 0, 11, 0),
    OK("en", "  15 December 2025  ", 2025, 12, 15),
    OK("en", "15\xC2\xA0" "December\xC2\xA0" "2025", 2025, 12, 15),
    OK("en", "29 February 2024", 2024, 2, 29),
    OK("en", "29 February", 0, 2, 29), /* possible in some year; resolved against as_of later */
    BADDAY("en", "29 February 2025"),
    BADDAY("en", "31 November 2025"),
    BADDAY("en", "0 December 2025"),
    BADDAY("en", "December 32"),
    NO("en", "15/12/2025"), /* 15 December or (US) the 12th of month 15? not read */
    NO("en", "12/15/2025"),
    NO("en", "15 Dezember 2025"),
    NO("en", "December 15, 25"),
    NO("en", "15 December 2025 extra"),
    NO("en", ""),
    NO("en", "2025"),
    NO("en", "the 15th of December"),
    NO("en", "2025-02-30"),

    /* ---- vi ---- */
    OK("vi", "15/12/2025", 2025, 12, 15),
    OK("vi", "5/9/2025", 2025, 9, 5),
    OK("vi", "05/09/2025", 2025, 9, 5),
    OK("vi", "15-12-2025", 2025, 12, 15),
    OK("vi", "15.12.2025", 2025, 12, 15),
    OK("vi", "15 / 12 / 2025", 2025, 12, 15),
    OK("vi", "ngày 15/12/2025", 2025, 12, 15),
    OK("vi", "ngày 15 tháng 12 năm 2025", 2025, 12, 15),
    OK("vi", "Ngày 15 Tháng 12 Năm 2025", 2025, 12, 15),
    OK("vi", "NGÀY 15 THÁNG 12 NĂM 2025", 2025, 12, 15),
    OK("vi", "nga\xCC\x80y 15 tha\xCC\x81ng 12 na\xCC\x86m 2025", 2025, 12, 15), /* NFD */
    OK("vi", "ngày\xC2\xA0" "15 tháng\xE2\x80\xAF" "12 năm 2025", 2025, 12, 15),
    OK("vi", "15 tháng 12 năm 2025", 2025, 12, 15),
    OK("vi", "ngày 15 tháng 12", 0, 12, 15),
    OK("vi", "15/12", 0, 12, 15),
    OK("vi", "tháng 11/2025", 2025, 11, 0),
    OK("vi", "tháng 11 năm 2025", 2025, 11, 0),
    OK("vi", "Tháng 11-2025", 2025, 11, 0),
    OK("vi", "tháng 11", 0, 11, 0),
    OK("vi", "11/2025", 2025, 11, 0),
    OK("vi", "2025-12-15", 2025, 12, 15),
    OK("vi", "--12-15", 0, 12, 15),
    OK("vi", "29/02/2024", 2024, 2, 29),
    BADDAY("vi", "31/11/2025"),
    BADDAY("vi", "29/02/2025"),
    BADDAY("vi", "ngày 31 tháng 4"),
    BADMONTH("vi", "15/13/2025"),
    BADMONTH("vi", "tháng 13/2025"),
    BADMONTH("vi", "ngày 1 tháng 0 năm 2025"),
    NO("vi", "15 December 2025"),
    NO("vi", "15/12/25"),
    NO("vi", "thang 11/2025"), /* without its marks "tháng" is another word */
    NO("vi", "ngày 15 tháng 12 năm"),
    NO("vi", "15/12/2025/1"),
    NO("vi", "tháng mười một"),
    NO("vi", "15-12/2025"),

    /* ---- id ---- */
    OK("id", "15 Desember 2025", 2025, 12, 15),
    OK("id", "15 desember 2025", 2025, 12, 15),
    OK("id", "tanggal 15 Desember 2025", 2025, 12, 15),
    OK("id", "pada tanggal 29 Oktober 2025", 2025, 10, 29),
    OK("id", "15 Des 2025", 2025, 12, 15),
    OK("id", "15 Des. 2025", 2025, 12, 15),
    OK("id", "1 Januari 2025", 2025, 1, 1),
    OK("id", "17 Agustus 2025", 2025, 8, 17),
    OK("id", "17 Agt 2025", 2025, 8, 17),
    OK("id", "20 Desember 2024", 2024, 12, 20),
    OK("id", "November 2025", 2025, 11, 0),
    OK("id", "bulan November 2025", 2025, 11, 0),
    OK("id", "pada bulan November", 0, 11, 0),
    OK("id", "Nopember 2025", 2025, 11, 0),
    OK("id", "15 Desember", 0, 12, 15),
    OK("id", "29 Oktober", 0, 10, 29),
    OK("id", "November", 0, 11, 0),
    OK("id", "15/12/2025", 2025, 12, 15),
    OK("id", "15-12-2025", 2025, 12, 15),
    OK("id", "15 Nov 2025", 2025, 11, 15),
    OK("id", "2025-11", 2025, 11, 0),
    OK("id", "1 Mei 2025", 2025, 5, 1),
    OK("id", "15 DESEMBER 2025", 2025, 12, 15),
    OK("id", "29 Februari 2024", 2024, 2, 29),
    BADDAY("id", "31 November 2025"),
    BADDAY("id", "29 Februari 2025"),
    BADMONTH("id", "15/13/2025"),
    NO("id", "15 December 2025"),
    NO("id", "Desember 15, 2025"),
    NO("id", "15 Desember 25"),
    NO("id", "sebelum 15 Desember"),
    NO("id", "15 Mai 2025"),

    /* ---- ru ---- */
    OK("ru", "15 декабря 2025", 2025, 12, 15),
    OK("ru", "15 декабря 2025 г.", 2025, 12, 15),
    OK("ru", "15 декабря 2025 г", 2025, 12, 15),
    OK("ru", "15 декабря 2025 года", 2025, 12, 15),
    OK("ru", "15 ДЕКАБРЯ 2025", 2025, 12, 15),
    OK("ru", "15 Декабря", 0, 12, 15),
    OK("ru", "15 декабря", 0, 12, 15),
    OK("ru", "15.12.2025", 2025, 12, 15),
    OK("ru", "15.12.2025 г.", 2025, 12, 15),
    OK("ru", "ноябрь 2025", 2025, 11, 0),
    OK("ru", "Ноябрь 2025 г.", 2025, 11, 0),
    OK("ru", "в ноябре 2025", 2025, 11, 0),
    OK("ru", "в ноябре 2025 года", 2025, 11, 0),
    OK("ru", "В НОЯБРЕ", 0, 11, 0),
    OK("ru", "ноябрь", 0, 11, 0),
    OK("ru", "1 мая 2025", 2025, 5, 1),
    OK("ru", "в мае 2025", 2025, 5, 0),
    OK("ru", "май 2025", 2025, 5, 0),
    OK("ru", "ма\xD0\xB8\xCC\x86 2025", 2025, 5, 0), /* NFD: и + U+0306 */
    OK("ru", "МА\xD0\x98\xCC\x86 2025", 2025, 5, 0), /* upper-case NFD */
    OK("ru", "15 дек. 2025", 2025, 12, 15),
    OK("ru", "15 дек 2025", 2025, 12, 15),
    OK("ru", "15\xC2\xA0" "декабря\xC2\xA0" "2025\xC2\xA0" "г.", 2025, 12, 15),
    OK("ru", "29 февраля 2024", 2024, 2, 29),
    OK("ru", "2025-12-15", 2025, 12, 15),
    BADDAY("ru", "31 ноября 2025"),
    BADDAY("ru", "29 февраля 2025"),
    BADDAY("ru", "30 февраля"),
    BADMONTH("ru", "15.13.2025"),
    NO("ru", "15 ноябрь 2025"), /* nominative after a day: not Russian */
    NO("ru", "в ноября 2025"),
    NO("ru", "ноября 2025"),
    NO("ru", "15 December 2025"),
    NO("ru", "2025 декабря 15"),
    NO("ru", "до 15 декабря"),

    /* ---- nb ---- */
    OK("nb", "15. desember 2025", 2025, 12, 15),
    OK("nb", "15 desember 2025", 2025, 12, 15),
    OK("nb", "15. Desember 2025", 2025, 12, 15),
    OK("nb", "15. DESEMBER 2025", 2025, 12, 15),
    OK("nb", "15. des. 2025", 2025, 12, 15),
    OK("nb", "15. des 2025", 2025, 12, 15),
    OK("nb", "1. juli 2025", 2025, 7, 1),
    OK("nb", "26. mars 2025", 2025, 3, 26),
    OK("nb", "15. desember", 0, 12, 15),
    OK("nb", "15.12.2025", 2025, 12, 15),
    OK("nb", "1.7.2025", 2025, 7, 1),
    OK("nb", "november 2025", 2025, 11, 0),
    OK("nb", "i november 2025", 2025, 11, 0),
    OK("nb", "November", 0, 11, 0),
    OK("nb", "i november", 0, 11, 0),
    OK("nb", "17. mai 2025", 2025, 5, 17),
    OK("nb", "15.\xC2\xA0" "desember 2025", 2025, 12, 15),
    OK("nb", "2025-11", 2025, 11, 0),
    OK("nb", "--11", 0, 11, 0),
    OK("nb", "29. februar 2024", 2024, 2, 29),
    OK("nb", "1. okt. 2025", 2025, 10, 1),
    OK("nb", "september 2025", 2025, 9, 0),
    OK("nb", "31. januar", 0, 1, 31),
    BADDAY("nb", "31. november 2025"),
    BADDAY("nb", "29. februar 2025"),
    BADDAY("nb", "32.12.2025"),
    BADMONTH("nb", "15.13.2025"),
    NO("nb", "15 december 2025"),
    NO("nb", "desember 15, 2025"),
    NO("nb", "15/12/2025"),
    NO("nb", "etter 1. juli 2025"),
    {NULL, NULL, 0, 0, 0, 0},
};

static int check_case(const dcase *c)
{
    const rl_locale *loc = rl_locale_find(c->locale);
    rl_date_spec spec;
    int r = rl_locale_read_date(loc, c->text, strlen(c->text), &spec);
    if (r != c->code) {
        fprintf(stderr, "[%s] '%s': code %d, expected %d\n", c->locale, c->text, r, c->code);
        return 0;
    }
    if (r == RL_LDATE_OK && (spec.year != c->y || spec.month != c->m || spec.day != c->d)) {
        fprintf(stderr, "[%s] '%s': read %04d-%02d-%02d\n", c->locale, c->text, spec.year, spec.month,
                spec.day);
        return 0;
    }
    return 1;
}

static void run_locale(const char *locale)
{
    int n = 0;
    for (const dcase *c = cases; c->locale; c++) {
        if (strcmp(c->locale, locale) != 0)
            continue;
        n++;
        if (!check_case(c))
            CU_FAIL("a date case failed (see stderr)");
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

static void test_limits(void)
{
    const rl_locale *vi = rl_locale_find("vi");
    rl_date_spec spec;
    /* too many tokens, too long, invalid UTF-8: not dates, never a crash */
    const char *many = "1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1";
    CU_ASSERT_EQUAL(rl_locale_read_date(vi, many, strlen(many), &spec), RL_LDATE_NONE);
    char longtext[400];
    memset(longtext, 'a', sizeof longtext);
    CU_ASSERT_EQUAL(rl_locale_read_date(vi, longtext, sizeof longtext, &spec), RL_LDATE_NONE);
    CU_ASSERT_EQUAL(rl_locale_read_date(vi, "15/12/\xFF", 7, &spec), RL_LDATE_NONE);
    CU_ASSERT_EQUAL(rl_locale_read_date(vi, "99999999999/12/2025", 19, &spec), RL_LDATE_NONE);
    /* the length is respected */
    CU_ASSERT_EQUAL(rl_locale_read_date(vi, "15/12/2025xyz", 10, &spec), RL_LDATE_OK);
    CU_ASSERT_EQUAL(spec.year, 2025);
}

int main(void)
{
    static const unit_test tests[] = {
        {"en: 15 December 2025, December 15, 2025", test_en},
        {"vi: 15/12/2025, ngày 15 tháng 12 năm 2025, tháng 11/2025", test_vi},
        {"id: 15 Desember 2025, November 2025", test_id},
        {"ru: 15 декабря 2025 г., ноябрь 2025, в ноябре 2025", test_ru},
        {"nb: 15. desember 2025, november 2025", test_nb},
        {"limits and bad input", test_limits},
        {NULL, NULL},
    };
    return unit_run("locale_date", tests);
}
