/* rules.c — the rl_rules collection: loading files and directories,
 * parameter overrides, diagnostics, and what `rules list` shows. */
#include "collection_rule.h"
#include "array.h"
#include "error.h"
#include "hash.h"
#include "kinds.h"
#include "loader.h"
#include "refdata.h"
#include "ruleset.h"
#include "schema_rules.h"
#include "suggest.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const char *rl_severity_name(rl_severity s)
{
    switch (s) {
    case RL_SEVERITY_INFO: return "info";
    case RL_SEVERITY_WARNING: return "warning";
    case RL_SEVERITY_ERROR: return "error";
    }
    return "error";
}

int rl_severity_parse(const char *name, rl_severity *out)
{
    static const rl_severity all[] = {RL_SEVERITY_INFO, RL_SEVERITY_WARNING, RL_SEVERITY_ERROR};
    for (size_t i = 0; i < 3; i++) {
        if (strcmp(name, rl_severity_name(all[i])) == 0) {
            *out = all[i];
            return 0;
        }
    }
    return -1;
}

rl_rules *rl_rules_new(void)
{
    rl_rules *rules = calloc(1, sizeof(rl_rules));
    rl_error err = {0};
    if (rules && !(rules->catalog = rl_catalog_new(&err))) {
        free(rules);
        return NULL;
    }
    if (rules) {
        rules->hash = RL_FNV1A_INIT;
        rules->io.max_size = RL_DEFAULT_MAX_FILE_SIZE;
    }
    return rules;
}

int rl_rules_set_timeout(rl_rules *rules, double seconds)
{
    if (!rules || !(seconds >= 0))
        return -1;
    rules->load_timeout = seconds;
    rl_deadline_start(&rules->load_deadline, seconds);
    return 0;
}

void rl_rules_timeout_diag(rl_rules *rules, const char *file, unsigned line, unsigned column)
{
    char msg[200];
    snprintf(msg, sizeof msg,
             "loading stopped after %g s (--timeout): the rule sets were not loaded in time",
             rules->load_timeout);
    rl_rules_add_diag(rules, file, line, column, NULL, msg);
}

int rl_rules_file_policy(rl_rules *rules, const rl_file_policy *policy)
{
    if (rules->n_sets || rules->n_diags || rules->n_docs)
        return -1;
    size_t max = policy && policy->max_size ? policy->max_size : RL_DEFAULT_MAX_FILE_SIZE;
    rules->io.max_size = max == RL_UNLIMITED ? 0 : max;
    rules->io.allow = policy ? policy->allow : NULL;
    rules->io.ctx = policy ? policy->ctx : NULL;
    return 0;
}

const rl_template *rl_rule_message(const rl_rule *r, rl_lang lang, rl_lang *got)
{
    if ((unsigned)lang >= RL_LANG_COUNT || !r->message[lang])
        lang = r->message[RL_LANG_EN] ? RL_LANG_EN : r->message_first;
    *got = lang;
    return r->message[lang];
}

void rl_rule_free(rl_rule *r)
{
    if (!r)
        return;
    if (r->kind && r->data)
        r->kind->free(r->data);
    free(r->id);
    free(r->title);
    free(r->description);
    rl_jpath_free(r->each);
    rl_expr_free(r->when);
    rl_coll_rule_free(r->coll);
    for (size_t i = 0; i < RL_LANG_COUNT; i++)
        rl_template_free(r->message[i]);
    free(r);
}

static void ruleset_free(rl_ruleset *set)
{
    if (!set)
        return;
    for (size_t i = 0; i < set->n_rules; i++)
        rl_rule_free(set->rules[i]);
    free(set->rules);
    free(set->name);
    free(set->version);
    free(set->title);
    free(set->file);
    free(set->locale);
    for (size_t i = 0; i < set->n_item_keys; i++)
        free(set->item_keys[i]);
    free(set->item_keys);
    rl_params_free(set->params);
    free(set);
}

static void diags_free(rl_diag *d, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free((char *)d[i].file);
        free((char *)d[i].rule);
        free((char *)d[i].message);
    }
    free(d);
}

