/* expr.h — the expression language: compile text to a tree once, evaluate
 * it against many reports.
 *
 *   expr    := or ;  or := and ('or' and)* ;  and := not ('and' not)*
 *   not     := 'not' not | cmp
 *   cmp     := add (('=='|'!='|'<'|'<='|'>'|'>='|'in') add)?
 *   add     := mul (('+'|'-') mul)* ;  mul := unary (('*'|'/'|'%') unary)*
 *   unary   := '-' unary | primary
 *   primary := number | string ('...' or "...") | true | false | null | path
 *            | '$'name | call | '(' expr ')' | '[' list ']'
 *   path    := RFC 9535 JSONPath from $ or @; a bare name a.b means @.a.b
 *   call    := name '(' args ')'
 *
 * The pipeline is lexer (expr_lex.c) -> parser (expr_parse.c) -> tree ->
 * evaluator (expr_eval.c), with functions in expr_func.c. A compiled
 * expression is immutable and may be shared by threads; all evaluation
 * state lives in the rl_eval_ctx. Compile errors carry the 1-based
 * code-point column inside the expression text (err->column; line 0). */
#ifndef RL_EXPR_H
#define RL_EXPR_H

#include "arena.h"
#include "date.h"
#include "json.h"
#include "jsonpath.h"
#include "reportlint.h"
#include "value.h"

#include <stddef.h>

typedef struct rl_expr rl_expr;
typedef struct rl_enode rl_enode; /* a node of a compiled expression (expr_int.h) */
typedef struct rl_params rl_params;

/* ---- parameters ($name) ---------------------------------------------- */

rl_params *rl_params_new(void);
void rl_params_free(rl_params *p);

/* Define or replace a parameter from a ruleset's JSON: a number, boolean or
 * null is that literal; a string that is an ISO date form (2025-12-15,
 * 2025-11, --12-15, --11) is that date; any other string is an expression
 * (for example "$.report.as_of"), compiled now against the parameters
 * already defined. Returns 1, or 0 with err set (its message names the
 * parameter). */
int rl_params_set_json(rl_params *p, const char *name, const rl_jnode *value, rl_error *err);

/* Declare a parameter before its value is compiled, so that values may
 * refer to parameters defined after them; its value must be set later.
 * Returns 1, or 0 with err set (an invalid name). */
int rl_params_declare(rl_params *p, const char *name, rl_error *err);

/* Define or replace a parameter as exactly the JSON value given (a string
 * is a string, never an expression): reference data read from a file. */
int rl_params_set_literal(rl_params *p, const char *name, const rl_jnode *value, rl_error *err);

/* When parameters refer to each other in a cycle, write it to out
 * ("$a -> $b -> $a") and return 1; else 0. */
int rl_params_cycle(const rl_params *p, rl_sbuf *out);

/* Define or replace a parameter from the command line (--param NAME=TEXT):
 * a JSON number, true, false, null, array or object, or an ISO date form,
 * is that literal; anything else is a plain string. Returns 1, or 0 with err set. */
int rl_params_set_text(rl_params *p, const char *name, const char *text, rl_error *err);

/* 1 when the parameter exists. */
int rl_params_has(const rl_params *p, const char *name);
size_t rl_params_count(const rl_params *p);
const char *rl_params_name(const rl_params *p, size_t i);
/* Parameter i's definition as given: an expression's (or a JSON literal's)
 * text, a date's or a plain string's text; NULL when out of range. */
const char *rl_params_text(const rl_params *p, size_t i);

/* ---- evaluation context ---------------------------------------------- */

