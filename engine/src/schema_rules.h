/* schema_rules.h — JSON Schemas in a rules object: the schema set it owns,
 * the rule "schema" that validates whole reports (-s and a rule set's
 * top-level "schema"), and the schema of a `schema` rule, each loaded
 * relative to the file that names it, with problems as located
 * diagnostics. */
#ifndef RL_SCHEMA_RULES_H
#define RL_SCHEMA_RULES_H

#include "loader.h"
#include "schema.h"

/* The compiled schemas one rule validates with (a rule's data). */
typedef struct rl_schema_list {
    const rl_schema **items; /* owned by the rules' schema set */
    size_t n;
} rl_schema_list;

/* The rules' schema set, made with the default configuration when
 * rl_rules_schema_config was not called; NULL when out of memory. */
rl_schema_set *rl_rules_schema_set(rl_rules *rules);
void rl_rules_schemas_free(rl_rules *rules);

/* Keep a parsed rule-set file until the rules are freed. 0: out of memory
 * (the document is freed). */
int rl_rules_keep_doc(rl_rules *rules, rl_jdoc *doc);

/* A schema field of a rule set: a path relative to the rule-set file, or
 * an inline schema (an object or a boolean). NULL after a diagnostic. */
const rl_schema *rl_ld_schema(rl_loader *ld, const rl_jnode *value);

/* The rule set's top-level "schema", when present: added to the rule
 * "schema". */
void rl_ld_report_schema(rl_loader *ld, const rl_jnode *root);

#endif
