/* cli_rules.c — `reportlint rules check PATH...` (validate rule sets:
 * against schemas/ruleset.schema.json, then the loader's own checks;
 * every problem with file:line:col), `reportlint rules list PATH...`
 * (ids, kinds, severities, titles, then the parameters; -f json: one JSON
 * object with both) and `reportlint rules test PATH...`
 * (cli_rules_test.c). With no PATH, the bundled rules. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void list_params(const rl_rules *rules)
{
    size_t n = rl_rules_param_count(rules);
    if (n)
        printf("\n%-28s %-30s %s\n", "PARAM", "VALUE", "RULESET");
    for (size_t i = 0; i < n; i++) {
        rl_param_info p;
        rl_rules_param(rules, i, &p);
        printf("%-28s %-30s %s\n", p.name, p.value ? p.value : "", p.ruleset);
    }
}

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
    list_params(rules);
}

/* "name": "s" (s NULL: null), after a comma unless first. */
static void json_member(const char *name, const char *s, int first)
{
    char *q = s ? rl_json_quote(s, strlen(s)) : NULL;
    printf("%s\"%s\":%s", first ? "" : ",", name, q ? q : "null");
    free(q);
}

/* rules list -f json: {"rules":[...],"params":[...]}. */
static void list_json(const rl_rules *rules)
{
    printf("{\"rules\":[");
    for (size_t i = 0; i < rl_rules_count(rules); i++) {
        rl_rule_info r;
        rl_rules_info(rules, i, &r);
        printf("%s\n  {", i ? "," : "");
        json_member("id", r.id, 1);
        json_member("kind", r.kind, 0);
        json_member("severity", rl_severity_name(r.severity), 0);
        json_member("title", r.title, 0);
        json_member("description", r.description, 0);
        json_member("ruleset", r.ruleset, 0);
        json_member("file", r.file, 0);
        printf(",\"line\":%u,\"column\":%u}", r.line, r.column);
    }
    printf("\n],\"params\":[");
    for (size_t i = 0; i < rl_rules_param_count(rules); i++) {
        rl_param_info p;
        rl_rules_param(rules, i, &p);
        printf("%s\n  {", i ? "," : "");
        json_member("name", p.name, 1);
        json_member("value", p.value, 0);
        json_member("ruleset", p.ruleset, 0);
        printf("}");
    }
    printf("\n]}\n");
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
    if (strcmp(argv[2], "list") == 0 && o.format && strcmp(o.format, "json") != 0 &&
        strcmp(o.format, "text") != 0) {
        fprintf(stderr, "reportlint: rules list -f: text or json, not '%s'\n", o.format);
        cli_opts_free(&o);
        return CLI_USAGE_ERROR;
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
        if (strcmp(argv[2], "list") == 0 && o.format && strcmp(o.format, "json") == 0)
            list_json(rules);
        else if (strcmp(argv[2], "list") == 0)
            list(rules);
        else
            report_ok(rules);
    }
    rl_rules_free(rules);
    cli_opts_free(&o);
    return rules ? 0 : CLI_USAGE_ERROR;
}
