/* check.c — checking one report against loaded rules.
 *
 * For each rule (after --only/--skip): select its `each` nodes, skip those
 * where `when` is false, run the kind's check, and turn findings into
 * violations with a pointer, line:column, message and figures. The policy
 * for missing data, evaluation errors and counting lives here, not in the
 * kinds. One evaluation arena is reset per (rule, node). */
#include "check.h"
#include "check_run.h"
#include "collection.h"
#include "error.h"
#include "kinds.h"
#include "result.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static rl_eval_ctx *run_ctx(rl_run *run)
{
    return &run->ctx;
}

static const rl_jnode *run_node(rl_run *run)
{
    return run->node;
}

/* ---- turning findings into violations -------------------------------- */

/* The rule's own message (in the run's language if it has one), unless
 * the finding is the engine's; else the catalog's. *lang: the language of
 * the template picked. */
static const rl_template *pick_template(const rl_run *run, const rl_finding *f, rl_lang *lang)
{
    const rl_template *t = f->engine ? NULL : rl_rule_message(run->rule, run->lang, lang);
    if (t)
        return t;
    *lang = run->lang;
    return rl_catalog_get(run->catalog, f->msg, run->lang);
}

/* What a template may name: figures, then arguments, then words in the
 * run's language. */
static size_t message_figs(const rl_run *run, const rl_finding *f, rl_fig *all)
{
    size_t n = 0;
    for (size_t i = 0; i < f->n_figs; i++)
        all[n++] = f->figs[i];
    for (size_t i = 0; i < f->n_args; i++)
        all[n++] = f->args[i];
    for (size_t i = 0; i < f->n_words; i++) {
        const char *w = rl_msg_text(f->words[i].word, run->lang);
        all[n].name = f->words[i].name;
        rl_value_set_str(&all[n++].v, w, strlen(w));
    }
    return n;
}

/* 1 when node lies in an array: only then can its stable pointer differ
 * from its pointer (NULL stands for the same, rl_violation). */
static int in_array(const rl_jnode *node)
{
    for (const rl_jnode *p = rl_jn_parent(node); p; p = rl_jn_parent(p))
        if (rl_jn_type(p) == RL_JARRAY)
            return 1;
    return 0;
}

static void emit(rl_run *run, const rl_finding *f, const char *message)
{
    const rl_jnode *blame = f->blame ? f->blame : run->node;
    rl_sbuf ptr = RL_SBUF_INIT, msg = RL_SBUF_INIT, stable = RL_SBUF_INIT;
    rl_violation v = {0};
    v.file = run->file;
    v.rule = run->rule->id;
    v.severity = f->info ? RL_SEVERITY_INFO : run->severity;
    v.message = message;
    if (run->locate) { /* a collection's node: its pointer is its report's (no stable one) */
        run->locate(run->locate_user, blame, &v, &ptr, &msg);
        if (msg.len)
            v.message = rl_sbuf_str(&msg);
    } else {
        const rl_ruleset *set = run->rule->set;
        rl_json_pointer(blame, &ptr);
        if (in_array(blame)) {
            rl_json_stable_pointer(blame, set ? (const char *const *)set->item_keys : NULL,
                                   set ? set->n_item_keys : 0, &stable);
            v.stable_pointer = rl_sbuf_str(&stable);
        }
        rl_jdoc_locate(run->doc, rl_jn_offset(blame), &v.line, &v.column);
    }
    v.pointer = rl_sbuf_str(&ptr);
    rl_fig figs[RL_MAX_FIGS + 1];
    size_t n = f->n_figs;
    memcpy(figs, f->figs, n * sizeof *figs);
    if (run->extra)
        figs[n++] = *run->extra;
    size_t before = rl_result_kept_bytes(run->res), after;
    v.figures = rl_result_figures(run->res, figs, n, run->doc);
    v.n_figures = v.figures ? n : 0;
    rl_result_add(run->res, &v);
    after = rl_result_kept_bytes(run->res); /* what keeping it costs (--max-memory) */
    int was = run->deadline.expired;
    rl_deadline_charge(&run->deadline, after > before ? after - before : 0);
    run->stopped_by_finding |= !was &&
                               run->deadline.expired; /* it is kept: its evaluation counts */
    rl_sbuf_free(&ptr);
    rl_sbuf_free(&msg);
    rl_sbuf_free(&stable);
}

