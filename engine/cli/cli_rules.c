/* cli_rules.c — `reportlint rules check PATH...` (validate rule sets:
 * against schemas/ruleset.schema.json, then the loader's own checks;
 * every problem with file:line:col), `reportlint rules list PATH...`
 * (ids, kinds, severities, titles) and `reportlint rules test PATH...`
 * (cli_rules_test.c). With no PATH, the bundled rules. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

static void list(const rl_rules *rules)
{
    size_t n = rl_rules_count(rules);
    printf("%-28s %-10s %-8s %s\n", "ID", "KIND", "SEVERITY", "TITLE");
    for (size_t i = 0; i < n; i++) {
        rl_rule_info info;
        rl_rules_info(rules, i, &info);
        printf("%-28s %-10s %-8s %s\n", info.id, info.kind, rl_severity_name(info.severity),
               info.title ? info.title : "");
    }
}

static void report_ok(const rl_rules *rules)
{
    size_t n = rl_rules_count(rules);
    const char *last = NULL;
    size_t count = 0;
    for (size_t i = 0; i <= n; i++) {
        rl_rule_info info = {0};
        if (i < n)
            rl_rules_info(rules, i, &info);
        if (last && (i == n || strcmp(info.file, last) != 0)) {
            printf("%s: ok (%zu rule%s)\n", last, count, count == 1 ? "" : "s");
            count = 0;
        }
        last = info.file;
        count++;
    }
    if (n == 0)
        printf("ok (no rules)\n");
    size_t w = rl_rules_warning_count(rules);
    if (w)
        printf("%zu warning%s (see above)\n", w, w == 1 ? "" : "s");
}

int cli_rules(int argc, char **argv)
{
    if (argc < 3 || (strcmp(argv[2], "check") != 0 && strcmp(argv[2], "list") != 0 &&
                     strcmp(argv[2], "test") != 0)) {
        fprintf(stderr, "usage: reportlint rules check|list|test [PATH...]\n");
        return CLI_USAGE_ERROR;
    }
    cli_opts o;
    int rc = cli_parse(argc, argv, 3, &o, "rules");
    if (rc != 0) {
        cli_opts_free(&o);
        return rc == 1 ? 0 : rc;
    }
    if (strcmp(argv[2], "test") == 0) {
        rc = cli_rules_test(&o);
        cli_opts_free(&o);
        return rc;
    }
    for (size_t i = 0; i < o.inputs.n; i++) /* rules PATH... are rule sets */
        cli_push(&o.rules, o.inputs.items[i]);
    int format_problems = 0;
    if (strcmp(argv[2], "check") == 0)
        format_problems = cli_rules_schema_check(&o, &o.rules);
    rl_rules *rules = cli_load_rules(&o, 0);
    if (rules && format_problems) {
        fprintf(stderr, "reportlint: %d problem%s in the rule sets (ruleset.schema.json)\n",
                format_problems, format_problems == 1 ? "" : "s");
        rl_rules_free(rules);
        rules = NULL;
    }
    if (rules) {
        if (strcmp(argv[2], "list") == 0)
            list(rules);
        else
            report_ok(rules);
    }
    rl_rules_free(rules);
    cli_opts_free(&o);
    return rules ? 0 : CLI_USAGE_ERROR;
}
