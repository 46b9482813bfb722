/* collection_judge.c — judging collection rules once every report is in
 * (collection.h).
 *
 * For each active collection rule, in load order, and each of its groups,
 * in group-key order: the values the reports left are laid out in one
 * JSON array (the *stash*, parsed once), so that the kinds run unchanged —
 * their expressions get each part's value from the stash through
 * rl_eval_ctx.subst, AGG parts their exact totals — and a violation
 * blamed on a stash value is placed where that value was read: its
 * report's file, line, column and pointer. A violation about the group as
 * a whole is placed at the rule in its rule set and names the group.
 *
 * Entries (the nodes `each` selected) run in (order key, file, line,
 * column, pointer) order, so previous() and the output do not depend on
 * input order, threads or shards. */
#include "check_run.h"
#include "array.h"
#include "collection.h"
#include "error.h"
#include "result.h"

#include <stdlib.h>
#include <string.h>

typedef struct span {
    size_t start, n;
    uint8_t tag;
} span;

typedef struct judge {
    const rl_rule *rule;
    const rl_coll_rule *cr;
    const rl_coll *c;
    rl_group *g;
    rl_run *run;
    rl_jdoc *stash;
    const rl_loc **locs; /* of each stash item */
    size_t n_locs;
    rl_sbuf text;       /* the stash being written */
    span *gathers;      /* per GATHER slot */
    size_t *entry_at;   /* stash index of each sorted entry's placeholder */
    span *vals;         /* per sorted entry, per NODE then PREV slot */
    size_t n_vals;      /* NODE + PREV slots */
    size_t dups_at;     /* stash index of the first `unique` duplicate */
    rl_entry **entries; /* sorted */
    rl_gnode **gsorted;
    rl_udup **dsorted;
    rl_value *aggs;
    const char **agg_err;
    size_t cur;            /* the entry being run */
    rl_deadline *deadline; /* of the whole judging (--timeout) */
    rl_sbuf label;         /* "period 2025-09" */
} judge;

/* ---- sorting -------------------------------------------------------------- */

static int cmp_entry(const void *a, const void *b)
{
    const rl_entry *x = *(rl_entry *const *)a, *y = *(rl_entry *const *)b;
    int c = rl_okey_cmp(&x->order, &y->order);
    return c ? c : rl_loc_cmp(&x->at, &y->at);
}

static int cmp_gnode(const void *a, const void *b)
{
    const rl_gnode *x = *(rl_gnode *const *)a, *y = *(rl_gnode *const *)b;
    int c = rl_okey_cmp(&x->order, &y->order);
    return c ? c : rl_loc_cmp(&x->k.loc, &y->k.loc);
}

static int cmp_dup(const void *a, const void *b)
{
    const rl_udup *x = *(rl_udup *const *)a, *y = *(rl_udup *const *)b;
    int c = rl_okey_cmp(&x->order, &y->order);
    return c ? c : rl_loc_cmp(&x->loc, &y->loc);
}

/* ---- the stash -------------------------------------------------------------- */

static int stash_add(judge *j, const char *json, const rl_loc *loc, int quote)
{
    if (j->n_locs)
        rl_sbuf_addc(&j->text, ',');
    if (quote)
        rl_json_write_string(&j->text, json, strlen(json));
    else
        rl_sbuf_adds(&j->text, json);
    const rl_loc **more = rl_array_resize(j->locs, j->n_locs + 1, sizeof *more);
    if (!more)
        return -1;
    j->locs = more;
    j->locs[j->n_locs++] = loc;
    return 0;
}

static int stash_val(judge *j, const rl_val *v, span *s)
{
    s->start = j->n_locs;
    s->n = v->n;
    s->tag = v->tag;
    for (size_t i = 0; i < v->n; i++)
        if (stash_add(j, v->items[i].json, &v->items[i].loc, v->tag == RL_VAL_ERROR) != 0)
            return -1;
    return 0;
}

