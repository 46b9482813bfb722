/* schema_int.h — the insides of the JSON Schema module, shared by its
 * schema_*.c files and by nothing else.
 *
 * Model. A loaded document (rl_sdoc) holds schema resources (rl_sres: the
 * document root and every subschema with an $id), each with a base URI, a
 * draft and the vocabularies its metaschema enables. Every JSON node found
 * at a schema position gets one rl_snode (created when the document is
 * scanned, compiled afterwards): a boolean schema, or an object compiled
 * into an array of keyword programs (rl_skw) in evaluation order, each
 * holding its checking function and its already-resolved arguments
 * (subschemas as rl_snode pointers, regexes compiled, numbers parsed).
 *
 * Invariants: after a successful load every rl_snode reachable from a
 * loaded schema — and every $dynamicAnchor of a resource it can enter — is
 * compiled; compiled nodes are never modified again, which is what makes
 * validation thread-safe. The registry tables map absolute URIs (no
 * fragment) to resources, "uri#name" to anchors, and JSON nodes to
 * rl_snodes. */
#ifndef RL_SCHEMA_INT_H
#define RL_SCHEMA_INT_H

#include "arena.h"
#include "error.h"
#include "regex.h"
#include "sbuf.h"
#include "schema.h"
#include "strmap.h"

#include <stdint.h>

/* ---- vocabularies ---------------------------------------------------- */

enum {
    RL_SV_CORE = 1 << 0,
    RL_SV_APPLICATOR = 1 << 1,
    RL_SV_UNEVALUATED = 1 << 2,
    RL_SV_VALIDATION = 1 << 3,
    RL_SV_FORMAT_ANNOTATION = 1 << 4,
    RL_SV_FORMAT_ASSERTION = 1 << 5,
    RL_SV_CONTENT = 1 << 6,
    RL_SV_METADATA = 1 << 7
};
#define RL_SV_DEFAULT                                                                              \
    (RL_SV_CORE | RL_SV_APPLICATOR | RL_SV_UNEVALUATED | RL_SV_VALIDATION |                        \
     RL_SV_FORMAT_ANNOTATION | RL_SV_CONTENT | RL_SV_METADATA)

/* instance types, as bits (keywords say which ones they look at) */
enum {
    RL_ST_NULL = 1 << 0,
    RL_ST_BOOLEAN = 1 << 1,
    RL_ST_NUMBER = 1 << 2,
    RL_ST_STRING = 1 << 3,
    RL_ST_ARRAY = 1 << 4,
    RL_ST_OBJECT = 1 << 5,
    RL_ST_INTEGER = 1 << 6 /* only in "type" masks */
};

/* ---- URIs (schema_uri.c) --------------------------------------------- */

/* Resolve reference ref against the absolute URI base (RFC 3986 §5.2),
 * appending the result to out. */
void rl_suri_resolve(const char *base, const char *ref, rl_sbuf *out);
/* Nonzero when s starts with a scheme ("http:", "urn:", ...). */
int rl_suri_has_scheme(const char *s);
/* Length of s without its fragment (the offset of '#', or strlen). */
size_t rl_suri_base_len(const char *s);
/* Percent-decode s[0..len) into out; 0 on a malformed escape. */
int rl_suri_decode(const char *s, size_t len, rl_sbuf *out);
/* "file://" URI of an absolute path (percent-encoded), appended to out. */
void rl_suri_from_path(const char *abs_path, rl_sbuf *out);
/* Local path of a file: URI (decoded) appended to out; 0 if not one. */
int rl_suri_to_path(const char *uri, rl_sbuf *out);

/* ---- exact decimals (schema_number.c) -------------------------------- */

/* value = (neg ? -1 : 1) * D * 10^exp, where the digits of D are a[0..na)
 * followed by b[0..nb) (the integer and fraction digits as written, so no
 * copy is needed), without leading or trailing zeros; zero has na+nb == 0. */
typedef struct rl_sdec {
    int neg;
    const char *a, *b;
    size_t na, nb;
    long exp;
} rl_sdec;

#define RL_SDEC_BUF 48
/* Read a JSON number's text; 0 when it is not one. out points into text. */
int rl_sdec_parse(const char *text, size_t len, rl_sdec *out);
/* A number node as an exact decimal: its written text when doc is given,
 * else its int64, or its double and written decimals (rendered into buf). */
