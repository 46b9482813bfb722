/* locales.h — the locales that numbers and dates held as strings are read in.
 *
 * A locale is a const row of data (locale_tables.c): how it writes numbers
 * (decimal mark, digit grouping, scale words such as "triệu" or "млн") and
 * dates (month names in their grammatical forms, and the date forms as
 * small patterns). Two readers use the rows: locale_number.c (text to an
 * exact decimal) and locale_date.c (text to an rl_date_spec). Nothing here
 * holds state; every function may be called from any thread.
 *
 * Names are BCP 47 tags: the language subtag decides (vi-VN and vi_VN are
 * vi), case-insensitively; "no" (Norwegian) is nb. Supported: en, vi, id,
 * ru, nb. (Named locales.h, not locale.h: with -Iengine/src that name would
 * shadow the C library's <locale.h>.) */
#ifndef RL_LOCALES_H
#define RL_LOCALES_H

#include "date.h"
#include "reportlint.h"

#include <stddef.h>
#include <stdint.h>

/* How digits are grouped in thousands. */
enum { RL_GROUP_COMMA, RL_GROUP_DOT, RL_GROUP_SPACE };

/* A word that multiplies a number by 10^power: "juta" (6), "млрд" (9). It
 * may be two words ("nghìn tỷ"); matching folds case and Unicode form. */
typedef struct rl_scale_word {
    const char *word; /* NULL ends a table */
    uint8_t power;
} rl_scale_word;

/* The grammatical forms a month word may stand in (Russian has three:
 * "ноябрь" alone, "15 ноября" after a day, "в ноябре" after "в"). */
enum { RL_MF_NOM = 1, RL_MF_GEN = 2, RL_MF_PREP = 4, RL_MF_ANY = 7 };

typedef struct rl_month_word {
    const char *word; /* NULL ends a table */
    uint8_t month;    /* 1..12 */
    uint8_t forms;    /* RL_MF_* */
} rl_month_word;

typedef struct rl_locale {
    const char *name;           /* "en" */
    char decimal;               /* the decimal mark: '.' or ',' */
    uint8_t group;              /* RL_GROUP_* */
    const char *number_example; /* "1,377.5", for messages */
    const rl_scale_word *scales;
    const rl_month_word *months;
    const char *const *date_forms; /* patterns (locale_date.c), NULL-terminated */
    const char *date_examples;     /* for messages */
} rl_locale;

/* The locale a tag names: NULL or "" is en; an unknown tag gives NULL. */
const rl_locale *rl_locale_find(const char *tag);
/* "en, id, nb, ru, vi" — the supported names, for messages. */
const char *rl_locale_known(void);
/* Set err to "unknown locale 'x' (did you mean 'vi'? supported: ...)". */
void rl_locale_unknown(const char *tag, rl_error *err);

/* ---- numbers (locale_number.c) ------------------------------------- */

#define RL_DECIMAL_DIGITS 400

/* A number as written, before it becomes a value: digits × 10^(exp +
 * scale − frac), exactly. */
typedef struct rl_decimal {
    int neg;
    char digits[RL_DECIMAL_DIGITS + 1]; /* the integer then the fraction digits, NUL-ended */
    size_t ndigits;
    int frac;    /* digits after the decimal mark */
    int has_exp; /* written with an exponent (1e3) */
    long exp;    /* that exponent */
    int scale;   /* the power of ten of a scale word, 0 when none */
    int percent; /* a trailing % was read (and dropped) */
} rl_decimal;

/* Read s[0..len) as a number written in loc. Returns 1 and fills out, or
 * 0 when the text is not a number in that locale (no guess is made). */
int rl_locale_read_number(const rl_locale *loc, const char *s, size_t len, rl_decimal *out);

/* ---- dates (locale_date.c) ----------------------------------------- */

enum {
    RL_LDATE_NONE = 0,       /* not a date form of the locale */
    RL_LDATE_OK = 1,         /* spec is a possible date */
    RL_LDATE_BAD_MONTH = -1, /* a date form, but no such month (spec->month) */
    RL_LDATE_BAD_DAY = -2    /* a date form, but no such day in that month */
};

/* Read s[0..len) as a date: an ISO form (rl_date_parse_iso) in every
 * locale, else one of loc's forms. Surrounding white space is ignored.
 * Returns an RL_LDATE_* code; spec holds what was read (year 0 when none
 * was written, day 0 for a whole month). */
int rl_locale_read_date(const rl_locale *loc, const char *s, size_t len, rl_date_spec *spec);

#endif
