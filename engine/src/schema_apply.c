/* schema_apply.c — applicators that descend into an object's members or an
 * array's items: properties, patternProperties, additionalProperties,
 * propertyNames, prefixItems, items (and draft-07 additionalItems),
 * contains with minContains/maxContains, unevaluatedProperties and
 * unevaluatedItems.
 *
 * Each marks the members/items it evaluated in the call's annotation set
 * (when one is being collected), which is what unevaluated* later reads.
 * A false subschema is reported by the applicator itself ("property 'x' is
 * not allowed"), so the message names the keyword that rejected it. */
#include "schema_int.h"

#include <string.h>

/* Apply sub to member i of the instance object. */
static int apply_member(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call,
                        const rl_snode *sub, size_t i)
{
    const rl_jmember *m = rl_jn_member(call->inst, i);
    rl_sv_ann_mark(call->ann, i);
    if (sub->kind != RL_SN_FALSE)
        return rl_sv_child(c, sub, rl_jm_value(m), call, call->errs);
    rl_sv_error(c, s, k, call, rl_jm_value(m), "property '%s' is not allowed", rl_jm_key(m));
    return 0;
}

/* Apply sub to item i of the instance array. */
static int apply_item(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call,
                      const rl_snode *sub, size_t i)
{
    const rl_jnode *item = rl_jn_item(call->inst, i);
    rl_sv_ann_mark(call->ann, i);
    if (sub->kind != RL_SN_FALSE)
        return rl_sv_child(c, sub, item, call, call->errs);
    rl_sv_error(c, s, k, call, item, "item %zu is not allowed", i);
    return 0;
}

/* Does a patternProperties regex match the name? <0 at a regex limit. */
static int pattern_match(rl_svctx *c, const rl_spat *p, const rl_jmember *m)
{
    int r = rl_sv_search(c, p->re, rl_jm_key(m), rl_jm_key_len(m));
    return r == RL_REGEX_MATCH ? 1 : r == RL_REGEX_NOMATCH ? 0 : -1;
}

static int regex_trouble(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call,
                         const rl_jmember *m)
{
    rl_sv_regex_limit(c, s, k, rl_jm_value(m));
    rl_sv_error(c, s, k, call, rl_jm_value(m),
                "property name '%s' could not be matched within the regex limits", rl_jm_key(m));
    return 0;
}

int rl_skw_properties(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    int ok = 1;
    for (size_t i = 0; i < rl_jn_count(call->inst) && (ok || call->errs); i++) {
        const rl_jmember *m = rl_jn_member(call->inst, i);
        const rl_sprop *p = rl_sprop_find(k->u.props.v, k->u.props.n, rl_jm_key(m),
                                          rl_jm_key_len(m));
        if (p)
            ok &= apply_member(c, s, k, call, p->sub, i);
    }
    return ok;
}

int rl_skw_pattern_properties(rl_svctx *c, const rl_snode *s, const rl_skw *k,
                              const rl_svcall *call)
{
    int ok = 1;
    for (size_t i = 0; i < rl_jn_count(call->inst) && (ok || call->errs); i++) {
        const rl_jmember *m = rl_jn_member(call->inst, i);
        for (size_t j = 0; j < k->u.pats.n && (ok || call->errs); j++) {
            int r = pattern_match(c, &k->u.pats.v[j], m);
            if (r < 0)
                ok = regex_trouble(c, s, k, call, m);
            else if (r)
                ok &= apply_member(c, s, k, call, k->u.pats.v[j].sub, i);
        }
    }
    return ok;
}

/* Is member m covered by the sibling properties/patternProperties? */
static int covered(rl_svctx *c, const rl_skw *k, const rl_jmember *m)
{
    const rl_skw *props = k->u.addl.props, *pats = k->u.addl.pats;
    if (props && rl_sprop_find(props->u.props.v, props->u.props.n, rl_jm_key(m), rl_jm_key_len(m)))
        return 1;
    for (size_t j = 0; pats && j < pats->u.pats.n; j++)
        if (pattern_match(c, &pats->u.pats.v[j], m) != 0)
            return 1; /* a regex limit was already reported by patternProperties */
    return 0;
}

