/* schema_set.c — the schema set: options, the schema map, documents, and
 * the public load functions.
 *
 * Documents come from files (rl_schema_load_file, and $refs to file: URIs,
 * which is what relative refs from a file resolve to), from the schema map
 * (URI prefix -> directory; the metaschema directory is mapped the same
 * way), or from the fetch callback; nothing touches the network.
 *
 * Each public load is one "generation": the documents it reads are tagged
 * with it, and when the load fails they are forgotten again (removed from
 * the registry tables, freed), so a failed load leaves the set as it was. */
#include "io.h"
#include "array.h"
#include "schema_int.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_MAX_DEPTH 4096

char *rl_ss_strdup(rl_schema_set *set, const char *s, size_t len)
{
    return rl_arena_strndup(set->arena, s, len);
}

int rl_schema_set_add_map(rl_schema_set *set, const char *prefix, const char *dir, rl_error *err)
{
    if (!prefix || !rl_suri_has_scheme(prefix) || !dir || !*dir) {
        rl_error_set(err, 0, 0, "schema map: expected URL=DIR with an absolute URL (got '%s=%s')",
                     prefix ? prefix : "", dir ? dir : "");
        return 0;
    }
    if (set->nmap == set->map_cap) {
        size_t cap = set->map_cap ? set->map_cap * 2 : 8;
        rl_schema_map_entry *m = rl_array_resize(set->map, cap, sizeof *m);
        if (!m) {
            rl_error_set(err, 0, 0, "out of memory");
            return 0;
        }
        set->map = m;
        set->map_cap = cap;
    }
    rl_schema_map_entry *e = &set->map[set->nmap];
    e->prefix = rl_ss_strdup(set, prefix, strlen(prefix));
    e->dir = rl_ss_strdup(set, dir, strlen(dir));
    if (!e->prefix || !e->dir) {
        rl_error_set(err, 0, 0, "out of memory");
        return 0;
    }
    set->nmap++;
    return 1;
}

int rl_schema_set_add_map_arg(rl_schema_set *set, const char *arg, rl_error *err)
{
    const char *eq = arg ? strchr(arg, '=') : NULL;
    if (!eq) {
        rl_error_set(err, 0, 0, "schema map: expected URL=DIR, got '%s'", arg ? arg : "");
        return 0;
    }
    char *prefix = rl_ss_strdup(set, arg, (size_t)(eq - arg));
    return prefix && rl_schema_set_add_map(set, prefix, eq + 1, err);
}

static int add_meta_maps(rl_schema_set *set, const char *meta_dir)
{
    static const char *const maps[][2] = {
        {"https://json-schema.org/draft/2020-12/", "draft2020-12"},
        {"http://json-schema.org/draft-07/", "draft-07"},
        {"https://json-schema.org/draft-07/", "draft-07"},
    };
    for (size_t i = 0; i < sizeof maps / sizeof maps[0]; i++) {
        rl_sbuf dir = RL_SBUF_INIT;
        rl_sbuf_printf(&dir, "%s/%s", meta_dir, maps[i][1]);
        int ok = rl_sbuf_ok(&dir) && rl_schema_set_add_map(set, maps[i][0], dir.data, NULL);
        rl_sbuf_free(&dir);
        if (!ok)
            return 0;
    }
    return 1;
}

rl_schema_set *rl_schema_set_new(const rl_schema_opts *opts)
{
    rl_schema_set *set = calloc(1, sizeof *set);
    if (!set)
        return NULL;
    if (opts)
        set->opts = *opts;
    set->opts.map = NULL;
    set->opts.nmap = 0;
    if (!set->opts.max_depth)
        set->opts.max_depth = DEFAULT_MAX_DEPTH;
    set->arena = rl_arena_new(0);
    set->resources = set->anchors = set->regexes = (rl_strmap)RL_STRMAP_INIT;
    set->nodes = set->schemas = (rl_strmap)RL_PTRMAP_INIT;
    int ok = set->arena != NULL;
    for (size_t i = 0; ok && opts && i < opts->nmap; i++)
        ok = rl_schema_set_add_map(set, opts->map[i].prefix, opts->map[i].dir, NULL);
    if (ok && opts && opts->meta_dir)
        ok = add_meta_maps(set, opts->meta_dir);
    if (!ok) {
        rl_schema_set_free(set);
        return NULL;
    }
    return set;
}

static void free_doc(rl_sdoc *d)
{
    rl_jdoc_free(d->owned);
}

