/* loader.c — reading typed fields from rule JSON, with located diagnostics
 * (see loader.h); the rule set's lists of diagnostics and warnings
 * (rl_rules_add_diag, rl_rules_add_warning) are kept here, below the
 * loading code that fills them. */
#include "loader.h"
#include "array.h"
#include "error.h"
#include "suggest.h"
#include "utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void diag_push(rl_diag **list, size_t *n, const char *file, unsigned line, unsigned column,
                      const char *rule, const char *message)
{
    rl_diag *d = rl_array_resize(*list, *n + 1, sizeof *d);
    if (!d)
        return;
    *list = d;
    d = &d[(*n)++];
    d->file = strdup(file ? file : "");
    d->line = line;
    d->column = column;
    d->rule = rule ? strdup(rule) : NULL;
    d->message = strdup(message);
}

void rl_rules_add_diag(rl_rules *rules, const char *file, unsigned line, unsigned column,
                       const char *rule, const char *message)
{
    diag_push(&rules->diags, &rules->n_diags, file, line, column, rule, message);
}

void rl_rules_add_warning(rl_rules *rules, const char *file, unsigned line, unsigned column,
                          const char *rule, const char *message)
{
    diag_push(&rules->warnings, &rules->n_warnings, file, line, column, rule, message);
}

/* A diagnostic (is_error) or a warning at offset, the message from fmt. */
static void ld_note(rl_loader *ld, int is_error, size_t offset, const char *fmt, va_list ap)
{
    char msg[768];
    vsnprintf(msg, sizeof msg, fmt, ap);
    unsigned line = 0, col = 0;
    if (ld->doc)
        rl_jdoc_locate(ld->doc, offset, &line, &col);
    if (is_error) {
        rl_rules_add_diag(ld->rules, ld->file, line, col, ld->rule_id, msg);
        ld->errors++;
    } else {
        rl_rules_add_warning(ld->rules, ld->file, line, col, ld->rule_id, msg);
    }
}

void rl_ld_error(rl_loader *ld, size_t offset, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ld_note(ld, 1, offset, fmt, ap);
    va_end(ap);
}

void rl_ld_warning(rl_loader *ld, size_t offset, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ld_note(ld, 0, offset, fmt, ap);
    va_end(ap);
}

const char *rl_ld_did_you_mean(const char *word, size_t len, const char *const *names, char *buf,
                               size_t size)
{
    const char *near = rl_suggest(word, len, names);
    if (!near)
        return "";
    snprintf(buf, size, " (did you mean '%s'?)", near);
    return buf;
}

int rl_ld_constant(const rl_expr *e, rl_value *out, rl_error *err)
{
    if (!e || !rl_expr_is_constant(e))
        return 0;
    rl_arena *arena = rl_arena_new(1024);
    rl_eval_ctx ctx = {0};
    ctx.arena = arena;
    ctx.err = err;
    int rc = arena && rl_expr_eval(e, &ctx, out) == 0 ? 1 : -1;
    if (rc == 1 && out->type == RL_VSTR)
        rc = 0; /* its text lived in the arena */
    rl_arena_free(arena);
    return rc;
}

const rl_jnode *rl_ld_field(rl_loader *ld, const rl_jnode *obj, const char *field, int required)
{
    const rl_jnode *v = rl_json_gets(obj, field);
    if (!v && required)
        rl_ld_error(ld, rl_jn_offset(obj), "missing required field '%s'", field);
    return v;
}

/* File column of code point `col` (1-based) inside the string at node:
 * exact unless an escape sequence comes before it. */
static void string_position(rl_loader *ld, const rl_jnode *str, unsigned col, unsigned *line,
                            unsigned *fcol)
{
    rl_jdoc_locate(ld->doc, rl_jn_offset(str), line, fcol);
    const char *raw = ld->doc->src + rl_jn_offset(str) + 1;
    size_t bytes = 0;
    for (unsigned cp = 1; cp < col && bytes < rl_jn_str_len(str); cp++) {
        if (raw[bytes] == '\\') { /* escapes: stop at the string's start */
            *fcol += 1;
            return;
        }
        uint32_t c;
        size_t n = rl_utf8_decode((const unsigned char *)raw + bytes, rl_jn_str_len(str) - bytes,
                                  &c);
        bytes += n ? n : 1;
    }
    *fcol += col ? col : 1;
}

