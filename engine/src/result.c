/* result.c — the result of checking: violations (strings in an arena),
 * counts, and the files checked in order. Sorting is stable, so output
 * order is deterministic. Filtering (suppressions, baselines) removes
 * violations and moves their count from the per-severity counts to its own.
 *
 * Per-file counts are not kept per rule evaluation: each file records the
 * running summary when its check began and when it ended, and its own
 * counts are the difference. A listener, when set, sees each violation
 * right after it is stored (before any sorting). */
#include "result.h"
#include "array.h"
#include "arena.h"
#include "json.h"

#include <stdlib.h>
#include <string.h>

typedef struct rl_file_rec {
    const char *name;
    rl_summary start, end; /* the running summary when the check began and ended */
} rl_file_rec;

struct rl_result {
    rl_arena *arena;
    rl_violation *v;
    size_t n, cap;
    rl_summary summary;
    rl_lang lang;
    rl_file_rec *files;
    size_t n_files, cap_files;
    rl_violation_fn listener;
    void *listener_user;
    int drop;               /* rl_result_keep(res, 0): violations go to the listener only */
    rl_arena *scratch;      /* with drop: the figures of the violation being added */
    rl_result_cap cap_file; /* the violation limit of the report being checked */
    rl_rule_table rules;    /* the rules that ran, with their counts */
    int files_closed;       /* rl_result_end_files: later counts are no file's */
    void *ext;              /* state a layer above keeps with the result */
    const rl_result_ext *ext_ops;
};

void *rl_result_ext_state(const rl_result *res)
{
    return res->ext;
}

void rl_result_set_ext(rl_result *res, void *state, const rl_result_ext *ops)
{
    res->ext = state;
    res->ext_ops = ops;
}

static int merge_ext(rl_result *dst, const rl_result *src)
{
    if (!src->ext)
        return 0;
    if (!dst->ext_ops)
        dst->ext_ops = src->ext_ops;
    return dst->ext_ops->merge(&dst->ext, src->ext);
}

void rl_result_set_lang(rl_result *res, rl_lang lang)
{
    res->lang = lang;
}

rl_lang rl_result_lang(const rl_result *res)
{
    return res->lang;
}

rl_result *rl_result_new(void)
{
    rl_result *r = calloc(1, sizeof *r);
    if (r && !(r->arena = rl_arena_new(0))) {
        free(r);
        return NULL;
    }
    return r;
}

void rl_result_free(rl_result *res)
{
    if (!res)
        return;
    if (res->ext_ops)
        res->ext_ops->free(res->ext);
    rl_arena_free(res->arena);
    rl_arena_free(res->scratch);
    free(res->v);
    free(res->files);
    rl_rule_table_free(&res->rules);
    free(res);
}

const char *rl_result_strdup(rl_result *res, const char *s)
{
    return s ? rl_arena_strndup(res->arena, s, strlen(s)) : NULL;
}

static rl_figure *copy_figures(rl_result *res, const rl_figure *f, size_t n)
{
    if (!n)
        return NULL;
    rl_figure *out = rl_arena_alloc(res->arena, n * sizeof *out);
    if (!out)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        out[i] = f[i];
        out[i].name = rl_result_strdup(res, f[i].name);
        out[i].s = rl_result_strdup(res, f[i].s);
    }
    return out;
}

static void count_severity(rl_summary *s, rl_severity sev)
{
    switch (sev) {
    case RL_SEVERITY_ERROR: s->errors++; break;
    case RL_SEVERITY_WARNING: s->warnings++; break;
    case RL_SEVERITY_INFO: s->infos++; break;
    }
}

/* Past the report's limit a violation is only counted: the first one left
 * out is remembered (where it is), and the highest severity. */
static int over_cap(rl_result *res, const rl_violation *v)
{
    rl_result_cap *c = &res->cap_file;
    if (!c->active || !c->limit || c->kept < c->limit) {
        c->kept++;
        return 0;
    }
    if (c->dropped++ == 0) {
        c->first = *v;
        c->first.file = rl_result_strdup(res, v->file);
        c->first.pointer = rl_result_strdup(res, v->pointer ? v->pointer : "");
        c->first.stable_pointer = NULL;
        c->first.severity = v->severity;
    } else if (v->severity > c->first.severity) {
        c->first.severity = v->severity;
    }
    return 1;
}

int rl_result_cap_full(const rl_result *res)
{
    const rl_result_cap *c = &res->cap_file;
    return c->active && c->limit && c->kept >= c->limit && c->dropped;
}

