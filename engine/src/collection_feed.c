/* collection_feed.c — what one report leaves in a collection rule's state
 * (collection.h): its group and order keys, its share of every AGG part,
 * the nodes GATHER parts keep, an entry per `each` node with its NODE and
 * PREV parts' values, and the keys of a `unique`.
 *
 * Group paths ($[*]..., $[?...]...) are evaluated over a one-item array
 * holding the report: since they start by selecting reports by wildcard
 * or filter, what they select in the group is the concatenation of what
 * they select in each report. Values keep the JSON they were read from
 * (numbers as written) and their place: file, line, column, pointer. */
#include "check_run.h"
#include "collection.h"
#include "error.h"
#include "result.h"

#include <stdlib.h>
#include <string.h>

typedef struct feed {
    rl_coll *c;
    rl_coll_report *rep;
    const rl_rule *rule;
    const rl_coll_rule *cr;
    rl_eval_ctx ctx;
    rl_jdoc *doc;
    const char *file; /* interned */
    rl_group *g;
    rl_okey order;
    rl_severity sev; /* where an evaluation error in a key is reported */
    rl_result *res;
    const rl_rules *rules;
    const rl_catalog *catalog;
    rl_lang lang;
} feed;

static void loc_of(feed *f, const rl_jnode *node, rl_loc *loc)
{
    if (f->rep->located == node) {
        *loc = f->rep->loc;
        return;
    }
    unsigned line, col;
    rl_jdoc_locate(f->doc, rl_jn_offset(node), &line, &col);
    loc->file = f->file;
    loc->line = line;
    loc->col = col;
    if (node == f->doc->root && f->c->root_pointer) {
        loc->pointer = f->c->root_pointer; /* "" */
    } else {
        rl_sbuf_clear(&f->c->scratch);
        rl_json_pointer(node, &f->c->scratch);
        loc->pointer = rl_coll_intern(f->c, rl_sbuf_str(&f->c->scratch));
        if (node == f->doc->root)
            f->c->root_pointer = loc->pointer;
    }
    f->rep->located = node;
    f->rep->loc = *loc;
}

static char *node_json(feed *f, const rl_jnode *node)
{
    return rl_coll_node_json(f->doc, node);
}

static char *value_json(const rl_value *v)
{
    rl_sbuf b = RL_SBUF_INIT;
    if (v->type == RL_VDATE) {
        rl_sbuf_addc(&b, '"');
        rl_date_format(&b, v->u.date);
        rl_sbuf_addc(&b, '"');
    } else {
        rl_value_write_json(&b, v, NULL);
    }
    char *s = strdup(rl_sbuf_str(&b));
    rl_sbuf_free(&b);
    return s;
}

/* ---- keys ----------------------------------------------------------------- */

/* The node d's names lead to from n, or NULL. */
static const rl_jnode *direct_get(const rl_direct *d, const rl_jnode *n)
{
    for (size_t i = 0; i < d->n && n; i++)
        n = rl_json_get(n, d->names[i], d->len[i]);
    return n;
}

/* e's value on the node at: a string, number or boolean member read
 * directly when e is @.a.b, else evaluated (ctx's err set on failure). */
static int eval_at(feed *f, const rl_expr *e, const rl_jnode *at, rl_value *v)
{
    const rl_direct *d = rl_coll_direct(f->cr, e);
    const rl_jnode *n = d ? direct_get(d, at) : NULL;
    if (n && (rl_jn_type(n) == RL_JSTRING || rl_jn_type(n) == RL_JNUMBER ||
              rl_jn_type(n) == RL_JTRUE || rl_jn_type(n) == RL_JFALSE)) {
        rl_value_from_node(v, n);
        return 0;
    }
    f->ctx.current = at;
    return rl_expr_eval(e, &f->ctx, v);
}

