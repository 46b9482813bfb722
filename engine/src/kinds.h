/* kinds.h — the rule kinds and how they are run.
 *
 * A kind is a table entry: its name, its fields, the figures its messages
 * may name, its default messages (catalog ids, messages.h), a compile function (rule JSON -> compiled
 * data, diagnostics through the loader) and a check function (compiled
 * data + one `each` node -> pass, fail or not applicable). Kinds compute
 * with the expression language; they report through rl_run's hooks
 * (rl_run_ops, implemented by check.c and handed down in the run) so that
 * the missing-data policy, blame, messages and counting live in one place. */
#ifndef RL_KINDS_H
#define RL_KINDS_H

#include "loader.h"
#include "messages.h"
#include "template.h"

#define RL_MAX_FIGS 16
#define RL_MAX_ARGS 6

typedef enum rl_outcome { RL_PASS, RL_FAIL, RL_NOT_APPLICABLE } rl_outcome;

/* A word a message shows in its own language ({day_name}: "Thursday",
 * "thứ Năm", "четверг"): a catalog entry, looked up when the message is
 * written. */
typedef struct rl_word {
    const char *name;
    rl_msg word;
} rl_word;

/* One violation as a kind describes it. */
typedef struct rl_finding {
    const rl_jnode *blame;    /* NULL: the `each` node */
    rl_fig figs[RL_MAX_FIGS]; /* figures: in the output and the message */
    size_t n_figs;
    rl_fig args[RL_MAX_ARGS]; /* message-only arguments ({expr}, {detail}, ...) */
    size_t n_args;
    rl_word words[RL_MAX_ARGS];
    size_t n_words;
    rl_msg msg; /* the catalog message that fits (a kind's default) */
    int engine; /* 1: an engine message (missing data, evaluation error,
                       a cadence notice): the rule's own message does not
                       replace it */
    int info;   /* 1: reported with severity info, whatever the rule's */
} rl_finding;

typedef struct rl_run rl_run; /* one rule on one node (check.c) */

/* Called with each expression a rule's kind compiled (collection rules
 * split them, expr_split.h). */
typedef void (*rl_expr_fn)(void *user, const rl_expr *e);

struct rl_kind {
    const char *name;
    const char *const *fields;  /* the kind's own fields, NULL-terminated */
    const char *const *figures; /* placeholder names for its messages */
    const rl_msg *messages;     /* its default messages, ending with RL_MSG_COUNT */
    int (*compile)(rl_rule *rule, rl_loader *ld, const rl_jnode *obj);
    void (*free)(void *data);
    rl_outcome (*check)(const rl_rule *rule, rl_run *run);
    /* Every expression of the compiled data, for collection rules; NULL:
     * the kind cannot be used with "scope": "collection". */
    void (*exprs)(const void *data, rl_expr_fn fn, void *user);
};

/* The `unique` kind's items and key (key NULL: the item), for collection
 * rules, which keep keys rather than nodes; and the canonical text of a
 * key (numbers with an integral value as integers). */
void rl_unique_fields(const rl_rule *rule, const rl_jpath **items, const rl_expr **key);
void rl_unique_canonical(const rl_value *v, const rl_jdoc *doc, rl_sbuf *out);

/* Every kind, NULL-terminated (for tests). */
const rl_kind *const *rl_kinds(void);
/* The kind named name, or NULL. */
const rl_kind *rl_kind_find(const char *name, size_t len);
/* NULL-terminated list of kind names (for suggestions). */
const char *const *rl_kind_names(void);

/* ---- what check functions may call ---------------------------------- */

/* The checker (check.c, a layer above) implements these hooks and puts
 * them at the head of every run it makes (check_run.h): a kind calls
 * through the table it is handed, never up into the checker. */
typedef struct rl_run_ops {
    rl_eval_ctx *(*ctx)(rl_run *run);
    const rl_jnode *(*node)(rl_run *run);
    int (*eval)(rl_run *run, const rl_expr *e, rl_value *out);
    int (*number)(rl_run *run, const rl_expr *e, rl_value *out);
    int (*date)(rl_run *run, const rl_expr *e, rl_value *out);
    rl_outcome (*missing)(rl_run *run, const char *what, const rl_expr *e);
    rl_outcome (*missing_at)(rl_run *run, const char *what, const char *text,
                             const rl_jnode *blame);
    rl_outcome (*missing_expr_at)(rl_run *run, const char *what, const rl_expr *e,
                                  const rl_jnode *blame);
    void (*item)(rl_run *run, rl_sbuf *out);
    void (*eval_error)(rl_run *run, const char *text);
    void (*report)(rl_run *run, const rl_finding *f);
} rl_run_ops;

