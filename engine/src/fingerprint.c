/* fingerprint.c — a stable fingerprint of a violation's figures, so that a
 * baseline can tell an old violation from a new one without line numbers.
 *
 * The canonical text is, for each figure sorted by name (as_of and
 * days_late left out: they change with the day of the run), the name, a
 * type letter and the value, each ended by a NUL. Numbers are canonical by
 * value — an integral number within ±2^53 is written as an integer (so 6,
 * 6.0 and the INT 6 agree), any other with 15 significant digits (so the
 * same quotient computed on any IEEE platform agrees). The text is hashed
 * with 64-bit FNV-1a (hash.h). Changing this text changes every baseline:
 * don't. rl_violation_identity, SARIF's partialFingerprints, hashes the
 * same fields a baseline entry keys on, this fingerprint among them. */
#include "fingerprint.h"
#include "hash.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define MAX_SORTED 64

static int time_dependent(const char *name)
{
    return name && (strcmp(name, "as_of") == 0 || strcmp(name, "days_late") == 0);
}

static uint64_t hash_number(uint64_t h, double d)
{
    char buf[40];
    if (isnan(d) || isinf(d))
        snprintf(buf, sizeof buf, "%s", isnan(d) ? "nan" : d > 0 ? "inf" : "-inf");
    else if (d == floor(d) && fabs(d) <= 9007199254740992.0)
        snprintf(buf, sizeof buf, "%" PRId64, (int64_t)d);
    else
        snprintf(buf, sizeof buf, "%.15g", d);
    return rl_fnv1a_str(rl_fnv1a(h, "n", 1), buf);
}

static uint64_t hash_figure(uint64_t h, const rl_figure *f)
{
    char buf[32];
    h = rl_fnv1a_str(h, f->name);
    switch (f->type) {
    case RL_FIG_NULL: return rl_fnv1a(h, "z", 2);
    case RL_FIG_BOOL: return rl_fnv1a(h, f->i ? "t" : "f", 2);
    case RL_FIG_INT:
        snprintf(buf, sizeof buf, "%" PRId64, f->i);
        return rl_fnv1a_str(rl_fnv1a(h, "n", 1), buf);
    case RL_FIG_NUM: return hash_number(h, f->d);
    case RL_FIG_STR: return rl_fnv1a_str(rl_fnv1a(h, "s", 1), f->s);
    }
    return h;
}

static const char *name_of(const rl_figure *f)
{
    return f->name ? f->name : "";
}

/* Insertion sort by name: stable, and the lists are short. */
static void sort_by_name(const rl_figure **f, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        const rl_figure *x = f[i];
        size_t j = i;
        for (; j > 0 && strcmp(name_of(f[j - 1]), name_of(x)) > 0; j--)
            f[j] = f[j - 1];
        f[j] = x;
    }
}

void rl_violation_fingerprint(const rl_violation *v, char out[RL_FINGERPRINT_SIZE])
{
    const rl_figure *sorted[MAX_SORTED];
    size_t n = 0;
    for (size_t i = 0; v && i < v->n_figures && n < MAX_SORTED; i++)
        if (!time_dependent(v->figures[i].name))
            sorted[n++] = &v->figures[i];
    sort_by_name(sorted, n);
    uint64_t h = RL_FNV1A_INIT;
    for (size_t i = 0; i < n; i++)
        h = hash_figure(h, sorted[i]);
    snprintf(out, RL_FINGERPRINT_SIZE, "%016" PRIx64, h);
}

uint64_t rl_violation_identity(const rl_violation *v, const char *uri)
{
    char figures[RL_FINGERPRINT_SIZE];
    rl_violation_fingerprint(v, figures);
    uint64_t h = rl_fnv1a_str(RL_FNV1A_INIT, uri);
    h = rl_fnv1a_str(h, v->rule);
    h = rl_fnv1a_str(h, v->stable_pointer ? v->stable_pointer : v->pointer);
    return rl_fnv1a_str(h, figures);
}
