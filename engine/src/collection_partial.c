/* collection_partial.c — partial states: a result's collection state
 * written as NDJSON and read back (--partial, `reportlint merge`).
 *
 * Format version 1 (schemas/partial-state.schema.json, docs/cross-report.md):
 *
 *   {"reportlint-partial":1,"rules-hash":"<16 hex>","tool":{...}}
 *   {"rule":ID,"group":KEY,"aggs":[AGG...],"gathers":[[GNODE...]...],
 *    "entries":[ENTRY...],"keys":[UKEY...],"dups":[UKEY...]}      one per (rule, group)
 *
 *   KEY    null | boolean | number | string        (group and order keys)
 *   LOC    [file, line, column, pointer]
 *   AGG    {"isum":"<decimal int128>","parts":[double...],"n":N,"double":B,
 *           "null":B,"nonfinite":0|1|2,"error":null|[message, LOC]}
 *   GNODE  [order KEY, value, LOC]
 *   ENTRY  [order KEY, LOC, locale, [VAL...]]      VAL: [tag, [[value, LOC]...]]
 *   UKEY   [canonical key text, LOC, order KEY]
 *
 * Values are JSON as read from the report (numbers as written); doubles are
 * written in the shortest form that reads back to the same bits, so a state
 * read back is the state written, and merging states is merging in memory.
 * Reading is strict: anything else is an error with line and column, and a
 * state whose rules-hash is not the loaded rules' is refused. */
#include "collection.h"
#include "error.h"
#include "result.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#define PARTIAL_VERSION 1

/* ---- writing --------------------------------------------------------------- */

static void put_str(rl_sbuf *b, const char *s)
{
    rl_json_write_string(b, s ? s : "", s ? strlen(s) : 0);
}

static void put_okey(rl_sbuf *b, const rl_okey *k)
{
    if (k->type == RL_OK_STR)
        put_str(b, k->s);
    else
        rl_okey_text(k, b);
}

static void put_loc(rl_sbuf *b, const rl_loc *l)
{
    rl_sbuf_addc(b, '[');
    put_str(b, l->file);
    rl_sbuf_printf(b, ",%u,%u,", l->line, l->col);
    put_str(b, l->pointer);
    rl_sbuf_addc(b, ']');
}

static void put_kept(rl_sbuf *b, const char *json, const rl_loc *loc, int quote)
{
    if (quote)
        put_str(b, json);
    else
        rl_sbuf_adds(b, json);
    rl_sbuf_addc(b, ',');
    put_loc(b, loc);
}

static void put_int128(rl_sbuf *b, __int128 v)
{
    char digits[48];
    size_t n = 0;
    unsigned __int128 u = v < 0 ? -(unsigned __int128)v : (unsigned __int128)v;
    do {
        digits[n++] = (char)('0' + (int)(u % 10));
        u /= 10;
    } while (u);
    rl_sbuf_addc(b, '"');
    if (v < 0)
        rl_sbuf_addc(b, '-');
    while (n)
        rl_sbuf_addc(b, digits[--n]);
    rl_sbuf_addc(b, '"');
}

static void put_agg(rl_sbuf *b, const rl_agg *a)
{
    rl_sbuf_adds(b, "{\"isum\":");
    put_int128(b, a->isum);
    rl_sbuf_adds(b, ",\"parts\":[");
    for (size_t i = 0; i < a->fs.n; i++) {
        if (i)
            rl_sbuf_addc(b, ',');
        rl_json_write_double(b, a->fs.p[i]);
    }
    rl_sbuf_printf(
        b, "],\"n\":%" PRIu64 ",\"double\":%s,\"null\":%s,\"nonfinite\":%d,\"error\":", a->n,
        a->has_double ? "true" : "false", a->has_null ? "true" : "false", a->fs.nonfinite);
    if (a->err) {
        rl_sbuf_addc(b, '[');
        put_kept(b, a->err, &a->err_loc, 1);
        rl_sbuf_addc(b, ']');
    } else {
        rl_sbuf_adds(b, "null");
    }
    rl_sbuf_addc(b, '}');
}

