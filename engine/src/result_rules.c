/* result_rules.c — a result's table of rules and their counts
 * (result_rules.h). */
#include "result_rules.h"
#include "array.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void rl_rule_table_free(rl_rule_table *t)
{
    free(t->rules);
    free(t->keys);
    rl_strmap_free(&t->by_id);
    memset(t, 0, sizeof *t);
}

static int same(const rl_rule_table *t, size_t i, const void *key, const char *id)
{
    return key ? t->keys[i] == key : id && strcmp(t->rules[i].id, id) == 0;
}

/* Rule ids are unique in a result, so an id finds its slot through the
 * map; a key alone (no id) is looked for near the last slot found, then by
 * a scan. */
static long find_in(rl_rule_table *t, const void *key, const char *id)
{
    size_t h = t->hint;
    if (h < t->n && same(t, h, key, id))
        return (long)h;
    if (h + 1 < t->n && same(t, h + 1, key, id))
        return (long)(t->hint = h + 1);
    if (id) {
        const rl_strmap_slot *s = rl_strmap_find(&t->by_id, id);
        return s ? (long)(t->hint = (size_t)(uintptr_t)s->value - 1) : -1;
    }
    for (size_t i = 0; i < t->n; i++)
        if (same(t, i, key, id))
            return (long)(t->hint = i);
    return -1;
}

long rl_rule_table_find(rl_rule_table *t, const void *key, const char *id)
{
    return find_in(t, id ? NULL : key, id);
}

static int grow(rl_rule_table *t)
{
    if (t->n < t->cap)
        return 0;
    size_t cap = t->cap ? t->cap * 2 : 16;
    rl_rule_result *r = rl_array_resize(t->rules, cap, sizeof *r);
    if (r)
        t->rules = r;
    const void **k = r ? rl_array_resize(t->keys, cap, sizeof *k) : NULL;
    if (!k)
        return -1;
    t->keys = k;
    t->cap = cap;
    return 0;
}

static const char *copy(rl_arena *arena, const char *s)
{
    return s ? rl_arena_strndup(arena, s, strlen(s)) : NULL;
}

long rl_rule_table_slot(rl_rule_table *t, rl_arena *arena, const void *key,
                        const rl_rule_result *info)
{
    long i = rl_rule_table_find(t, key, info->id);
    if (i >= 0)
        return i;
    if (grow(t) != 0)
        return -1;
    rl_rule_result r = *info;
    r.id = copy(arena, info->id);
    r.kind = copy(arena, info->kind);
    r.title = copy(arena, info->title);
    r.description = copy(arena, info->description);
    r.ruleset = copy(arena, info->ruleset);
    r.file = copy(arena, info->file);
    r.pointer = copy(arena, info->pointer);
    r.evaluations = r.passed = r.failed = r.not_applicable = r.timed_out = 0;
    if (!r.id || rl_strmap_put(&t->by_id, r.id, (void *)(uintptr_t)(t->n + 1)) != 0)
        return -1;
    t->rules[t->n] = r;
    t->keys[t->n] = key;
    t->hint = t->n;
    return (long)t->n++;
}

int rl_rule_table_merge(rl_rule_table *dst, rl_arena *arena, const rl_rule_table *src)
{
    for (size_t i = 0; i < src->n; i++) {
        const rl_rule_result *s = &src->rules[i];
        long k = rl_rule_table_slot(dst, arena, src->keys[i], s);
        if (k < 0)
            return -1;
        rl_rule_result *d = &dst->rules[k];
        d->evaluations += s->evaluations;
        d->passed += s->passed;
        d->failed += s->failed;
        d->not_applicable += s->not_applicable;
        d->timed_out += s->timed_out;
    }
    return 0;
}