void rl_ld_error_in(rl_loader *ld, const rl_jnode *str, unsigned column, const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    unsigned line, col;
    string_position(ld, str, column, &line, &col);
    rl_rules_add_diag(ld->rules, ld->file, line, col, ld->rule_id, msg);
    ld->errors++;
}

static void expr_error(rl_loader *ld, const rl_jnode *str, const char *field, const rl_error *e,
                       unsigned flags)
{
    char hint[200];
    const char *h = rl_ld_expr_hint(rl_jn_str(str), e->column, hint, sizeof hint);
    if (!*h && (flags & RL_EXPR_DATE_FIELD))
        h = rl_ld_date_parse_hint(rl_jn_str(str), hint, sizeof hint);
    rl_ld_error_in(ld, str, e->column, "field '%s': %s (column %u of \"%s\")%s", field, e->message,
                   e->column ? e->column : 1, rl_jn_str(str), h);
}

/* The meaning checks of a compiled field: NULL (x freed) when one fails. */
static rl_expr *checked(rl_loader *ld, const rl_jnode *v, const char *field, unsigned flags,
                        rl_expr *x)
{
    if (x && (flags & RL_EXPR_DATE_FIELD) && rl_ld_check_date_field(ld, v, field, x) != 0) {
        rl_expr_free(x);
        return NULL;
    }
    return x;
}

rl_expr *rl_ld_expr_node(rl_loader *ld, const rl_jnode *v, const char *field, unsigned flags)
{
    rl_error e = {0};
    rl_expr *x = NULL;
    if (rl_jn_type(v) == RL_JSTRING) {
        x = rl_expr_compile(rl_jn_str(v), rl_jn_str_len(v), ld->set ? ld->set->params : NULL, flags,
                            &e);
        if (!x)
            expr_error(ld, v, field, &e, flags);
        return checked(ld, v, field, flags, x);
    }
    if (rl_jn_type(v) == RL_JARRAY || rl_jn_type(v) == RL_JOBJECT) {
        rl_ld_error(ld, rl_jn_offset(v),
                    "field '%s' must be a number or a string holding an expression, not %s "
                    "(for example \"@.staff\" or \"sum(@.communes[*].staff)\")",
                    field, rl_jn_type(v) == RL_JARRAY ? "an array" : "an object");
        return NULL;
    }
    x = rl_expr_from_json(v, &e);
    if (!x)
        rl_ld_error(ld, rl_jn_offset(v), "field '%s': %s", field, e.message);
    return checked(ld, v, field, flags, x);
}

rl_expr *rl_ld_expr(rl_loader *ld, const rl_jnode *obj, const char *field, unsigned flags,
                    int required)
{
    const rl_jnode *v = rl_ld_field(ld, obj, field, required);
    return v ? rl_ld_expr_node(ld, v, field, flags) : NULL;
}

rl_jpath *rl_ld_path(rl_loader *ld, const rl_jnode *obj, const char *field, int required)
{
    const rl_jnode *v = rl_ld_field(ld, obj, field, required);
    if (!v)
        return NULL;
    if (rl_jn_type(v) != RL_JSTRING) {
        rl_ld_error(ld, rl_jn_offset(v),
                    "field '%s' must be a JSONPath string such as \"$.communes[*]\"", field);
        return NULL;
    }
    rl_error e = {0};
    rl_jpath *q = rl_jpath_compile(rl_jn_str(v), rl_jn_str_len(v), NULL, &e);
    if (!q)
        rl_ld_error_in(ld, v, e.column, "field '%s': invalid JSONPath: %s (column %u of \"%s\")",
                       field, e.message, e.column ? e.column : 1, rl_jn_str(v));
    return q;
}

