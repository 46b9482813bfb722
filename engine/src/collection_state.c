/* collection_state.c — the state collection rules keep (collection.h):
 * interned strings, groups by key, exact sums, kept values, `unique` keys,
 * and merging two states.
 *
 * Invariants: every string a state holds is its own (file names and
 * locales interned, the rest malloc'd); merging copies, so src is left as
 * it was; nothing here depends on the order things were added in, except
 * the order of entries and kept nodes, which the judge sorts. */
#include "collection.h"
#include "array.h"
#include "hash.h"
#include "result.h"

#include <math.h>
#include <sys/mman.h>
#include <stdlib.h>
#include <string.h>

/* ---- interned strings --------------------------------------------------- */

RL_COLL_COLD static int intern_grow(rl_coll *c)
{
    size_t cap = c->cap_strings ? 2 * c->cap_strings : 32;
    char **s = calloc(cap, sizeof *s);
    if (!s)
        return -1;
    for (size_t i = 0; i < c->cap_strings; i++) {
        if (!c->strings[i])
            continue;
        size_t j = rl_fnv1a(RL_FNV1A_INIT, c->strings[i], strlen(c->strings[i])) & (cap - 1);
        while (s[j])
            j = (j + 1) & (cap - 1);
        s[j] = c->strings[i];
    }
    free(c->strings);
    c->strings = s;
    c->cap_strings = cap;
    return 0;
}

const char *rl_coll_intern(rl_coll *c, const char *s)
{
    if (!s)
        return NULL;
    for (unsigned i = 0; i < 4; i++) /* one of ours, given back (a place's file, say) */
        if (c->recent[i] == s)
            return s;
    for (unsigned i = 0; i < 4; i++)
        if (c->recent[i] && strcmp(c->recent[i], s) == 0)
            return c->recent[i];
    if ((c->n_strings + 1) * 2 > c->cap_strings && intern_grow(c) != 0)
        return NULL;
    size_t j = rl_fnv1a(RL_FNV1A_INIT, s, strlen(s)) & (c->cap_strings - 1);
    for (; c->strings[j]; j = (j + 1) & (c->cap_strings - 1))
        if (strcmp(c->strings[j], s) == 0)
            break;
    if (!c->strings[j]) {
        if (!(c->strings[j] = strdup(s)))
            return NULL;
        c->n_strings++;
    }
    c->recent[c->next_recent++ & 3] = c->strings[j];
    return c->strings[j];
}

/* ---- keys and places ---------------------------------------------------- */

static int cmp_num(const rl_okey *a, const rl_okey *b)
{
    if (a->is_int && b->is_int)
        return (a->i > b->i) - (a->i < b->i);
    if (a->is_int)
        return rl_cmp_int_double(a->i, b->d);
    if (b->is_int)
        return -rl_cmp_int_double(b->i, a->d);
    return (a->d > b->d) - (a->d < b->d);
}

int rl_okey_cmp(const rl_okey *a, const rl_okey *b)
{
    if (a->type != b->type)
        return a->type < b->type ? -1 : 1;
    switch ((rl_okey_type)a->type) {
    case RL_OK_NULL: return 0;
    case RL_OK_BOOL: return (a->i > b->i) - (a->i < b->i);
    case RL_OK_NUM: return cmp_num(a, b);
    case RL_OK_STR: return strcmp(a->s, b->s);
    }
    return 0;
}

int rl_okey_copy(rl_okey *dst, const rl_okey *src)
{
    *dst = *src;
    dst->borrowed = 0;
    if (src->s && !(dst->s = strdup(src->s)))
        return -1;
    return 0;
}

void rl_okey_free(rl_okey *k)
{
    if (!k->borrowed)
        free(k->s);
    k->s = NULL;
}

void rl_okey_text(const rl_okey *k, rl_sbuf *out)
{
    switch ((rl_okey_type)k->type) {
    case RL_OK_NULL: rl_sbuf_adds(out, "null"); break;
    case RL_OK_BOOL: rl_sbuf_adds(out, k->i ? "true" : "false"); break;
    case RL_OK_NUM:
        if (k->is_int)
            rl_sbuf_add_int(out, k->i);
        else
            rl_json_write_double(out, k->d);
        break;
    case RL_OK_STR: rl_sbuf_adds(out, k->s); break;
    }
}

