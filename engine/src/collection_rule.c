/* collection_rule.c — reading "scope", "group" and "order" and compiling a
 * collection rule: its expressions split into parts (expr_split.h), each
 * part given a slot among those of its kind.
 *
 * A collection rule's `each` must select reports of the group by wildcard
 * or filter ($[*]..., $[?...]...); previous() needs an `order` and, without
 * `each`, runs over every report ($[*]). A kind that cannot be split (its
 * expressions not listed) is refused at load time, as previous() is in a
 * rule checked per report. */
#include "collection_rule.h"
#include "array.h"

#include <stdlib.h>
#include <string.h>

void rl_coll_rule_free(rl_coll_rule *cr)
{
    if (!cr)
        return;
    rl_expr_free(cr->group);
    rl_expr_free(cr->order);
    rl_parts_free(&cr->parts);
    free(cr->slot);
    free(cr->first);
    free(cr->direct);
    if (cr->own_each)
        rl_jpath_free(cr->each);
    free(cr);
}

typedef struct walk {
    rl_loader *ld;
    const rl_jnode *obj;
    rl_coll_rule *cr;
    int at_is_group;
    int uses_prev;
    int failed;
} walk;

static void split_one(void *user, const rl_expr *e)
{
    walk *w = user;
    if (!e || w->failed)
        return;
    w->uses_prev |= rl_expr_uses_previous(e);
    rl_error err = {0};
    if (rl_expr_split(e, w->at_is_group, &w->cr->parts, &err) != 0) {
        rl_ld_error(w->ld, rl_jn_offset(w->obj), "in '%s' (column %u): %s", rl_expr_text(e),
                    err.column, err.message);
        w->failed = 1;
    }
}

static void find_previous(void *user, const rl_expr *e)
{
    walk *w = user;
    if (e && rl_expr_uses_previous(e))
        w->uses_prev = 1;
}

/* A rule checked per report: group, order and previous() are errors. */
static void read_report_rule(rl_rule *r, rl_loader *ld, const rl_jnode *obj)
{
    static const char *const coll_only[] = {"group", "order", NULL};
    for (size_t i = 0; coll_only[i]; i++) {
        const rl_jnode *f = rl_json_gets(obj, coll_only[i]);
        if (f)
            rl_ld_error(ld, rl_jn_offset(f), "field '%s' needs \"scope\": \"collection\"",
                        coll_only[i]);
    }
    walk w = {ld, obj, NULL, 0, 0, 0};
    if (r->kind->exprs)
        r->kind->exprs(r->data, find_previous, &w);
    find_previous(&w, r->when);
    if (w.uses_prev)
        rl_ld_error(ld, rl_jn_offset(obj),
                    "previous() needs \"scope\": \"collection\" and an \"order\"");
}

static int read_scope(rl_loader *ld, const rl_jnode *obj)
{
    const rl_jnode *s = rl_json_gets(obj, "scope");
    if (!s)
        return 0;
    if (rl_jn_type(s) == RL_JSTRING && strcmp(rl_jn_str(s), "collection") == 0)
        return 1;
    if (!(rl_jn_type(s) == RL_JSTRING && strcmp(rl_jn_str(s), "report") == 0))
        rl_ld_error(ld, rl_jn_offset(s),
                    "field 'scope' must be \"report\" (the default) or \"collection\"");
    return 0;
}

static int check_each(rl_rule *r, rl_loader *ld, const rl_jnode *obj)
{
    if (!r->each)
        return 1;
    if (!rl_jpath_is_relative(r->each) && rl_jpath_over_items(r->each))
        return 1;
    rl_ld_error(ld, rl_jn_offset(rl_json_gets(obj, "each")),
                "in a collection rule 'each' selects within the group's reports: start it with "
                "$[*] or $[?...] (e.g. \"$[?@.report.level == 'national']\")");
    return 0;
}

static void read_unique(rl_coll_rule *cr, const rl_rule *r, rl_loader *ld, const rl_jnode *obj)
{
    rl_unique_fields(r, &cr->items, &cr->key);
    if (r->each)
        rl_ld_error(ld, rl_jn_offset(obj),
                    "a collection `unique` has no 'each': its 'items' select "
                    "within the group ($[*]...)");
    else if (cr->items && (rl_jpath_is_relative(cr->items) || !rl_jpath_over_items(cr->items)))
        rl_ld_error(ld, rl_jn_offset(rl_json_gets(obj, "items")),
                    "in a collection rule 'items' selects within the group's reports: start it "
                    "with $[*] or $[?...] (e.g. \"$[*].procedures[*]\")");
}

/* 1 when parts a and b compute the same thing from the same text. */
static int same_part(const rl_part *a, const rl_part *b)
{
    size_t la, lb;
    const char *ta = rl_enode_text(a->node, &la), *tb = rl_enode_text(b->node, &lb);
    return a->kind == b->kind && la == lb && memcmp(ta, tb, la) == 0;
}

/* Each part's slot among its kind's; parts written alike (`@.total` in
 * `assert` and in `at`) share one, so it is kept once. */
static int assign_slots(rl_coll_rule *cr)
{
    cr->slot = calloc(cr->parts.n ? cr->parts.n : 1, sizeof *cr->slot);
    cr->first = calloc(cr->parts.n ? cr->parts.n : 1, sizeof *cr->first);
    for (size_t i = 0; cr->slot && cr->first && i < cr->parts.n; i++) {
        size_t j = 0;
        while (j < i && !same_part(&cr->parts.items[j], &cr->parts.items[i]))
            j++;
        cr->slot[i] = j < i ? cr->slot[j] : cr->n_kind[cr->parts.items[i].kind]++;
        cr->first[i] = j == i;
    }
    return cr->slot && cr->first;
}

