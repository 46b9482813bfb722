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
    for (size_t i = 0; i < obj->u.obj.n; i++) {
        const rl_jmember *m = &obj->u.obj.members[i];
        if (rl_json_member(obj, m->key, m->key_len) != m) {
            rl_ld_error(ld, m->key_offset, "%s field '%s' appears more than once", what, m->key);
            continue;
        }
        if (strlen(m->key) != m->key_len || in_list(allowed, m->key))
            continue;
        const char *near = rl_suggest(m->key, m->key_len, allowed);
        if (near)
            rl_ld_error(ld, m->key_offset, "unknown %s field '%s' (did you mean '%s'?)", what,
                        m->key, near);
        else
            rl_ld_error(ld, m->key_offset, "unknown %s field '%s'", what, m->key);
    }
}

static const rl_kind *read_kind(rl_loader *ld, const rl_jnode *obj)
{
    const rl_jnode *k = rl_ld_field(ld, obj, "kind", 1);
    if (!k)
        return NULL;
    if (k->type != RL_JSTRING) {
        rl_ld_error(ld, k->offset, "field 'kind' must be a string");
        return NULL;
    }
    const rl_kind *kind = rl_kind_find(k->u.str.s, k->u.str.len);
    if (kind)
        return kind;
    const char *near = rl_suggest(k->u.str.s, k->u.str.len, rl_kind_names());
    rl_ld_error(ld, k->offset, "unknown kind '%s'%s%s%s", k->u.str.s,
                near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
    return NULL;
}

static void read_severity(rl_loader *ld, const rl_jnode *obj, rl_rule *r)
{
    const rl_jnode *v = rl_json_gets(obj, "severity");
    r->severity = RL_SEVERITY_ERROR;
    static const char *const names[] = {"error", "warning", "info", NULL};
    char near[96];
    if (v && (v->type != RL_JSTRING || rl_severity_parse(v->u.str.s, &r->severity) != 0))
        rl_ld_error(ld, v->offset, "field 'severity' must be \"error\", \"warning\" or \"info\"%s",
                    v->type == RL_JSTRING
                        ? rl_ld_did_you_mean(v->u.str.s, v->u.str.len, names, near, sizeof near)
                        : "");
}

static void read_missing(rl_loader *ld, const rl_jnode *obj, rl_rule *r)
{
    const rl_jnode *v = rl_json_gets(obj, "missing");
    r->missing = RL_MISSING_NOT_APPLICABLE;
    if (!v)
        return;
    if (v->type == RL_JSTRING && strcmp(v->u.str.s, "violation") == 0)
        r->missing = RL_MISSING_VIOLATION;
    else if (!(v->type == RL_JSTRING && strcmp(v->u.str.s, "not_applicable") == 0)) {
        static const char *const names[] = {"violation", "not_applicable", NULL};
        char near[96];
        rl_ld_error(ld, v->offset, "field 'missing' must be \"violation\" or \"not_applicable\"%s",
                    v->type == RL_JSTRING
                        ? rl_ld_did_you_mean(v->u.str.s, v->u.str.len, names, near, sizeof near)
                        : "");
    }
}

static void read_tags(rl_loader *ld, const rl_jnode *obj)
{
    const rl_jnode *v = rl_json_gets(obj, "tags");
    if (!v)
        return;
    int ok = v->type == RL_JARRAY;
    for (size_t i = 0; ok && i < v->u.arr.n; i++)
        ok = v->u.arr.items[i]->type == RL_JSTRING;
    if (!ok)
        rl_ld_error(ld, v->offset, "field 'tags' must be an array of strings");
}

static rl_template *template_from(rl_loader *ld, const rl_jnode *s, const rl_kind *kind)
{
    rl_error e = {0};
    rl_template *t = rl_template_compile(s->u.str.s, s->u.str.len, kind ? kind->figures : NULL,
                                         ld->set->params, &e);
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
    if (m->value->type != RL_JSTRING) {
        rl_ld_error(ld, m->value->offset, "message for language '%s' must be a string", m->key);
        return;
    }
    if (!rl_lang_parse(m->key, &lang) || strlen(m->key) != 2) {
        rl_ld_error(ld, m->key_offset, "unknown message language '%s' (known: en, vi, id, ru, nb)",
                    m->key);
        return;
    }
    rl_template *t = template_from(ld, m->value, r->kind);
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
    if (v->type == RL_JSTRING) {
        r->message[RL_LANG_EN] = template_from(ld, v, r->kind);
        r->message_first = RL_LANG_EN;
        return;
    }
    if (v->type != RL_JOBJECT || v->u.obj.n == 0) {
        rl_ld_error(ld, v->offset,
                    "field 'message' must be a string or an object of strings by language");
        return;
    }
    for (size_t i = 0; i < v->u.obj.n; i++) {
        const rl_jmember *m = &v->u.obj.members[i];
        if (rl_json_member(v, m->key, m->key_len) == m)
            message_in(ld, m, r);
        else
            rl_ld_error(ld, m->key_offset, "message language '%s' appears more than once", m->key);
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
    const rl_strmap_slot *s = rl_strmap_find(&ld->rules->by_id, v->u.str.s);
    if (s) {
        const rl_rule *other = s->value;
        if (other == ld->rules->report_schema)
            rl_ld_error(ld, v->offset,
                        "rule id '%s' is taken by the report's JSON Schemas "
                        "(-s, a rule set's \"schema\")",
                        v->u.str.s);
        else
            rl_ld_error(ld, v->offset, "duplicate rule id '%s' (first defined at %s:%u:%u)",
                        v->u.str.s, other->set->file, other->line, other->column);
        return 1;
    }
    if ((s = rl_strmap_find(&ld->id_index, v->u.str.s)) != NULL) {
        rl_ld_error(ld, v->offset, "duplicate rule id '%s' (first defined at line %u)", v->u.str.s,
                    ld->id_lines[(uintptr_t)s->value - 1]);
        return 1;
    }
    return 0;
}

static int read_id(rl_loader *ld, const rl_jnode *obj, rl_rule *r)
{
    const rl_jnode *v = rl_ld_field(ld, obj, "id", 1);
    if (!v)
        return 0;
    if (v->type != RL_JSTRING || v->u.str.len == 0 || strlen(v->u.str.s) != v->u.str.len) {
        rl_ld_error(ld, v->offset, "field 'id' must be a non-empty string");
        return 0;
    }
    ld->rule_id = v->u.str.s; /* name the rule in messages, even a duplicate */
    if (duplicate_id(ld, v) || !remember_id(ld, v->u.str.s, r->line))
        return 0;
    r->id = strdup(v->u.str.s);
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
    if (obj->type != RL_JOBJECT) {
        rl_ld_error(ld, obj->offset, "a rule must be an object with at least \"id\" and \"kind\"");
        return NULL;
    }
    rl_rule *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->set = ld->set;
    rl_jdoc_locate(ld->doc, obj->offset, &r->line, &r->column);
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
    if (spec->u.obj.n != 1 || f->type != RL_JSTRING || !f->u.str.len) {
        rl_ld_error(ld, spec->offset,
                    "parameter '%s': a parameter read from a file is {\"file\": \"PATH\"} and "
                    "nothing else (an object with a \"file\" member cannot be a literal value)",
                    name);
        return;
    }
    char *path = rl_refdata_path(ld->file, f->u.str.s);
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
            rl_ld_error(ld, f->offset, "parameter '%s': %s:%u:%u: %s", name, path, e.line, e.column,
                        e.message);
        else
            rl_ld_error(ld, f->offset, "parameter '%s': %s: %s", name,
                        path ? path : "out of memory", e.message);
        ld->errors += e.line ? 1 : 0;
    } else if (!rl_params_set_literal(ld->set->params, name, doc->root, &e)) {
        rl_ld_error(ld, f->offset, "parameter '%s': %s", name, e.message);
    }
    rl_jdoc_free(doc);
    free(path);
}

static int is_file_param(const rl_jnode *v)
{
    return v->type == RL_JOBJECT && rl_json_gets(v, "file");
}

static void load_params(rl_loader *ld, const rl_jnode *root)
{
    const rl_jnode *params = rl_json_gets(root, "params");
    if (params && params->type != RL_JOBJECT) {
        rl_ld_error(ld, params->offset, "field 'params' must be an object of name: value");
        return;
    }
    size_t n = params ? params->u.obj.n : 0;
    /* every name first: a value may use parameters defined after it */
    for (size_t i = 0; i < n; i++) {
        rl_error e = {0};
        const rl_jmember *m = &params->u.obj.members[i];
        if (!rl_params_declare(ld->set->params, m->key, &e))
            rl_ld_error(ld, m->key_offset, "%s", e.message);
    }
    ld->set->n_own_params = rl_params_count(ld->set->params);
    for (size_t i = 0; i < n; i++) {
        const rl_jmember *m = &params->u.obj.members[i];
        rl_error e = {0};
        if (!rl_params_has(ld->set->params, m->key))
            continue; /* an invalid name, said above */
        if (is_file_param(m->value))
            load_param_file(ld, m->key, m->value);
        else if (!rl_params_set_json(ld->set->params, m->key, m->value, &e))
            rl_ld_error(ld, m->value->offset, "%s", e.message); /* names the parameter */
    }
    for (size_t i = 0; i < ld->rules->n_overrides; i++) {
        const rl_param_override *o = &ld->rules->overrides[i];
        rl_error e = {0};
        int ok = o->doc ? rl_params_set_literal(ld->set->params, o->name, o->doc->root, &e)
                        : rl_params_set_text(ld->set->params, o->name, o->value, &e);
        if (!ok)
            rl_ld_error(ld, root->offset, "--param %s: %s", o->name, e.message);
    }
    rl_sbuf cycle = RL_SBUF_INIT;
    if (rl_params_cycle(ld->set->params, &cycle))
        rl_ld_error(ld, params ? params->offset : root->offset,
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
    if (keys->type != RL_JARRAY) {
        rl_ld_error(ld, keys->offset, "field 'item_keys' must be an array of member names");
        return;
    }
    rl_ruleset *set = ld->set;
    set->item_keys = calloc(keys->u.arr.n + 1, sizeof *set->item_keys);
    for (size_t i = 0; set->item_keys && i < keys->u.arr.n; i++) {
        const rl_jnode *k = keys->u.arr.items[i];
        if (k->type != RL_JSTRING || !k->u.str.len) {
            rl_ld_error(ld, k->offset,
                        "field 'item_keys' must hold member names (non-empty strings)");
            continue;
        }
        char *copy = strdup(k->u.str.s);
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
        rl_ld_error(ld, rl_ld_field(ld, root, "locale", 0)->offset, "field 'locale': %s",
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
    if (rules->type != RL_JARRAY) {
        rl_ld_error(ld, rules->offset, "field 'rules' must be an array of rule objects");
        return;
    }
    for (size_t i = 0; i < rules->u.arr.n; i++) {
        if (rl_deadline_hit(&ld->rules->load_deadline)) { /* rl_rules_set_timeout */
            unsigned line, col;
            rl_jdoc_locate(ld->doc, rules->u.arr.items[i]->offset, &line, &col);
            rl_rules_timeout_diag(ld->rules, ld->file, line, col);
            ld->errors++;
            return;
        }
        rl_rule *r = load_rule(ld, rules->u.arr.items[i]);
        if (r && !push_rule(ld->set, r)) {
            rl_rule_free(r);
            rl_ld_error(ld, rules->offset, "out of memory");
        }
    }
}

/* Load a parsed rule set into ld->set. Returns the number of problems. */
int rl_ruleset_load(rl_loader *ld, const rl_jnode *root)
{
    if (root->type != RL_JOBJECT) {
        rl_ld_error(ld, root->offset,
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
