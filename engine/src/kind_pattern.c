/* kind_pattern.c — `pattern`: a value must match a regular expression.
 *
 *   {"kind": "pattern", "each": "$.decrees[*]", "value": "@.number",
 *    "regex": "^\\d+/\\d{4}/N[ĐD]-CP$"}
 *
 * PCRE2 with UTF and Unicode properties, compiled once at load (a bad
 * pattern is a load error with PCRE2's message and column); `flags` takes
 * i, m, s, x. The regex searches the value (anchor it with ^ and $ to match
 * the whole value). A number is matched as it was written. A match that
 * exceeds PCRE2's limits is a violation ("pattern limit exceeded"), never
 * a pass. Blame: the value. */
#include "kinds.h"
#include "error.h"
#include "regex.h"

#include <stdlib.h>

static const char *const fields[] = {"value", "regex", "flags", NULL};
static const char *const figures[] = {"value", "actual", "regex", NULL};

typedef struct pattern_data {
    rl_expr *value;
    rl_regex *re;
} pattern_data;

static void pattern_free(void *p)
{
    pattern_data *d = p;
    rl_expr_free(d->value);
    rl_regex_free(d->re);
    free(d);
}

static void compile_regex(rl_loader *ld, const rl_jnode *obj, pattern_data *d)
{
    const rl_jnode *re = rl_ld_field(ld, obj, "regex", 1);
    const rl_jnode *fl = rl_json_gets(obj, "flags");
    unsigned flags = 0;
    rl_error err;
    rl_error_fresh(&err);
    if (fl &&
        (rl_jn_type(fl) != RL_JSTRING || !rl_regex_parse_flags(rl_jn_str(fl), &flags, &err))) {
        rl_ld_error(ld, rl_jn_offset(fl), "field 'flags': %s",
                    err.failed ? err.message : "must be a string of letters such as \"i\"");
        return;
    }
    if (!re)
        return;
    if (rl_jn_type(re) != RL_JSTRING) {
        rl_ld_error(ld, rl_jn_offset(re), "field 'regex' must be a string");
        return;
    }
    d->re = rl_regex_compile(rl_jn_str(re), rl_jn_str_len(re), flags, NULL, &err);
    if (!d->re)
        rl_ld_error_in(ld, re, err.column, "field 'regex': %s", err.message);
}

static int pattern_compile(rl_rule *rule, rl_loader *ld, const rl_jnode *obj)
{
    pattern_data *d = calloc(1, sizeof *d);
    if (!d)
        return -1;
    rule->data = d;
    d->value = rl_ld_expr(ld, obj, "value", 0, 1);
    compile_regex(ld, obj, d);
    return 0;
}

static rl_outcome fail(rl_run *run, const pattern_data *d, const rl_value *v, rl_msg msg)
{
    rl_finding f = {0};
    f.blame = v->src;
    f.msg = msg;
    rl_finding_add(&f, "value", v);
    rl_finding_add(&f, "actual", v);
    rl_finding_add_str(&f, "regex", rl_regex_pattern(d->re));
    rl_run_report(run, &f);
    return RL_FAIL;
}

/* The text to match: a string as it is, a number as written. */
static int subject(rl_run *run, const rl_value *v, rl_sbuf *out)
{
    if (v->type == RL_VSTR)
        return 1; /* searched in place */
    if (v->type == RL_VINT || v->type == RL_VNUM) {
        rl_value_write_json(out, v, rl_run_ctx(run)->doc);
        return 1;
    }
    return 0;
}

static rl_outcome pattern_check(const rl_rule *rule, rl_run *run)
{
    const pattern_data *d = rule->data;
    rl_value v;
    if (rl_run_eval(run, d->value, &v) != 0)
        return RL_FAIL;
    if (v.type == RL_VNULL)
        return rl_run_missing(run, "value", d->value);
    rl_sbuf s = RL_SBUF_INIT;
    rl_outcome out;
    if (!subject(run, &v, &s)) {
        out = fail(run, d, &v, RL_MSG_PATTERN_TYPE);
    } else { /* a string is searched where it is; a number as its text */
        rl_regex_md *md = rl_run_ctx(run)->md;
        int rc = v.type == RL_VSTR ? rl_regex_search_md(d->re, v.u.str.s, v.u.str.len, md)
                                   : rl_regex_search_md(d->re, rl_sbuf_str(&s), s.len, md);
        out = rc == RL_REGEX_MATCH
                  ? RL_PASS
                  : fail(run, d, &v,
                         rc == RL_REGEX_NOMATCH ? RL_MSG_PATTERN_NOMATCH : RL_MSG_PATTERN_LIMIT);
    }
    rl_sbuf_free(&s);
    return out;
}

static const rl_msg messages[] = {RL_MSG_PATTERN_NOMATCH, RL_MSG_PATTERN_LIMIT, RL_MSG_PATTERN_TYPE,
                                  RL_MSG_COUNT};

static void pattern_exprs(const void *p, rl_expr_fn fn, void *user)
{
    const pattern_data *d = p;
    fn(user, d->value);
}

const rl_kind rl_kind_pattern = {
    "pattern",       fields,       figures,       messages,
    pattern_compile, pattern_free, pattern_check, pattern_exprs,
};
