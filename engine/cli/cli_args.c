/* cli_args.c — command-line options: one table, one parser.
 *
 * Options may come before or after the files; "--opt=value", "--opt value"
 * and "-o value" are all accepted; "--" ends the options. Every problem is
 * a usage error (exit 2) with a message that says what was wrong. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* clang-format off */
enum opt_id {
    OPT_RULES, OPT_SCHEMA, OPT_FORMAT, OPT_OUTPUT, OPT_AS_OF, OPT_LOCALE, OPT_LANG, OPT_PARAM,
    OPT_FAIL_ON, OPT_ONLY, OPT_SKIP, OPT_JOBS, OPT_MAX_DEPTH, OPT_PATHS, OPT_HELP, OPT_VERSION,
    OPT_COLOR, OPT_QUIET, OPT_VERBOSE,
    OPT_CONFIG, OPT_NO_CONFIG, OPT_BASELINE, OPT_WRITE_BASELINE,
    OPT_SCHEMA_MAP, OPT_FORMAT_ASSERT, OPT_PARAM_FILE,
    OPT_MAX_STRING, OPT_MAX_SIZE, OPT_MAX_VIOLATIONS, OPT_TIMEOUT, OPT_MAX_FILE_SIZE,
    OPT_MAX_MEMORY, OPT_AT, OPT_RECORD, OPT_POSITIONS, OPT_PARTIAL, OPT_ALLOW_OUTSIDE
};
/* clang-format on */

typedef struct opt_def {
    char short_name;
    const char *long_name;
    int has_arg;
    enum opt_id id;
} opt_def;

/* clang-format off */
static const opt_def options[] = {
    {'r', "rules", 1, OPT_RULES},       {'f', "format", 1, OPT_FORMAT},
    {'o', "output", 1, OPT_OUTPUT},     {0, "as-of", 1, OPT_AS_OF},
    {0, "locale", 1, OPT_LOCALE},       {0, "lang", 1, OPT_LANG},
    {0, "param", 1, OPT_PARAM},         {0, "param-file", 1, OPT_PARAM_FILE},         {0, "fail-on", 1, OPT_FAIL_ON},
    {0, "only", 1, OPT_ONLY},           {0, "skip", 1, OPT_SKIP},
    {'j', "jobs", 1, OPT_JOBS},         {0, "max-depth", 1, OPT_MAX_DEPTH},
    {0, "paths", 0, OPT_PATHS},         {'h', "help", 0, OPT_HELP},
    {0, "version", 0, OPT_VERSION},
    {0, "color", 1, OPT_COLOR},         {'q', "quiet", 0, OPT_QUIET},
    {'v', "verbose", 0, OPT_VERBOSE},
    {0, "config", 1, OPT_CONFIG},       {0, "no-config", 0, OPT_NO_CONFIG},
    {0, "baseline", 1, OPT_BASELINE},   {0, "write-baseline", 1, OPT_WRITE_BASELINE},
    {'s', "schema", 1, OPT_SCHEMA},     {0, "schema-map", 1, OPT_SCHEMA_MAP},
    {0, "format-assert", 0, OPT_FORMAT_ASSERT},
    {0, "max-string", 1, OPT_MAX_STRING}, {0, "max-size", 1, OPT_MAX_SIZE},
    {0, "max-violations", 1, OPT_MAX_VIOLATIONS}, {0, "timeout", 1, OPT_TIMEOUT},
    {0, "max-file-size", 1, OPT_MAX_FILE_SIZE}, {0, "allow-outside", 1, OPT_ALLOW_OUTSIDE},
    {0, "max-memory", 1, OPT_MAX_MEMORY},
    {0, "at", 1, OPT_AT},               {0, "record", 1, OPT_RECORD},
    {0, "positions", 0, OPT_POSITIONS}, {0, "partial", 1, OPT_PARTIAL},
};

#define N_OPTIONS (sizeof options / sizeof *options)

