/* result_rules.h — the rules a result records: every rule that ran (or was
 * set to run) in a check, with what it is (id, kind, title, rule set, file,
 * line:column, pointer in its file, severity in this check) and its counts
 * (evaluations, passed, failed, not applicable). Writers read them from
 * the result (rl_result_rule), never from the rules or the checker.
 *
 * A table belongs to one result; strings are copied into the result's
 * arena. Slots keep their order: the order rules were first recorded (load
 * order). A key (the checker's rule pointer) finds a slot in O(1) when rules
 * come in the same order as before — the common case, report after report;
 * else by key, else by id (a table merged from another result). */
#ifndef RL_RESULT_RULES_H
#define RL_RESULT_RULES_H

#include "arena.h"
#include "strmap.h"
#include "reportlint.h"

typedef struct rl_rule_table {
    rl_rule_result *rules;
    const void **keys;
    size_t n, cap;
    size_t hint;     /* the slot found last */
    rl_strmap by_id; /* id -> slot + 1, so finding a rule never scans */
} rl_rule_table;

void rl_rule_table_free(rl_rule_table *t);
/* The slot of key (or of info->id), or -1. */
long rl_rule_table_find(rl_rule_table *t, const void *key, const char *id);
/* The slot of key, added with a copy of info (counts zero) when new; -1
 * when out of memory. */
long rl_rule_table_slot(rl_rule_table *t, rl_arena *arena, const void *key,
                        const rl_rule_result *info);
/* Add src's rules and counts to dst (by id). 0, or -1 on OOM. */
int rl_rule_table_merge(rl_rule_table *dst, rl_arena *arena, const rl_rule_table *src);

#endif