static rl_gnode **sorted_gnodes(const rl_glist *l)
{
    rl_gnode **p = malloc((l->n ? l->n : 1) * sizeof *p);
    for (size_t i = 0; p && i < l->n; i++)
        p[i] = &l->items[i];
    if (p)
        qsort(p, l->n, sizeof *p, cmp_gnode);
    return p;
}

static int stash_gathers(judge *j)
{
    size_t ng = j->cr->n_kind[RL_PART_GATHER];
    j->gathers = calloc(ng ? ng : 1, sizeof *j->gathers);
    if (!j->gathers)
        return -1;
    for (size_t s = 0; s < ng; s++) {
        rl_gnode **p = sorted_gnodes(&j->g->gathers[s]);
        if (!p)
            return -1;
        j->gathers[s].start = j->n_locs;
        j->gathers[s].n = j->g->gathers[s].n;
        for (size_t i = 0; i < j->gathers[s].n; i++)
            if (stash_add(j, p[i]->k.json, &p[i]->k.loc, 0) != 0) {
                free(p);
                return -1;
            }
        free(p);
    }
    return 0;
}

static int stash_entries(judge *j)
{
    size_t n = j->g->n_entries;
    j->n_vals = j->cr->n_kind[RL_PART_NODE] + j->cr->n_kind[RL_PART_PREV];
    j->entries = malloc((n ? n : 1) * sizeof *j->entries);
    j->entry_at = malloc((n ? n : 1) * sizeof *j->entry_at);
    j->vals = calloc(n * j->n_vals + 1, sizeof *j->vals);
    if (!j->entries || !j->entry_at || !j->vals)
        return -1;
    for (size_t i = 0; i < n; i++)
        j->entries[i] = &j->g->entries[i];
    qsort(j->entries, n, sizeof *j->entries, cmp_entry);
    for (size_t i = 0; i < n; i++) {
        j->entry_at[i] = j->n_locs;
        if (stash_add(j, "null", &j->entries[i]->at, 0) != 0)
            return -1;
        for (size_t v = 0; v < j->n_vals; v++)
            if (stash_val(j, &j->entries[i]->vals[v], &j->vals[i * j->n_vals + v]) != 0)
                return -1;
    }
    return 0;
}

static int stash_dups(judge *j)
{
    size_t n = j->g->n_dups;
    j->dsorted = malloc((n ? n : 1) * sizeof *j->dsorted);
    if (!j->dsorted)
        return -1;
    for (size_t i = 0; i < n; i++)
        j->dsorted[i] = &j->g->dups[i];
    qsort(j->dsorted, n, sizeof *j->dsorted, cmp_dup);
    j->dups_at = j->n_locs;
    for (size_t i = 0; i < n; i++)
        if (stash_add(j, j->g->keys[j->dsorted[i]->key].key, &j->dsorted[i]->loc, 0) != 0)
            return -1;
    return 0;
}

static int build_stash(judge *j)
{
    rl_sbuf_addc(&j->text, '[');
    if (stash_gathers(j) != 0 || stash_entries(j) != 0 || stash_dups(j) != 0)
        return -1;
    rl_sbuf_addc(&j->text, ']');
    rl_error err = {0};
    rl_json_limits lim = {0};
    j->stash = rl_json_parse(j->text.data, j->text.len, &lim, &err);
    return j->stash ? 0 : -1;
}

static const rl_jnode *stash_item(const judge *j, size_t i)
{
    return rl_jn_item(j->stash->root, i);
}

/* ---- aggregates --------------------------------------------------------------- */

/* The int128 total as exact doubles added to a copy of the partials. */
static double agg_double(const rl_agg *a)
{
    rl_fsum s = {0};
    for (size_t i = 0; i < a->fs.n; i++)
        rl_fsum_add(&s, a->fs.p[i]);
    s.nonfinite = a->fs.nonfinite;
    __int128 rest = a->isum;
    for (int k = 0; k < 3 && rest != 0; k++) {
        double d = (double)rest;
        rl_fsum_add(&s, d);
        rest -= (__int128)d;
    }
    double r = rl_fsum_value(&s);
    free(s.p);
    return r;
}

