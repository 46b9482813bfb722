/* output.c — choosing and running an output format: format names, and the
 * public rl_write* entry points that hand a result to its writer. */
#include "output.h"

#include <string.h>

static const char *const format_names[] = {"text",  "json",   "ndjson", "sarif",
                                            "junit", "github", "html"};

int rl_format_parse(const char *name, rl_format *out)
{
    for (size_t i = 0; i < sizeof format_names / sizeof *format_names; i++) {
        if (strcmp(name, format_names[i]) == 0) {
            *out = (rl_format)i;
            return 0;
        }
    }
    return -1;
}

const char *rl_format_names(void)
{
    return "text, json, ndjson, sarif, junit, github, html";
}

int rl_write_ex(FILE *out, rl_format format, const rl_result *res, const rl_rules *rules,
                const rl_write_opts *opts)
{
    if (!out || !res)
        return -1;
    switch (format) {
    case RL_FORMAT_TEXT: return rl_write_text(out, res, rules, opts);
    case RL_FORMAT_JSON: return rl_write_json(out, res);
    case RL_FORMAT_NDJSON: return rl_write_ndjson(out, res);
    case RL_FORMAT_SARIF: return rl_write_sarif(out, res, rules, opts);
    case RL_FORMAT_JUNIT: return rl_write_junit(out, res, rules, opts);
    case RL_FORMAT_GITHUB: return rl_write_github(out, res);
    case RL_FORMAT_HTML: return rl_write_html(out, res, rules, opts);
    }
    return -1;
}

int rl_write(FILE *out, rl_format format, const rl_result *res, const rl_rules *rules)
{
    return rl_write_ex(out, format, res, rules, NULL);
}

int rl_write_violation(FILE *out, rl_format format, const rl_violation *v)
{
    if (!out || !v)
        return -1;
    if (format == RL_FORMAT_NDJSON)
        return rl_write_ndjson_violation(out, v);
    if (format == RL_FORMAT_GITHUB)
        return rl_write_github_violation(out, v);
    return -1;
}

int rl_write_summary(FILE *out, rl_format format, const rl_result *res)
{
    if (!out || !res)
        return -1;
    if (format == RL_FORMAT_NDJSON)
        return rl_write_ndjson_summary(out, res);
    if (format == RL_FORMAT_GITHUB)
        return rl_write_github_summary(out, res);
    return -1;
}
