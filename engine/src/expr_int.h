/* expr_int.h — what the expression modules share and nobody else sees:
 * tokens and the lexer (expr_lex.c), the tree (expr_parse.c), the
 * evaluator's entry points (expr_eval.c), the function table
 * (expr_func.c) and parameter lookup (expr_params.c).
 *
 * Invariants: a compiled tree is immutable; every node lives in its
 * expression's arena; compiled paths and regexes are owned by the
 * expression (rl_owned) and freed with it; tree depth is bounded by
 * RL_EXPR_MAX_DEPTH because chains of the same operator (a + b + c,
 * x and y and z) are one n-ary node, not a deep left spine. */
#ifndef RL_EXPR_INT_H
#define RL_EXPR_INT_H

#include "expr.h"
#include "regex.h"

#include <stdarg.h>

#define RL_EXPR_MAX_DEPTH 256        /* nesting of ( [ calls, not, unary minus */
#define RL_EXPR_MAX_LEN (64u * 1024) /* bytes of expression text */
#define RL_PARAM_MAX_DEPTH 16        /* parameters whose values use parameters */

/* ---- resources an expression owns --------------------------------------- */

typedef struct rl_owned {
    rl_jpath **paths;
    size_t npaths, cpaths;
    rl_regex **regexes;
    size_t nregexes, cregexes;
} rl_owned;

int rl_owned_add_path(rl_owned *o, rl_jpath *q);   /* 0 on OOM (q is freed) */
int rl_owned_add_regex(rl_owned *o, rl_regex *re); /* 0 on OOM (re is freed) */
void rl_owned_free(rl_owned *o);

/* ---- tokens ------------------------------------------------------------- */

typedef enum rl_tok_kind {
    RL_T_EOF,
    RL_T_INT,   /* i (or int_min_pending) */
    RL_T_NUM,   /* d, decimals */
    RL_T_STR,   /* s, slen: decoded, in the arena */
    RL_T_PATH,  /* path (owned), bare */
    RL_T_PARAM, /* s, slen: the name without '$' (points into the text); path: the
                   segments after it as a query from @ (owned), or NULL */
    RL_T_FUNC,  /* s, slen: a name followed by '(' (the '(' is the next token) */
    RL_T_AND,
    RL_T_OR,
    RL_T_NOT,
    RL_T_IN,
    RL_T_TRUE,
    RL_T_FALSE,
    RL_T_NULL,
    RL_T_PLUS,
    RL_T_MINUS,
    RL_T_STAR,
    RL_T_SLASH,
    RL_T_PERCENT,
    RL_T_EQ,
    RL_T_NE,
    RL_T_LT,
    RL_T_LE,
    RL_T_GT,
    RL_T_GE,
    RL_T_LPAREN,
    RL_T_RPAREN,
    RL_T_LBRACK,
    RL_T_RBRACK,
    RL_T_COMMA
} rl_tok_kind;

typedef struct rl_token {
    rl_tok_kind kind;
    size_t off, len;     /* bytes of the token in the expression text */
    unsigned col;        /* 1-based code-point column of off */
    int64_t i;           /* RL_T_INT */
    int int_min_pending; /* RL_T_INT written as 9223372036854775808: valid only after '-' */
    double d;            /* RL_T_NUM */
    int16_t decimals;    /* RL_T_INT (0) and RL_T_NUM: decimals as written */
    const char *s;       /* RL_T_STR, RL_T_PARAM, RL_T_FUNC */
    size_t slen;
    rl_jpath *path; /* RL_T_PATH, RL_T_PARAM; owned by the lexer's rl_owned */
    int bare;       /* RL_T_PATH written as a bare name (a.b for @.a.b) */
} rl_token;

typedef struct rl_lexer {
    const char *text; /* valid UTF-8 (the caller checks) */
    size_t len;
    size_t pos;
    rl_arena *arena; /* decoded strings */
    rl_owned *owned; /* compiled paths */
    rl_error *err;
    size_t col_off; /* a known column, so columns are counted forward */
    unsigned col;
} rl_lexer;

void rl_lex_init(rl_lexer *lx, const char *text, size_t len, rl_arena *arena, rl_owned *owned,
                 rl_error *err);
/* Read the next token. Returns 1, or 0 with lx->err set (column inside the
 * expression). */
