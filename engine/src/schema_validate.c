/* schema_validate.c — the walk: a compiled schema against an instance, and
 * the in-place applicators ($ref, $dynamicRef, allOf, anyOf, oneOf, not,
 * if/then/else, dependentSchemas).
 *
 * A call carries the instance, the dynamic scope (the resources entered on
 * the way, innermost first, living on the C stack), an annotation set and
 * an error list. Annotations — which members/items of this instance some
 * keyword evaluated — are only collected when a node with
 * unevaluatedProperties/Items needs them: such a node owns a fresh set, and
 * in-place subschemas fill a set of their own that is merged into the
 * caller's only when they pass (a failing subschema contributes nothing).
 * Without an error list, evaluation stops at the first failing keyword;
 * with one, every keyword reports, except that unevaluated* (always last)
 * stays quiet once another keyword of the same object has failed — the
 * annotations it reads are incomplete then, so it would only echo that.
 *
 * Verdicts are memoised per validation (schema_memo.c): a (schema node,
 * instance node, dynamic scope signature) triple evaluated without
 * annotations gives the same verdict every time, so it is looked up
 * instead of evaluated again where it can stand for the evaluation. An
 * `allOf`/`anyOf`/`oneOf` chain of `$ref`s that doubles per level, valid or
 * not, is then linear in its levels, the closest alternative's hint too.
 *
 * Thread safety: everything written during a validation is in the rl_svctx
 * (scratch arena, memo) or the caller's error list; compiled nodes are only read. */
#include "deadline.h"
#include "schema_int.h"

#include <stdint.h>
#include <string.h>

void *rl_sv_alloc(rl_svctx *c, size_t n)
{
    if (!c->scratch) {
        if (!(c->scratch = rl_arena_new(0))) {
            c->oom = 1;
            return NULL;
        }
        rl_arena_set_meter(c->scratch, c->deadline); /* --max-memory */
    }
    void *p = rl_arena_calloc(c->scratch, n ? n : 1);
    if (!p)
        c->oom = 1;
    return p;
}

int rl_sv_ann_new(rl_svctx *c, rl_sann *a, size_t n)
{
    a->n = n;
    a->bits = rl_sv_alloc(c, ((n + 63) / 64) * sizeof *a->bits);
    return a->bits != NULL;
}

void rl_sv_ann_mark(rl_sann *a, size_t i)
{
    if (a && i < a->n)
        a->bits[i / 64] |= (uint64_t)1 << (i % 64);
}

void rl_sv_ann_mark_all(rl_sann *a)
{
    if (a)
        memset(a->bits, 0xFF, ((a->n + 63) / 64) * sizeof *a->bits);
}

int rl_sv_ann_has(const rl_sann *a, size_t i)
{
    return a && i < a->n && (a->bits[i / 64] >> (i % 64) & 1);
}

static void ann_merge(rl_sann *to, const rl_sann *from)
{
    for (size_t w = 0; w < (to->n + 63) / 64; w++)
        to->bits[w] |= from->bits[w];
}

unsigned rl_sv_type_bits(const rl_svctx *c, const rl_jnode *inst)
{
    switch (rl_jn_type(inst)) {
    case RL_JNULL: return RL_ST_NULL;
    case RL_JTRUE:
    case RL_JFALSE: return RL_ST_BOOLEAN;
    case RL_JSTRING: return RL_ST_STRING;
    case RL_JARRAY: return RL_ST_ARRAY;
    case RL_JOBJECT: return RL_ST_OBJECT;
    case RL_JNUMBER: break;
    }
    char buf[RL_SDEC_BUF];
    rl_sdec d;
    rl_sdec_from_node(c->idoc, inst, buf, &d);
    return RL_ST_NUMBER | (rl_sdec_is_integer(&d) ? RL_ST_INTEGER : 0);
}

static int uneval_keyword(const rl_skw *k)
{
    return k->fn == rl_skw_unevaluated_properties || k->fn == rl_skw_unevaluated_items;
}

static int eval_object(rl_svctx *c, const rl_snode *s, const rl_svcall *call)
{
    rl_svcall sub = *call;
    rl_sscope frame;
    if (!call->scope || call->scope->res != s->res) {
        frame.res = s->res;
        frame.up = call->scope;
        frame.sig = rl_sv_scope_sig(c, call->scope ? call->scope->sig : 0, s->res);
        sub.scope = &frame;
    }
    unsigned t = (unsigned)(rl_jn_type(call->inst) == RL_JNUMBER ? RL_ST_NUMBER
                                                                 : rl_sv_type_bits(c, call->inst));
    rl_sann own;
    if (!sub.ann && s->uneval && (t & (RL_ST_ARRAY | RL_ST_OBJECT))) {
        if (!rl_sv_ann_new(c, &own, rl_json_size(call->inst)))
            return 0;
        sub.ann = &own;
    }
    int ok = 1;
    for (uint32_t i = 0; i < s->nkw; i++) {
        const rl_skw *k = &s->kw[i];
        if (k->types && !(k->types & t))
            continue;
        if (!ok && uneval_keyword(k))
            break; /* after a failure the annotations are incomplete: only a cascade follows */
        if (!k->fn(c, s, k, &sub)) {
            ok = 0;
            if (!call->errs || c->oom)
                break;
        }
    }
    return ok;
}

