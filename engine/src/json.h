/* json.h — JSON documents read with positions (RFC 8259, strict).
 *
 * A document (rl_jdoc) owns a private copy of its source text, an arena of
 * nodes, and a lazily built line index. Every node knows its parent and its
 * index in the parent, so its JSON Pointer and normalized path can be
 * rebuilt from the node alone, and its byte offset, so line:column (columns
 * in Unicode code points) can be computed when a violation needs it: in
 * bounded time, from checkpoints every 4 KiB (newlines and code points
 * before it, where its line starts) built once per document: 24 bytes per
 * 4 KiB, however many lines (a minified report is one long line; a
 * pretty-printed one has a line per value).
 *
 * Numbers keep what cJSON loses: an integer written without fraction or
 * exponent that fits int64 is exact (RL_JNUM_INT); every number also has
 * its double value (computed from the int64 for those) and the decimals it
 * was written with (95 -> 0, 95.0 -> 1, 94.74 -> 2, 1e3 -> -3).
 *
 * Strings are decoded UTF-8, always NUL-terminated (they may also contain
 * U+0000, so use len). Invalid UTF-8, lone surrogates, control characters,
 * comments, trailing commas, leading zeros and NaN are errors.
 *
 * A document is not thread-safe (the line index is built on demand); nodes
 * may be read by one thread at a time. */
#ifndef RL_JSON_H
#define RL_JSON_H

#include "arena.h"
#include "reportlint_util.h"
#include "sbuf.h"

#include <stddef.h>
#include <stdint.h>

typedef enum rl_jtype {
    RL_JNULL,
    RL_JFALSE,
    RL_JTRUE,
    RL_JNUMBER,
    RL_JSTRING,
    RL_JARRAY,
    RL_JOBJECT
} rl_jtype;

/* number flags */
#define RL_JNUM_INT 1    /* u.i holds the exact value (u.d is not kept) */
#define RL_JNUM_BIGINT 2 /* written as an integer but outside int64 */

#define RL_JSON_DEFAULT_MAX_DEPTH 1000

typedef struct rl_jnode rl_jnode;

/* A member name's length and offset share one word (24 bytes a member,
 * not 32: a big report has millions): names are shorter than 16 MiB and
 * documents smaller than 1 TiB, or the parser refuses them. */
#define RL_JSON_MAX_KEY (((size_t)1 << 24) - 1)
#define RL_JSON_MAX_DOC (((size_t)1 << 40) - 1)

typedef struct rl_jmember {
    const char *key;          /* NUL-terminated, decoded */
    uint64_t key_len : 24;    /* at most RL_JSON_MAX_KEY */
    uint64_t key_offset : 40; /* byte offset of the key's opening quote */
    rl_jnode *value;
} rl_jmember;

/* A node is 32 bytes, not 40 (a big report has millions; issue 16): its
 * type, number flags, decimals and byte offset share one word; a string's
 * length or a container's count is 32 bits (the parser refuses a string
 * of RL_JSON_MAX_STRING bytes or more, a container of RL_JSON_MAX_CHILDREN
 * children or more); a number keeps its exact int64 (RL_JNUM_INT) or its
 * double, not both: the double of an int64 is computed from it, the same
 * value its text reads as. */
#define RL_JSON_MAX_STRING ((size_t)UINT32_MAX)
#define RL_JSON_MAX_CHILDREN ((size_t)UINT32_MAX)

struct rl_jnode {
    uint64_t type : 3;      /* rl_jtype */
    uint64_t flags : 2;     /* RL_JNUM_* for numbers */
    uint64_t decimals : 16; /* numbers: decimals as written, as an int16's bits */
    uint64_t offset : 40;   /* byte offset of the value's first character */
    uint32_t index;         /* position in the parent array or member list */
    uint32_t n;             /* string: bytes; array: items; object: members */
    rl_jnode *parent;       /* NULL for the root */
    union {
        int64_t i; /* numbers with RL_JNUM_INT */
        double d;  /* other numbers */
        const char *s;
        rl_jnode **items;
        rl_jmember *members;
    } u;
};

