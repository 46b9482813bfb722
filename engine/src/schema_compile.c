/* schema_compile.c — schema objects into keyword programs.
 *
 * One table lists every keyword of both drafts in evaluation order: which
 * vocabulary and drafts it belongs to, where its subschemas are (used by
 * the scanner too, so scanning and compiling agree), how its argument is
 * checked and prepared, and the function that evaluates it. Compiling a
 * node fills its rl_skw array in table order, so keywords that depend on
 * siblings (additionalProperties on properties/patternProperties, items on
 * prefixItems, unevaluated* on everything) come after them. Malformed
 * keyword values are load errors at their line:column.
 *
 * Invariant: after rl_ss_compile_queue() succeeds, the graph of in-place
 * applications ($ref, allOf, anyOf, oneOf, not, if/then/else,
 * dependentSchemas) has no cycle, so evaluating a schema against one
 * instance location always ends (only $dynamicRef, resolved at run time,
 * relies on the evaluator's depth limit). */
#include "array.h"
#include "deadline.h"
#include "ecma_regex.h"
#include "schema_int.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SH_NONE, SH_SUB, SH_ARRAY, SH_MAP, SH_ITEMS7, SH_DEPS7 };
#define D20 (1u << RL_SCHEMA_DRAFT2020_12)
#define D7 (1u << RL_SCHEMA_DRAFT7)
#define BOTH (D20 | D7)

typedef struct comp {
    rl_schema_set *set;
    rl_snode *s;
    rl_error *err;
} comp;

typedef int (*compile_fn)(comp *c, rl_skw *k, const rl_jnode *v);

typedef struct kwdef {
    const char *name;
    uint16_t vocab; /* 0: core (always on) */
    uint8_t drafts;
    uint8_t shape;
    compile_fn compile; /* NULL: no program of its own */
    rl_skw_fn fn;
    uint8_t types;
} kwdef;

