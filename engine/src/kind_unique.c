/* kind_unique.c — `unique`: no two items may share a key.
 *
 *   {"kind": "unique", "items": "$.communes[*]", "key": "@.code"}
 *
 * The key is an expression evaluated with @ = each item (default: the item
 * itself); items whose key is null are skipped (missing data: a violation
 * at the item with "missing": "violation", as is an `items` that selects
 * nothing). Keys are equal when ==
 * says so (1 and 1.0 are one key). Every later item whose key repeats is a
 * violation, blamed on that item, naming where the key first appeared.
 * A hash table keeps this linear in the number of items. */
#include "kinds.h"
#include "hash.h"

#include <stdlib.h>
#include <string.h>

static const char *const fields[] = {"items", "key", NULL};
static const char *const figures[] = {"key", "actual", "first", NULL};

typedef struct unique_data {
    rl_jpath *items;
    rl_expr *key; /* NULL: the item */
} unique_data;

typedef struct seen {
    uint64_t hash;
    char *canon; /* canonical JSON of the key */
    const rl_jnode *first;
} seen;

typedef struct key_table {
    seen *slots;
    size_t cap, n;
} key_table;

static void unique_free(void *p)
{
    unique_data *d = p;
    rl_jpath_free(d->items);
    rl_expr_free(d->key);
    free(d);
}

static int unique_compile(rl_rule *rule, rl_loader *ld, const rl_jnode *obj)
{
    unique_data *d = calloc(1, sizeof *d);
    if (!d)
        return -1;
    rule->data = d;
    d->items = rl_ld_path(ld, obj, "items", 1);
    d->key = rl_ld_expr(ld, obj, "key", 0, 0);
    return 0;
}

void rl_unique_fields(const rl_rule *rule, const rl_jpath **items, const rl_expr **key)
{
    const unique_data *d = rule->data;
    *items = d->items;
    *key = d->key;
}

/* 1 when s[0..len) is printable ASCII with no '"' or '\\': its JSON is
 * itself between quotes (rl_json_write_string escapes nothing in it). */
static int plain_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\')
            return 0;
    }
    return 1;
}

/* Canonical text of a key: numbers with an integral value as integers. */
void rl_unique_canonical(const rl_value *v, const rl_jdoc *doc, rl_sbuf *out)
{
    if (v->type == RL_VSTR &&
        plain_ascii(v->u.str.s, v->u.str.len)) { /* ids, codes: the common case */
        rl_sbuf_addc(out, '"');
        rl_sbuf_add(out, v->u.str.s, v->u.str.len);
        rl_sbuf_addc(out, '"');
        return;
    }
    rl_value k = *v;
    if (k.type == RL_VNUM && k.u.d == (double)(int64_t)k.u.d && k.u.d > -9.2e18 && k.u.d < 9.2e18)
        rl_value_set_int(&k, (int64_t)k.u.d);
    k.src = NULL;
    rl_value_write_json(out, &k, doc);
}

static int table_grow(key_table *t)
{
    size_t cap = t->cap ? t->cap * 2 : 64;
    seen *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return 0;
    for (size_t i = 0; i < t->cap; i++) {
        if (!t->slots[i].canon)
            continue;
        size_t j = t->slots[i].hash & (cap - 1);
        while (slots[j].canon)
            j = (j + 1) & (cap - 1);
        slots[j] = t->slots[i];
    }
    free(t->slots);
    t->slots = slots;
    t->cap = cap;
    return 1;
}

/* The first item with this key, or NULL after recording item as first. */
static const rl_jnode *table_visit(key_table *t, const char *canon, size_t len,
                                   const rl_jnode *item)
{
    if ((t->n + 1) * 2 > t->cap && !table_grow(t))
        return NULL;
    uint64_t h = rl_fnv1a(RL_FNV1A_INIT, canon, len);
    size_t j = h & (t->cap - 1);
    for (; t->slots[j].canon; j = (j + 1) & (t->cap - 1))
        if (t->slots[j].hash == h && strcmp(t->slots[j].canon, canon) == 0)
            return t->slots[j].first;
    t->slots[j] = (seen){h, strndup(canon, len), item};
    t->n++;
    return NULL;
}

static void table_free(key_table *t)
{
    for (size_t i = 0; i < t->cap; i++)
        free(t->slots[i].canon);
    free(t->slots);
}

static void report_dup(rl_run *run, const rl_value *key, const rl_jnode *item,
                       const rl_jnode *first)
{
    rl_finding f = {0};
    rl_sbuf ptr = RL_SBUF_INIT;
    rl_json_pointer(first, &ptr);
    f.blame = item;
    f.msg = RL_MSG_UNIQUE;
    rl_finding_add(&f, "key", key);
    rl_finding_add(&f, "actual", key);
    rl_finding_add_str(&f, "first", rl_sbuf_str(&ptr));
    rl_run_report(run, &f);
    rl_sbuf_free(&ptr);
}

/* The key of one item; 0 after an evaluation error (already reported). */
static int item_key(rl_run *run, const unique_data *d, const rl_jnode *item, rl_value *key)
{
    if (!d->key) {
        rl_value_from_node(key, item);
        return 1;
    }
    rl_eval_ctx *ctx = rl_run_ctx(run);
    const rl_jnode *saved = ctx->current;
    ctx->current = item;
    int ok = rl_run_eval(run, d->key, key) == 0;
    ctx->current = saved;
    return ok;
}

static rl_outcome check_items(rl_run *run, const unique_data *d, const rl_nodelist *items)
{
    key_table t = {0};
    rl_sbuf canon = RL_SBUF_INIT;
    rl_outcome out = RL_PASS;
    for (size_t i = 0; i < items->n; i++) {
        rl_value key;
        if (!item_key(run, d, items->items[i], &key)) {
            out = RL_FAIL;
            continue;
        }
        if (key.type == RL_VNULL) {
            if ((d->key ? rl_run_missing_expr_at(run, "key", d->key, items->items[i])
                        : rl_run_missing_at(run, "key", "@", items->items[i])) == RL_FAIL)
                out = RL_FAIL;
            continue;
        }
        rl_sbuf_clear(&canon);
        rl_unique_canonical(&key, rl_run_ctx(run)->doc, &canon);
        const rl_jnode *first = table_visit(&t, rl_sbuf_str(&canon), canon.len, items->items[i]);
        if (first) {
            report_dup(run, &key, items->items[i], first);
            out = RL_FAIL;
        }
    }
    rl_sbuf_free(&canon);
    table_free(&t);
    return out;
}

static rl_outcome unique_check(const rl_rule *rule, rl_run *run)
{
    const unique_data *d = rule->data;
    rl_eval_ctx *ctx = rl_run_ctx(run);
    rl_nodelist items;
    rl_nodelist_init(&items);
    rl_error err = {0};
    rl_outcome out;
    if (rl_jpath_eval_until(d->items, ctx->root, rl_run_node(run), &items, &err, ctx->deadline) !=
        0) {
        ctx->err = &err;
        ctx->err_node = NULL;
        rl_run_eval_error(run, rl_jpath_text(d->items));
        out = RL_FAIL;
    } else {
        out = items.n == 0 ? rl_run_missing_at(run, "items", rl_jpath_text(d->items), NULL)
                           : check_items(run, d, &items);
    }
    rl_nodelist_free(&items);
    return out;
}

static const rl_msg messages[] = {RL_MSG_UNIQUE, RL_MSG_COUNT};

const rl_kind rl_kind_unique = {
    "unique", fields, figures, messages, unique_compile, unique_free, unique_check, NULL,
};
