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

struct rl_coll_rule {
    rl_expr *group;       /* NULL: the whole run is one group */
    rl_expr *order;       /* NULL: no order */
    rl_parts parts;       /* of every field and `when` */
    size_t *slot;         /* part i's index among the parts of its kind */
    size_t n_kind[4];     /* parts per rl_part_kind */
    rl_jpath *each;       /* the rule's each, or "$[*]" for previous(); NULL: none */
    int own_each;         /* each was made here ("$[*]") */
    const rl_jpath *items; /* `unique`: items and key (NULL: the item) */
    const rl_expr *key;
    size_t index;         /* among the loaded collection rules */
};

/* Read scope/group/order of a rule whose kind has been compiled; for a
 * collection rule, set r->coll. Problems are diagnostics. */
void rl_coll_rule_read(rl_rule *r, rl_loader *ld, const rl_jnode *obj);
void rl_coll_rule_free(rl_coll_rule *cr);
/* Number the collection rule among those loaded (rules.c, as it adopts). */
void rl_coll_rule_set_index(rl_coll_rule *cr, size_t index);
/* 1 when part i is the first of the parts sharing its slot (the one fed). */
int rl_coll_first_of_slot(const rl_coll_rule *cr, size_t i);

#endif
