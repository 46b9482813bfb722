/* schema_rules.c — JSON Schemas in a rules object (see schema_rules.h).
 *
 * Every schema is compiled once into the rules' schema set, when the rule
 * set or -s names it; checks only validate. Whole-report schemas (-s, a
 * rule set's top-level "schema") all belong to one rule, id "schema", in
 * a rule set of its own (named "schema", its file the first such schema),
 * so --only/--skip, severity overrides, counts and messages treat it as
 * any other rule. A schema that cannot be loaded is a diagnostic located
 * where the problem is: in the schema file (its keyword's line:column),
 * in a file it references, or at the field that names it. */
#include "error.h"
#include "array.h"
#include "kinds.h"
#include "schema_rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REPORT_RULE_ID "schema"

rl_schema_set *rl_rules_schema_set(rl_rules *rules)
{
    if (!rules->schemas) {
        rl_schema_opts opts = {0};
        opts.io = &rules->io;
        opts.deadline = &rules->load_deadline;
        rules->schemas = rl_schema_set_new(&opts);
    }
    return rules->schemas;
}

void rl_rules_schemas_free(rl_rules *rules)
{
    rl_schema_set_free(rules->schemas);
    rules->schemas = NULL;
    for (size_t i = 0; i < rules->n_docs; i++)
        rl_jdoc_free(rules->docs[i]);
    free(rules->docs);
    rules->docs = NULL;
    rules->n_docs = 0;
}

int rl_rules_keep_doc(rl_rules *rules, rl_jdoc *doc)
{
    rl_jdoc **docs = rl_array_resize(rules->docs, rules->n_docs + 1, sizeof *docs);
    if (!docs) {
        rl_jdoc_free(doc);
        return 0;
    }
    rules->docs = docs;
    rules->docs[rules->n_docs++] = doc;
    return 1;
}

int rl_rules_schema_config(rl_rules *rules, const rl_schema_config *cfg, rl_error *err)
{
    if (rules->schemas || rules->n_sets) {
        rl_error_set(err, 0, 0, "the schema configuration must be set before anything is loaded");
        return -1;
    }
    rl_schema_opts opts = {0};
    opts.format_assert = cfg ? cfg->format_assert : 0;
    opts.meta_dir = cfg ? cfg->meta_dir : NULL;
    opts.io = &rules->io;
    opts.deadline = &rules->load_deadline;
    rules->schemas = rl_schema_set_new(&opts);
    if (!rules->schemas) {
        rl_error_set(err, 0, 0, "out of memory");
        return -1;
    }
    for (size_t i = 0; cfg && i < cfg->n_maps; i++) {
        if (!rl_schema_set_add_map_arg(rules->schemas, cfg->maps[i], err)) {
            rl_rules_schemas_free(rules);
            return -1;
        }
    }
    return 0;
}

/* ---- locating load problems ------------------------------------------- */

/* "FILE:LINE:COLUMN: rest" (a problem in a document a schema references). */
static int split_located(const char *msg, char *file, size_t size, unsigned *line, unsigned *column,
                         const char **rest)
{
    for (const char *p = strchr(msg, ':'); p; p = strchr(p + 1, ':')) {
        int used = 0;
        if (sscanf(p, ":%u:%u: %n", line, column, &used) == 2 && used > 0 && *line) {
            snprintf(file, size, "%.*s", (int)(p - msg), msg);
            *rest = p + used;
            return 1;
        }
    }
    return 0;
}

/* Record why a schema did not load. err's line:column, when set, is in
 * in_file; a message naming its own place wins; else the problem is put
 * at (file, line, column), where the schema was named. */
static void load_diag(rl_rules *rules, const rl_error *err, const char *in_file, const char *file,
                      unsigned line, unsigned column, const char *rule)
{
    char where[512];
    const char *rest;
    unsigned l = 0, c = 0;
    if (err->line)
        rl_rules_add_diag(rules, in_file, err->line, err->column, rule, err->message);
    else if (split_located(err->message, where, sizeof where, &l, &c, &rest))
        rl_rules_add_diag(rules, where, l, c, rule, rest);
    else
        rl_rules_add_diag(rules, file, line, column, rule, err->message);
}

/* ---- the rule "schema" ------------------------------------------------- */

static int list_add(rl_schema_list *l, const rl_schema *s)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->items[i] == s) /* named twice (-s and a rule set): validated once */
            return 1;
    const rl_schema **items = rl_array_resize(l->items, l->n + 1, sizeof *items);
    if (!items)
        return 0;
    l->items = items;
    l->items[l->n++] = s;
    return 1;
}

