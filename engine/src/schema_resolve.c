/* schema_resolve.c — identifiers and references: $schema, $id, $anchor,
 * $dynamicAnchor, and resolving a $ref to a schema node.
 *
 * Scanning a document walks every schema position (the subschemas the
 * draft's keywords apply, see rl_ss_each_subschema), so that an "$id" in
 * an enum or const is data, not an identifier. Each schema position gets
 * its rl_snode, queued for compilation; every $id opens a resource (base
 * URI resolved against the enclosing one, RFC 3986), every anchor is
 * registered as "resource-uri#name". A document is fully scanned before
 * anything in it is compiled, so a $ref never depends on the order of
 * keywords. Draft-07: "$id": "#name" is an anchor, and an $id next to a
 * $ref is ignored (as $ref's siblings are).
 *
 * $schema selects the draft and, for a custom metaschema (loaded like any
 * document), the vocabularies its $vocabulary declares; an unknown
 * vocabulary the metaschema requires is a load error. */
#include "schema_int.h"

#include <stdlib.h>
#include <string.h>

#define MAX_META_DEPTH 8

typedef struct dialect_entry {
    const char *uri; /* without the empty fragment */
    uint8_t draft;
} dialect_entry;

static const dialect_entry known_dialects[] = {
    {"https://json-schema.org/draft/2020-12/schema", RL_SCHEMA_DRAFT2020_12},
    {"http://json-schema.org/draft/2020-12/schema", RL_SCHEMA_DRAFT2020_12},
    {"https://json-schema.org/draft/2019-09/schema", RL_SCHEMA_DRAFT2020_12},
    {"http://json-schema.org/draft-07/schema", RL_SCHEMA_DRAFT7},
    {"https://json-schema.org/draft-07/schema", RL_SCHEMA_DRAFT7},
    {"http://json-schema.org/draft-06/schema", RL_SCHEMA_DRAFT7},
    {"http://json-schema.org/draft-04/schema", RL_SCHEMA_DRAFT7},
};

static uint16_t vocabulary_bit(const char *uri)
{
    static const struct {
        const char *name;
        uint16_t bit;
    } vocabs[] = {
        {"core", RL_SV_CORE},
        {"applicator", RL_SV_APPLICATOR},
        {"unevaluated", RL_SV_UNEVALUATED},
        {"validation", RL_SV_VALIDATION},
        {"meta-data", RL_SV_METADATA},
        {"format-annotation", RL_SV_FORMAT_ANNOTATION},
        {"format-assertion", RL_SV_FORMAT_ASSERTION},
        {"format", RL_SV_FORMAT_ANNOTATION},
        {"content", RL_SV_CONTENT},
    };
    static const char *const prefixes[] = {"https://json-schema.org/draft/2020-12/vocab/",
                                           "https://json-schema.org/draft/2019-09/vocab/"};
    for (size_t p = 0; p < 2; p++) {
        size_t n = strlen(prefixes[p]);
        if (strncmp(uri, prefixes[p], n) != 0)
            continue;
        for (size_t i = 0; i < sizeof vocabs / sizeof vocabs[0]; i++)
            if (strcmp(uri + n, vocabs[i].name) == 0)
                return vocabs[i].bit;
    }
    return 0;
}

/* The vocabularies a metaschema's $vocabulary enables. */
static int vocabularies(rl_schema_set *set, const rl_sres *meta, uint16_t *vocab, rl_error *err)
{
    const rl_jnode *v = rl_json_gets(meta->root, "$vocabulary");
    if (!v || rl_jn_type(v) != RL_JOBJECT) {
        *vocab = meta->vocab;
        return 1;
    }
    *vocab = RL_SV_CORE;
    for (size_t i = 0; i < rl_jn_count(v); i++) {
        const rl_jmember *m = rl_jn_member(v, i);
        uint16_t bit = vocabulary_bit(rl_jm_key(m));
        if (!bit && rl_jn_type(rl_jm_value(m)) == RL_JTRUE) {
            rl_ss_fail(set, meta->doc, rl_jm_value(m), err,
                       "the metaschema requires the unknown vocabulary %s", rl_jm_key(m));
            return 0;
        }
        *vocab |= bit;
    }
    return 1;
}