static void run_report(rl_run *run, const rl_finding *f)
{
    if (run->deadline.expired) /* what an evaluation cut short found is not a finding */
        return;
    if (rl_result_cap_full(run->res)) { /* left out: only counted, never built */
        rl_result_count_dropped(run->res, f->info ? RL_SEVERITY_INFO : run->severity);
        return;
    }
    rl_fig all[RL_MAX_FIGS + 2 * RL_MAX_ARGS];
    size_t n = message_figs(run, f, all);
    rl_sbuf msg = RL_SBUF_INIT;
    rl_sbuf_reserve(&msg, 240); /* one allocation for most messages */
    rl_lang lang;
    const rl_template *t = pick_template(run, f, &lang);
    if (t) {
        rl_error err, *saved = run->ctx.err;
        rl_error_fresh(&err);
        run->ctx.err = &err;
        rl_template_expand(t, all, n, &run->ctx, lang, &msg);
        run->ctx.err = saved;
    }
    /* out of memory compiling or building it: say so, never an empty message */
    emit(run, f,
         t && rl_sbuf_ok(&msg) ? rl_sbuf_str(&msg)
                               : "(the message could not be built: out of memory)");
    rl_sbuf_free(&msg);
}

static void run_eval_error(rl_run *run, const char *text)
{
    rl_finding f = {0};
    f.engine = 1;
    f.msg = RL_MSG_EVAL_ERROR;
    f.blame = run->ctx.err_node;
    rl_finding_arg_str(&f, "expr", text);
    rl_finding_arg_str(&f, "detail", run->ctx.err ? run->ctx.err->message : "");
    run_report(run, &f);
}

static void report_eval_error(rl_run *run, const rl_expr *e)
{
    run_eval_error(run, rl_expr_text(e));
}

static int run_eval(rl_run *run, const rl_expr *e, rl_value *out)
{
    rl_error err;
    rl_error_fresh(&err);
    run->ctx.err = &err;
    run->ctx.err_node = NULL;
    if (rl_expr_eval(e, &run->ctx, out) == 0)
        return 0;
    report_eval_error(run, e);
    return -1;
}

static int convert(rl_run *run, const rl_expr *e, rl_value *out, int as_date)
{
    rl_value raw;
    if (run_eval(run, e, &raw) != 0)
        return -1;
    rl_error err;
    rl_error_fresh(&err);
    run->ctx.err = &err;
    run->ctx.err_node = raw.src;
    int rc = as_date ? rl_eval_to_date(&run->ctx, &raw, out)
                     : rl_eval_to_number(&run->ctx, &raw, out);
    if (rc == 0) {
        if (!out->src)
            out->src = raw.src;
        return 0;
    }
    if (!run->ctx.err_node)
        run->ctx.err_node = raw.src;
    report_eval_error(run, e);
    return -1;
}

static int run_number(rl_run *run, const rl_expr *e, rl_value *out)
{
    return convert(run, e, out, 0);
}

static int run_date(rl_run *run, const rl_expr *e, rl_value *out)
{
    return convert(run, e, out, 1);
}

/* The item a message is about: the normalized path of node (the `each`
 * node when NULL), "$" for the root. */
static void item_path(rl_run *run, const rl_jnode *node, rl_sbuf *out)
{
    rl_jpath_normalized(node ? node : run->node, out);
}

static rl_outcome missing(rl_run *run, const char *what, const char *text, const rl_expr *e,
                          const rl_jnode *blame)
{
    if (run->rule->missing != RL_MISSING_VIOLATION)
        return RL_NOT_APPLICABLE;
    rl_sbuf item = RL_SBUF_INIT, gone = RL_SBUF_INIT;
    item_path(run, blame, &item);
    if (e)
        rl_expr_missing_text(e, &run->ctx, &gone);
    else
        rl_sbuf_adds(&gone, text);
    rl_finding f = {0};
    f.engine = 1;
    f.msg = RL_MSG_MISSING_DATA;
    f.blame = blame;
    rl_finding_arg_str(&f, "field", what);
    rl_finding_arg_str(&f, "expr", text);
    rl_finding_arg_str(&f, "item", rl_sbuf_str(&item));
    rl_finding_arg_str(&f, "missing", rl_sbuf_str(&gone));
    run_report(run, &f);
    rl_sbuf_free(&item);
    rl_sbuf_free(&gone);
    return RL_FAIL;
}

