/* cli_trust.c — the CI trust boundary: what a run may read.
 *
 * A pull request controls the files of the tree a CI job checks (reports,
 * rule sets, schemas, configuration, symbolic links among them), not its
 * command line. So by default every file read must resolve (realpath:
 * every symbolic link followed) under one of the roots:
 *   - the working directory;
 *   - each path named on the command line (inputs, -r, -s, --schema-map
 *     directories, --param-file, --config, --baseline, --partial) that is
 *     outside the working directory as written — ../shared/x or /opt/rules:
 *     the whole directory, or the one file. A path written inside the
 *     working directory widens nothing, even when it is a symbolic link
 *     pointing out (reports/r1.json -> ../../secrets.json stays outside);
 *   - --allow-outside PATH (repeatable), resolved, and the paths of
 *     $REPORTLINT_ALLOW_OUTSIDE (colon-separated; set by whoever runs
 *     reportlint, as $REPORTLINT_RULES is);
 *   - the bundled rules and schemas ($REPORTLINT_RULES / $REPORTLINT_SCHEMAS,
 *     or found beside the binary or in the installed DATADIR: then the
 *     directory holding rules/ — the source tree, share/reportlint);
 *   - the directory of the configuration file found or given.
 * A file outside is refused before it is opened, so nothing of it (not even
 * its first character, in a parse error) reaches any output.
 *
 * The roots are fixed before the configuration is merged into the options
 * (its paths are checked, never roots). The check is read-only and so safe
 * from the threads that read reports; the list of rule sets, schemas and
 * reference files read (for cli_check_outputs) is kept under a lock. */
#include "cli_config.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct cli_trust {
    char **roots;        /* realpaths */
    unsigned char *dirs; /* 1: a directory (everything under it), 0: one file */
    size_t n;
    char cwd[PATH_MAX];
    pthread_mutex_t lock;
    cli_strings read; /* realpaths of the rule sets, schemas and reference files read */
};

static int add_root(cli_trust *t, const char *path)
{
    char real[PATH_MAX];
    struct stat st;
    if (!realpath(path, real) || stat(real, &st) != 0)
        return 0; /* nothing there: nothing to allow */
    char **roots = rl_array_resize(t->roots, t->n + 1, sizeof *roots);
    unsigned char *dirs = roots ? realloc(t->dirs, t->n + 1) : NULL;
    if (roots)
        t->roots = roots;
    if (!dirs)
        return -1;
    t->dirs = dirs;
    if (!(t->roots[t->n] = strdup(real)))
        return -1;
    t->dirs[t->n++] = S_ISDIR(st.st_mode) != 0;
    return 0;
}

/* path made absolute against the working directory with "." and ".."
 * collapsed as written (no link followed), into buf. */
static void lexical(const char *cwd, const char *path, char *buf, size_t size)
{
    char tmp[2 * PATH_MAX];
    snprintf(tmp, sizeof tmp, "%s/%s", path[0] == '/' ? "" : cwd, path);
    size_t n = 0;
    buf[0] = '\0';
    for (char *save = NULL, *c = strtok_r(tmp, "/", &save); c; c = strtok_r(NULL, "/", &save)) {
        if (strcmp(c, ".") == 0)
            continue;
        if (strcmp(c, "..") == 0) {
            while (n > 0 && buf[n - 1] != '/')
                n--;
            n = n > 0 ? n - 1 : 0;
            buf[n] = '\0';
            continue;
        }
        n += (size_t)snprintf(buf + n, size > n ? size - n : 0, "/%s", c);
        if (n >= size)
            n = size - 1;
    }
    if (!buf[0])
        snprintf(buf, size, "/");
}

static int under(const char *real, const char *root, int dir)
{
    size_t n = strlen(root);
    if (strcmp(real, root) == 0)
        return 1;
    return dir && strncmp(real, root, n) == 0 && (real[n] == '/' || (n == 1 && root[0] == '/'));
}

/* A path named on the command line: a root when it is outside the working
 * directory as written. */
static int add_named(cli_trust *t, const char *path)
{
    char abs[2 * PATH_MAX];
    if (!path || !path[0] || strcmp(path, "-") == 0)
        return 0;
    lexical(t->cwd, path, abs, sizeof abs);
    return under(abs, t->cwd, 1) ? 0 : add_root(t, path);
}

/* "NAME=PATH" or "URL=DIR": the part after the first '='. */
static int add_named_after_eq(cli_trust *t, const cli_strings *list)
{
    for (size_t i = 0; i < list->n; i++) {
        const char *eq = strchr(list->items[i], '=');
        if (eq && add_named(t, eq + 1) != 0)
            return -1;
    }
    return 0;
}

