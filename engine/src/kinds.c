/* kinds.c — the table of rule kinds and the finding helpers they share. */
#include "kinds.h"

#include <string.h>

static const rl_kind *const all_kinds[] = {
    &rl_kind_sum,
    &rl_kind_ratio,
    &rl_kind_average,
    &rl_kind_threshold,
    &rl_kind_deadline,
    &rl_kind_cadence,
    &rl_kind_pattern,
    &rl_kind_unique,
    &rl_kind_expr,
    &rl_kind_schema,
    NULL,
};

#define N_KINDS (sizeof all_kinds / sizeof *all_kinds - 1)

static const char *const kind_names[N_KINDS + 1] = {
    "sum",     "ratio",  "average", "threshold", "deadline", "cadence",
    "pattern", "unique", "expr",    "schema",    NULL,
};

const rl_kind *const *rl_kinds(void)
{
    return all_kinds;
}

const rl_kind *rl_kind_find(const char *name, size_t len)
{
    for (size_t i = 0; i < N_KINDS; i++)
        if (strlen(all_kinds[i]->name) == len && memcmp(all_kinds[i]->name, name, len) == 0)
            return all_kinds[i];
    return NULL;
}

const char *const *rl_kind_names(void)
{
    return kind_names;
}

void rl_finding_add(rl_finding *f, const char *name, const rl_value *v)
{
    if (f->n_figs >= RL_MAX_FIGS)
        return;
    f->figs[f->n_figs].name = name;
    f->figs[f->n_figs].v = *v;
    f->n_figs++;
}

void rl_finding_add_num(rl_finding *f, const char *name, double d)
{
    rl_value v;
    rl_value_set_num(&v, d);
    rl_finding_add(f, name, &v);
}

void rl_finding_add_int(rl_finding *f, const char *name, int64_t i)
{
    rl_value v;
    rl_value_set_int(&v, i);
    rl_finding_add(f, name, &v);
}

void rl_finding_add_str(rl_finding *f, const char *name, const char *s)
{
    rl_value v;
    rl_value_set_str(&v, s, strlen(s));
    rl_finding_add(f, name, &v);
}

void rl_finding_arg_str(rl_finding *f, const char *name, const char *s)
{
    if (f->n_args >= RL_MAX_ARGS)
        return;
    f->args[f->n_args].name = name;
    rl_value_set_str(&f->args[f->n_args].v, s, strlen(s));
    f->n_args++;
}

void rl_finding_word(rl_finding *f, const char *name, rl_msg word)
{
    if (f->n_words >= RL_MAX_ARGS)
        return;
    f->words[f->n_words].name = name;
    f->words[f->n_words].word = word;
    f->n_words++;
}
