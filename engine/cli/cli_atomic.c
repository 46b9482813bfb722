/* cli_atomic.c — writing an output file (-o, --write-baseline) without
 * ever losing one.
 *
 * A regular file (or a name that does not exist yet) is written
 * atomically: the content goes to a temporary file beside it (same
 * directory, so rename cannot cross file systems), renamed into place only
 * when everything was written. A reader never sees half a file; a failure
 * leaves the old one. The new file gets the mode fopen would give it (0666
 * less the umask). A symbolic link to a regular file is followed: its
 * target is replaced the same way and the link stays.
 *
 * Anything else — a device (/dev/null), a FIFO, a socket, the process's own
 * standard output or error (/dev/stdout, /dev/fd/N, /proc/...) — is written
 * in place, never renamed over: renaming a file over /dev/null breaks it
 * for every process on the machine. Standard output and error are written
 * through their open descriptors (no truncation: `>> log` keeps appending).
 *
 * Temporary files are removed when SIGINT, SIGTERM or SIGHUP ends the run:
 * the handler unlinks them (unlink is async-signal-safe) and re-raises the
 * signal with its default action, so the exit status is the signal's. This
 * needs the one piece of process-wide state in the CLI: the names of the
 * temporary files open now (a few slots of atomic pointers, set and cleared
 * with the signals blocked) and whether the handlers are installed. A
 * signal that was ignored when reportlint started (nohup) stays ignored. */
#include "cli_config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define OUT_BUFFER (64 * 1024) /* an output file is written in 64 KiB, not 4 KiB, pieces */

/* ---- temporary files and signals ----------------------------------------- */

#define MAX_PENDING 8
static _Atomic(const char *) pending[MAX_PENDING];
static atomic_int handlers_installed;
static const int caught[] = {SIGINT, SIGTERM, SIGHUP};
#define N_CAUGHT (sizeof caught / sizeof *caught)

static void on_signal(int sig)
{
    int saved = errno;
    for (size_t i = 0; i < MAX_PENDING; i++) {
        const char *p = atomic_load(&pending[i]);
        if (p)
            unlink(p);
    }
    errno = saved;
    /* SA_RESETHAND put the default action back; SA_NODEFER lets it act now. */
    raise(sig);
}

static void install_handlers(void)
{
    if (atomic_exchange(&handlers_installed, 1))
        return;
    for (size_t i = 0; i < N_CAUGHT; i++) {
        struct sigaction old, sa;
        if (sigaction(caught[i], NULL, &old) != 0 || old.sa_handler == SIG_IGN)
            continue;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sa.sa_flags = SA_RESETHAND | SA_NODEFER;
        sigemptyset(&sa.sa_mask);
        sigaction(caught[i], &sa, NULL);
    }
}

/* Block (or restore) the caught signals around changes to the slots and
 * the files they name. */
static void block_signals(sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < N_CAUGHT; i++)
        sigaddset(&set, caught[i]);
    pthread_sigmask(SIG_BLOCK, &set, old);
}

static void restore_signals(const sigset_t *old)
{
    pthread_sigmask(SIG_SETMASK, old, NULL);
}

static void remember(const char *tmp)
{
    install_handlers();
    for (size_t i = 0; i < MAX_PENDING; i++) {
        const char *none = NULL;
        if (atomic_compare_exchange_strong(&pending[i], &none, tmp))
            return;
    }
}

static void forget(const char *tmp)
{
    for (size_t i = 0; i < MAX_PENDING; i++) {
        const char *p = tmp;
        if (atomic_compare_exchange_strong(&pending[i], &p, NULL))
            return;
    }
}

/* ---- choosing how to write ------------------------------------------------ */

/* mkstemp makes the file 0600; give it the mode a plain fopen would. */
static void usual_mode(int fd)
{
    mode_t mask = umask(0);
    umask(mask);
    (void)fchmod(fd, 0666 & ~mask);
}

