/* cli_baseline.c — baselines: today's violations recorded, so that a run
 * fails only on new ones.
 *
 * Format, version 2 (schemas/baseline.schema.json):
 *
 *   {"reportlint-baseline": 2,
 *    "tool": {"name": "reportlint", "version": "0.1.0"},
 *    "violations": [
 *      {"file": "samples/national/2025-09-29.json", "rule": "SVC-AVG",
 *       "pointer": "/service_centres/avg_staff_per_centre",
 *       "fingerprint": "3f0c2d5e8a1b7c44", "message": "..."}, ...]}
 *
 * An entry is keyed by file (relative to the baseline's directory), rule,
 * stable pointer (rl_violation.stable_pointer: array indexes replaced by
 * the items' keys) and the fingerprint of the figures
 * (rl_violation_fingerprint) — never by line or column, so reordering a
 * report's keys, moving its lines or inserting a keyed item into a list
 * keeps old violations old, while changing a violation's figures makes it
 * new. Version 1 baselines (plain JSON Pointers) are still read and matched
 * against plain pointers; --write-baseline rewrites them as version 2.
 * "message" is for people and ignored on reading. Entries are a multiset: two identical violations need two entries. Entries are
 * written sorted, one per line, so a baseline diffs well. An entry counts
 * as fixed when it is not found although its file was checked; entries for
 * files not checked in this run are left alone. */
#include "cli_config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BASELINE_VERSION 2
#define BASELINE_OLDEST 1

typedef struct entry {
    const char *file, *rule, *pointer, *message;
    char fp[RL_FINGERPRINT_SIZE];
    int used;
} entry;

struct cli_baseline {
    char *path;
    char *dir_abs;
    rl_jdoc *doc; /* owns the entries' strings */
    entry *e;
    size_t n;
    int version; /* of the file read: 1 matches plain pointers */
    int problems;
    cli_relcache rel;
};

static int cmp_entry(const entry *a, const entry *b)
{
    int c = strcmp(a->file, b->file);
    if (!c)
        c = strcmp(a->rule, b->rule);
    if (!c)
        c = strcmp(a->pointer, b->pointer);
    return c ? c : strcmp(a->fp, b->fp);
}

static int cmp_entry_q(const void *a, const void *b)
{
    return cmp_entry(a, b);
}

static char *dir_abs_of(const char *path)
{
    char *dir = cli_path_dirname(path);
    char *abs = dir ? cli_path_absolute(dir[0] ? dir : ".") : NULL;
    free(dir);
    return abs;
}

/* ---- reading ------------------------------------------------------------- */

static void problem(cli_baseline *b, const rl_jnode *at, const char *msg, const char *arg)
{
    unsigned line = 0, col = 0;
    rl_jdoc_where(b->doc, at, &line, &col);
    fprintf(stderr, "%s:%u:%u: error ", b->path, line, col);
    fprintf(stderr, msg, arg);
    fputc('\n', stderr);
    b->problems++;
}

static const rl_jnode *member(const rl_jnode *obj, const char *name)
{
    for (size_t i = 0; i < rl_jnode_count(obj); i++)
        if (strcmp(rl_jnode_key(obj, i, NULL), name) == 0)
            return rl_jnode_item(obj, i);
    return NULL;
}

static const char *string_member(cli_baseline *b, const rl_jnode *obj, const char *name)
{
    const char *s = rl_jnode_string(member(obj, name), NULL);
    if (!s)
        problem(b, member(obj, name) ? member(obj, name) : obj,
                "a baseline entry needs \"%s\" (a string)", name);
    return s;
}

static int is_fingerprint(const char *s)
{
    return s && strlen(s) == RL_FINGERPRINT_SIZE - 1 &&
           strspn(s, "0123456789abcdef") == RL_FINGERPRINT_SIZE - 1;
}

static void read_entry(cli_baseline *b, const rl_jnode *v, entry *e)
{
    if (rl_jnode_kind(v) != RL_JKIND_OBJECT) {
        problem(b, v, "a baseline entry must be an object, not a JSON %s",
                rl_jkind_name(rl_jnode_kind(v)));
        return;
    }
    e->file = string_member(b, v, "file");
    e->rule = string_member(b, v, "rule");
    e->pointer = string_member(b, v, "pointer");
    const char *fp = string_member(b, v, "fingerprint");
    if (fp && !is_fingerprint(fp))
        problem(b, member(v, "fingerprint"),
                "\"fingerprint\" must be 16 lowercase hex digits, not '%s'", fp);
    else if (fp)
        memcpy(e->fp, fp, RL_FINGERPRINT_SIZE);
}