void cli_usage(FILE *out)
{
    fputs("usage: reportlint [options] FILE|DIR|- ...\n"
          "       reportlint rules check PATH...   validate rule sets\n"
          "       reportlint rules list PATH...    ids, kinds, severities, titles\n"
          "       reportlint rules test PATH...    run rule sets' examples (reports and the\n"
          "                                        violations they must give)\n"
          "       reportlint eval EXPR [FILE|-]    an expression's value against a report, as a\n"
          "                                        check sees it (-r, --param, --as-of, --locale)\n"
          "       reportlint path JSONPATH [FILE|-] [--paths|--positions]  the selected nodes\n"
          "       reportlint schema validate SCHEMA FILE...  validate JSON files against a schema\n"
          "       reportlint merge -r RULES PARTIAL...  judge collection rules over partial states\n"
          "\n"
          "options:\n"
          "  -r, --rules PATH      rule set file or directory, repeatable (default: bundled rules)\n"
          "  -s, --schema PATH     JSON Schema every report must satisfy, repeatable\n"
          "      --schema-map URL=DIR  read $refs under URL from DIR (never the network)\n"
          "      --format-assert   JSON Schema \"format\" is an assertion, not an annotation\n"
          "  -f, --format FMT      text (default) | json | ndjson | sarif | junit | github | html\n"
          "  -o, --output FILE     write the report to FILE (atomically) instead of stdout\n"
          "      --color WHEN      text colours: auto (default: a terminal, TERM not dumb,\n"
          "                        NO_COLOR unset) | always | never\n"
          "  -q, --quiet           text: only the violation lines\n"
          "  -v, --verbose         text: also every file's counts and the rules that ran\n"
          "      --as-of DATE      the date deadlines are judged at (sets the as_of param)\n"
          "      --locale L        locale of numbers and dates in reports without report.locale:\n"
          "                        en, vi, id, ru or nb\n"
          "      --lang L          language of messages: en, vi, id, ru, nb (default: from\n"
          "                        LC_ALL, LC_MESSAGES or LANG, else en)\n"
          "      --param NAME=VALUE  set a rule-set parameter, repeatable\n"
          "      --param-file NAME=FILE  set a parameter to the JSON in FILE (reference data)\n"
          "      --fail-on LEVEL   error (default) | warning | info | never\n"
          "      --only ID,...     run only these rules\n"
          "      --skip ID,...     do not run these rules\n"
          "  -j, --jobs N          files and NDJSON records checked in parallel (default: the\n"
          "                        number of cores); the output is the same for every N\n"
          "      --max-depth N     JSON nesting limit (default 1000)\n"
          "      --partial FILE    write the collection rules' state to FILE instead of judging\n"
          "                        them (merge the states of shards with reportlint merge)\n"
          "      --paths           (path) print normalized paths instead of values\n"
          "      --positions       (path) print each node's pointer, path, line, column, value\n"
          "      --at POINTER      (eval, path) @ is the node at this JSON Pointer\n"
          "      --record N        (eval, path) the Nth report of an NDJSON file\n"
          "      --config FILE     read this configuration instead of the nearest .reportlint.json\n"
          "      --no-config       read no configuration file\n"
          "      --baseline FILE   fail only on violations that FILE does not record\n"
          "      --write-baseline FILE  record today's violations in FILE and exit 0\n"
          "      --max-string SIZE longest JSON string in a report (default 16M; 0: none)\n"
          "      --max-size SIZE   largest report read whole, NDJSON record, baseline or\n"
          "                        eval/path input (default 256M; 0: none)\n"
          "      --max-file-size SIZE  largest rule set, schema, $ref, reference file or\n"
          "                        configuration (default 64M; 0: none)\n"
          "      --allow-outside PATH  also read files under PATH (repeatable); by default only\n"
          "                        the working directory, paths named on the command line and\n"
          "                        the bundled rules and schemas are read (docs/security.md)\n"
          "      --max-violations N  violations shown per report, then one notice (default 1000)\n"
          "      --timeout SECONDS stop checking a report after this long (default: none)\n"
          "      --max-memory SIZE stop checking a report that needs more memory than this\n"
          "                        (default 2G; 0: none)\n"
          "  -h, --help            this help;  --version  the version\n"
          "\n"
          "exit status: 0 no violation at or above --fail-on, 1 violations, 2 usage error\n"
          "or invalid rule set or schema (nothing is checked then).\n",
          out);
}
/* clang-format on */

int cli_push(cli_strings *list, const char *s)
{
    const char **items = rl_array_resize(list->items, list->n + 1, sizeof *items);
    if (!items)
        return -1;
    list->items = items;
    list->items[list->n++] = s;
    return 0;
}

