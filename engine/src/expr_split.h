/* expr_split.h — a collection rule's expressions split into what one report
 * contributes and what is worked out when its group is judged.
 *
 * In a collection rule `$` is the group (an array of reports) and `@` the
 * node `each` selects in one of them. The reports are not kept, so every
 * subexpression that reads them becomes a *part*, computed while the
 * reports stream by and substituted (rl_eval_ctx.subst) when the group is
 * judged:
 *   - NODE: a largest subexpression reading only @ (and constants), e.g.
 *     `@.units_total` or `@.a + @.b`: evaluated on each `each` node;
 *   - PREV: previous(x): x evaluated on each `each` node, and taken from the
 *     one before it in the group's order;
 *   - AGG: sum(), avg() or count() whose arguments are all group paths
 *     ($[*]..., $[?...]...): accumulated, exactly and in any order;
 *   - GATHER: a group path anywhere else: the nodes it selects are kept
 *     (with their places) and form a list when judged.
 * A group path must start by selecting reports by wildcard or filter
 * ($[*], $[?...], $..x): an index or slice would depend on input order and
 * is a load-time error, as is `$` alone. Without `each`, `@` is the group
 * too. The tree is only read: parts point into it. */
#ifndef RL_EXPR_SPLIT_H
#define RL_EXPR_SPLIT_H

#include "expr.h"

typedef struct rl_enode rl_enode;

typedef enum rl_part_kind { RL_PART_NODE, RL_PART_PREV, RL_PART_AGG, RL_PART_GATHER } rl_part_kind;

typedef enum rl_agg_fn { RL_AGG_SUM, RL_AGG_AVG, RL_AGG_COUNT } rl_agg_fn;

#define RL_PART_MAX_PATHS 8

typedef struct rl_part {
    rl_part_kind kind;
    const rl_enode *node;                     /* the subexpression the part stands for */
    const rl_enode *sub;                      /* NODE: node; PREV: previous()'s argument */
    rl_agg_fn fn;                             /* AGG */
    const rl_jpath *paths[RL_PART_MAX_PATHS]; /* AGG: the arguments; GATHER: the path */
    size_t n_paths;
} rl_part;

typedef struct rl_parts {
    rl_part *items;
    size_t n, cap;
} rl_parts;

/* Append e's parts to out. at_is_group: the rule has no `each`. Returns 0,
 * or -1 with err (column in e's text) for a group path that depends on
 * input order, previous() of something reading the group, or no memory. */
int rl_expr_split(const rl_expr *e, int at_is_group, rl_parts *out, rl_error *err);
void rl_parts_free(rl_parts *p);

/* 1 when e (NULL: no) calls previous(). */
int rl_expr_uses_previous(const rl_expr *e);

/* Evaluate one subexpression (a part's sub). */
int rl_expr_eval_sub(const rl_enode *n, rl_eval_ctx *ctx, rl_value *out);

/* A subexpression's source text and length. */
const char *rl_enode_text(const rl_enode *n, size_t *len);

#endif