/* Field accessors. Only the JSON module (json*.c) may touch the fields of
 * rl_jnode and rl_jmember: every other module reads a node through these
 * and builds one through the rl_jn_init_* functions, so that the node's
 * layout can change (issue 16: a big document's tree in less memory)
 * without touching them. No NULL or type checks: the caller knows the
 * type (the checked, public forms are rl_jnode_* in reportlint.h). */
static inline rl_jtype rl_jn_type(const rl_jnode *n)
{
    return (rl_jtype)n->type;
}
/* numbers: RL_JNUM_* */
static inline unsigned rl_jn_flags(const rl_jnode *n)
{
    return n->flags;
}
/* numbers: decimals as written (95 -> 0, 94.74 -> 2, 1e3 -> -3) */
static inline int rl_jn_decimals(const rl_jnode *n)
{
    int d = (int)n->decimals;
    return d > INT16_MAX ? d - 65536 : d;
}
/* numbers: the exact value when rl_jn_flags has RL_JNUM_INT (else 0);
 * the double (of the int64 when exact) */
static inline int64_t rl_jn_int(const rl_jnode *n)
{
    return n->flags & RL_JNUM_INT ? n->u.i : 0;
}
static inline double rl_jn_double(const rl_jnode *n)
{
    return n->flags & RL_JNUM_INT ? (double)n->u.i : n->u.d;
}
/* strings: decoded, NUL-terminated (may hold U+0000: use the length) */
static inline const char *rl_jn_str(const rl_jnode *n)
{
    return n->u.s;
}
static inline size_t rl_jn_str_len(const rl_jnode *n)
{
    return n->n;
}
/* arrays: items; objects: members */
static inline size_t rl_jn_count(const rl_jnode *n)
{
    return n->n;
}
static inline rl_jnode *rl_jn_item(const rl_jnode *n, size_t i)
{
    return n->u.items[i];
}
static inline rl_jmember *rl_jn_member(const rl_jnode *n, size_t i)
{
    return &n->u.members[i];
}
static inline const char *rl_jn_key(const rl_jnode *n, size_t i)
{
    return n->u.members[i].key;
}
static inline size_t rl_jn_key_len(const rl_jnode *n, size_t i)
{
    return n->u.members[i].key_len;
}
static inline size_t rl_jn_key_offset(const rl_jnode *n, size_t i)
{
    return n->u.members[i].key_offset;
}
static inline rl_jnode *rl_jn_value(const rl_jnode *n, size_t i)
{
    return n->u.members[i].value;
}
/* the parent (NULL for the root), the position in it, the byte offset of
 * the value's first character */
static inline rl_jnode *rl_jn_parent(const rl_jnode *n)
{
    return n->parent;
}
static inline size_t rl_jn_index(const rl_jnode *n)
{
    return n->index;
}
static inline size_t rl_jn_offset(const rl_jnode *n)
{
    return n->offset;
}
/* a member: name (NUL-terminated, decoded), its length, the byte offset of
 * its opening quote, the value */
static inline const char *rl_jm_key(const rl_jmember *m)
{
    return m->key;
}
static inline size_t rl_jm_key_len(const rl_jmember *m)
{
    return m->key_len;
}
static inline size_t rl_jm_key_offset(const rl_jmember *m)
{
    return m->key_offset;
}
static inline rl_jnode *rl_jm_value(const rl_jmember *m)
{
    return m->value;
}

/* Nodes made outside a parse (a literal in a rule or a JSONPath filter, a
 * member name checked as a string, a one-item array around a report): no
 * parent; offset where the caller's text has it (0: none). */
static inline void rl_jn_init_literal(rl_jnode *n, rl_jtype t, size_t offset)
{
    *n = (rl_jnode){.type = t, .offset = offset};
}
static inline void rl_jn_init_string(rl_jnode *n, const char *s, size_t len, size_t offset)
{
    *n = (rl_jnode){.type = RL_JSTRING, .offset = offset, .n = (uint32_t)len, .u.s = s};
}
/* i is the exact value when flags has RL_JNUM_INT */
static inline void rl_jn_init_number(rl_jnode *n, int64_t i, double d, unsigned flags, int decimals,
                                     size_t offset)
{
    *n = (rl_jnode){.type = RL_JNUMBER,
                    .flags = flags,
                    .decimals = (uint16_t)(int16_t)decimals,
                    .offset = offset};
    if (flags & RL_JNUM_INT)
        n->u.i = i;
    else
        n->u.d = d;
}
static inline void rl_jn_init_array(rl_jnode *n, rl_jnode **items, size_t count)
{
    *n = (rl_jnode){.type = RL_JARRAY, .n = (uint32_t)count, .u.items = items};
}

