/* value.c — the values expressions compute with (see value.h).
 *
 * Invariants: a value never owns memory (strings and lists point into the
 * report, the compiled expression or the evaluation arena); setters reset
 * src to NULL and decimals to -1 (a computed value); comparisons of int64
 * with doubles are exact (no rounding of big integers). */
#include "value.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

static void reset(rl_value *v, rl_vtype t)
{
    memset(v, 0, sizeof *v);
    v->type = (uint8_t)t;
    v->decimals = -1;
    v->src = NULL;
}

void rl_value_set_null(rl_value *v)
{
    reset(v, RL_VNULL);
}

void rl_value_set_bool(rl_value *v, int b)
{
    reset(v, RL_VBOOL);
    v->u.b = b ? 1 : 0;
}

void rl_value_set_int(rl_value *v, int64_t i)
{
    reset(v, RL_VINT);
    v->u.i = i;
}

void rl_value_set_num(rl_value *v, double d)
{
    reset(v, RL_VNUM);
    v->u.d = d;
}

void rl_value_set_str(rl_value *v, const char *s, size_t len)
{
    reset(v, RL_VSTR);
    v->u.str.s = s;
    v->u.str.len = len;
}

void rl_value_set_date(rl_value *v, rl_date d)
{
    reset(v, RL_VDATE);
    v->u.date = d;
}

void rl_value_from_node(rl_value *v, const rl_jnode *node)
{
    if (!node) {
        rl_value_set_null(v);
        return;
    }
    switch (rl_jn_type(node)) {
    case RL_JNULL: rl_value_set_null(v); break;
    case RL_JFALSE: rl_value_set_bool(v, 0); break;
    case RL_JTRUE: rl_value_set_bool(v, 1); break;
    case RL_JNUMBER:
        if (rl_jn_flags(node) & RL_JNUM_INT)
            rl_value_set_int(v, rl_jn_int(node));
        else
            rl_value_set_num(v, rl_jn_double(node));
        v->decimals = rl_jn_decimals(node);
        break;
    case RL_JSTRING: rl_value_set_str(v, rl_jn_str(node), rl_jn_str_len(node)); break;
    case RL_JARRAY:
    case RL_JOBJECT:
        reset(v, RL_VNODE);
        v->u.node = node;
        break;
    }
    v->src = node;
}

void rl_value_list_item(const rl_value *list, size_t i, rl_value *out)
{
    if (list->type != RL_VLIST || i >= list->u.list.n) {
        rl_value_set_null(out);
        return;
    }
    if (list->u.list.nodes)
        rl_value_from_node(out, list->u.list.nodes[i]);
    else
        *out = list->u.list.values[i];
}

int rl_value_is_number(const rl_value *v)
{
    return v->type == RL_VINT || v->type == RL_VNUM;
}

double rl_value_as_double(const rl_value *v)
{
    if (v->type == RL_VINT)
        return (double)v->u.i;
    if (v->type == RL_VNUM)
        return v->u.d;
    return NAN;
}

int rl_value_num_cmp(const rl_value *a, const rl_value *b)
{
    if (a->type == RL_VINT && b->type == RL_VINT)
        return a->u.i < b->u.i ? -1 : a->u.i > b->u.i;
    if (a->type == RL_VINT)
        return rl_cmp_int_double(a->u.i, b->u.d);
    if (b->type == RL_VINT)
        return -rl_cmp_int_double(b->u.i, a->u.d);
    double x = a->u.d, y = b->u.d;
    if (isnan(x) || isnan(y))
        return isnan(x) - isnan(y);
    return x < y ? -1 : x > y;
}

/* Sequences: a LIST, or a NODE that is an array. */
static int is_seq(const rl_value *v, size_t *n)
{
    if (v->type == RL_VLIST) {
        *n = v->u.list.n;
        return 1;
    }
    if (v->type == RL_VNODE && rl_jn_type(v->u.node) == RL_JARRAY) {
        *n = rl_jn_count(v->u.node);
        return 1;
    }
    return 0;
}

