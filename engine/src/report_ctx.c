/* report_ctx.c — the one report-context builder (report_ctx.h): root,
 * params, locale and as_of of one rule set on one report. Nothing here
 * reports a problem: the caller decides (a check adds an `input`
 * violation, `eval` prints an error). */
#include "report_ctx.h"
#include "date.h"
#include "error.h"

#include <string.h>

void rl_plan_set_init(rl_plan_set *ps, const rl_ruleset *set)
{
    ps->set = set;
    ps->as_of_param = set && rl_params_has(set->params, "as_of");
    ps->as_of = NULL;
    if (ps->as_of_param) {
        rl_error err = {0};
        ps->as_of = rl_expr_compile("$as_of", 6, set->params, 0, &err);
    }
}

void rl_plan_set_clear(rl_plan_set *ps)
{
    rl_expr_free(ps->as_of);
    ps->as_of = NULL;
}

const rl_jnode *rl_report_locale_node(const rl_jnode *root)
{
    return rl_json_gets(rl_json_gets(root, "report"), "locale");
}

const char *rl_report_locale_of(const rl_jnode *loc, const char *flag, const char *set_locale)
{
    if (loc && rl_jn_type(loc) == RL_JSTRING && rl_jn_str_len(loc))
        return rl_jn_str(loc);
    if (flag && flag[0])
        return flag;
    return set_locale ? set_locale : "en";
}

const char *rl_report_locale(const rl_jnode *root, const char *flag, const char *set_locale)
{
    return rl_report_locale_of(rl_report_locale_node(root), flag, set_locale);
}

/* The as_of param's value on this report as a day (a month: its last
 * day); -1 with why set when it is not a date. */
static int eval_as_of(rl_eval_ctx *ctx, const rl_expr *e, int32_t *out, rl_ctx_problem *why)
{
    rl_value v, d;
    rl_error_fresh(&why->err);
    why->at = NULL;
    ctx->err = &why->err;
    ctx->err_node = NULL;
    int rc = rl_expr_eval(e, ctx, &v);
    if (rc == 0)
        rc = rl_eval_to_date(ctx, &v, &d);
    ctx->err = NULL;
    if (rc != 0) {
        why->at = ctx->err_node;
        ctx->err_node = NULL;
        return -1;
    }
    if (d.type == RL_VDATE)
        *out = rl_date_last_day(d.u.date);
    return 0;
}

int rl_report_ctx(rl_eval_ctx *ctx, rl_jdoc *doc, const rl_plan_set *ps, int32_t today,
                  const char *flag, rl_arena *arena, rl_ctx_problem *why)
{
    return rl_report_ctx_at(ctx, doc, rl_report_locale_node(doc->root), ps, today, flag, arena,
                            why);
}

int rl_report_ctx_at(rl_eval_ctx *ctx, rl_jdoc *doc, const rl_jnode *loc, const rl_plan_set *ps,
                     int32_t today, const char *flag, rl_arena *arena, rl_ctx_problem *why)
{
    const rl_ruleset *set = ps ? ps->set : NULL;
    memset(ctx, 0, sizeof *ctx);
    ctx->root = ctx->current = doc->root;
    ctx->doc = doc;
    ctx->params = set ? set->params : NULL;
    ctx->arena = arena;
    ctx->locale = rl_report_locale_of(loc, flag, set ? set->locale : NULL);
    ctx->as_of = today;
    ctx->has_as_of = 1;
    if (!ps || !ps->as_of_param || !ps->as_of)
        return 0;
    return eval_as_of(ctx, ps->as_of, &ctx->as_of, why);
}