/* Equal keys hash alike: numbers by their double value (-0 as 0). */
uint64_t rl_okey_hash(const rl_okey *k)
{
    uint64_t h = rl_fnv1a(RL_FNV1A_INIT, &k->type, 1);
    double d;
    switch ((rl_okey_type)k->type) {
    case RL_OK_BOOL: return rl_fnv1a(h, &k->i, sizeof k->i);
    case RL_OK_NUM:
        d = k->is_int ? (double)k->i : k->d;
        if (d == 0)
            d = 0;
        return rl_fnv1a(h, &d, sizeof d);
    case RL_OK_STR: return rl_fnv1a(h, k->s, strlen(k->s));
    default: return h;
    }
}

int rl_loc_cmp(const rl_loc *a, const rl_loc *b)
{
    int c = strcmp(a->file ? a->file : "", b->file ? b->file : "");
    if (c)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return strcmp(a->pointer ? a->pointer : "", b->pointer ? b->pointer : "");
}

int rl_loc_copy(rl_coll *c, rl_loc *dst, const rl_loc *src)
{
    *dst = *src;
    dst->file = rl_coll_intern(c, src->file);
    dst->pointer = rl_coll_intern(c, src->pointer);
    return (src->file && !dst->file) || (src->pointer && !dst->pointer) ? -1 : 0;
}

/* ---- exact sums --------------------------------------------------------- */

void rl_fsum_add(rl_fsum *s, double x)
{
    if (!isfinite(x)) {
        s->nonfinite |= isnan(x) || x > 0 ? 1 : 2;
        return;
    }
    size_t i = 0;
    for (size_t j = 0; j < s->n; j++) {
        double y = s->p[j];
        if (fabs(x) < fabs(y)) {
            double t = x;
            x = y;
            y = t;
        }
        double hi = x + y, lo = y - (hi - x);
        if (lo != 0.0)
            s->p[i++] = lo;
        x = hi;
    }
    if (i >= s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 4;
        double *p = rl_array_resize(s->p, cap, sizeof *p);
        if (!p) {
            s->nonfinite |= 1;
            return;
        }
        s->p = p;
        s->cap = cap;
    }
    s->p[i++] = x;
    s->n = i;
}

/* The correctly rounded sum of the partials (Python's math.fsum). */
double rl_fsum_value(const rl_fsum *s)
{
    if (s->nonfinite)
        return s->nonfinite == 2 ? -INFINITY : INFINITY;
    size_t n = s->n;
    if (n == 0)
        return 0.0;
    double hi = s->p[--n], lo = 0.0;
    while (n > 0) {
        double x = hi, y = s->p[--n];
        hi = x + y;
        double yr = hi - x;
        lo = y - yr;
        if (lo != 0.0)
            break;
    }
    if (n > 0 && ((lo < 0.0 && s->p[n - 1] < 0.0) || (lo > 0.0 && s->p[n - 1] > 0.0))) {
        double y = lo * 2.0, x = hi + y, yr = x - hi;
        if (y == yr)
            hi = x;
    }
    return hi;
}

void rl_agg_add_int(rl_agg *a, int64_t i)
{
    a->isum += i;
}

int rl_agg_merge(rl_agg *dst, const rl_agg *src, rl_coll *c)
{
    dst->isum += src->isum;
    dst->n += src->n;
    dst->has_double |= src->has_double;
    dst->has_null |= src->has_null;
    for (size_t i = 0; i < src->fs.n; i++)
        rl_fsum_add(&dst->fs, src->fs.p[i]);
    dst->fs.nonfinite |= src->fs.nonfinite;
    if (src->err && (!dst->err || rl_loc_cmp(&src->err_loc, &dst->err_loc) < 0)) {
        free(dst->err);
        dst->err = strdup(src->err);
        if (!dst->err || rl_loc_copy(c, &dst->err_loc, &src->err_loc) != 0)
            return -1;
    }
    return 0;
}