static void put_val(rl_sbuf *b, const rl_val *v)
{
    rl_sbuf_printf(b, "[%d,[", v->tag);
    for (size_t i = 0; i < v->n; i++) {
        rl_sbuf_adds(b, i ? ",[" : "[");
        put_kept(b, v->items[i].json, &v->items[i].loc, v->tag == RL_VAL_ERROR);
        rl_sbuf_addc(b, ']');
    }
    rl_sbuf_adds(b, "]]");
}

static void put_entry(rl_sbuf *b, const rl_entry *e, size_t nv)
{
    rl_sbuf_addc(b, '[');
    put_okey(b, &e->order);
    rl_sbuf_addc(b, ',');
    put_loc(b, &e->at);
    rl_sbuf_addc(b, ',');
    put_str(b, e->locale);
    rl_sbuf_adds(b, ",[");
    for (size_t i = 0; i < nv; i++) {
        if (i)
            rl_sbuf_addc(b, ',');
        put_val(b, &e->vals[i]);
    }
    rl_sbuf_adds(b, "]]");
}

static void put_ukey(rl_sbuf *b, const char *key, const rl_loc *loc, const rl_okey *order)
{
    rl_sbuf_addc(b, '[');
    put_str(b, key);
    rl_sbuf_addc(b, ',');
    put_loc(b, loc);
    rl_sbuf_addc(b, ',');
    put_okey(b, order);
    rl_sbuf_addc(b, ']');
}

static void put_group(rl_sbuf *b, const char *id, const rl_coll *c, const rl_coll_rule *cr,
                      const rl_group *g)
{
    rl_sbuf_adds(b, "{\"rule\":");
    put_str(b, id);
    rl_sbuf_adds(b, ",\"group\":");
    put_okey(b, &g->key);
    rl_sbuf_adds(b, ",\"aggs\":[");
    for (size_t i = 0; i < cr->n_kind[RL_PART_AGG]; i++) {
        if (i)
            rl_sbuf_addc(b, ',');
        put_agg(b, &g->aggs[i]);
    }
    rl_sbuf_adds(b, "],\"gathers\":[");
    for (size_t i = 0; i < cr->n_kind[RL_PART_GATHER]; i++) {
        rl_sbuf_adds(b, i ? ",[" : "[");
        for (size_t k = 0; k < g->gathers[i].n; k++) {
            const rl_gnode *gn = &g->gathers[i].items[k];
            rl_sbuf_adds(b, k ? ",[" : "[");
            put_okey(b, &gn->order);
            rl_sbuf_addc(b, ',');
            put_kept(b, gn->k.json, &gn->k.loc, 0);
            rl_sbuf_addc(b, ']');
        }
        rl_sbuf_addc(b, ']');
    }
    rl_sbuf_adds(b, "],\"entries\":[");
    size_t nv = cr->n_kind[RL_PART_NODE] + cr->n_kind[RL_PART_PREV];
    for (size_t i = 0; i < g->n_entries; i++) {
        if (i)
            rl_sbuf_addc(b, ',');
        put_entry(b, &g->entries[i], nv);
    }
    rl_sbuf_adds(b, "],\"keys\":[");
    int first = 1;
    for (size_t i = 0; i < g->n_keys; i++) {
        if (!first)
            rl_sbuf_addc(b, ',');
        first = 0;
        rl_loc loc;
        const rl_okey *order;
        rl_ukey_first(c, g, i, &loc, &order);
        put_ukey(b, g->keys[i].key, &loc, order);
    }
    rl_sbuf_adds(b, "],\"dups\":[");
    for (size_t i = 0; i < g->n_dups; i++) {
        if (i)
            rl_sbuf_addc(b, ',');
        put_ukey(b, g->keys[g->dups[i].key].key, &g->dups[i].loc, &g->dups[i].order);
    }
    rl_sbuf_adds(b, "]}\n");
}

