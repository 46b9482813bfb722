/* check_run.h — one rule run on one node (check.c), for the checker's own
 * modules: the per-report checker and the collection judge
 * (collection_judge.c), which runs a rule on nodes kept from reports no
 * longer in memory and so places its violations itself (locate). */
#ifndef RL_CHECK_RUN_H
#define RL_CHECK_RUN_H

#include "deadline.h"
#include "check.h"
#include "kinds.h"

struct rl_run {
    rl_run_head head; /* first: the hooks kinds call (kinds.h) */
    const rl_rule *rule;
    rl_severity severity; /* the rule's, or as rl_check_opts overrides it */
    rl_eval_ctx ctx;
    const rl_jnode *node; /* the `each` node */
    rl_jdoc *doc;
    const char *file;
    rl_result *res;
    const rl_catalog *catalog;
    rl_lang lang; /* of messages */
    long slot;    /* the rule's slot in res's table of rules (rl_check_rule_slot; -1: none) */
    rl_rule_result *counts;    /* its counts while it runs, or NULL: looked up by slot */
    rl_deadline deadline;      /* --timeout: ctx.deadline points here */
    const rl_rule *stop_rule;  /* where the deadline stopped the check: the rule */
    const rl_jnode *stop_node; /* and the node it was on (NULL: not stopped) */
    int stopped_by_finding;    /* keeping a finding passed --max-memory: its
                                  evaluation was whole, and counts */
    /* NULL: a violation is placed at its blamed node in doc and file. Else
     * this fills v's file, line and column, the pointer (ptr) and, when it
     * changes the message, the new message (msg). */
    void (*locate)(void *user, const rl_jnode *blame, rl_violation *v, rl_sbuf *ptr, rl_sbuf *msg);
    void *locate_user;
    const rl_fig *extra; /* a figure every violation carries (a collection
                            rule's "group"), or NULL */
};

/* The checker's hooks (check.c): every run starts with them. */
extern const rl_run_ops rl_check_run_ops;

/* Run the rule (when, then its kind) on one node with a copy of base;
 * count the outcome in run->res. */
void rl_run_on_node(rl_run *run, const rl_jnode *node, const rl_eval_ctx *base);
/* Count one evaluation's outcome in run->res's summary and in the rule's
 * counts (run->slot). */
void rl_run_count(rl_run *run, rl_outcome o);

#endif