static void agg_free(rl_agg *a)
{
    free(a->fs.p);
    free(a->err);
}

/* ---- kept values -------------------------------------------------------- */

void rl_val_free(rl_val *v)
{
    for (size_t i = 0; i < v->n; i++) {
        free(v->items[i].json);
    }
    free(v->items);
    v->items = NULL;
    v->n = 0;
}

static int kept_copy(rl_coll *c, rl_kept *dst, const rl_kept *src)
{
    dst->json = strdup(src->json);
    int rc = rl_loc_copy(c, &dst->loc, &src->loc);
    return dst->json && rc == 0 ? 0 : -1;
}

int rl_val_copy(rl_coll *c, rl_val *dst, const rl_val *src)
{
    dst->tag = src->tag;
    dst->n = 0;
    dst->items = src->n ? calloc(src->n, sizeof *dst->items) : NULL;
    if (src->n && !dst->items)
        return -1;
    for (; dst->n < src->n; dst->n++)
        if (kept_copy(c, &dst->items[dst->n], &src->items[dst->n]) != 0)
            return -1;
    return 0;
}

static int grow(void **items, size_t *cap, size_t n, size_t size)
{
    void *more = rl_array_grow(*items, cap, n + 1, size);
    if (!more)
        return -1;
    *items = more;
    return 0;
}

int rl_entry_push(rl_group *g, rl_entry *e)
{
    if (grow((void **)&g->entries, &g->cap_entries, g->n_entries, sizeof *e) != 0)
        return -1;
    g->entries[g->n_entries++] = *e;
    return 0;
}

int rl_gnode_push(rl_glist *l, rl_gnode *gn)
{
    if (grow((void **)&l->items, &l->cap, l->n, sizeof *gn) != 0)
        return -1;
    l->items[l->n++] = *gn;
    return 0;
}

/* ---- unique keys -------------------------------------------------------- */

#define HUGE_PAGE ((size_t)2 << 20)

/* cap empty slots. A big index is probed at random, one slot per key:
 * on 2 MiB pages where the system has them (one TLB entry, not 512). */
static rl_uslot *slots_alloc(size_t cap)
{
    size_t size = cap * sizeof(rl_uslot);
#ifdef MADV_HUGEPAGE
    if (size >= HUGE_PAGE) {
        void *p = aligned_alloc(HUGE_PAGE, size);
        if (p) {
            madvise(p, size, MADV_HUGEPAGE);
            memset(p, 0, size);
        }
        return p;
    }
#endif
    return calloc(cap, sizeof(rl_uslot));
}

/* The keys are a dense array in insertion order; the index over them is
 * small slots (an index and the key's hash), so a new key touches one
 * slot and appends, whatever the number of keys, and growing the index
 * reads the slots only. */
RL_COLL_COLD static int uslots_grow(rl_group *g)
{
    size_t cap = g->cap_slots ? 2 * g->cap_slots : 64;
    if (cap > (size_t)UINT32_MAX + 1)
        return -1;
    rl_uslot *s = slots_alloc(cap);
    if (!s)
        return -1;
    for (size_t i = 0; i < g->cap_slots; i++) {
        if (!g->slots[i].idx1)
            continue;
        size_t j = g->slots[i].hash & (cap - 1);
        while (s[j].idx1)
            j = (j + 1) & (cap - 1);
        s[j] = g->slots[i];
    }
    free(g->slots);
    g->slots = s;
    g->cap_slots = cap;
    return 0;
}

static uint32_t ukey_hash(const char *key, size_t len)
{
    uint64_t h = rl_fnv1a(RL_FNV1A_INIT, key, len);
    return (uint32_t)(h ^ (h >> 32));
}

/* The slot of key (hash h): holding it, or the empty one it would take. */
static size_t uslot_of(const rl_group *g, const char *key, uint32_t h)
{
    size_t j = h & (g->cap_slots - 1);
    for (; g->slots[j].idx1; j = (j + 1) & (g->cap_slots - 1))
        if (g->slots[j].hash == h && strcmp(g->keys[g->slots[j].idx1 - 1].key, key) == 0)
            break;
    return j;
}