int cli_push_csv(cli_strings *list, char *csv)
{
    for (char *tok = strtok(csv, ","); tok; tok = strtok(NULL, ","))
        if (*tok && cli_push(list, tok) != 0)
            return -1;
    return 0;
}

void cli_opts_free(cli_opts *opts)
{
    free(opts->rules.items);
    free(opts->schemas.items);
    free(opts->schema_maps.items);
    free(opts->inputs.items);
    free(opts->params.items);
    free(opts->param_files.items);
    free(opts->only.items);
    free(opts->skip.items);
    free(opts->allow_outside.items);
    cli_trust_free(opts->trust);
    opts->trust = NULL;
}

_Static_assert(RL_MAX_DEPTH_LIMIT == 100000, "the --max-depth message names the hard maximum");

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "reportlint: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'reportlint --help'.\n");
    return CLI_USAGE_ERROR;
}

static int parse_count(const char *s, long min, long max, long *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < min || v > max)
        return -1;
    *out = v;
    return 0;
}

static int parse_fail_on(const char *s, int *out)
{
    rl_severity sev;
    if (strcmp(s, "never") == 0) {
        *out = 3;
        return 0;
    }
    if (rl_severity_parse(s, &sev) != 0)
        return -1;
    *out = (int)sev;
    return 0;
}

static int apply(cli_opts *o, enum opt_id id, char *arg)
{
    long n;
    switch (id) {
    case OPT_RULES: return cli_push(&o->rules, arg);
    case OPT_SCHEMA: return cli_push(&o->schemas, arg);
    case OPT_SCHEMA_MAP:
        if (!strchr(arg, '=') || arg[0] == '=')
            return usage_error("--schema-map needs URL=DIR, got '%s'", arg);
        return cli_push(&o->schema_maps, arg);
    case OPT_FORMAT_ASSERT: o->format_assert = 1; return 0;
    case OPT_PARAM:
        if (!strchr(arg, '=') || arg[0] == '=')
            return usage_error("--param needs NAME=VALUE, got '%s'", arg);
        return cli_push(&o->params, arg);
    case OPT_PARAM_FILE:
        if (!strchr(arg, '=') || arg[0] == '=' || !strchr(arg, '=')[1])
            return usage_error("--param-file needs NAME=FILE, got '%s'", arg);
        return cli_push(&o->param_files, arg);
    case OPT_FORMAT: o->format = arg; return 0;
    case OPT_OUTPUT: o->output = arg; return 0;
    case OPT_AS_OF: o->as_of = arg; return 0;
    case OPT_LOCALE: {
        rl_error err;
        if (rl_locale_check(arg, &err) != 0)
            return usage_error("--locale: %s", err.message);
        o->locale = arg;
        return 0;
    }
    case OPT_LANG: o->lang = arg; return 0;
    case OPT_ONLY: return cli_push_csv(&o->only, arg);
    case OPT_SKIP: return cli_push_csv(&o->skip, arg);
    case OPT_PATHS: o->paths = 1; return 0;
    case OPT_POSITIONS: o->positions = 1; return 0;
    case OPT_AT: o->at = arg; return 0;
    case OPT_RECORD:
        if (parse_count(arg, 1, 2147483647L, &n) != 0)
            return usage_error("--record needs a record number from 1, not '%s'", arg);
        o->record = (size_t)n;
        return 0;
    case OPT_FAIL_ON:
        if (parse_fail_on(arg, &o->fail_on) != 0)
            return usage_error("--fail-on must be error, warning, info or never, not '%s'", arg);
        o->fail_on_set = 1;
        return 0;
    case OPT_CONFIG: o->config = arg; return 0;
    case OPT_NO_CONFIG: o->no_config = 1; return 0;
    case OPT_BASELINE: o->baseline = arg; return 0;
    case OPT_WRITE_BASELINE: o->write_baseline = arg; return 0;
    case OPT_PARTIAL: o->partial = arg; return 0;
    case OPT_MAX_STRING: return cli_parse_size_opt("--max-string", arg, &o->max_string);
    case OPT_MAX_SIZE: return cli_parse_size_opt("--max-size", arg, &o->max_size);
    case OPT_MAX_MEMORY: return cli_parse_size_opt("--max-memory", arg, &o->max_memory);
    case OPT_ALLOW_OUTSIDE: return cli_push(&o->allow_outside, arg);
    case OPT_MAX_FILE_SIZE: return cli_parse_size_opt("--max-file-size", arg, &o->max_file_size);
    case OPT_MAX_VIOLATIONS:
        return cli_parse_count_opt("--max-violations", arg, &o->max_violations);
    case OPT_TIMEOUT: return cli_parse_seconds_opt("--timeout", arg, &o->timeout);
    case OPT_JOBS:
        if (parse_count(arg, 1, 1024, &n) != 0)
            return usage_error("--jobs needs a number from 1 to 1024, not '%s'", arg);
        o->jobs = (int)n;
        return 0;
    case OPT_MAX_DEPTH:
        if (parse_count(arg, 1, RL_MAX_DEPTH_LIMIT, &n) != 0)
            return usage_error("--max-depth needs a number from 1 to 100000 (the hard maximum), "
                               "not '%s'",
                               arg);
        o->max_depth = (unsigned)n;
        return 0;
    case OPT_COLOR:
        if (strcmp(arg, "auto") == 0)
            o->color = CLI_COLOR_AUTO;
        else if (strcmp(arg, "always") == 0)
            o->color = CLI_COLOR_ALWAYS;
        else if (strcmp(arg, "never") == 0)
            o->color = CLI_COLOR_NEVER;
        else
            return usage_error("--color must be auto, always or never, not '%s'", arg);
        return 0;
    case OPT_QUIET: o->verbosity = -1; return 0;
    case OPT_VERBOSE: o->verbosity = 1; return 0;
    case OPT_HELP: cli_usage(stdout); return 1;
    case OPT_VERSION: printf("reportlint %s\n", RL_VERSION); return 1;
    default: return usage_error("option %s is not supported", "?");
    }
}

