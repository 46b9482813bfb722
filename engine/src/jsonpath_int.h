/* jsonpath_int.h — the compiled form of an RFC 9535 query, shared by the
 * parser (jsonpath_parse.c, jsonpath_filter.c), the evaluator
 * (jsonpath_eval.c) and the function extensions (jsonpath_func.c).
 *
 * Invariants: everything a query holds lives in its arena except the
 * compiled regular expressions, which the query lists and frees. A compiled
 * query is never written after rl_jpath_compile returns. Every filter
 * expression is well-typed (RFC 9535 §2.4.3) by construction: the parser
 * rejects the rest, so the evaluator never checks types. */
#ifndef RL_JSONPATH_INT_H
#define RL_JSONPATH_INT_H

#include "arena.h"
#include "jsonpath.h"
#include "regex.h"

#include <stddef.h>
#include <stdint.h>

/* Largest |index| RFC 9535 allows (I-JSON exact integers): 2^53 - 1. */
#define JP_MAX_INDEX 9007199254740991LL
/* Deepest nesting of filter expressions, parentheses and calls in a query. */
#define JP_MAX_NESTING 256

typedef struct jp_expr jp_expr;
typedef struct jp_func jp_func;
typedef struct jp_parser jp_parser;

/* ---- queries --------------------------------------------------------- */

typedef enum jp_sel_kind {
    JP_SEL_NAME,
    JP_SEL_WILD,
    JP_SEL_INDEX,
    JP_SEL_SLICE,
    JP_SEL_FILTER
} jp_sel_kind;

typedef struct jp_slice {
    int64_t start, end, step;
    unsigned char has_start, has_end; /* omitted bounds take the RFC defaults */
} jp_slice;

typedef struct jp_selector {
    jp_sel_kind kind;
    union {
        struct {
            const char *s;
            size_t len;
        } name;
        int64_t index;
        jp_slice slice;
        const jp_expr *filter; /* logical */
    } u;
} jp_selector;

typedef struct jp_segment {
    int descendant;   /* ..[...] */
    int blank_inside; /* blank space between its brackets */
    size_t n;
    jp_selector *sel;
} jp_segment;

typedef struct jp_query {
    int relative; /* starts at @ */
    int singular; /* only child segments with one name or index selector */
    int spaced;   /* would be singular but for blank space inside brackets */
    size_t n;
    jp_segment *seg;
} jp_query;

/* ---- filter expressions ---------------------------------------------- */

typedef enum jp_type { JP_VALUE, JP_LOGICAL, JP_NODES } jp_type;

typedef enum jp_op { JP_EQ, JP_NE, JP_LT, JP_LE, JP_GT, JP_GE } jp_op;

typedef enum jp_expr_kind {
    JP_OR,
    JP_AND,
    JP_NOT,
    JP_CMP,     /* logical */
    JP_QUERY,   /* existence test, or a value when singular */
    JP_LITERAL, /* value */
    JP_CALL     /* the function's declared result type */
} jp_expr_kind;

struct jp_expr {
    jp_expr_kind kind;
    size_t pos; /* byte offset in the query text */
    union {
        struct {
            const jp_expr *l, *r;
            jp_op op;
        } bin;                  /* OR, AND, CMP */
        const jp_expr *operand; /* NOT */
        jp_query query;
        const rl_jnode *literal;
        struct {
            const jp_func *fn;
            const jp_expr **args;
            size_t nargs;
            const void *data; /* set at compile time by the function's prepare */
        } call;
    } u;
};

/* A ValueType result: a node, a computed number, or Nothing. */
typedef struct jp_value {
    const rl_jnode *node; /* NULL and !own: Nothing */
    int own;              /* the value is num, not node */
    rl_jnode num;
} jp_value;

/* What an evaluation needs besides the current node. */
typedef struct jp_eval {
    const rl_jnode *root;
    rl_error *err;
    struct rl_deadline *deadline; /* checked at every step of a walk; NULL: none */
} jp_eval;

