/* cli_tools.c — the rule author's tools:
 *   reportlint eval EXPR [FILE|-]   print the value of an expression
 *   reportlint path JSONPATH [FILE|-] [--paths|--positions]   print the selected nodes
 * Both read the report as a check does (rl_tool_opts): eval in the rule
 * sets' context (-r, else the bundled rules; --param, --as-of, --locale),
 * --at POINTER sets @, --record N picks an NDJSON record. A bad expression,
 * path, record or pointer is a usage error (exit 2) with its column; an
 * evaluation error (overflow, a string that is not a number) exits 1. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>

/* The document argument (default: stdin for path, none for eval). */
static int read_doc(const cli_opts *o, size_t first, char **data, size_t *len, int required)
{
    const char *path = o->inputs.n > first ? o->inputs.items[first] : (required ? "-" : NULL);
    *data = NULL;
    *len = 0;
    if (!path)
        return 0;
    rl_error err = {0};
    char why[300];
    if (cli_trust_check(o->trust, path, why, sizeof why) != 0) {
        fprintf(stderr, "reportlint: %s: cannot open: %s\n", path, why);
        return -1;
    }
    if (rl_read_file_max(path, data, len, cli_report_limit(o), &err) != 0) {
        fprintf(stderr, "reportlint: %s: %s\n", path, err.message);
        return -1;
    }
    return 0;
}

static rl_tool_opts tool_opts(const cli_opts *o)
{
    rl_tool_opts t = RL_TOOL_OPTS_INIT;
    t.name = o->inputs.n > 1 ? o->inputs.items[1] : NULL;
    t.record = o->record;
    t.at = o->at;
    t.locale = o->locale;
    t.paths = o->paths;
    t.positions = o->positions;
    t.max_depth = o->max_depth;
    return t;
}

static int tool_args(int argc, char **argv, cli_opts *o, const char *what)
{
    int rc = cli_parse(argc, argv, 2, o, what);
    if (rc == 0 && (o->inputs.n < 1 || o->inputs.n > 2)) {
        fprintf(stderr, "usage: reportlint %s %s [FILE|-]\n", what,
                what[0] == 'e' ? "EXPR" : "JSONPATH");
        rc = CLI_USAGE_ERROR;
    }
    return rc;
}

static void print_error(const char *what, const rl_error *err)
{
    if (err->line)
        fprintf(stderr, "reportlint: %s: %u:%u: %s\n", what, err->line, err->column, err->message);
    else
        fprintf(stderr, "reportlint: %s: %s\n", what, err->message);
}

int cli_eval(int argc, char **argv)
{
    cli_opts o;
    int rc = tool_args(argc, argv, &o, "eval");
    char *doc = NULL, *out = NULL;
    if (rc == 1) { /* --help */
        cli_opts_free(&o);
        return 0;
    }
    size_t len = 0;
    rl_rules *rules = NULL;
    if (rc == 0 && !(rules = cli_load_rules(&o, 1)))
        rc = CLI_USAGE_ERROR;
    if (rc == 0 && read_doc(&o, 1, &doc, &len, 0) != 0)
        rc = CLI_USAGE_ERROR;
    if (rc == 0) {
        rl_error err = {0};
        rl_tool_opts t = tool_opts(&o);
        int st = rl_eval_report(rules, &t, o.inputs.items[0], doc, len, &out, &err);
        if (st == 0)
            printf("%s\n", out);
        else
            print_error("eval", &err);
        rc = st == 0 ? 0 : st > 0 ? 1 : CLI_USAGE_ERROR;
    }
    free(out);
    free(doc);
    rl_rules_free(rules);
    cli_opts_free(&o);
    return rc;
}

int cli_path(int argc, char **argv)
{
    cli_opts o;
    int rc = tool_args(argc, argv, &o, "path");
    char *doc = NULL, *out = NULL;
    if (rc == 1) {
        cli_opts_free(&o);
        return 0;
    }
    size_t len = 0;
    if (rc == 0 && read_doc(&o, 1, &doc, &len, 1) != 0)
        rc = CLI_USAGE_ERROR;
    if (rc == 0) {
        rl_error err = {0};
        rl_tool_opts t = tool_opts(&o);
        if (rl_select_report(&t, o.inputs.items[0], doc, len, &out, &err) == 0) {
            printf("%s\n", out);
        } else {
            print_error("path", &err);
            rc = CLI_USAGE_ERROR;
        }
    }
    free(out);
    free(doc);
    cli_opts_free(&o);
    return rc;
}