void rl_schema_set_free(rl_schema_set *set)
{
    if (!set)
        return;
    for (rl_sdoc *d = set->docs; d; d = d->next)
        free_doc(d);
    for (size_t i = 0; i < set->regexes.cap; i++)
        if (set->regexes.slots[i].key)
            rl_regex_free(set->regexes.slots[i].value);
    rl_strmap_free(&set->resources);
    rl_strmap_free(&set->anchors);
    rl_strmap_free(&set->nodes);
    rl_strmap_free(&set->regexes);
    rl_strmap_free(&set->schemas);
    free(set->map);
    rl_arena_free(set->arena);
    free(set);
}

void rl_ss_fail(rl_schema_set *set, const rl_sdoc *doc, const rl_jnode *node, rl_error *err,
                const char *fmt, ...)
{
    char msg[sizeof err->message];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    unsigned line = 0, col = 0;
    if (doc && node)
        rl_jdoc_locate((rl_jdoc *)doc->jdoc, rl_jn_offset(node), &line, &col);
    if (doc && doc != set->loading) /* the location is in another file: say which */
        rl_error_set(err, 0, 0, "%s:%u:%u: %s", doc->name, line, col, msg);
    else
        rl_error_set(err, line, col, "%s", msg);
}

/* ---- documents ----------------------------------------------------------- */

/* A schema file, whole, through the rules' file policy (NULL with *st
 * saying why); "-" is a file name here. */
static char *read_file(const rl_schema_set *set, const char *path, size_t *len, rl_io_status *st)
{
    char *text = NULL;
    if (strcmp(path, "-") == 0)
        path = "./-";
    return rl_io_read(set->opts.io, RL_FILE_SCHEMA, path, &text, len, rl_io_max(set->opts.io),
                      st) == 0
               ? text
               : NULL;
}

/* Why a schema file was not read, for messages. */
static const char *read_error(const rl_io_status *st, char *buf, size_t size)
{
    if (st->errnum == EFBIG)
        snprintf(buf, size, "larger than the limit for rule sets, schemas and reference files");
    else
        snprintf(buf, size, "%s", rl_io_reason(st));
    return buf;
}

static rl_sdoc *new_doc(rl_schema_set *set, const rl_jdoc *jdoc, rl_jdoc *owned, const char *name,
                        const char *uri)
{
    rl_sdoc *d = rl_arena_calloc(set->arena, sizeof *d);
    if (!d)
        return NULL;
    d->jdoc = jdoc;
    d->owned = owned;
    d->name = rl_ss_strdup(set, name, strlen(name));
    d->uri = rl_ss_strdup(set, uri, strlen(uri));
    d->generation = set->generation;
    d->next = set->docs;
    set->docs = d;
    unsigned line, col; /* build the line index now: validation only reads it */
    rl_jdoc_locate((rl_jdoc *)jdoc, 0, &line, &col);
    return d->name && d->uri ? d : NULL;
}

/* Parse text (owned) as the document for uri; add it to the registry. */
static rl_sres *add_text(rl_schema_set *set, char *text, size_t len, const char *name,
                         const char *uri, rl_error *err)
{
    rl_error perr;
    rl_error_clear(&perr);
    rl_json_limits lim = {.deadline = set->opts.deadline};
    rl_jdoc *jdoc = rl_json_parse_owned(text, len, &lim, &perr);
    if (!jdoc && !set->loading) {
        rl_error_set(err, perr.line, perr.column, "%s", perr.message);
        return NULL;
    }
    if (!jdoc) {
        rl_error_set(err, 0, 0, "%s:%u:%u: %s", name, perr.line, perr.column, perr.message);
        return NULL;
    }
    rl_sdoc *doc = new_doc(set, jdoc, jdoc, name, uri);
    if (!doc) {
        rl_jdoc_free(jdoc);
        rl_error_set(err, 0, 0, "out of memory");
        return NULL;
    }
    if (!set->loading)
        set->loading = doc;
    return rl_ss_add_doc(set, doc, jdoc->root, err);
}

