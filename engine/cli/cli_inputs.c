/* cli_inputs.c — turning file and directory arguments into the list of
 * reports to check. Directories are walked recursively in sorted order
 * (so output is deterministic) for *.json, *.ndjson and *.jsonl, skipping
 * hidden entries. A path that does not exist is kept: checking it yields
 * an `input` violation, and the other files are still checked. */
#include "cli.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

static int walk(const char *dir, cli_strings *files, int depth)
{
    DIR *d = opendir(dir);
    if (!d || depth > 64) {
        if (d)
            closedir(d);
        return cli_push(files, strdup(dir)); /* reported as unreadable later */
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char **more = realloc(names, (n + 1) * sizeof *names);
        if (!more)
            break;
        names = more;
        names[n++] = join(dir, e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, by_name);
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (rc == 0 && names[i] && stat(names[i], &st) == 0 && S_ISDIR(st.st_mode))
            rc = walk(names[i], files, depth + 1);
        else if (rc == 0 && names[i] && has_report_ext(names[i]) && cli_push(files, names[i]) == 0)
            continue;
        free(names[i]);
    }
    free(names);
    return rc;
}

int cli_expand_inputs(const cli_strings *args, cli_strings *files)
{
    for (size_t i = 0; i < args->n; i++) {
        const char *a = args->items[i];
        struct stat st;
        int rc = strcmp(a, "-") != 0 && stat(a, &st) == 0 && S_ISDIR(st.st_mode)
                     ? walk(a, files, 0)
                     : cli_push(files, strdup(a));
        if (rc != 0)
            return -1;
    }
    return 0;
}
