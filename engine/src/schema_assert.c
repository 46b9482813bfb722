/* schema_assert.c — the assertion keywords: type, enum, const, the numeric
 * bounds and multipleOf, string length, pattern, format, array and object
 * sizes, uniqueItems, required, dependentRequired.
 *
 * Each checks one instance and, when it fails, records one error per
 * violation (one per missing property, one duplicate pair for
 * uniqueItems) naming expected and actual values. Numbers are compared as
 * exact decimals read from their written text (see schema_number.c);
 * lengths count code points; equality is JSON equality (1 == 1.0). */
#include "schema_int.h"
#include "array.h"
#include "utf8.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define SNIPPET 60

/* ---- type, enum, const ------------------------------------------------ */

static void type_names(rl_sbuf *out, unsigned mask)
{
    static const char *const names[] = {"null",  "boolean", "number", "string",
                                        "array", "object",  "integer"};
    const char *sep = "";
    for (unsigned j = 0; j < 7; j++)
        if (mask & (1u << j)) {
            rl_sbuf_printf(out, "%s%s", sep, names[j]);
            sep = " or ";
        }
}

int rl_skw_type(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    if (k->u.types & rl_sv_type_bits(c, call->inst))
        return 1;
    if (call->errs) {
        rl_sbuf want = RL_SBUF_INIT;
        type_names(&want, k->u.types);
        rl_sv_error(c, s, k, call, NULL, "expected %s, got %s", rl_sbuf_str(&want),
                    rl_sv_type_name(c, call->inst));
        rl_sbuf_free(&want);
    }
    return 0;
}

/* "<what>: <instance> <verb> <schema value>" with both values quoted. */
static void value_error(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call,
                        const char *fmt_mid)
{
    if (!call->errs)
        return;
    rl_sbuf a = RL_SBUF_INIT, b = RL_SBUF_INIT;
    rl_sv_snippet(&a, c->idoc, call->inst, SNIPPET);
    rl_sv_snippet(&b, s->res->doc->jdoc, k->u.value, SNIPPET);
    rl_sv_error(c, s, k, call, NULL, "%s %s %s", rl_sbuf_str(&a), fmt_mid, rl_sbuf_str(&b));
    rl_sbuf_free(&a);
    rl_sbuf_free(&b);
}

int rl_skw_enum(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    for (size_t i = 0; i < rl_jn_count(k->u.value); i++)
        if (rl_json_equal(call->inst, rl_jn_item(k->u.value, i)))
            return 1;
    value_error(c, s, k, call, "is not one of");
    return 0;
}

int rl_skw_const(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    if (rl_json_equal(call->inst, k->u.value))
        return 1;
    value_error(c, s, k, call, "is not the constant");
    return 0;
}

/* ---- numbers -------------------------------------------------------- */

/* The instance compared with the keyword's number: <0, 0, >0. */
static int compare(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    char b1[RL_SDEC_BUF], b2[RL_SDEC_BUF];
    rl_sdec x, lim;
    rl_sdec_from_node(c->idoc, call->inst, b1, &x);
    rl_sdec_from_node(s->res->doc->jdoc, k->u.value, b2, &lim);
    return rl_sdec_cmp(&x, &lim);
}

int rl_skw_maximum(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    if (compare(c, s, k, call) <= 0)
        return 1;
    value_error(c, s, k, call, "is greater than the maximum");
    return 0;
}

int rl_skw_exclusive_maximum(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    if (compare(c, s, k, call) < 0)
        return 1;
    value_error(c, s, k, call, "is not less than the exclusive maximum");
    return 0;
}

int rl_skw_minimum(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    if (compare(c, s, k, call) >= 0)
        return 1;
    value_error(c, s, k, call, "is less than the minimum");
    return 0;
}

int rl_skw_exclusive_minimum(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    if (compare(c, s, k, call) > 0)
        return 1;
    value_error(c, s, k, call, "is not greater than the exclusive minimum");
    return 0;
}

int rl_skw_multiple_of(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    char b1[RL_SDEC_BUF], b2[RL_SDEC_BUF];
    rl_sdec x, d;
    rl_sdec_from_node(c->idoc, call->inst, b1, &x);
    rl_sdec_from_node(s->res->doc->jdoc, k->u.value, b2, &d);
    if (rl_sdec_multiple_of(&x, &d, rl_jn_double(call->inst), rl_jn_double(k->u.value)))
        return 1;
    value_error(c, s, k, call, "is not a multiple of");
    return 0;
}

/* ---- sizes ------------------------------------------------------------ */