static int write_rule(FILE *out, const rl_rule *r, const rl_coll *c, const rl_coll_rstate *rs)
{
    rl_group **sorted = rl_coll_sorted_groups(rs);
    if (!sorted)
        return -1;
    int rc = 0;
    rl_sbuf b = RL_SBUF_INIT;
    for (size_t i = 0; i < rs->n && rc == 0; i++) {
        rl_sbuf_clear(&b);
        put_group(&b, r->id, c, r->coll, sorted[i]);
        rc = rl_sbuf_ok(&b) && fwrite(b.data, 1, b.len, out) == b.len ? 0 : -1;
    }
    rl_sbuf_free(&b);
    free(sorted);
    return rc;
}

RL_API int rl_result_write_partial(const rl_result *res, const rl_rules *rules, FILE *out)
{
    if (!res || !rules || !out)
        return -1;
    const rl_coll *c = rl_result_ext_state(res);
    /* Looking up the pending `unique` keys changes the state in form only. */
    if (c && rl_coll_settle((rl_coll *)c) != 0)
        return -1;
    if (fprintf(out,
                "{\"reportlint-partial\":%d,\"rules-hash\":\"%016" PRIx64 "\","
                "\"tool\":{\"name\":\"reportlint\",\"version\":\"%s\"}}\n",
                PARTIAL_VERSION, rules->hash, RL_VERSION) < 0)
        return -1;
    for (size_t i = 0; c && i < rules->n_all; i++) {
        const rl_rule *r = rules->all[i];
        if (r->coll && write_rule(out, r, c, &c->rules[r->coll->index]) != 0)
            return -1;
    }
    return ferror(out) ? -1 : 0;
}

/* ---- reading ------------------------------------------------------------------ */

typedef struct reader {
    rl_coll *c;
    const rl_rules *rules;
    rl_jdoc *doc;
    const char *name;
    unsigned line; /* of the state file */
    rl_error *err;
} reader;

/* An error at node n (NULL: the line) of the line being read. */
static int bad(reader *rd, const rl_jnode *n, const char *what)
{
    unsigned line = 1, col = 1;
    if (n)
        rl_jdoc_locate(rd->doc, rl_jn_offset(n), &line, &col);
    rl_error_set(rd->err, rd->line, col, "%s:%u:%u: %s", rd->name, rd->line, col, what);
    (void)line;
    return -1;
}

static const rl_jnode *item(const rl_jnode *arr, size_t i)
{
    return arr && rl_jn_type(arr) == RL_JARRAY && i < rl_jn_count(arr) ? rl_jn_item(arr, i) : NULL;
}

static int is_array(const rl_jnode *n, size_t len)
{
    return n && rl_jn_type(n) == RL_JARRAY && (len == (size_t)-1 || rl_jn_count(n) == len);
}

static int get_u32(const rl_jnode *n, uint32_t *out)
{
    if (!n || rl_jn_type(n) != RL_JNUMBER || !(rl_jn_flags(n) & RL_JNUM_INT) || rl_jn_int(n) < 0 ||
        rl_jn_int(n) > UINT32_MAX)
        return -1;
    *out = (uint32_t)rl_jn_int(n);
    return 0;
}

static int read_okey(reader *rd, const rl_jnode *n, rl_okey *k)
{
    memset(k, 0, sizeof *k);
    if (!n)
        return bad(rd, NULL, "a key is missing");
    switch (rl_jn_type(n)) {
    case RL_JNULL: k->type = RL_OK_NULL; return 0;
    case RL_JFALSE:
    case RL_JTRUE:
        k->type = RL_OK_BOOL;
        k->i = rl_jn_type(n) == RL_JTRUE;
        return 0;
    case RL_JNUMBER:
        k->type = RL_OK_NUM;
        k->is_int = (rl_jn_flags(n) & RL_JNUM_INT) != 0;
        k->i = rl_jn_int(n);
        k->d = rl_jn_double(n);
        return 0;
    case RL_JSTRING:
        k->type = RL_OK_STR;
        k->s = strndup(rl_jn_str(n), rl_jn_str_len(n));
        return k->s ? 0 : bad(rd, n, "out of memory");
    default: return bad(rd, n, "a key must be null, a boolean, a number or a string");
    }
}