static void read_doc(cli_baseline *b)
{
    const rl_jnode *root = rl_jdoc_root(b->doc), *version = member(root, "reportlint-baseline");
    int64_t n = 0;
    if (rl_jnode_kind(root) != RL_JKIND_OBJECT || !version) {
        problem(b, root, "%s",
                "not a reportlint baseline (no \"reportlint-baseline\" version; "
                "write one with --write-baseline)");
        return;
    }
    if (rl_jnode_int(version, &n) != 0 || n < BASELINE_OLDEST || n > BASELINE_VERSION) {
        char *text = rl_jnode_json(b->doc, version);
        problem(b, version,
                "baseline format %s is not supported (this reportlint reads 1 and 2; "
                "rewrite it with --write-baseline)",
                text ? text : "?");
        free(text);
        return;
    }
    b->version = (int)n;
    const rl_jnode *list = member(root, "violations");
    if (rl_jnode_kind(list) != RL_JKIND_ARRAY) {
        problem(b, list ? list : root, "%s", "a baseline needs \"violations\" (an array)");
        return;
    }
    b->e = calloc(rl_jnode_count(list) + 1, sizeof *b->e);
    for (size_t i = 0; b->e && i < rl_jnode_count(list); i++)
        read_entry(b, rl_jnode_item(list, i), &b->e[b->n++]);
}

cli_baseline *cli_baseline_read(const char *path, size_t max)
{
    cli_baseline *b = calloc(1, sizeof *b);
    char *text = NULL;
    size_t len = 0;
    rl_error err = {0};
    if (!b || !(b->path = strdup(path)) || !(b->dir_abs = dir_abs_of(path))) {
        fprintf(stderr, "reportlint: out of memory\n");
        cli_baseline_free(b);
        return NULL;
    }
    if (rl_read_file_max(path, &text, &len, max, &err) != 0) {
        fprintf(stderr, "%s: error %s (write a baseline with --write-baseline FILE)\n", path,
                err.message);
        cli_baseline_free(b);
        return NULL;
    }
    b->doc = rl_jdoc_read(text, len, &err);
    free(text);
    if (!b->doc) {
        fprintf(stderr, "%s:%u:%u: error invalid JSON: %s\n", path, err.line, err.column,
                err.message);
        b->problems++;
    } else {
        read_doc(b);
    }
    if (b->problems) {
        fprintf(stderr, "reportlint: invalid baseline %s; nothing was checked\n", path);
        cli_baseline_free(b);
        return NULL;
    }
    qsort(b->e, b->n, sizeof *b->e, cmp_entry_q);
    b->rel.base_abs = b->dir_abs;
    return b;
}

void cli_baseline_free(cli_baseline *b)
{
    if (!b)
        return;
    cli_relcache_free(&b->rel);
    rl_jdoc_free(b->doc);
    free(b->e);
    free(b->path);
    free(b->dir_abs);
    free(b);
}

/* ---- applying -------------------------------------------------------------- */

/* The pointer a baseline of this version identifies v by. */
static const char *pointer_of(const rl_violation *v, int version)
{
    return version >= 2 && v->stable_pointer ? v->stable_pointer : v->pointer;
}

static void key_of(cli_relcache *rel, const rl_violation *v, int version, entry *k)
{
    k->file = cli_relcache_get(rel, v->file);
    k->rule = v->rule;
    k->pointer = pointer_of(v, version);
    rl_violation_fingerprint(v, k->fp);
}

/* The first unused entry equal to k, or NULL. */
static entry *find_unused(cli_baseline *b, const entry *k)
{
    size_t lo = 0, hi = b->n;
    while (lo < hi) { /* the first entry >= k */
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_entry(&b->e[mid], k) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < b->n && cmp_entry(&b->e[lo], k) == 0; lo++)
        if (!b->e[lo].used)
            return &b->e[lo];
    return NULL;
}

