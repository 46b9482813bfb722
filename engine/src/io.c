/* io.c — the engine's one file reader (io.h). Reads in growing blocks
 * (doubling, overflow-checked), stops past the caller's limit, and
 * leaves nothing allocated on failure. */
#include "io.h"
#include "error.h"
#include "reportlint.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Read f to its end, or -2 as soon as more than max bytes came (0: no
 * limit), so that an endless or huge input is never held in memory. */
static int read_stream(FILE *f, char **data, size_t *len, size_t max)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (max && n > max) {
            free(buf);
            return -2;
        }
        if (n < cap)
            break;
        char *more = cap > ((size_t)-1) / 4 ? NULL : realloc(buf, cap * 2 + 1);
        if (!more) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = more;
        cap *= 2;
    }
    if (!buf)
        return -1;
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return ferror(f) ? -1 : 0;
}

int rl_io_read_file(const char *path, char **data, size_t *len, size_t max, rl_io_status *st)
{
    rl_io_status local;
    if (!st)
        st = &local;
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    *data = NULL;
    st->opening = !f;
    st->errnum = 0;
    if (!f) {
        st->errnum = errno;
        return -1;
    }
    errno = 0;
    int rc = read_stream(f, data, len, max);
    int saved = rc == -2 ? EFBIG : errno;
    if (!is_stdin)
        fclose(f);
    if (rc == 0)
        return 0;
    st->errnum = saved ? saved : ENOMEM;
    free(*data);
    *data = NULL;
    errno = st->errnum;
    return -1;
}

int rl_read_file(const char *path, char **data, size_t *len, rl_error *err)
{
    rl_io_status st;
    if (rl_io_read_file(path, data, len, 0, &st) == 0)
        return 0;
    rl_error_set(err, 0, 0, "%s: %s", st.opening ? "cannot open" : "cannot read",
                 strerror(st.errnum));
    return -1;
}
