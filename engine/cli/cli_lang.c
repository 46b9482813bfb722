/* cli_lang.c — which language messages are written in: --lang, else the
 * environment (LC_ALL, then LC_MESSAGES, then LANG: the first one set and
 * not empty decides, as POSIX has it), else English. A locale that is none
 * of the languages (C, POSIX, fr_FR.UTF-8) means English; an unknown --lang
 * is a usage error that lists the known ones. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>

static const char *from_environment(void)
{
    static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < 3; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v) {
            const char *lang = rl_lang_match(v);
            return lang ? lang : "en";
        }
    }
    return "en";
}

int cli_pick_lang(const cli_opts *o, const char **out)
{
    if (!o->lang) {
        *out = from_environment();
        return 0;
    }
    if ((*out = rl_lang_match(o->lang)) != NULL)
        return 0;
    fprintf(stderr, "reportlint: unknown language '%s' for --lang (known:", o->lang);
    for (const char *const *l = rl_langs(); *l; l++)
        fprintf(stderr, "%s %s", l == rl_langs() ? "" : ",", *l);
    fprintf(stderr, ")\nTry 'reportlint --help'.\n");
    return CLI_USAGE_ERROR;
}
