/* check_ndjson_pool.c — a pipeline for the blocks of an NDJSON file or
 * buffer: the calling thread hands each block of whole lines to a queue; N
 * worker threads, each with its own state kept from block to block, check
 * the blocks into results of their own; the calling thread appends the
 * results to the caller's in submission order as they complete. No thread
 * waits for the others at a block's end: a worker takes the next block as
 * soon as it is free, and the caller only waits when every slot holds a
 * block not yet appended.
 *
 * Memory is bounded whatever the number of violations: a block's results
 * are handed over in parts of about PART_BYTES (cut between records); at
 * most PARTS_WAITING parts of a block wait to be appended, then its worker
 * waits until the caller takes them — which it does as soon as the block
 * is the oldest. So at most n_slots blocks and (PARTS_WAITING + 1) parts
 * per slot are held; only one record's violations (--max-violations) are
 * never cut. The oldest block's worker never waits for long: the caller
 * takes its parts whenever it submits or waits, so there is no deadlock.
 *
 * Slot s of the ring holds block number s % n_slots; head..tail are the
 * blocks submitted and not yet appended, next the first not yet taken by a
 * worker. tail, next, stop and the slots' parts, rc and done flags are
 * under lock; head is the caller's alone. */
#include "check_ndjson_pool.h"
#include "result.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS_PER_JOB 3
#define PART_BYTES (256u << 10) /* a part of a block's results is handed over past this */
#define PARTS_WAITING 2         /* parts of a block waiting to be appended at most */

typedef struct slot {
    char *buf;        /* the slot's own buffer, reused (may be NULL) */
    size_t cap;       /* buf holds cap + 1 bytes */
    const char *text; /* the block: in buf, or the caller's text */
    size_t len;
    unsigned first_line;
    rl_result *parts[PARTS_WAITING]; /* handed over, not yet appended */
    size_t n_parts;
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
    pthread_cond_t work;  /* a block was submitted, or stop */
    pthread_cond_t done;  /* a part was handed over or a block checked */
    pthread_cond_t taken; /* the caller took a block's parts */
    pthread_t *tid;
    unsigned n_threads;
};

struct rl_pool_part {
    rl_pool *pool;
    slot *slot;
    rl_result *cur; /* being filled */
};

rl_result *rl_pool_part_result(rl_pool_part *part)
{
    if (!part->cur)
        part->cur = rl_result_new();
    return part->cur;
}

static void hand_over(rl_pool_part *part)
{
    rl_pool *p = part->pool;
    slot *s = part->slot;
    pthread_mutex_lock(&p->lock);
    while (s->n_parts == PARTS_WAITING)
        pthread_cond_wait(&p->taken, &p->lock);
    s->parts[s->n_parts++] = part->cur;
    part->cur = NULL;
    pthread_cond_broadcast(&p->done);
    pthread_mutex_unlock(&p->lock);
}

void rl_pool_part_next(rl_pool_part *part)
{
    if (part->cur && rl_result_bytes(part->cur) >= PART_BYTES)
        hand_over(part);
}

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
        rl_pool_part part = {p, s, NULL};
        int rc = state ? p->fns.check(p->fns.arg, state, s->text, s->len, s->first_line, &part)
                       : -1;
        if (rc == 0 && part.cur)
            hand_over(&part);
        rl_result_free(part.cur);
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
    pthread_cond_init(&p->taken, NULL);
    while (p->slots && p->tid && p->n_threads < jobs &&
           pthread_create(&p->tid[p->n_threads], NULL, worker, p) == 0)
        p->n_threads++;
    if (!p->n_threads) {
        rl_pool_finish(p, NULL);
        return NULL;
    }
    return p;
}

/* Append the parts of the oldest block handed over so far to res (when
 * res; else drop them), waiting for more until the block is done when
 * wait. *finished: the block is done and appended (head moved on).
 * Returns 0, or -1 when out of memory. */
static int take_oldest(rl_pool *p, rl_result *res, int wait, int *finished)
{
    slot *s = &p->slots[p->head % p->n_slots];
    rl_result *parts[PARTS_WAITING];
    int rc = 0;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (wait && !s->n_parts && !s->done)
            pthread_cond_wait(&p->done, &p->lock);
        size_t n = s->n_parts;
        if (!n)
            break;
        memcpy(parts, s->parts, n * sizeof *parts);
        s->n_parts = 0;
        pthread_cond_broadcast(&p->taken);
        pthread_mutex_unlock(&p->lock);
        for (size_t i = 0; i < n; i++) {
            if (rc == 0 && res && rl_result_absorb(res, parts[i]) != 0)
                rc = -1;
            rl_result_free(parts[i]);
        }
        pthread_mutex_lock(&p->lock);
    }
    *finished = s->done;
    if (s->done && s->rc != 0)
        rc = -1;
    pthread_mutex_unlock(&p->lock);
    if (*finished)
        p->head++;
    return rc;
}

/* Append what is ready without waiting, then wait for the oldest block
 * while every slot holds one. */
static int free_slot(rl_pool *p, rl_result *res)
{
    int finished = 1;
    while (p->head != p->tail && finished)
        if (take_oldest(p, res, 0, &finished) != 0)
            return -1;
    while (p->tail - p->head == p->n_slots)
        if (take_oldest(p, res, 1, &finished) != 0)
            return -1;
    return 0;
}

static void publish(rl_pool *p, slot *s, const char *text, size_t len, unsigned first_line)
{
    s->text = text;
    s->len = len;
    s->first_line = first_line;
    s->n_parts = 0;
    s->rc = 0;
    s->done = 0;
    pthread_mutex_lock(&p->lock);
    p->tail++;
    pthread_cond_signal(&p->work);
    pthread_mutex_unlock(&p->lock);
}

int rl_pool_submit(rl_pool *p, char **buf, size_t *cap, size_t len, size_t have,
                   unsigned first_line, rl_result *res)
{
    if (free_slot(p, res) != 0)
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
    publish(p, s, full, len, first_line);
    return 0;
}

int rl_pool_submit_text(rl_pool *p, const char *text, size_t len, unsigned first_line,
                        rl_result *res)
{
    if (free_slot(p, res) != 0)
        return -1;
    publish(p, &p->slots[p->tail % p->n_slots], text, len, first_line);
    return 0;
}

int rl_pool_drain(rl_pool *p, rl_result *res)
{
    int rc = 0, finished;
    while (p->head != p->tail)
        if (take_oldest(p, rc == 0 ? res : NULL, 1, &finished) != 0)
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
    pthread_cond_destroy(&p->taken);
    free(p->slots);
    free(p->tid);
    free(p);
    return rc;
}