/* Draft and vocabularies named by the "$schema" of obj (a resource root). */
static int dialect(rl_schema_set *set, rl_sdoc *doc, const rl_jnode *obj, uint8_t *draft,
                   uint16_t *vocab, rl_error *err)
{
    const rl_jnode *s = rl_json_gets(obj, "$schema");
    if (!s)
        return 1;
    if (rl_jn_type(s) != RL_JSTRING || !rl_suri_has_scheme(rl_jn_str(s))) {
        rl_ss_fail(set, doc, s, err, "$schema must be an absolute URI");
        return 0;
    }
    size_t n = rl_jn_str_len(s);
    if (n && rl_jn_str(s)[n - 1] == '#')
        n--;
    for (size_t i = 0; i < sizeof known_dialects / sizeof known_dialects[0]; i++)
        if (strlen(known_dialects[i].uri) == n &&
            memcmp(known_dialects[i].uri, rl_jn_str(s), n) == 0) {
            *draft = known_dialects[i].draft;
            *vocab = RL_SV_DEFAULT;
            return 1;
        }
    char *uri = rl_ss_strdup(set, rl_jn_str(s), rl_suri_base_len(rl_jn_str(s)));
    if (!uri || ++set->meta_depth > MAX_META_DEPTH) {
        rl_ss_fail(set, doc, s, err, "metaschema %s: too many nested metaschemas", rl_jn_str(s));
        return 0;
    }
    rl_error inner;
    rl_error_clear(&inner);
    rl_sres *meta = rl_ss_load_uri(set, uri, &inner);
    set->meta_depth--;
    if (!meta) {
        rl_ss_fail(set, doc, s, err, "cannot load the metaschema: %s", inner.message);
        return 0;
    }
    *draft = meta->draft;
    return vocabularies(set, meta, vocab, err);
}

static rl_sres *new_resource(rl_schema_set *set, rl_sdoc *doc, const rl_jnode *root,
                             const char *uri, uint8_t draft, uint16_t vocab)
{
    rl_sres *r = rl_arena_calloc(set->arena, sizeof *r);
    if (!r)
        return NULL;
    r->uri = uri;
    r->root = root;
    r->doc = doc;
    r->draft = draft;
    r->vocab = vocab;
    r->format_assert = set->opts.format_assert || (vocab & RL_SV_FORMAT_ASSERTION);
    return r;
}

static int register_resource(rl_schema_set *set, rl_sres *r, const char *uri, const rl_jnode *at,
                             rl_error *err)
{
    rl_sres *old = rl_strmap_get(&set->resources, uri);
    if (old && old != r) {
        rl_ss_fail(set, r->doc, at, err, "%s is already defined (in %s)", uri, old->doc->name);
        return 0;
    }
    if (rl_strmap_put(&set->resources, uri, r) != 0) {
        rl_error_set(err, 0, 0, "out of memory");
        return 0;
    }
    return 1;
}

static int register_anchor(rl_schema_set *set, rl_sres *res, const rl_jnode *node, const char *name,
                           size_t len, int dynamic, const rl_jnode *at, rl_error *err)
{
    rl_sbuf key = RL_SBUF_INIT;
    rl_sbuf_printf(&key, "%s#%.*s", res->uri, (int)len, name);
    char *k = rl_ss_strdup(set, rl_sbuf_str(&key), key.len);
    rl_sbuf_free(&key);
    rl_sanchor *a = rl_arena_calloc(set->arena, sizeof *a);
    if (!k || !a) {
        rl_error_set(err, 0, 0, "out of memory");
        return 0;
    }
    rl_sanchor *old = rl_strmap_get(&set->anchors, k);
    if (old && old->node != node) {
        rl_ss_fail(set, res->doc, at, err, "anchor %s is defined twice", k);
        return 0;
    }
    a->node = node;
    a->res = res;
    a->dynamic = dynamic || (old && old->dynamic);
    if (rl_strmap_put(&set->anchors, k, a) != 0) {
        rl_error_set(err, 0, 0, "out of memory");
        return 0;
    }
    return 1;
}

/* The $id of obj that counts under draft, or NULL. */
static const rl_jnode *effective_id(const rl_jnode *obj, int draft)
{
    const rl_jnode *id = rl_json_gets(obj, "$id");
    if (!id || rl_jn_type(id) != RL_JSTRING)
        return NULL;
    if (draft == RL_SCHEMA_DRAFT7 && rl_json_gets(obj, "$ref"))
        return NULL;
    return id;
}

/* Give resource r the URI its $id names (resolved against base), and for
 * draft-07 register the anchor a fragment names. */
static int apply_id(rl_schema_set *set, rl_sres *r, const char *base, const rl_jnode *id,
                    rl_error *err)
{
    rl_sbuf abs = RL_SBUF_INIT;
    rl_suri_resolve(base, rl_jn_str(id), &abs);
    const char *full = rl_sbuf_str(&abs);
    size_t blen = rl_suri_base_len(full);
    const char *frag = full + blen + (full[blen] == '#');
    char *uri = NULL;
    int ok = 0;
    if (*frag && r->draft != RL_SCHEMA_DRAFT7)
        rl_ss_fail(set, r->doc, id, err, "$id must not have a fragment ('%s')", rl_jn_str(id));
    else if (!(uri = rl_ss_strdup(set, full, blen)))
        rl_error_set(err, 0, 0, "out of memory");
    else if (register_resource(set, r, uri, id, err)) {
        r->uri = uri;
        ok = !*frag || register_anchor(set, r, r->root, frag, strlen(frag), 0, id, err);
    }
    rl_sbuf_free(&abs);
    return ok;
}

