/* rules_int.h — what a loaded rule set looks like inside the engine.
 *
 * rl_rules owns its rule sets; a rule set owns its rules, its parameters and
 * the strings they use. Everything compiled (paths, expressions, regexes,
 * templates) is immutable after loading, so checks on several threads can
 * share one rl_rules. */
#ifndef RL_RULES_INT_H
#define RL_RULES_INT_H

#include "reportlint.h"
#include "deadline.h"
#include "expr.h"
#include "io.h"
#include "jsonpath.h"
#include "messages.h"
#include "strmap.h"
#include "template.h"

#include <stddef.h>

typedef struct rl_kind rl_kind;

typedef struct rl_ruleset rl_ruleset;

typedef enum rl_missing {
    RL_MISSING_NOT_APPLICABLE, /* a null check is not applicable (default) */
    RL_MISSING_VIOLATION       /* a null check is a violation */
} rl_missing;

typedef struct rl_rule {
    char *id;
    char *title;
    char *description; /* NULL: not given */
    const rl_kind *kind;
    rl_severity severity;
    rl_jpath *each;                      /* NULL: the root */
    rl_expr *when;                       /* NULL: always */
    rl_template *message[RL_LANG_COUNT]; /* the rule's own message by language
                                            (a plain string: under en), or NULL */
    rl_lang message_first;               /* the language given first in a message object */
    rl_missing missing;
    void *data;                /* the kind's compiled fields */
    struct rl_coll_rule *coll; /* "scope": "collection": what the collection
                                  keeps for it (collection.h); NULL: per report */
    const rl_ruleset *set;
    size_t index;          /* its place in set->rules */
    unsigned line, column; /* where the rule object starts */
} rl_rule;

struct rl_ruleset {
    char *name;
    char *version;
    char *title;
    char *file;
    char *locale;     /* NULL: not given */
    char **item_keys; /* "item_keys": members array items are known by in stable pointers */
    size_t n_item_keys;
    rl_params *params;
    size_t n_own_params; /* params[0..n) are the rule set's own; later ones come from overrides */
    rl_rule **rules;
    size_t n_rules;
};

typedef struct rl_param_override {
    char *name;
    char *value;         /* --param NAME=VALUE, or the path of --param-file */
    struct rl_jdoc *doc; /* --param-file: the reference file's JSON, or NULL */
} rl_param_override;

struct rl_rules {
    rl_ruleset **sets;
    size_t n_sets;
    rl_rule **all; /* every rule of every set, in load order */
    size_t n_all;
    rl_strmap by_id; /* rule id -> the rl_rule in all */
    rl_diag *diags;
    size_t n_diags;
    rl_diag *warnings; /* problems that do not stop a check (a constant `when`) */
    size_t n_warnings;
    rl_param_override *overrides;
    size_t n_overrides;
    rl_catalog *catalog; /* the built-in messages, each compiled on its first use */
    /* JSON Schemas (schema_rules.c): the set every schema is compiled into
     * (NULL until one is needed), the rule "schema" that validates whole
     * reports (-s, a rule set's "schema"; NULL when there is none), and the
     * parsed rule-set files, kept for inline schemas that point into them. */
    struct rl_schema_set *schemas;
    rl_rule *report_schema;
    struct rl_jdoc **docs;
    size_t n_docs;
    uint64_t hash; /* FNV-1a 64 of every rule-set text loaded and every
                      --param, in order: a partial state's "rules-hash" */
    size_t n_coll; /* collection rules loaded */
    /* How files are read (rl_rules_file_policy): the schema set points here. */
    rl_io_guard io;
    /* rl_rules_set_timeout: loading rule sets stops once it passes (a
     * diagnostic where it stopped); load_timeout 0: none. */
    rl_deadline load_deadline;
    double load_timeout;
};

/* The diagnostic of a rule set whose loading ran out of time, at
 * file:line:col (the position reached). */
void rl_rules_timeout_diag(rl_rules *rules, const char *file, unsigned line, unsigned column);

/* Add a loaded rule set and its rules (rules.c): 0, or -1 out of memory,
 * when nothing was added and set is still the caller's to free. */
int rl_rules_adopt(rl_rules *rules, rl_ruleset *set);

/* The rule's own message in lang: lang, else en, else the first given;
 * NULL when the rule has none. *got is the language of the one returned
 * (its numbers are written that language's way). */
const rl_template *rl_rule_message(const rl_rule *r, rl_lang lang, rl_lang *got);

/* Record a diagnostic (strings copied). */
/* A warning: listed like a diagnostic, but the rule set still loads. */
void rl_rules_add_warning(rl_rules *rules, const char *file, unsigned line, unsigned column,
                          const char *rule, const char *message);
void rl_rules_add_diag(rl_rules *rules, const char *file, unsigned line, unsigned column,
                       const char *rule, const char *message);

#endif