static void seq_item(const rl_value *v, size_t i, rl_value *out)
{
    if (v->type == RL_VLIST)
        rl_value_list_item(v, i, out);
    else
        rl_value_from_node(out, rl_jn_item(v->u.node, i));
}

int rl_value_equal(const rl_value *a, const rl_value *b)
{
    if (rl_value_is_number(a) && rl_value_is_number(b))
        return rl_value_num_cmp(a, b) == 0;
    size_t na, nb;
    if (a->type == RL_VNODE && b->type == RL_VNODE)
        return rl_json_equal(a->u.node, b->u.node);
    if (is_seq(a, &na) && is_seq(b, &nb)) {
        if (na != nb)
            return 0;
        for (size_t i = 0; i < na; i++) {
            rl_value x, y;
            seq_item(a, i, &x);
            seq_item(b, i, &y);
            if (!rl_value_equal(&x, &y))
                return 0;
        }
        return 1;
    }
    if (a->type != b->type)
        return 0;
    switch ((rl_vtype)a->type) {
    case RL_VNULL: return 1;
    case RL_VBOOL: return a->u.b == b->u.b;
    case RL_VSTR:
        return a->u.str.len == b->u.str.len &&
               (a->u.str.len == 0 || memcmp(a->u.str.s, b->u.str.s, a->u.str.len) == 0);
    case RL_VDATE:
        return a->u.date.days == b->u.date.days && a->u.date.precision == b->u.date.precision;
    default: return 0;
    }
}

const char *rl_value_type_name(rl_vtype t)
{
    switch (t) {
    case RL_VNULL: return "null";
    case RL_VBOOL: return "boolean";
    case RL_VINT: return "integer";
    case RL_VNUM: return "number";
    case RL_VSTR: return "string";
    case RL_VDATE: return "date";
    case RL_VNODE: return "array or object";
    case RL_VLIST: return "list";
    }
    return "value";
}

void rl_value_write_json(rl_sbuf *out, const rl_value *v, const rl_jdoc *doc)
{
    switch ((rl_vtype)v->type) {
    case RL_VNULL: rl_sbuf_add(out, "null", 4); break;
    case RL_VBOOL: rl_sbuf_adds(out, v->u.b ? "true" : "false"); break;
    case RL_VINT: rl_sbuf_add_int(out, (long long)v->u.i); break;
    case RL_VNUM: rl_json_write_double(out, v->u.d); break;
    case RL_VSTR: rl_json_write_string(out, v->u.str.s, v->u.str.len); break;
    case RL_VDATE:
        rl_sbuf_addc(out, '"');
        rl_date_format(out, v->u.date);
        rl_sbuf_addc(out, '"');
        break;
    case RL_VNODE: rl_json_write(out, doc, v->u.node); break;
    case RL_VLIST:
        rl_sbuf_addc(out, '[');
        for (size_t i = 0; i < v->u.list.n; i++) {
            if (i)
                rl_sbuf_addc(out, ',');
            if (v->u.list.nodes)
                rl_json_write(out, doc, v->u.list.nodes[i]);
            else
                rl_value_write_json(out, &v->u.list.values[i], doc);
        }
        rl_sbuf_addc(out, ']');
        break;
    }
}

/* Round x to `digits` decimals, half away from zero, on the shortest
 * decimal form of x (so 2.675 rounds to 2.68 as written, not as stored). */
double rl_round_decimal(double x, int digits)
{
    if (x == 0 || !isfinite(x))
        return x;
    char buf[64];
    int prec;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, x);
        for (char *c = buf; *c; c++)
            if (*c == ',')
                *c = '.';
        if (rl_json_strtod(buf, strlen(buf)) == x)
            break;
    }
    /* buf: [-]d[.ddd]e[+-]XX */
    int neg = buf[0] == '-';
    char dig[24];
    int nd = 0;
    const char *p = buf + neg;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            dig[nd++] = *p;
    int exp10 = atoi(p + 1);       /* x = d.ddd × 10^exp10 */
    int keep = exp10 + 1 + digits; /* significant digits left of the cut */
    if (keep >= nd)
        return x;
    if (keep < 0)
        return 0.0;
    int up = dig[keep] >= '5';
    /* the kept digits as an integer string, plus one carry digit */
    char out[32];
    out[0] = '0';
    memcpy(out + 1, dig, (size_t)keep);
    int len = keep + 1;
    if (up) {
        int i = len - 1;
        while (i >= 0) {
            if (out[i] == '9') {
                out[i] = '0';
                i--;
            } else {
                out[i]++;
                break;
            }
        }
    }
    char text[64];
    snprintf(text, sizeof text, "%s%.*se%d", neg ? "-" : "", len, out, -digits);
    double r = rl_json_strtod(text, strlen(text));
    return r == 0 ? 0.0 : r;
}

