/* lang.h — the languages messages are written in (en, vi, id, ru, nb) and
 * the conventions a message follows in each: the decimal mark of the
 * numbers it shows and the plural form of a counted noun.
 *
 * Invariants: RL_LANG_EN is 0 and is what an unset language means; a
 * language code is always one of rl_lang_code()'s five. Numbers in English
 * messages are written exactly as before localization (decimal point, no
 * digit grouping); the other four use a decimal comma. No language groups
 * thousands: figures such as 24382 or a commune code 25123 stay as the
 * report wrote them, so they can be searched for and copied. */
#ifndef RL_LANG_H
#define RL_LANG_H

#include <stdint.h>

typedef enum rl_lang {
    RL_LANG_EN,
    RL_LANG_VI,
    RL_LANG_ID,
    RL_LANG_RU,
    RL_LANG_NB,
    RL_LANG_COUNT
} rl_lang;

/* "en", "vi", "id", "ru", "nb". */
const char *rl_lang_code(rl_lang lang);

/* A language code or a locale name: "vi", "vi_VN", "vi-VN", "vi_VN.UTF-8",
 * "nb_NO.UTF-8@euro", "no_NO" (the old name of Norwegian Bokmål).
 * Returns 1 and sets *out for one of the five languages; 0 for anything
 * else ("C", "POSIX", "fr_FR", "", NULL). */
int rl_lang_parse(const char *name, rl_lang *out);

/* The decimal mark of numbers in messages: '.' (en) or ',' (vi, id, ru, nb). */
char rl_lang_decimal_mark(rl_lang lang);

/* Which plural form a count takes: 0 (one), 1 (few: Russian 2-4, 22-24...)
 * or 2 (many/other). Languages without plural inflection (vi, id) use 2;
 * English and Norwegian use 0 for exactly 1, else 2. */
int rl_lang_plural(rl_lang lang, uint64_t n);

#endif