/* The longest map entry covering uri, as a file path in out. */
static const rl_schema_map_entry *map_path(const rl_schema_set *set, const char *uri, rl_sbuf *out)
{
    const rl_schema_map_entry *best = NULL;
    for (size_t i = 0; i < set->nmap; i++) {
        size_t n = strlen(set->map[i].prefix);
        if (strncmp(uri, set->map[i].prefix, n) == 0 && (!best || n > strlen(best->prefix)))
            best = &set->map[i];
    }
    if (!best)
        return NULL;
    const char *rest = uri + strlen(best->prefix);
    rl_sbuf rel = RL_SBUF_INIT;
    int ok = *rest && rl_suri_decode(rest, strlen(rest), &rel) && !strstr(rl_sbuf_str(&rel), "..");
    if (ok) {
        size_t dl = strlen(best->dir);
        int slash = best->dir[dl - 1] == '/' || rel.data[0] == '/';
        rl_sbuf_printf(out, "%s%s%s", best->dir, slash ? "" : "/", rel.data);
    }
    rl_sbuf_free(&rel);
    return ok ? best : NULL;
}

static char *read_mapped(const rl_schema_set *set, const char *path, size_t *len, rl_sbuf *used,
                         rl_io_status *st)
{
    char *text = read_file(set, path, len, st);
    rl_sbuf_clear(used);
    rl_sbuf_adds(used, path);
    if (!text && st->errnum == ENOENT) {
        rl_sbuf_adds(used, ".json");
        text = read_file(set, rl_sbuf_str(used), len, st);
    }
    return text;
}

rl_sres *rl_ss_load_uri(rl_schema_set *set, const char *uri, rl_error *err)
{
    rl_sres *res = rl_strmap_get(&set->resources, uri);
    if (res)
        return res;
    rl_sbuf path = RL_SBUF_INIT, used = RL_SBUF_INIT;
    char *text = NULL, why[sizeof(((rl_io_status *)0)->why)];
    size_t len = 0;
    rl_io_status st = {0};
    const char *name = uri;
    if (map_path(set, uri, &path)) {
        text = read_mapped(set, rl_sbuf_str(&path), &len, &used, &st);
        name = rl_sbuf_str(&used);
    } else if (rl_suri_to_path(uri, &path)) {
        text = read_file(set, rl_sbuf_str(&path), &len, &st);
        name = rl_sbuf_str(&path);
    } else if (set->opts.fetch) {
        text = set->opts.fetch(set->opts.fetch_ctx, uri, &len);
    }
    if (text) {
        res = add_text(set, text, len, name, uri, err);
        if (res && !rl_strmap_get(&set->resources, uri))
            res = NULL, rl_error_set(err, 0, 0, "%s does not define %s", name, uri);
    } else if (path.len) {
        rl_error_set(err, 0, 0, "cannot read %s for %s: %s", rl_sbuf_str(&path), uri,
                     read_error(&st, why, sizeof why));
    } else {
        rl_error_set(err, 0, 0,
                     "no local copy of %s (add a --schema-map entry; nothing is fetched "
                     "from the network)",
                     uri);
    }
    rl_sbuf_free(&path);
    rl_sbuf_free(&used);
    return res;
}

/* ---- loads and rollback ---------------------------------------------------- */

static int keep_res(void *v, void *ctx)
{
    return ((rl_sres *)v)->doc->generation != *(unsigned *)ctx;
}

static int keep_anchor(void *v, void *ctx)
{
    return keep_res(((rl_sanchor *)v)->res, ctx);
}

static int keep_node(void *v, void *ctx)
{
    return keep_res(((rl_snode *)v)->res, ctx);
}

static int keep_schema(void *v, void *ctx)
{
    return keep_node(((rl_schema *)v)->root, ctx);
}

/* Forget what the failed load added. Nodes of older documents that it
 * queued or compiled stay queued: the next load compiles them (again). */
static void rollback(rl_schema_set *set)
{
    unsigned gen = set->generation;
    rl_snode *retry = NULL;
    for (int pass = 0; pass < 2; pass++) {
        for (rl_snode *s = pass ? set->done : set->queue, *next; s; s = next) {
            next = s->next;
            if (s->res->doc->generation != gen) { /* may point into what goes away */
                s->state = RL_SN_QUEUED;
                s->kw = NULL;
                s->nkw = 0;
                s->next = retry;
                retry = s;
            }
        }
    }
    set->queue = retry;
    set->done = NULL;
    rl_strmap_filter(&set->resources, keep_res, &gen);
    rl_strmap_filter(&set->anchors, keep_anchor, &gen);
    rl_strmap_filter(&set->nodes, keep_node, &gen);
    rl_strmap_filter(&set->schemas, keep_schema, &gen);
    rl_sdoc **link = &set->docs;
    while (*link) {
        rl_sdoc *d = *link;
        if (d->generation == gen) {
            *link = d->next;
            free_doc(d);
        } else {
            link = &d->next;
        }
    }
}