static rl_outcome run_missing_at(rl_run *run, const char *what, const char *text,
                                 const rl_jnode *blame)
{
    return missing(run, what, text, NULL, blame);
}

static rl_outcome run_missing_expr_at(rl_run *run, const char *what, const rl_expr *e,
                                      const rl_jnode *blame)
{
    return missing(run, what, rl_expr_text(e), e, blame);
}

static rl_outcome run_missing(rl_run *run, const char *what, const rl_expr *e)
{
    return missing(run, what, rl_expr_text(e), e, NULL);
}

static void run_item(rl_run *run, rl_sbuf *out)
{
    item_path(run, NULL, out);
}

/* The hooks kinds call (kinds.h), in every run this module makes. */
const rl_run_ops rl_check_run_ops = {
    .ctx = run_ctx,
    .node = run_node,
    .eval = run_eval,
    .number = run_number,
    .date = run_date,
    .missing = run_missing,
    .missing_at = run_missing_at,
    .missing_expr_at = run_missing_expr_at,
    .item = run_item,
    .eval_error = run_eval_error,
    .report = run_report,
};

/* ---- running rules --------------------------------------------------- */

/* The timeout is checked cooperatively, between evaluations (one rule on
 * one node): each is bounded (PCRE2 limits, linear JSONPath and kinds), so
 * a check stops soon after its deadline, with no signal or jump. */
static int past_deadline(rl_run *run)
{
    return rl_deadline_check(&run->deadline);
}

/* Once the deadline has passed, where it stopped the check: the first
 * place recorded is kept (the rule, and the node it was on or was about
 * to be run on). Returns 1 when stopped. */
static int stopped_at(rl_run *run, const rl_rule *rule, const rl_jnode *node)
{
    if (!run->deadline.expired)
        return 0;
    if (!run->stop_node) {
        run->stop_rule = rule;
        run->stop_node = node;
    }
    return 1;
}

/* The `timeout` (or `memory`) notice of a report whose check ran out of
 * time (or memory), where it stopped: at the node the rule was on (the file's line and column, an
 * NDJSON record's line in its file), naming the rule. Added after the
 * --max-violations notice, so it is never folded into it. */
static void report_stop(const rl_run *run)
{
    const char *rule = run->stop_rule ? run->stop_rule->id : "";
    const rl_jnode *at = run->stop_node ? run->stop_node : run->doc->root;
    rl_sbuf ptr = RL_SBUF_INIT;
    unsigned line, col;
    rl_json_pointer(at, &ptr);
    rl_jdoc_locate(run->doc, rl_jn_offset(at), &line, &col);
    rl_check_stop_notice(run->res, run->file, rl_sbuf_str(&ptr), line, col, run->catalog, run->lang,
                         &run->deadline, rule);
    rl_sbuf_free(&ptr);
}

void rl_run_count(rl_run *run, rl_outcome o)
{
    rl_summary *s = rl_result_summary_mut(run->res);
    rl_rule_result *r = run->counts ? run->counts : rl_result_rule_mut(run->res, run->slot);
    rl_rule_result none;
    if (!r)
        r = &none;
    s->evaluations++;
    r->evaluations++;
    if (o == RL_PASS)
        s->passed++, r->passed++;
    else if (o == RL_FAIL)
        s->failed++, r->failed++;
    else
        s->not_applicable++, r->not_applicable++;
}

/* `when` decides whether the rule applies: true runs it, false skips it,
 * null is missing data; any other value is an evaluation error (a rule
 * must not be skipped because its condition is a number or a string). */
static rl_outcome run_when(rl_run *run)
{
    if (!run->rule->when)
        return RL_PASS;
    rl_value v;
    if (run_eval(run, run->rule->when, &v) != 0)
        return RL_FAIL;
    if (v.type == RL_VBOOL)
        return v.u.b ? RL_PASS : RL_NOT_APPLICABLE;
    if (v.type == RL_VNULL)
        return run_missing(run, "when", run->rule->when);
    char what[160];
    rl_error err;
    rl_error_fresh(&err);
    rl_error_set(&err, 0, 0, "'when' must be true or false, not %s",
                 rl_eval_describe(&v, what, sizeof what));
    run->ctx.err = &err;
    run->ctx.err_node = v.src;
    run_eval_error(run, rl_expr_text(run->rule->when));
    return RL_FAIL;
}

