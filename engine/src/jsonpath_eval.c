/* jsonpath_eval.c — running a compiled query over a document (RFC 9535
 * §2.3–2.5): segments and selectors, filter expressions, comparisons.
 *
 * Invariants: evaluation never parses and never allocates by itself; nodes
 * are handed to an emit callback one at a time, depth first, which yields
 * exactly the RFC's order (the nodelist of segment i+1 is the concatenation
 * of its results on each node of segment i, in order). A descendant
 * segment applies its selectors to a node before visiting its children, in
 * array index / member order. Return codes: 0 go on, 1 stopped by emit,
 * -1 error with ev->err set. A descendant segment walks the subtree along
 * parent links, so nothing recurses on the document's depth; recursion
 * follows the query's nesting only (the parser bounds it). */
#include "deadline.h"
#include "error.h"
#include "jsonpath_int.h"

#include <string.h>

static int walk_from(const jp_query *q, size_t i, const jp_eval *ev, const rl_jnode *node,
                     jp_emit emit, void *st);

/* ---- children ----------------------------------------------------------- */

static size_t child_count(const rl_jnode *n)
{
    return (rl_jn_type(n) == RL_JARRAY || rl_jn_type(n) == RL_JOBJECT) ? rl_json_size(n) : 0;
}

static const rl_jnode *child_at(const rl_jnode *n, size_t k)
{
    return rl_jn_type(n) == RL_JARRAY ? rl_jn_item(n, k) : rl_jn_value(n, k);
}

/* The array element at a possibly negative index, or NULL. */
static const rl_jnode *element(const rl_jnode *n, int64_t index)
{
    if (rl_jn_type(n) != RL_JARRAY)
        return NULL;
    int64_t len = (int64_t)rl_jn_count(n);
    int64_t k = index < 0 ? len + index : index;
    return k >= 0 && k < len ? rl_jn_item(n, k) : NULL;
}

/* ---- selectors ------------------------------------------------------------ */