static int read_loc(reader *rd, const rl_jnode *n, rl_loc *loc)
{
    memset(loc, 0, sizeof *loc);
    const rl_jnode *f = item(n, 0), *p = item(n, 3);
    if (!is_array(n, 4) || rl_jn_type(f) != RL_JSTRING || rl_jn_type(p) != RL_JSTRING ||
        get_u32(item(n, 1), &loc->line) || get_u32(item(n, 2), &loc->col))
        return bad(rd, n, "a place must be [file, line, column, pointer]");
    loc->file = rl_coll_intern(rd->c, rl_jn_str(f));
    loc->pointer = rl_coll_intern(rd->c, rl_jn_str(p));
    return loc->file && loc->pointer ? 0 : bad(rd, n, "out of memory");
}

/* [value, LOC]: a kept value (a string's text when quoted). */
static int read_kept(reader *rd, const rl_jnode *v, const rl_jnode *locn, int quoted, rl_kept *k)
{
    memset(k, 0, sizeof *k);
    if (!v || (quoted && rl_jn_type(v) != RL_JSTRING))
        return bad(rd, v, quoted ? "an error message must be a string" : "a value is missing");
    k->json = quoted ? strdup(rl_jn_str(v)) : rl_coll_node_json(rd->doc, v);
    if (!k->json)
        return bad(rd, v, "out of memory");
    if (read_loc(rd, locn, &k->loc) == 0)
        return 0;
    free(k->json);
    memset(k, 0, sizeof *k);
    return -1;
}

static const rl_jnode *member(reader *rd, const rl_jnode *obj, const char *name, rl_jtype type)
{
    const rl_jnode *m = rl_json_gets(obj, name);
    if (m && (rl_jn_type(m) == type || (type == RL_JTRUE && rl_jn_type(m) == RL_JFALSE)))
        return m;
    char what[96];
    snprintf(what, sizeof what, "member \"%s\" is missing or of the wrong type", name);
    bad(rd, m ? m : obj, what);
    return NULL;
}

static int parse_int128(const rl_jnode *n, __int128 *out)
{
    const char *s = rl_jn_str(n);
    int neg = *s == '-';
    s += neg;
    if (!*s || strlen(s) > 39)
        return -1;
    unsigned __int128 u = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return -1;
        u = u * 10 + (unsigned)(*s - '0');
    }
    if (u > ((unsigned __int128)1 << 126))
        return -1;
    *out = neg ? -(__int128)u : (__int128)u;
    return 0;
}

static int read_agg(reader *rd, const rl_jnode *n, rl_agg *a)
{
    const rl_jnode *isum, *parts, *cnt, *dbl, *nul, *nf, *err;
    if (!n || rl_jn_type(n) != RL_JOBJECT)
        return bad(rd, n, "an aggregate must be an object");
    if (!(isum = member(rd, n, "isum", RL_JSTRING)) ||
        !(parts = member(rd, n, "parts", RL_JARRAY)) || !(cnt = member(rd, n, "n", RL_JNUMBER)) ||
        !(dbl = member(rd, n, "double", RL_JTRUE)) || !(nul = member(rd, n, "null", RL_JTRUE)) ||
        !(nf = member(rd, n, "nonfinite", RL_JNUMBER)))
        return -1;
    if (parse_int128(isum, &a->isum) != 0)
        return bad(rd, isum, "\"isum\" must be a decimal integer");
    if (!(rl_jn_flags(cnt) & RL_JNUM_INT) || rl_jn_int(cnt) < 0)
        return bad(rd, cnt, "\"n\" must be a count");
    a->n = (uint64_t)rl_jn_int(cnt);
    a->has_double = rl_jn_type(dbl) == RL_JTRUE;
    a->has_null = rl_jn_type(nul) == RL_JTRUE;
    uint32_t nonfinite;
    if (get_u32(nf, &nonfinite) || nonfinite > 3)
        return bad(rd, nf, "\"nonfinite\" must be 0, 1, 2 or 3");
    for (size_t i = 0; i < rl_jn_count(parts); i++) {
        const rl_jnode *p = rl_jn_item(parts, i);
        if (rl_jn_type(p) != RL_JNUMBER)
            return bad(rd, p, "a partial sum must be a number");
        rl_fsum_add(&a->fs, rl_jn_double(p));
    }
    a->fs.nonfinite |= (int)nonfinite;
    err = rl_json_gets(n, "error");
    if (!err || rl_jn_type(err) == RL_JNULL)
        return err ? 0 : bad(rd, n, "member \"error\" is missing");
    rl_kept k;
    if (!is_array(err, 2) || read_kept(rd, item(err, 0), item(err, 1), 1, &k) != 0)
        return bad(rd, err, "\"error\" must be null or [message, place]");
    a->err = k.json;
    a->err_loc = k.loc;
    return 0;
}