static int same_file(const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* The descriptor (1 or 2) that is the file st describes, or -1. */
static int std_stream(const struct stat *st)
{
    for (int fd = 1; fd <= 2; fd++) {
        struct stat s;
        if (fstat(fd, &s) == 0 && same_file(&s, st))
            return fd;
    }
    return -1;
}

/* Where to put the temporary file and rename to: path itself, or the
 * target of a symbolic link to a regular file (malloc'd in *real). NULL
 * *real and 0: write path in place. -1: out of memory. */
static int atomic_target(const char *path, char **real)
{
    struct stat l, s;
    *real = NULL;
    if (lstat(path, &l) != 0)
        return errno == ENOENT ? ((*real = strdup(path)) ? 0 : -1) : 0;
    if (S_ISREG(l.st_mode) && std_stream(&l) < 0)
        return (*real = strdup(path)) ? 0 : -1;
    /* A link through /dev or /proc may be a descriptor's magic link. */
    if (!S_ISLNK(l.st_mode) || strncmp(path, "/dev/", 5) == 0 || strncmp(path, "/proc/", 6) == 0 ||
        stat(path, &s) != 0 || !S_ISREG(s.st_mode) || std_stream(&s) >= 0)
        return 0;
    char buf[PATH_MAX];
    if (!realpath(path, buf) || strncmp(buf, "/proc/", 6) == 0)
        return 0;
    return (*real = strdup(buf)) ? 0 : -1;
}

/* Open path to be written in place: stdout or stderr through a copy of
 * their descriptor, anything else opened for writing (a regular target
 * truncated, as the shell's > does). */
static FILE *open_in_place(const char *path)
{
    struct stat st;
    int exists = stat(path, &st) == 0, fd;
    int std = exists ? std_stream(&st) : -1;
    if (std >= 0)
        fd = dup(std);
    else
        fd = open(path,
                  O_WRONLY | O_CREAT | O_NOCTTY | O_CLOEXEC |
                      (!exists || S_ISREG(st.st_mode) ? O_TRUNC : 0),
                  0666);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f && fd >= 0)
        close(fd);
    if (f)
        setvbuf(f, NULL, _IOFBF, OUT_BUFFER);
    return f;
}

static int open_temporary(cli_atomic *a, const char *target)
{
    size_t n = strlen(target) + 16;
    if (!(a->tmp = malloc(n)))
        return -1;
    snprintf(a->tmp, n, "%s.tmpXXXXXX", target);
    sigset_t old;
    block_signals(&old);
    int fd = mkstemp(a->tmp);
    if (fd >= 0) {
        remember(a->tmp);
        usual_mode(fd);
        a->f = fdopen(fd, "w");
        if (a->f)
            setvbuf(a->f, NULL, _IOFBF, OUT_BUFFER);
    }
    int errnum = errno;
    if (fd >= 0 && !a->f) {
        close(fd);
        unlink(a->tmp);
        forget(a->tmp);
    }
    restore_signals(&old);
    errno = errnum;
    if (a->f)
        return 0;
    free(a->tmp);
    a->tmp = NULL;
    return -1;
}

int cli_atomic_open(cli_atomic *a, const char *path)
{
    memset(a, 0, sizeof *a);
    a->path = path;
    errno = 0;
    if (atomic_target(path, &a->target) != 0)
        errno = ENOMEM;
    else if (a->target)
        open_temporary(a, a->target);
    else
        a->f = open_in_place(path);
    if (a->f)
        return 0;
    fprintf(stderr, "reportlint: cannot write %s: %s\n", path, strerror(errno ? errno : EIO));
    free(a->target);
    a->target = NULL;
    return -1;
}

int cli_atomic_close(cli_atomic *a, int ok)
{
    if (!a->f)
        return -1;
    if (fclose(a->f) != 0)
        ok = 0;
    a->f = NULL;
    if (a->tmp) {
        sigset_t old;
        block_signals(&old);
        if (ok && rename(a->tmp, a->target) != 0)
            ok = 0;
        int errnum = errno;
        if (!ok)
            unlink(a->tmp);
        forget(a->tmp);
        restore_signals(&old);
        errno = errnum;
    }
    if (!ok)
        fprintf(stderr, "reportlint: cannot write %s: %s\n", a->path,
                strerror(errno ? errno : EIO));
    free(a->tmp);
    free(a->target);
    a->tmp = a->target = NULL;
    return ok ? 0 : -1;
}

int cli_write_atomic(const char *path, int (*fn)(FILE *out, const void *ctx), const void *ctx)
{
    cli_atomic a;
    if (cli_atomic_open(&a, path) != 0)
        return -1;
    return cli_atomic_close(&a, fn(a.f, ctx) == 0);
}