static int64_t clamp(int64_t v, int64_t lo, int64_t hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* RFC 9535 §2.3.4.2.2: the slice's elements in order. */
static int select_slice(const jp_query *q, size_t i, const jp_slice *sl, const jp_eval *ev,
                        const rl_jnode *n, jp_emit emit, void *st)
{
    if (rl_jn_type(n) != RL_JARRAY || sl->step == 0)
        return 0;
    int64_t len = (int64_t)rl_jn_count(n), step = sl->step;
    int64_t start = sl->has_start ? sl->start : step > 0 ? 0 : len - 1;
    int64_t end = sl->has_end ? sl->end : step > 0 ? len : -len - 1;
    start = start < 0 ? len + start : start;
    end = end < 0 ? len + end : end;
    int rc = 0;
    if (step > 0) {
        int64_t lower = clamp(start, 0, len), upper = clamp(end, 0, len);
        for (int64_t k = lower; k < upper && rc == 0; k += step)
            rc = walk_from(q, i + 1, ev, rl_jn_item(n, k), emit, st);
    } else {
        int64_t upper = clamp(start, -1, len - 1), lower = clamp(end, -1, len - 1);
        for (int64_t k = upper; lower < k && rc == 0; k += step)
            rc = walk_from(q, i + 1, ev, rl_jn_item(n, k), emit, st);
    }
    return rc;
}

static int select_filter(const jp_query *q, size_t i, const jp_expr *f, const jp_eval *ev,
                         const rl_jnode *n, jp_emit emit, void *st)
{
    size_t count = child_count(n);
    for (size_t k = 0; k < count; k++) {
        const rl_jnode *c = child_at(n, k);
        int t = jp_eval_logical(f, ev, c);
        if (t == 1)
            t = walk_from(q, i + 1, ev, c, emit, st);
        if (t != 0)
            return t;
    }
    return 0;
}

static int select_all(const jp_query *q, size_t i, const jp_eval *ev, const rl_jnode *n,
                      jp_emit emit, void *st)
{
    size_t count = child_count(n);
    int rc = 0;
    for (size_t k = 0; k < count && rc == 0; k++)
        rc = walk_from(q, i + 1, ev, child_at(n, k), emit, st);
    return rc;
}

static int select_one(const jp_query *q, size_t i, const jp_selector *s, const jp_eval *ev,
                      const rl_jnode *n, jp_emit emit, void *st)
{
    const rl_jnode *c;
    switch (s->kind) {
    case JP_SEL_NAME:
        c = rl_json_get(n, s->u.name.s, s->u.name.len);
        return c ? walk_from(q, i + 1, ev, c, emit, st) : 0;
    case JP_SEL_INDEX:
        c = element(n, s->u.index);
        return c ? walk_from(q, i + 1, ev, c, emit, st) : 0;
    case JP_SEL_WILD: return select_all(q, i, ev, n, emit, st);
    case JP_SEL_SLICE: return select_slice(q, i, &s->u.slice, ev, n, emit, st);
    case JP_SEL_FILTER: return select_filter(q, i, s->u.filter, ev, n, emit, st);
    }
    return 0;
}

/* ---- segments -------------------------------------------------------------- */

static int apply_segment(const jp_query *q, size_t i, const jp_eval *ev, const rl_jnode *n,
                         jp_emit emit, void *st)
{
    const jp_segment *seg = &q->seg[i];
    int rc = 0;
    for (size_t k = 0; k < seg->n && rc == 0; k++)
        rc = select_one(q, i, &seg->sel[k], ev, n, emit, st);
    return rc;
}

/* The node after n in document order within top's subtree (NULL at the
 * end): its first child, else the next sibling of it or of an ancestor.
 * Parent links make the walk iterative and allocation-free. */
static const rl_jnode *next_in_subtree(const rl_jnode *n, const rl_jnode *top)
{
    if (child_count(n))
        return child_at(n, 0);
    for (; n != top; n = rl_jn_parent(n)) {
        const rl_jnode *p = rl_jn_parent(n);
        if ((size_t)rl_jn_index(n) + 1 < child_count(p))
            return child_at(p, (size_t)rl_jn_index(n) + 1);
    }
    return NULL;
}

static int descend(const jp_query *q, size_t i, const jp_eval *ev, const rl_jnode *n, jp_emit emit,
                   void *st)
{
    int rc = 0;
    for (const rl_jnode *d = n; d && rc == 0; d = next_in_subtree(d, n))
        rc = apply_segment(q, i, ev, d, emit, st);
    return rc;
}

static int walk_from(const jp_query *q, size_t i, const jp_eval *ev, const rl_jnode *node,
                     jp_emit emit, void *st)
{
    if (rl_deadline_hit(ev->deadline)) { /* one query may select n^2 nodes ($..*..*) */
        rl_error_set(ev->err, 0, 0,
                     ev->deadline->expired == RL_STOP_MEMORY
                         ? "stopped: out of memory (--max-memory)"
                         : "stopped: out of time (--timeout)");
        return -1;
    }
    if (i == q->n)
        return emit(st, node);
    if (q->seg[i].descendant)
        return descend(q, i, ev, node, emit, st);
    return apply_segment(q, i, ev, node, emit, st);
}

int jp_walk(const jp_query *q, const jp_eval *ev, const rl_jnode *cur, jp_emit emit, void *st)
{
    const rl_jnode *start = q->relative ? cur : ev->root;
    return start ? walk_from(q, 0, ev, start, emit, st) : 0;
}

/* A singular query's node; member names by hints when hints is set (a
 * name selector's address is its site). */
static const rl_jnode *select_by_hints(const jp_query *q, const rl_jnode *root, const rl_jnode *cur,
                                       rl_jhints *hints)
{
    const rl_jnode *n = q->relative ? cur : root;
    for (size_t i = 0; i < q->n && n; i++) {
        const jp_selector *s = &q->seg[i].sel[0];
        if (s->kind != JP_SEL_NAME)
            n = element(n, s->u.index);
        else if (hints)
            n = rl_json_get_hinted(n, s->u.name.s, s->u.name.len, hints, s);
        else
            n = rl_json_get(n, s->u.name.s, s->u.name.len);
    }
    return n;
}

const rl_jnode *jp_select_one(const jp_query *q, const rl_jnode *root, const rl_jnode *cur)
{
    return select_by_hints(q, root, cur, NULL);
}

/* ---- filter expressions ---------------------------------------------------- */

const rl_jnode *jp_value_node(const jp_value *v)
{
    return v->own ? &v->num : v->node;
}

int jp_eval_value(const jp_expr *e, const jp_eval *ev, const rl_jnode *cur, jp_value *out)
{
    memset(out, 0, sizeof *out);
    switch (e->kind) {
    case JP_LITERAL: out->node = e->u.literal; return 0;
    case JP_QUERY: out->node = jp_select_one(&e->u.query, ev->root, cur); return 0;
    case JP_CALL: return e->u.call.fn->eval(e, ev, cur, out);
    default: return 0; /* not a ValueType: the parser never lets one here */
    }
}

static int strings_less(const rl_jnode *a, const rl_jnode *b)
{
    size_t n = rl_jn_str_len(a) < rl_jn_str_len(b) ? rl_jn_str_len(a) : rl_jn_str_len(b);
    int c = memcmp(rl_jn_str(a), rl_jn_str(b), n); /* UTF-8 byte order = code point order */
    return c < 0 || (c == 0 && rl_jn_str_len(a) < rl_jn_str_len(b));
}

/* RFC 9535 §2.3.5.2.2; NULL is Nothing. */
static int nodes_equal(const rl_jnode *a, const rl_jnode *b)
{
    return a && b ? rl_json_equal(a, b) : a == b;
}

static int nodes_less(const rl_jnode *a, const rl_jnode *b)
{
    if (!a || !b || rl_jn_type(a) != rl_jn_type(b))
        return 0;
    if (rl_jn_type(a) == RL_JNUMBER)
        return rl_json_num_cmp(a, b) < 0;
    return rl_jn_type(a) == RL_JSTRING && strings_less(a, b);
}

static int compare(jp_op op, const rl_jnode *a, const rl_jnode *b)
{
    switch (op) {
    case JP_EQ: return nodes_equal(a, b);
    case JP_NE: return !nodes_equal(a, b);
    case JP_LT: return nodes_less(a, b);
    case JP_LE: return nodes_less(a, b) || nodes_equal(a, b);
    case JP_GT: return nodes_less(b, a);
    case JP_GE: return nodes_less(b, a) || nodes_equal(a, b);
    }
    return 0;
}

static int eval_comparison(const jp_expr *e, const jp_eval *ev, const rl_jnode *cur)
{
    jp_value l, r;
    if (jp_eval_value(e->u.bin.l, ev, cur, &l) < 0 || jp_eval_value(e->u.bin.r, ev, cur, &r) < 0)
        return -1;
    return compare(e->u.bin.op, jp_value_node(&l), jp_value_node(&r));
}

static int emit_found(void *st, const rl_jnode *n)
{
    (void)st;
    (void)n;
    return 1;
}

static int exists(const jp_query *q, const jp_eval *ev, const rl_jnode *cur)
{
    if (q->singular)
        return jp_select_one(q, ev->root, cur) != NULL;
    return jp_walk(q, ev, cur, emit_found, NULL);
}

int jp_eval_logical(const jp_expr *e, const jp_eval *ev, const rl_jnode *cur)
{
    int l;
    switch (e->kind) {
    case JP_OR:
    case JP_AND:
        l = jp_eval_logical(e->u.bin.l, ev, cur);
        if (l < 0 || l == (e->kind == JP_OR))
            return l;
        return jp_eval_logical(e->u.bin.r, ev, cur);
    case JP_NOT: l = jp_eval_logical(e->u.operand, ev, cur); return l < 0 ? l : !l;
    case JP_CMP: return eval_comparison(e, ev, cur);
    case JP_QUERY: return exists(&e->u.query, ev, cur);
    case JP_CALL: return e->u.call.fn->eval(e, ev, cur, NULL);
    default: return 0; /* a literal: the parser never lets one here */
    }
}

/* ---- the public entry points ------------------------------------------------ */

typedef struct push_state {
    rl_nodelist *out;
    int oom;
    rl_deadline *meter; /* charged for the list's growth while it is built */
    size_t charged;
} push_state;

static int emit_push(void *st, const rl_jnode *n)
{
    push_state *ps = st;
    size_t cap = ps->out->cap;
    if (!rl_nodelist_push(ps->out, n)) {
        ps->oom = 1;
        return -1;
    }
    if (ps->out->cap != cap) {
        size_t more = (ps->out->cap - cap) * sizeof *ps->out->items;
        rl_deadline_charge(ps->meter, more);
        ps->charged += more;
    }
    return 0;
}

int rl_jpath_eval(const rl_jpath *q, const rl_jnode *root, const rl_jnode *current,
                  rl_nodelist *out, rl_error *err)
{
    return rl_jpath_eval_until(q, root, current, out, err, NULL);
}

int rl_jpath_eval_until(const rl_jpath *q, const rl_jnode *root, const rl_jnode *current,
                        rl_nodelist *out, rl_error *err, struct rl_deadline *deadline)
{
    jp_eval ev = {root, err, deadline};
    push_state ps = {out, 0, deadline, 0};
    size_t before = out->n;
    int rc = jp_walk(&q->q, &ev, current, emit_push, &ps);
    rl_deadline_release(deadline, ps.charged); /* the list is the caller's now */
    if (rc >= 0)
        return 0;
    if (ps.oom)
        rl_error_set(err, 0, 0, "out of memory evaluating %s", q->text);
    out->n = before;
    return -1;
}

const rl_jnode *rl_jpath_select_one(const rl_jpath *q, const rl_jnode *root,
                                    const rl_jnode *current)
{
    return q->q.singular ? jp_select_one(&q->q, root, current) : NULL;
}

const rl_jnode *rl_jpath_select_hinted(const rl_jpath *q, const rl_jnode *root,
                                       const rl_jnode *current, rl_jhints *hints)
{
    return q->q.singular ? select_by_hints(&q->q, root, current, hints) : NULL;
}
