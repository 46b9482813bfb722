/* refdata.c — reading reference files for parameters (see refdata.h).
 *
 * Invariant: a document returned holds the whole file, parsed; nothing is
 * returned for a file that is unreadable, too large or not JSON. */
#include "refdata.h"
#include "io.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

char *rl_refdata_path(const char *base, const char *rel)
{
    const char *slash = base ? strrchr(base, '/') : NULL;
    size_t dir = rel[0] == '/' || !slash ? 0 : (size_t)(slash - base) + 1;
    size_t n = strlen(rel);
    char *p = malloc(dir + n + 1);
    if (!p)
        return NULL;
    memcpy(p, base, dir);
    memcpy(p + dir, rel, n + 1);
    return p;
}

rl_jdoc *rl_refdata_read(const rl_io_guard *io, const char *path, rl_deadline *deadline,
                         rl_error *err)
{
    char *data = NULL;
    size_t len = 0, max = io ? rl_io_max(io) : RL_REFDATA_MAX_SIZE;
    rl_io_status st;
    if (strcmp(path, "-") == 0) { /* reports may come from there; reference data never does */
        rl_error_set(err, 0, 0, "standard input ('-') cannot be a reference file");
        return NULL;
    }
    if (rl_io_read(io, RL_FILE_REFERENCE, path, &data, &len, max, &st) != 0) {
        if (st.errnum == EFBIG)
            rl_error_set(err, 0, 0,
                         "the reference file is larger than %zu bytes, the limit for "
                         "rule sets, schemas and reference files",
                         max);
        else
            rl_error_set(err, 0, 0, "cannot %s the reference file: %s",
                         st.opening ? "open" : "read", rl_io_reason(&st));
        return NULL;
    }
    rl_error perr;
    rl_error_clear(&perr);
    rl_json_limits lim = {.deadline = deadline};
    rl_jdoc *doc = rl_json_parse_owned(data, len, &lim, &perr);
    if (!doc && deadline && deadline->expired) {
        rl_error_set(err, perr.line, perr.column,
                     "reading the reference file stopped (--timeout): the rule sets were not "
                     "loaded in time");
        return NULL;
    }
    if (!doc) {
        rl_error_set(err, perr.line, perr.column, "the reference file is not valid JSON: %s",
                     perr.message);
        return NULL;
    }
    return doc;
}