void rl_result_count_dropped(rl_result *res, rl_severity severity)
{
    rl_result_cap *c = &res->cap_file;
    c->dropped++;
    if (severity > c->first.severity)
        c->first.severity = severity;
}

void rl_result_cap_begin(rl_result *res, size_t limit)
{
    memset(&res->cap_file, 0, sizeof res->cap_file);
    res->cap_file.limit = limit;
    res->cap_file.active = 1;
}

const rl_result_cap *rl_result_cap_end(rl_result *res)
{
    res->cap_file.kept = 0;
    res->cap_file.active = 0; /* the notice itself is never left out */
    return res->cap_file.dropped ? &res->cap_file : NULL;
}

int rl_result_add(rl_result *res, const rl_violation *v)
{
    if (over_cap(res, v))
        return 1;
    if (res->drop) { /* nothing copied: the listener sees the caller's strings */
        count_severity(&res->summary, v->severity);
        if (res->listener)
            res->listener(v, res->listener_user);
        if (res->scratch)
            rl_arena_reset(res->scratch);
        return 1;
    }
    rl_violation *more = rl_array_grow(res->v, &res->cap, res->n + 1, sizeof *more);
    if (!more)
        return 0;
    res->v = more;
    rl_violation *c = &res->v[res->n++];
    const char *prev_file = res->n > 1 ? c[-1].file : NULL;
    *c = *v;
    /* a file's violations share its name: less memory, and comparing
     * them (sort, output view) is a pointer comparison */
    c->file = prev_file && v->file && strcmp(prev_file, v->file) == 0
                  ? prev_file
                  : rl_result_strdup(res, v->file);
    c->rule = rl_result_strdup(res, v->rule);
    c->pointer = rl_result_strdup(res, v->pointer ? v->pointer : "");
    c->stable_pointer = v->stable_pointer && strcmp(v->stable_pointer, c->pointer) != 0
                            ? rl_result_strdup(res, v->stable_pointer)
                            : NULL;
    c->message = rl_result_strdup(res, v->message ? v->message : "");
    c->figures = copy_figures(res, v->figures, v->n_figures);
    if (!c->figures)
        c->n_figures = 0;
    count_severity(&res->summary, v->severity);
    if (res->listener)
        res->listener(c, res->listener_user);
    return 1;
}

void rl_result_on_violation(rl_result *res, rl_violation_fn fn, void *user)
{
    res->listener = fn;
    res->listener_user = user;
}

void rl_result_keep(rl_result *res, int keep)
{
    res->drop = !keep;
    if (res->drop && !res->scratch)
        res->scratch = rl_arena_new(0);
}

/* Where the figures of a violation about to be added live: the result's
 * arena, or while violations are dropped a scratch one reset after each. */
static rl_arena *figure_arena(rl_result *res)
{
    return res->drop && res->scratch ? res->scratch : res->arena;
}

/* ---- merging ----------------------------------------------------------- */

static void add_counts(rl_summary *dst, const rl_summary *c)
{
    if (c->rules > dst->rules)
        dst->rules = c->rules;
    dst->evaluations += c->evaluations;
    dst->passed += c->passed;
    dst->failed += c->failed;
    dst->not_applicable += c->not_applicable;
}

/* Move src's violations to the end of dst as they are (their strings by
 * taking over src's arena), when adding them one by one would store the
 * same: dst keeps violations, has no listener and no limit running. */
static int move_violations(rl_result *dst, rl_result *src)
{
    if (dst->drop || dst->listener || dst->cap_file.active)
        return 0;
    rl_violation *more = rl_array_grow(dst->v, &dst->cap, dst->n + src->n, sizeof *more);
    if (!more)
        return -1;
    dst->v = more;
    memcpy(dst->v + dst->n, src->v, src->n * sizeof *src->v);
    dst->n += src->n;
    for (size_t i = 0; i < src->n; i++)
        count_severity(&dst->summary, src->v[i].severity);
    src->n = 0;
    rl_arena_adopt(dst->arena, src->arena);
    return 1;
}

int rl_result_absorb(rl_result *dst, rl_result *src)
{
    add_counts(&dst->summary, &src->summary);
    if (rl_rule_table_merge(&dst->rules, dst->arena, &src->rules) != 0)
        return -1;
    int moved = src->n ? move_violations(dst, src) : 1;
    if (moved < 0)
        return -1;
    for (size_t i = 0; !moved && i < src->n; i++)
        if (!rl_result_add(dst, &src->v[i]))
            return -1;
    return merge_ext(dst, src);
}