int rl_sv_eval(rl_svctx *c, const rl_snode *s, const rl_svcall *call)
{
    if (s->kind == RL_SN_TRUE)
        return 1;
    if (s->kind == RL_SN_FALSE) {
        rl_sv_error_at(c, s->res, "false", s->json, call->errs, call->inst,
                       "no value is allowed here (the schema is false)");
        return 0;
    }
    if (c->stopped || rl_deadline_hit(c->deadline)) { /* allOf/anyOf chains can double per level */
        c->stopped = 1;
        return 0;
    }
    if (c->depth >= c->max_depth) { /* a long $ref chain, or a $dynamicRef loop */
        rl_sv_error_at(c, s->res, "$ref", s->json, call->errs, call->inst,
                       "evaluation nested more than %u schemas deep (a chain of $ref or "
                       "$dynamicRef that long, or a $dynamicRef cycle)",
                       c->max_depth);
        return 0;
    }
    if (s->state != RL_SN_COMPILED) { /* cannot happen after a successful load */
        c->oom = 1;
        return 0;
    }
    int ok;
    if (rl_sv_memo_find(c, s, call, &ok))
        return ok;
    c->depth++;
    ok = eval_object(c, s, call) && !c->oom;
    c->depth--;
    rl_sv_memo_keep(c, s, call, ok);
    return ok;
}

int rl_sv_inplace(rl_svctx *c, const rl_snode *sub, const rl_svcall *call, rl_schema_errors *errs)
{
    rl_svcall cc = *call;
    cc.errs = errs;
    rl_sann child;
    if (call->ann && sub->kind == RL_SN_OBJECT) {
        if (!rl_sv_ann_new(c, &child, call->ann->n))
            return 0;
        cc.ann = &child;
    }
    int ok = rl_sv_eval(c, sub, &cc);
    if (ok && cc.ann)
        ann_merge(call->ann, cc.ann);
    return ok;
}

int rl_sv_child(rl_svctx *c, const rl_snode *sub, const rl_jnode *child, const rl_svcall *call,
                rl_schema_errors *errs)
{
    rl_svcall cc = {child, call->scope, NULL, errs};
    return rl_sv_eval(c, sub, &cc);
}

/* ---- in-place applicators ------------------------------------------------- */

int rl_skw_ref(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    (void)s;
    return rl_sv_inplace(c, k->u.sub, call, call->errs);
}

int rl_skw_dynamic_ref(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    (void)s;
    const rl_snode *target = k->u.dynref.sub;
    const char *anchor = k->u.dynref.anchor;
    for (const rl_sscope *sc = anchor ? call->scope : NULL; sc; sc = sc->up) /* outermost wins */
        for (const rl_sdyn *d = sc->res->dyn; d; d = d->next)
            if (strcmp(d->name, anchor) == 0) {
                target = d->node;
                break;
            }
    return rl_sv_inplace(c, target, call, call->errs);
}

int rl_skw_all_of(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    (void)s;
    int ok = 1;
    for (size_t i = 0; i < k->u.list.n && (ok || call->errs); i++)
        ok &= rl_sv_inplace(c, k->u.list.v[i], call, call->errs);
    return ok;
}

/* The alternative with the fewest errors, for the message of a failed
 * anyOf/oneOf: its index and first error into hint. Alternatives failing
 * inside this re-evaluation give no hints of their own, and each attempt
 * is an epoch of the memo (an error reached again by another path is in
 * its list already), which keeps the cost of a failure at about twice
 * that of the verdict. */
static void closest_alternative(rl_svctx *c, const rl_skw *k, const rl_svcall *call, rl_sbuf *hint)
{
    rl_schema_errors best = RL_SCHEMA_ERRORS_INIT, tmp = RL_SCHEMA_ERRORS_INIT;
    size_t best_i = 0;
    rl_svcall cc = *call;
    cc.ann = NULL;
    c->hinting++;
    c->hint_errs = &tmp;
    for (size_t i = 0; i < k->u.list.n; i++) {
        rl_schema_errors_clear(&tmp);
        c->hint_epoch += c->hint_epoch < RL_SV_EPOCH_MAX;
        rl_sv_inplace(c, k->u.list.v[i], &cc, &tmp);
        if (tmp.n && (!best.n || tmp.n < best.n)) {
            rl_schema_errors swap = best;
            best = tmp;
            tmp = swap;
            best_i = i;
        }
    }
    c->hinting--;
    c->hint_errs = NULL;
    if (best.n) {
        rl_sbuf_printf(hint, "; closest is alternative %zu: ", best_i);
        rl_sv_first_message(hint, &best);
    }
    rl_schema_errors_free(&best);
    rl_schema_errors_free(&tmp);
}