static const char *agg_value(const rl_part *p, const rl_agg *a, rl_value *out)
{
    rl_value_set_null(out);
    if (a->err)
        return a->err;
    if (p->fn == RL_AGG_COUNT) {
        rl_value_set_int(out, (int64_t)a->n);
        return NULL;
    }
    if (a->has_null || a->n == 0)
        return NULL;
    const char *name = p->fn == RL_AGG_SUM ? "sum" : "avg";
    if (!a->has_double && p->fn == RL_AGG_AVG && a->isum % (__int128)a->n == 0) {
        __int128 q = a->isum / (__int128)a->n;
        if (q >= INT64_MIN && q <= INT64_MAX) {
            rl_value_set_int(out, (int64_t)q);
            return NULL;
        }
    }
    if (!a->has_double && p->fn == RL_AGG_SUM) {
        if (a->isum < INT64_MIN || a->isum > INT64_MAX)
            return "integer overflow in sum() over the group";
        rl_value_set_int(out, (int64_t)a->isum);
        return NULL;
    }
    double d = agg_double(a);
    if (p->fn == RL_AGG_AVG)
        d /= (double)a->n;
    if (d != d || d - d != 0)
        return p->fn == RL_AGG_SUM ? "number overflow in sum() over the group"
                                   : "number overflow in avg() over the group";
    (void)name;
    rl_value_set_num(out, d);
    return NULL;
}

static int compute_aggs(judge *j)
{
    size_t na = j->cr->n_kind[RL_PART_AGG];
    j->aggs = calloc(na ? na : 1, sizeof *j->aggs);
    j->agg_err = calloc(na ? na : 1, sizeof *j->agg_err);
    if (!j->aggs || !j->agg_err)
        return -1;
    for (size_t i = 0; i < j->cr->parts.n; i++) {
        const rl_part *p = &j->cr->parts.items[i];
        if (p->kind == RL_PART_AGG) {
            size_t s = j->cr->slot[i];
            j->agg_err[s] = agg_value(p, &j->g->aggs[s], &j->aggs[s]);
        }
    }
    return 0;
}

/* ---- substitution --------------------------------------------------------------- */

static int fail(judge *j, const rl_jnode *at, const char *message)
{
    rl_eval_ctx *ctx = rl_run_ctx(j->run);
    rl_error_set(ctx->err, 0, 0, "%s", message);
    ctx->err_node = at;
    return -1;
}

static int restore(judge *j, const span *s, rl_value *out)
{
    rl_eval_ctx *ctx = rl_run_ctx(j->run);
    if (s->tag == RL_VAL_LIST) {
        const rl_jnode **nodes = rl_arena_alloc(ctx->arena, (s->n ? s->n : 1) * sizeof *nodes);
        if (!nodes)
            return fail(j, NULL, "out of memory");
        for (size_t i = 0; i < s->n; i++)
            nodes[i] = stash_item(j, s->start + i);
        out->type = RL_VLIST;
        out->decimals = -1;
        out->src = NULL;
        out->u.list.nodes = nodes;
        out->u.list.values = NULL;
        out->u.list.n = s->n;
        return 1;
    }
    const rl_jnode *item = stash_item(j, s->start);
    if (s->tag == RL_VAL_ERROR)
        return fail(j, item, rl_jn_str(item));
    rl_value_from_node(out, item);
    if (s->tag == RL_VAL_DATE && rl_jn_type(item) == RL_JSTRING) { /* the reader checked it */
        rl_date_spec spec;
        rl_date d;
        if (rl_date_parse_iso(rl_jn_str(item), rl_jn_str_len(item), &spec) &&
            rl_date_resolve(&spec, 2000, &d) == 0) {
            rl_value_set_date(out, d);
            out->src = item;
        }
    } else if (s->tag == RL_VAL_COMPUTED) {
        out->decimals = -1;
        if (out->type == RL_VNULL)
            out->src = NULL;
    }
    return 1;
}