int rl_result_merge(rl_result *dst, const rl_result *src)
{
    size_t k = 0; /* violations are in check order: file by file */
    rl_result_set_lang(dst, src->lang);
    if (rl_rule_table_merge(&dst->rules, dst->arena, &src->rules) != 0)
        return -1;
    for (size_t f = 0; f < src->n_files; f++) {
        rl_summary c;
        const char *name = rl_result_file(src, f, &c);
        if (rl_result_begin_file(dst, name) != 0)
            return -1;
        add_counts(&dst->summary, &c);
        size_t end = k + c.errors + c.warnings + c.infos;
        for (; k < end && k < src->n; k++)
            if (!rl_result_add(dst, &src->v[k]))
                return -1;
    }
    return merge_ext(dst, src);
}

/* ---- the rules that ran ----------------------------------------------- */

long rl_result_rule_slot(rl_result *res, const void *key, const rl_rule_result *info)
{
    return rl_rule_table_slot(&res->rules, res->arena, key, info);
}

long rl_result_rule_find(rl_result *res, const void *key, const char *id)
{
    return rl_rule_table_find(&res->rules, key, id);
}

rl_rule_result *rl_result_rule_mut(rl_result *res, long slot)
{
    return slot >= 0 && (size_t)slot < res->rules.n ? &res->rules.rules[slot] : NULL;
}

const void *rl_result_rule_key(const rl_result *res, long slot)
{
    return slot >= 0 && (size_t)slot < res->rules.n ? res->rules.keys[slot] : NULL;
}

size_t rl_result_rule_count(const rl_result *res)
{
    return res ? res->rules.n : 0;
}

const rl_rule_result *rl_result_rule(const rl_result *res, size_t i)
{
    return res && i < res->rules.n ? &res->rules.rules[i] : NULL;
}

/* ---- the files checked ------------------------------------------------ */

static void close_file(rl_result *res)
{
    if (res->n_files)
        res->files[res->n_files - 1].end = res->summary;
}

void rl_result_end_files(rl_result *res)
{
    close_file(res);
    res->files_closed = 1;
}

int rl_result_begin_file(rl_result *res, const char *name)
{
    close_file(res);
    res->files_closed = 0;
    res->summary.files++;
    if (res->n_files == res->cap_files) {
        size_t cap = res->cap_files ? res->cap_files * 2 : 16;
        rl_file_rec *more = rl_array_resize(res->files, cap, sizeof *more);
        if (!more)
            return -1;
        res->files = more;
        res->cap_files = cap;
    }
    const char *copy = rl_result_strdup(res, name ? name : "");
    if (!copy)
        return -1;
    rl_file_rec *f = &res->files[res->n_files++];
    f->name = copy;
    f->start = f->end = res->summary;
    return 0;
}

size_t rl_result_file_count(const rl_result *res)
{
    return res->n_files;
}

static size_t diff(size_t end, size_t start)
{
    return end >= start ? end - start : 0;
}

const char *rl_result_file(const rl_result *res, size_t i, rl_summary *counts)
{
    if (i >= res->n_files)
        return NULL;
    const rl_file_rec *f = &res->files[i];
    const rl_summary *end = i + 1 == res->n_files && !res->files_closed ? &res->summary : &f->end;
    if (counts) {
        counts->files = 1;
        counts->rules = end->rules;
        counts->evaluations = diff(end->evaluations, f->start.evaluations);
        counts->passed = diff(end->passed, f->start.passed);
        counts->failed = diff(end->failed, f->start.failed);
        counts->not_applicable = diff(end->not_applicable, f->start.not_applicable);
        counts->errors = diff(end->errors, f->start.errors);
        counts->warnings = diff(end->warnings, f->start.warnings);
        counts->infos = diff(end->infos, f->start.infos);
    }
    return f->name;
}

static void figure_from_value(rl_result *res, rl_figure *f, const rl_value *v, const rl_jdoc *doc)
{
    rl_sbuf b = RL_SBUF_INIT;
    f->s = NULL;
    switch ((rl_vtype)v->type) {
    case RL_VNULL: f->type = RL_FIG_NULL; break;
    case RL_VBOOL:
        f->type = RL_FIG_BOOL;
        f->i = v->u.b != 0;
        break;
    case RL_VINT:
        f->type = RL_FIG_INT;
        f->i = v->u.i;
        break;
    case RL_VNUM:
        f->type = RL_FIG_NUM;
        f->d = v->u.d;
        if (doc && v->src && rl_jn_type(v->src) == RL_JNUMBER) {
            size_t n;
            const char *t = rl_json_number_text(doc, v->src, &n);
            rl_sbuf_add(&b, t, n);
        }
        break;
    case RL_VSTR:
        f->type = RL_FIG_STR;
        rl_sbuf_add(&b, v->u.str.s, v->u.str.len);
        break;
    default: /* dates as ISO text; arrays, objects and lists as JSON */
        f->type = RL_FIG_STR;
        if (v->type == RL_VDATE)
            rl_date_format(&b, v->u.date);
        else
            rl_value_write_json(&b, v, doc);
        break;
    }
    if (b.len || f->type == RL_FIG_STR)
        f->s = rl_arena_strndup(figure_arena(res), rl_sbuf_str(&b), b.len);
    rl_sbuf_free(&b);
}