/* Start a load: what it adds is tagged with a new generation. */
static void begin(rl_schema_set *set)
{
    set->generation++;
    set->loading = NULL;
    set->meta_depth = 0;
}

/* Compile what the load queued; the schema for root, or NULL (rolled back). */
static const rl_schema *finish(rl_schema_set *set, rl_sres *res, const rl_jnode *root,
                               rl_error *err)
{
    rl_schema *schema = NULL;
    if (res && rl_ss_compile_queue(set, err)) {
        rl_snode *node = rl_strmap_get(&set->nodes, root);
        schema = rl_strmap_get(&set->schemas, node);
        if (!schema && (schema = rl_arena_calloc(set->arena, sizeof *schema))) {
            schema->root = node;
            schema->set = set;
            if (rl_strmap_put(&set->schemas, node, schema) != 0)
                schema = NULL;
        }
        if (!schema)
            rl_error_set(err, 0, 0, "out of memory");
    }
    if (!schema)
        rollback(set);
    set->loading = NULL;
    return schema;
}

const rl_schema *rl_schema_load_file(rl_schema_set *set, const char *path, rl_error *err)
{
    begin(set);
    char abs[PATH_MAX];
    if (!realpath(path, abs)) {
        rl_error_set(err, 0, 0, "cannot open schema %s: %s", path, strerror(errno));
        return NULL;
    }
    rl_sbuf uri = RL_SBUF_INIT;
    rl_suri_from_path(abs, &uri);
    rl_sres *res = rl_strmap_get(&set->resources, rl_sbuf_str(&uri));
    if (!res) {
        size_t len;
        rl_io_status st;
        char why[sizeof st.why];
        char *text = read_file(set, path, &len, &st);
        if (text)
            res = add_text(set, text, len, path, rl_sbuf_str(&uri), err);
        else
            rl_error_set(err, 0, 0, "cannot read schema %s: %s", path,
                         read_error(&st, why, sizeof why));
    }
    rl_sbuf_free(&uri);
    return finish(set, res, res ? res->root : NULL, err);
}

/* The base URI of an in-memory schema: name when it is an absolute URI,
 * else a unique one that no file or map entry can provide. */
static void base_uri_for(rl_schema_set *set, const char *name, rl_sbuf *uri)
{
    if (name && rl_suri_has_scheme(name))
        rl_sbuf_add(uri, name, rl_suri_base_len(name));
    else
        rl_sbuf_printf(uri, "reportlint:/inline/%u/schema.json", ++set->inline_count);
}

const rl_schema *rl_schema_load_text(rl_schema_set *set, const char *text, size_t len,
                                     const char *name, rl_error *err)
{
    begin(set);
    rl_sbuf uri = RL_SBUF_INIT;
    base_uri_for(set, name, &uri);
    char *copy = malloc(len + 1);
    rl_sres *res = NULL;
    if (copy) {
        memcpy(copy, text, len);
        res = add_text(set, copy, len, name ? name : rl_sbuf_str(&uri), rl_sbuf_str(&uri), err);
    } else {
        rl_error_set(err, 0, 0, "out of memory");
    }
    rl_sbuf_free(&uri);
    return finish(set, res, res ? res->root : NULL, err);
}

const rl_schema *rl_schema_load_node(rl_schema_set *set, const rl_jdoc *jdoc, const rl_jnode *node,
                                     const char *base_uri, rl_error *err)
{
    begin(set);
    rl_snode *known = rl_strmap_get(&set->nodes, node);
    if (known && known->state == RL_SN_COMPILED)
        return finish(set, known->res, node, err);
    rl_sbuf uri = RL_SBUF_INIT;
    base_uri_for(set, base_uri, &uri);
    rl_sres *res = NULL;
    rl_sdoc *doc = new_doc(set, jdoc, NULL, base_uri ? base_uri : rl_sbuf_str(&uri),
                           rl_sbuf_str(&uri));
    if (doc) {
        set->loading = doc;
        res = rl_ss_add_doc(set, doc, node, err);
    } else {
        rl_error_set(err, 0, 0, "out of memory");
    }
    rl_sbuf_free(&uri);
    return finish(set, res, node, err);
}

rl_schema_draft rl_schema_get_draft(const rl_schema *schema)
{
    return (rl_schema_draft)schema->root->res->draft;
}

const char *rl_schema_base_uri(const rl_schema *schema)
{
    return schema->root->res->uri;
}
