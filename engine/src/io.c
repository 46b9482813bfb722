/* io.c — the engine's one file reader (io.h).
 *
 * Invariants: nothing is opened before the guard said yes; nothing but a
 * regular file (or "-") is read, and opening never blocks (O_NONBLOCK,
 * then fstat, then back to blocking for the read); no read asks for more
 * than the limit + 1 bytes in all, and the buffer never grows past that;
 * on failure nothing stays allocated and *data is NULL. */
#define _GNU_SOURCE /* O_PATH */
#include "io.h"
#include "deadline.h"
#include "error.h"
#include "utf8.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *rl_io_reason(const rl_io_status *st)
{
    return st->why[0] ? st->why : strerror(st->errnum);
}

size_t rl_io_max(const rl_io_guard *g)
{
    return g ? g->max_size : 0;
}

static int refuse(rl_io_status *st, int errnum, const char *why)
{
    st->errnum = errnum;
    st->opening = 1;
    snprintf(st->why, sizeof st->why, "%s", why ? why : "");
    errno = errnum;
    return -1;
}

static const char *kind_of(mode_t m)
{
    return S_ISFIFO(m)   ? "a FIFO"
           : S_ISSOCK(m) ? "a socket"
           : S_ISCHR(m)  ? "a character device"
           : S_ISBLK(m)  ? "a block device"
                         : "not a regular file";
}

/* Refuse what fd is unless it is a regular file. */
static int check_kind(int fd, rl_io_status *st)
{
    struct stat s;
    char why[128];
    if (fstat(fd, &s) != 0)
        return refuse(st, errno, NULL);
    if (S_ISDIR(s.st_mode))
        return refuse(st, EISDIR, NULL);
    if (!S_ISREG(s.st_mode)) {
        snprintf(why, sizeof why, "%s, not a regular file (give standard input as -)",
                 kind_of(s.st_mode));
        return refuse(st, EINVAL, why);
    }
    return 0;
}

/* The resolved path, shown to the guard: 0 when it may be opened (*real
 * filled), else -1 with *st set. */
static int ask_guard(const rl_io_guard *g, rl_file_kind kind, const char *path, char *real,
                     rl_io_status *st)
{
    if (!realpath(path, real)) {
        /* A link to a pipe or socket (/dev/stdin in a pipeline) has no
         * path: say what it is (O_PATH opens nothing). */
        int e = errno, pfd = open(path, O_PATH | O_CLOEXEC);
        if (pfd >= 0 && check_kind(pfd, st) != 0) {
            close(pfd);
            return -1;
        }
        if (pfd >= 0)
            close(pfd);
        return refuse(st, e, NULL);
    }
    char why[sizeof st->why] = "";
    if (g && g->allow && g->allow(g->ctx, kind, path, real, why, sizeof why) != 0)
        return refuse(st, EACCES, why[0] ? why : "refused by the file policy");
    return 0;
}

/* Only a regular file; then back to blocking reads. */
static int check_opened(int fd, rl_io_status *st)
{
    if (check_kind(fd, st) != 0)
        return -1;
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0)
        return refuse(st, errno, NULL);
    return 0;
}