void rl_run_on_node(rl_run *run, const rl_jnode *node, const rl_eval_ctx *base)
{
    run->ctx = *base;
    run->ctx.current = node;
    run->node = node;
    rl_arena_reset(run->ctx.arena);
    rl_outcome o = run_when(run);
    if (o == RL_PASS)
        o = run->rule->kind->check(run->rule, run);
    /* one cut short by the deadline could not be judged: neither passed nor failed */
    rl_run_count(run, run->deadline.expired && !run->stopped_by_finding ? RL_NOT_APPLICABLE : o);
}

static void run_rule(rl_run *run, const rl_eval_ctx *base)
{
    if (!run->rule->each) {
        rl_run_on_node(run, base->root, base);
        stopped_at(run, run->rule, base->root);
        return;
    }
    rl_nodelist nodes;
    rl_nodelist_init(&nodes);
    rl_error err;
    rl_error_fresh(&err);
    int failed = rl_jpath_eval_until(run->rule->each, base->root, base->root, &nodes, &err,
                                     &run->deadline) != 0;
    if (stopped_at(run, run->rule, base->root)) { /* `each` itself ran out of time */
    } else if (failed) {
        run->ctx = *base;
        run->ctx.err = &err;
        run->node = base->root;
        run_eval_error(run, rl_jpath_text(run->rule->each));
        rl_run_count(run, RL_FAIL);
    } else if (nodes.n == 0) { /* nothing to check: missing data */
        run->ctx = *base;
        run->node = base->root;
        rl_run_count(run, run_missing_at(run, "each", rl_jpath_text(run->rule->each), NULL));
    }
    for (size_t i = 0; i < nodes.n && !run->stop_node; i++) {
        if (past_deadline(run) && stopped_at(run, run->rule, nodes.items[i]))
            break;
        rl_run_on_node(run, nodes.items[i], base);
        stopped_at(run, run->rule, nodes.items[i]);
    }
    rl_nodelist_free(&nodes);
}

static int listed(const char *id, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i], id) == 0)
            return 1;
    return 0;
}

int rl_check_rule_active(const rl_rule *r, const rl_check_opts *opts)
{
    if (!opts)
        return 1;
    if (rl_check_severity(r, opts) == RL_SEVERITY_OFF)
        return 0;
    if (opts->only && opts->n_only && !listed(r->id, opts->only, opts->n_only))
        return 0;
    return !(opts->skip && listed(r->id, opts->skip, opts->n_skip));
}

void rl_check_doc(const rl_rules *rules, const rl_check_opts *opts, rl_lang lang, const char *file,
                  rl_jdoc *doc, rl_result *res, const rl_deadline *deadline)
{
    rl_arena *arena = rl_arena_new(16 * 1024);
    rl_check_plan *plan = rl_check_plan_new(rules, opts);
    if (arena && plan)
        rl_check_doc_in(rules, plan, lang, file, doc, res, arena, NULL, deadline);
    rl_check_plan_free(plan);
    rl_arena_free(arena);
}

/* The evaluation context of plan set ps on one report. */
static void set_ctx(rl_eval_ctx *base, const rl_rules *rules, const rl_check_plan *plan,
                    const rl_plan_set *ps, rl_lang lang, const char *file, rl_jdoc *doc,
                    const rl_jnode *loc, rl_result *res, rl_arena *arena, rl_regex_md *md)
{
    const char *flag = plan->opts ? plan->opts->locale : NULL;
    rl_check_base_ctx(base, doc, loc, ps, plan->today, flag, arena, file, res, rules->catalog,
                      lang);
    base->md = md;
}

/* The report to the collection rules of plan set set (*j: the first;
 * after: the next set's). Returns 1 when the deadline stopped it. */