static int read_gathers(reader *rd, const rl_jnode *arr, rl_group *g, size_t n)
{
    if (rl_jn_count(arr) != n)
        return bad(rd, arr, "\"gathers\" does not have one list per kept path of the rule");
    for (size_t s = 0; s < n; s++) {
        const rl_jnode *list = rl_jn_item(arr, s);
        if (!is_array(list, (size_t)-1))
            return bad(rd, list, "a kept path's nodes must be a list");
        for (size_t i = 0; i < rl_jn_count(list); i++) {
            const rl_jnode *gn = rl_jn_item(list, i);
            rl_gnode x = {0};
            if (!is_array(gn, 3))
                return bad(rd, gn, "a kept node must be [order, value, place]");
            if (read_okey(rd, item(gn, 0), &x.order) ||
                read_kept(rd, item(gn, 1), item(gn, 2), 0, &x.k) ||
                rl_gnode_push(&g->gathers[s], &x)) {
                rl_okey_free(&x.order);
                free(x.k.json);
                return -1;
            }
        }
    }
    return 0;
}

static int read_val(reader *rd, const rl_jnode *n, rl_val *v)
{
    uint32_t tag;
    const rl_jnode *items = item(n, 1);
    if (!is_array(n, 2) || get_u32(item(n, 0), &tag) || tag > RL_VAL_ERROR ||
        !is_array(items, (size_t)-1) || (tag != RL_VAL_LIST && rl_jn_count(items) != 1))
        return bad(rd, n, "a value must be [tag, [[value, place]...]]");
    v->tag = (uint8_t)tag;
    v->items = calloc(rl_jn_count(items) ? rl_jn_count(items) : 1, sizeof *v->items);
    if (!v->items)
        return bad(rd, n, "out of memory");
    for (; v->n < rl_jn_count(items); v->n++) {
        const rl_jnode *kv = rl_jn_item(items, v->n);
        if (tag == RL_VAL_DATE && is_array(kv, 2) && rl_jn_type(item(kv, 0)) != RL_JSTRING)
            return bad(rd, kv, "a date value must be a string (YYYY-MM-DD)");
        if (!is_array(kv, 2) ||
            read_kept(rd, item(kv, 0), item(kv, 1), tag == RL_VAL_ERROR, &v->items[v->n]) != 0)
            return bad(rd, kv, "a value must be [value, place]");
    }
    return 0;
}

