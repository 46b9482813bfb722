/* cli_atomic.c — writing an output file atomically: the content goes to a
 * temporary file beside it (same directory, so rename cannot cross file
 * systems), which is renamed into place only when everything was written.
 * A reader never sees half a file; a failure leaves the old one. The new
 * file gets the mode fopen would give it (0666 less the umask). */
#include "cli_config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* mkstemp makes the file 0600; give it the mode a plain fopen would. */
static void usual_mode(int fd)
{
    mode_t mask = umask(0);
    umask(mask);
    (void)fchmod(fd, 0666 & ~mask);
}

int cli_atomic_open(cli_atomic *a, const char *path)
{
    memset(a, 0, sizeof *a);
    a->path = path;
    size_t n = strlen(path) + 16;
    if (!(a->tmp = malloc(n)))
        return -1;
    snprintf(a->tmp, n, "%s.tmpXXXXXX", path);
    int fd = mkstemp(a->tmp);
    if (fd >= 0)
        usual_mode(fd);
    a->f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (a->f)
        return 0;
    fprintf(stderr, "reportlint: cannot write %s: %s\n", path, strerror(errno ? errno : EIO));
    if (fd >= 0) {
        close(fd);
        unlink(a->tmp);
    }
    free(a->tmp);
    a->tmp = NULL;
    return -1;
}

int cli_atomic_close(cli_atomic *a, int ok)
{
    if (!a->f)
        return -1;
    if (fclose(a->f) != 0)
        ok = 0;
    if (ok && rename(a->tmp, a->path) != 0)
        ok = 0;
    if (!ok) {
        fprintf(stderr, "reportlint: cannot write %s: %s\n", a->path, strerror(errno ? errno : EIO));
        unlink(a->tmp);
    }
    free(a->tmp);
    a->f = NULL;
    a->tmp = NULL;
    return ok ? 0 : -1;
}

int cli_write_atomic(const char *path, int (*fn)(FILE *out, const void *ctx), const void *ctx)
{
    cli_atomic a;
    if (cli_atomic_open(&a, path) != 0)
        return -1;
    return cli_atomic_close(&a, fn(a.f, ctx) == 0);
}