struct rl_deadline;

typedef struct rl_json_limits {
    unsigned max_depth; /* 0: RL_JSON_DEFAULT_MAX_DEPTH; at most RL_MAX_DEPTH_LIMIT */
    size_t max_string;  /* bytes in one string; 0: unlimited */
    /* --timeout (deadline.h; NULL: none), checked at every value read: once
   * it has passed parsing fails with "out of time" at the position
   * reached, and deadline->expired tells that failure from a syntax error */
    struct rl_deadline *deadline;
} rl_json_limits;

typedef struct rl_jdoc {
    rl_arena *arena;
    char *src; /* private copy, NUL-terminated; closing quotes overwritten */
    size_t len;
    size_t cap;   /* src holds cap + 1 bytes */
    size_t start; /* 3 when a UTF-8 byte order mark was skipped */
    rl_jnode *root;
    struct rl_jblock *blocks; /* per 4 KiB of src, built on demand: */
    size_t cblocks;           /* newlines, code points, line start */
    int indexed;              /* blocks are built for this text */
    rl_jnode **items;         /* the parser's scratch stacks, kept from parse to */
    size_t citems;            /* parse so that reparsing allocates nothing once */
    rl_jmember *members;      /* they are warm */
    size_t cmembers;
    void *frames; /* the parser's stack of open containers */
    size_t cframes;
    size_t containers;  /* arrays and objects the last parse read (1: the root
                         alone, no nested container to walk) */
    unsigned line_base; /* added to every line rl_jdoc_locate gives (an NDJSON
                         record's line in its file, minus one) */
} rl_jdoc;

/* Parse len bytes (copied). On failure returns NULL and sets err with the
 * line and column where reading stopped (err->offset-like detail in the
 * message). lim may be NULL. */
rl_jdoc *rl_json_parse(const char *src, size_t len, const rl_json_limits *lim, rl_error *err);
/* Same, taking ownership of a malloc'd buffer of at least len+1 bytes. The
 * buffer is freed with the document (or at once on failure). */
rl_jdoc *rl_json_parse_owned(char *src, size_t len, const rl_json_limits *lim, rl_error *err);
void rl_jdoc_free(rl_jdoc *doc);
/* An empty document (root NULL) to rl_jdoc_reparse texts into, its
 * buffers sized for about len bytes. NULL when out of memory. */
rl_jdoc *rl_jdoc_new(size_t len);
/* Parse another text into a document made by rl_json_parse or rl_jdoc_new,
 * reusing its buffers (the hot path of NDJSON: no allocation per record once
 * they are big enough). Every node of the previous text is gone. Returns 0, or
 * -1 with err set; the document is then empty (root NULL) but reusable. */
int rl_jdoc_reparse(rl_jdoc *doc, const char *src, size_t len, const rl_json_limits *lim,
                    rl_error *err);

/* Line and column (both 1-based, column in code points) of a byte offset. */
void rl_jdoc_locate(rl_jdoc *doc, size_t offset, unsigned *line, unsigned *column);
/* The document a node belongs to is not stored in the node; callers keep it. */

/* Accessors. All accept NULL and return NULL / 0 for the wrong type. */
const rl_jnode *rl_json_get(const rl_jnode *obj, const char *key, size_t key_len);
const rl_jnode *rl_json_gets(const rl_jnode *obj, const char *key);
const rl_jmember *rl_json_member(const rl_jnode *obj, const char *key, size_t key_len);

/* Member lookups that remember where they found their name: a small table,
 * owned by one thread, of the index each asking site (a compiled path
 * step, by address) found its name at last; that member is compared first.
 * Records of one NDJSON file mostly keep one member order, so a lookup is
 * then one comparison instead of a scan. A table may be zeroed to start. */
