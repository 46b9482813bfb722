/* locale_tables.c — the supported locales as data, and finding one by name.
 *
 * Each row says how a locale writes numbers and dates (see locales.h; the
 * date pattern language is described in locale_date.c). Words are written
 * here in NFC lowercase; matching folds case and Unicode form, so "TRIỆU",
 * "Triệu" and a decomposed "triệu" all match. Scale words follow each
 * language's own scale: nb "billion" is 10^12 (long scale), en "billion"
 * 10^9. Tables are const: no state. */
#include "locales.h"
#include "error.h"
#include "suggest.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* clang-format off */

/* ---- English --------------------------------------------------------- */

static const rl_scale_word en_scales[] = {
    {"thousand", 3}, {"million", 6}, {"billion", 9}, {"trillion", 12},
    {"k", 3},        {"mn", 6},      {"bn", 9},      {NULL, 0},
};

static const rl_month_word en_months[] = {
    {"january", 1, RL_MF_ANY},  {"february", 2, RL_MF_ANY}, {"march", 3, RL_MF_ANY},
    {"april", 4, RL_MF_ANY},    {"may", 5, RL_MF_ANY},      {"june", 6, RL_MF_ANY},
    {"july", 7, RL_MF_ANY},     {"august", 8, RL_MF_ANY},   {"september", 9, RL_MF_ANY},
    {"october", 10, RL_MF_ANY}, {"november", 11, RL_MF_ANY}, {"december", 12, RL_MF_ANY},
    {"jan", 1, RL_MF_ANY},      {"feb", 2, RL_MF_ANY},      {"mar", 3, RL_MF_ANY},
    {"apr", 4, RL_MF_ANY},      {"jun", 6, RL_MF_ANY},      {"jul", 7, RL_MF_ANY},
    {"aug", 8, RL_MF_ANY},      {"sep", 9, RL_MF_ANY},      {"sept", 9, RL_MF_ANY},
    {"oct", 10, RL_MF_ANY},     {"nov", 11, RL_MF_ANY},     {"dec", 12, RL_MF_ANY},
    {NULL, 0, 0},
};

/* 15 December 2025 · 15th December, 2025 · December 15, 2025 · Dec 15 2025 ·
 * (in) December 2025 · 15 December · December 15 · (in) December. Numeric
 * forms (12/15/2025 or 15/12/2025?) are ambiguous in English and not read. */
static const char *const en_dates[] = {
    "D st|nd|rd|th? N ,? Y", "N D st|nd|rd|th? ,? Y", "in? N ,? Y",
    "D st|nd|rd|th? N",      "N D st|nd|rd|th?",      "in? N",
    NULL,
};

/* ---- Vietnamese ------------------------------------------------------ */

static const rl_scale_word vi_scales[] = {
    {"nghìn", 3},     {"ngàn", 3}, {"k", 3},  {"triệu", 6},        {"tr", 6},
    {"tỷ", 9},        {"tỉ", 9},   {"nghìn tỷ", 12}, {"ngàn tỷ", 12}, {"nghìn tỉ", 12},
    {"ngàn tỉ", 12},  {NULL, 0},
};

/* Vietnamese months are numbered ("tháng 11"); no month words. */
static const rl_month_word vi_months[] = {{NULL, 0, 0}};

/* 15/12/2025 (also 15-12-2025, 15.12.2025) · ngày 15 tháng 12 năm 2025 ·
 * 15/12 · ngày 15 tháng 12 · tháng 11/2025 · tháng 11 năm 2025 · 11/2025 ·
 * tháng 11. */
static const char *const vi_dates[] = {
    "ngày? D / M / Y",   "ngày? D - M - Y", "ngày? D . M . Y", "ngày? D tháng M năm Y",
    "ngày? D tháng M", "ngày? D / M",     "tháng M / Y",     "tháng M - Y",
    "tháng M năm Y",   "tháng M",         "M / Y",           NULL,
};

/* ---- Indonesian ------------------------------------------------------ */

static const rl_scale_word id_scales[] = {
    {"ribu", 3}, {"rb", 3}, {"juta", 6}, {"jt", 6}, {"miliar", 9}, {"milyar", 9},
    {"triliun", 12}, {NULL, 0},
};