/* Apply obj's $id within res: a new resource (returned), an anchor (draft-07
 * "#name"), or nothing. */
static rl_sres *enter_id(rl_schema_set *set, rl_sres *res, const rl_jnode *obj, rl_error *err)
{
    uint8_t draft = res->draft;
    uint16_t vocab = res->vocab;
    const rl_jnode *id = effective_id(obj, draft);
    if (id && draft == RL_SCHEMA_DRAFT7 && rl_jn_str(id)[0] == '#')
        return register_anchor(set, res, obj, rl_jn_str(id) + 1, rl_jn_str_len(id) - 1, 0, id, err)
                   ? res
                   : NULL;
    if (!id || obj == res->root) /* a document root's $id is applied by rl_ss_add_doc */
        return res;
    if (!dialect(set, res->doc, obj, &draft, &vocab, err))
        return NULL;
    rl_sres *r = new_resource(set, res->doc, obj, NULL, draft, vocab);
    if (!r) {
        rl_error_set(err, 0, 0, "out of memory");
        return NULL;
    }
    return apply_id(set, r, res->uri, id, err) ? r : NULL;
}

static int register_anchors(rl_schema_set *set, rl_snode *s, rl_error *err)
{
    if (s->res->draft == RL_SCHEMA_DRAFT7)
        return 1;
    const rl_jnode *a = rl_json_gets(s->json, "$anchor");
    if (a && rl_jn_type(a) == RL_JSTRING &&
        !register_anchor(set, s->res, s->json, rl_jn_str(a), rl_jn_str_len(a), 0, a, err))
        return 0;
    const rl_jnode *d = rl_json_gets(s->json, "$dynamicAnchor");
    if (!d || rl_jn_type(d) != RL_JSTRING)
        return 1;
    if (!register_anchor(set, s->res, s->json, rl_jn_str(d), rl_jn_str_len(d), 1, d, err))
        return 0;
    rl_sdyn *dyn = rl_arena_calloc(set->arena, sizeof *dyn);
    if (!dyn) {
        rl_error_set(err, 0, 0, "out of memory");
        return 0;
    }
    dyn->name = rl_jn_str(d);
    dyn->node = s;
    dyn->next = s->res->dyn;
    s->res->dyn = dyn;
    return 1;
}

typedef struct scan_ctx {
    rl_schema_set *set;
    rl_sres *res;
    rl_error *err;
} scan_ctx;

static int scan(rl_schema_set *set, const rl_jnode *json, rl_sres *res, rl_error *err);

static int scan_sub(void *ctx, const rl_jnode *sub)
{
    scan_ctx *c = ctx;
    return scan(c->set, sub, c->res, c->err);
}

static int scan(rl_schema_set *set, const rl_jnode *json, rl_sres *res, rl_error *err)
{
    if (rl_strmap_get(&set->nodes, json))
        return 1;
    uint8_t kind = rl_jn_type(json) == RL_JTRUE    ? RL_SN_TRUE
                   : rl_jn_type(json) == RL_JFALSE ? RL_SN_FALSE
                                                   : RL_SN_OBJECT;
    if (kind == RL_SN_OBJECT && rl_jn_type(json) != RL_JOBJECT)
        return 1; /* not a schema: the keyword holding it reports that */
    if (kind == RL_SN_OBJECT && !(res = enter_id(set, res, json, err)))
        return 0;
    rl_snode *s = rl_arena_calloc(set->arena, sizeof *s);
    if (!s || rl_strmap_put(&set->nodes, json, s) != 0) {
        rl_error_set(err, 0, 0, "out of memory");
        return 0;
    }
    s->json = json;
    s->res = res;
    s->kind = kind;
    rl_ss_enqueue(set, s);
    if (kind != RL_SN_OBJECT)
        return 1;
    scan_ctx c = {set, res, err};
    return register_anchors(set, s, err) && rl_ss_each_subschema(json, res->draft, scan_sub, &c);
}

