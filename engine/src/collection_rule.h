/* collection_rule.h — what loading a rule set needs of collection rules
 * ("scope": "collection"): reading a rule's scope, group and order into its
 * compiled form, and freeing it. The form itself (struct rl_coll_rule) and
 * everything that runs collection rules is in collection.h, in the check
 * layer above; the loader only holds a pointer (rl_rule.coll). */
#ifndef RL_COLLECTION_RULE_H
#define RL_COLLECTION_RULE_H

#include "loader.h"

typedef struct rl_coll_rule rl_coll_rule;

/* Read scope/group/order of a rule whose kind has been compiled; for a
 * collection rule, set r->coll. Problems are diagnostics. */
void rl_coll_rule_read(rl_rule *r, rl_loader *ld, const rl_jnode *obj);
void rl_coll_rule_free(rl_coll_rule *cr);
/* Number the collection rule among those loaded (rules.c, as it adopts). */
void rl_coll_rule_set_index(rl_coll_rule *cr, size_t index);

#endif
