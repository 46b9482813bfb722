/* cli_paths.c — file paths for the configuration and baselines: joining a
 * path to the directory of the file that named it, and a path relative to
 * a directory (so that globs and baseline entries do not depend on where
 * reportlint was started). Every returned string is malloc'd; NULL means
 * out of memory. Symbolic links are resolved (realpath) where the file or
 * its directory exists, so both sides of a comparison agree. */
#include "cli_config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *cli_path_dirname(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return strdup("");
    if (slash == path)
        return strdup("/");
    return strndup(path, (size_t)(slash - path));
}

char *cli_path_join(const char *dir, const char *path)
{
    if (path[0] == '/' || !dir || !dir[0])
        return strdup(path);
    size_t n = strlen(dir) + strlen(path) + 2;
    char *out = malloc(n);
    if (out)
        snprintf(out, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", path);
    return out;
}

/* An absolute path for path: realpath of the file, else of its directory
 * joined with its name, else the working directory joined with it. */
char *cli_path_absolute(const char *path)
{
    char buf[PATH_MAX];
    if (realpath(path, buf))
        return strdup(buf);
    char *dir = cli_path_dirname(path), *out = NULL;
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    if (dir && realpath(dir[0] ? dir : ".", buf))
        out = cli_path_join(buf, base);
    else if (getcwd(buf, sizeof buf))
        out = cli_path_join(buf, path);
    free(dir);
    return out ? out : strdup(path);
}

/* The next component of *p (skipping slashes); its length, 0 at the end. */
static size_t component(const char **p)
{
    while (**p == '/')
        (*p)++;
    return strcspn(*p, "/");
}

char *cli_path_relative(const char *base_dir_abs, const char *path)
{
    if (strcmp(path, "-") == 0)
        return strdup("-");
    char *abs = cli_path_absolute(path);
    if (!abs)
        return NULL;
    const char *a = base_dir_abs, *b = abs;
    for (;;) { /* skip the components both share */
        const char *a2 = a, *b2 = b;
        size_t na = component(&a2), nb = component(&b2);
        if (!na || na != nb || strncmp(a2, b2, na) != 0)
            break;
        a = a2 + na;
        b = b2 + nb;
    }
    size_t ups = 0;
    for (size_t n; (n = component(&a)) != 0; a += n)
        ups++;
    component(&b); /* b: what is left of the path, without leading slashes */
    size_t size = ups * 3 + strlen(b) + 2;
    char *out = malloc(size);
    if (out) {
        out[0] = '\0';
        for (size_t i = 0; i < ups; i++)
            strcat(out, i + 1 < ups || *b ? "../" : "..");
        strcat(out, *b || ups ? b : ".");
    }
    free(abs);
    return out;
}

const char *cli_relcache_get(cli_relcache *c, const char *file)
{
    if (c->file && strcmp(c->file, file) == 0)
        return c->rel;
    cli_relcache_free(c);
    c->file = strdup(file);
    c->rel = cli_path_relative(c->base_abs, file);
    if (!c->file || !c->rel) {
        cli_relcache_free(c);
        return file;
    }
    return c->rel;
}

void cli_relcache_free(cli_relcache *c)
{
    free(c->file);
    free(c->rel);
    c->file = c->rel = NULL;
}
