/* main.c — the reportlint command: picks a command and runs it.
 *
 *   reportlint [options] FILE|DIR|- ...     lint reports
 *   reportlint rules check|list PATH...     validate or list rule sets
 *   reportlint eval EXPR [FILE|-]           evaluate an expression
 *   reportlint path JSONPATH [FILE|-]       select nodes
 *   reportlint schema validate SCHEMA FILE... validate JSON against a schema
 *   reportlint merge -r RULES PARTIAL...      judge collection rules over partial states
 *
 * Options may come before the command word too (`reportlint -r R eval X`):
 * the command (and a `rules`/`schema` subcommand) is moved to the front.
 *
 * Exit status: 0 no violation at or above --fail-on, 1 violations, 2 usage
 * error or invalid rule set. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

static const char *const commands[] = {"rules", "eval", "path", "schema", "merge", NULL};

static int is_command(const char *word)
{
    for (size_t i = 0; commands[i]; i++)
        if (strcmp(word, commands[i]) == 0)
            return 1;
    return 0;
}

/* Move argv[from] to argv[to] (to < from), shifting those between. */
static void move_arg(char **argv, int from, int to)
{
    char *a = argv[from];
    memmove(&argv[to + 1], &argv[to], (size_t)(from - to) * sizeof *argv);
    argv[to] = a;
}

/* `reportlint [options] COMMAND [SUB] ...` as `reportlint COMMAND [SUB] [options] ...`. */
static void command_first(int argc, char **argv)
{
    int k = cli_command_index(argc, argv);
    if (k <= 1 || !is_command(argv[k]))
        return;
    move_arg(argv, k, 1);
    int takes_sub = strcmp(argv[1], "rules") == 0 || strcmp(argv[1], "schema") == 0;
    if (takes_sub && k + 1 < argc)
        move_arg(argv, k + 1, 2);
}

int main(int argc, char **argv)
{
    command_first(argc, argv);
    if (argc >= 2 && strcmp(argv[1], "rules") == 0)
        return cli_rules(argc, argv);
    if (argc >= 2 && strcmp(argv[1], "eval") == 0)
        return cli_eval(argc, argv);
    if (argc >= 2 && strcmp(argv[1], "path") == 0)
        return cli_path(argc, argv);
    if (argc >= 2 && strcmp(argv[1], "schema") == 0)
        return cli_schema(argc, argv);
    if (argc >= 2 && strcmp(argv[1], "merge") == 0)
        return cli_merge(argc, argv);
    return cli_lint(argc, argv);
}