/* The index of key in g->keys, or -1. */
static long ukey_index(const rl_group *g, const char *key)
{
    if (!g->cap_slots)
        return -1;
    size_t j = uslot_of(g, key, ukey_hash(key, strlen(key)));
    return g->slots[j].idx1 ? (long)g->slots[j].idx1 - 1 : -1;
}

/* ---- places: interned (file, pointer) pairs ---- */

static size_t place_hash(const char *file, const char *pointer)
{
    const char *p[2] = {file, pointer};
    return (size_t)rl_fnv1a(RL_FNV1A_INIT, p, sizeof p);
}

RL_COLL_COLD static int places_grow(rl_coll *c)
{
    size_t cap = c->cap_place_index ? 2 * c->cap_place_index : 16;
    uint32_t *ix = calloc(cap, sizeof *ix);
    if (!ix)
        return -1;
    for (size_t i = 0; i < c->n_places; i++) {
        size_t j = place_hash(c->places[i].file, c->places[i].pointer) & (cap - 1);
        while (ix[j])
            j = (j + 1) & (cap - 1);
        ix[j] = (uint32_t)(i + 1);
    }
    free(c->place_index);
    c->place_index = ix;
    c->cap_place_index = cap;
    return 0;
}

/* The index of loc's (file, pointer) among the places (added if new), or
 * -1 on OOM. The strings are interned (ukey_put): compared by address. */
static long place_of(rl_coll *c, const rl_loc *loc)
{
    const char *file = loc->file, *ptr = loc->pointer;
    const rl_place *last = c->last_place ? &c->places[c->last_place - 1] : NULL;
    if (last && last->file == file && last->pointer == ptr)
        return (long)c->last_place - 1;
    if ((c->n_places + 1) * 2 > c->cap_place_index && places_grow(c) != 0)
        return -1;
    size_t j = place_hash(file, ptr) & (c->cap_place_index - 1);
    for (; c->place_index[j]; j = (j + 1) & (c->cap_place_index - 1)) {
        const rl_place *p = &c->places[c->place_index[j] - 1];
        if (p->file == file && p->pointer == ptr)
            return (long)(c->last_place = c->place_index[j]) - 1;
    }
    if (c->n_places >= UINT32_MAX - 1 ||
        grow((void **)&c->places, &c->cap_places, c->n_places, sizeof *c->places) != 0)
        return -1;
    c->places[c->n_places].file = file;
    c->places[c->n_places].pointer = ptr;
    c->place_index[j] = (uint32_t)++c->n_places;
    c->last_place = (uint32_t)c->n_places;
    return (long)c->n_places - 1;
}

static const rl_okey no_order; /* null */

static const rl_okey *ukey_order(const rl_group *g, size_t i)
{
    return g->key_orders ? &g->key_orders[i] : &no_order;
}

void rl_ukey_first(const rl_coll *c, const rl_group *g, size_t i, rl_loc *loc,
                   const rl_okey **order)
{
    const rl_ukey *k = &g->keys[i];
    loc->file = c->places[k->place].file;
    loc->pointer = c->places[k->place].pointer;
    loc->line = k->line;
    loc->col = k->col;
    *order = ukey_order(g, i);
}

/* Key i's first place and order become loc and order. */
static int ukey_set_first(rl_coll *c, rl_group *g, size_t i, const rl_loc *loc,
                          const rl_okey *order)
{
    long place = place_of(c, loc);
    if (place < 0)
        return -1;
    g->keys[i].place = (uint32_t)place;
    g->keys[i].line = loc->line;
    g->keys[i].col = loc->col;
    if (!g->key_orders && order->type == RL_OK_NULL)
        return 0;
    if (!g->key_orders && !(g->key_orders = calloc(g->cap_keys, sizeof *g->key_orders)))
        return -1;
    rl_okey_free(&g->key_orders[i]);
    return rl_okey_copy(&g->key_orders[i], order);
}