typedef struct rl_eval_ctx {
    const rl_jnode *root;         /* $ */
    const rl_jnode *current;      /* @ (the `each` node; root when there is none) */
    const rl_jdoc *doc;           /* the report (for numbers as written); may be NULL */
    const rl_params *params;      /* values of $name; may be NULL */
    rl_arena *arena;              /* scratch for strings and lists made while evaluating */
    const char *locale;           /* how strings read as numbers and dates; NULL = en */
    int32_t as_of;                /* day count; resolves year-less dates */
    int has_as_of;                /* 0: year-less dates resolve against today */
    rl_error *err;                /* set when evaluation fails */
    const rl_jnode *err_node;     /* the report node whose value caused the failure, if any */
    unsigned depth;               /* internal: parameter nesting */
    struct rl_regex_md *md;       /* this thread's regex match data, or NULL (regex.h) */
    struct rl_deadline *deadline; /* --timeout (deadline.h), checked inside JSONPath
                                     walks; NULL: none */
    /* This thread's member-lookup hints (json.h) for the report's paths, set
     * only when no object of the report repeats a name; NULL: none. */
    rl_jhints *hints;
    /* Collection rules (expr_split.h): when set, subst is asked first about
     * every subexpression; it returns 1 after setting out (the value the
     * collection computed for it), 0 to evaluate it as usual, -1 with err set. */
    int (*subst)(void *user, const rl_enode *n, rl_value *out);
    void *subst_user;
} rl_eval_ctx;

/* ---- expressions ----------------------------------------------------- */

/* compile flags */
#define RL_EXPR_DATE_FIELD 1 /* a text that is wholly an ISO date form is that date */

/* Compile text[0..len). params (may be NULL) is used to reject unknown
 * $names at compile time. On error returns NULL with err set (column in the
 * expression, message naming what was expected or what is unknown). */
rl_expr *rl_expr_compile(const char *text, size_t len, const rl_params *params, unsigned flags,
                         rl_error *err);
/* An expression that is the given JSON literal (a number written in a rule
 * file, for example); the node is copied. */
rl_expr *rl_expr_from_json(const rl_jnode *literal, rl_error *err);
void rl_expr_free(rl_expr *e);

/* The text the expression was compiled from (a literal's JSON for
 * rl_expr_from_json). */
const char *rl_expr_text(const rl_expr *e);

/* 1 when the expression reads nothing from a report or the parameters:
 * no path, no $name, no function call (its value is the same everywhere). */
int rl_expr_is_constant(const rl_expr *e);

/* When the whole expression is one path: that path's query, else NULL.
 * (A rule's `parts` may be one path selecting many nodes.) */
const rl_jpath *rl_expr_path(const rl_expr *e);
/* 1 with *out when e is a date literal with its year written
 * ("2025-09-30", "2025-Q3"): its value is known at compile time, the same
 * on every report; else 0. */
int rl_expr_const_date(const rl_expr *e, rl_date *out);

/* Evaluate. Returns 0 and sets out, or -1 with ctx->err set (for example
 * integer overflow, division by zero, a string that is not a number in the
 * locale, a type error such as adding a date to a string) and ctx->err_node
 * set to the offending report node when there is one. */
int rl_expr_eval(const rl_expr *e, rl_eval_ctx *ctx, rl_value *out);

/* Helpers the rule kinds share with the functions: read a value as a
 * number (strings are read in ctx->locale; null stays null) or as a date
 * (ISO strings, or locale forms later; year-less ones resolved with
 * ctx->as_of). Return 0, or -1 with ctx->err set. */
int rl_eval_to_number(rl_eval_ctx *ctx, const rl_value *in, rl_value *out);
/* What makes e null: the text of the first path or $name in it that
 * selects nothing ("@.staff" of "@.staff / @.centres"), else e's whole
 * text. Appended to out; evaluation errors are ignored. */
void rl_expr_missing_text(const rl_expr *e, rl_eval_ctx *ctx, rl_sbuf *out);
/* A short description of a value for messages: "the string 'abc'",
 * "a list of 3 nodes", "the number 1.5". Written into buf. */
const char *rl_eval_describe(const rl_value *v, char *buf, size_t size);
int rl_eval_to_date(rl_eval_ctx *ctx, const rl_value *in, rl_value *out);

#endif
