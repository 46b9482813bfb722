/* schema_memo.c — what one validation remembers: the verdicts of
 * (schema node, instance node, dynamic scope) triples, and the signatures
 * that stand for dynamic scopes in them.
 *
 * A verdict reached without annotations depends on the schema node, the
 * instance node and, through $dynamicRef, on the dynamic scope — but only
 * on which resource each $dynamicAnchor name is bound to (the outermost
 * resource of the scope that has it). A scope's signature names exactly
 * that binding: 0 binds nothing; entering a resource whose anchor names
 * are all bound already keeps the signature (the outer one wins); entering
 * one that binds a new name gives the interned signature (parent, that
 * resource). Two scopes with one signature resolve every $dynamicRef alike,
 * so a triple's verdict can be looked up instead of evaluated again, and a
 * schema set without $dynamicAnchors (signature always 0) or with one per
 * resource entered keeps every chain linear. Past SIG_MAX signatures a
 * new one is RL_SSIG_UNKNOWN: nothing under it is memoised (--timeout then
 * bounds a schema built to make the signatures double per level).
 *
 * A valid verdict always stands for an evaluation; an invalid one where no
 * errors are wanted; and an invalid one whose errors the wanted list
 * already holds: the validation's own list (c->out), or the scratch list
 * of the current "closest alternative" attempt (its epoch: every attempt
 * starts a new one). An error names its schema and instance places, not
 * the path that reached them, so the 2^n paths of a failing chain report
 * each error once, in linear time, in either list.
 *
 * Everything here lives in the rl_svctx of one validation (one thread). */
#include "deadline.h"
#include "schema_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MEMO_MAX (1u << 20) /* entries at most (a table of 48 MiB); then it starts afresh */
#define SIG_MAX (1u << 16)  /* interned signatures at most */

typedef struct memo_entry { /* 24 bytes */
    const rl_snode *s;      /* NULL: free */
    const rl_jnode *inst;
    unsigned sig;
    unsigned ok : 1;
    unsigned in_out : 1;      /* invalid, and its errors are in c->out */
    unsigned hint_epoch : 30; /* invalid, and its errors are in that attempt's list (0: none) */
} memo_entry;

typedef struct sig_entry {
    unsigned parent;
    const rl_sres *res;
} sig_entry;

struct rl_svmemo {
    memo_entry *slots;
    size_t cap, n;   /* cap: a power of two */
    sig_entry *sigs; /* signature i + 1 is sigs[i] */
    unsigned nsig, sig_cap;
    unsigned *sig_slots; /* open addressing over sigs: 0 free, else a signature */
    size_t sig_slot_cap;
};

static rl_svmemo *memo_get(rl_svctx *c)
{
    if (!c->memo && !(c->memo = calloc(1, sizeof *c->memo)))
        c->oom = 1;
    return c->memo;
}

void rl_sv_memo_free(rl_svctx *c)
{
    if (!c->memo)
        return;
    free(c->memo->slots);
    free(c->memo->sigs);
    free(c->memo->sig_slots);
    free(c->memo);
    c->memo = NULL;
}

/* ---- signatures of the dynamic scope ----------------------------------- */

static size_t mix(uint64_t a, uint64_t b)
{
    uint64_t h = a * 0x9E3779B97F4A7C15u;
    h ^= b + 0x632BE59BD9B4E019u + (h << 6) + (h >> 2);
    return (size_t)(h ^ (h >> 29));
}

/* Is the anchor name bound by the signature sig? */
static int bound(const rl_svmemo *m, unsigned sig, const char *name)
{
    for (; sig; sig = m->sigs[sig - 1].parent)
        for (const rl_sdyn *d = m->sigs[sig - 1].res->dyn; d; d = d->next)
            if (strcmp(d->name, name) == 0)
                return 1;
    return 0;
}

static int binds_new_name(const rl_svmemo *m, unsigned sig, const rl_sres *res)
{
    for (const rl_sdyn *d = res->dyn; d; d = d->next)
        if (!bound(m, sig, d->name))
            return 1;
    return 0;
}

static unsigned *sig_slot(const rl_svmemo *m, unsigned parent, const rl_sres *res)
{
    size_t i = mix(parent, (uintptr_t)res) & (m->sig_slot_cap - 1);
    while (m->sig_slots[i] && (m->sigs[m->sig_slots[i] - 1].parent != parent ||
                               m->sigs[m->sig_slots[i] - 1].res != res))
        i = (i + 1) & (m->sig_slot_cap - 1);
    return &m->sig_slots[i];
}

/* Room for one more signature (the table at most half full). */
static int sig_room(rl_svmemo *m)
{
    if (m->nsig == m->sig_cap) {
        unsigned cap = m->sig_cap ? m->sig_cap * 2 : 16;
        sig_entry *v = realloc(m->sigs, cap * sizeof *v);
        if (!v)
            return 0;
        m->sigs = v;
        m->sig_cap = cap;
    }
    if ((m->nsig + 1) * 2 <= m->sig_slot_cap)
        return 1;
    size_t cap = m->sig_slot_cap ? m->sig_slot_cap * 2 : 32;
    unsigned *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return 0;
    free(m->sig_slots);
    m->sig_slots = slots;
    m->sig_slot_cap = cap;
    for (unsigned i = 1; i <= m->nsig; i++)
        *sig_slot(m, m->sigs[i - 1].parent, m->sigs[i - 1].res) = i;
    return 1;
}

