/* check_ndjson_pool.c — a pipeline for the blocks of an NDJSON file: the
 * reading thread hands each block of whole lines to a queue; N worker
 * threads, each with its own state kept from block to block, check the
 * blocks into results of their own; the reading thread appends the results
 * to the caller's in submission order as they complete. No thread waits for
 * the others at a block's end: a worker takes the next block as soon as it
 * is free, and the reader only waits when every slot holds a block not yet
 * appended (memory is bounded by the slots).
 *
 * Slot s of the ring holds block number s % n_slots; head..tail are the
 * blocks submitted and not yet appended, next the first not yet taken by a
 * worker. All three and the slots' done flags are under lock. */
#include "check_ndjson_pool.h"
#include "result.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS_PER_JOB 3

typedef struct slot {
    char *buf;
    size_t cap; /* buf holds cap + 1 bytes */
    size_t len;
    unsigned first_line;
    rl_result *res;
    int rc;
    int done;
} slot;

struct rl_pool {
    rl_pool_fns fns;
    slot *slots;
    size_t n_slots;
    size_t head, tail, next;
    int stop;
    pthread_mutex_t lock;
    pthread_cond_t work; /* a block was submitted, or stop */
    pthread_cond_t done; /* a block was checked */
    pthread_t *tid;
    unsigned n_threads;
};

static void *worker(void *arg)
{
    rl_pool *p = arg;
    void *state = p->fns.state_new(p->fns.arg);
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (!p->stop && p->next == p->tail)
            pthread_cond_wait(&p->work, &p->lock);
        if (p->next == p->tail)
            break;
        slot *s = &p->slots[p->next++ % p->n_slots];
        pthread_mutex_unlock(&p->lock);
        int rc = state && s->res ? p->fns.check(p->fns.arg, state, s->buf, s->len, s->first_line, s->res)
                                 : -1;
        pthread_mutex_lock(&p->lock);
        s->rc = rc;
        s->done = 1;
        pthread_cond_broadcast(&p->done);
    }
    pthread_mutex_unlock(&p->lock);
    if (state)
        p->fns.state_free(state);
    return NULL;
}

rl_pool *rl_pool_new(const rl_pool_fns *fns, unsigned jobs)
{
    rl_pool *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->fns = *fns;
    p->n_slots = (size_t)jobs * SLOTS_PER_JOB;
    p->slots = calloc(p->n_slots, sizeof *p->slots);
    p->tid = calloc(jobs, sizeof *p->tid);
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->done, NULL);
    while (p->slots && p->tid && p->n_threads < jobs &&
           pthread_create(&p->tid[p->n_threads], NULL, worker, p) == 0)
        p->n_threads++;
    if (!p->n_threads) {
        rl_pool_finish(p, NULL);
        return NULL;
    }
    return p;
}

/* Wait for the oldest block, append its result to res (when res) and free
 * it; its buffer stays in the slot for reuse. */
static int retire_oldest(rl_pool *p, rl_result *res)
{
    slot *s = &p->slots[p->head % p->n_slots];
    pthread_mutex_lock(&p->lock);
    while (!s->done)
        pthread_cond_wait(&p->done, &p->lock);
    p->head++;
    pthread_mutex_unlock(&p->lock);
    int rc = s->rc;
    if (rc == 0 && res && rl_result_absorb(res, s->res) != 0)
        rc = -1;
    rl_result_free(s->res);
    s->res = NULL;
    return rc;
}

int rl_pool_submit(rl_pool *p, char **buf, size_t *cap, size_t len, size_t have,
                   unsigned first_line, rl_result *res)
{
    if (p->tail - p->head == p->n_slots && retire_oldest(p, res) != 0)
        return -1;
    slot *s = &p->slots[p->tail % p->n_slots];
    if (s->cap < *cap || !s->buf) {
        char *more = realloc(s->buf, *cap + 1);
        if (!more)
            return -1;
        s->buf = more;
        s->cap = *cap;
    }
    memcpy(s->buf, *buf + len, have - len); /* the tail goes on in the slot's old buffer */
    char *full = *buf;
    size_t full_cap = *cap;
    *buf = s->buf;
    *cap = s->cap;
    s->buf = full;
    s->cap = full_cap;
    s->len = len;
    s->first_line = first_line;
    s->res = rl_result_new();
    s->rc = 0;
    s->done = 0;
    pthread_mutex_lock(&p->lock);
    p->tail++;
    pthread_cond_signal(&p->work);
    pthread_mutex_unlock(&p->lock);
    return 0;
}

int rl_pool_drain(rl_pool *p, rl_result *res)
{
    int rc = 0;
    while (p->head != p->tail)
        if (retire_oldest(p, rc == 0 ? res : NULL) != 0)
            rc = -1;
    return rc;
}

int rl_pool_finish(rl_pool *p, rl_result *res)
{
    int rc = rl_pool_drain(p, res);
    pthread_mutex_lock(&p->lock);
    p->stop = 1;
    pthread_cond_broadcast(&p->work);
    pthread_mutex_unlock(&p->lock);
    for (unsigned i = 0; i < p->n_threads; i++)
        pthread_join(p->tid[i], NULL);
    for (size_t i = 0; p->slots && i < p->n_slots; i++)
        free(p->slots[i].buf);
    pthread_mutex_destroy(&p->lock);
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->done);
    free(p->slots);
    free(p->tid);
    free(p);
    return rc;
}
