/* expr_split.c — splitting a collection rule's expression into parts (see
 * expr_split.h). One walk classifies each subtree by what it reads (the
 * group, the `each` node, previous()); the largest subtrees reading only
 * the node become NODE parts, and group reads become AGG or GATHER parts. */
#include "expr_split.h"
#include "array.h"
#include "error.h"
#include "expr_int.h"

#include <stdlib.h>
#include <string.h>

#define READS_GROUP 1
#define READS_NODE 2
#define READS_PREV 4

static int is_call(const rl_enode *n, const char *name)
{
    return n->kind == RL_N_CALL && strcmp(n->u.call.fn->name, name) == 0;
}

static int is_group_path(const rl_enode *n, int at_is_group)
{
    return n->kind == RL_N_PATH && (at_is_group || !rl_jpath_is_relative(n->u.path.q));
}

static unsigned reads(const rl_enode *n, int at_is_group)
{
    if (n->kind == RL_N_PATH)
        return is_group_path(n, at_is_group) ? READS_GROUP : READS_NODE;
    unsigned m = is_call(n, "previous") ? READS_PREV : 0;
    for (size_t i = 0; i < n->nkids; i++)
        m |= reads(n->kids[i], at_is_group);
    return m;
}

static rl_part *push(rl_parts *out, rl_part_kind kind, const rl_enode *n, rl_error *err)
{
    if (out->n == out->cap) {
        size_t cap = out->cap ? 2 * out->cap : 8;
        rl_part *more = rl_array_resize(out->items, cap, sizeof *more);
        if (!more) {
            rl_error_set(err, 0, n->col, "out of memory");
            return NULL;
        }
        out->items = more;
        out->cap = cap;
    }
    rl_part *p = &out->items[out->n++];
    memset(p, 0, sizeof *p);
    p->kind = kind;
    p->node = n;
    p->sub = n;
    return p;
}

static int bad_path(const rl_enode *n, rl_error *err)
{
    const rl_jpath *q = n->u.path.q;
    if (rl_jpath_over_items(q))
        return 0;
    rl_error_set(err, 0, n->col,
                 "'%.*s': in a collection rule $ is the group's reports; select them with "
                 "$[*], $[?...] or $..name (an index or a slice would depend on the input order)",
                 (int)(n->tlen > 60 ? 60 : n->tlen), n->text);
    return -1;
}

/* sum/avg/count whose arguments are all group paths: an AGG part. */
static int agg_call(const rl_enode *n, int at_is_group, rl_agg_fn *fn)
{
    if (n->kind != RL_N_CALL || n->nkids == 0 || n->nkids > RL_PART_MAX_PATHS)
        return 0;
    if (is_call(n, "sum"))
        *fn = RL_AGG_SUM;
    else if (is_call(n, "avg"))
        *fn = RL_AGG_AVG;
    else if (is_call(n, "count"))
        *fn = RL_AGG_COUNT;
    else
        return 0;
    for (size_t i = 0; i < n->nkids; i++)
        if (!is_group_path(n->kids[i], at_is_group))
            return 0;
    return 1;
}

static int split(const rl_enode *n, int at_is_group, rl_parts *out, rl_error *err)
{
    rl_agg_fn fn;
    unsigned m = reads(n, at_is_group);
    if (is_call(n, "previous")) {
        if (reads(n->kids[0], at_is_group) & (READS_GROUP | READS_PREV)) {
            rl_error_set(err, 0, n->col,
                         "previous() takes an expression over one report (@...), "
                         "not the group ($) or another previous()");
            return -1;
        }
        rl_part *p = push(out, RL_PART_PREV, n, err);
        if (p)
            p->sub = n->kids[0];
        return p ? 0 : -1;
    }
    if (!(m & (READS_GROUP | READS_PREV)))
        return (m & READS_NODE) && !push(out, RL_PART_NODE, n, err) ? -1 : 0;
    if (agg_call(n, at_is_group, &fn)) {
        rl_part *p = push(out, RL_PART_AGG, n, err);
        if (!p)
            return -1;
        p->fn = fn;
        for (size_t i = 0; i < n->nkids; i++) {
            if (bad_path(n->kids[i], err))
                return -1;
            p->paths[p->n_paths++] = n->kids[i]->u.path.q;
        }
        return 0;
    }
    if (n->kind == RL_N_PATH) {
        if (bad_path(n, err))
            return -1;
        rl_part *p = push(out, RL_PART_GATHER, n, err);
        if (p)
            p->paths[p->n_paths++] = n->u.path.q;
        return p ? 0 : -1;
    }
    for (size_t i = 0; i < n->nkids; i++)
        if (split(n->kids[i], at_is_group, out, err) != 0)
            return -1;
    return 0;
}

int rl_expr_split(const rl_expr *e, int at_is_group, rl_parts *out, rl_error *err)
{
    return e && e->root ? split(e->root, at_is_group, out, err) : 0;
}

void rl_parts_free(rl_parts *p)
{
    free(p->items);
    memset(p, 0, sizeof *p);
}

int rl_expr_uses_previous(const rl_expr *e)
{
    return e && e->root && (reads(e->root, 0) & READS_PREV);
}

int rl_expr_eval_sub(const rl_enode *n, rl_eval_ctx *ctx, rl_value *out)
{
    ctx->err_node = NULL;
    if (rl_eval_node(ctx, n, out) < 0) {
        rl_value_set_null(out);
        return -1;
    }
    return 0;
}

const char *rl_enode_text(const rl_enode *n, size_t *len)
{
    *len = n->tlen;
    return n->text;
}