/* A value as a key; -1 for a list, array or object. */
static int okey_of(const rl_value *v, rl_okey *k)
{
    memset(k, 0, sizeof *k);
    rl_sbuf b = RL_SBUF_INIT;
    switch ((rl_vtype)v->type) {
    case RL_VNULL: k->type = RL_OK_NULL; return 0;
    case RL_VBOOL:
        k->type = RL_OK_BOOL;
        k->i = v->u.b != 0;
        return 0;
    case RL_VINT:
        k->type = RL_OK_NUM;
        k->is_int = 1;
        k->i = v->u.i;
        k->d = (double)v->u.i;
        return 0;
    case RL_VNUM:
        k->type = RL_OK_NUM;
        k->d = v->u.d;
        return 0;
    case RL_VSTR:
        k->type = RL_OK_STR;
        if (v->src && rl_jn_type(v->src) == RL_JSTRING && strlen(v->u.str.s) == v->u.str.len) {
            k->s = (char *)v->u.str.s; /* the report's own NUL-terminated string: borrowed */
            k->borrowed = 1;
            return 0;
        }
        k->s = strndup(v->u.str.s, v->u.str.len);
        return k->s ? 0 : -1;
    case RL_VDATE:
        rl_date_format(&b, v->u.date);
        k->type = RL_OK_STR;
        k->s = strdup(rl_sbuf_str(&b));
        rl_sbuf_free(&b);
        return k->s ? 0 : -1;
    default: return -1;
    }
}

/* A group, order or `unique` key that cannot be computed: a violation of
 * the rule, at the node it was computed on (the report's root for group and
 * order, or the node the error is about), and the report (or the item) is
 * left out of the rule. */
RL_COLL_COLD static void key_failed(feed *f, const rl_expr *e, const char *detail,
                                    const rl_jnode *at)
{
    rl_fig args[2] = {{"expr", {0}}, {"detail", {0}}};
    rl_value_set_str(&args[0].v, rl_expr_text(e), strlen(rl_expr_text(e)));
    rl_value_set_str(&args[1].v, detail, strlen(detail));
    rl_sbuf msg = RL_SBUF_INIT;
    rl_catalog_expand(f->catalog, RL_MSG_EVAL_ERROR, f->lang, args, 2, &msg);
    rl_sbuf ptr = RL_SBUF_INIT;
    rl_json_pointer(at, &ptr);
    rl_violation v = {0};
    v.file = f->file;
    v.rule = f->rule->id;
    v.severity = f->sev;
    v.pointer = rl_sbuf_str(&ptr);
    rl_jdoc_locate(f->doc, rl_jn_offset(at), &v.line, &v.column);
    v.message = rl_sbuf_str(&msg);
    rl_result_add(f->res, &v);
    rl_sbuf_free(&msg);
    rl_sbuf_free(&ptr);
}

/* A report whose group or order key failed: a violation (key_failed), and
 * the rule counts as evaluated there and failed (so that a rule whose keys
 * fail everywhere is not also "never applied"). */
RL_COLL_COLD static void report_key_failed(feed *f, const rl_expr *e, const char *detail,
                                           const rl_jnode *at)
{
    key_failed(f, e, detail, at);
    rl_run run = {.head = {&rl_check_run_ops}};
    run.res = f->res;
    run.slot = rl_check_rule_slot(f->res, f->rules, f->rule, (int)f->sev);
    rl_run_count(&run, RL_FAIL);
}

/* The key e gives on the report; on failure, why (detail) and where (*at:
 * the node the error is about, else the report's root). */
static int eval_key(feed *f, const rl_expr *e, rl_okey *k, rl_sbuf *detail, const rl_jnode **at)
{
    memset(k, 0, sizeof *k);
    *at = f->doc->root;
    if (!e)
        return 0;
    rl_error err;
    rl_error_fresh(&err);
    f->ctx.err = &err;
    f->ctx.err_node = NULL;
    rl_value v;
    if (eval_at(f, e, f->doc->root, &v) != 0) {
        rl_sbuf_adds(detail, err.message);
        if (f->ctx.err_node)
            *at = f->ctx.err_node;
        return -1;
    }
    if (okey_of(&v, k) != 0) {
        rl_sbuf_adds(detail,
                     "a group or order key must be a string, number, date, boolean or null");
        if (v.src)
            *at = v.src;
        return -1;
    }
    return 0;
}

/* ---- values ----------------------------------------------------------------- */

/* 1 when v is exactly the value of its src node (so the node's JSON gives
 * it back), not a value computed from it. */
static int is_node_value(const rl_value *v)
{
    if (!v->src)
        return 0;
    rl_value t;
    rl_value_from_node(&t, v->src);
    if (t.type != v->type)
        return 0;
    switch ((rl_vtype)v->type) {
    case RL_VBOOL: return t.u.b == v->u.b;
    case RL_VINT: return t.u.i == v->u.i;
    case RL_VNUM: return t.u.d == v->u.d;
    case RL_VSTR: return t.u.str.s == v->u.str.s && t.u.str.len == v->u.str.len;
    case RL_VNODE: return t.u.node == v->u.node;
    default: return 1;
    }
}