/* "<kw>: the <thing> has N <units>, <more/fewer> than the <max/min> M" */
static int size_check(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call,
                      size_t n, int is_max, const char *thing, const char *unit, const char *units)
{
    if (is_max ? n <= k->u.count : n >= k->u.count)
        return 1;
    rl_sv_error(c, s, k, call, NULL, "the %s has %zu %s, %s than the %s %zu", thing, n,
                n == 1 ? unit : units, is_max ? "more" : "fewer", is_max ? "maximum" : "minimum",
                k->u.count);
    return 0;
}

static size_t code_points(const rl_jnode *str)
{
    return rl_utf8_count(rl_jn_str(str), rl_jn_str_len(str));
}

int rl_skw_max_length(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    return size_check(c, s, k, call, code_points(call->inst), 1, "string", "character",
                      "characters");
}

int rl_skw_min_length(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    return size_check(c, s, k, call, code_points(call->inst), 0, "string", "character",
                      "characters");
}

int rl_skw_max_items(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    return size_check(c, s, k, call, rl_jn_count(call->inst), 1, "array", "item", "items");
}

int rl_skw_min_items(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    return size_check(c, s, k, call, rl_jn_count(call->inst), 0, "array", "item", "items");
}

int rl_skw_max_properties(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    return size_check(c, s, k, call, rl_jn_count(call->inst), 1, "object", "property",
                      "properties");
}

int rl_skw_min_properties(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    return size_check(c, s, k, call, rl_jn_count(call->inst), 0, "object", "property",
                      "properties");
}

/* ---- strings ------------------------------------------------------------ */

static void string_error(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call,
                         const char *fmt_tail, const char *what)
{
    if (!call->errs)
        return;
    rl_sbuf a = RL_SBUF_INIT;
    rl_sv_snippet(&a, NULL, call->inst, SNIPPET);
    rl_sv_error(c, s, k, call, NULL, "%s %s %s", rl_sbuf_str(&a), fmt_tail, what);
    rl_sbuf_free(&a);
}

#define SLACK 16

int rl_sv_search(rl_svctx *c, const rl_regex *re, const char *s, size_t len)
{
    char small[256];
    char *buf = len + SLACK <= sizeof small ? small : rl_sv_alloc(c, len + SLACK);
    if (!buf)
        return RL_REGEX_ERROR;
    if (buf == small)
        memset(small, 0, len + SLACK);
    memcpy(buf, s, len);
    return rl_regex_search(re, buf, len);
}

int rl_skw_pattern(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    int r = rl_sv_search(c, k->u.re, rl_jn_str(call->inst), rl_jn_str_len(call->inst));
    if (r == RL_REGEX_MATCH)
        return 1;
    if (r == RL_REGEX_NOMATCH) {
        string_error(c, s, k, call, "does not match", rl_jn_str(k->at));
    } else {
        rl_sv_regex_limit(c, s, k, call->inst);
        string_error(c, s, k, call, "could not be matched within the regex limits against",
                     rl_jn_str(k->at));
    }
    return 0;
}

int rl_skw_format(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    if (k->u.format.fn(rl_jn_str(call->inst), rl_jn_str_len(call->inst)))
        return 1;
    string_error(c, s, k, call, "is not a valid", k->u.format.name);
    return 0;
}

/* ---- uniqueItems ----------------------------------------------------------- */

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    return h;
}

static uint64_t scalar_hash(const rl_jnode *v)
{
    uint64_t h = rl_jn_type(v);
    if (rl_jn_type(v) == RL_JNUMBER) {
        double d = rl_jn_double(v) == 0 ? 0.0 : rl_jn_double(v);
        uint64_t bits;
        memcpy(&bits, &d, sizeof bits);
        return mix(h, bits);
    }
    if (rl_jn_type(v) == RL_JSTRING)
        for (size_t i = 0; i < rl_jn_str_len(v); i++)
            h = mix(h, (unsigned char)rl_jn_str(v)[i]);
    return h;
}

/* A container being hashed: its running hash (arrays, in order) or sum
 * (objects, order-independent) and the next child. */
typedef struct hframe {
    const rl_jnode *v;
    uint64_t h, sum;
    size_t k;
} hframe;

static void hash_fold(hframe *f, uint64_t child)
{
    if (rl_jn_type(f->v) == RL_JARRAY) {
        f->h = mix(f->h, child);
    } else {
        const rl_jmember *m = rl_jn_member(f->v, f->k);
        uint64_t kh = 0;
        for (size_t j = 0; j < rl_jm_key_len(m); j++)
            kh = mix(kh, (unsigned char)rl_jm_key(m)[j]);
        f->sum += mix(kh, child);
    }
    f->k++;
}

static int is_container(const rl_jnode *v)
{
    return rl_jn_type(v) == RL_JARRAY || rl_jn_type(v) == RL_JOBJECT;
}