static int add_named_list(cli_trust *t, const cli_strings *list)
{
    for (size_t i = 0; i < list->n; i++)
        if (add_named(t, list->items[i]) != 0)
            return -1;
    return 0;
}

static int add_bundled(cli_trust *t)
{
    char buf[PATH_MAX];
    const char *env = getenv("REPORTLINT_RULES");
    if (cli_bundled_rules(buf, sizeof buf) && add_root(t, buf) != 0)
        return -1;
    /* Found beside the binary or in DATADIR (not named by $REPORTLINT_RULES):
     * the directory holding rules/ is reportlint's own data (the source
     * tree's samples/, which the bundled examples check; share/reportlint). */
    if (!(env && *env) && cli_bundled_rules(buf, sizeof buf) && strlen(buf) + 4 < sizeof buf &&
        add_root(t, strcat(buf, "/..")) != 0)
        return -1;
    if (cli_bundled_schemas(buf, sizeof buf) && add_root(t, buf) != 0)
        return -1;
    return 0;
}

/* $REPORTLINT_ALLOW_OUTSIDE: PATH[:PATH...] */
static int add_env(cli_trust *t)
{
    const char *env = getenv("REPORTLINT_ALLOW_OUTSIDE");
    char *copy = env && *env ? strdup(env) : NULL;
    int rc = env && *env && !copy ? -1 : 0;
    for (char *save = NULL, *p = copy ? strtok_r(copy, ":", &save) : NULL; rc == 0 && p;
         p = strtok_r(NULL, ":", &save))
        rc = add_root(t, p);
    free(copy);
    return rc;
}

cli_trust *cli_trust_new(const cli_opts *o)
{
    cli_trust *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    pthread_mutex_init(&t->lock, NULL);
    int rc = getcwd(t->cwd, sizeof t->cwd) ? add_root(t, t->cwd) : -1;
    for (size_t i = 0; rc == 0 && i < o->allow_outside.n; i++)
        rc = add_root(t, o->allow_outside.items[i]);
    if (rc == 0)
        rc = add_named_list(t, &o->inputs) | add_named_list(t, &o->rules) |
             add_named_list(t, &o->schemas) | add_named_after_eq(t, &o->schema_maps) |
             add_named_after_eq(t, &o->param_files) | add_named(t, o->config) |
             add_named(t, o->baseline) | add_named(t, o->partial) | add_bundled(t) | add_env(t);
    if (rc != 0) {
        cli_trust_free(t);
        return NULL;
    }
    return t;
}

void cli_trust_free(cli_trust *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++)
        free(t->roots[i]);
    for (size_t i = 0; i < t->read.n; i++)
        free((char *)t->read.items[i]);
    free(t->read.items);
    free(t->roots);
    free(t->dirs);
    pthread_mutex_destroy(&t->lock);
    free(t);
}

int cli_trust_add_dir_of(cli_trust *t, const char *file)
{
    char *dir = t ? cli_path_dirname(file) : NULL;
    int rc = dir ? add_root(t, dir[0] ? dir : ".") : 0;
    free(dir);
    return rc;
}

static int allowed(const cli_trust *t, const char *real)
{
    for (size_t i = 0; i < t->n; i++)
        if (under(real, t->roots[i], t->dirs[i]))
            return 1;
    return 0;
}

static void say_outside(char *why, size_t size)
{
    snprintf(why, size,
             "outside the directories this run may read (the working directory and "
             "paths named on the command line); allow it with --allow-outside PATH");
}

int cli_trust_check(const cli_trust *t, const char *path, char *why, size_t size)
{
    char real[PATH_MAX];
    if (!t || strcmp(path, "-") == 0 || !realpath(path, real) || allowed(t, real))
        return 0; /* a path that does not resolve fails when it is opened */
    say_outside(why, size);
    return -1;
}

int cli_trust_allow(void *ctx, rl_file_kind kind, const char *path, const char *real, char *why,
                    size_t size)
{
    cli_trust *t = ctx;
    (void)path;
    if (!t)
        return 0;
    if (!allowed(t, real)) {
        say_outside(why, size);
        return -1;
    }
    if (kind != RL_FILE_REPORT) {
        pthread_mutex_lock(&t->lock);
        char *copy = strdup(real);
        if (copy && cli_push(&t->read, copy) != 0)
            free(copy);
        pthread_mutex_unlock(&t->lock);
    }
    return 0;
}

const cli_strings *cli_trust_read(const cli_trust *t)
{
    return t ? &t->read : NULL;
}