/* ---- paths read directly ---- */

/* text after its lead ("$[*]" or "@") as .name segments into d; 0 when it
 * is something else. */
static int direct_names(const char *text, rl_direct *d)
{
    d->n = 0;
    while (*text == '.') {
        size_t len = 0;
        text++;
        if (!((*text >= 'a' && *text <= 'z') || (*text >= 'A' && *text <= 'Z') || *text == '_'))
            return 0;
        while ((text[len] >= 'a' && text[len] <= 'z') || (text[len] >= 'A' && text[len] <= 'Z') ||
               (text[len] >= '0' && text[len] <= '9') || text[len] == '_')
            len++;
        if (d->n == RL_DIRECT_NAMES || len >= RL_DIRECT_NAME_MAX)
            return 0;
        memcpy(d->names[d->n], text, len);
        d->names[d->n][len] = '\0';
        d->len[d->n++] = len;
        text += len;
    }
    return *text == '\0';
}

static void add_direct(rl_coll_rule *cr, const void *of, const char *text, const char *lead)
{
    size_t n = strlen(lead);
    rl_direct d = {0};
    if (!of || !text || strncmp(text, lead, n) != 0 || !direct_names(text + n, &d) ||
        rl_coll_direct(cr, of))
        return;
    if (strcmp(lead, "@") == 0 && d.n == 0)
        return; /* @ alone: the report, not a key */
    rl_direct *more = rl_array_resize(cr->direct, cr->n_direct + 1, sizeof *more);
    if (!more)
        return; /* evaluated instead */
    cr->direct = more;
    d.of = of;
    cr->direct[cr->n_direct++] = d;
}

static void find_direct(rl_coll_rule *cr)
{
    for (size_t i = 0; i < cr->parts.n; i++)
        for (size_t k = 0; k < cr->parts.items[i].n_paths; k++) {
            const rl_jpath *q = cr->parts.items[i].paths[k];
            add_direct(cr, q, rl_jpath_text(q), "$[*]");
        }
    if (cr->each)
        add_direct(cr, cr->each, rl_jpath_text(cr->each), "$[*]");
    if (cr->items)
        add_direct(cr, cr->items, rl_jpath_text(cr->items), "$[*]");
    if (cr->key)
        add_direct(cr, cr->key, rl_expr_text(cr->key), "@");
    if (cr->group)
        add_direct(cr, cr->group, rl_expr_text(cr->group), "@");
    if (cr->order)
        add_direct(cr, cr->order, rl_expr_text(cr->order), "@");
}

const rl_direct *rl_coll_direct(const rl_coll_rule *cr, const void *of)
{
    for (size_t i = 0; i < cr->n_direct; i++)
        if (cr->direct[i].of == of)
            return &cr->direct[i];
    return NULL;
}

static void read_collection_rule(rl_rule *r, rl_loader *ld, const rl_jnode *obj)
{
    int is_unique = strcmp(r->kind->name, "unique") == 0;
    if (!r->kind->exprs && !is_unique) {
        rl_ld_error(ld, rl_jn_offset(obj),
                    "kind '%s' cannot be used with \"scope\": \"collection\" "
                    "(these can: sum, ratio, average, threshold, expr, pattern, "
                    "cadence, unique)",
                    r->kind->name);
        return;
    }
    rl_coll_rule *cr = r->coll = calloc(1, sizeof *cr);
    if (!cr || !check_each(r, ld, obj))
        return;
    cr->group = rl_ld_expr(ld, obj, "group", 0, 0);
    cr->order = rl_ld_expr(ld, obj, "order", 0, 0);
    if (is_unique)
        read_unique(cr, r, ld, obj);
    walk w = {ld, obj, cr, r->each == NULL, 0, 0};
    find_previous(&w, r->when);
    if (r->kind->exprs)
        r->kind->exprs(r->data, find_previous, &w);
    for (size_t i = 0; i < RL_LANG_COUNT; i++)
        rl_template_exprs(r->message[i], find_previous, &w);
    if (w.uses_prev && !r->each) { /* previous() runs over the reports */
        rl_error err = {0};
        cr->each = rl_jpath_compile("$[*]", 4, NULL, &err);
        cr->own_each = 1;
        w.at_is_group = 0;
    } else {
        cr->each = r->each;
    }
    if (w.uses_prev && !cr->order)
        rl_ld_error(ld, rl_jn_offset(obj),
                    "previous() needs an \"order\" (e.g. \"@.report.period\")");
    split_one(&w, r->when);
    if (r->kind->exprs)
        r->kind->exprs(r->data, split_one, &w);
    for (size_t i = 0; i < RL_LANG_COUNT; i++)
        rl_template_exprs(r->message[i], split_one, &w);
    if (!assign_slots(cr))
        rl_ld_error(ld, rl_jn_offset(obj), "out of memory");
    find_direct(cr);
}

void rl_coll_rule_read(rl_rule *r, rl_loader *ld, const rl_jnode *obj)
{
    if (read_scope(ld, obj))
        read_collection_rule(r, ld, obj);
    else
        read_report_rule(r, ld, obj);
}

void rl_coll_rule_set_index(rl_coll_rule *cr, size_t index)
{
    cr->index = index;
}
