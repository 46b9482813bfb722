/* collection_rule.h — a collection rule ("scope": "collection") as loading
 * compiles it: its scope, group and order read into struct rl_coll_rule
 * (collection_rule.c, in the load layer, as rules.c and ruleset.c that
 * call it), and freed with the rule (rl_rule.coll). Everything that runs
 * collection rules — the state, feeding, judging — is in collection.h, in
 * the check layer above, which reads this compiled form. */
#ifndef RL_COLLECTION_RULE_H
#define RL_COLLECTION_RULE_H

#include "expr_split.h"
#include "kinds.h"
#include "loader.h"

typedef struct rl_coll_rule rl_coll_rule;

/* A group path $[*].a.b (or $[*]) or a key expression @.a.b, read by
 * member lookups instead of being evaluated (the same nodes: a name
 * selects an object's member as jsonpath does). */
#define RL_DIRECT_NAMES 4
#define RL_DIRECT_NAME_MAX 32
typedef struct rl_direct {
    const void *of; /* the rl_jpath or rl_expr it stands for */
    size_t n;       /* names (0: the report itself) */
    char names[RL_DIRECT_NAMES][RL_DIRECT_NAME_MAX];
    size_t len[RL_DIRECT_NAMES];
} rl_direct;

struct rl_coll_rule {
    rl_expr *group;        /* NULL: the whole run is one group */
    rl_expr *order;        /* NULL: no order */
    rl_parts parts;        /* of every field and `when` */
    size_t *slot;          /* part i's index among the parts of its kind */
    unsigned char *first;  /* part i is the first of the parts sharing its slot */
    size_t n_kind[4];      /* parts per rl_part_kind */
    rl_jpath *each;        /* the rule's each, or "$[*]" for previous(); NULL: none */
    int own_each;          /* each was made here ("$[*]") */
    const rl_jpath *items; /* `unique`: items and key (NULL: the item) */
    const rl_expr *key;
    size_t index;      /* among the loaded collection rules */
    rl_direct *direct; /* the paths and keys read directly */
    size_t n_direct;
};

/* Read scope/group/order of a rule whose kind has been compiled; for a
 * collection rule, set r->coll. Problems are diagnostics. */
void rl_coll_rule_read(rl_rule *r, rl_loader *ld, const rl_jnode *obj);
void rl_coll_rule_free(rl_coll_rule *cr);
/* Number the collection rule among those loaded (rules.c, as it adopts). */
void rl_coll_rule_set_index(rl_coll_rule *cr, size_t index);
/* The direct form of a path or key expression of the rule, or NULL. */
const rl_direct *rl_coll_direct(const rl_coll_rule *cr, const void *of);
/* 1 when part i is the first of the parts sharing its slot (the one fed). */
static inline int rl_coll_first_of_slot(const rl_coll_rule *cr, size_t i)
{
    return cr->first[i];
}

#endif
