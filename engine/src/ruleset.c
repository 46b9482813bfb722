/* ruleset.c — loading one rule-set file: the top level, its parameters and
 * every rule's common fields; each kind compiles its own fields (kind_*.c).
 *
 * Loading never stops at the first problem: every problem found becomes a
 * diagnostic with file:line:column and the rule id, so an author fixes them
 * all in one pass. A rule set with any diagnostic is never used. */
#include "collection_rule.h"
#include "array.h"
#include "error.h"
#include "kinds.h"
#include "loader.h"
#include "refdata.h"
#include "ruleset.h"
#include "schema_rules.h"
#include "suggest.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const top_fields[] = {"$schema", "$comment",    "ruleset",   "version",
                                         "title",   "description", "locale",    "params",
                                         "schema",  "rules",       "item_keys", NULL};
static const char *const common_fields[] = {
    "id",      "kind", "title",    "description", "severity", "each",  "when", "message",
    "missing", "tags", "$comment", "scope",       "group",    "order", NULL};

/* Names of a rule's allowed fields: common ones plus the kind's. */
static size_t allowed_fields(const rl_kind *kind, const char **out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; common_fields[i] && n + 1 < cap; i++)
        out[n++] = common_fields[i];
    for (size_t i = 0; kind && kind->fields[i] && n + 1 < cap; i++)
        out[n++] = kind->fields[i];
    out[n] = NULL;
    return n;
}

static int in_list(const char *const *list, const char *s)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(list[i], s) == 0)
            return 1;
    return 0;
}

/* Unknown or repeated member names in obj, with "did you mean" hints. */
static void check_members(rl_loader *ld, const rl_jnode *obj, const char *const *allowed,
                          const char *what)
{
    for (size_t i = 0; i < rl_jn_count(obj); i++) {
        const rl_jmember *m = rl_jn_member(obj, i);
        if (rl_json_member(obj, rl_jm_key(m), rl_jm_key_len(m)) != m) {
            rl_ld_error(ld, rl_jm_key_offset(m), "%s field '%s' appears more than once", what,
                        rl_jm_key(m));
            continue;
        }
        if (strlen(rl_jm_key(m)) != rl_jm_key_len(m) || in_list(allowed, rl_jm_key(m)))
            continue;
        const char *near = rl_suggest(rl_jm_key(m), rl_jm_key_len(m), allowed);
        if (near)
            rl_ld_error(ld, rl_jm_key_offset(m), "unknown %s field '%s' (did you mean '%s'?)", what,
                        rl_jm_key(m), near);
        else
            rl_ld_error(ld, rl_jm_key_offset(m), "unknown %s field '%s'", what, rl_jm_key(m));
    }
}

