/* schema_errors.c — validation errors: the list the caller owns, and how
 * one is recorded (instance node, keyword, schema file, JSON Pointer and
 * line:column of the keyword in that file, and a message that starts with
 * the keyword and says what was expected and what was found).
 *
 * Messages quote values in JSON (numbers as written, long values cut at a
 * character boundary with "..."). Nothing is formatted when the caller
 * passed no list: recording is the only cost of a failing keyword. */
#include "schema_int.h"
#include "array.h"
#include "deadline.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void rl_schema_errors_init(rl_schema_errors *errs)
{
    memset(errs, 0, sizeof *errs);
}

void rl_schema_errors_clear(rl_schema_errors *errs)
{
    for (size_t i = 0; i < errs->n; i++) {
        free(errs->items[i].schema_pointer);
        free(errs->items[i].message);
    }
    errs->n = 0;
    errs->oom = 0;
}

void rl_schema_errors_free(rl_schema_errors *errs)
{
    rl_schema_errors_clear(errs);
    free(errs->items);
    rl_schema_errors_init(errs);
}

static rl_schema_error *push(rl_schema_errors *errs)
{
    if (errs->n == errs->cap) {
        size_t cap = errs->cap ? errs->cap * 2 : 8;
        rl_schema_error *v = rl_array_resize(errs->items, cap, sizeof *v);
        if (!v)
            return NULL;
        errs->items = v;
        errs->cap = cap;
    }
    rl_schema_error *e = &errs->items[errs->n++];
    memset(e, 0, sizeof *e);
    return e;
}

/* An error made is charged to the validation's deadline (--max-memory):
 * failing alternatives can make exponentially many before a deadline
 * stops them; rl_schema_validate_until releases the charge at its end. */
static void charge(rl_svctx *c, size_t bytes)
{
    rl_deadline_charge(c->deadline, bytes);
    c->charged += bytes;
}

static void verror(rl_svctx *c, const rl_sres *res, const char *keyword, const rl_jnode *at,
                   rl_schema_errors *errs, const rl_jnode *inst, const char *fmt, va_list ap)
{
    rl_schema_error *e = push(errs);
    if (!e) {
        errs->oom = 1;
        return;
    }
    rl_sbuf ptr = RL_SBUF_INIT, msg = RL_SBUF_INIT;
    rl_json_pointer(at, &ptr);
    rl_sbuf_printf(&msg, "%s: ", keyword);
    rl_sbuf_vprintf(&msg, fmt, ap);
    e->instance = inst;
    e->keyword = keyword;
    e->schema_value = at;
    e->schema_file = res->doc->name;
    /* the line index was built at load time, so this only reads it */
    rl_jdoc_locate((rl_jdoc *)res->doc->jdoc, rl_jn_offset(at), &e->schema_line, &e->schema_column);
    if (!rl_sbuf_ok(&ptr) || !rl_sbuf_ok(&msg)) {
        errs->oom = 1;
        errs->n--;
        rl_sbuf_free(&ptr);
        rl_sbuf_free(&msg);
        return;
    }
    /* its slot (the list doubles: two), its two strings as allocated, and
     * malloc's headers */
    size_t bytes = 2 * sizeof *e + ptr.cap + msg.cap + 32;
    e->schema_pointer = ptr.len ? rl_sbuf_take(&ptr) : calloc(1, 1);
    e->message = rl_sbuf_take(&msg);
    if (!e->schema_pointer)
        errs->oom = 1;
    else if (c)
        charge(c, bytes);
}

void rl_sv_error_at(rl_svctx *c, const rl_sres *res, const char *keyword, const rl_jnode *at,
                    rl_schema_errors *errs, const rl_jnode *inst, const char *fmt, ...)
{
    if (!errs)
        return;
    va_list ap;
    va_start(ap, fmt);
    verror(c, res, keyword, at, errs, inst, fmt, ap);
    va_end(ap);
}

void rl_sv_error(rl_svctx *c, const rl_snode *s, const rl_skw *k, const rl_svcall *call,
                 const rl_jnode *inst, const char *fmt, ...)
{
    if (!call->errs)
        return;
    va_list ap;
    va_start(ap, fmt);
    verror(c, s->res, k->name, k->at, call->errs, inst ? inst : call->inst, fmt, ap);
    va_end(ap);
}

void rl_sv_snippet(rl_sbuf *out, const rl_jdoc *doc, const rl_jnode *v, size_t max)
{
    rl_sbuf tmp = RL_SBUF_INIT;
    rl_json_write(&tmp, doc, v);
    size_t n = tmp.len;
    if (n > max) {
        n = max;
        while (n > 0 && ((unsigned char)tmp.data[n] & 0xC0) == 0x80)
            n--; /* do not cut a UTF-8 sequence */
    }
    rl_sbuf_add(out, tmp.data, n);
    if (n < tmp.len)
        rl_sbuf_adds(out, "...");
    rl_sbuf_free(&tmp);
}

void rl_sv_first_message(rl_sbuf *out, const rl_schema_errors *errs)
{
    if (errs->n)
        rl_sbuf_adds(out, errs->items[0].message);
}

const char *rl_sv_type_name(const rl_svctx *c, const rl_jnode *inst)
{
    if (rl_jn_type(inst) == RL_JNUMBER)
        return rl_sv_type_bits(c, inst) & RL_ST_INTEGER ? "integer" : "number";
    return rl_json_type_name(rl_jn_type(inst));
}
