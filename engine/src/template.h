/* template.h — violation messages from templates.
 *
 * A template is text with placeholders: {name} names a figure of the rule's
 * kind ({actual}, {expected}, {imbalance}, {tolerance}, {value}, {due},
 * {days_late}, ...); {@.path}, {$.path} or {count($provinces)} (any
 * expression starting with @ or $, or a function call) is evaluated
 * against the rule's `each` node. {{ and }} stand for
 * literal braces. Templates are compiled once at load: unknown names and
 * bad expressions are load errors. Numbers are shown as people read them:
 * integers exactly, other numbers rounded to 2 decimals, with the decimal
 * mark of the message's language (lang.h). */
#ifndef RL_TEMPLATE_H
#define RL_TEMPLATE_H

/* The most bytes one placeholder's value adds to a message: a longer value
 * (an 8 MB string, a whole report written as JSON) is cut at a character
 * boundary and ends with a visible mark, "… (N more bytes)", so messages
 * stay bounded and never silently empty. */
#define RL_TEMPLATE_MAX_VALUE 1024

#include "expr.h"
#include "lang.h"
#include "sbuf.h"
#include "value.h"

#include <stddef.h>

typedef struct rl_template rl_template;

/* A value with a name, as kinds hand them to templates and outputs. */
typedef struct rl_fig {
    const char *name;
    rl_value v;
} rl_fig;

/* names: the placeholder names allowed (NULL-terminated list). On error
 * returns NULL; err->column is the column in the template text. */
rl_template *rl_template_compile(const char *text, size_t len, const char *const *names,
                                 const rl_params *params, rl_error *err);
void rl_template_free(rl_template *t);

/* Expand in a language. A figure missing from figs, or an expression that
 * fails (or any expression when ctx is NULL), shows as "?" — a message
 * never fails. */
void rl_template_expand(const rl_template *t, const rl_fig *figs, size_t n_figs, rl_eval_ctx *ctx,
                        rl_lang lang, rl_sbuf *out);

/* Call fn with each expression placeholder's compiled expression. */
void rl_template_exprs(const rl_template *t, void (*fn)(void *user, const rl_expr *e), void *user);

#endif
