/* check_dupkeys.c — duplicate member names in a report.
 *
 * RFC 8259 says the names within an object SHOULD be unique and leaves a
 * duplicate's meaning to the reader. reportlint reads the last one (as
 * JavaScript and Python do: rl_json_get looks up from the end), and says
 * so: every member whose name repeats an earlier one is an `input` warning
 * at its name, naming where the first is and which value rules read — so a report
 * whose figure appears twice never passes or fails silently on the one the
 * author did not mean.
 *
 * The walk keeps its own stack (no recursion on the nesting depth). An
 * object of up to SMALL members is compared pairwise; a larger one is
 * sorted by name, so the cost stays O(n log n) for hostile input. */
#include "check.h"
#include "array.h"
#include "messages.h"
#include "result.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SMALL 16

typedef struct dup_ctx {
    rl_jdoc *doc;
    const char *file;
    rl_result *res;
    const rl_catalog *catalog;
    rl_lang lang;
    int unsure; /* a name repeats, or an object could not be looked at */
} dup_ctx;

static void where(dup_ctx *c, size_t offset, rl_sbuf *out)
{
    unsigned line, col;
    rl_jdoc_locate(c->doc, offset, &line, &col);
    rl_sbuf_add_uint(out, line, 0);
    rl_sbuf_addc(out, ':');
    rl_sbuf_add_uint(out, col, 0);
}

/* Member i of obj repeats a name: first is its first member, last the one
 * rules read. */
static void report(dup_ctx *c, const rl_jnode *obj, size_t i, size_t first, size_t last)
{
    const rl_jmember *m = rl_jn_member(obj, i);
    c->unsure = 1;
    rl_sbuf ptr = RL_SBUF_INIT, at_first = RL_SBUF_INIT, at_last = RL_SBUF_INIT,
            text = RL_SBUF_INIT;
    rl_json_pointer(obj, &ptr);
    rl_sbuf_addc(&ptr, '/');
    rl_json_pointer_escape(&ptr, rl_jm_key(m), rl_jm_key_len(m));
    where(c, rl_jn_key_offset(obj, first), &at_first);
    where(c, rl_jn_key_offset(obj, last), &at_last);
    rl_fig args[3] = {{"key", {0}}, {"first", {0}}, {"used", {0}}};
    rl_value_set_str(&args[0].v, rl_jm_key(m), rl_jm_key_len(m));
    rl_value_set_str(&args[1].v, rl_sbuf_str(&at_first), at_first.len);
    rl_value_set_str(&args[2].v, rl_sbuf_str(&at_last), at_last.len);
    rl_catalog_expand(c->catalog, RL_MSG_DUPLICATE_KEY, c->lang, args, 3, &text);
    rl_violation v = {0};
    v.file = c->file;
    v.rule = "input";
    v.severity = RL_SEVERITY_WARNING;
    v.pointer = rl_sbuf_str(&ptr);
    rl_jdoc_locate(c->doc, rl_jm_key_offset(m), &v.line, &v.column);
    v.message = rl_sbuf_str(&text);
    rl_result_add(c->res, &v);
    rl_sbuf_free(&ptr);
    rl_sbuf_free(&at_first);
    rl_sbuf_free(&at_last);
    rl_sbuf_free(&text);
}

static int same_key(const rl_jmember *a, const rl_jmember *b)
{
    return rl_jm_key_len(a) == rl_jm_key_len(b) &&
           (!rl_jm_key_len(a) || rl_jm_key(a)[0] == rl_jm_key(b)[0]) &&
           memcmp(rl_jm_key(a), rl_jm_key(b), rl_jm_key_len(a)) == 0;
}

/* Two of 64 bits for a name, from one multiplicative hash of its length
 * and its first, second and last bytes: equal names have equal bits, so a
 * member one of whose bits no earlier member set repeats none of them.
 * (One bit from length, first and last byte made the benchmark's
 * "procedure" and "fee" share it: the slow path on every record.) */
static uint64_t key_bits(const rl_jmember *m)
{
    size_t len = rl_jm_key_len(m);
    unsigned f = len ? (unsigned char)rl_jm_key(m)[0] : 0u,
             l = len ? (unsigned char)rl_jm_key(m)[len - 1] : 0u,
             s = len > 1 ? (unsigned char)rl_jm_key(m)[1] : 0u;
    unsigned h = ((unsigned)len ^ f << 8 ^ l << 16 ^ s << 24) * 0x9e3779b1u;
    return (uint64_t)1 << (h >> 26) | (uint64_t)1 << ((h >> 20) & 63u);
}