int rl_skw_additional_properties(rl_svctx *c, const rl_snode *s, const rl_skw *k,
                                 const rl_svcall *call)
{
    int ok = 1;
    for (size_t i = 0; i < rl_jn_count(call->inst) && (ok || call->errs); i++)
        if (!covered(c, k, rl_jn_member(call->inst, i)))
            ok &= apply_member(c, s, k, call, k->u.addl.sub, i);
    return ok;
}

/* Why a property name failed: the first error of evaluating it again. */
static void name_error(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call,
                       const rl_jnode *name, const rl_jmember *m)
{
    rl_schema_errors why = RL_SCHEMA_ERRORS_INIT;
    rl_sv_child(c, k->u.sub, name, call, &why);
    rl_sbuf detail = RL_SBUF_INIT;
    rl_sv_first_message(&detail, &why);
    rl_sv_error(c, s, k, call, rl_jm_value(m), "property name '%s' is not allowed%s%s",
                rl_jm_key(m), detail.len ? ": " : "", rl_sbuf_str(&detail));
    rl_sbuf_free(&detail);
    rl_schema_errors_free(&why);
}

int rl_skw_property_names(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    int ok = 1;
    for (size_t i = 0; i < rl_jn_count(call->inst) && (ok || call->errs); i++) {
        const rl_jmember *m = rl_jn_member(call->inst, i);
        rl_jnode name;
        rl_jn_init_string(&name, rl_jm_key(m), rl_jm_key_len(m), 0);
        c->transient++; /* no verdict about &name may be memoised */
        int valid = rl_sv_child(c, k->u.sub, &name, call, NULL);
        if (!valid && call->errs)
            name_error(c, s, k, call, &name, m);
        c->transient--;
        if (valid)
            continue;
        ok = 0;
    }
    return ok;
}

int rl_skw_prefix_items(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    int ok = 1;
    size_t n = rl_jn_count(call->inst) < k->u.list.n ? rl_jn_count(call->inst) : k->u.list.n;
    for (size_t i = 0; i < n && (ok || call->errs); i++)
        ok &= apply_item(c, s, k, call, k->u.list.v[i], i);
    return ok;
}

int rl_skw_items(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    int ok = 1;
    for (size_t i = k->u.items.start; i < rl_jn_count(call->inst) && (ok || call->errs); i++)
        ok &= apply_item(c, s, k, call, k->u.items.sub, i);
    return ok;
}

int rl_skw_contains(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    size_t n = 0, min = k->u.contains.min, max = k->u.contains.max;
    int has_max = k->u.contains.has_max;
    for (size_t i = 0; i < rl_jn_count(call->inst); i++) {
        if (!call->ann && n >= min && !has_max)
            break;
        if (has_max && n > max && !call->errs)
            return 0;
        if (rl_sv_child(c, k->u.contains.sub, rl_jn_item(call->inst, i), call, NULL)) {
            n++;
            rl_sv_ann_mark(call->ann, i);
        }
    }
    if (n < min) {
        if (k->u.contains.min_at)
            rl_sv_error_at(c, s->res, "minContains", k->u.contains.min_at, call->errs, call->inst,
                           "%zu item%s match the contains schema, at least %zu required", n,
                           n == 1 ? "" : "s", min);
        else
            rl_sv_error(c, s, k, call, NULL, "no item matches the contains schema");
        return 0;
    }
    if (has_max && n > max) {
        rl_sv_error_at(c, s->res, "maxContains", k->u.contains.max_at, call->errs, call->inst,
                       "%zu items match the contains schema, at most %zu allowed", n, max);
        return 0;
    }
    return 1;
}

int rl_skw_unevaluated_properties(rl_svctx *c, const rl_snode *s, const rl_skw *k,
                                  const rl_svcall *call)
{
    int ok = 1;
    size_t n = rl_jn_count(call->inst);
    for (size_t i = 0; i < n && (ok || call->errs); i++)
        if (!rl_sv_ann_has(call->ann, i))
            ok &= apply_member(c, s, k, call, k->u.sub, i);
    return ok;
}

int rl_skw_unevaluated_items(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    int ok = 1;
    size_t n = rl_jn_count(call->inst);
    for (size_t i = 0; i < n && (ok || call->errs); i++)
        if (!rl_sv_ann_has(call->ann, i))
            ok &= apply_item(c, s, k, call, k->u.sub, i);
    return ok;
}