static const rl_month_word id_months[] = {
    {"januari", 1, RL_MF_ANY},  {"februari", 2, RL_MF_ANY}, {"pebruari", 2, RL_MF_ANY},
    {"maret", 3, RL_MF_ANY},    {"april", 4, RL_MF_ANY},    {"mei", 5, RL_MF_ANY},
    {"juni", 6, RL_MF_ANY},     {"juli", 7, RL_MF_ANY},     {"agustus", 8, RL_MF_ANY},
    {"september", 9, RL_MF_ANY}, {"oktober", 10, RL_MF_ANY}, {"november", 11, RL_MF_ANY},
    {"nopember", 11, RL_MF_ANY}, {"desember", 12, RL_MF_ANY}, {"jan", 1, RL_MF_ANY},
    {"feb", 2, RL_MF_ANY},      {"mar", 3, RL_MF_ANY},      {"apr", 4, RL_MF_ANY},
    {"jun", 6, RL_MF_ANY},      {"jul", 7, RL_MF_ANY},      {"agu", 8, RL_MF_ANY},
    {"agt", 8, RL_MF_ANY},      {"agus", 8, RL_MF_ANY},     {"sep", 9, RL_MF_ANY},
    {"sept", 9, RL_MF_ANY},     {"okt", 10, RL_MF_ANY},     {"nov", 11, RL_MF_ANY},
    {"des", 12, RL_MF_ANY},     {NULL, 0, 0},
};

/* 15 Desember 2025 · (pada) tanggal 15 Desember 2025 · 15 Desember ·
 * November 2025 · (pada) bulan November 2025 · November · 15/12/2025 ·
 * 15-12-2025. */
static const char *const id_dates[] = {
    "pada? tanggal? D N Y",   "pada? tanggal? D N",      "pada? bulan? N Y", "pada? bulan? N",
    "pada? tanggal? D / M / Y", "pada? tanggal? D - M - Y", NULL,
};

/* ---- Russian --------------------------------------------------------- */

static const rl_scale_word ru_scales[] = {
    {"тыс", 3},        {"тысяча", 3},    {"тысячи", 3},     {"тысяч", 3},
    {"млн", 6},        {"миллион", 6},   {"миллиона", 6},   {"миллионов", 6},
    {"млрд", 9},       {"миллиард", 9},  {"миллиарда", 9},  {"миллиардов", 9},
    {"трлн", 12},      {"триллион", 12}, {"триллиона", 12}, {"триллионов", 12},
    {NULL, 0},
};

#define NOM RL_MF_NOM
#define GEN RL_MF_GEN
#define PREP RL_MF_PREP

static const rl_month_word ru_months[] = {
    {"январь", 1, NOM},    {"января", 1, GEN},    {"январе", 1, PREP},
    {"февраль", 2, NOM},   {"февраля", 2, GEN},   {"феврале", 2, PREP},
    {"март", 3, NOM},      {"марта", 3, GEN},     {"марте", 3, PREP},
    {"апрель", 4, NOM},    {"апреля", 4, GEN},    {"апреле", 4, PREP},
    {"май", 5, NOM},       {"мая", 5, GEN},       {"мае", 5, PREP},
    {"июнь", 6, NOM},      {"июня", 6, GEN},      {"июне", 6, PREP},
    {"июль", 7, NOM},      {"июля", 7, GEN},      {"июле", 7, PREP},
    {"август", 8, NOM},    {"августа", 8, GEN},   {"августе", 8, PREP},
    {"сентябрь", 9, NOM},  {"сентября", 9, GEN},  {"сентябре", 9, PREP},
    {"октябрь", 10, NOM},  {"октября", 10, GEN},  {"октябре", 10, PREP},
    {"ноябрь", 11, NOM},   {"ноября", 11, GEN},   {"ноябре", 11, PREP},
    {"декабрь", 12, NOM},  {"декабря", 12, GEN},  {"декабре", 12, PREP},
    /* abbreviations (with or without the dot) after a day or alone */
    {"янв", 1, NOM | GEN}, {"фев", 2, NOM | GEN}, {"февр", 2, NOM | GEN},
    {"мар", 3, NOM | GEN}, {"апр", 4, NOM | GEN}, {"июн", 6, NOM | GEN},
    {"июл", 7, NOM | GEN}, {"авг", 8, NOM | GEN}, {"сен", 9, NOM | GEN},
    {"сент", 9, NOM | GEN}, {"окт", 10, NOM | GEN}, {"ноя", 11, NOM | GEN},
    {"нояб", 11, NOM | GEN}, {"дек", 12, NOM | GEN}, {NULL, 0, 0},
};

#undef NOM
#undef GEN
#undef PREP

/* 15 декабря 2025 · 15 декабря 2025 г. (года) · 15 декабря · 15.12.2025 ·
 * ноябрь 2025 · в ноябре 2025 (года) · ноябрь · в ноябре. */
static const char *const ru_dates[] = {
    "D Ng Y г|года|год? .?", "D Ng",      "D . M . Y г|года|год? .?",
    "Nn Y г|год? .?",        "в? Np Y г|года? .?", "Nn", "в? Np",
    NULL,
};

/* ---- Norwegian Bokmål ------------------------------------------------ */

static const rl_scale_word nb_scales[] = {
    {"tusen", 3},      {"million", 6},     {"millioner", 6},   {"mill", 6},
    {"mln", 6},        {"milliard", 9},    {"milliarder", 9},  {"mrd", 9},
    {"billion", 12},   {"billioner", 12},  {NULL, 0},
};

