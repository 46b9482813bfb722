/* check_ndjson_pool.h — checking blocks of NDJSON lines on N threads that
 * never wait for one another (check_ndjson_pool.c). */
#ifndef RL_CHECK_NDJSON_POOL_H
#define RL_CHECK_NDJSON_POOL_H

#include "reportlint.h"

#include <stddef.h>

/* Where a block's check puts its results: rl_pool_part_result gives the
 * result to add to; rl_pool_part_next (after each record) hands it over
 * when it has grown large, so memory does not grow with the number of
 * violations of a block. */
typedef struct rl_pool_part rl_pool_part;

/* The result to add the next record's violations to (made when there is
 * none: the first record, or after a hand-over); NULL on OOM. */
rl_result *rl_pool_part_result(rl_pool_part *part);
/* After a record: hand the result over when it holds more than a part's
 * worth of bytes (waiting while the block's earlier parts are not yet
 * appended); the next rl_pool_part_result then makes a fresh one. */
void rl_pool_part_next(rl_pool_part *part);

/* What the pool runs: per-thread state made once (NULL: out of memory),
 * and the check of one block of whole lines into part's results. */
typedef struct rl_pool_fns {
    void *(*state_new)(const void *arg);
    void (*state_free)(void *state);
    int (*check)(const void *arg, void *state, const char *text, size_t len, unsigned first_line,
                 rl_pool_part *part);
    const void *arg;
} rl_pool_fns;

typedef struct rl_pool rl_pool;

/* A pool of jobs threads; NULL when none could be started. */
rl_pool *rl_pool_new(const rl_pool_fns *fns, unsigned jobs);
/* Hand over the block (*buf)[0..len), whose first line is first_line: the
 * pool takes *buf and gives back in *buf and *cap a buffer of at least *cap
 * bytes + 1 holding the tail (*buf)[len..have) at its start. Results of
 * blocks done are appended to res in submission order meanwhile. Returns 0,
 * or -1 when out of memory (then nothing more should be submitted). */
int rl_pool_submit(rl_pool *pool, char **buf, size_t *cap, size_t len, size_t have,
                   unsigned first_line, rl_result *res);
/* The same for a block of the caller's text, which must stay as it is
 * until rl_pool_drain or rl_pool_finish returns (nothing is copied). */
int rl_pool_submit_text(rl_pool *pool, const char *text, size_t len, unsigned first_line,
                        rl_result *res);
/* Wait for every block submitted and append its result to res in order
 * (before the caller adds anything to res itself). Returns 0, or -1 when a
 * block ran out of memory. */
int rl_pool_drain(rl_pool *pool, rl_result *res);
/* Wait for every block, append the remaining results to res in order, stop
 * the threads and free the pool. Returns 0, or -1 when a block ran out of
 * memory. */
int rl_pool_finish(rl_pool *pool, rl_result *res);

#endif