static int keep_list(feed *f, const rl_value *v, const rl_jnode *at, rl_val *out)
{
    out->tag = RL_VAL_LIST;
    out->items = calloc(v->u.list.n ? v->u.list.n : 1, sizeof *out->items);
    if (!out->items)
        return -1;
    for (; out->n < v->u.list.n; out->n++) {
        rl_kept *k = &out->items[out->n];
        if (v->u.list.nodes) {
            k->json = node_json(f, v->u.list.nodes[out->n]);
            loc_of(f, v->u.list.nodes[out->n], &k->loc);
        } else {
            k->json = value_json(&v->u.list.values[out->n]);
            loc_of(f, v->u.list.values[out->n].src ? v->u.list.values[out->n].src : at, &k->loc);
        }
    }
    return 0;
}

/* A part's value on the node at: kept with its place (the node it came
 * from, else at). */
static int keep_value(feed *f, const rl_value *v, const rl_jnode *at, rl_val *out)
{
    memset(out, 0, sizeof *out);
    if (v->type == RL_VLIST)
        return keep_list(f, v, at, out);
    out->items = calloc(1, sizeof *out->items);
    if (!out->items)
        return -1;
    out->n = 1;
    if (is_node_value(v)) {
        out->tag = RL_VAL_NODE;
        out->items[0].json = node_json(f, v->src);
    } else {
        out->tag = v->type == RL_VDATE ? RL_VAL_DATE : RL_VAL_COMPUTED;
        out->items[0].json = value_json(v);
    }
    loc_of(f, v->src ? v->src : at, &out->items[0].loc);
    return out->items[0].json ? 0 : -1;
}

static int keep_error(feed *f, const char *message, const rl_jnode *at, rl_val *out)
{
    memset(out, 0, sizeof *out);
    out->tag = RL_VAL_ERROR;
    out->items = calloc(1, sizeof *out->items);
    if (!out->items)
        return -1;
    out->n = 1;
    out->items[0].json = strdup(message);
    loc_of(f, at, &out->items[0].loc);
    return 0;
}

/* ---- parts -------------------------------------------------------------------- */

static int select_in(feed *f, const rl_jpath *q, rl_nodelist *out, rl_error *err)
{
    rl_nodelist_clear(out);
    const rl_direct *d = rl_coll_direct(f->cr, q);
    if (!d) {
        rl_jnode *items[1] = {f->doc->root};
        rl_jnode wrap; /* [report] */
        rl_jn_init_array(&wrap, items, 1);
        return rl_jpath_eval(q, &wrap, &wrap, out, err);
    }
    const rl_jnode *n = direct_get(d, f->doc->root);
    if (n && !rl_nodelist_push(out, n))
        return rl_error_set(err, 0, 0, "out of memory"), -1;
    return 0;
}

RL_COLL_COLD static void agg_error(feed *f, rl_agg *a, const char *message, const rl_jnode *at)
{
    rl_loc loc;
    loc_of(f, at, &loc);
    if (a->err && rl_loc_cmp(&a->err_loc, &loc) <= 0) {
        return;
    }
    free(a->err);
    a->err = strdup(message);
    a->err_loc = loc;
}

static void agg_node(feed *f, const rl_part *p, rl_agg *a, const rl_jnode *node)
{
    if (rl_jn_type(node) == RL_JNULL) {
        a->has_null = 1;
        return;
    }
    rl_value v, x;
    rl_value_from_node(&v, node);
    rl_error err;
    rl_error_fresh(&err);
    f->ctx.err = &err;
    if (v.type != RL_VINT && v.type != RL_VNUM && v.type != RL_VSTR) {
        rl_error_set(&err, 0, 0, "%s() takes numbers, but one of the nodes is a %s",
                     p->fn == RL_AGG_AVG ? "avg" : "sum", rl_json_type_name(rl_jn_type(node)));
        agg_error(f, a, err.message, node);
        return;
    }
    if (rl_eval_to_number(&f->ctx, &v, &x) != 0) {
        agg_error(f, a, err.message, node);
        return;
    }
    if (x.type == RL_VINT) {
        rl_agg_add_int(a, x.u.i);
    } else {
        rl_fsum_add(&a->fs, x.u.d);
        a->has_double = 1;
    }
    a->n++;
}

