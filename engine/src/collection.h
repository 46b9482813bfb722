/* collection.h — rules with "scope": "collection" (cross-report checks):
 * what is compiled for them, the state the reports leave behind, and how
 * it is judged, merged, written and read.
 *
 * A collection rule runs over the group ($: an array of reports) after
 * every report has been read. The reports are not kept: while they stream
 * by, each one is *fed* to the state (collection_feed.c) — its group key
 * and order key, the parts of the rule's expressions (expr_split.h)
 * evaluated on it, the keys of a `unique` — and when every input is in,
 * the state is *judged* (collection_judge.c): per group, in group-key
 * order, the kind runs with those parts substituted.
 *
 * Invariants: a state is independent of the order reports arrive in and
 * of how they were split between threads or shards. Sums are exact
 * (integers in 128 bits, doubles as Shewchuk partials), kept nodes are
 * sorted by (order key, file, line, column, pointer) before judging, the
 * first of a repeated `unique` key is the least in that order, and
 * rl_coll_merge is associative and commutative. */
#ifndef RL_COLLECTION_H
#define RL_COLLECTION_H

#include "check.h"
#include "collection_rule.h"
#include "expr_split.h"
#include "kinds.h"

#include <stdint.h>

/* Rare paths (errors, growing a table, `each` and GATHER parts) are kept
 * out of line and apart, so that the code run for every report stays small
 * in the instruction cache beside the rules checked per report. */
#define RL_COLL_COLD __attribute__((cold, noinline))

/* ---- compiled (immutable, owned by the rule) ------------------------ */

/* struct rl_coll_rule and rl_coll_first_of_slot: collection_rule.h. */

/* ---- the state ------------------------------------------------------- */

/* Where a kept value was: its report's file, the line and column, the
 * JSON Pointer within the report (file and pointer interned in the state:
 * a million `unique` keys at "/id" share one string). */
typedef struct rl_loc {
    const char *file;
    uint32_t line, col;
    const char *pointer;
} rl_loc;

/* A key that sorts: null < false < true < numbers < strings (dates as ISO
 * text). Group keys and order keys. */
typedef enum rl_okey_type { RL_OK_NULL, RL_OK_BOOL, RL_OK_NUM, RL_OK_STR } rl_okey_type;
typedef struct rl_okey {
    uint8_t type;     /* rl_okey_type */
    uint8_t is_int;   /* RL_OK_NUM: i is exact */
    uint8_t borrowed; /* s belongs to someone else (a report being fed) */
    int64_t i;        /* BOOL 0/1; NUM when is_int */
    double d;         /* NUM */
    char *s;          /* STR */
} rl_okey;

/* One value kept from a report: its JSON text and place. */
typedef struct rl_kept {
    char *json;
    rl_loc loc;
} rl_kept;

/* A part's value on one node. */
typedef enum rl_val_tag {
    RL_VAL_NODE,     /* items[0]: a value read from the report (src kept) */
    RL_VAL_COMPUTED, /* items[0]: a computed value (no src) */
    RL_VAL_DATE,     /* items[0]: a date, as its ISO text */
    RL_VAL_LIST,     /* items: the nodes of a list */
    RL_VAL_ERROR     /* items[0].json: the evaluation error's message */
} rl_val_tag;
typedef struct rl_val {
    uint8_t tag;
    size_t n;
    rl_kept *items;
} rl_val;

/* Exactly summed doubles (Shewchuk's partials, as Python's math.fsum). */
typedef struct rl_fsum {
    double *p;
    size_t n, cap;
    int nonfinite; /* 1: +inf or nan seen, 2: -inf */
} rl_fsum;

typedef struct rl_agg {
    __int128 isum;
    rl_fsum fs;
    uint64_t n;
    uint8_t has_double, has_null;
    char *err; /* the first evaluation error (least place), or NULL */
    rl_loc err_loc;
} rl_agg;

/* A node `each` selected, with its parts' values (NODE parts, then PREV). */
typedef struct rl_entry {
    rl_okey order;
    rl_loc at;
    const char *locale; /* interned */
    rl_val *vals;
} rl_entry;

/* A node a GATHER part kept. */
typedef struct rl_gnode {
    rl_okey order;
    rl_kept k;
} rl_gnode;

typedef struct rl_glist {
    rl_gnode *items;
    size_t n, cap;
} rl_glist;

