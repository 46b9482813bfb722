/* loader.h — helpers the rule-set loader and the rule kinds share to read
 * fields from a rule object and report problems at their line:column.
 *
 * Every problem becomes a diagnostic naming the file, line, column and rule
 * id; loading goes on to find the next problem, and the caller refuses to
 * check anything with a rule set that has one. */
#ifndef RL_LOADER_H
#define RL_LOADER_H

#include "rules_int.h"
#include "json.h"
#include "tolerance.h"

typedef struct rl_loader {
    rl_rules *rules;
    rl_jdoc *doc;
    const char *file;
    rl_ruleset *set;
    const char *rule_id; /* the rule being read, for messages; may be NULL */
    int errors;          /* diagnostics added while loading this file */
    char **ids;          /* every rule id seen in this file, loaded or not */
    unsigned *id_lines;
    size_t n_ids;
    rl_strmap id_index; /* ids[i] -> i + 1 */
    /* Compile a rule's "schema" field (a file name or a schema object) into
     * the rules' schema set, or NULL after a diagnostic: rl_ld_schema
     * (schema_rules.c), handed down by the load layer that makes the
     * loader, so the kinds below it reach it without calling up. */
    const struct rl_schema *(*schema)(struct rl_loader *ld, const rl_jnode *value);
} rl_loader;

/* A diagnostic at a byte offset of the rule file. */
void rl_ld_error(rl_loader *ld, size_t offset, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A warning at a byte offset of the rule file (the rule set still loads). */
void rl_ld_warning(rl_loader *ld, size_t offset, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* " (did you mean 'NAME'?)" when word is close to one of names, else ""
 * (written into buf). */
const char *rl_ld_did_you_mean(const char *word, size_t len, const char *const *names, char *buf,
                               size_t size);

/* When e reads nothing from a report or the parameters (no path, $name or
 * function call), evaluate it: 1 and *out (a number, boolean, date or
 * null; no string), 0 when it is not constant, -1 when evaluating it
 * fails (err set). */
int rl_ld_constant(const rl_expr *e, rl_value *out, rl_error *err);

/* Meaning checks (loader_meaning.c). A date field (due, done, as_of,
 * from, to) whose value is a constant that is not a date ("15/10/2025" is
 * 15 ÷ 10 ÷ 2025): a diagnostic saying how to write it, -1. A constant
 * `when`: a warning (always true or false), or a diagnostic when it is not
 * boolean or cannot be evaluated (-1). Else 0. */
int rl_ld_check_date_field(rl_loader *ld, const rl_jnode *v, const char *field, const rl_expr *x);
int rl_ld_check_when(rl_loader *ld, const rl_jnode *v, const rl_expr *when);
/* Constant bounds that no value can pass (min > max; min == max when
 * exclusive): a diagnostic at `at`, -1. A ratio's scale that is not a
 * positive number, or a bare name ("percent", which would read
 * @.percent): a diagnostic, -1. Else 0. */
int rl_ld_check_bounds(rl_loader *ld, const rl_jnode *at, const rl_expr *min, const rl_expr *max,
                       int exclusive);
int rl_ld_check_scale(rl_loader *ld, const rl_jnode *v, const rl_expr *scale);
/* Hints appended to a syntax error (written into buf; "" when none): of a
 * rule file's JSON (a trailing comma, "\d", a decimal comma), of an
 * expression at a column ("=<", a decimal comma), of a date field's text
 * that does not parse ("15.10.2025"). */
const char *rl_ld_json_hint(const char *text, size_t len, const rl_error *err, char *buf,
                            size_t size);
const char *rl_ld_expr_hint(const char *text, unsigned column, char *buf, size_t size);
const char *rl_ld_date_parse_hint(const char *text, char *buf, size_t size);

/* A diagnostic at code point `column` (1-based) inside a string value. */
void rl_ld_error_in(rl_loader *ld, const rl_jnode *str, unsigned column, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The member `field` of obj, or NULL. When required and absent, a
 * "missing required field" diagnostic at obj. */
const rl_jnode *rl_ld_field(rl_loader *ld, const rl_jnode *obj, const char *field, int required);

/* A field holding a value: a JSON number/boolean/null (a literal) or a
 * string holding an expression. Returns NULL when absent (diagnosed if
 * required) or invalid (diagnosed, with the column inside the expression). */
rl_expr *rl_ld_expr(rl_loader *ld, const rl_jnode *obj, const char *field, unsigned flags,
                    int required);
/* The same for a node already in hand (an item of a list field). */
rl_expr *rl_ld_expr_node(rl_loader *ld, const rl_jnode *value, const char *field, unsigned flags);

/* A JSONPath field (string). */
rl_jpath *rl_ld_path(rl_loader *ld, const rl_jnode *obj, const char *field, int required);

/* A string field; returns a malloc'd copy, or NULL (absent: no diagnostic
 * unless required; wrong type: diagnosed and *bad set). */
char *rl_ld_string(rl_loader *ld, const rl_jnode *obj, const char *field, int required, int *bad);

/* A boolean field; def when absent. Wrong type: diagnosed. */
int rl_ld_bool(rl_loader *ld, const rl_jnode *obj, const char *field, int def);

/* The `tolerance` field. Returns 0 on a diagnosed error. */
int rl_ld_tolerance(rl_loader *ld, const rl_jnode *obj, rl_tolerance *out);

#endif