static rl_verdict known(const rl_violation *v, void *ctx)
{
    cli_baseline *b = ctx;
    entry k;
    key_of(&b->rel, v, b->version, &k);
    entry *e = find_unused(b, &k);
    if (!e)
        return RL_VERDICT_KEEP;
    e->used = 1;
    return RL_VERDICT_BASELINE;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Entries not found, among those whose file was checked in this run. */
static size_t count_fixed(cli_baseline *b, const cli_strings *files)
{
    char **checked = calloc(files->n + 1, sizeof *checked);
    size_t n = 0, fixed = 0;
    for (size_t i = 0; checked && i < files->n; i++)
        if ((checked[n] = cli_path_relative(b->dir_abs, files->items[i])) != NULL)
            n++;
    if (checked)
        qsort(checked, n, sizeof *checked, cmp_str);
    for (size_t i = 0; checked && i < b->n; i++)
        if (!b->e[i].used && bsearch(&b->e[i].file, checked, n, sizeof *checked, cmp_str))
            fixed++;
    for (size_t i = 0; i < n; i++)
        free(checked[i]);
    free(checked);
    return fixed;
}

int cli_baseline_apply(cli_baseline *b, rl_result *res, const cli_strings *files)
{
    rl_result_filter(res, known, b);
    rl_result_set_baseline_fixed(res, count_fixed(b, files));
    return 0;
}

/* ---- writing ------------------------------------------------------------- */

typedef struct written {
    entry *e;
    size_t n;
    cli_strings owned; /* relative paths */
} written;

static void put_member(FILE *out, const char *name, const char *value, int comma)
{
    char *q = rl_json_quote(value, strlen(value));
    fprintf(out, "%s\"%s\": %s", comma ? ", " : "", name, q ? q : "\"\"");
    free(q);
}

static int write_entries(FILE *out, const void *ctx)
{
    const written *w = ctx;
    fprintf(out, "{\n  \"reportlint-baseline\": %d,\n", BASELINE_VERSION);
    fprintf(out, "  \"tool\": {\"name\": \"reportlint\", \"version\": \"%s\"},\n", RL_VERSION);
    fputs("  \"violations\": [", out);
    for (size_t i = 0; i < w->n; i++) {
        fputs(i ? ",\n    {" : "\n    {", out);
        put_member(out, "file", w->e[i].file, 0);
        put_member(out, "rule", w->e[i].rule, 1);
        put_member(out, "pointer", w->e[i].pointer, 1);
        put_member(out, "fingerprint", w->e[i].fp, 1);
        put_member(out, "message", w->e[i].message, 1);
        fputc('}', out);
    }
    fputs(w->n ? "\n  ]\n}\n" : "]\n}\n", out);
    return ferror(out) ? -1 : 0;
}

int cli_baseline_write(const char *path, const rl_result *res)
{
    written w = {calloc(rl_result_count(res) + 1, sizeof(entry)), 0, {0}};
    char *dir = dir_abs_of(path);
    int rc = -1;
    for (size_t i = 0; w.e && dir && i < rl_result_count(res); i++) {
        const rl_violation *v = rl_result_violation(res, i);
        char *rel = cli_path_relative(dir, v->file);
        if (!rel || cli_push(&w.owned, rel) != 0) {
            free(rel);
            break;
        }
        entry *e = &w.e[w.n++];
        e->file = rel;
        e->rule = v->rule;
        e->pointer = pointer_of(v, BASELINE_VERSION);
        e->message = v->message;
        rl_violation_fingerprint(v, e->fp);
    }
    if (w.e && dir && w.n == rl_result_count(res)) {
        qsort(w.e, w.n, sizeof *w.e, cmp_entry_q);
        rc = cli_write_atomic(path, write_entries, &w);
    } else {
        fprintf(stderr, "reportlint: out of memory writing %s\n", path);
    }
    if (rc == 0)
        fprintf(stderr, "reportlint: wrote %zu violation%s to the baseline %s\n", w.n,
                w.n == 1 ? "" : "s", path);
    for (size_t i = 0; i < w.owned.n; i++)
        free((char *)w.owned.items[i]);
    free(w.owned.items);
    free(w.e);
    free(dir);
    return rc;
}