static int feed_set(rl_run *run, const rl_rules *rules, const rl_check_plan *plan, rl_coll *c,
                    size_t *j, const rl_eval_ctx *base)
{
    const rl_jnode *root = run->doc->root;
    size_t set = plan->coll[*j].set;
    rl_coll_report rep;
    rl_coll_report_init(&rep, c, run->doc, run->file);
    int stopped = 0;
    for (; !stopped && *j < plan->n_coll && plan->coll[*j].set == set; ++*j) {
        const rl_plan_rule *pr = &plan->coll[*j];
        if (past_deadline(run) && stopped_at(run, pr->rule, root))
            stopped = 1;
        else {
            rl_coll_feed(&rep, pr->rule, pr->severity, base, run->res, rules, run->lang);
            stopped = stopped_at(run, pr->rule, root);
        }
    }
    rl_coll_report_done(&rep);
    return stopped;
}

/* Every active rule on one report, until run->deadline, set by set: the
 * rules checked per report, then the collection rules the report is fed to
 * (their state kept in res). Returns 1 when the deadline stopped it
 * (run->stop_rule, stop_node: where). */
static int run_rules(rl_run *run, const rl_rules *rules, rl_check_plan *plan, rl_arena *arena,
                     rl_regex_md *md, const rl_jnode *loc, int unique_names)
{
    rl_eval_ctx base = {0};
    rl_coll *c = plan->n_coll ? rl_coll_of(run->res, rules) : NULL;
    const rl_jnode *root = run->doc->root;
    size_t i = 0, j = 0;
    for (size_t set = 0; set < plan->n_sets; set++) {
        set_ctx(&base, rules, plan, &plan->sets[set], run->lang, run->file, run->doc, loc, run->res,
                arena, md);
        base.deadline = &run->deadline;
        base.hints = unique_names ? &plan->hints : NULL;
        for (; i < plan->n && plan->rules[i].set == set; i++) {
            run->rule = plan->rules[i].rule;
            run->severity = plan->rules[i].severity;
            if (past_deadline(run) && stopped_at(run, run->rule, root))
                return 1;
            run->slot = rl_check_plan_slot(run->res, rules, &plan->rules[i]);
            run->counts = rl_result_rule_mut(run->res, run->slot);
            run_rule(run, &base);
            run->counts = NULL;
            if (run->stop_node)
                return 1;
        }
        if (c && j < plan->n_coll && plan->coll[j].set == set &&
            feed_set(run, rules, plan, c, &j, &base))
            return 1;
    }
    return 0;
}

void rl_check_doc_in(const rl_rules *rules, rl_check_plan *plan, rl_lang lang, const char *file,
                     rl_jdoc *doc, rl_result *res, rl_arena *arena, rl_regex_md *md,
                     const rl_deadline *deadline)
{
    rl_check_limits limits;
    rl_check_limits_of(plan->opts, &limits);
    rl_result_cap_begin(res, limits.max_violations);
    int unique_names = rl_check_dup_keys(doc, file, res, rules->catalog, lang) == 0;
    const rl_jnode *loc = rl_report_locale_node(doc->root);
    rl_run run; /* every field set here or before it is read (not zeroed: once per record) */
    run.head.ops = &rl_check_run_ops;
    run.rule = run.stop_rule = NULL;
    run.severity = RL_SEVERITY_ERROR;
    run.ctx.err = NULL;
    run.ctx.err_node = NULL;
    run.node = run.stop_node = NULL;
    run.stopped_by_finding = 0;
    run.doc = doc;
    run.file = file;
    run.res = res;
    run.catalog = rules->catalog;
    run.lang = lang;
    run.slot = -1;
    run.counts = NULL;
    run.locate = NULL;
    run.locate_user = NULL;
    run.extra = NULL;
    if (deadline)
        run.deadline = *deadline;
    else
        rl_check_stop_start(&run.deadline, &limits);
    int timed_out = 0;
    rl_arena_set_meter(arena, &run.deadline); /* --max-memory: evaluations' scratch */
    if (rl_check_locale_ok(doc, loc, plan, file, res, rules->catalog, lang))
        timed_out = run_rules(&run, rules, plan, arena, md, loc, unique_names);
    rl_arena_set_meter(arena, NULL);
    rl_check_cap_notice(res, rules->catalog, lang);
    if (timed_out) {
        report_stop(&run);
        rl_check_rule_timed_out(res, run.stop_rule);
    }
}
