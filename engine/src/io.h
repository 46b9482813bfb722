/* io.h — reading files: the one reader every part of the engine that reads
 * a file goes through (reports, NDJSON streams, rule sets, schemas and
 * $refs, reference files, and the public rl_read_file the command line
 * uses).
 *
 * A file is read whole into a malloc'd, NUL-terminated buffer, or not at
 * all: on failure nothing is left allocated. "-" is standard input. Any
 * other path is first shown to the guard (the caller's trust boundary, on
 * its realpath), then opened O_NONBLOCK and fstat'ed: only a regular file
 * is read (a FIFO, device or socket is refused without blocking, and so is
 * a link to one, such as x.json -> /dev/stdin in a pipeline). A regular file larger than the
 * limit is refused from its size; from a stream at most limit + 1 bytes
 * are read and held. */
#ifndef RL_IO_H
#define RL_IO_H

#include "reportlint_util.h"

#include <stddef.h>

/* How a rules object reads its files (rl_file_policy, resolved). */
typedef struct rl_io_guard {
    rl_file_allow_fn allow; /* NULL: every path */
    void *ctx;
    size_t max_size; /* rule sets, schemas, reference files: 0 none */
} rl_io_guard;

/* Why a read failed. */
typedef struct rl_io_status {
    int errnum;            /* errno; EFBIG when the file holds more than max bytes */
    int opening;           /* 1: it could not be opened (or was refused), 0: it did not read */
    char why[256];         /* a refusal's reason ("" for an errno) */
    unsigned line, column; /* ETIMEDOUT: where reading stopped (after the last byte read) */
} rl_io_status;

/* The reason of a failure: why, else strerror(errnum). */
const char *rl_io_reason(const rl_io_status *st);

/* Open path for reading as the reader does (guard, then regular files
 * only); "-" gives a duplicate of standard input. Returns the descriptor
 * (blocking mode), or -1 with *st set. */
int rl_io_open(const rl_io_guard *g, rl_file_kind kind, const char *path, rl_io_status *st);

/* Read path ("-": stdin) into *data (NUL-terminated) and *len. max: the
 * most bytes accepted (0 or RL_UNLIMITED: no limit). Returns 0, or -1
 * with *st set (st may be NULL; errno is left set too). */
int rl_io_read(const rl_io_guard *g, rl_file_kind kind, const char *path, char **data, size_t *len,
               size_t max, rl_io_status *st);
/* The same until deadline dl (deadline.h; NULL: none): a stream
 * (standard input) is waited for with poll, a regular file is read 4 MiB
 * at a time, and once dl passes, -1 with errnum ETIMEDOUT and st->line,
 * column where reading stopped. */
struct rl_deadline;
int rl_io_read_until(const rl_io_guard *g, rl_file_kind kind, const char *path, char **data,
                     size_t *len, size_t max, rl_io_status *st, struct rl_deadline *dl);
/* rl_io_read with no guard, as a report. */
int rl_io_read_file(const char *path, char **data, size_t *len, size_t max, rl_io_status *st);

/* The limit for a kind of file other than reports: the guard's, else none. */
size_t rl_io_max(const rl_io_guard *g);

#endif