static int subst(void *user, const rl_enode *n, rl_value *out)
{
    judge *j = user;
    size_t i = 0;
    while (i < j->cr->parts.n && j->cr->parts.items[i].node != n)
        i++;
    if (i == j->cr->parts.n)
        return 0;
    const rl_part *p = &j->cr->parts.items[i];
    size_t s = j->cr->slot[i], nn = j->cr->n_kind[RL_PART_NODE];
    switch (p->kind) {
    case RL_PART_NODE: return restore(j, &j->vals[j->cur * j->n_vals + s], out);
    case RL_PART_PREV:
        if (j->cur == 0) {
            rl_value_set_null(out);
            return 1;
        }
        return restore(j, &j->vals[(j->cur - 1) * j->n_vals + nn + s], out);
    case RL_PART_AGG: *out = j->aggs[s]; return j->agg_err[s] ? fail(j, NULL, j->agg_err[s]) : 1;
    case RL_PART_GATHER: {
        span sp = {j->gathers[s].start, j->gathers[s].n, RL_VAL_LIST};
        return restore(j, &sp, out);
    }
    }
    return 0;
}

/* ---- placing violations ------------------------------------------------------- */

static void locate(void *user, const rl_jnode *blame, rl_violation *v, rl_sbuf *ptr, rl_sbuf *msg)
{
    judge *j = user;
    const rl_jnode *top = blame;
    while (top && rl_jn_parent(top) && rl_jn_parent(rl_jn_parent(top)))
        top = rl_jn_parent(top);
    int in_stash = top && rl_jn_parent(top) == j->stash->root;
    if (!in_stash) { /* the group as a whole: the rule, naming the group */
        v->file = j->rule->set->file;
        v->line = j->rule->line;
        v->column = j->rule->column;
        if (j->label.len) {
            rl_sbuf_add(msg, j->label.data, j->label.len);
            rl_sbuf_adds(msg, ": ");
            rl_sbuf_adds(msg, v->message);
        }
        return;
    }
    const rl_loc *loc = j->locs[rl_jn_index(top)];
    v->file = loc->file;
    v->line = loc->line;
    v->column = loc->col;
    rl_sbuf_adds(ptr, loc->pointer ? loc->pointer : "");
    rl_sbuf rel = RL_SBUF_INIT;
    rl_json_pointer(blame, &rel);
    const char *r = rl_sbuf_str(&rel);
    const char *slash = strchr(r + (r[0] == '/'), '/'); /* drop "/index" of the stash */
    if (slash)
        rl_sbuf_adds(ptr, slash);
    rl_sbuf_free(&rel);
}

/* "period 2025-09": the group expression's last name and the key. */
static void make_label(judge *j)
{
    if (!j->cr->group)
        return;
    const char *t = rl_expr_text(j->cr->group), *end = t + strlen(t), *s = end;
    while (s > t && (s[-1] == '_' || (s[-1] >= 'a' && s[-1] <= 'z') ||
                     (s[-1] >= 'A' && s[-1] <= 'Z') || (s[-1] >= '0' && s[-1] <= '9')))
        s--;
    if (s < end)
        rl_sbuf_add(&j->label, s, (size_t)(end - s));
    else
        rl_sbuf_adds(&j->label, "group");
    rl_sbuf_addc(&j->label, ' ');
    rl_okey_text(&j->g->key, &j->label);
}