/* `unique`: each key once, with its least place, compactly (24 bytes a
 * key): its canonical JSON packed in the group's key_text, the line and
 * column, and the file and pointer as an index in the state's places (a
 * million keys at "/id" of one file share one place). A first order key
 * other than null is kept beside (rl_group.key_orders). */
typedef struct rl_ukey {
    const char *key;
    uint32_t line, col;
    uint32_t place; /* index in rl_coll.places */
} rl_ukey;
typedef struct rl_uslot {
    uint32_t idx1; /* index in keys + 1; 0: empty */
    uint32_t hash; /* the key's hash folded to 32 bits: the slot is hash & (cap - 1) */
} rl_uslot;
/* Another place of a key: the key's index in keys. */
typedef struct rl_udup {
    uint32_t key;
    rl_okey order;
    rl_loc loc;
} rl_udup;
/* A (file, pointer) pair of interned strings. */
typedef struct rl_place {
    const char *file, *pointer;
} rl_place;

typedef struct rl_group {
    rl_okey key;
    uint64_t hash;     /* rl_okey_hash(&key) */
    rl_agg *aggs;      /* n_kind[RL_PART_AGG] */
    rl_glist *gathers; /* n_kind[RL_PART_GATHER] */
    rl_entry *entries;
    size_t n_entries, cap_entries;
    rl_ukey *keys; /* dense, in insertion order */
    size_t n_keys, cap_keys;
    rl_okey *key_orders; /* cap_keys first order keys; NULL while all are null */
    rl_uslot *slots;     /* the index over keys: open addressing, cap a power of two */
    size_t cap_slots;
    rl_arena *key_text; /* the keys' text, packed in blocks (freed at once) */
    char *text_at;      /* the free end of the current block */
    size_t text_left;
    rl_udup *dups;
    size_t n_dups, cap_dups;
} rl_group;

/* A `unique` key fed and not yet looked up (rl_ukey_feed): keys are
 * looked up RL_UPENDING at a time, in the order they were fed, their slots
 * fetched from memory meanwhile (rl_coll_settle). */
#define RL_UPENDING 64
typedef struct rl_upending {
    rl_group *g;
    const char *key; /* its text, in g->key_text */
    uint32_t hash;
    rl_loc loc; /* file and pointer interned */
    rl_okey order;
} rl_upending;

typedef struct rl_coll_rstate {
    const rl_coll_rule *cr;
    rl_group **groups;
    size_t n, cap;
    size_t *index; /* open addressing over groups (i + 1; 0 empty) */
    size_t cap_index;
} rl_coll_rstate;

typedef struct rl_coll {
    uint64_t rules_hash;
    rl_coll_rstate *rules; /* one per loaded collection rule */
    size_t n_rules;
    char **strings; /* interned file names, pointers and locales (open addressing) */
    size_t n_strings, cap_strings;
    const char *recent[4]; /* the last strings interned: most lookups repeat one */
    unsigned next_recent;
    rl_place *places; /* of `unique` keys' first places */
    size_t n_places, cap_places;
    uint32_t *place_index; /* open addressing over places (i + 1; 0 empty) */
    size_t cap_place_index;
    uint32_t last_place;      /* + 1; 0: none */
    const char *root_pointer; /* "" interned, once a report's root was placed */
    rl_upending *pending;     /* RL_UPENDING of them (made on first use) */
    size_t n_pending;
    /* Scratch (one thread feeds a state), kept from report to report: */
    rl_sbuf scratch;   /* a pointer being made */
    rl_sbuf canon;     /* a `unique` key's canonical text */
    rl_nodelist nodes; /* the nodes a part, `each` or `items` selects */
} rl_coll;

/* One report as the collection rules of one rule set are fed it: what each
 * rule would otherwise work out again — the file interned, the group
 * keys by expression text (within a set, the same text gives the same key
 * on a report) with their hashes, the place of the last node located. rl_coll_report_init before the set's first rule,
 * rl_coll_report_done after its last; it borrows the report. */