void rl_sdec_from_node(const rl_jdoc *doc, const rl_jnode *n, char buf[RL_SDEC_BUF], rl_sdec *out);
int rl_sdec_is_integer(const rl_sdec *d);
int rl_sdec_cmp(const rl_sdec *x, const rl_sdec *y); /* <0, 0, >0 */
/* 1 if x is an integer multiple of d (d > 0). xd, dd: the doubles, used
 * only when d has more than 18 significant digits. */
int rl_sdec_multiple_of(const rl_sdec *x, const rl_sdec *d, double xd, double dd);

/* ---- formats (schema_format.c) --------------------------------------- */

typedef int (*rl_sformat_fn)(const char *s, size_t len);
/* The checker for a format name, or NULL when the format is unknown. */
rl_sformat_fn rl_sformat_lookup(const char *name);

/* ---- the registry ----------------------------------------------------- */

typedef struct rl_snode rl_snode;
typedef struct rl_skw rl_skw;

typedef struct rl_sdoc {
    const rl_jdoc *jdoc;
    rl_jdoc *owned;      /* freed with the set, or NULL (caller's document) */
    const char *name;    /* file path or URI, for messages */
    const char *uri;     /* retrieval URI, absolute, no fragment */
    unsigned generation; /* the load that added it (for rollback) */
    struct rl_sdoc *next;
} rl_sdoc;

typedef struct rl_sdyn { /* a $dynamicAnchor of a resource */
    const char *name;
    rl_snode *node;
    struct rl_sdyn *next;
} rl_sdyn;

typedef struct rl_sres {
    const char *uri; /* absolute, no fragment */
    const rl_jnode *root;
    rl_sdoc *doc;
    uint8_t draft;  /* rl_schema_draft */
    uint16_t vocab; /* RL_SV_* */
    int format_assert;
    rl_sdyn *dyn;
} rl_sres;

typedef struct rl_sanchor {
    const rl_jnode *node;
    rl_sres *res;
    int dynamic;
} rl_sanchor;

enum { RL_SN_TRUE, RL_SN_FALSE, RL_SN_OBJECT };
enum { RL_SN_SCANNED, RL_SN_QUEUED, RL_SN_COMPILED };

struct rl_snode {
    const rl_jnode *json;
    rl_sres *res;
    uint8_t kind;   /* RL_SN_* */
    uint8_t state;  /* RL_SN_SCANNED / QUEUED / COMPILED */
    uint8_t uneval; /* has unevaluatedProperties/Items: collects annotations */
    uint8_t color;  /* cycle check */
    rl_skw *kw;
    uint32_t nkw;
    rl_snode *next; /* compile queue */
};

struct rl_schema {
    rl_snode *root;
    rl_schema_set *set;
};

struct rl_schema_set {
    rl_schema_opts opts;
    rl_schema_map_entry *map; /* strings in the arena */
    size_t nmap, map_cap;
    rl_arena *arena;
    rl_sdoc *docs;
    rl_strmap resources;    /* uri -> rl_sres */
    rl_strmap anchors;      /* "uri#name" -> rl_sanchor */
    rl_strmap nodes;        /* const rl_jnode * -> rl_snode (keyed by address) */
    rl_strmap regexes;      /* ECMA pattern text -> rl_regex */
    rl_strmap schemas;      /* root rl_snode -> the rl_schema handed out for it (by address) */
    rl_snode *queue;        /* scanned, waiting to be compiled */
    rl_snode *done;         /* compiled by the current load (until it succeeds) */
    const rl_sdoc *loading; /* the document being loaded (for messages) */
    unsigned generation;
    unsigned inline_count;
    unsigned meta_depth; /* nested metaschema loads */
};

/* schema_set.c: documents */
char *rl_ss_strdup(rl_schema_set *set, const char *s, size_t len);
/* Find or read the document for an absolute URI (no fragment): the schema
 * map, the metaschema directory, file: URIs, the fetch callback. */
rl_sres *rl_ss_load_uri(rl_schema_set *set, const char *uri, rl_error *err);
/* Set err at node's line:column, naming the file when it is not the one
 * being loaded. */