unsigned rl_sv_scope_sig(rl_svctx *c, unsigned up, const rl_sres *res)
{
    if (!res->dyn || up == RL_SSIG_UNKNOWN)
        return up;
    rl_svmemo *m = memo_get(c);
    if (!m)
        return RL_SSIG_UNKNOWN;
    if (!binds_new_name(m, up, res))
        return up;
    if (m->nsig >= SIG_MAX || !sig_room(m))
        return RL_SSIG_UNKNOWN;
    unsigned *slot = sig_slot(m, up, res);
    if (!*slot) {
        m->sigs[m->nsig++] = (sig_entry){up, res};
        *slot = m->nsig;
    }
    return *slot;
}

/* ---- verdicts ----------------------------------------------------------- */

static unsigned call_sig(const rl_svcall *call)
{
    return call->scope ? call->scope->sig : 0;
}

static size_t memo_hash(const rl_snode *s, const rl_jnode *inst, unsigned sig)
{
    return mix((uintptr_t)s ^ ((uint64_t)sig << 40), (uintptr_t)inst);
}

static memo_entry *memo_slot(const rl_svmemo *m, const rl_snode *s, const rl_jnode *inst,
                             unsigned sig)
{
    size_t i = memo_hash(s, inst, sig) & (m->cap - 1);
    while (m->slots[i].s &&
           (m->slots[i].s != s || m->slots[i].inst != inst || m->slots[i].sig != sig))
        i = (i + 1) & (m->cap - 1);
    return &m->slots[i];
}

static int memo_usable(const rl_svctx *c, const rl_svcall *call)
{
    /* hinting changes messages, not verdicts */
    return !call->ann && !c->transient && call_sig(call) != RL_SSIG_UNKNOWN;
}

/* Are the errors of this invalid entry already in the list the call wants? */
static int errors_held(const rl_svctx *c, const memo_entry *e, const rl_svcall *call)
{
    if (!call->errs)
        return 1;
    if (call->errs == c->out)
        return e->in_out;
    return call->errs == c->hint_errs && c->hint_epoch && c->hint_epoch < RL_SV_EPOCH_MAX &&
           e->hint_epoch == c->hint_epoch;
}

int rl_sv_memo_find(const rl_svctx *c, const rl_snode *s, const rl_svcall *call, int *ok)
{
    if (!c->memo || !c->memo->cap || !memo_usable(c, call))
        return 0;
    const memo_entry *e = memo_slot(c->memo, s, call->inst, call_sig(call));
    if (!e->s || (!e->ok && !errors_held(c, e, call)))
        return 0;
    *ok = e->ok;
    return 1;
}

static int memo_grow(rl_svmemo *m)
{
    size_t cap = m->cap ? m->cap * 2 : 256;
    memo_entry *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < m->cap; i++) {
        const memo_entry *e = &m->slots[i];
        if (!e->s)
            continue;
        size_t j = memo_hash(e->s, e->inst, e->sig) & (cap - 1);
        while (slots[j].s)
            j = (j + 1) & (cap - 1);
        slots[j] = *e;
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return 0;
}

/* Keep a verdict, and in which list its errors now are. A full memo
 * starts afresh (a walk is local: what it needs again is recent); one that
 * cannot grow only stops remembering. */
void rl_sv_memo_keep(rl_svctx *c, const rl_snode *s, const rl_svcall *call, int ok)
{
    if (!memo_usable(c, call) || c->stopped || c->oom)
        return;
    rl_svmemo *m = memo_get(c);
    if (!m)
        return;
    if (m->n >= MEMO_MAX) {
        memset(m->slots, 0, m->cap * sizeof *m->slots);
        m->n = 0;
    }
    size_t had = m->cap;
    if ((m->n + 1) * 2 > m->cap && memo_grow(m) != 0)
        return;
    if (m->cap != had) { /* charged until the validation ends (--max-memory) */
        rl_deadline_charge(c->deadline, (m->cap - had) * sizeof *m->slots);
        c->charged += (m->cap - had) * sizeof *m->slots;
    }
    unsigned sig = call_sig(call);
    memo_entry *e = memo_slot(m, s, call->inst, sig);
    if (!e->s) {
        m->n++;
        *e = (memo_entry){.s = s, .inst = call->inst, .sig = sig, .ok = ok != 0};
    }
    if (ok || !call->errs)
        return;
    if (call->errs == c->out)
        e->in_out = 1;
    else if (call->errs == c->hint_errs && c->hint_epoch < RL_SV_EPOCH_MAX)
        e->hint_epoch = c->hint_epoch & RL_SV_EPOCH_MAX;
}