rl_sres *rl_ss_add_doc(rl_schema_set *set, rl_sdoc *doc, const rl_jnode *root, rl_error *err)
{
    uint8_t draft = (uint8_t)set->opts.default_draft;
    uint16_t vocab = RL_SV_DEFAULT;
    if (rl_jn_type(root) != RL_JOBJECT && rl_jn_type(root) != RL_JTRUE &&
        rl_jn_type(root) != RL_JFALSE) {
        rl_ss_fail(set, doc, root, err, "expected a schema (an object or a boolean), got %s",
                   rl_json_type_name(rl_jn_type(root)));
        return NULL;
    }
    if (rl_jn_type(root) == RL_JOBJECT && !dialect(set, doc, root, &draft, &vocab, err))
        return NULL;
    rl_sres *res = new_resource(set, doc, root, doc->uri, draft, vocab);
    if (!res) {
        rl_error_set(err, 0, 0, "out of memory");
        return NULL;
    }
    if (!register_resource(set, res, doc->uri, root, err))
        return NULL;
    const rl_jnode *id = rl_jn_type(root) == RL_JOBJECT ? effective_id(root, draft) : NULL;
    if (id && !(draft == RL_SCHEMA_DRAFT7 && rl_jn_str(id)[0] == '#') &&
        !apply_id(set, res, doc->uri, id, err))
        return NULL;
    return scan(set, root, res, err) ? res : NULL;
}

/* The resource of the nearest scanned ancestor of json. */
static rl_sres *enclosing_resource(rl_schema_set *set, const rl_jnode *json)
{
    for (const rl_jnode *p = rl_jn_parent(json); p; p = rl_jn_parent(p)) {
        rl_snode *s = rl_strmap_get(&set->nodes, p);
        if (s)
            return s->res;
    }
    return NULL;
}

rl_snode *rl_ss_node(rl_schema_set *set, const rl_jnode *json, rl_sres *res, rl_error *err)
{
    rl_snode *s = rl_strmap_get(&set->nodes, json);
    if (s)
        return s;
    rl_sres *owner = enclosing_resource(set, json);
    if (!owner)
        owner = res;
    if (rl_jn_type(json) != RL_JOBJECT && rl_jn_type(json) != RL_JTRUE &&
        rl_jn_type(json) != RL_JFALSE) {
        rl_ss_fail(set, owner->doc, json, err, "expected a schema (an object or a boolean), got %s",
                   rl_json_type_name(rl_jn_type(json)));
        return NULL;
    }
    if (!scan(set, json, owner, err))
        return NULL;
    return rl_strmap_get(&set->nodes, json);
}

/* The JSON node a fragment names in resource target. */
static const rl_jnode *fragment_target(rl_schema_set *set, rl_sres *target, const char *frag,
                                       int *dynamic)
{
    if (!*frag)
        return target->root;
    rl_sbuf dec = RL_SBUF_INIT;
    const rl_jnode *node = NULL;
    if (rl_suri_decode(frag, strlen(frag), &dec)) {
        if (dec.data[0] == '/') {
            node = rl_json_pointer_get(target->root, dec.data);
        } else {
            rl_sbuf key = RL_SBUF_INIT;
            rl_sbuf_printf(&key, "%s#%s", target->uri, dec.data);
            rl_sanchor *a = rl_strmap_get(&set->anchors, rl_sbuf_str(&key));
            rl_sbuf_free(&key);
            if (a) {
                node = a->node;
                *dynamic = a->dynamic;
            }
        }
    }
    rl_sbuf_free(&dec);
    return node;
}

rl_snode *rl_ss_resolve_ref(rl_schema_set *set, rl_sres *res, const rl_jnode *at, const char *ref,
                            int *dynamic, const char **anchor, rl_error *err)
{
    rl_sbuf abs = RL_SBUF_INIT;
    rl_suri_resolve(res->uri, ref, &abs);
    const char *full = rl_sbuf_str(&abs);
    size_t blen = rl_suri_base_len(full);
    char *base = rl_ss_strdup(set, full, blen);
    const char *frag = full + blen + (full[blen] == '#');
    rl_error inner;
    rl_error_clear(&inner);
    rl_sres *target = base ? rl_strmap_get(&set->resources, base) : NULL;
    if (!target && base)
        target = rl_ss_load_uri(set, base, &inner);
    *dynamic = 0;
    const rl_jnode *node = target ? fragment_target(set, target, frag, dynamic) : NULL;
    rl_snode *s = NULL;
    if (!target)
        rl_ss_fail(set, res->doc, at, err, "cannot resolve \"%s\": %s", ref, inner.message);
    else if (!node)
        rl_ss_fail(set, res->doc, at, err, "cannot resolve \"%s\": %s has no %s '%s'", ref,
                   target->uri, *frag == '/' ? "location" : "anchor", frag);
    else
        s = rl_ss_node(set, node, target, err);
    if (s && *dynamic)
        *anchor = rl_ss_strdup(set, frag, strlen(frag));
    rl_sbuf_free(&abs);
    return s;
}