static void alternatives_failed(rl_svctx *c, const rl_snode *s, const rl_skw *k,
                                const rl_svcall *call)
{
    if (!call->errs)
        return;
    rl_sbuf hint = RL_SBUF_INIT;
    if (!c->hinting)
        closest_alternative(c, k, call, &hint);
    rl_sv_error(c, s, k, call, NULL, "the value matches none of the %zu alternatives%s",
                k->u.list.n, rl_sbuf_str(&hint));
    rl_sbuf_free(&hint);
}

int rl_skw_any_of(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    int any = 0;
    for (size_t i = 0; i < k->u.list.n && !(any && !call->ann); i++)
        any |= rl_sv_inplace(c, k->u.list.v[i], call, NULL);
    if (!any)
        alternatives_failed(c, s, k, call);
    return any;
}

int rl_skw_one_of(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    size_t matched[2], n = 0;
    for (size_t i = 0; i < k->u.list.n && n < 2; i++)
        if (rl_sv_inplace(c, k->u.list.v[i], call, NULL))
            matched[n++] = i;
    if (n == 0)
        alternatives_failed(c, s, k, call);
    else if (n > 1)
        rl_sv_error(c, s, k, call, NULL,
                    "the value matches more than one alternative (%zu and %zu), expected "
                    "exactly one",
                    matched[0], matched[1]);
    return n == 1;
}

int rl_skw_not(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    rl_svcall cc = *call;
    cc.ann = NULL; /* "not" passes on no annotations */
    if (!rl_sv_inplace(c, k->u.sub, &cc, NULL))
        return 1;
    rl_sv_error(c, s, k, call, NULL, "the value must not match the schema");
    return 0;
}

int rl_skw_if(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    (void)s;
    if (!k->u.cond.then && !k->u.cond.els && !call->ann)
        return 1; /* "if" alone only matters for its annotations */
    int cond = rl_sv_inplace(c, k->u.cond.cond, call, NULL);
    const rl_snode *branch = cond ? k->u.cond.then : k->u.cond.els;
    return !branch || rl_sv_inplace(c, branch, call, call->errs);
}

int rl_skw_dependent_schemas(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call)
{
    (void)s;
    int ok = 1;
    for (size_t i = 0; i < k->u.props.n && (ok || call->errs); i++) {
        const rl_sprop *p = &k->u.props.v[i];
        if (rl_json_get(call->inst, p->name, p->len))
            ok &= rl_sv_inplace(c, p->sub, call, call->errs);
    }
    return ok;
}

/* ---- the entry point ----------------------------------------------------- */

void rl_sv_regex_limit(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_jnode *inst)
{
    if (!c->limit_s) {
        c->limit_s = s;
        c->limit_k = k;
        c->limit_inst = inst;
    }
}

int rl_schema_validate(const rl_schema *schema, const rl_jdoc *doc, const rl_jnode *instance,
                       rl_schema_errors *out)
{
    return rl_schema_validate_until(schema, doc, instance, out, NULL);
}

int rl_schema_validate_until(const rl_schema *schema, const rl_jdoc *doc, const rl_jnode *instance,
                             rl_schema_errors *out, struct rl_deadline *deadline)
{
    if (!instance)
        instance = doc ? doc->root : NULL;
    if (!schema || !instance)
        return -1;
    rl_svctx c = {.set = schema->set,
                  .idoc = doc,
                  .max_depth = schema->set->opts.max_depth,
                  .deadline = deadline,
                  .out = out};
    rl_svcall call = {instance, NULL, NULL, out};
    int ok = rl_sv_eval(&c, schema->root, &call);
    if (c.limit_s && !c.stopped) {
        rl_sv_error(&c, c.limit_s, c.limit_k, &call, c.limit_inst,
                    "pattern limit exceeded: the value could not be matched against %s within "
                    "the regex limits (treated as a violation)",
                    c.limit_k->at && rl_jn_type(c.limit_k->at) == RL_JSTRING
                        ? rl_jn_str(c.limit_k->at)
                        : "the pattern");
        ok = 0;
    }
    rl_arena_free(c.scratch);
    rl_sv_memo_free(&c);
    rl_deadline_release(deadline, c.charged); /* the errors kept are few, or in out */
    if (c.oom || (out && out->oom))
        return -1;
    return c.stopped ? -2 : ok;
}
