/* value.h — the values expressions compute with.
 *
 * Integers are exact int64 (overflow is an error, never a wrap); other
 * numbers are doubles. A value read from the report remembers its node
 * (src) so a violation can blame it and "reported" tolerance can use the
 * decimals it was written with. Strings and lists made during evaluation
 * live in the evaluation's arena; values never own memory.
 *
 * A singular path gives one value (null when it selects nothing, with src
 * NULL; a JSON null has src set). A non-singular path gives a LIST, even
 * of zero or one node. Arrays and objects are NODE values. */
#ifndef RL_VALUE_H
#define RL_VALUE_H

#include "date.h"
#include "json.h"
#include "sbuf.h"

#include <stdint.h>

typedef enum rl_vtype {
    RL_VNULL,
    RL_VBOOL,
    RL_VINT,
    RL_VNUM,
    RL_VSTR,
    RL_VDATE,
    RL_VNODE, /* a JSON array or object */
    RL_VLIST  /* the nodes a non-singular path selected, or a list literal's values */
} rl_vtype;

typedef struct rl_value rl_value;

struct rl_value {
    uint8_t type;        /* rl_vtype */
    int16_t decimals;    /* numbers read from JSON or a string: decimals as written; else -1 */
    const rl_jnode *src; /* node this value was read from, or NULL if computed */
    union {
        int b;
        int64_t i;
        double d;
        struct {
            const char *s;
            size_t len;
        } str;
        rl_date date;
        const rl_jnode *node;
        struct {
            const rl_jnode **nodes;
            const rl_value *values;
            size_t n;
        } list;
        /* a list holds either nodes (from a path) or values (from [a, b]) */
    } u;
};

void rl_value_set_null(rl_value *v);
void rl_value_set_bool(rl_value *v, int b);
void rl_value_set_int(rl_value *v, int64_t i);
void rl_value_set_num(rl_value *v, double d);
void rl_value_set_str(rl_value *v, const char *s, size_t len);
void rl_value_set_date(rl_value *v, rl_date d);

/* The value of one JSON node (src = node). */
void rl_value_from_node(rl_value *v, const rl_jnode *node);

/* Item i of a LIST as a value. */
void rl_value_list_item(const rl_value *list, size_t i, rl_value *out);

int rl_value_is_number(const rl_value *v);    /* INT or NUM */
double rl_value_as_double(const rl_value *v); /* INT or NUM */

/* Exact comparison of two numbers (INT/NUM): <0, 0, >0. */
int rl_value_num_cmp(const rl_value *a, const rl_value *b);

/* Equality as the == operator defines it, for values already of
 * comparable types (numbers with numbers, strings, dates, bools, nodes by
 * JSON equality). */
int rl_value_equal(const rl_value *a, const rl_value *b);

const char *rl_value_type_name(rl_vtype t);

/* JSON for the value: numbers exact (ints) or shortest round-trip, dates as
 * ISO strings, lists as arrays, nodes as their JSON (numbers as written when
 * doc is non-NULL). */
void rl_value_write_json(rl_sbuf *out, const rl_value *v, const rl_jdoc *doc);

/* Human form for messages: ints exact; doubles rounded to `digits`
 * decimals with trailing zeros removed (7.767441 -> 7.77 with 2) but never
 * shown as 0 when they are not (0.0012 -> 0.0012); dates ISO; strings as
 * they are; null as "null". */
void rl_value_format(rl_sbuf *out, const rl_value *v, int digits);
/* x rounded to `digits` decimals, half away from zero, on its shortest
 * decimal form (2.675 rounds to 2.68 as written, not as stored): what
 * round() computes and what messages show. */
double rl_round_decimal(double x, int digits);
/* The same with another decimal mark (',' in vi, id, ru, nb messages);
 * list items are then separated by "; " so "1,5; 2,5" stays readable. */
void rl_value_format_mark(rl_sbuf *out, const rl_value *v, int digits, char mark);

#endif