#define RL_COLL_REPORT_KEYS 4
typedef struct rl_coll_rkey {
    const char *text; /* the expression's */
    rl_okey key;
    uint64_t hash;
} rl_coll_rkey;
typedef struct rl_coll_report {
    rl_coll *c;
    rl_jdoc *doc;
    const char *file; /* interned */
    rl_coll_rkey keys[RL_COLL_REPORT_KEYS];
    size_t n_keys;
    const rl_jnode *located; /* the last node loc_of placed, or NULL */
    rl_loc loc;              /* its place */
} rl_coll_report;

rl_coll *rl_coll_new(const rl_rules *rules);
void rl_coll_free(rl_coll *c);
/* Merge src into dst (both made for the same rules). Returns 0, or -1 on OOM. */
int rl_coll_merge(rl_coll *dst, const rl_coll *src);
/* The state held by res (made on first use), or NULL on OOM. */
rl_coll *rl_coll_of(rl_result *res, const rl_rules *rules);

/* Helpers shared by the feed, the judge and the partial files. */
const char *rl_coll_intern(rl_coll *c, const char *s);
rl_group *rl_coll_group(rl_coll *c, rl_coll_rstate *rs, const rl_okey *key);
/* The same, key's hash (rl_okey_hash) given. */
rl_group *rl_coll_group_hashed(rl_coll_rstate *rs, const rl_okey *key, uint64_t hash);
/* Equal keys hash alike (numbers by their double value). */
uint64_t rl_okey_hash(const rl_okey *k);
/* The rule's groups in group-key order (a malloc'd copy of the pointers),
 * or NULL on OOM. */
rl_group **rl_coll_sorted_groups(const rl_coll_rstate *rs);
/* The node's JSON text, malloc'd (NULL on OOM). */
char *rl_coll_node_json(const rl_jdoc *doc, const rl_jnode *node);
int rl_okey_cmp(const rl_okey *a, const rl_okey *b);
int rl_loc_cmp(const rl_loc *a, const rl_loc *b);
int rl_okey_copy(rl_okey *dst, const rl_okey *src);
void rl_okey_free(rl_okey *k);
/* The key as text: a string as it is, anything else as JSON. */
void rl_okey_text(const rl_okey *k, rl_sbuf *out);
int rl_loc_copy(rl_coll *c, rl_loc *dst, const rl_loc *src);
void rl_fsum_add(rl_fsum *s, double x);
double rl_fsum_value(const rl_fsum *s);
void rl_agg_add_int(rl_agg *a, int64_t i);
int rl_agg_merge(rl_agg *dst, const rl_agg *src, rl_coll *c);
int rl_entry_push(rl_group *g, rl_entry *e);
int rl_gnode_push(rl_glist *l, rl_gnode *gn);
int rl_ukey_add(rl_coll *c, rl_group *g, const char *key, const rl_loc *loc, const rl_okey *order);
/* The same as fed from a report (loc's file and pointer interned in c):
 * the lookup is left to rl_coll_settle, which a full batch calls. */
int rl_ukey_feed(rl_coll *c, rl_group *g, const char *key, const rl_loc *loc, const rl_okey *order);
/* Look up the keys fed and not yet looked up: before anything reads the
 * state. Returns 0, or -1 on OOM. */
int rl_coll_settle(rl_coll *c);
/* Key i's first place and order key. */
void rl_ukey_first(const rl_coll *c, const rl_group *g, size_t i, rl_loc *loc,
                   const rl_okey **order);
void rl_val_free(rl_val *v);
int rl_val_copy(rl_coll *c, rl_val *dst, const rl_val *src);

/* ---- feeding, judging ----------------------------------------------- */

/* rep: doc (file is its name) about to be fed to the rules of one set. */
void rl_coll_report_init(rl_coll_report *rep, rl_coll *c, rl_jdoc *doc, const char *file);
void rl_coll_report_done(rl_coll_report *rep);

/* Feed one report (rep, the evaluation context of the rule's set on it)
 * to a collection rule's state. An evaluation error in the group or order
 * key is a violation of the rule in that report, and counts as one failed
 * evaluation of the rule. */
void rl_coll_feed(rl_coll_report *rep, const rl_rule *r, rl_severity sev, const rl_eval_ctx *base,
                  rl_result *res, const rl_rules *rules, rl_lang lang);

/* Judge every active collection rule over res's state, adding violations
 * and counts to res. Returns 0, or -1 on OOM. */
int rl_coll_judge(const rl_rules *rules, const rl_check_opts *opts, rl_result *res);

#endif