static int keys_grow(rl_group *g)
{
    size_t cap = g->cap_keys;
    if (grow((void **)&g->keys, &g->cap_keys, g->n_keys, sizeof *g->keys) != 0)
        return -1;
    if (!g->key_orders || cap == g->cap_keys)
        return 0;
    rl_okey *o = rl_array_resize(g->key_orders, g->cap_keys, sizeof *o);
    if (!o)
        return -1;
    memset(o + cap, 0, (g->cap_keys - cap) * sizeof *o);
    g->key_orders = o;
    return 0;
}

/* key's text, packed in the group's blocks (no alignment, no header). */
static const char *key_text(rl_group *g, const char *key, size_t len)
{
    if (g->text_left < len + 1) {
        size_t size = len + 1 > 64 * 1024 ? len + 1 : 64 * 1024;
        if (!g->key_text && !(g->key_text = rl_arena_new(size)))
            return NULL;
        if (!(g->text_at = rl_arena_alloc(g->key_text, size)))
            return NULL;
        g->text_left = size;
    }
    char *t = g->text_at;
    memcpy(t, key, len);
    t[len] = '\0';
    g->text_at += len + 1;
    g->text_left -= len + 1;
    return t;
}

static int dup_push(rl_coll *c, rl_group *g, size_t key, const rl_loc *loc, const rl_okey *order)
{
    if (grow((void **)&g->dups, &g->cap_dups, g->n_dups, sizeof *g->dups) != 0)
        return -1;
    rl_udup *d = &g->dups[g->n_dups];
    memset(d, 0, sizeof *d);
    d->key = (uint32_t)key;
    int rc = rl_loc_copy(c, &d->loc, loc) | rl_okey_copy(&d->order, order);
    g->n_dups++;
    return rc == 0 ? 0 : -1;
}

/* (order, place) of a and b. */
static int first_cmp(const rl_okey *oa, const rl_loc *a, const rl_okey *ob, const rl_loc *b)
{
    int c = rl_okey_cmp(oa, ob);
    return c ? c : rl_loc_cmp(a, b);
}

/* key seen again at loc: the least place stays first, every other is a dup. */
RL_COLL_COLD static int ukey_again(rl_coll *c, rl_group *g, size_t i, const rl_loc *loc,
                                   const rl_okey *order)
{
    rl_loc first;
    const rl_okey *first_order;
    rl_ukey_first(c, g, i, &first, &first_order);
    if (first_cmp(order, loc, first_order, &first) >= 0)
        return dup_push(c, g, i, loc, order);
    if (dup_push(c, g, i, &first, first_order) != 0)
        return -1;
    return ukey_set_first(c, g, i, loc, order);
}

/* Record key (len bytes, hash h) at loc (its strings interned in c);
 * stored: its text, already the last in key_text (given back when the key
 * is not new), or NULL. */
static int ukey_put(rl_coll *c, rl_group *g, const char *key, size_t len, uint32_t h,
                    const rl_loc *loc, const rl_okey *order, const char *stored)
{
    if (((g->n_keys + 1) * 2 > g->cap_slots && uslots_grow(g) != 0) || keys_grow(g) != 0 ||
        g->n_keys >= UINT32_MAX - 1)
        return -1;
    size_t j = uslot_of(g, key, h);
    if (g->slots[j].idx1) {
        if (stored && g->text_at == stored + len + 1) {
            g->text_at -= len + 1;
            g->text_left += len + 1;
        }
        return ukey_again(c, g, g->slots[j].idx1 - 1, loc, order);
    }
    rl_ukey *k = &g->keys[g->n_keys];
    memset(k, 0, sizeof *k);
    if (!(k->key = stored ? stored : key_text(g, key, len)) ||
        ukey_set_first(c, g, g->n_keys, loc, order) != 0)
        return -1;
    g->slots[j].idx1 = (uint32_t)(g->n_keys + 1);
    g->slots[j].hash = h;
    g->n_keys++;
    return 0;
}