int rl_io_open(const rl_io_guard *g, rl_file_kind kind, const char *path, rl_io_status *st)
{
    memset(st, 0, sizeof *st);
    if (strcmp(path, "-") == 0) {
        int fd = dup(STDIN_FILENO);
        return fd >= 0 ? fd : refuse(st, errno, NULL);
    }
    char real[PATH_MAX];
    if (ask_guard(g, kind, path, real, st) != 0)
        return -1;
    int fd = open(real, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return refuse(st, errno, NULL);
    if (check_opened(fd, st) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return fd;
}

static size_t limit_of(size_t max)
{
    return max == 0 || max == RL_UNLIMITED ? (size_t)-1 / 2 : max;
}

/* Wait until fd (a stream: a regular file never blocks) has data, at
 * most until dl: 0 when it may be read, -1 with errno, 1 when dl passed. */
static int wait_readable(int fd, rl_deadline *dl)
{
    for (;;) {
        int ms = rl_deadline_left_ms(dl);
        if (ms < 0)
            return 0;
        if (ms == 0)
            return 1;
        struct pollfd pf = {fd, POLLIN, 0};
        int got = poll(&pf, 1, ms);
        if (got > 0)
            return 0;
        if (got < 0 && errno != EINTR)
            return -1;
    }
}

/* Where reading stopped in buf[0..n): the line and column (code points)
 * after its last byte. */
static void stopped_at(const char *buf, size_t n, rl_io_status *st)
{
    const char *line = buf, *q;
    st->line = 1;
    while ((q = memchr(line, '\n', n - (size_t)(line - buf))) != NULL) {
        st->line++;
        line = q + 1;
    }
    st->column = (unsigned)rl_utf8_count(line, n - (size_t)(line - buf)) + 1;
}

#define IO_CHUNK ((size_t)4 << 20) /* bytes read at a time under a deadline */

/* Read fd to its end into a buffer of at most max + 1 bytes: -2 as soon
 * as more than max came, -3 when dl passed (st: where; a stream is
 * waited for with poll, a file read IO_CHUNK bytes at a time), -1 with
 * errno on an error. size is what fstat said (0 for
 * a pipe): the buffer is that size + 1 from the start, so a big report
 * costs its size once, not a doubled buffer's slack. */
static int read_fd(int fd, size_t max, size_t size, char **data, size_t *len, rl_deadline *dl,
                   rl_io_status *st)
{
    size_t cap = size >= 1 << 16 ? size + 1 : 1 << 16, n = 0, stop = max + 1;
    if (cap > stop)
        cap = stop;
    char *buf = malloc(cap + 1);
    for (;;) {
        if (!buf)
            return errno = ENOMEM, -1;
        int waited = size ? rl_deadline_check(dl) : wait_readable(fd, dl);
        if (waited > 0)
            stopped_at(buf, n, st);
        size_t want = cap - n;
        if (dl && want > IO_CHUNK)
            want = IO_CHUNK; /* the deadline is checked between chunks */
        ssize_t got = waited ? -1 : read(fd, buf + n, want);
        if (got < 0 && !waited && errno == EINTR)
            continue;
        if (got < 0) {
            int e = errno;
            free(buf);
            return waited > 0 ? -3 : (errno = e, -1);
        }
        n += (size_t)got;
        if (n > max) {
            free(buf);
            return -2;
        }
        if (got == 0)
            break;
        if (n == cap) {
            size_t more = cap > stop / 2 ? stop : cap * 2;
            char *b = realloc(buf, more + 1);
            if (!b)
                free(buf);
            buf = b;
            cap = more;
        }
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return 0;
}

int rl_io_read(const rl_io_guard *g, rl_file_kind kind, const char *path, char **data, size_t *len,
               size_t max, rl_io_status *st)
{
    return rl_io_read_until(g, kind, path, data, len, max, st, NULL);
}

int rl_io_read_until(const rl_io_guard *g, rl_file_kind kind, const char *path, char **data,
                     size_t *len, size_t max, rl_io_status *st, rl_deadline *dl)
{
    rl_io_status local;
    if (!st)
        st = &local;
    *data = NULL;
    size_t lim = limit_of(max);
    int fd = rl_io_open(g, kind, path, st);
    if (fd < 0)
        return -1;
    struct stat s;
    int known = strcmp(path, "-") != 0 && fstat(fd, &s) == 0;
    int rc = known && (unsigned long long)s.st_size > lim
                 ? -2
                 : read_fd(fd, lim, known ? (size_t)s.st_size : 0, data, len, dl, st);
    int e = errno;
    close(fd);
    if (rc == 0)
        return 0;
    st->opening = 0;
    st->errnum = rc == -2 ? EFBIG : rc == -3 ? ETIMEDOUT : e ? e : ENOMEM;
    *data = NULL;
    errno = st->errnum;
    return -1;
}

int rl_io_read_file(const char *path, char **data, size_t *len, size_t max, rl_io_status *st)
{
    return rl_io_read(NULL, RL_FILE_REPORT, path, data, len, max, st);
}

int rl_read_file_max(const char *path, char **data, size_t *len, size_t max, rl_error *err)
{
    rl_io_status st;
    if (rl_io_read_file(path, data, len, max, &st) == 0)
        return 0;
    if (st.errnum == EFBIG)
        rl_error_set(err, 0, 0, "cannot read: larger than %zu bytes, the limit", limit_of(max));
    else
        rl_error_set(err, 0, 0, "%s: %s", st.opening ? "cannot open" : "cannot read",
                     rl_io_reason(&st));
    return -1;
}

int rl_read_file(const char *path, char **data, size_t *len, rl_error *err)
{
    return rl_read_file_max(path, data, len, 0, err);
}