/* The group key as a figure's value; 0 when the rule has no group. */
static int group_value(const judge *j, rl_value *v)
{
    const rl_okey *k = &j->g->key;
    if (!j->cr->group)
        return 0;
    switch ((rl_okey_type)k->type) {
    case RL_OK_NULL: rl_value_set_null(v); break;
    case RL_OK_BOOL: rl_value_set_bool(v, (int)k->i); break;
    case RL_OK_NUM:
        if (k->is_int)
            rl_value_set_int(v, k->i);
        else
            rl_value_set_num(v, k->d);
        break;
    case RL_OK_STR: rl_value_set_str(v, k->s, strlen(k->s)); break;
    }
    return 1;
}

/* ---- running ------------------------------------------------------------------- */

static void report_dups(judge *j, const rl_eval_ctx *base)
{
    rl_run *run = j->run;
    run->ctx = *base;
    for (size_t i = 0; i < j->g->n_dups && !rl_deadline_hit(j->deadline); i++) {
        const rl_udup *d = j->dsorted[i];
        rl_loc first;
        const rl_okey *order;
        rl_ukey_first(j->c, j->g, d->key, &first, &order);
        rl_sbuf where = RL_SBUF_INIT;
        rl_sbuf_printf(&where, "%s:%u:%u", first.file, first.line, first.col);
        rl_finding f = {0};
        rl_value key;
        f.blame = stash_item(j, j->dups_at + i);
        rl_value_from_node(&key, f.blame);
        f.msg = RL_MSG_UNIQUE;
        rl_finding_add(&f, "key", &key);
        rl_finding_add(&f, "actual", &key);
        rl_finding_add_str(&f, "first", rl_sbuf_str(&where));
        rl_run_report(run, &f);
        rl_sbuf_free(&where);
    }
    if (j->g->n_keys == 0) { /* no item with a key: missing data, as per report */
        run->node = j->stash->root;
        rl_run_count(run, rl_run_missing_at(run, "items", rl_jpath_text(j->cr->items), NULL));
        return;
    }
    rl_run_count(run, j->g->n_dups ? RL_FAIL : RL_PASS);
}

static void run_group(judge *j, rl_eval_ctx *base)
{
    base->subst = subst;
    base->subst_user = j;
    if (j->cr->items) {
        report_dups(j, base);
    } else if (!j->cr->each) {
        rl_run_on_node(j->run, j->stash->root, base);
    } else if (j->g->n_entries == 0) { /* nothing to check: missing data */
        j->run->ctx = *base;
        j->run->node = j->stash->root;
        rl_run_count(j->run, rl_run_missing_at(j->run, "each", rl_jpath_text(j->cr->each), NULL));
    } else {
        const char *locale = base->locale;
        for (j->cur = 0; j->cur < j->g->n_entries && !rl_deadline_hit(j->deadline); j->cur++) {
            base->locale = j->entries[j->cur]->locale ? j->entries[j->cur]->locale : locale;
            rl_run_on_node(j->run, stash_item(j, j->entry_at[j->cur]), base);
        }
        base->locale = locale;
    }
}

static void judge_free(judge *j)
{
    rl_jdoc_free(j->stash);
    free(j->locs);
    rl_sbuf_free(&j->text);
    rl_sbuf_free(&j->label);
    free(j->gathers);
    free(j->entry_at);
    free(j->vals);
    free(j->entries);
    free(j->dsorted);
    free(j->aggs);
    free(j->agg_err);
}

typedef struct judging {
    const rl_rules *rules;
    rl_check_plan *plan;
    rl_result *res;
    rl_lang lang;
    rl_arena *arena;
    rl_deadline deadline; /* --timeout, for the whole judging */
    double timeout;
} judging;

