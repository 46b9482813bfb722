/* output.c — the table of output formats (rl_writer, output.h) and the
 * public rl_write* entry points, which look a format up in it. The table
 * is the one list of formats: rl_format_parse and rl_format_names read it
 * (the names string is made from the same list at compile time), and its
 * order is rl_format's. */
#include "output.h"

#include <string.h>

/* name, whole-result writer, violation writer, summary writer */
#define RL_WRITERS(X, SEP)                                                                         \
    X(text, rl_write_text, NULL, NULL) SEP X(json, rl_write_json, NULL, NULL)                      \
    SEP X(ndjson, rl_write_ndjson, rl_write_ndjson_violation, rl_write_ndjson_summary)             \
    SEP X(sarif, rl_write_sarif, NULL, NULL)                                                       \
    SEP X(junit, rl_write_junit, NULL, NULL)                                                       \
    SEP X(github, rl_write_github, rl_write_github_violation, rl_write_github_summary)             \
    SEP X(html, rl_write_html, NULL, NULL)

#define COMMA ,
#define WRITER(name, write, violation, summary)                                                    \
    {                                                                                              \
#name, write, violation, summary                                                           \
    }
#define NAME(name, write, violation, summary) #name

static const rl_writer writers[] = {RL_WRITERS(WRITER, COMMA)};
static const char names[] = RL_WRITERS(NAME, ", ");

#define N_WRITERS (sizeof writers / sizeof *writers)
_Static_assert(N_WRITERS == (size_t)RL_FORMAT_HTML + 1, "one writer per rl_format, in its order");

const rl_writer *rl_writer_of(rl_format format)
{
    return (size_t)format < N_WRITERS ? &writers[format] : NULL;
}

int rl_format_parse(const char *name, rl_format *out)
{
    for (size_t i = 0; name && i < N_WRITERS; i++) {
        if (strcmp(name, writers[i].name) == 0) {
            *out = (rl_format)i;
            return 0;
        }
    }
    return -1;
}

const char *rl_format_names(void)
{
    return names;
}

int rl_write_ex(FILE *out, rl_format format, const rl_result *res, const rl_rules *rules,
                const rl_write_opts *opts)
{
    const rl_writer *w = rl_writer_of(format);
    (void)rules; /* the result records the rules that ran */
    if (opts && opts->version != RL_WRITE_OPTS_VERSION)
        return -1;
    return out && res && w ? w->write(out, res, opts) : -1;
}

int rl_write(FILE *out, rl_format format, const rl_result *res, const rl_rules *rules)
{
    return rl_write_ex(out, format, res, rules, NULL);
}

int rl_write_violation(FILE *out, rl_format format, const rl_violation *v)
{
    const rl_writer *w = rl_writer_of(format);
    return out && v && w && w->violation ? w->violation(out, v) : -1;
}

int rl_write_summary(FILE *out, rl_format format, const rl_result *res)
{
    const rl_writer *w = rl_writer_of(format);
    return out && res && w && w->summary ? w->summary(out, res) : -1;
}