static int read_entry(reader *rd, const rl_jnode *n, rl_group *g, size_t nv)
{
    rl_entry e = {0};
    const rl_jnode *loc = item(n, 2), *vals = item(n, 3);
    if (!is_array(n, 4) || !loc || rl_jn_type(loc) != RL_JSTRING || !is_array(vals, nv))
        return bad(rd, n, "an entry must be [order, place, locale, [one value per part]]");
    e.locale = rl_coll_intern(rd->c, rl_jn_str(loc));
    e.vals = calloc(nv + 1, sizeof *e.vals);
    if (read_okey(rd, item(n, 0), &e.order) || read_loc(rd, item(n, 1), &e.at) || !e.vals ||
        rl_entry_push(g, &e) != 0) {
        rl_okey_free(&e.order);
        free(e.vals);
        return e.vals ? -1 : bad(rd, n, "out of memory");
    }
    for (size_t i = 0; i < nv; i++)
        if (read_val(rd, rl_jn_item(vals, i), &g->entries[g->n_entries - 1].vals[i]) != 0)
            return -1;
    return 0;
}

static int read_ukeys(reader *rd, const rl_jnode *arr, rl_group *g)
{
    for (size_t i = 0; i < rl_jn_count(arr); i++) {
        const rl_jnode *u = rl_jn_item(arr, i);
        rl_loc loc;
        rl_okey order;
        if (!is_array(u, 3) || rl_jn_type(item(u, 0)) != RL_JSTRING)
            return bad(rd, u, "a key must be [key, place, order]");
        if (read_loc(rd, item(u, 1), &loc))
            return -1;
        int rc = read_okey(rd, item(u, 2), &order);
        if (rc == 0)
            rc = rl_ukey_add(rd->c, g, rl_jn_str(item(u, 0)), &loc, &order);
        rl_okey_free(&order);
        if (rc)
            return rc;
    }
    return 0;
}

static const rl_rule *find_rule(const rl_rules *rules, const char *id)
{
    for (size_t i = 0; i < rules->n_all; i++)
        if (rules->all[i]->coll && strcmp(rules->all[i]->id, id) == 0)
            return rules->all[i];
    return NULL;
}

static int read_group(reader *rd, const rl_jnode *root)
{
    const rl_jnode *id, *aggs, *gathers, *entries, *keys, *dups;
    if (rl_jn_type(root) != RL_JOBJECT)
        return bad(rd, root, "a state line must be an object");
    if (!(id = member(rd, root, "rule", RL_JSTRING)) ||
        !(aggs = member(rd, root, "aggs", RL_JARRAY)) ||
        !(gathers = member(rd, root, "gathers", RL_JARRAY)) ||
        !(entries = member(rd, root, "entries", RL_JARRAY)) ||
        !(keys = member(rd, root, "keys", RL_JARRAY)) ||
        !(dups = member(rd, root, "dups", RL_JARRAY)))
        return -1;
    const rl_rule *r = find_rule(rd->rules, rl_jn_str(id));
    if (!r)
        return bad(rd, id, "no loaded collection rule has this id");
    const rl_coll_rule *cr = r->coll;
    rl_okey key;
    if (read_okey(rd, rl_json_gets(root, "group"), &key) != 0)
        return -1;
    rl_group *g = rl_coll_group(rd->c, &rd->c->rules[cr->index], &key);
    rl_okey_free(&key);
    if (!g)
        return bad(rd, root, "out of memory");
    if (rl_jn_count(aggs) != cr->n_kind[RL_PART_AGG])
        return bad(rd, aggs, "\"aggs\" does not have one aggregate per total of the rule");
    for (size_t i = 0; i < rl_jn_count(aggs); i++) {
        rl_agg a = {0};
        int rc = read_agg(rd, rl_jn_item(aggs, i), &a);
        if (rc == 0)
            rc = rl_agg_merge(&g->aggs[i], &a, rd->c);
        free(a.fs.p);
        free(a.err);
        if (rc)
            return -1;
    }
    size_t nv = cr->n_kind[RL_PART_NODE] + cr->n_kind[RL_PART_PREV];
    if (read_gathers(rd, gathers, g, cr->n_kind[RL_PART_GATHER]) != 0)
        return -1;
    for (size_t i = 0; i < rl_jn_count(entries); i++)
        if (read_entry(rd, rl_jn_item(entries, i), g, nv) != 0)
            return -1;
    return read_ukeys(rd, keys, g) || read_ukeys(rd, dups, g) ? -1 : 0;
}

