/* nodelist.c — the growable list of selected nodes (see jsonpath.h).
 *
 * Invariants: items holds cap slots of which n are used; a cleared list
 * keeps its storage; a freed list is back to the initial empty state. */
#include "jsonpath.h"
#include "array.h"

#include <stdlib.h>

void rl_nodelist_init(rl_nodelist *l)
{
    l->items = NULL;
    l->n = 0;
    l->cap = 0;
}

int rl_nodelist_push(rl_nodelist *l, const rl_jnode *node)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        const rl_jnode **g = rl_array_resize(l->items, cap, sizeof *g);
        if (!g)
            return 0;
        l->items = g;
        l->cap = cap;
    }
    l->items[l->n++] = node;
    return 1;
}

void rl_nodelist_clear(rl_nodelist *l)
{
    l->n = 0;
}

void rl_nodelist_free(rl_nodelist *l)
{
    free(l->items);
    rl_nodelist_init(l);
}