/* Append d with at most `places` decimals, trailing zeros removed, and
 * `mark` as the decimal mark. */
static void format_fixed(rl_sbuf *out, double d, int places, char mark)
{
    char buf[400]; /* rounded as round() rounds: 2.675 shows as 2.68 */
    snprintf(buf, sizeof buf, "%.*f", places, rl_round_decimal(d, places));
    for (char *c = buf; *c; c++) /* the C locale may use a decimal comma */
        if (*c == ',')
            *c = '.';
    char *point = strchr(buf, '.');
    if (point) {
        char *end = buf + strlen(buf);
        while (end > point + 1 && end[-1] == '0')
            end--;
        if (end == point + 1)
            end = point;
        *end = '\0';
    }
    if (strcmp(buf, "-0") == 0)
        strcpy(buf, "0");
    if (point && *point == '.')
        *point = mark;
    rl_sbuf_adds(out, buf);
}

static void format_double(rl_sbuf *out, double d, int digits, char mark)
{
    if (!isfinite(d)) {
        rl_sbuf_adds(out, isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
        return;
    }
    if (digits < 0 || fabs(d) >= 1e21) {
        size_t from = out->len;
        rl_json_write_double(out, d == 0 ? 0.0 : d);
        char *point = rl_sbuf_ok(out) ? memchr(out->data + from, '.', out->len - from) : NULL;
        if (point)
            *point = mark;
        return;
    }
    if (digits > 17)
        digits = 17;
    double scale = pow(10, digits);
    if (d != 0 && fabs(d) * scale < 0.5) {
        /* would show as 0: keep two significant digits instead */
        int lead = (int)-floor(log10(fabs(d))); /* zeros after the point, plus one */
        int places = lead + (digits > 1 ? digits : 2) - 1;
        if (places > 340)
            places = 340;
        format_fixed(out, d, places, mark);
        return;
    }
    format_fixed(out, d, digits, mark);
}

void rl_value_format(rl_sbuf *out, const rl_value *v, int digits)
{
    rl_value_format_mark(out, v, digits, '.');
}

void rl_value_format_mark(rl_sbuf *out, const rl_value *v, int digits, char mark)
{
    switch ((rl_vtype)v->type) {
    case RL_VNULL: rl_sbuf_add(out, "null", 4); break;
    case RL_VBOOL: rl_sbuf_adds(out, v->u.b ? "true" : "false"); break;
    case RL_VINT: rl_sbuf_add_int(out, (long long)v->u.i); break;
    case RL_VNUM: format_double(out, v->u.d, digits, mark); break;
    case RL_VSTR: rl_sbuf_add(out, v->u.str.s, v->u.str.len); break;
    case RL_VDATE: rl_date_format(out, v->u.date); break;
    case RL_VNODE: rl_json_write(out, NULL, v->u.node); break;
    case RL_VLIST:
        rl_sbuf_addc(out, '[');
        for (size_t i = 0; i < v->u.list.n; i++) {
            rl_value item;
            if (i) /* with a decimal comma, "1,5; 2,5" keeps the items apart */
                rl_sbuf_adds(out, mark == ',' ? "; " : ", ");
            rl_value_list_item(v, i, &item);
            if (item.type == RL_VSTR)
                rl_json_write_string(out, item.u.str.s, item.u.str.len);
            else
                rl_value_format_mark(out, &item, digits, mark);
        }
        rl_sbuf_addc(out, ']');
        break;
    }
}
