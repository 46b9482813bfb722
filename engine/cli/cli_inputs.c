/* cli_inputs.c — turning file and directory arguments into the list of
 * reports to check. Directories are walked recursively in sorted order
 * (so output is deterministic) for *.json, *.ndjson and *.jsonl, skipping
 * hidden entries. A path that does not exist is kept: checking it yields
 * an `input` violation, and the other files are still checked.
 *
 * Each directory and each file is walked once, whatever the way in: every
 * one walked is remembered by device and inode, so a symbolic link loop
 * (`ln -s . x`) ends at once, a second link to a walked directory is
 * skipped with a note, and a file reached twice is listed once. Files
 * named on the command line are listed as given (twice if named twice).
 * A directory that resolves outside the trust boundary (cli_trust.c) is
 * not walked — the names of its entries would show in the output — but
 * listed itself, so that checking it gives an `input` violation saying so. */
#include "cli.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_WALK_DEPTH 64

typedef struct file_id {
    dev_t dev;
    ino_t ino;
    int used;
} file_id;

/* The files and directories walked: an open-addressing hash set. */
typedef struct walker {
    cli_strings *files;
    const cli_trust *trust;
    file_id *set;
    size_t n, cap;
} walker;

static size_t id_hash(const struct stat *st, size_t cap)
{
    uint64_t h = (uint64_t)st->st_ino * 0x9E3779B97F4A7C15u ^ (uint64_t)st->st_dev;
    return (size_t)(h ^ (h >> 29)) & (cap - 1);
}

static int grow(walker *w)
{
    size_t cap = w->cap ? w->cap * 2 : 256;
    file_id *set = calloc(cap, sizeof *set);
    if (!set)
        return -1;
    for (size_t i = 0; i < w->cap; i++) {
        if (!w->set[i].used)
            continue;
        struct stat st = {.st_dev = w->set[i].dev, .st_ino = w->set[i].ino};
        size_t j = id_hash(&st, cap);
        while (set[j].used)
            j = (j + 1) & (cap - 1);
        set[j] = w->set[i];
    }
    free(w->set);
    w->set = set;
    w->cap = cap;
    return 0;
}

/* 1 when st was walked before; else remembers it and returns 0 (-1: out
 * of memory). */
static int seen_before(walker *w, const struct stat *st)
{
    if ((w->n + 1) * 2 > w->cap && grow(w) != 0)
        return -1;
    size_t i = id_hash(st, w->cap);
    for (; w->set[i].used; i = (i + 1) & (w->cap - 1))
        if (w->set[i].dev == st->st_dev && w->set[i].ino == st->st_ino)
            return 1;
    w->set[i] = (file_id){st->st_dev, st->st_ino, 1};
    w->n++;
    return 0;
}

static int has_report_ext(const char *name)
{
    static const char *const exts[] = {".json", ".ndjson", ".jsonl"};
    size_t n = strlen(name);
    for (size_t i = 0; i < 3; i++) {
        size_t e = strlen(exts[i]);
        if (n > e && strcmp(name + n - e, exts[i]) == 0)
            return 1;
    }
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", name);
    return p;
}

/* The sorted names of dir's visible entries (joined to dir), or NULL. */
static char **list_dir(const char *dir, size_t *n)
{
    DIR *d = opendir(dir);
    char **names = NULL;
    *n = 0;
    if (!d)
        return NULL;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (e->d_name[0] == '.')
            continue;
        char **more = rl_array_resize(names, *n + 1, sizeof *names);
        if (!more)
            break;
        names = more;
        names[(*n)++] = join(dir, e->d_name);
    }
    closedir(d);
    if (*n > 1)
        qsort(names, *n, sizeof *names, by_name);
    return names;
}

static int walk(walker *w, const char *dir, int depth);

/* One entry of a walked directory; takes name. */
static int walk_entry(walker *w, char *name, int depth)
{
    struct stat st;
    int rc = 0;
    if (!name)
        return -1;
    if (stat(name, &st) != 0) { /* dangling link: listed, reported unreadable */
        if (has_report_ext(name))
            return cli_push(w->files, name);
    } else if (S_ISDIR(st.st_mode)) {
        char why[8];
        if (cli_trust_check(w->trust, name, why, sizeof why) != 0)
            return cli_push(w->files, name); /* an `input` violation: outside */
        int seen = seen_before(w, &st);
        if (seen > 0)
            fprintf(stderr,
                    "reportlint: note: %s: a directory already walked (a symbolic link "
                    "loop or a second link to it); skipped\n",
                    name);
        rc = seen < 0 ? -1 : seen ? 0 : walk(w, name, depth + 1);
    } else if (has_report_ext(name)) {
        int seen = seen_before(w, &st);
        if (seen == 0)
            return cli_push(w->files, name);
        rc = seen < 0 ? -1 : 0;
    }
    free(name);
    return rc;
}

static int walk(walker *w, const char *dir, int depth)
{
    size_t n = 0;
    char **names = depth > MAX_WALK_DEPTH ? NULL : list_dir(dir, &n);
    if (!names && n == 0) {
        /* unreadable or too deep: reported as an unreadable input later */
        struct stat st;
        if (depth > MAX_WALK_DEPTH || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode) ||
            access(dir, R_OK | X_OK) != 0)
            return cli_push(w->files, strdup(dir));
        return 0;
    }
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        if (rc == 0)
            rc = walk_entry(w, names[i], depth);
        else
            free(names[i]);
    }
    free(names);
    return rc;
}

int cli_expand_inputs(const cli_strings *args, const cli_trust *trust, cli_strings *files)
{
    walker w = {files, trust, NULL, 0, 0};
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < args->n; i++) {
        const char *a = args->items[i];
        struct stat st;
        char why[8];
        if (strcmp(a, "-") != 0 && stat(a, &st) == 0 && S_ISDIR(st.st_mode) &&
            cli_trust_check(trust, a, why, sizeof why) != 0) {
            rc = cli_push(files, strdup(a)); /* an `input` violation: outside */
        } else if (strcmp(a, "-") != 0 && stat(a, &st) == 0 && S_ISDIR(st.st_mode)) {
            int seen = seen_before(&w, &st);
            rc = seen < 0 ? -1 : seen ? 0 : walk(&w, a, 0);
        } else {
            rc = cli_push(files, strdup(a));
        }
    }
    free(w.set);
    return rc;
}
