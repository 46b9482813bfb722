/* main.c — the reportlint command: picks a command and runs it.
 *
 *   reportlint [options] FILE|DIR|- ...     lint reports
 *   reportlint rules check|list PATH...     validate or list rule sets
 *   reportlint eval EXPR [FILE|-]           evaluate an expression
 *   reportlint path JSONPATH [FILE|-]       select nodes
 *   reportlint schema validate SCHEMA FILE... validate JSON against a schema
 *
 * Exit status: 0 no violation at or above --fail-on, 1 violations, 2 usage
 * error or invalid rule set. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "rules") == 0)
        return cli_rules(argc, argv);
    if (argc >= 2 && strcmp(argv[1], "eval") == 0)
        return cli_eval(argc, argv);
    if (argc >= 2 && strcmp(argv[1], "path") == 0)
        return cli_path(argc, argv);
    if (argc >= 2 && strcmp(argv[1], "schema") == 0)
        return cli_schema(argc, argv);
    return cli_lint(argc, argv);
}