static int fail(comp *c, const rl_jnode *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail(comp *c, const rl_jnode *at, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    rl_ss_fail(c->set, c->s->res->doc, at, c->err, "%s", msg);
    return 0;
}

static int oom(comp *c)
{
    rl_error_set(c->err, 0, 0, "out of memory");
    return 0;
}

/* 1 (err set at `at`) once the loading deadline (--timeout) has passed:
 * compiling is checked per node and per regex (a regex costs the most). */
static int out_of_time(rl_schema_set *set, const rl_snode *s, const rl_jnode *at, rl_error *err)
{
    if (!rl_deadline_hit(set->opts.deadline))
        return 0;
    rl_ss_fail(set, s->res->doc, at, err,
               "out of time (--timeout): the schema was not compiled in time");
    return 1;
}

static void *alloc(comp *c, size_t n)
{
    return rl_arena_calloc(c->set->arena, n ? n : 1);
}

void rl_ss_enqueue(rl_schema_set *set, rl_snode *s)
{
    if (s->state != RL_SN_SCANNED)
        return;
    s->state = RL_SN_QUEUED;
    s->next = set->queue;
    set->queue = s;
}

/* The compiled-or-queued node of a subschema value. */
static rl_snode *sub(comp *c, const rl_jnode *v)
{
    rl_snode *n = rl_ss_node(c->set, v, c->s->res, c->err);
    if (n)
        rl_ss_enqueue(c->set, n);
    return n;
}

/* ---- argument checks ------------------------------------------------------ */

static int count_arg(comp *c, const rl_skw *k, const rl_jnode *v, size_t *out)
{
    char buf[RL_SDEC_BUF];
    rl_sdec d;
    if (rl_jn_type(v) != RL_JNUMBER)
        return fail(c, v, "%s must be a non-negative integer", k->name);
    rl_sdec_from_node(c->s->res->doc->jdoc, v, buf, &d);
    if (d.neg || !rl_sdec_is_integer(&d))
        return fail(c, v, "%s must be a non-negative integer", k->name);
    *out = rl_jn_double(v) >= (double)SIZE_MAX ? SIZE_MAX : (size_t)rl_jn_double(v);
    return 1;
}

static int strings_arg(comp *c, const rl_skw *k, const rl_jnode *v)
{
    if (rl_jn_type(v) != RL_JARRAY)
        return fail(c, v, "%s must be an array of strings", k->name);
    for (size_t i = 0; i < rl_jn_count(v); i++)
        if (rl_jn_type(rl_jn_item(v, i)) != RL_JSTRING)
            return fail(c, rl_jn_item(v, i), "%s must be an array of strings", k->name);
    return 1;
}

static const rl_regex *regex_arg(comp *c, const rl_jnode *v, const char *what)
{
    if (rl_jn_type(v) != RL_JSTRING) {
        fail(c, v, "%s must be a string (an ECMA-262 regular expression)", what);
        return NULL;
    }
    rl_regex *re = rl_strmap_get(&c->set->regexes, rl_jn_str(v));
    if (re || out_of_time(c->set, c->s, v, c->err))
        return re;
    rl_error rerr;
    rl_error_clear(&rerr);
    re = rl_ecma_regex_compile(rl_jn_str(v), rl_jn_str_len(v), &rerr);
    if (!re) {
        fail(c, v, "%s: %s", what, rerr.message);
        return NULL;
    }
    char *key = rl_ss_strdup(c->set, rl_jn_str(v), rl_jn_str_len(v));
    if (!key || rl_strmap_put(&c->set->regexes, key, re) != 0) {
        rl_regex_free(re);
        oom(c);
        return NULL;
    }
    return re;
}

/* ---- compile functions ------------------------------------------------------- */

static int c_type(comp *c, rl_skw *k, const rl_jnode *v)
{
    static const char *const names[] = {"null",  "boolean", "number", "string",
                                        "array", "object",  "integer"};
    size_t n = rl_jn_type(v) == RL_JARRAY ? rl_jn_count(v) : 1;
    if ((rl_jn_type(v) != RL_JARRAY && rl_jn_type(v) != RL_JSTRING) || n == 0)
        return fail(c, v, "type must be a type name or a non-empty array of them");
    for (size_t i = 0; i < n; i++) {
        const rl_jnode *t = rl_jn_type(v) == RL_JARRAY ? rl_jn_item(v, i) : v;
        size_t j = 0;
        while (j < 7 && !(rl_jn_type(t) == RL_JSTRING && strcmp(rl_jn_str(t), names[j]) == 0))
            j++;
        if (j == 7)
            return fail(c, t,
                        "type: unknown type (expected null, boolean, number, integer, "
                        "string, array or object)");
        k->u.types |= 1u << j;
    }
    return 1;
}

static int c_value(comp *c, rl_skw *k, const rl_jnode *v)
{
    (void)c;
    k->u.value = v;
    return 1;
}

static int c_enum(comp *c, rl_skw *k, const rl_jnode *v)
{
    if (rl_jn_type(v) != RL_JARRAY)
        return fail(c, v, "enum must be an array");
    k->u.value = v;
    return 1;
}

static int c_number(comp *c, rl_skw *k, const rl_jnode *v)
{
    if (rl_jn_type(v) != RL_JNUMBER)
        return fail(c, v, "%s must be a number", k->name);
    k->u.value = v;
    return 1;
}

static int c_multiple_of(comp *c, rl_skw *k, const rl_jnode *v)
{
    if (rl_jn_type(v) != RL_JNUMBER || rl_jn_double(v) <= 0)
        return fail(c, v, "multipleOf must be a number greater than 0");
    k->u.value = v;
    return 1;
}

static int c_count(comp *c, rl_skw *k, const rl_jnode *v)
{
    return count_arg(c, k, v, &k->u.count);
}

static int c_pattern(comp *c, rl_skw *k, const rl_jnode *v)
{
    k->u.re = regex_arg(c, v, "pattern");
    return k->u.re != NULL;
}

static int c_format(comp *c, rl_skw *k, const rl_jnode *v)
{
    if (rl_jn_type(v) != RL_JSTRING)
        return fail(c, v, "format must be a string");
    k->u.format.fn = rl_sformat_lookup(rl_jn_str(v));
    k->u.format.name = rl_jn_str(v);
    if (!c->s->res->format_assert || !k->u.format.fn)
        k->fn = NULL; /* an annotation only */
    return 1;
}

static int c_unique(comp *c, rl_skw *k, const rl_jnode *v)
{
    if (rl_jn_type(v) != RL_JTRUE && rl_jn_type(v) != RL_JFALSE)
        return fail(c, v, "uniqueItems must be a boolean");
    if (rl_jn_type(v) == RL_JFALSE)
        k->fn = NULL;
    return 1;
}

static int c_required(comp *c, rl_skw *k, const rl_jnode *v)
{
    k->u.value = v;
    return strings_arg(c, k, v);
}

static int prop_cmp(const void *a, const void *b)
{
    const rl_sprop *x = a, *y = b;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    return memcmp(x->name, y->name, x->len);
}

const rl_sprop *rl_sprop_find(const rl_sprop *v, size_t n, const char *name, size_t len)
{
    rl_sprop key = {name, len, NULL, NULL};
    return n ? bsearch(&key, v, n, sizeof *v, prop_cmp) : NULL;
}

/* An object whose members map names to subschemas (or, for
 * dependentRequired, to arrays of names), sorted for lookups. */
static int c_prop_map(comp *c, rl_skw *k, const rl_jnode *v, int names)
{
    if (rl_jn_type(v) != RL_JOBJECT)
        return fail(c, v, "%s must be an object", k->name);
    rl_sprop *p = alloc(c, rl_jn_count(v) * sizeof *p);
    if (!p)
        return oom(c);
    for (size_t i = 0; i < rl_jn_count(v); i++) {
        const rl_jmember *m = rl_jn_member(v, i);
        p[i].name = rl_jm_key(m);
        p[i].len = rl_jm_key_len(m);
        if (names ? !strings_arg(c, k, rl_jm_value(m)) : !(p[i].sub = sub(c, rl_jm_value(m))))
            return 0;
        p[i].list = rl_jm_value(m);
    }
    qsort(p, rl_jn_count(v), sizeof *p, prop_cmp);
    k->u.props.v = p;
    k->u.props.n = rl_jn_count(v);
    return 1;
}

static int c_properties(comp *c, rl_skw *k, const rl_jnode *v)
{
    return c_prop_map(c, k, v, 0);
}

static int c_dep_required(comp *c, rl_skw *k, const rl_jnode *v)
{
    return c_prop_map(c, k, v, 1);
}

static int c_pattern_props(comp *c, rl_skw *k, const rl_jnode *v)
{
    if (rl_jn_type(v) != RL_JOBJECT)
        return fail(c, v, "patternProperties must be an object");
    rl_spat *p = alloc(c, rl_jn_count(v) * sizeof *p);
    if (!p)
        return oom(c);
    for (size_t i = 0; i < rl_jn_count(v); i++) {
        const rl_jmember *m = rl_jn_member(v, i);
        rl_jnode key;
        rl_jn_init_string(&key, rl_jm_key(m), rl_jm_key_len(m), 0);
        if (!(p[i].re = regex_arg(c, &key, "patternProperties")) ||
            !(p[i].sub = sub(c, rl_jm_value(m))))
            return 0;
    }
    k->u.pats.v = p;
    k->u.pats.n = rl_jn_count(v);
    return 1;
}

static int c_sub(comp *c, rl_skw *k, const rl_jnode *v)
{
    return (k->u.sub = sub(c, v)) != NULL;
}

static int c_list(comp *c, rl_skw *k, const rl_jnode *v)
{
    if (rl_jn_type(v) != RL_JARRAY || rl_jn_count(v) == 0)
        return fail(c, v, "%s must be a non-empty array of schemas", k->name);
    rl_snode **l = alloc(c, rl_jn_count(v) * sizeof *l);
    if (!l)
        return oom(c);
    for (size_t i = 0; i < rl_jn_count(v); i++)
        if (!(l[i] = sub(c, rl_jn_item(v, i))))
            return 0;
    k->u.list.v = l;
    k->u.list.n = rl_jn_count(v);
    return 1;
}

/* The already compiled keyword of this node with function fn, or NULL. */
static const rl_skw *sibling(const comp *c, rl_skw_fn fn)
{
    for (uint32_t i = 0; i < c->s->nkw; i++)
        if (c->s->kw[i].fn == fn)
            return &c->s->kw[i];
    return NULL;
}

static int c_additional_props(comp *c, rl_skw *k, const rl_jnode *v)
{
    k->u.addl.props = sibling(c, rl_skw_properties);
    k->u.addl.pats = sibling(c, rl_skw_pattern_properties);
    return (k->u.addl.sub = sub(c, v)) != NULL;
}

static int c_items(comp *c, rl_skw *k, const rl_jnode *v)
{
    const rl_skw *prefix = sibling(c, rl_skw_prefix_items);
    k->u.items.start = prefix ? prefix->u.list.n : 0;
    return (k->u.items.sub = sub(c, v)) != NULL;
}

static int c_items7(comp *c, rl_skw *k, const rl_jnode *v)
{
    if (rl_jn_type(v) != RL_JARRAY)
        return c_items(c, k, v);
    k->fn = rl_skw_prefix_items;
    return rl_jn_count(v) == 0 ? (k->fn = NULL, 1) : c_list(c, k, v);
}

static int c_additional_items(comp *c, rl_skw *k, const rl_jnode *v)
{
    const rl_jnode *items = rl_json_gets(c->s->json, "items");
    if (!items || rl_jn_type(items) != RL_JARRAY) {
        k->fn = NULL; /* without a tuple "items", additionalItems does nothing */
        return 1;
    }
    k->u.items.start = rl_jn_count(items);
    return (k->u.items.sub = sub(c, v)) != NULL;
}

static int c_contains(comp *c, rl_skw *k, const rl_jnode *v)
{
    k->u.contains.min = 1;
    if (c->s->res->draft != RL_SCHEMA_DRAFT7 && (c->s->res->vocab & RL_SV_VALIDATION)) {
        const rl_jnode *mn = rl_json_gets(c->s->json, "minContains");
        const rl_jnode *mx = rl_json_gets(c->s->json, "maxContains");
        rl_skw tmp = {.name = "minContains"};
        if (mn && !count_arg(c, &tmp, mn, &k->u.contains.min))
            return 0;
        tmp.name = "maxContains";
        if (mx && !count_arg(c, &tmp, mx, &k->u.contains.max))
            return 0;
        k->u.contains.has_max = mx != NULL;
        k->u.contains.min_at = mn;
        k->u.contains.max_at = mx;
    }
    return (k->u.contains.sub = sub(c, v)) != NULL;
}

static int c_if(comp *c, rl_skw *k, const rl_jnode *v)
{
    const rl_jnode *t = rl_json_gets(c->s->json, "then");
    const rl_jnode *e = rl_json_gets(c->s->json, "else");
    k->u.cond.then_at = t;
    k->u.cond.else_at = e;
    return (k->u.cond.cond = sub(c, v)) && (!t || (k->u.cond.then = sub(c, t))) &&
           (!e || (k->u.cond.els = sub(c, e)));
}

static int ref_arg(comp *c, const rl_skw *k, const rl_jnode *v, int *dynamic, const char **anchor,
                   rl_snode **out)
{
    if (rl_jn_type(v) != RL_JSTRING)
        return fail(c, v, "%s must be a URI reference", k->name);
    *out = rl_ss_resolve_ref(c->set, c->s->res, v, rl_jn_str(v), dynamic, anchor, c->err);
    if (*out)
        rl_ss_enqueue(c->set, *out);
    return *out != NULL;
}

static int c_ref(comp *c, rl_skw *k, const rl_jnode *v)
{
    int dynamic;
    const char *anchor;
    return ref_arg(c, k, v, &dynamic, &anchor, &k->u.sub);
}

static int c_dynamic_ref(comp *c, rl_skw *k, const rl_jnode *v)
{
    int dynamic = 0;
    const char *anchor = NULL;
    if (!ref_arg(c, k, v, &dynamic, &anchor, &k->u.dynref.sub))
        return 0;
    k->u.dynref.anchor = dynamic ? anchor : NULL;
    return 1;
}

/* "dependencies" (draft-07; accepted in 2020-12 for compatibility): arrays
 * become a dependentRequired program, schemas a dependentSchemas one (when
 * there are both, the second goes into k[1]). */
static int c_dependencies(comp *c, rl_skw *k, const rl_jnode *v)
{
    if (rl_jn_type(v) != RL_JOBJECT)
        return fail(c, v, "dependencies must be an object");
    rl_sprop *req = alloc(c, rl_jn_count(v) * sizeof *req),
             *sch = alloc(c, rl_jn_count(v) * sizeof *sch);
    if (!req || !sch)
        return oom(c);
    size_t nreq = 0, nsch = 0;
    for (size_t i = 0; i < rl_jn_count(v); i++) {
        const rl_jmember *m = rl_jn_member(v, i);
        rl_sprop *p = rl_jn_type(rl_jm_value(m)) == RL_JARRAY ? &req[nreq++] : &sch[nsch++];
        p->name = rl_jm_key(m);
        p->len = rl_jm_key_len(m);
        p->list = rl_jm_value(m);
        if (rl_jn_type(rl_jm_value(m)) == RL_JARRAY ? !strings_arg(c, k, rl_jm_value(m))
                                                    : !(p->sub = sub(c, rl_jm_value(m))))
            return 0;
    }
    qsort(req, nreq, sizeof *req, prop_cmp);
    qsort(sch, nsch, sizeof *sch, prop_cmp);
    rl_skw *next = k;
    if (nreq) {
        next->fn = rl_skw_dependent_required;
        next->u.props.v = req;
        next->u.props.n = nreq;
        next++;
    }
    if (nsch) {
        *next = *k;
        next->fn = rl_skw_dependent_schemas;
        next->u.props.v = sch;
        next->u.props.n = nsch;
        next++;
    }
    if (next == k)
        k->fn = NULL;
    else
        c->s->nkw += (uint32_t)(next - k - 1); /* the caller counts the first */
    return 1;
}

#define V_VAL RL_SV_VALIDATION
#define V_APP RL_SV_APPLICATOR
#define V_UNE RL_SV_UNEVALUATED
#define V_FMT (RL_SV_FORMAT_ANNOTATION | RL_SV_FORMAT_ASSERTION)
#define T_NUM RL_ST_NUMBER
#define T_STR RL_ST_STRING
#define T_ARR RL_ST_ARRAY
#define T_OBJ RL_ST_OBJECT

static const kwdef keywords[] = {
    {"$ref", 0, BOTH, SH_NONE, c_ref, rl_skw_ref, 0},
    {"$dynamicRef", 0, D20, SH_NONE, c_dynamic_ref, rl_skw_dynamic_ref, 0},
    {"type", V_VAL, BOTH, SH_NONE, c_type, rl_skw_type, 0},
    {"enum", V_VAL, BOTH, SH_NONE, c_enum, rl_skw_enum, 0},
    {"const", V_VAL, BOTH, SH_NONE, c_value, rl_skw_const, 0},
    {"multipleOf", V_VAL, BOTH, SH_NONE, c_multiple_of, rl_skw_multiple_of, T_NUM},
    {"maximum", V_VAL, BOTH, SH_NONE, c_number, rl_skw_maximum, T_NUM},
    {"exclusiveMaximum", V_VAL, BOTH, SH_NONE, c_number, rl_skw_exclusive_maximum, T_NUM},
    {"minimum", V_VAL, BOTH, SH_NONE, c_number, rl_skw_minimum, T_NUM},
    {"exclusiveMinimum", V_VAL, BOTH, SH_NONE, c_number, rl_skw_exclusive_minimum, T_NUM},
    {"maxLength", V_VAL, BOTH, SH_NONE, c_count, rl_skw_max_length, T_STR},
    {"minLength", V_VAL, BOTH, SH_NONE, c_count, rl_skw_min_length, T_STR},
    {"pattern", V_VAL, BOTH, SH_NONE, c_pattern, rl_skw_pattern, T_STR},
    {"format", V_FMT, BOTH, SH_NONE, c_format, rl_skw_format, T_STR},
    {"maxItems", V_VAL, BOTH, SH_NONE, c_count, rl_skw_max_items, T_ARR},
    {"minItems", V_VAL, BOTH, SH_NONE, c_count, rl_skw_min_items, T_ARR},
    {"uniqueItems", V_VAL, BOTH, SH_NONE, c_unique, rl_skw_unique_items, T_ARR},
    {"maxProperties", V_VAL, BOTH, SH_NONE, c_count, rl_skw_max_properties, T_OBJ},
    {"minProperties", V_VAL, BOTH, SH_NONE, c_count, rl_skw_min_properties, T_OBJ},
    {"required", V_VAL, BOTH, SH_NONE, c_required, rl_skw_required, T_OBJ},
    {"dependentRequired", V_VAL, D20, SH_NONE, c_dep_required, rl_skw_dependent_required, T_OBJ},
    {"dependencies", V_APP, BOTH, SH_DEPS7, c_dependencies, rl_skw_dependent_required, T_OBJ},
    {"allOf", V_APP, BOTH, SH_ARRAY, c_list, rl_skw_all_of, 0},
    {"anyOf", V_APP, BOTH, SH_ARRAY, c_list, rl_skw_any_of, 0},
    {"oneOf", V_APP, BOTH, SH_ARRAY, c_list, rl_skw_one_of, 0},
    {"not", V_APP, BOTH, SH_SUB, c_sub, rl_skw_not, 0},
    {"if", V_APP, BOTH, SH_SUB, c_if, rl_skw_if, 0},
    {"then", V_APP, BOTH, SH_SUB, NULL, NULL, 0},
    {"else", V_APP, BOTH, SH_SUB, NULL, NULL, 0},
    {"dependentSchemas", V_APP, D20, SH_MAP, c_properties, rl_skw_dependent_schemas, T_OBJ},
    {"properties", V_APP, BOTH, SH_MAP, c_properties, rl_skw_properties, T_OBJ},
    {"patternProperties", V_APP, BOTH, SH_MAP, c_pattern_props, rl_skw_pattern_properties, T_OBJ},
    {"additionalProperties", V_APP, BOTH, SH_SUB, c_additional_props, rl_skw_additional_properties,
     T_OBJ},
    {"propertyNames", V_APP, BOTH, SH_SUB, c_sub, rl_skw_property_names, T_OBJ},
    {"prefixItems", V_APP, D20, SH_ARRAY, c_list, rl_skw_prefix_items, T_ARR},
    {"items", V_APP, D20, SH_SUB, c_items, rl_skw_items, T_ARR},
    {"items", V_APP, D7, SH_ITEMS7, c_items7, rl_skw_items, T_ARR},
    {"additionalItems", V_APP, D7, SH_SUB, c_additional_items, rl_skw_items, T_ARR},
    {"contains", V_APP, BOTH, SH_SUB, c_contains, rl_skw_contains, T_ARR},
    {"unevaluatedProperties", V_UNE, D20, SH_SUB, c_sub, rl_skw_unevaluated_properties, T_OBJ},
    {"unevaluatedItems", V_UNE, D20, SH_SUB, c_sub, rl_skw_unevaluated_items, T_ARR},
    {"$defs", 0, D20, SH_MAP, NULL, NULL, 0},
    {"definitions", 0, BOTH, SH_MAP, NULL, NULL, 0},
    {"contentSchema", RL_SV_CONTENT, D20, SH_SUB, NULL, NULL, 0},
};

#define NKEYWORDS (sizeof keywords / sizeof keywords[0])

static int each_in(const rl_jnode *v, int (*fn)(void *, const rl_jnode *), void *ctx,
                   int schemas_only)
{
    size_t n = rl_json_size(v);
    for (size_t i = 0; i < n; i++) {
        const rl_jnode *x = rl_jn_type(v) == RL_JARRAY ? rl_jn_item(v, i) : rl_jn_value(v, i);
        if (schemas_only && rl_jn_type(x) == RL_JARRAY)
            continue;
        if (!fn(ctx, x))
            return 0;
    }
    return 1;
}

int rl_ss_each_subschema(const rl_jnode *obj, int draft, int (*fn)(void *, const rl_jnode *),
                         void *ctx)
{
    for (size_t i = 0; i < NKEYWORDS; i++) {
        const kwdef *d = &keywords[i];
        const rl_jnode *v = d->shape && (d->drafts & (1u << draft)) ? rl_json_gets(obj, d->name)
                                                                    : NULL;
        if (!v)
            continue;
        int ok = 1;
        switch (d->shape) {
        case SH_SUB: ok = fn(ctx, v); break;
        case SH_ARRAY: ok = rl_jn_type(v) != RL_JARRAY || each_in(v, fn, ctx, 0); break;
        case SH_MAP: ok = rl_jn_type(v) != RL_JOBJECT || each_in(v, fn, ctx, 0); break;
        case SH_ITEMS7:
            ok = rl_jn_type(v) == RL_JARRAY ? each_in(v, fn, ctx, 0) : fn(ctx, v);
            break;
        case SH_DEPS7: ok = rl_jn_type(v) != RL_JOBJECT || each_in(v, fn, ctx, 1); break;
        }
        if (!ok)
            return 0;
    }
    return 1;
}

static int compile_object(rl_schema_set *set, rl_snode *s, rl_error *err)
{
    comp c = {set, s, err};
    const rl_jnode *obj = s->json;
    if (out_of_time(set, s, obj, err))
        return 0;
    s->kw = alloc(&c, (rl_jn_count(obj) + 2) * sizeof *s->kw);
    if (!s->kw)
        return oom(&c);
    unsigned draft_bit = 1u << s->res->draft;
    int ref_only = s->res->draft == RL_SCHEMA_DRAFT7 && rl_json_gets(obj, "$ref");
    for (size_t i = 0; i < NKEYWORDS; i++) {
        const kwdef *d = &keywords[i];
        if (!d->compile || !(d->drafts & draft_bit) || (d->vocab && !(d->vocab & s->res->vocab)))
            continue;
        if (ref_only && d->compile != c_ref)
            continue;
        const rl_jnode *v = rl_json_gets(obj, d->name);
        if (!v)
            continue;
        rl_skw *k = &s->kw[s->nkw];
        k->fn = d->fn;
        k->name = d->name;
        k->at = v;
        k->types = d->types;
        if (!d->compile(&c, k, v))
            return 0;
        if (k->fn == rl_skw_unevaluated_properties || k->fn == rl_skw_unevaluated_items)
            s->uneval = 1; /* the table puts these last */
        if (k->fn)         /* else an annotation only: its slot is reused */
            s->nkw++;
    }
    return 1;
}

/* ---- cycles of in-place applications ---------------------------------------- */

enum { WHITE, GREY, BLACK };

/* The in-place applications of s, one at a time (a depth-first walk with
 * its own stack: a chain of 100,000 $refs must not recurse): *ki is the
 * keyword, *ji the subschema within it. Returns 1 with *k and *to (NULL
 * when that slot is empty), 0 past the last. */
static int next_edge(const rl_snode *s, uint32_t *ki, size_t *ji, const rl_skw **k, rl_snode **to)
{
    for (; *ki < s->nkw; ++*ki, *ji = 0) {
        const rl_skw *kw = &s->kw[*ki];
        size_t j = (*ji)++;
        rl_snode *v = NULL;
        int has = 0;
        if (kw->fn == rl_skw_ref || kw->fn == rl_skw_not)
            has = j == 0, v = kw->u.sub;
        else if (kw->fn == rl_skw_all_of || kw->fn == rl_skw_any_of || kw->fn == rl_skw_one_of)
            has = j < kw->u.list.n, v = has ? kw->u.list.v[j] : NULL;
        else if (kw->fn == rl_skw_if)
            has = j < 3, v = j == 0 ? kw->u.cond.cond : j == 1 ? kw->u.cond.then : kw->u.cond.els;
        else if (kw->fn == rl_skw_dependent_schemas)
            has = j < kw->u.props.n, v = has ? kw->u.props.v[j].sub : NULL;
        if (has) {
            *k = kw;
            *to = v;
            return 1;
        }
    }
    return 0;
}

typedef struct visit_frame {
    rl_snode *s;
    uint32_t ki; /* next_edge's place in s */
    size_t ji;
} visit_frame;

/* Enter s (grey) on the walk's stack; 0 out of time or memory. */
static int enter(rl_schema_set *set, rl_snode *s, visit_frame **st, size_t *n, size_t *cap,
                 rl_error *err)
{
    if (out_of_time(set, s, s->json, err))
        return 0;
    if (*n == *cap) {
        size_t more = *cap ? *cap * 2 : 64;
        visit_frame *g = rl_array_resize(*st, more, sizeof *g);
        if (!g) {
            rl_error_set(err, 0, 0, "out of memory");
            return 0;
        }
        *st = g;
        *cap = more;
    }
    (*st)[(*n)++] = (visit_frame){s, 0, 0};
    s->color = GREY;
    return 1;
}

/* Every node reachable from root by in-place applications, depth first: a
 * grey node reached again closes a cycle that never moves into the
 * instance (an error at the keyword that closes it). Returns 1 when none. */
static int visit(rl_schema_set *set, rl_snode *root, rl_error *err)
{
    visit_frame *st = NULL;
    size_t n = 0, cap = 0;
    int ok = enter(set, root, &st, &n, &cap, err);
    while (ok && n) {
        visit_frame *f = &st[n - 1];
        const rl_skw *k;
        rl_snode *to;
        if (!next_edge(f->s, &f->ki, &f->ji, &k, &to)) {
            f->s->color = BLACK;
            n--;
        } else if (to && to->color == GREY) {
            rl_ss_fail(set, f->s->res->doc, k->at, err,
                       "%s: this reference cycle never reaches a value inside the instance, so "
                       "it cannot be evaluated",
                       k->name);
            ok = 0;
        } else if (to && to->color == WHITE) {
            ok = enter(set, to, &st, &n, &cap, err);
        }
    }
    free(st);
    return ok;
}

int rl_ss_compile_queue(rl_schema_set *set, rl_error *err)
{
    while (set->queue) {
        rl_snode *s = set->queue;
        set->queue = s->next;
        if (s->kind == RL_SN_OBJECT && !compile_object(set, s, err)) {
            s->next = set->queue; /* rollback finds it there */
            set->queue = s;
            return 0;
        }
        s->state = RL_SN_COMPILED;
        s->next = set->done;
        set->done = s;
    }
    for (rl_snode *s = set->done; s; s = s->next)
        if (s->color == WHITE && !visit(set, s, err)) {
            for (rl_snode *t = set->done; t; t = t->next)
                t->color = WHITE;
            return 0;
        }
    set->done = NULL;
    return 1;
}