int rl_ukey_add(rl_coll *c, rl_group *g, const char *key, const rl_loc *loc, const rl_okey *order)
{
    size_t len = strlen(key);
    rl_loc at;
    if (rl_loc_copy(c, &at, loc) != 0)
        return -1;
    return ukey_put(c, g, key, len, ukey_hash(key, len), &at, order, NULL);
}

int rl_ukey_feed(rl_coll *c, rl_group *g, const char *key, const rl_loc *loc, const rl_okey *order)
{
    size_t len = strlen(key);
    uint32_t h = ukey_hash(key, len);
    if (g->cap_slots)
        __builtin_prefetch(&g->slots[h & (g->cap_slots - 1)]);
    if (c->n_pending == RL_UPENDING && rl_coll_settle(c) != 0)
        return -1;
    if (!c->pending && !(c->pending = malloc(RL_UPENDING * sizeof *c->pending)))
        return -1;
    rl_upending *p = &c->pending[c->n_pending];
    if (!(p->key = key_text(g, key, len)) || rl_okey_copy(&p->order, order) != 0)
        return -1;
    p->g = g;
    p->hash = h;
    p->loc = *loc;
    c->n_pending++;
    return 0;
}

int rl_coll_settle(rl_coll *c)
{
    int rc = 0;
    for (size_t i = 0; i < c->n_pending; i++) {
        rl_upending *p = &c->pending[i];
        if (rc == 0)
            rc = ukey_put(c, p->g, p->key, strlen(p->key), p->hash, &p->loc, &p->order, p->key);
        rl_okey_free(&p->order);
    }
    c->n_pending = 0;
    return rc;
}

/* ---- groups ------------------------------------------------------------- */

RL_COLL_COLD static rl_group *group_new(const rl_coll_rule *cr, const rl_okey *key)
{
    rl_group *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    size_t na = cr->n_kind[RL_PART_AGG], ng = cr->n_kind[RL_PART_GATHER];
    g->aggs = calloc(na ? na : 1, sizeof *g->aggs);
    g->gathers = calloc(ng ? ng : 1, sizeof *g->gathers);
    if (!g->aggs || !g->gathers || rl_okey_copy(&g->key, key) != 0) {
        free(g->aggs);
        free(g->gathers);
        free(g);
        return NULL;
    }
    return g;
}

static void entry_free(rl_entry *e, const rl_coll_rule *cr)
{
    size_t nv = cr->n_kind[RL_PART_NODE] + cr->n_kind[RL_PART_PREV];
    for (size_t i = 0; e->vals && i < nv; i++)
        rl_val_free(&e->vals[i]);
    free(e->vals);
    rl_okey_free(&e->order);
}

static void group_free(rl_group *g, const rl_coll_rule *cr)
{
    for (size_t i = 0; i < cr->n_kind[RL_PART_AGG]; i++)
        agg_free(&g->aggs[i]);
    for (size_t i = 0; i < cr->n_kind[RL_PART_GATHER]; i++) {
        for (size_t k = 0; k < g->gathers[i].n; k++) {
            rl_gnode *gn = &g->gathers[i].items[k];
            free(gn->k.json);
            rl_okey_free(&gn->order);
        }
        free(g->gathers[i].items);
    }
    for (size_t i = 0; i < g->n_entries; i++)
        entry_free(&g->entries[i], cr);
    for (size_t i = 0; g->key_orders && i < g->n_keys; i++)
        rl_okey_free(&g->key_orders[i]);
    for (size_t i = 0; i < g->n_dups; i++)
        rl_okey_free(&g->dups[i].order);
    free(g->key_orders);
    free(g->aggs);
    free(g->gathers);
    free(g->entries);
    free(g->keys);
    free(g->slots);
    rl_arena_free(g->key_text);
    free(g->dups);
    rl_okey_free(&g->key);
    free(g);
}

RL_COLL_COLD static int index_grow(rl_coll_rstate *rs)
{
    size_t cap = rs->cap_index ? 2 * rs->cap_index : 16;
    size_t *ix = calloc(cap, sizeof *ix);
    if (!ix)
        return -1;
    for (size_t i = 0; i < rs->n; i++) {
        size_t j = rs->groups[i]->hash & (cap - 1);
        while (ix[j])
            j = (j + 1) & (cap - 1);
        ix[j] = i + 1;
    }
    free(rs->index);
    rs->index = ix;
    rs->cap_index = cap;
    return 0;
}