static void feed_agg(feed *f, const rl_part *p, rl_agg *a, rl_nodelist *nodes)
{
    for (size_t k = 0; k < p->n_paths; k++) {
        rl_error err;
        rl_error_fresh(&err);
        if (select_in(f, p->paths[k], nodes, &err) != 0) {
            agg_error(f, a, err.message, f->doc->root);
            continue;
        }
        if (p->fn == RL_AGG_COUNT) {
            a->n += nodes->n;
            continue;
        }
        for (size_t i = 0; i < nodes->n; i++)
            agg_node(f, p, a, nodes->items[i]);
    }
}

RL_COLL_COLD static int feed_gather(feed *f, const rl_part *p, rl_glist *l, rl_nodelist *nodes)
{
    rl_error err;
    rl_error_fresh(&err);
    if (select_in(f, p->paths[0], nodes, &err) != 0)
        return 0;
    for (size_t i = 0; i < nodes->n; i++) {
        rl_gnode gn = {0};
        if (rl_okey_copy(&gn.order, &f->order) != 0)
            return -1;
        gn.k.json = node_json(f, nodes->items[i]);
        loc_of(f, nodes->items[i], &gn.k.loc);
        if (rl_gnode_push(l, &gn) != 0)
            return -1;
    }
    return 0;
}

/* The value of a NODE or PREV part on one `each` node. */
static int part_on(feed *f, const rl_part *p, const rl_jnode *node, rl_val *out)
{
    rl_error err;
    rl_error_fresh(&err);
    f->ctx.err = &err;
    f->ctx.current = node;
    rl_arena_reset(f->ctx.arena);
    rl_value v;
    if (rl_expr_eval_sub(p->sub, &f->ctx, &v) != 0)
        return keep_error(f, err.message, f->ctx.err_node ? f->ctx.err_node : node, out);
    return keep_value(f, &v, node, out);
}

static int feed_entry(feed *f, const rl_jnode *node)
{
    const rl_coll_rule *cr = f->cr;
    size_t nn = cr->n_kind[RL_PART_NODE];
    rl_entry e = {0};
    e.vals = calloc(nn + cr->n_kind[RL_PART_PREV] + 1, sizeof *e.vals);
    if (!e.vals || rl_okey_copy(&e.order, &f->order) != 0)
        return -1;
    loc_of(f, node, &e.at);
    e.locale = rl_coll_intern(f->c, f->ctx.locale ? f->ctx.locale : "en");
    for (size_t i = 0; i < cr->parts.n; i++) {
        const rl_part *p = &cr->parts.items[i];
        rl_val *v = p->kind == RL_PART_NODE   ? &e.vals[cr->slot[i]]
                    : p->kind == RL_PART_PREV ? &e.vals[nn + cr->slot[i]]
                                              : NULL;
        if (v && !v->items && part_on(f, p, node, v) != 0)
            return -1;
    }
    return rl_entry_push(f->g, &e);
}

RL_COLL_COLD static int feed_each(feed *f, rl_nodelist *nodes)
{
    rl_error err;
    rl_error_fresh(&err);
    if (select_in(f, f->cr->each, nodes, &err) != 0)
        return 0;
    for (size_t i = 0; i < nodes->n; i++)
        if (feed_entry(f, nodes->items[i]) != 0)
            return -1;
    return 0;
}

static int feed_unique(feed *f, rl_nodelist *nodes)
{
    rl_error err;
    rl_error_fresh(&err);
    if (select_in(f, f->cr->items, nodes, &err) != 0)
        return 0;
    rl_sbuf *canon = &f->c->canon;
    int rc = 0;
    for (size_t i = 0; i < nodes->n && rc == 0; i++) {
        rl_value key;
        f->ctx.current = nodes->items[i];
        f->ctx.err = &err;
        rl_arena_reset(f->ctx.arena);
        if (!f->cr->key)
            rl_value_from_node(&key, nodes->items[i]);
        else if (eval_at(f, f->cr->key, nodes->items[i], &key) != 0) {
            key_failed(f, f->cr->key, err.message,
                       f->ctx.err_node ? f->ctx.err_node : nodes->items[i]);
            continue;
        }
        if (key.type == RL_VNULL)
            continue;
        rl_sbuf_clear(canon);
        rl_unique_canonical(&key, f->doc, canon);
        rl_loc loc;
        loc_of(f, nodes->items[i], &loc);
        rc = rl_ukey_feed(f->c, f->g, rl_sbuf_str(canon), &loc, &f->order);
    }
    return rc;
}