static int judge_group(judging *jg, const rl_plan_rule *pr, const rl_coll *c, rl_group *g)
{
    judge j;
    memset(&j, 0, sizeof j);
    j.rule = pr->rule;
    j.cr = pr->rule->coll;
    j.c = c;
    j.g = g;
    j.deadline = &jg->deadline;
    rl_run run = {.head = {&rl_check_run_ops}};
    run.rule = pr->rule;
    run.severity = pr->severity;
    run.slot = rl_check_rule_slot(jg->res, jg->rules, pr->rule, (int)pr->severity);
    run.file = pr->rule->set->file;
    run.res = jg->res;
    run.catalog = jg->rules->catalog;
    run.lang = jg->lang;
    run.locate = locate;
    run.locate_user = &j;
    j.run = &run;
    int rc = -1;
    if (build_stash(&j) == 0 && compute_aggs(&j) == 0) {
        const rl_plan_set *ps = &jg->plan->sets[pr->set];
        const char *flag = jg->plan->opts ? jg->plan->opts->locale : NULL;
        const char *locale = flag && flag[0] ? flag : ps->set->locale ? ps->set->locale : "en";
        rl_eval_ctx base;
        run.doc = j.stash;
        rl_check_base_ctx(&base, j.stash, rl_report_locale_node(j.stash->root), ps, jg->plan->today,
                          locale, jg->arena, run.file, jg->res, jg->rules->catalog, jg->lang);
        base.deadline = &jg->deadline;
        make_label(&j);
        rl_fig group = {"group", {0}};
        if (group_value(&j, &group.v))
            run.extra = &group;
        run_group(&j, &base);
        rc = 0;
    }
    judge_free(&j);
    return rc;
}

static int judge_rule(judging *jg, rl_coll *c, const rl_plan_rule *pr)
{
    rl_coll_rstate *rs = &c->rules[pr->rule->coll->index];
    if (!pr->rule->coll->group && rs->n == 0) { /* no group: always one, even empty */
        rl_okey none = {0};
        if (!rl_coll_group(c, rs, &none))
            return -1;
    }
    rl_group **sorted = rl_coll_sorted_groups(rs);
    if (!sorted)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < rs->n && rc == 0 && !rl_deadline_check(&jg->deadline); i++)
        rc = judge_group(jg, pr, c, sorted[i]);
    free(sorted);
    return rc;
}

/* Judging ran out of time while on rule r: the --timeout notice, at the
 * rule in its rule set; what was found before is kept. */
static void report_timeout(judging *jg, const rl_rule *r)
{
    rl_fig arg = {"seconds", {0}};
    rl_value_set_num(&arg.v, jg->timeout);
    rl_sbuf text = RL_SBUF_INIT;
    rl_catalog_expand(jg->rules->catalog, RL_MSG_TIMEOUT, jg->lang, &arg, 1, &text);
    rl_check_input_violation(jg->res, r->set->file, "", r->line, r->column, rl_sbuf_str(&text));
    rl_sbuf_free(&text);
    rl_check_rule_timed_out(jg->res, r);
}

int rl_coll_judge(const rl_rules *rules, const rl_check_opts *opts, rl_result *res)
{
    judging jg;
    memset(&jg, 0, sizeof jg);
    jg.rules = rules;
    jg.res = res;
    jg.lang = RL_LANG_EN;
    if (opts && opts->lang && opts->lang[0] && !rl_lang_parse(opts->lang, &jg.lang))
        return -1;
    rl_result_end_files(res);
    jg.plan = rl_check_plan_new(rules, opts);
    jg.arena = rl_arena_new(16 * 1024);
    rl_coll *c = jg.plan && jg.plan->n_coll ? rl_coll_of(res, rules) : NULL;
    int rc = jg.plan && jg.arena && (!c || rl_coll_settle(c) == 0) ? 0 : -1;
    rl_check_limits limits;
    rl_check_limits_of(opts, &limits);
    jg.timeout = limits.timeout;
    rl_deadline_start(&jg.deadline, jg.timeout);
    for (size_t i = 0; c && rc == 0 && i < jg.plan->n_coll && !jg.deadline.expired; i++) {
        rc = judge_rule(&jg, c, &jg.plan->coll[i]);
        if (rc == 0 && jg.deadline.expired)
            report_timeout(&jg, jg.plan->coll[i].rule);
    }
    rl_check_plan_free(jg.plan);
    rl_arena_free(jg.arena);
    return rc;
}