int rl_lex_next(rl_lexer *lx, rl_token *t);
/* 1-based code-point column of byte offset off. */
unsigned rl_expr_column(const char *text, size_t off);
/* The same, counted forward from the last column the lexer computed. */
unsigned rl_lex_column(rl_lexer *lx, size_t off);
/* The column in the expression of the code point number cp (0-based) of the
 * decoded value of the string literal starting at text[lit_off] (its quote). */
unsigned rl_lex_string_column(const char *text, size_t len, size_t lit_off, size_t cp);
const char *rl_tok_name(rl_tok_kind k);

/* ---- the tree ----------------------------------------------------------- */

typedef enum rl_node_kind {
    RL_N_LIT,   /* u.lit */
    RL_N_DATE,  /* u.date: an ISO date form (year-less resolved at evaluation) */
    RL_N_PATH,  /* u.path */
    RL_N_PARAM, /* u.param */
    RL_N_NEG,   /* kids[0] */
    RL_N_NOT,   /* kids[0] */
    RL_N_OR,    /* kids[0..n) */
    RL_N_AND,   /* kids[0..n) */
    RL_N_ARITH, /* kids[0] ops[1] kids[1] ops[2] kids[2] ...: + - or * / % */
    RL_N_CMP,   /* kids[0] op kids[1]: == != < <= > >= */
    RL_N_IN,    /* kids[0] in kids[1] */
    RL_N_LIST,  /* [kids...] */
    RL_N_CALL   /* u.call.fn(kids...) */
} rl_node_kind;

typedef struct rl_func rl_func;
typedef struct rl_enode rl_enode;

struct rl_enode {
    uint8_t kind;     /* rl_node_kind */
    uint8_t op;       /* RL_N_CMP: the token kind of the operator */
    unsigned col;     /* column of the node's first character */
    const char *text; /* the node's source text (in the expression's copy) */
    size_t tlen;
    size_t nkids;
    const rl_enode **kids;
    const uint8_t *ops; /* RL_N_ARITH: ops[i] joins kids[i-1] and kids[i] */
    union {
        rl_value lit;
        rl_date_spec date;
        struct {
            const rl_jpath *q;
            int singular;
        } path;
        struct {
            const char *name;
            size_t len;
            const rl_jpath *q;
            int singular;
        } param;
        /* q: segments selecting within the value ($provinces[*].code), or NULL */
        struct {
            const rl_func *fn;
            const rl_regex *re;
        } call;
    } u;
};

struct rl_expr {
    char *text; /* NUL-terminated copy */
    size_t len;
    rl_arena *arena;
    const rl_enode *root;
    rl_owned owned;
};

/* ---- functions ---------------------------------------------------------- */

typedef int (*rl_func_impl)(rl_eval_ctx *ctx, const rl_enode *call, rl_value *out);

#define RL_FN_REGEX                                                                                \
    1 /* argument 2 is a pattern, 3 its flags: literals compile with the expression */
#define RL_FN_LOCALE 2 /* argument 2 is a locale: a literal is checked with the expression */

struct rl_func {
    const char *name;
    int min_args;
    int max_args; /* -1: any number */
    unsigned flags;
    rl_func_impl impl;
    const char *usage; /* "round(x[, digits])" */
};

const rl_func *rl_func_find(const char *name, size_t len);
/* The table, for suggestions; ends with a NULL name. */
const rl_func *rl_func_table(void);

/* ---- evaluation --------------------------------------------------------- */

int rl_eval_node(rl_eval_ctx *ctx, const rl_enode *n, rl_value *out);
/* Set ctx->err (line 0, column 0) and ctx->err_node; returns -1. */
int rl_eval_fail(rl_eval_ctx *ctx, const rl_jnode *node, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Equality as == defines it (strings read as numbers or dates against them;
 * null equals only null). Never fails. */
int rl_eval_equal(rl_eval_ctx *ctx, const rl_value *a, const rl_value *b);
/* The reference year for year-less dates. */
int rl_eval_ref_year(const rl_eval_ctx *ctx);

/* Parameter lookup (expr_params.c). Returns 0 and sets out, or -1 with
 * ctx->err set (unknown parameter, nesting too deep, or its expression
 * failed). */
int rl_params_eval(rl_eval_ctx *ctx, const char *name, size_t len, rl_value *out);
/* rl_params_has for a name that is not NUL-terminated. */
int rl_params_has_n(const rl_params *p, const char *name, size_t len);
/* The closest known parameter name to name (or NULL): for messages. */
const char *rl_params_suggest(const rl_params *p, const char *name, size_t len);

#endif