rl_figure *rl_result_figures(rl_result *res, const rl_fig *figs, size_t n, const rl_jdoc *doc)
{
    if (!n)
        return NULL;
    rl_figure *out = rl_arena_alloc(figure_arena(res), n * sizeof *out);
    for (size_t i = 0; out && i < n; i++) {
        out[i].name = figs[i].name;
        figure_from_value(res, &out[i], &figs[i].v, doc);
    }
    return out;
}

size_t rl_result_bytes(const rl_result *res)
{
    return rl_arena_used(res->arena) + res->cap * sizeof *res->v;
}

size_t rl_result_kept_bytes(const rl_result *res)
{
    return rl_arena_used(res->arena) + res->n * sizeof *res->v;
}

size_t rl_result_count(const rl_result *res)
{
    return res->n;
}

const rl_violation *rl_result_violation(const rl_result *res, size_t i)
{
    return i < res->n ? &res->v[i] : NULL;
}

const rl_summary *rl_result_summary(const rl_result *res)
{
    return &res->summary;
}

rl_summary *rl_result_summary_mut(rl_result *res)
{
    return &res->summary;
}

int rl_result_max_severity(const rl_result *res)
{
    const rl_summary *s = &res->summary; /* counts: violations may not be kept */
    return s->errors     ? RL_SEVERITY_ERROR
           : s->warnings ? RL_SEVERITY_WARNING
           : s->infos    ? RL_SEVERITY_INFO
                         : -1;
}

static int cmp_violation(const rl_violation *a, const rl_violation *b)
{
    int c = a->file == b->file ? 0 : strcmp(a->file, b->file);
    if (c)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->column != b->column)
        return a->column < b->column ? -1 : 1;
    return strcmp(a->rule, b->rule);
}

/* Merge sort keeps equal elements in order (qsort is not stable). Halves
 * already in order need no merge: violations come nearly sorted (a file
 * top to bottom, only a record's own out of column order), so most merges
 * are one comparison. */
static void merge_sort(rl_violation *v, rl_violation *tmp, size_t n)
{
    if (n < 2)
        return;
    size_t h = n / 2;
    merge_sort(v, tmp, h);
    merge_sort(v + h, tmp, n - h);
    if (cmp_violation(&v[h - 1], &v[h]) <= 0)
        return;
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n)
        tmp[k++] = cmp_violation(&v[j], &v[i]) < 0 ? v[j++] : v[i++];
    while (i < h)
        tmp[k++] = v[i++];
    while (j < n)
        tmp[k++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
}

void rl_result_sort(rl_result *res)
{
    size_t i = 1; /* already in order (the usual case: a file checked top to bottom)? */
    while (i < res->n && cmp_violation(&res->v[i - 1], &res->v[i]) <= 0)
        i++;
    if (i >= res->n)
        return; /* a stable sort would leave it as it is */
    rl_violation *tmp = malloc(res->n * sizeof *tmp + 1);
    if (!tmp)
        return;
    merge_sort(res->v, tmp, res->n);
    free(tmp);
}

static size_t *severity_count(rl_summary *s, rl_severity sev)
{
    return sev == RL_SEVERITY_ERROR     ? &s->errors
           : sev == RL_SEVERITY_WARNING ? &s->warnings
                                        : &s->infos;
}

void rl_result_filter(rl_result *res, rl_verdict (*decide)(const rl_violation *v, void *ctx),
                      void *ctx)
{
    size_t kept = 0;
    for (size_t i = 0; i < res->n; i++) {
        rl_verdict d = decide(&res->v[i], ctx);
        if (d == RL_VERDICT_KEEP) {
            res->v[kept++] = res->v[i];
            continue;
        }
        size_t *count = severity_count(&res->summary, res->v[i].severity);
        if (*count)
            (*count)--;
        if (d == RL_VERDICT_BASELINE)
            res->summary.baseline_known++;
        else
            res->summary.suppressed++;
    }
    res->n = kept;
}

void rl_result_set_baseline_fixed(rl_result *res, size_t fixed)
{
    res->summary.baseline = 1;
    res->summary.baseline_fixed = fixed;
}