rl_group *rl_coll_group_hashed(rl_coll_rstate *rs, const rl_okey *key, uint64_t hash)
{
    if ((rs->n + 1) * 2 > rs->cap_index && index_grow(rs) != 0)
        return NULL;
    size_t j = hash & (rs->cap_index - 1);
    for (; rs->index[j]; j = (j + 1) & (rs->cap_index - 1)) {
        rl_group *g = rs->groups[rs->index[j] - 1];
        if (g->hash == hash && rl_okey_cmp(&g->key, key) == 0)
            return g;
    }
    if (grow((void **)&rs->groups, &rs->cap, rs->n, sizeof *rs->groups) != 0)
        return NULL;
    rl_group *g = group_new(rs->cr, key);
    if (!g)
        return NULL;
    g->hash = hash;
    rs->groups[rs->n++] = g;
    rs->index[j] = rs->n;
    return g;
}

rl_group *rl_coll_group(rl_coll *c, rl_coll_rstate *rs, const rl_okey *key)
{
    (void)c;
    return rl_coll_group_hashed(rs, key, rl_okey_hash(key));
}

/* ---- the state ---------------------------------------------------------- */

rl_coll *rl_coll_new(const rl_rules *rules)
{
    rl_coll *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->rules_hash = rules->hash;
    c->n_rules = rules->n_coll;
    c->rules = calloc(c->n_rules ? c->n_rules : 1, sizeof *c->rules);
    if (!c->rules) {
        free(c);
        return NULL;
    }
    for (size_t i = 0; i < rules->n_all; i++)
        if (rules->all[i]->coll)
            c->rules[rules->all[i]->coll->index].cr = rules->all[i]->coll;
    return c;
}

void rl_coll_free(rl_coll *c)
{
    if (!c)
        return;
    for (size_t r = 0; r < c->n_rules; r++) {
        for (size_t i = 0; i < c->rules[r].n; i++)
            group_free(c->rules[r].groups[i], c->rules[r].cr);
        free(c->rules[r].groups);
        free(c->rules[r].index);
    }
    free(c->rules);
    rl_sbuf_free(&c->scratch);
    rl_sbuf_free(&c->canon);
    for (size_t i = 0; i < c->n_pending; i++)
        rl_okey_free(&c->pending[i].order);
    free(c->pending);
    rl_nodelist_free(&c->nodes);
    for (size_t i = 0; i < c->cap_strings; i++)
        free(c->strings[i]);
    free(c->places);
    free(c->place_index);
    free(c->strings);
    free(c);
}

static int entry_copy(rl_coll *c, const rl_coll_rule *cr, rl_entry *dst, const rl_entry *src)
{
    size_t nv = cr->n_kind[RL_PART_NODE] + cr->n_kind[RL_PART_PREV];
    memset(dst, 0, sizeof *dst);
    dst->locale = rl_coll_intern(c, src->locale);
    dst->vals = calloc(nv ? nv : 1, sizeof *dst->vals);
    if (!dst->vals || rl_okey_copy(&dst->order, &src->order) || rl_loc_copy(c, &dst->at, &src->at))
        return -1;
    for (size_t i = 0; i < nv; i++)
        if (rl_val_copy(c, &dst->vals[i], &src->vals[i]) != 0)
            return -1;
    return 0;
}

static int gathers_merge(rl_coll *c, rl_glist *dst, const rl_glist *src)
{
    for (size_t k = 0; k < src->n; k++) {
        rl_gnode gn = {0};
        if (rl_okey_copy(&gn.order, &src->items[k].order) ||
            kept_copy(c, &gn.k, &src->items[k].k) || rl_gnode_push(dst, &gn))
            return -1;
    }
    return 0;
}