char *rl_ld_string(rl_loader *ld, const rl_jnode *obj, const char *field, int required, int *bad)
{
    const rl_jnode *v = rl_ld_field(ld, obj, field, required);
    if (!v) {
        if (required && bad)
            *bad = 1;
        return NULL;
    }
    if (rl_jn_type(v) != RL_JSTRING) {
        rl_ld_error(ld, rl_jn_offset(v), "field '%s' must be a string, not %s", field,
                    rl_json_type_name(rl_jn_type(v)));
        if (bad)
            *bad = 1;
        return NULL;
    }
    return strdup(rl_jn_str(v));
}

int rl_ld_bool(rl_loader *ld, const rl_jnode *obj, const char *field, int def)
{
    const rl_jnode *v = rl_ld_field(ld, obj, field, 0);
    if (!v)
        return def;
    if (rl_jn_type(v) != RL_JTRUE && rl_jn_type(v) != RL_JFALSE) {
        rl_ld_error(ld, rl_jn_offset(v), "field '%s' must be true or false", field);
        return def;
    }
    return rl_jn_type(v) == RL_JTRUE;
}

static int tolerance_number(rl_loader *ld, const rl_jnode *v, double *out)
{
    if (rl_jn_type(v) != RL_JNUMBER || rl_jn_double(v) < 0) {
        rl_ld_error(ld, rl_jn_offset(v), "tolerance must be a number >= 0");
        return 0;
    }
    *out = rl_jn_double(v);
    return 1;
}

static int tolerance_object(rl_loader *ld, const rl_jnode *v, rl_tolerance *out)
{
    const rl_jnode *abs = rl_json_gets(v, "abs"), *rel = rl_json_gets(v, "rel");
    if (rl_json_size(v) == 1 && !abs && !rel) {
        static const char *const keys[] = {"abs", "rel", NULL};
        const rl_jmember *m = rl_jn_member(v, 0);
        char near[96];
        rl_ld_error(ld, rl_jm_key_offset(m),
                    "unknown tolerance '%s'%s: use {\"abs\": x} or {\"rel\": r}", rl_jm_key(m),
                    rl_ld_did_you_mean(rl_jm_key(m), rl_jm_key_len(m), keys, near, sizeof near));
        return 0;
    }
    if (rl_json_size(v) != 1 || (!abs && !rel)) {
        rl_ld_error(ld, rl_jn_offset(v),
                    "tolerance object must have exactly one of \"abs\" or \"rel\", "
                    "e.g. {\"rel\": 0.001}");
        return 0;
    }
    out->kind = abs ? RL_TOL_ABS : RL_TOL_REL;
    return tolerance_number(ld, abs ? abs : rel, &out->x);
}

int rl_ld_tolerance(rl_loader *ld, const rl_jnode *obj, rl_tolerance *out)
{
    const rl_jnode *v = rl_json_gets(obj, "tolerance");
    out->kind = RL_TOL_DEFAULT;
    out->x = 0;
    if (!v)
        return 1;
    if (rl_jn_type(v) == RL_JNUMBER) {
        out->kind = RL_TOL_ABS;
        return tolerance_number(ld, v, &out->x);
    }
    if (rl_jn_type(v) == RL_JOBJECT)
        return tolerance_object(ld, v, out);
    if (rl_jn_type(v) == RL_JSTRING && strcmp(rl_jn_str(v), "reported") == 0) {
        out->kind = RL_TOL_REPORTED;
        return 1;
    }
    static const char *const words[] = {"reported", NULL};
    char near[96];
    rl_ld_error(ld, rl_jn_offset(v),
                "tolerance must be a number, {\"abs\": x}, {\"rel\": r} or \"reported\"%s",
                rl_jn_type(v) == RL_JSTRING
                    ? rl_ld_did_you_mean(rl_jn_str(v), rl_jn_str_len(v), words, near, sizeof near)
                    : "");
    return 0;
}
