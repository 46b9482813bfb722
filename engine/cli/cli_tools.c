/* cli_tools.c — the rule author's tools:
 *   reportlint eval EXPR [FILE|-]   print the value of an expression
 *   reportlint path JSONPATH [FILE|-] [--paths]   print the selected nodes
 * A bad expression or path is a usage error (exit 2) with its column; an
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
    if (rl_read_file(path, data, len, &err) != 0) {
        fprintf(stderr, "reportlint: %s: %s\n", path, err.message);
        return -1;
    }
    return 0;
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
    if (rc == 0 && (o.rules.n || o.params.n || o.as_of) && !(rules = cli_load_rules(&o, 1)))
        rc = CLI_USAGE_ERROR;
    if (rc == 0 && read_doc(&o, 1, &doc, &len, 0) != 0)
        rc = CLI_USAGE_ERROR;
    if (rc == 0) {
        rl_error err = {0};
        int st = rl_eval_json(o.inputs.items[0], doc, len, rules, o.locale, &out, &err);
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
        if (rl_select_json(o.inputs.items[0], doc, len, o.paths, &out, &err) == 0) {
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