static int group_merge(rl_coll *c, const rl_coll_rule *cr, rl_group *dst, const rl_coll *src_c,
                       const rl_group *src)
{
    for (size_t i = 0; i < cr->n_kind[RL_PART_AGG]; i++)
        if (rl_agg_merge(&dst->aggs[i], &src->aggs[i], c) != 0)
            return -1;
    for (size_t i = 0; i < cr->n_kind[RL_PART_GATHER]; i++)
        if (gathers_merge(c, &dst->gathers[i], &src->gathers[i]) != 0)
            return -1;
    for (size_t i = 0; i < src->n_entries; i++) {
        rl_entry e;
        if (entry_copy(c, cr, &e, &src->entries[i]) != 0 || rl_entry_push(dst, &e) != 0)
            return -1;
    }
    for (size_t i = 0; i < src->n_keys; i++) {
        rl_loc first;
        const rl_okey *order;
        rl_ukey_first(src_c, src, i, &first, &order);
        if (rl_ukey_add(c, dst, src->keys[i].key, &first, order))
            return -1;
    }
    for (size_t i = 0; i < src->n_dups; i++) {
        long k = ukey_index(dst, src->keys[src->dups[i].key].key);
        if (k < 0 || dup_push(c, dst, (size_t)k, &src->dups[i].loc, &src->dups[i].order) != 0)
            return -1;
    }
    return 0;
}

static int cmp_group(const void *a, const void *b)
{
    return rl_okey_cmp(&(*(rl_group *const *)a)->key, &(*(rl_group *const *)b)->key);
}

rl_group **rl_coll_sorted_groups(const rl_coll_rstate *rs)
{
    rl_group **sorted = malloc((rs->n ? rs->n : 1) * sizeof *sorted);
    if (sorted && rs->n) { /* memcpy and qsort take no null pointer, even for 0 items */
        memcpy(sorted, rs->groups, rs->n * sizeof *sorted);
        qsort(sorted, rs->n, sizeof *sorted, cmp_group);
    }
    return sorted;
}

char *rl_coll_node_json(const rl_jdoc *doc, const rl_jnode *node)
{
    rl_sbuf b = RL_SBUF_INIT;
    rl_json_write(&b, doc, node);
    char *s = strdup(rl_sbuf_str(&b));
    rl_sbuf_free(&b);
    return s;
}

int rl_coll_merge(rl_coll *dst, const rl_coll *src)
{
    /* Looking up pending keys changes what a state holds in form only. */
    if (rl_coll_settle(dst) != 0 || rl_coll_settle((rl_coll *)src) != 0)
        return -1;
    for (size_t r = 0; r < src->n_rules && r < dst->n_rules; r++) {
        rl_coll_rstate *rs = &dst->rules[r];
        for (size_t i = 0; i < src->rules[r].n; i++) {
            const rl_group *sg = src->rules[r].groups[i];
            rl_group *g = rl_coll_group(dst, rs, &sg->key);
            if (!g || group_merge(dst, rs->cr, g, src, sg) != 0)
                return -1;
        }
    }
    return 0;
}

/* ---- kept with a result --------------------------------------------------- */

static void ext_free(void *state)
{
    rl_coll_free(state);
}

static int ext_merge(void **dst, const void *src)
{
    const rl_coll *s = src;
    if (!*dst) {
        rl_coll *c = calloc(1, sizeof *c);
        if (!c || !(c->rules = calloc(s->n_rules ? s->n_rules : 1, sizeof *c->rules))) {
            free(c);
            return -1;
        }
        c->rules_hash = s->rules_hash;
        c->n_rules = s->n_rules;
        for (size_t i = 0; i < s->n_rules; i++)
            c->rules[i].cr = s->rules[i].cr;
        *dst = c;
    }
    return rl_coll_merge(*dst, s);
}

static const rl_result_ext coll_ext = {ext_free, ext_merge};

rl_coll *rl_coll_of(rl_result *res, const rl_rules *rules)
{
    rl_coll *c = rl_result_ext_state(res);
    if (c)
        return c;
    c = rl_coll_new(rules);
    if (c)
        rl_result_set_ext(res, c, &coll_ext);
    return c;
}