static const rl_month_word nb_months[] = {
    {"januar", 1, RL_MF_ANY},  {"februar", 2, RL_MF_ANY}, {"mars", 3, RL_MF_ANY},
    {"april", 4, RL_MF_ANY},   {"mai", 5, RL_MF_ANY},     {"juni", 6, RL_MF_ANY},
    {"juli", 7, RL_MF_ANY},    {"august", 8, RL_MF_ANY},  {"september", 9, RL_MF_ANY},
    {"oktober", 10, RL_MF_ANY}, {"november", 11, RL_MF_ANY}, {"desember", 12, RL_MF_ANY},
    {"jan", 1, RL_MF_ANY},     {"feb", 2, RL_MF_ANY},     {"mar", 3, RL_MF_ANY},
    {"apr", 4, RL_MF_ANY},     {"jun", 6, RL_MF_ANY},     {"jul", 7, RL_MF_ANY},
    {"aug", 8, RL_MF_ANY},     {"sep", 9, RL_MF_ANY},     {"sept", 9, RL_MF_ANY},
    {"okt", 10, RL_MF_ANY},    {"nov", 11, RL_MF_ANY},    {"des", 12, RL_MF_ANY},
    {NULL, 0, 0},
};

/* 15. desember 2025 (the ordinal dot may be missing) · 15. desember ·
 * 15.12.2025 · november 2025 · i november 2025 · november. */
static const char *const nb_dates[] = {
    "D .? N Y", "D .? N", "D . M . Y", "i? N Y", "i? N", NULL,
};

/* ---- the table --------------------------------------------------------- */

static const rl_locale locales[] = {
    {"en", '.', RL_GROUP_COMMA, "1,377.5", en_scales, en_months, en_dates,
     "15 December 2025, December 15, 2025, December 2025"},
    {"id", ',', RL_GROUP_DOT, "1.377,5", id_scales, id_months, id_dates,
     "15 Desember 2025, 15/12/2025, November 2025"},
    {"nb", ',', RL_GROUP_SPACE, "1 377,5", nb_scales, nb_months, nb_dates,
     "15. desember 2025, 15.12.2025, november 2025"},
    {"ru", ',', RL_GROUP_SPACE, "1 377,5", ru_scales, ru_months, ru_dates,
     "15 декабря 2025, 15.12.2025, ноябрь 2025, в ноябре 2025"},
    {"vi", ',', RL_GROUP_DOT, "1.377,5", vi_scales, vi_months, vi_dates,
     "15/12/2025, ngày 15 tháng 12 năm 2025, tháng 11/2025"},
};

#define N_LOCALES (sizeof locales / sizeof *locales)

const char *rl_locale_known(void)
{
    return "en, id, nb, ru, vi";
}

/* The language subtag of a BCP 47 tag (letters up to '-' or '_'); 0 when
 * the tag is not well formed. */
static size_t language_subtag(const char *tag)
{
    size_t n = 0;
    while (isalpha((unsigned char)tag[n]))
        n++;
    if (n < 2 || n > 3)
        return 0;
    for (size_t i = n; tag[i]; i++) {
        unsigned char c = (unsigned char)tag[i];
        if (!isalnum(c) && c != '-' && c != '_')
            return 0;
    }
    if (tag[n] && !isalnum((unsigned char)tag[n + 1]))
        return 0;
    return n;
}

const rl_locale *rl_locale_find(const char *tag)
{
    if (!tag || !*tag)
        return &locales[0];
    size_t n = language_subtag(tag);
    if (n == 2 && strncasecmp(tag, "no", 2) == 0)
        tag = "nb";
    for (size_t i = 0; n && i < N_LOCALES; i++)
        if (strlen(locales[i].name) == n && strncasecmp(locales[i].name, tag, n) == 0)
            return &locales[i];
    return NULL;
}

void rl_locale_unknown(const char *tag, rl_error *err)
{
    static const char *const names[] = {"en", "id", "nb", "ru", "vi", NULL};
    /* country codes and old codes people write for a language */
    static const char *const hints[][2] = {{"vn", "vi"}, {"in", "id"}, {"nn", "nb"}, {NULL, NULL}};
    size_t n = language_subtag(tag);
    const char *s = NULL;
    for (size_t i = 0; n == 2 && hints[i][0]; i++)
        if (strncasecmp(tag, hints[i][0], 2) == 0)
            s = hints[i][1];
    if (!s)
        s = rl_suggest(tag, strlen(tag), names);
    if (s)
        rl_error_set(err, 0, 0, "unknown locale '%.40s' (did you mean '%s'? supported: %s)", tag, s,
                     rl_locale_known());
    else
        rl_error_set(err, 0, 0, "unknown locale '%.40s' (supported: %s)", tag, rl_locale_known());
}

int rl_locale_check(const char *tag, rl_error *err)
{
    if (tag && *tag && rl_locale_find(tag))
        return 0;
    rl_locale_unknown(tag ? tag : "", err);
    return -1;
}
/* clang-format on */