void rl_ss_fail(rl_schema_set *set, const rl_sdoc *doc, const rl_jnode *node, rl_error *err,
                const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* schema_resolve.c: resources, anchors, references */
/* Register a document's resources and anchors, create its nodes. */
rl_sres *rl_ss_add_doc(rl_schema_set *set, rl_sdoc *doc, const rl_jnode *root, rl_error *err);
/* The node for a schema position (scanned on demand within res). */
rl_snode *rl_ss_node(rl_schema_set *set, const rl_jnode *json, rl_sres *res, rl_error *err);
/* Resolve reference ref (as written at `at`, in resource res) to a node.
 * *dynamic is set when the target is a $dynamicAnchor named by the
 * fragment (then *anchor is the name). */
rl_snode *rl_ss_resolve_ref(rl_schema_set *set, rl_sres *res, const rl_jnode *at, const char *ref,
                            int *dynamic, const char **anchor, rl_error *err);

/* schema_compile.c */
int rl_ss_compile_queue(rl_schema_set *set, rl_error *err);
void rl_ss_enqueue(rl_schema_set *set, rl_snode *s);
/* Call fn(ctx, sub) for every subschema position of the schema object obj
 * under draft (what the keywords of that draft apply); stops at a 0. */
int rl_ss_each_subschema(const rl_jnode *obj, int draft, int (*fn)(void *ctx, const rl_jnode *sub),
                         void *ctx);

/* ---- validation -------------------------------------------------------- */

typedef struct rl_sann { /* evaluated members / items of one instance */
    uint64_t *bits;
    size_t n;
} rl_sann;

typedef struct rl_sscope { /* the dynamic scope: resources entered */
    const rl_sres *res;
    const struct rl_sscope *up;
    unsigned sig; /* its $dynamicAnchor bindings (rl_sv_scope_sig) */
} rl_sscope;

#define RL_SSIG_UNKNOWN 0xFFFFFFFFu /* a scope whose bindings are not tracked */
#define RL_SV_EPOCH_MAX 0x3FFFFFFFu
typedef struct rl_svmemo rl_svmemo;

typedef struct rl_svctx {
    const rl_schema_set *set;
    const rl_jdoc *idoc; /* instance document, may be NULL */
    rl_arena *scratch;   /* made on first use */
    unsigned depth, max_depth;
    unsigned hinting; /* inside a "closest alternative" re-evaluation */
    int oom;
    struct rl_deadline *deadline; /* checked at every evaluation; NULL: none */
    int stopped;                  /* the deadline passed: the result means nothing */
    /* The first regex that hit its limits (a pattern, patternProperties):
     * the instance is then invalid whatever `not`, anyOf or `if` make of it,
     * never valid because a match could not be decided. */
    const rl_snode *limit_s;
    const rl_skw *limit_k;
    const rl_jnode *limit_inst;
    rl_svmemo *memo;       /* verdicts and scope signatures (schema_memo.c) */
    unsigned transient;    /* > 0: evaluating a node made for the moment (a member
                              name under propertyNames): its address is reused */
    rl_schema_errors *out; /* the validation's own error list (may be NULL) */
    /* the scratch list of the current "closest alternative" attempt, and
     * the attempt's number (each starts a new one; 0: none yet; from
     * RL_SV_EPOCH_MAX on the memo no longer tells the attempts apart) */
    const rl_schema_errors *hint_errs;
    unsigned hint_epoch;
    size_t charged; /* bytes of errors made, charged to deadline (--max-memory)
                       until the validation ends */
} rl_svctx;

/* Note a regex limit hit (see rl_svctx.limit_*). */
void rl_sv_regex_limit(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_jnode *inst);

typedef struct rl_svcall {
    const rl_jnode *inst;
    const rl_sscope *scope;
    rl_sann *ann;           /* NULL: annotations not wanted */
    rl_schema_errors *errs; /* NULL: only the verdict matters */
} rl_svcall;

/* schema_memo.c: the validation's memo */
/* The signature of scope `up` (a signature) entered into res. */
unsigned rl_sv_scope_sig(rl_svctx *c, unsigned up, const rl_sres *res);
/* 1 and *ok when the verdict of s on the call is known and can stand for
 * an evaluation (its errors, if wanted, already in the wanted list). */
int rl_sv_memo_find(const rl_svctx *c, const rl_snode *s, const rl_svcall *call, int *ok);
/* Remember the verdict of s on the call. */
void rl_sv_memo_keep(rl_svctx *c, const rl_snode *s, const rl_svcall *call, int ok);
void rl_sv_memo_free(rl_svctx *c);

typedef int (*rl_skw_fn)(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call);

typedef struct rl_sprop { /* properties, dependentSchemas, dependentRequired */
    const char *name;
    size_t len;
    rl_snode *sub;        /* NULL for dependentRequired */
    const rl_jnode *list; /* dependentRequired: the array of names */
} rl_sprop;

typedef struct rl_spat { /* patternProperties */
    const rl_regex *re;
    rl_snode *sub;
} rl_spat;

struct rl_skw {
    rl_skw_fn fn;
    const char *name;   /* as reported: "minimum", "dependencies", ... */
    const rl_jnode *at; /* the keyword's value in the schema document */
    uint8_t types;      /* RL_ST_* it applies to; 0: every instance */
    union {
        unsigned types;        /* type */
        const rl_jnode *value; /* enum, const, bounds */
        size_t count;          /* max/min Length/Items/Properties */
        const rl_regex *re;    /* pattern */
        struct {
            rl_sformat_fn fn;
            const char *name;
        } format;
        rl_snode *sub; /* $ref, not, propertyNames, unevaluated* */
        struct {
            rl_snode **v;
            size_t n;
        } list; /* allOf, anyOf, oneOf, prefixItems */
        struct {
            rl_snode *sub;
            size_t start;
        } items; /* items, additionalItems */
        struct {
            rl_snode *sub;
            size_t min, max;
            int has_max;
            const rl_jnode *min_at, *max_at;
        } contains;
        struct {
            rl_snode *cond, *then, *els;
            const rl_jnode *then_at, *else_at;
        } cond;
        struct {
            rl_sprop *v;
            size_t n;
        } props; /* sorted by (len, bytes) */
        struct {
            rl_spat *v;
            size_t n;
        } pats;
        struct {
            const rl_skw *props, *pats;
            rl_snode *sub;
        } addl;
        struct {
            rl_snode *sub;
            const char *anchor;
        } dynref;
    } u;
};

/* schema_validate.c: the walk */
int rl_sv_eval(rl_svctx *c, const rl_snode *s, const rl_svcall *call);
/* Evaluate sub in place (same instance): its annotations are merged into
 * call->ann when it passes. errs overrides call->errs. */
int rl_sv_inplace(rl_svctx *c, const rl_snode *sub, const rl_svcall *call, rl_schema_errors *errs);
/* Evaluate sub against a child instance (no annotations flow back). */
int rl_sv_child(rl_svctx *c, const rl_snode *sub, const rl_jnode *child, const rl_svcall *call,
                rl_schema_errors *errs);
int rl_sv_ann_new(rl_svctx *c, rl_sann *a, size_t n);
void rl_sv_ann_mark(rl_sann *a, size_t i);
void rl_sv_ann_mark_all(rl_sann *a);
int rl_sv_ann_has(const rl_sann *a, size_t i);
void *rl_sv_alloc(rl_svctx *c, size_t n);

/* schema_errors.c: recording errors */
void rl_sv_error(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call,
                 const rl_jnode *inst, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* An error at an explicit schema node (a false schema, "then", ...). */
void rl_sv_error_at(rl_svctx *c, const rl_sres *res, const char *keyword, const rl_jnode *at,
                    rl_schema_errors *errs, const rl_jnode *inst, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
/* Append a short JSON rendering of v (numbers as written), at most max bytes. */
void rl_sv_snippet(rl_sbuf *out, const rl_jdoc *doc, const rl_jnode *v, size_t max);
/* Append the first message of errs (for "closest alternative" hints). */
void rl_sv_first_message(rl_sbuf *out, const rl_schema_errors *errs);
const char *rl_sv_type_name(const rl_svctx *c, const rl_jnode *inst);

/* keyword functions (schema_assert.c, schema_apply.c, schema_validate.c) */
int rl_skw_type(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_enum(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_const(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_multiple_of(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_maximum(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_exclusive_maximum(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_minimum(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_exclusive_minimum(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_max_length(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_min_length(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_pattern(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_format(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_max_items(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_min_items(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_unique_items(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_max_properties(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_min_properties(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_required(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_dependent_required(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);

int rl_skw_ref(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_dynamic_ref(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_all_of(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_any_of(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_one_of(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_not(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_if(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_dependent_schemas(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);

int rl_skw_properties(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_pattern_properties(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_additional_properties(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_property_names(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_prefix_items(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_items(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_contains(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_unevaluated_properties(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);
int rl_skw_unevaluated_items(rl_svctx *, const rl_snode *, const rl_skw *, const rl_svcall *);

/* helpers shared by keyword files */
/* rl_regex_search on a copy of s with zeroed slack: PCRE2's JIT reads a few
 * bytes past the subject, and a JSON string may end where uninitialised
 * arena memory begins (same answer; keeps valgrind clean). */
int rl_sv_search(rl_svctx *c, const rl_regex *re, const char *s, size_t len);
const rl_sprop *rl_sprop_find(const rl_sprop *v, size_t n, const char *name, size_t len);
unsigned rl_sv_type_bits(const rl_svctx *c, const rl_jnode *inst);

#endif