static const opt_def *find_long(const char *name, size_t len)
{
    for (size_t i = 0; i < N_OPTIONS; i++)
        if (strlen(options[i].long_name) == len && strncmp(options[i].long_name, name, len) == 0)
            return &options[i];
    return NULL;
}

static const opt_def *find_short(char c)
{
    for (size_t i = 0; i < N_OPTIONS; i++)
        if (options[i].short_name == c)
            return &options[i];
    return NULL;
}

/* One option at argv[*i]; advances *i past its argument. */
static int parse_option(int argc, char **argv, int *i, cli_opts *o)
{
    char *a = argv[*i], *val = NULL;
    const opt_def *d;
    if (a[1] == '-') {
        char *eq = strchr(a + 2, '=');
        d = find_long(a + 2, eq ? (size_t)(eq - a - 2) : strlen(a + 2));
        val = eq ? eq + 1 : NULL;
    } else {
        d = a[2] == '\0' ? find_short(a[1]) : NULL;
    }
    if (!d)
        return usage_error("unknown option '%s'", a);
    if (d->has_arg && !val) {
        if (*i + 1 >= argc)
            return usage_error("option '%s' needs a value", a);
        val = argv[++*i];
    } else if (!d->has_arg && val) {
        return usage_error("option '%s' takes no value", a);
    }
    return apply(o, d->id, val);
}

int cli_command_index(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0)
            return 0;
        if (a[0] != '-' || a[1] == '\0')
            return i;
        const opt_def *d = a[1] == '-' ? (strchr(a, '=') ? NULL : find_long(a + 2, strlen(a + 2)))
                           : a[2] == '\0' ? find_short(a[1])
                                          : NULL;
        if (d && d->has_arg)
            i++;
    }
    return 0;
}

int cli_parse(int argc, char **argv, int first, cli_opts *o, const char *command)
{
    (void)command;
    memset(o, 0, sizeof *o);
    o->fail_on = RL_SEVERITY_ERROR;
    o->jobs = 0; /* the number of cores */
    int only_files = 0;
    for (int i = first; i < argc; i++) {
        char *a = argv[i];
        if (!only_files && strcmp(a, "--") == 0) {
            only_files = 1;
        } else if (!only_files && a[0] == '-' && a[1] != '\0') {
            int rc = parse_option(argc, argv, &i, o);
            if (rc != 0)
                return rc;
        } else if (cli_push(&o->inputs, a) != 0) {
            return usage_error("%s", "out of memory");
        }
    }
    if (!(o->trust = cli_trust_new(o)))
        return usage_error("%s", "out of memory");
    return 0;
}