static const rl_kind *read_kind(rl_loader *ld, const rl_jnode *obj)
{
    const rl_jnode *k = rl_ld_field(ld, obj, "kind", 1);
    if (!k)
        return NULL;
    if (rl_jn_type(k) != RL_JSTRING) {
        rl_ld_error(ld, rl_jn_offset(k), "field 'kind' must be a string");
        return NULL;
    }
    const rl_kind *kind = rl_kind_find(rl_jn_str(k), rl_jn_str_len(k));
    if (kind)
        return kind;
    const char *near = rl_suggest(rl_jn_str(k), rl_jn_str_len(k), rl_kind_names());
    rl_ld_error(ld, rl_jn_offset(k), "unknown kind '%s'%s%s%s", rl_jn_str(k),
                near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
    return NULL;
}

static void read_severity(rl_loader *ld, const rl_jnode *obj, rl_rule *r)
{
    const rl_jnode *v = rl_json_gets(obj, "severity");
    r->severity = RL_SEVERITY_ERROR;
    static const char *const names[] = {"error", "warning", "info", NULL};
    char near[96];
    if (v && (rl_jn_type(v) != RL_JSTRING || rl_severity_parse(rl_jn_str(v), &r->severity) != 0))
        rl_ld_error(ld, rl_jn_offset(v),
                    "field 'severity' must be \"error\", \"warning\" or \"info\"%s",
                    rl_jn_type(v) == RL_JSTRING ? rl_ld_did_you_mean(rl_jn_str(v), rl_jn_str_len(v),
                                                                     names, near, sizeof near)
                                                : "");
}

static void read_missing(rl_loader *ld, const rl_jnode *obj, rl_rule *r)
{
    const rl_jnode *v = rl_json_gets(obj, "missing");
    r->missing = RL_MISSING_NOT_APPLICABLE;
    if (!v)
        return;
    if (rl_jn_type(v) == RL_JSTRING && strcmp(rl_jn_str(v), "violation") == 0)
        r->missing = RL_MISSING_VIOLATION;
    else if (!(rl_jn_type(v) == RL_JSTRING && strcmp(rl_jn_str(v), "not_applicable") == 0)) {
        static const char *const names[] = {"violation", "not_applicable", NULL};
        char near[96];
        rl_ld_error(ld, rl_jn_offset(v),
                    "field 'missing' must be \"violation\" or \"not_applicable\"%s",
                    rl_jn_type(v) == RL_JSTRING ? rl_ld_did_you_mean(rl_jn_str(v), rl_jn_str_len(v),
                                                                     names, near, sizeof near)
                                                : "");
    }
}

static void read_tags(rl_loader *ld, const rl_jnode *obj)
{
    const rl_jnode *v = rl_json_gets(obj, "tags");
    if (!v)
        return;
    int ok = rl_jn_type(v) == RL_JARRAY;
    for (size_t i = 0; ok && i < rl_jn_count(v); i++)
        ok = rl_jn_type(rl_jn_item(v, i)) == RL_JSTRING;
    if (!ok)
        rl_ld_error(ld, rl_jn_offset(v), "field 'tags' must be an array of strings");
}

static rl_template *template_from(rl_loader *ld, const rl_jnode *s, const rl_kind *kind)
{
    rl_error e = {0};
    rl_template *t = rl_template_compile(rl_jn_str(s), rl_jn_str_len(s),
                                         kind ? kind->figures : NULL, ld->set->params, &e);
    if (!t)
        rl_ld_error_in(ld, s, e.column, "field 'message': %s (column %u of the message)", e.message,
                       e.column);
    return t;
}

/* One language's template in a message object; the language must be
 * one messages are written in (a misspelt "vn" would never be shown). */
static void message_in(rl_loader *ld, const rl_jmember *m, rl_rule *r)
{
    rl_lang lang = RL_LANG_EN;
    if (rl_jn_type(rl_jm_value(m)) != RL_JSTRING) {
        rl_ld_error(ld, rl_jn_offset(rl_jm_value(m)), "message for language '%s' must be a string",
                    rl_jm_key(m));
        return;
    }
    if (!rl_lang_parse(rl_jm_key(m), &lang) || strlen(rl_jm_key(m)) != 2) {
        rl_ld_error(ld, rl_jm_key_offset(m),
                    "unknown message language '%s' (known: en, vi, id, ru, nb)", rl_jm_key(m));
        return;
    }
    rl_template *t = template_from(ld, rl_jm_value(m), r->kind);
    if (!r->message[RL_LANG_EN] && !r->message[RL_LANG_VI] && !r->message[RL_LANG_ID] &&
        !r->message[RL_LANG_RU] && !r->message[RL_LANG_NB])
        r->message_first = lang;
    rl_template_free(r->message[lang]);
    r->message[lang] = t;
}

/* `message`: a template, or an object of templates by language. Every
 * language given is kept; a check picks --lang's, else en, else the first
 * given (rl_rule_message). */
static void read_message(rl_loader *ld, const rl_jnode *obj, rl_rule *r)
{
    const rl_jnode *v = rl_json_gets(obj, "message");
    if (!v)
        return;
    if (rl_jn_type(v) == RL_JSTRING) {
        r->message[RL_LANG_EN] = template_from(ld, v, r->kind);
        r->message_first = RL_LANG_EN;
        return;
    }
    if (rl_jn_type(v) != RL_JOBJECT || rl_jn_count(v) == 0) {
        rl_ld_error(ld, rl_jn_offset(v),
                    "field 'message' must be a string or an object of strings by language");
        return;
    }
    for (size_t i = 0; i < rl_jn_count(v); i++) {
        const rl_jmember *m = rl_jn_member(v, i);
        if (rl_json_member(v, rl_jm_key(m), rl_jm_key_len(m)) == m)
            message_in(ld, m, r);
        else
            rl_ld_error(ld, rl_jm_key_offset(m), "message language '%s' appears more than once",
                        rl_jm_key(m));
    }
}

static int remember_id(rl_loader *ld, const char *id, unsigned line)
{
    size_t n = ld->n_ids;
    if (n < 16 || (n & (n - 1)) == 0) { /* capacity doubles at powers of two */
        size_t cap = n < 16 ? 16 : 2 * n;
        char **ids = rl_array_resize(ld->ids, cap, sizeof *ids);
        if (!ids)
            return 0;
        ld->ids = ids;
        unsigned *lines = rl_array_resize(ld->id_lines, cap, sizeof *lines);
        if (!lines)
            return 0;
        ld->id_lines = lines;
    }
    ld->id_lines[n] = line;
    if (!(ld->ids[n] = strdup(id)))
        return 0;
    ld->n_ids++;
    return rl_strmap_put(&ld->id_index, ld->ids[n], (void *)(uintptr_t)ld->n_ids) == 0;
}

/* An id already used: by a rule of an earlier file, or earlier in this one
 * (hash lookups: loading n rules costs O(n), not O(n^2)). */
static int duplicate_id(rl_loader *ld, const rl_jnode *v)
{
    const rl_strmap_slot *s = rl_strmap_find(&ld->rules->by_id, rl_jn_str(v));
    if (s) {
        const rl_rule *other = s->value;
        if (other == ld->rules->report_schema)
            rl_ld_error(ld, rl_jn_offset(v),
                        "rule id '%s' is taken by the report's JSON Schemas "
                        "(-s, a rule set's \"schema\")",
                        rl_jn_str(v));
        else
            rl_ld_error(ld, rl_jn_offset(v), "duplicate rule id '%s' (first defined at %s:%u:%u)",
                        rl_jn_str(v), other->set->file, other->line, other->column);
        return 1;
    }
    if ((s = rl_strmap_find(&ld->id_index, rl_jn_str(v))) != NULL) {
        rl_ld_error(ld, rl_jn_offset(v), "duplicate rule id '%s' (first defined at line %u)",
                    rl_jn_str(v), ld->id_lines[(uintptr_t)s->value - 1]);
        return 1;
    }
    return 0;
}

static int read_id(rl_loader *ld, const rl_jnode *obj, rl_rule *r)
{
    const rl_jnode *v = rl_ld_field(ld, obj, "id", 1);
    if (!v)
        return 0;
    if (rl_jn_type(v) != RL_JSTRING || rl_jn_str_len(v) == 0 ||
        strlen(rl_jn_str(v)) != rl_jn_str_len(v)) {
        rl_ld_error(ld, rl_jn_offset(v), "field 'id' must be a non-empty string");
        return 0;
    }
    ld->rule_id = rl_jn_str(v); /* name the rule in messages, even a duplicate */
    if (duplicate_id(ld, v) || !remember_id(ld, rl_jn_str(v), r->line))
        return 0;
    r->id = strdup(rl_jn_str(v));
    return r->id != NULL;
}

static void read_common(rl_loader *ld, const rl_jnode *obj, rl_rule *r)
{
    int bad = 0;
    r->title = rl_ld_string(ld, obj, "title", 0, &bad);
    r->description = rl_ld_string(ld, obj, "description", 0, &bad);
    read_severity(ld, obj, r);
    read_missing(ld, obj, r);
    read_tags(ld, obj);
    r->each = rl_ld_path(ld, obj, "each", 0);
    r->when = rl_ld_expr(ld, obj, "when", 0, 0);
    if (r->when && rl_ld_check_when(ld, rl_json_gets(obj, "when"), r->when) != 0) {
        rl_expr_free(r->when);
        r->when = NULL;
    }
    read_message(ld, obj, r);
}

static rl_rule *load_rule(rl_loader *ld, const rl_jnode *obj)
{
    if (rl_jn_type(obj) != RL_JOBJECT) {
        rl_ld_error(ld, rl_jn_offset(obj),
                    "a rule must be an object with at least \"id\" and \"kind\"");
        return NULL;
    }
    rl_rule *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->set = ld->set;
    rl_jdoc_locate(ld->doc, rl_jn_offset(obj), &r->line, &r->column);
    int before = ld->errors;
    int have_id = read_id(ld, obj, r);
    if (r->id)
        ld->rule_id = r->id;
    r->kind = read_kind(ld, obj);
    const char *allowed[64];
    allowed_fields(r->kind, allowed, 64);
    if (r->kind)
        check_members(ld, obj, allowed, "rule");
    read_common(ld, obj, r);
    if (r->kind)
        r->kind->compile(r, ld, obj);
    if (r->kind && ld->errors == before)
        rl_coll_rule_read(r, ld, obj);
    ld->rule_id = NULL;
    if (!have_id || ld->errors != before) {
        rl_rule_free(r);
        return NULL;
    }
    return r;
}

/* {"file": "ref/provinces.json"}: the parameter's value is that file's
 * JSON (relative to the rule set). A problem is located at the "file"
 * string, and a parse error also at its line:column in the reference file. */
static void load_param_file(rl_loader *ld, const char *name, const rl_jnode *spec)
{
    const rl_jnode *f = rl_json_gets(spec, "file");
    if (rl_jn_count(spec) != 1 || rl_jn_type(f) != RL_JSTRING || !rl_jn_str_len(f)) {
        rl_ld_error(ld, rl_jn_offset(spec),
                    "parameter '%s': a parameter read from a file is {\"file\": \"PATH\"} and "
                    "nothing else (an object with a \"file\" member cannot be a literal value)",
                    name);
        return;
    }
    char *path = rl_refdata_path(ld->file, rl_jn_str(f));
    rl_error e = {0};
    rl_jdoc *doc = path ? rl_refdata_read(&ld->rules->io, path, &ld->rules->load_deadline, &e)
                        : NULL;
    if (!doc) {
        if (e.line) {
            char msg[sizeof e.message + 128];
            snprintf(msg, sizeof msg, "%s (read for parameter '%s' of %s)", e.message, name,
                     ld->file);
            rl_rules_add_diag(ld->rules, path, e.line, e.column, NULL, msg);
        }
        if (e.line)
            rl_ld_error(ld, rl_jn_offset(f), "parameter '%s': %s:%u:%u: %s", name, path, e.line,
                        e.column, e.message);
        else
            rl_ld_error(ld, rl_jn_offset(f), "parameter '%s': %s: %s", name,
                        path ? path : "out of memory", e.message);
        ld->errors += e.line ? 1 : 0;
    } else if (!rl_params_set_literal(ld->set->params, name, doc->root, &e)) {
        rl_ld_error(ld, rl_jn_offset(f), "parameter '%s': %s", name, e.message);
    }
    rl_jdoc_free(doc);
    free(path);
}

static int is_file_param(const rl_jnode *v)
{
    return rl_jn_type(v) == RL_JOBJECT && rl_json_gets(v, "file");
}

static void load_params(rl_loader *ld, const rl_jnode *root)
{
    const rl_jnode *params = rl_json_gets(root, "params");
    if (params && rl_jn_type(params) != RL_JOBJECT) {
        rl_ld_error(ld, rl_jn_offset(params), "field 'params' must be an object of name: value");
        return;
    }
    size_t n = params ? rl_jn_count(params) : 0;
    /* every name first: a value may use parameters defined after it */
    for (size_t i = 0; i < n; i++) {
        rl_error e = {0};
        const rl_jmember *m = rl_jn_member(params, i);
        if (!rl_params_declare(ld->set->params, rl_jm_key(m), &e))
            rl_ld_error(ld, rl_jm_key_offset(m), "%s", e.message);
    }
    ld->set->n_own_params = rl_params_count(ld->set->params);
    for (size_t i = 0; i < n; i++) {
        const rl_jmember *m = rl_jn_member(params, i);
        rl_error e = {0};
        if (!rl_params_has(ld->set->params, rl_jm_key(m)))
            continue; /* an invalid name, said above */
        if (is_file_param(rl_jm_value(m)))
            load_param_file(ld, rl_jm_key(m), rl_jm_value(m));
        else if (!rl_params_set_json(ld->set->params, rl_jm_key(m), rl_jm_value(m), &e))
            rl_ld_error(ld, rl_jn_offset(rl_jm_value(m)), "%s",
                        e.message); /* names the parameter */
    }
    for (size_t i = 0; i < ld->rules->n_overrides; i++) {
        const rl_param_override *o = &ld->rules->overrides[i];
        rl_error e = {0};
        int ok = o->doc ? rl_params_set_literal(ld->set->params, o->name, o->doc->root, &e)
                        : rl_params_set_text(ld->set->params, o->name, o->value, &e);
        if (!ok)
            rl_ld_error(ld, rl_jn_offset(root), "--param %s: %s", o->name, e.message);
    }
    rl_sbuf cycle = RL_SBUF_INIT;
    if (rl_params_cycle(ld->set->params, &cycle))
        rl_ld_error(ld, params ? rl_jn_offset(params) : rl_jn_offset(root),
                    "parameters refer to each other in a cycle: %s", rl_sbuf_str(&cycle));
    rl_sbuf_free(&cycle);
}

/* "item_keys": ["ma_xa", ...] — members that identify array items in
 * stable pointers (baselines), tried before id, code and name. */
static void load_item_keys(rl_loader *ld, const rl_jnode *root)
{
    const rl_jnode *keys = rl_json_gets(root, "item_keys");
    if (!keys)
        return;
    if (rl_jn_type(keys) != RL_JARRAY) {
        rl_ld_error(ld, rl_jn_offset(keys), "field 'item_keys' must be an array of member names");
        return;
    }
    rl_ruleset *set = ld->set;
    set->item_keys = calloc(rl_jn_count(keys) + 1, sizeof *set->item_keys);
    for (size_t i = 0; set->item_keys && i < rl_jn_count(keys); i++) {
        const rl_jnode *k = rl_jn_item(keys, i);
        if (rl_jn_type(k) != RL_JSTRING || !rl_jn_str_len(k)) {
            rl_ld_error(ld, rl_jn_offset(k),
                        "field 'item_keys' must hold member names (non-empty strings)");
            continue;
        }
        char *copy = strdup(rl_jn_str(k));
        if (copy)
            set->item_keys[set->n_item_keys++] = copy;
    }
}

static void load_header(rl_loader *ld, const rl_jnode *root)
{
    int bad = 0;
    rl_ruleset *set = ld->set;
    set->name = rl_ld_string(ld, root, "ruleset", 1, &bad);
    set->version = rl_ld_string(ld, root, "version", 0, &bad);
    set->title = rl_ld_string(ld, root, "title", 0, &bad);
    set->locale = rl_ld_string(ld, root, "locale", 0, &bad);
    rl_error err = {0};
    if (set->locale && rl_locale_check(set->locale, &err) != 0)
        rl_ld_error(ld, rl_jn_offset(rl_ld_field(ld, root, "locale", 0)), "field 'locale': %s",
                    err.message);
    free(rl_ld_string(ld, root, "description", 0, &bad));
    load_item_keys(ld, root);
}

/* set->rules grows by doubling: its capacity is n_rules rounded up to a
 * power of two (at least 8), so it is reallocated only when n_rules is 0 or
 * such a power — loading stays linear (a realloc per rule copied them all
 * each time under allocators that move, ASan's among them). */
static int push_rule(rl_ruleset *set, rl_rule *r)
{
    size_t n = set->n_rules;
    if (n == 0 || (n >= 8 && (n & (n - 1)) == 0)) {
        size_t cap = n ? n * 2 : 8;
        if (cap > SIZE_MAX / sizeof(rl_rule *))
            return 0;
        rl_rule **rules = rl_array_resize(set->rules, cap, sizeof *rules);
        if (!rules)
            return 0;
        set->rules = rules;
    }
    r->index = set->n_rules;
    set->rules[set->n_rules++] = r;
    return 1;
}

static void load_rules(rl_loader *ld, const rl_jnode *root)
{
    const rl_jnode *rules = rl_ld_field(ld, root, "rules", 1);
    if (!rules)
        return;
    if (rl_jn_type(rules) != RL_JARRAY) {
        rl_ld_error(ld, rl_jn_offset(rules), "field 'rules' must be an array of rule objects");
        return;
    }
    for (size_t i = 0; i < rl_jn_count(rules); i++) {
        if (rl_deadline_hit(&ld->rules->load_deadline)) { /* rl_rules_set_timeout */
            unsigned line, col;
            rl_jdoc_locate(ld->doc, rl_jn_offset(rl_jn_item(rules, i)), &line, &col);
            rl_rules_timeout_diag(ld->rules, ld->file, line, col);
            ld->errors++;
            return;
        }
        rl_rule *r = load_rule(ld, rl_jn_item(rules, i));
        if (r && !push_rule(ld->set, r)) {
            rl_rule_free(r);
            rl_ld_error(ld, rl_jn_offset(rules), "out of memory");
        }
    }
}

/* Load a parsed rule set into ld->set. Returns the number of problems. */
int rl_ruleset_load(rl_loader *ld, const rl_jnode *root)
{
    if (rl_jn_type(root) != RL_JOBJECT) {
        rl_ld_error(ld, rl_jn_offset(root),
                    "a rule set must be a JSON object with \"ruleset\" and \"rules\"");
        return ld->errors;
    }
    check_members(ld, root, top_fields, "rule-set");
    load_header(ld, root);
    load_params(ld, root);
    rl_ld_report_schema(ld, root);
    load_rules(ld, root);
    for (size_t i = 0; i < ld->n_ids; i++)
        free(ld->ids[i]);
    free(ld->ids);
    rl_strmap_free(&ld->id_index);
    free(ld->id_lines);
    return ld->errors;
}