static rl_rule *new_report_rule(rl_rules *rules, const char *file)
{
    rl_ruleset *set = calloc(1, sizeof *set);
    rl_rule *r = calloc(1, sizeof *r);
    if (!set || !r || !(set->rules = calloc(1, sizeof *set->rules)))
        goto fail;
    set->name = strdup(REPORT_RULE_ID);
    set->file = strdup(file);
    set->params = rl_params_new();
    r->id = strdup(REPORT_RULE_ID);
    r->title = strdup("the report satisfies its JSON Schemas");
    r->kind = &rl_kind_schema;
    r->severity = RL_SEVERITY_ERROR;
    r->data = calloc(1, sizeof(rl_schema_list));
    r->set = set;
    if (!set->name || !set->file || !set->params || !r->id || !r->title || !r->data)
        goto fail;
    r->index = set->n_rules;
    set->rules[set->n_rules++] = r;
    if (rl_rules_adopt(rules, set) != 0)
        goto fail; /* nothing adopted: set and r are still ours */
    return r;
fail:
    if (set) {
        free(set->rules);
        free(set->name);
        free(set->file);
        rl_params_free(set->params);
    }
    if (r) {
        free(r->id);
        free(r->title);
        free(r->data);
    }
    free(set);
    free(r);
    return NULL;
}

/* Add a whole-report schema; schema_file names it in the rule's set.
 * Returns 0 and records a diagnostic at (file, line, column) when it
 * cannot. */
static int add_report_schema(rl_rules *rules, const rl_schema *s, const char *schema_file,
                             const char *file, unsigned line, unsigned column)
{
    if (!rules->report_schema) {
        if (rl_rules_has(rules, REPORT_RULE_ID)) {
            rl_rules_add_diag(rules, file, line, column, NULL,
                              "a rule already has the id 'schema', which the report's JSON "
                              "Schemas need (-s, a rule set's \"schema\")");
            return 0;
        }
        rules->report_schema = new_report_rule(rules, schema_file);
    }
    if (!rules->report_schema || !list_add(rules->report_schema->data, s)) {
        rl_rules_add_diag(rules, file, line, column, NULL, "out of memory");
        return 0;
    }
    return 1;
}

int rl_rules_add_schema(rl_rules *rules, const char *path)
{
    rl_error err = {0};
    rl_schema_set *set = rl_rules_schema_set(rules);
    const rl_schema *s = set ? rl_schema_load_file(set, path, &err) : NULL;
    if (!set)
        rl_error_set(&err, 0, 0, "out of memory");
    if (!s) {
        load_diag(rules, &err, path, path, 0, 0, NULL);
        return 1;
    }
    return add_report_schema(rules, s, path, path, 0, 0) ? 0 : 1;
}

/* ---- schema fields of a rule set ------------------------------------- */

/* path relative to the directory of the rule-set file (malloc'd). */
static char *beside(const char *ruleset_file, const char *path)
{
    const char *slash = strrchr(ruleset_file, '/');
    size_t dir = slash && path[0] != '/' ? (size_t)(slash - ruleset_file) + 1 : 0;
    char *out = malloc(dir + strlen(path) + 1);
    if (out) {
        memcpy(out, ruleset_file, dir);
        strcpy(out + dir, path);
    }
    return out;
}

/* Load the schema a field names; *file gets the file it is in (malloc'd). */
static const rl_schema *load_field(rl_loader *ld, const rl_jnode *v, rl_error *err, char **file)
{
    rl_schema_set *set = rl_rules_schema_set(ld->rules);
    *file = NULL;
    if (!set) {
        rl_error_set(err, 0, 0, "out of memory");
        return NULL;
    }
    if (rl_jn_type(v) == RL_JOBJECT || rl_jn_type(v) == RL_JTRUE || rl_jn_type(v) == RL_JFALSE) {
        *file = strdup(ld->file);
        return rl_schema_load_node(set, ld->doc, v, ld->file, err);
    }
    *file = beside(ld->file, rl_jn_str(v));
    return *file ? rl_schema_load_file(set, *file, err) : NULL;
}

const rl_schema *rl_ld_schema(rl_loader *ld, const rl_jnode *v)
{
    if (rl_jn_type(v) != RL_JOBJECT && rl_jn_type(v) != RL_JTRUE && rl_jn_type(v) != RL_JFALSE &&
        (rl_jn_type(v) != RL_JSTRING || rl_jn_str_len(v) == 0)) {
        rl_ld_error(ld, rl_jn_offset(v),
                    "field 'schema' must be the path of a JSON Schema file or a "
                    "schema object");
        return NULL;
    }
    rl_error err = {0};
    char *file = NULL;
    const rl_schema *s = load_field(ld, v, &err, &file);
    if (!s) {
        unsigned line = 0, column = 0;
        rl_jdoc_locate(ld->doc, rl_jn_offset(v), &line, &column);
        load_diag(ld->rules, &err, file ? file : ld->file, ld->file, line, column, ld->rule_id);
        ld->errors++;
    }
    free(file);
    return s;
}

void rl_ld_report_schema(rl_loader *ld, const rl_jnode *root)
{
    const rl_jnode *v = rl_json_gets(root, "schema");
    const rl_schema *s = v ? rl_ld_schema(ld, v) : NULL;
    if (!s)
        return;
    unsigned line = 0, column = 0;
    rl_jdoc_locate(ld->doc, rl_jn_offset(v), &line, &column);
    char *file = rl_jn_type(v) == RL_JSTRING ? beside(ld->file, rl_jn_str(v)) : NULL;
    if (!add_report_schema(ld->rules, s, file ? file : ld->file, ld->file, line, column))
        ld->errors++;
    free(file);
}