void rl_rules_free(rl_rules *rules)
{
    if (!rules)
        return;
    rl_rules_schemas_free(rules); /* before the documents inline schemas point into */
    for (size_t i = 0; i < rules->n_sets; i++)
        ruleset_free(rules->sets[i]);
    free(rules->sets);
    free(rules->all);
    diags_free(rules->diags, rules->n_diags);
    diags_free(rules->warnings, rules->n_warnings);
    rl_strmap_free(&rules->by_id);
    for (size_t i = 0; i < rules->n_overrides; i++) {
        free(rules->overrides[i].name);
        free(rules->overrides[i].value);
        rl_jdoc_free(rules->overrides[i].doc);
    }
    free(rules->overrides);
    rl_catalog_free(rules->catalog);
    free(rules);
}

/* Set the override on every set loaded so far: the text, or doc's JSON. */
static int set_on_sets(rl_rules *rules, const char *name, const char *value, const rl_jdoc *doc,
                       rl_error *err)
{
    rl_params *probe = rl_params_new(); /* validate the value now, not at load */
    int ok = probe && (doc ? rl_params_set_literal(probe, name, doc->root, err)
                           : rl_params_set_text(probe, name, value, err));
    rl_params_free(probe);
    for (size_t i = 0; ok && i < rules->n_sets; i++)
        ok = doc ? rl_params_set_literal(rules->sets[i]->params, name, doc->root, err)
                 : rl_params_set_text(rules->sets[i]->params, name, value, err);
    return ok ? 0 : -1;
}

/* Remember an override for rule sets loaded later (doc: taken over). */
static int push_override(rl_rules *rules, const char *name, const char *value, rl_jdoc *doc,
                         rl_error *err)
{
    rl_param_override *o = rl_array_resize(rules->overrides, rules->n_overrides + 1, sizeof *o);
    if (!o) {
        rl_jdoc_free(doc);
        rl_error_set(err, 0, 0, "out of memory");
        return -1;
    }
    rules->overrides = o;
    rules->hash = rl_fnv1a(rules->hash, name, strlen(name) + 1);
    rules->hash = rl_fnv1a(rules->hash, value, strlen(value) + 1);
    o[rules->n_overrides].name = strdup(name);
    o[rules->n_overrides].value = strdup(value);
    o[rules->n_overrides].doc = doc;
    rules->n_overrides++;
    return 0;
}

int rl_rules_set_param(rl_rules *rules, const char *name, const char *value, rl_error *err)
{
    if (set_on_sets(rules, name, value, NULL, err) != 0)
        return -1;
    return push_override(rules, name, value, NULL, err);
}

int rl_rules_set_param_file(rl_rules *rules, const char *name, const char *path, rl_error *err)
{
    rl_jdoc *doc = rl_refdata_read(&rules->io, path, &rules->load_deadline, err);
    if (!doc)
        return -1;
    if (set_on_sets(rules, name, path, doc, err) != 0) {
        rl_jdoc_free(doc);
        return -1;
    }
    return push_override(rules, name, path, doc, err);
}

/* Whether a loaded rule set defines name itself (not only by override). */
static int defined_by_a_set(const rl_rules *rules, const char *name)
{
    for (size_t i = 0; i < rules->n_sets; i++)
        for (size_t k = 0; k < rules->sets[i]->n_own_params; k++)
            if (strcmp(rl_params_name(rules->sets[i]->params, k), name) == 0)
                return 1;
    return 0;
}

int rl_rules_check_param(const rl_rules *rules, const char *name, rl_error *err)
{
    if (!rules || !name)
        return -1;
    if (strcmp(name, "as_of") == 0 || defined_by_a_set(rules, name))
        return 0; /* as_of: deadlines read it whether a rule set defines it or not */
    const char *best = NULL;
    size_t bestd = 3, n = 0;
    rl_sbuf known = RL_SBUF_INIT;
    for (size_t i = 0; i < rules->n_sets; i++) {
        for (size_t k = 0; k < rules->sets[i]->n_own_params; k++) {
            const char *p = rl_params_name(rules->sets[i]->params, k);
            size_t d = rl_edit_distance(name, strlen(name), p, strlen(p));
            if (d < bestd) {
                bestd = d;
                best = p;
            }
            if (n++ < 12)
                rl_sbuf_printf(&known, "%s%s", n > 1 ? ", " : "", p);
        }
    }
    if (best)
        rl_error_set(err, 0, 0, "no loaded rule set has the parameter '%s' (did you mean '%s'?)",
                     name, best);
    else if (n)
        rl_error_set(err, 0, 0, "no loaded rule set has the parameter '%s' (they have: %s%s)", name,
                     rl_sbuf_str(&known), n > 12 ? ", ..." : "");
    else
        rl_error_set(err, 0, 0, "no loaded rule set has the parameter '%s' (they define none)",
                     name);
    rl_sbuf_free(&known);
    return -1;
}