static int read_header(reader *rd, const rl_jnode *root)
{
    const rl_jnode *v = rl_json_gets(root, "reportlint-partial");
    const rl_jnode *h = rl_json_gets(root, "rules-hash");
    if (rl_jn_type(root) != RL_JOBJECT || !v || rl_jn_type(v) != RL_JNUMBER)
        return bad(rd, root,
                   "not a reportlint partial state (the first line must be "
                   "{\"reportlint-partial\": 1, \"rules-hash\": ...})");
    if (!(rl_jn_flags(v) & RL_JNUM_INT) || rl_jn_int(v) != PARTIAL_VERSION) {
        char what[160];
        snprintf(what, sizeof what,
                 "partial state format version %g is not one this reportlint reads (%d)",
                 rl_jn_double(v), PARTIAL_VERSION);
        return bad(rd, v, what);
    }
    char want[17];
    snprintf(want, sizeof want, "%016" PRIx64, rd->rules->hash);
    if (!h || rl_jn_type(h) != RL_JSTRING)
        return bad(rd, root, "member \"rules-hash\" is missing or not a string");
    if (strcmp(rl_jn_str(h), want) != 0) {
        char what[256];
        snprintf(what, sizeof what,
                 "written by another rule set version (rules-hash %.20s; the rules "
                 "loaded now have %s): merge with the -r and --param the shards "
                 "were checked with",
                 rl_jn_str(h), want);
        return bad(rd, h, what);
    }
    return 0;
}

/* The next line of text[*at..len) (without its newline); 0 at the end. */
static int next_line(const char *text, size_t len, size_t *at, const char **s, size_t *n)
{
    if (*at >= len)
        return 0;
    const char *nl = memchr(text + *at, '\n', len - *at);
    *s = text + *at;
    *n = nl ? (size_t)(nl - *s) : len - *at;
    *at += *n + (nl != NULL);
    if (*n && (*s)[*n - 1] == '\r')
        (*n)--;
    return 1;
}

static int read_lines(reader *rd, const char *text, size_t len)
{
    size_t at = 0, n;
    const char *s;
    int header = 0;
    while (next_line(text, len, &at, &s, &n)) {
        rd->line++;
        if (n == 0)
            continue;
        rl_error perr = {0};
        rl_jdoc_free(rd->doc);
        rd->doc = rl_json_parse(s, n, NULL, &perr);
        if (!rd->doc) {
            rl_error_set(rd->err, rd->line, perr.column, "%s:%u:%u: invalid JSON: %s", rd->name,
                         rd->line, perr.column, perr.message);
            return -1;
        }
        if (!header ? read_header(rd, rd->doc->root) : read_group(rd, rd->doc->root))
            return -1;
        header = 1;
    }
    if (!header) {
        rl_error_set(rd->err, 1, 1, "%s:1:1: empty: not a reportlint partial state", rd->name);
        return -1;
    }
    return 0;
}

RL_API int rl_result_read_partial(rl_result *res, const rl_rules *rules, const char *name,
                                  const char *text, size_t len, rl_error *err)
{
    rl_error scratch;
    if (!err)
        err = &scratch;
    rl_error_clear(err);
    reader rd = {NULL, rules, NULL, name ? name : "-", 0, err};
    if (!res || !rules || !text) {
        rl_error_set(err, 0, 0, "rl_result_read_partial: no result, rules or text");
        return -1;
    }
    rd.c = rl_coll_new(rules);
    int rc = rd.c ? read_lines(&rd, text, len) : -1;
    rl_jdoc_free(rd.doc);
    if (rc == 0) {
        rl_coll *dst = rl_coll_of(res, rules);
        rc = dst && rl_coll_merge(dst, rd.c) == 0 ? 0 : -1;
        if (rc)
            rl_error_set(err, 0, 0, "%s: out of memory", rd.name);
    } else if (!rd.c) {
        rl_error_set(err, 0, 0, "%s: out of memory", rd.name);
    }
    rl_coll_free(rd.c);
    return rc;
}