#define RL_JHINT_SLOTS 256
typedef struct rl_jhints {
    struct {
        const void *site;
        size_t index;
    } slot[RL_JHINT_SLOTS];
} rl_jhints;
/* rl_json_get of key in obj, the hint for site checked first and then
 * updated. Only for objects in which no name repeats (a repeated name
 * reads its last member, and the hint may name an earlier one): the
 * caller knows (rl_check_dup_keys). */
const rl_jnode *rl_json_get_hinted(const rl_jnode *obj, const char *key, size_t key_len,
                                   rl_jhints *hints, const void *site);
const rl_jnode *rl_json_at(const rl_jnode *arr, size_t i);
size_t rl_json_size(const rl_jnode *node);
/* The member name under which node sits in its parent object, or NULL. */
const rl_jmember *rl_json_parent_member(const rl_jnode *node);
int rl_json_is_number(const rl_jnode *node);
int rl_json_is_int(const rl_jnode *node);
const char *rl_json_type_name(rl_jtype t);

/* The ancestors of a node below the root, outermost first, ending with the
 * node itself (n 0 for the root): in local when they fit, else malloc'd.
 * Lets walkers rebuild a path without recursing on the depth. 0, or -1
 * out of memory. */
typedef struct rl_jchain {
    const rl_jnode **v;
    size_t n;
    const rl_jnode *local[64];
} rl_jchain;
int rl_json_chain(rl_jchain *c, const rl_jnode *node);
void rl_json_chain_free(rl_jchain *c);

/* RFC 6901 pointer of a node ("" for the root), appended to out. */
void rl_json_pointer(const rl_jnode *node, rl_sbuf *out);
/* The node an RFC 6901 pointer ("" the root, "/a/0", ~0 ~1 escapes) names
 * under root, or NULL. */
const rl_jnode *rl_json_pointer_get(const rl_jnode *root, const char *pointer);
/* The stable pointer of a node: its pointer with every array index
 * replaced by NAME=VALUE when the item is an object with a member NAME
 * (the first of keys[0..n_keys), then "id", "code", "name") whose value
 * is a string or an integer: "/provinces/code=24/communes/id=C-7/staff".
 * Items without such a member keep their index. Appended to out. */
void rl_json_stable_pointer(const rl_jnode *node, const char *const *keys, size_t n_keys,
                            rl_sbuf *out);
/* Append s escaped as an RFC 6901 reference token (~0, ~1). */
void rl_json_pointer_escape(rl_sbuf *out, const char *s, size_t len);

/* A deep copy of node into a (strings too), without positions (offsets
 * 0): a rule's literal outliving the document it was read from. NULL out
 * of memory. Recurses on the depth (a rule's literal: bounded by the
 * reader's depth limit). */
rl_jnode *rl_json_copy(rl_arena *a, const rl_jnode *node);

/* JSON equality: numbers by value (1 == 1.0, exact for int64), strings by
 * bytes, arrays element-wise, objects as unordered member sets. */
int rl_json_equal(const rl_jnode *a, const rl_jnode *b);

/* Compare two numbers by value: <0, 0, >0. */
int rl_json_num_cmp(const rl_jnode *a, const rl_jnode *b);
/* An int64 and a double compared exactly, without rounding the int: <0, 0,
 * >0 (NaN sorts above everything). */
int rl_cmp_int_double(int64_t i, double d);

/* The number's text as written in the source (valid until the doc is freed). */
const char *rl_json_number_text(const rl_jdoc *doc, const rl_jnode *num, size_t *len);

/* Serialize compactly (numbers as written when doc is given, else shortest
 * round-trip form; strings escaped for JSON). */
void rl_json_write(rl_sbuf *out, const rl_jdoc *doc, const rl_jnode *node);
/* Append a JSON string literal (with quotes) for s[0..len). */
void rl_json_write_string(rl_sbuf *out, const char *s, size_t len);
/* Append a double in the shortest form that reads back to the same value
 * (integral values without exponent up to 1e17; NaN/Inf as null). */
void rl_json_write_double(rl_sbuf *out, double d);

/* Decimal text (a JSON number) to double, independent of the C locale. */
double rl_json_strtod(const char *s, size_t len);

#endif