/* All or nothing: every allocation is made first (the arrays grown, the id
 * map reserved), then the set and its rules are moved in, which cannot
 * fail — so on -1 the caller still owns set and rules is as it was. */
int rl_rules_adopt(rl_rules *rules, rl_ruleset *set)
{
    rl_ruleset **sets = rl_array_resize(rules->sets, rules->n_sets + 1, sizeof *sets);
    if (!sets)
        return -1;
    rules->sets = sets; /* larger, still holding n_sets: nothing adopted yet */
    rl_rule **all = rl_array_resize(rules->all, rules->n_all + set->n_rules + 1, sizeof *all);
    if (!all)
        return -1;
    rules->all = all;
    if (rl_strmap_reserve(&rules->by_id, set->n_rules) != 0)
        return -1;
    rules->sets[rules->n_sets++] = set;
    for (size_t i = 0; i < set->n_rules; i++) {
        if (set->rules[i]->coll)
            rl_coll_rule_set_index(set->rules[i]->coll, rules->n_coll++);
        rules->all[rules->n_all++] = set->rules[i];
        int put = rl_strmap_put(&rules->by_id, set->rules[i]->id, set->rules[i]);
        RL_ASSERT(put == 0); /* reserved above */
        (void)put;
    }
    return 0;
}

/* Diagnostics of one file in line:column order (insertion sort: stable). */
static void sort_diags(rl_rules *rules, size_t from)
{
    for (size_t i = from + 1; i < rules->n_diags; i++) {
        rl_diag d = rules->diags[i];
        size_t j = i;
        while (j > from &&
               (rules->diags[j - 1].line > d.line ||
                (rules->diags[j - 1].line == d.line && rules->diags[j - 1].column > d.column))) {
            rules->diags[j] = rules->diags[j - 1];
            j--;
        }
        rules->diags[j] = d;
    }
}

static int load_buffer(rl_rules *rules, const char *name, const char *json, size_t len);

int rl_rules_load_buffer(rl_rules *rules, const char *name, const char *json, size_t len)
{
    size_t from = rules->n_diags;
    int n = load_buffer(rules, name, json, len);
    sort_diags(rules, from);
    return n;
}

static int load_buffer(rl_rules *rules, const char *name, const char *json, size_t len)
{
    rl_error err = {0};
    rules->hash = rl_fnv1a(rules->hash, json, len);
    rl_json_limits lim = {.deadline = &rules->load_deadline};
    rl_jdoc *doc = rl_json_parse(json, len, &lim, &err);
    if (!doc && rules->load_deadline.expired) {
        rl_rules_timeout_diag(rules, name, err.line, err.column);
        return 1;
    }
    if (!doc) {
        char msg[800], hint[200];
        snprintf(msg, sizeof msg, "invalid JSON: %s%s", err.message,
                 rl_ld_json_hint(json, len, &err, hint, sizeof hint));
        rl_rules_add_diag(rules, name, err.line, err.column, NULL, msg);
        return 1;
    }
    rl_ruleset *set = calloc(1, sizeof *set);
    if (set) {
        set->file = strdup(name);
        set->params = rl_params_new();
    }
    if (!set || !set->file || !set->params) {
        ruleset_free(set);
        rl_jdoc_free(doc);
        rl_rules_add_diag(rules, name, 0, 0, NULL, "out of memory");
        return 1;
    }
    rl_loader ld = {rules, doc, name, set, NULL, 0, NULL, NULL, 0, RL_STRMAP_INIT, rl_ld_schema};
    int problems = rl_ruleset_load(&ld, doc->root);
    if (!rl_rules_keep_doc(rules, doc))
        rl_ld_error(&ld, 0, "out of memory");
    if (problems || rl_rules_adopt(rules, set) != 0) {
        if (!problems)
            rl_ld_error(&ld, 0, "out of memory");
        ruleset_free(set);
        return problems ? problems : 1;
    }
    return 0;
}

