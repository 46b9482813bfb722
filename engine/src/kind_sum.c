/* kind_sum.c — `sum`: a total must equal the sum of its parts.
 *
 *   {"kind": "sum", "total": "@.tasks.reviewed",
 *    "parts": ["@.tasks.decentralized", "@.tasks.assigned"]}
 *   {"kind": "sum", "total": "@.staff", "parts": "@.communes[*].staff"}
 *
 * Sugar over the expression language: the parts compile to one call
 * sum(part, part, ...), so lists, arrays, exact integers and missing data
 * behave exactly as sum() does. Blame: the total. */
#include "kind_compare.h"

#include <stdlib.h>
#include <string.h>

static const char *const fields[] = {"parts", "total", "tolerance", NULL};
static const char *const figures[] = {"actual",    "expected", "imbalance",
                                      "tolerance", "total",    NULL};

typedef struct sum_data {
    rl_expr *total;
    rl_expr *parts; /* sum(...) */
    rl_tolerance tol;
} sum_data;

static void sum_free(void *p)
{
    sum_data *d = p;
    rl_expr_free(d->total);
    rl_expr_free(d->parts);
    free(d);
}

/* Append one part's text to the sum(...) call, checking it on its own
 * first so that an error points into that part. */
static int add_part(rl_loader *ld, const rl_jnode *part, rl_sbuf *call)
{
    rl_expr *alone = rl_ld_expr_node(ld, part, "parts", 0);
    if (!alone)
        return 0;
    if (call->len > 4)
        rl_sbuf_add(call, ", ", 2);
    rl_sbuf_adds(call, rl_expr_text(alone));
    rl_expr_free(alone);
    return 1;
}

static rl_expr *compile_parts(rl_loader *ld, const rl_jnode *parts)
{
    rl_sbuf call = RL_SBUF_INIT;
    rl_sbuf_adds(&call, "sum(");
    int ok = 1;
    if (rl_jn_type(parts) == RL_JARRAY && rl_jn_count(parts) > 0) {
        for (size_t i = 0; i < rl_jn_count(parts); i++)
            ok &= add_part(ld, rl_jn_item(parts, i), &call);
    } else if (rl_jn_type(parts) == RL_JSTRING) {
        ok = add_part(ld, parts, &call);
    } else {
        rl_ld_error(ld, rl_jn_offset(parts),
                    "field 'parts' must be a non-empty list of expressions, or one JSONPath "
                    "selecting many values (e.g. \"@.communes[*].staff\")");
        ok = 0;
    }
    rl_sbuf_addc(&call, ')');
    rl_expr *e = NULL;
    if (ok) {
        rl_error err = {0};
        e = rl_expr_compile(call.data, call.len, ld->set->params, 0, &err);
        if (!e)
            rl_ld_error(ld, rl_jn_offset(parts), "field 'parts': %s", err.message);
    }
    rl_sbuf_free(&call);
    return e;
}

static int sum_compile(rl_rule *rule, rl_loader *ld, const rl_jnode *obj)
{
    sum_data *d = calloc(1, sizeof *d);
    if (!d)
        return -1;
    rule->data = d;
    d->total = rl_ld_expr(ld, obj, "total", 0, 1);
    const rl_jnode *parts = rl_ld_field(ld, obj, "parts", 1);
    if (parts)
        d->parts = compile_parts(ld, parts);
    rl_ld_tolerance(ld, obj, &d->tol);
    return 0;
}

static rl_outcome sum_check(const rl_rule *rule, rl_run *run)
{
    const sum_data *d = rule->data;
    rl_value total, parts;
    rl_outcome out;
    if (!rl_compare_operand(run, "total", d->total, &total, &out) ||
        !rl_compare_operand(run, "parts", d->parts, &parts, &out))
        return out;
    rl_finding f = {0};
    f.msg = RL_MSG_SUM;
    rl_finding_add(&f, "total", &total);
    return rl_compare_stated(run, &d->tol, &total, &parts, &f);
}

static const rl_msg messages[] = {RL_MSG_SUM, RL_MSG_COUNT};

static void sum_exprs(const void *p, rl_expr_fn fn, void *user)
{
    const sum_data *d = p;
    fn(user, d->total);
    fn(user, d->parts);
}

const rl_kind rl_kind_sum = {
    "sum", fields, figures, messages, sum_compile, sum_free, sum_check, sum_exprs,
};
