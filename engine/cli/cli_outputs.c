/* cli_outputs.c — the files a run writes (-o, --write-baseline) are never
 * files it reads. `reportlint -o r.json r.json` would replace the report
 * with its own violations; the same for a rule set, schema, configuration,
 * baseline or reference file. Files are compared by device and inode after
 * following symbolic links, so another name, a link or a hard link to an
 * input is caught too. A clash is a usage error before anything is
 * written. An output that does not exist yet cannot be an input. */
#include "cli_config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct out_file {
    const char *flag, *path;
    struct stat st;
    int exists;
} out_file;

static int clash(const out_file *out, const char *path, const char *what)
{
    struct stat st;
    if (!out->exists || strcmp(path, "-") == 0 || stat(path, &st) != 0 ||
        st.st_dev != out->st.st_dev || st.st_ino != out->st.st_ino)
        return 0;
    if (strcmp(path, out->path) == 0)
        fprintf(stderr, "reportlint: %s %s: that file is %s this run reads; nothing was written\n",
                out->flag, out->path, what);
    else
        fprintf(stderr,
                "reportlint: %s %s: that file is %s this run reads (%s); nothing was written\n",
                out->flag, out->path, what, path);
    return 1;
}

static int is_json_name(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".json") == 0;
}

/* A -r path: the file, or a directory's *.json (as the loader reads it). */
static int clash_rules(const out_file *out, const char *path)
{
    struct stat st;
    DIR *d = stat(path, &st) == 0 && S_ISDIR(st.st_mode) ? opendir(path) : NULL;
    if (!d)
        return clash(out, path, "a rule set");
    int found = 0;
    for (struct dirent *e; !found && (e = readdir(d)) != NULL;) {
        if (!is_json_name(e->d_name))
            continue;
        char *full = cli_path_join(path, e->d_name);
        found = full && clash(out, full, "a rule set");
        free(full);
    }
    closedir(d);
    return found;
}

static int clash_list(const out_file *out, const cli_strings *paths, const char *what)
{
    for (size_t i = 0; i < paths->n; i++)
        if (clash(out, paths->items[i], what))
            return 1;
    return 0;
}

static int check_one(const out_file *out, const cli_opts *o, const cli_config *cfg,
                     const cli_strings *files, const cli_strings *extra)
{
    if (clash_list(out, files, "a report"))
        return 1;
    for (size_t i = 0; i < o->rules.n; i++)
        if (clash_rules(out, o->rules.items[i]))
            return 1;
    return clash_list(out, &o->schemas, "a schema") ||
           (cfg && clash(out, cfg->path, "the configuration file")) ||
           (o->baseline && !o->write_baseline && clash(out, o->baseline, "the baseline")) ||
           (extra && clash_list(out, extra, "a rule set, schema or reference file"));
}

static void describe(out_file *out, const char *flag, const char *path)
{
    out->flag = flag;
    out->path = path;
    out->exists = path && stat(path, &out->st) == 0;
}

int cli_check_outputs(const cli_opts *o, const cli_config *cfg, const cli_strings *files,
                      const cli_strings *extra)
{
    out_file outs[3];
    describe(&outs[0], "-o", o->output);
    describe(&outs[1], "--write-baseline", o->write_baseline);
    describe(&outs[2], "--partial", o->partial);
    if (o->output && o->write_baseline &&
        (strcmp(o->output, o->write_baseline) == 0 ||
         (outs[0].exists && outs[1].exists && outs[0].st.st_dev == outs[1].st.st_dev &&
          outs[0].st.st_ino == outs[1].st.st_ino))) {
        fprintf(stderr,
                "reportlint: -o and --write-baseline name the same file (%s); nothing "
                "was written\n",
                o->output);
        return CLI_USAGE_ERROR;
    }
    for (size_t i = 0; i < 3; i++)
        if (outs[i].exists && check_one(&outs[i], o, cfg, files, extra))
            return CLI_USAGE_ERROR;
    return 0;
}
