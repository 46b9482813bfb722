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

int cli_write_atomic(const char *path, int (*fn)(FILE *out, const void *ctx), const void *ctx)
{
    size_t n = strlen(path) + 16;
    char *tmp = malloc(n);
    if (!tmp)
        return -1;
    snprintf(tmp, n, "%s.tmpXXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd >= 0)
        usual_mode(fd);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    int ok = f && fn(f, ctx) == 0;
    if (f && fclose(f) != 0)
        ok = 0;
    else if (!f && fd >= 0)
        close(fd);
    if (ok && rename(tmp, path) != 0)
        ok = 0;
    if (!ok) {
        fprintf(stderr, "reportlint: cannot write %s: %s\n", path, strerror(errno ? errno : EIO));
        if (fd >= 0)
            unlink(tmp);
    }
    free(tmp);
    return ok ? 0 : -1;
}