static void feed_parts(feed *f)
{
    const rl_coll_rule *cr = f->cr;
    rl_nodelist *nodes = &f->c->nodes; /* kept for the next report */
    for (size_t i = 0; i < cr->parts.n; i++) {
        const rl_part *p = &cr->parts.items[i];
        if (rl_coll_first_of_slot(cr, i) && p->kind == RL_PART_AGG)
            feed_agg(f, p, &f->g->aggs[cr->slot[i]], nodes);
        else if (rl_coll_first_of_slot(cr, i) && p->kind == RL_PART_GATHER)
            feed_gather(f, p, &f->g->gathers[cr->slot[i]], nodes);
    }
    if (cr->each)
        feed_each(f, nodes);
    if (cr->items)
        feed_unique(f, nodes);
    rl_nodelist_clear(nodes);
}

/* The cached key of e on the report, or NULL when e has none yet. */
static rl_coll_rkey *cached_key(rl_coll_report *rep, const rl_expr *e)
{
    for (size_t i = 0; i < rep->n_keys; i++)
        if (strcmp(rep->keys[i].text, rl_expr_text(e)) == 0)
            return &rep->keys[i];
    return NULL;
}

/* The key e gives on the report (*k, and its hash), from the report's cache
 * or evaluated and cached; 1 when *k is the caller's to free (the cache was
 * full), 0 when the cache holds it, -1 on failure (as eval_key). */
static int report_key(feed *f, const rl_expr *e, rl_okey *k, uint64_t *hash, rl_sbuf *detail,
                      const rl_jnode **at)
{
    rl_coll_rkey *ck = e ? cached_key(f->rep, e) : NULL;
    if (ck) {
        *k = ck->key;
        *hash = ck->hash;
        return 0;
    }
    if (eval_key(f, e, k, detail, at) != 0)
        return -1;
    *hash = rl_okey_hash(k);
    if (!e || f->rep->n_keys == RL_COLL_REPORT_KEYS)
        return 1;
    ck = &f->rep->keys[f->rep->n_keys++];
    ck->text = rl_expr_text(e);
    ck->key = *k;
    ck->hash = *hash;
    return 0;
}

void rl_coll_report_init(rl_coll_report *rep, rl_coll *c, rl_jdoc *doc, const char *file)
{
    rep->c = c; /* keys past n_keys and loc without located are never read */
    rep->doc = doc;
    rep->file = rl_coll_intern(c, file);
    rep->n_keys = 0;
    rep->located = NULL;
}

void rl_coll_report_done(rl_coll_report *rep)
{
    for (size_t i = 0; i < rep->n_keys; i++)
        rl_okey_free(&rep->keys[i].key);
    rep->n_keys = 0;
}

void rl_coll_feed(rl_coll_report *rep, const rl_rule *r, rl_severity sev, const rl_eval_ctx *base,
                  rl_result *res, const rl_rules *rules, rl_lang lang)
{
    rl_coll *c = rep->c;
    rl_jdoc *doc = rep->doc;
    feed f; /* every field set (no memset: this runs per rule and report) */
    f.c = c;
    f.rep = rep;
    f.rule = r;
    f.cr = r->coll;
    f.ctx = *base;
    f.ctx.root = f.ctx.current = doc->root;
    f.doc = doc;
    f.file = rep->file;
    f.g = NULL;
    memset(&f.order, 0, sizeof f.order);
    f.sev = sev;
    f.res = res;
    f.rules = rules;
    f.catalog = rules->catalog;
    f.lang = lang;
    rl_okey gkey = {0};
    uint64_t hash = 0;
    rl_sbuf detail = RL_SBUF_INIT;
    const rl_jnode *at;
    int own = report_key(&f, f.cr->group, &gkey, &hash, &detail, &at);
    if (own < 0) {
        report_key_failed(&f, f.cr->group, rl_sbuf_str(&detail), at);
    } else if (eval_key(&f, f.cr->order, &f.order, &detail, &at) != 0) {
        report_key_failed(&f, f.cr->order, rl_sbuf_str(&detail), at);
    } else if ((f.g = rl_coll_group_hashed(&c->rules[f.cr->index], &gkey, hash)) != NULL) {
        f.ctx.root = doc->root;
        feed_parts(&f);
    }
    if (own > 0)
        rl_okey_free(&gkey);
    rl_okey_free(&f.order);
    rl_sbuf_free(&detail);
}