/* A function extension (RFC 9535 §2.4). eval returns 0/1 for LogicalType
 * results, 0 after filling out for ValueType results, -1 on error (err set).
 * prepare (optional) runs once at compile time, e.g. to compile a literal
 * regular expression; it returns 0 after jp_fail on failure. */
struct jp_func {
    const char *name;
    jp_type result;
    size_t nparams;
    jp_type params[2];
    unsigned aux; /* a constant for eval (match/search: RL_RE_* flags) */
    int (*eval)(const jp_expr *call, const jp_eval *ev, const rl_jnode *cur, jp_value *out);
    int (*prepare)(jp_expr *call, jp_parser *p);
};

/* The function named s[0..len), or NULL. */
const jp_func *jp_func_find(const char *s, size_t len);

/* ---- the compiled query ---------------------------------------------- */

struct rl_jpath {
    rl_arena *arena;
    const char *text; /* the query as written, NUL-terminated */
    size_t len;
    jp_query q;
    rl_regex **regexes; /* compiled literal patterns, owned */
    size_t nregex;
};

/* Give q ownership of re (freed with q). Returns 0 on OOM (re is freed). */
int jp_own_regex(rl_jpath *q, rl_regex *re);

/* ---- the parser (jsonpath_lex.c, jsonpath_parse.c, jsonpath_filter.c) -- */

struct jp_parser {
    const char *s;
    size_t len;
    size_t pos;
    rl_jpath *q;
    rl_error *err;
    unsigned depth; /* filter nesting */
};

int jp_is_blank(int c);
/* The byte at pos, or -1 at the end. */
int jp_peek(const jp_parser *p);
int jp_peek_at(const jp_parser *p, size_t at);
void jp_skip_blank(jp_parser *p);
/* Set err at byte offset at (column in code points); returns 0. */
int jp_fail(jp_parser *p, size_t at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Arena allocation that reports OOM at pos; NULL on failure. */
void *jp_alloc(jp_parser *p, size_t n);
/* Append one element of size el to a growing arena array. */
void *jp_push(jp_parser *p, void *arr, size_t *n, size_t el);

/* Lexemes: each starts at pos, advances past what it read, returns 0 with
 * err set when the text is not one. */
int jp_lex_string(jp_parser *p, const char **s, size_t *len);
int jp_lex_int(jp_parser *p, int64_t *out);
int jp_lex_number(jp_parser *p, rl_jnode *out);
/* member-name-shorthand: bytes matched (0: none at pos, nothing consumed). */
size_t jp_lex_member_name(jp_parser *p);
/* function-name (LCALPHA *(LCALPHA / "_" / DIGIT)) at pos: its length. */
size_t jp_lex_function_name(const jp_parser *p);

/* $ or @ and its segments. */
int jp_parse_query(jp_parser *p, jp_query *out);
/* The logical-expr after '?' (filter-selector). */
int jp_parse_filter(jp_parser *p, const jp_expr **out);

/* ---- evaluation (jsonpath_eval.c) ------------------------------------- */

/* Called for each selected node: 0 to go on, 1 to stop, -1 on error. */
typedef int (*jp_emit)(void *state, const rl_jnode *node);

/* Walk q from root or cur; returns 0, 1 when emit stopped it, or -1. */
int jp_walk(const jp_query *q, const jp_eval *ev, const rl_jnode *cur, jp_emit emit, void *state);
/* The node a singular query selects, or NULL. */
const rl_jnode *jp_select_one(const jp_query *q, const rl_jnode *root, const rl_jnode *cur);
/* A ValueType expression (literal, singular query, value function). */
int jp_eval_value(const jp_expr *e, const jp_eval *ev, const rl_jnode *cur, jp_value *out);
/* A LogicalType expression: 1 true, 0 false, -1 error. */
int jp_eval_logical(const jp_expr *e, const jp_eval *ev, const rl_jnode *cur);
/* The node of a value, NULL for Nothing. */
const rl_jnode *jp_value_node(const jp_value *v);

#endif