/* Member i repeats an earlier one: report it with the first and the last
 * member of its name. Pairs are looked for only among the earlier members
 * and only when both the member's bits were already set, so an object
 * whose names are all distinct costs about one step per member. */
static void check_small(dup_ctx *c, const rl_jnode *obj)
{
    size_t n = rl_jn_count(obj);
    uint64_t seen = key_bits(rl_jn_member(obj, 0));
    for (size_t i = 1; i < n; i++) {
        uint64_t bits = key_bits(rl_jn_member(obj, i));
        int maybe = (seen & bits) == bits;
        seen |= bits;
        if (!maybe)
            continue;
        size_t first = i;
        for (size_t j = 0; j < i && first == i; j++)
            if (same_key(rl_jn_member(obj, i), rl_jn_member(obj, j)))
                first = j;
        if (first == i)
            continue;
        size_t last = i;
        for (size_t j = i + 1; j < n; j++)
            if (same_key(rl_jn_member(obj, i), rl_jn_member(obj, j)))
                last = j;
        report(c, obj, i, first, last);
    }
}

typedef struct keyed {
    const rl_jmember *m;
    size_t index;
} keyed;

static int by_key(const void *pa, const void *pb)
{
    const keyed *a = pa, *b = pb;
    size_t n = rl_jm_key_len(a->m) < rl_jm_key_len(b->m) ? rl_jm_key_len(a->m)
                                                         : rl_jm_key_len(b->m);
    int d = memcmp(rl_jm_key(a->m), rl_jm_key(b->m), n);
    if (d == 0 && rl_jm_key_len(a->m) != rl_jm_key_len(b->m))
        d = rl_jm_key_len(a->m) < rl_jm_key_len(b->m) ? -1 : 1;
    if (d == 0)
        d = a->index < b->index ? -1 : a->index > b->index;
    return d;
}

static void check_large(dup_ctx *c, const rl_jnode *obj)
{
    size_t n = rl_jn_count(obj);
    keyed *k = malloc(n * sizeof *k);
    if (!k) {
        c->unsure = 1;
        return;
    }
    for (size_t i = 0; i < n; i++)
        k[i] = (keyed){rl_jn_member(obj, i), i};
    qsort(k, n, sizeof *k, by_key);
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && same_key(k[i].m, k[j].m))
            j++;
        for (size_t d = i + 1; d < j; d++) /* every repeat of the first */
            report(c, obj, k[d].index, k[i].index, k[j - 1].index);
        i = j;
    }
    free(k);
}

/* Push the containers among node's children. 0, or -1 out of memory. */
static int push_children(const rl_jnode *node, const rl_jnode ***stack, size_t *n, size_t *cap)
{
    size_t count = rl_jn_type(node) == RL_JARRAY ? rl_jn_count(node) : rl_jn_count(node);
    for (size_t i = 0; i < count; i++) {
        const rl_jnode *child = rl_jn_type(node) == RL_JARRAY ? rl_jn_item(node, i)
                                                              : rl_jn_value(node, i);
        if (rl_jn_type(child) != RL_JARRAY && rl_jn_type(child) != RL_JOBJECT)
            continue;
        if (*n == *cap) {
            size_t more = *cap ? *cap * 2 : 64;
            const rl_jnode **grown = rl_array_resize(*stack, more, sizeof **stack);
            if (!grown)
                return -1;
            *stack = grown;
            *cap = more;
        }
        (*stack)[(*n)++] = child;
    }
    return 0;
}

int rl_check_dup_keys(rl_jdoc *doc, const char *file, rl_result *res, const rl_catalog *catalog,
                      rl_lang lang)
{
    dup_ctx c = {doc, file, res, catalog, lang, 0};
    const rl_jnode *root = doc->root;
    if (!root || (rl_jn_type(root) != RL_JARRAY && rl_jn_type(root) != RL_JOBJECT))
        return 0;
    const rl_jnode **stack = NULL;
    size_t n = 0, cap = 0;
    const rl_jnode *node = root;
    for (;;) {
        if (rl_jn_type(node) == RL_JOBJECT && rl_jn_count(node) > 1) {
            if (rl_jn_count(node) <= SMALL)
                check_small(&c, node);
            else
                check_large(&c, node);
        }
        if (doc->containers == 1) /* the root holds no container: nothing to walk */
            break;
        if (push_children(node, &stack, &n, &cap) != 0) {
            c.unsure = 1;
            break;
        }
        if (n == 0)
            break;
        node = stack[--n];
    }
    free(stack);
    return c.unsure;
}