/* The first member of every rl_run: its hooks. */
typedef struct rl_run_head {
    const rl_run_ops *ops;
} rl_run_head;

static inline const rl_run_ops *rl_run_ops_of(rl_run *run)
{
    return ((const rl_run_head *)(const void *)run)->ops;
}

static inline rl_eval_ctx *rl_run_ctx(rl_run *run)
{
    return rl_run_ops_of(run)->ctx(run);
}
static inline const rl_jnode *rl_run_node(rl_run *run)
{
    return rl_run_ops_of(run)->node(run);
}
/* Evaluate; on an evaluation error the error is reported as a violation
 * (blaming the offending node) and -1 is returned: return RL_FAIL then. */
static inline int rl_run_eval(rl_run *run, const rl_expr *e, rl_value *out)
{
    return rl_run_ops_of(run)->eval(run, e, out);
}
/* Like rl_run_eval, then read the value as a number (strings in the
 * report's locale) or as a date. */
static inline int rl_run_number(rl_run *run, const rl_expr *e, rl_value *out)
{
    return rl_run_ops_of(run)->number(run, e, out);
}
static inline int rl_run_date(rl_run *run, const rl_expr *e, rl_value *out)
{
    return rl_run_ops_of(run)->date(run, e, out);
}
/* A needed value is null: returns RL_NOT_APPLICABLE, or reports a
 * "missing data" violation and returns RL_FAIL when the rule says
 * "missing": "violation". what names the field. */
static inline rl_outcome rl_run_missing(rl_run *run, const char *what, const rl_expr *e)
{
    return rl_run_ops_of(run)->missing(run, what, e);
}
/* The same for a field whose text is given (a JSONPath), blamed on blame
 * (NULL: the `each` node). */
static inline rl_outcome rl_run_missing_at(rl_run *run, const char *what, const char *text,
                                           const rl_jnode *blame)
{
    return rl_run_ops_of(run)->missing_at(run, what, text, blame);
}
/* The same for an expression (the message names the path in it that
 * selects nothing), blamed on blame (NULL: the `each` node). */
static inline rl_outcome rl_run_missing_expr_at(rl_run *run, const char *what, const rl_expr *e,
                                                const rl_jnode *blame)
{
    return rl_run_ops_of(run)->missing_expr_at(run, what, e, blame);
}
/* The normalized path of the `each` node ("$" for the root), for messages
 * that name the item. */
static inline void rl_run_item(rl_run *run, rl_sbuf *out)
{
    rl_run_ops_of(run)->item(run, out);
}
/* Report an evaluation error already in rl_run_ctx(run)->err (message and
 * err_node) as "cannot evaluate TEXT: ..." blamed on the offending node. */
static inline void rl_run_eval_error(rl_run *run, const char *text)
{
    rl_run_ops_of(run)->eval_error(run, text);
}
/* Report one violation. */
static inline void rl_run_report(rl_run *run, const rl_finding *f)
{
    rl_run_ops_of(run)->report(run, f);
}

/* Add a figure to a finding. */
void rl_finding_add(rl_finding *f, const char *name, const rl_value *v);
void rl_finding_add_num(rl_finding *f, const char *name, double d);
void rl_finding_add_int(rl_finding *f, const char *name, int64_t i);
void rl_finding_add_str(rl_finding *f, const char *name, const char *s);
/* Add a message-only argument (not a figure of the output). */
void rl_finding_arg_str(rl_finding *f, const char *name, const char *s);
/* Add a word the message shows in its language. */
void rl_finding_word(rl_finding *f, const char *name, rl_msg word);

/* The kinds (one file each). */
extern const rl_kind rl_kind_sum;
extern const rl_kind rl_kind_ratio;
extern const rl_kind rl_kind_average;
extern const rl_kind rl_kind_threshold;
extern const rl_kind rl_kind_deadline;
extern const rl_kind rl_kind_pattern;
extern const rl_kind rl_kind_unique;
extern const rl_kind rl_kind_expr;
extern const rl_kind rl_kind_cadence;
extern const rl_kind rl_kind_schema;

#endif
