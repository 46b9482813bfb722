/* jsonpath.h — RFC 9535 JSONPath: compile a query once, evaluate it on many
 * documents.
 *
 * A compiled query (rl_jpath) is immutable and may be shared by threads.
 * Evaluation never parses: it walks the compiled segments. Results come in
 * the order RFC 9535 defines (document order for wildcards; descendant
 * segments visit a node before its descendants).
 *
 * Prefix mode (consumed != NULL) compiles the longest prefix of text that is
 * a complete query and reports how many bytes it used; the expression lexer
 * uses it to read `$.a[0].b` or `@.x` embedded in an expression. Blank space
 * is consumed only when a segment follows it (`$.a [0]` is one query; in
 * `@.a / 2` the query is `@.a`), and a segment once started by '.' or '['
 * must be complete: `$.a.` is an error at column 5, not the query `$.a`. */
#ifndef RL_JSONPATH_H
#define RL_JSONPATH_H

#include "json.h"
#include "reportlint.h"
#include "sbuf.h"

#include <stddef.h>

/* A list of nodes selected by a query (malloc-grown; reuse with _clear). */
typedef struct rl_nodelist {
    const rl_jnode **items;
    size_t n;
    size_t cap;
} rl_nodelist;

void rl_nodelist_init(rl_nodelist *l);
int rl_nodelist_push(rl_nodelist *l, const rl_jnode *node); /* 0 on OOM */
void rl_nodelist_clear(rl_nodelist *l);
void rl_nodelist_free(rl_nodelist *l);

typedef struct rl_jpath rl_jpath;

/* Compile text[0..len). Whole-text mode when consumed is NULL. On error
 * returns NULL; err->column is the 1-based code-point column in text where
 * the problem is, and the message says what was expected. */
rl_jpath *rl_jpath_compile(const char *text, size_t len, size_t *consumed, rl_error *err);
/* Same with flags. RL_JPATH_STRICT accepts only RFC 9535 queries (from $);
 * without it a query may also start at @ (for `each` and expressions). */
#define RL_JPATH_STRICT 1
rl_jpath *rl_jpath_compile_ex(const char *text, size_t len, unsigned flags, size_t *consumed,
                              rl_error *err);
void rl_jpath_free(rl_jpath *q);

/* The query as written (in prefix mode: the part consumed). */
const char *rl_jpath_text(const rl_jpath *q);
/* 1 when the query starts at @ (the current node) rather than $. */
int rl_jpath_is_relative(const rl_jpath *q);
/* 1 for an RFC 9535 singular query (only name and index selectors, one
 * per segment, no descendant segment and, as the ABNF's name-segment and
 * index-segment say, no blank space inside the brackets). */
int rl_jpath_is_singular(const rl_jpath *q);

/* 1 when the query's first segment selects the items of an array by
 * wildcard or filter only ($[*]..., $[?...]..., or a descendant segment),
 * so that over an array of documents it selects what it selects in each,
 * whatever their order (collection rules, expr_split.h). */
int rl_jpath_over_items(const rl_jpath *q);

/* Append the nodes selected from root ($) and current (@) to out.
 * Returns 0, or -1 with err set when evaluation failed (for example a
 * regular expression hit its match limit in match() or search()). */
int rl_jpath_eval(const rl_jpath *q, const rl_jnode *root, const rl_jnode *current,
                  rl_nodelist *out, rl_error *err);
/* The same, stopping with err set ("out of time") once deadline (may be
 * NULL; deadline.h) has passed: it is checked at every step of the walk. */
struct rl_deadline;
int rl_jpath_eval_until(const rl_jpath *q, const rl_jnode *root, const rl_jnode *current,
                        rl_nodelist *out, rl_error *err, struct rl_deadline *deadline);

/* For singular queries: the selected node or NULL, without allocating.
 * Always NULL for a query that is not singular. */
const rl_jnode *rl_jpath_select_one(const rl_jpath *q, const rl_jnode *root,
                                    const rl_jnode *current);
/* The same with member names looked up by hints (json.h: this thread's,
 * and only in a document in which no object repeats a name). */
const rl_jnode *rl_jpath_select_hinted(const rl_jpath *q, const rl_jnode *root,
                                       const rl_jnode *current, rl_jhints *hints);

/* Append the RFC 9535 normalized path of node, e.g. $['a'][0]['b']. */
void rl_jpath_normalized(const rl_jnode *node, rl_sbuf *out);

#endif
