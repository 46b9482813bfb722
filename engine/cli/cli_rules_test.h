/* cli_rules_test.h — `reportlint rules test`: the parts shared by reading
 * example files (cli_rules_test.c) and running them (cli_rules_test_run.c).
 *
 * An example file (docs/rules.md, "Examples: rules test"; its schema is
 * schemas/rules-test.schema.json) names the rule sets it tests and holds
 * examples: a report (inline, or a file beside the example file) and the
 * violations checking it must give, no more and no fewer. A file is read
 * and validated whole before any example runs: a malformed one runs
 * nothing and makes the exit status 2. */
#ifndef RL_CLI_RULES_TEST_H
#define RL_CLI_RULES_TEST_H

#include "cli.h"

typedef struct rt_file {
    const char *path; /* the example file, as named */
    char *dir;        /* its directory ("" for the current one) */
    rl_jdoc *doc;
    cli_strings rules; /* rule-set paths (malloc'd), resolved against dir */
    const rl_jnode *root;
    const rl_jnode *tests; /* the examples (an array of objects) */
    const char **ids;      /* the rule ids of the rule sets, then "input"
                           (NULL-terminated, malloc'd) */
    int problems;          /* located problems printed while reading it */
} rt_file;

/* Counts over one run of `rules test`. */
typedef struct rt_totals {
    size_t examples, passed, failed;
    int broken; /* a file was malformed, or its rules did not load: exit 2 */
} rt_totals;

/* The member `name` of an object node, or NULL. */
const rl_jnode *rt_member(const rl_jnode *obj, const char *name);
/* Print "FILE:LINE:COL: error: MESSAGE" for node (stderr) and count it. */
void rt_problem(rt_file *f, const rl_jnode *node, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Run every example of a valid file; print failures (with their diff of
 * expected and actual violations) and the file's counts to stdout. */
void rt_run_file(const cli_opts *o, rt_file *f, rt_totals *t);

/* The checks on one expected violation: 0, or the number of problems
 * printed. known: the rule ids of the rule sets (NULL-terminated). */
int rt_check_expected(rt_file *f, const rl_jnode *v, const char *const *known);

#endif
