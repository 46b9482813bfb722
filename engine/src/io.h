/* io.h — reading files: the one reader every part of the engine that reads
 * a file goes through (reports, rule sets, schemas, and the public
 * rl_read_file the command line uses).
 *
 * A file is read whole into a malloc'd, NUL-terminated buffer, or not at
 * all: on failure nothing is left allocated. "-" is standard input. */
#ifndef RL_IO_H
#define RL_IO_H

#include <stddef.h>

/* Why a read failed. */
typedef struct rl_io_status {
    int errnum;  /* errno; EFBIG when the file holds more than max bytes */
    int opening; /* 1: it could not be opened, 0: it opened but did not read */
} rl_io_status;

/* Read path ("-": stdin) into *data (NUL-terminated) and *len. max: the
 * most bytes accepted (0: no limit) — reading stops as soon as more came,
 * so an endless input is never held. Returns 0, or -1 with *st set (st
 * may be NULL; errno is left set too). */
int rl_io_read_file(const char *path, char **data, size_t *len, size_t max, rl_io_status *st);

#endif