static int load_file(rl_rules *rules, const char *path)
{
    char *data = NULL, msg[sizeof(((rl_io_status *)0)->why) + 64];
    size_t len = 0;
    rl_io_status st;
    if (rl_io_read(&rules->io, RL_FILE_RULES, path, &data, &len, rl_io_max(&rules->io), &st) != 0) {
        if (st.errnum == EFBIG)
            snprintf(msg, sizeof msg,
                     "the rule set is larger than %zu bytes, the limit for rule "
                     "sets, schemas and reference files",
                     rl_io_max(&rules->io));
        else
            snprintf(msg, sizeof msg, "%s: %s", st.opening ? "cannot open" : "cannot read",
                     rl_io_reason(&st));
        rl_rules_add_diag(rules, path, 0, 0, NULL, msg);
        return 1;
    }
    int n = rl_rules_load_buffer(rules, path, data, len);
    free(data);
    return n;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int is_json_name(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".json") == 0;
}

static int load_dir(rl_rules *rules, const char *path)
{
    DIR *d = opendir(path);
    if (!d) {
        char msg[300];
        snprintf(msg, sizeof msg, "cannot open rules directory: %s", strerror(errno));
        rl_rules_add_diag(rules, path, 0, 0, NULL, msg);
        return 1;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!is_json_name(e->d_name))
            continue;
        char **more = rl_array_resize(names, n + 1, sizeof *names);
        if (!more)
            break;
        names = more;
        if ((names[n] = strdup(e->d_name)) != NULL)
            n++;
    }
    closedir(d);
    if (n > 1) /* qsort(NULL, 0, ...) is undefined: an empty directory has no array */
        qsort(names, n, sizeof *names, by_name);
    int problems = 0;
    for (size_t i = 0; i < n; i++) {
        size_t sz = strlen(path) + strlen(names[i]) + 2;
        char *full = malloc(sz);
        if (full) {
            int slash = path[0] && path[strlen(path) - 1] == '/';
            snprintf(full, sz, "%s%s%s", path, slash ? "" : "/", names[i]);
            problems += load_file(rules, full);
        }
        free(full);
        free(names[i]);
    }
    free(names);
    if (n == 0) {
        rl_rules_add_diag(rules, path, 0, 0, NULL, "no *.json rule sets in this directory");
        return 1;
    }
    return problems;
}

int rl_rules_load_path(rl_rules *rules, const char *path)
{
    struct stat st;
    if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return load_dir(rules, path);
    return load_file(rules, path);
}

size_t rl_rules_diag_count(const rl_rules *rules)
{
    return rules->n_diags;
}

const rl_diag *rl_rules_diag(const rl_rules *rules, size_t i)
{
    return i < rules->n_diags ? &rules->diags[i] : NULL;
}

size_t rl_rules_warning_count(const rl_rules *rules)
{
    return rules->n_warnings;
}

const rl_diag *rl_rules_warning(const rl_rules *rules, size_t i)
{
    return i < rules->n_warnings ? &rules->warnings[i] : NULL;
}

size_t rl_rules_count(const rl_rules *rules)
{
    return rules->n_all;
}

int rl_rules_info(const rl_rules *rules, size_t i, rl_rule_info *out)
{
    if (i >= rules->n_all)
        return -1;
    const rl_rule *r = rules->all[i];
    out->id = r->id;
    out->kind = r->kind->name;
    out->title = r->title;
    out->description = r->description;
    out->ruleset = r->set->name;
    out->file = r->set->file;
    out->severity = r->severity;
    out->line = r->line;
    out->column = r->column;
    return 0;
}

size_t rl_rules_param_count(const rl_rules *rules)
{
    size_t n = 0;
    for (size_t i = 0; rules && i < rules->n_sets; i++)
        n += rl_params_count(rules->sets[i]->params);
    return n;
}

int rl_rules_param(const rl_rules *rules, size_t i, rl_param_info *out)
{
    for (size_t s = 0; rules && s < rules->n_sets; s++) {
        const rl_ruleset *set = rules->sets[s];
        size_t n = rl_params_count(set->params);
        if (i < n) {
            out->ruleset = set->name;
            out->name = rl_params_name(set->params, i);
            out->value = rl_params_text(set->params, i);
            return 0;
        }
        i -= n;
    }
    return -1;
}

int rl_rules_has(const rl_rules *rules, const char *id)
{
    return rl_strmap_find(&rules->by_id, id) != NULL;
}