static const rl_jnode *hash_child(const hframe *f)
{
    return rl_jn_type(f->v) == RL_JARRAY ? rl_jn_item(f->v, f->k) : rl_jn_value(f->v, f->k);
}

/* A hash that agrees with rl_json_equal (equal values, equal hashes),
 * post-order on an explicit stack: no recursion on the depth. Out of
 * memory, *oom is set. */
static uint64_t value_hash(const rl_jnode *v, int *oom)
{
    if (!is_container(v))
        return scalar_hash(v);
    hframe local[32], *st = local;
    size_t n = 0, cap = sizeof local / sizeof local[0];
    uint64_t done = 0;
    st[n++] = (hframe){v, rl_jn_type(v), 0, 0};
    while (n) {
        hframe *f = &st[n - 1];
        if (f->k < rl_json_size(f->v)) {
            const rl_jnode *c = hash_child(f);
            if (!is_container(c)) {
                hash_fold(f, scalar_hash(c));
                continue;
            }
            if (n == cap) {
                hframe *more = st == local ? malloc(2 * cap * sizeof *more)
                                           : rl_array_resize(st, 2 * cap, sizeof *more);
                if (!more) {
                    *oom = 1;
                    break;
                }
                if (st == local)
                    memcpy(more, local, sizeof local);
                st = more;
                cap *= 2;
            }
            st[n++] = (hframe){c, rl_jn_type(c), 0, 0};
            continue;
        }
        done = rl_jn_type(f->v) == RL_JARRAY ? f->h : mix(f->h, f->sum);
        if (--n)
            hash_fold(&st[n - 1], done);
    }
    if (st != local)
        free(st);
    return done;
}

typedef struct hashed {
    uint64_t h;
    size_t i;
} hashed;

static int hashed_cmp(const void *a, const void *b)
{
    const hashed *x = a, *y = b;
    if (x->h != y->h)
        return x->h < y->h ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

/* The first duplicate pair (by its second index) into *a < *b; 0 if none. */
static int find_duplicate(rl_svctx *c, const rl_jnode *arr, size_t *a, size_t *b)
{
    size_t n = rl_jn_count(arr);
    hashed *v = rl_sv_alloc(c, n * sizeof *v);
    if (!v)
        return 0;
    for (size_t i = 0; i < n; i++)
        v[i] = (hashed){value_hash(rl_jn_item(arr, i), &c->oom), i};
    if (c->oom)
        return 0;
    qsort(v, n, sizeof *v, hashed_cmp);
    int found = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n && v[j].h == v[i].h; j++)
            if ((!found || v[j].i < *b) &&
                rl_json_equal(rl_jn_item(arr, v[i].i), rl_jn_item(arr, v[j].i))) {
                *a = v[i].i;
                *b = v[j].i;
                found = 1;
            }
    return found;
}

int rl_skw_unique_items(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    size_t a, b;
    if (!find_duplicate(c, call->inst, &a, &b))
        return !c->oom;
    if (call->errs) {
        rl_sbuf v = RL_SBUF_INIT;
        rl_sv_snippet(&v, c->idoc, rl_jn_item(call->inst, b), SNIPPET);
        rl_sv_error(c, s, k, call, rl_jn_item(call->inst, b), "item %zu (%s) equals item %zu", b,
                    rl_sbuf_str(&v), a);
        rl_sbuf_free(&v);
    }
    return 0;
}

/* ---- required, dependentRequired ------------------------------------------ */

/* One error per name of list missing from the instance. */
static int require_all(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call,
                       const rl_jnode *list, const rl_sprop *because)
{
    int ok = 1;
    for (size_t i = 0; i < rl_jn_count(list) && (ok || call->errs); i++) {
        const rl_jnode *name = rl_jn_item(list, i);
        if (rl_json_get(call->inst, rl_jn_str(name), rl_jn_str_len(name)))
            continue;
        ok = 0;
        if (because)
            rl_sv_error(c, s, k, call, NULL, "property '%s' is required when '%s' is present",
                        rl_jn_str(name), because->name);
        else
            rl_sv_error(c, s, k, call, NULL, "missing property '%s'", rl_jn_str(name));
    }
    return ok;
}

int rl_skw_required(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    return require_all(c, s, k, call, k->u.value, NULL);
}

int rl_skw_dependent_required(rl_svctx *c, const rl_snode *s, const rl_skw *k,
                              const rl_svcall *call)
{
    int ok = 1;
    for (size_t i = 0; i < k->u.props.n && (ok || call->errs); i++) {
        const rl_sprop *p = &k->u.props.v[i];
        if (rl_json_get(call->inst, p->name, p->len))
            ok &= require_all(c, s, k, call, p->list, p);
    }
    return ok;
}
