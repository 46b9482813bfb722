/* lang.c — language codes, locale names, decimal marks and plural rules
 * (see lang.h). The plural rules are CLDR's for cardinal integers. */
#include "lang.h"
#include "reportlint.h"

#include <stddef.h>
#include <string.h>
#include <strings.h>

static const char *const codes[RL_LANG_COUNT + 1] = {"en", "vi", "id", "ru", "nb", NULL};

const char *rl_lang_code(rl_lang lang)
{
    return (unsigned)lang < RL_LANG_COUNT ? codes[lang] : codes[RL_LANG_EN];
}

/* The language part of a locale name (any case): letters up to '_', '-', '.' or '@'. */
static size_t language_part(const char *name)
{
    size_t n = 0;
    while (name[n] && name[n] != '_' && name[n] != '-' && name[n] != '.' && name[n] != '@')
        n++;
    return n;
}

int rl_lang_parse(const char *name, rl_lang *out)
{
    if (!name)
        return 0;
    size_t n = language_part(name);
    if (n == 2 && strncasecmp(name, "no", 2) == 0) { /* no_NO: Norwegian Bokmål */
        *out = RL_LANG_NB;
        return 1;
    }
    for (int i = 0; i < RL_LANG_COUNT; i++) {
        if (n == 2 && strncasecmp(name, codes[i], 2) == 0) {
            *out = (rl_lang)i;
            return 1;
        }
    }
    return 0;
}

char rl_lang_decimal_mark(rl_lang lang)
{
    return lang == RL_LANG_EN ? '.' : ',';
}

int rl_lang_plural(rl_lang lang, uint64_t n)
{
    switch (lang) {
    case RL_LANG_VI:
    case RL_LANG_ID: return 2;
    case RL_LANG_RU:
        if (n % 10 == 1 && n % 100 != 11)
            return 0;
        if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14))
            return 1;
        return 2;
    default: return n == 1 ? 0 : 2;
    }
}

/* ---- public ---------------------------------------------------------- */

const char *rl_lang_match(const char *name)
{
    rl_lang lang;
    return rl_lang_parse(name, &lang) ? codes[lang] : NULL;
}

const char *const *rl_langs(void)
{
    return codes;
}
