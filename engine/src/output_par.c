/* output_par.c — the writers' work on several threads (rl_write_opts.jobs),
 * with the bytes of one thread.
 *
 * rl_out_items cuts items [0, n) into chunks of consecutive items; worker
 * threads take the chunks in order and format each into a buffer of its
 * own, and the calling thread writes the buffers out in chunk order as
 * they complete. Only RING chunks per thread are formatted ahead of the
 * writing, so memory holds a bounded part of the output. With one job, or
 * too few items to be worth a thread, the items are appended to the
 * caller's buffer on the calling thread, which is written out and emptied
 * whenever it holds FLUSH_AT bytes: memory holds a bounded part of the
 * output there too (it used to hold all of it), and the buffer is not
 * regrown and copied as the output grows.
 *
 * rl_out_for runs fn on every item, split in one range per thread; the
 * items must be independent. */
#include "output.h"

#include <pthread.h>
#include <stdlib.h>

#define MIN_PARALLEL 512     /* items below which one thread does it all */
#define CHUNKS_PER_JOB 8     /* chunks per thread over the whole run, at least */
#define MAX_CHUNK 4096       /* items per chunk at most */
#define RING 4               /* chunks per thread formatted ahead of the writing */
#define FLUSH_AT (64u << 10) /* bytes a writer's buffer holds before it is written (one thread) */

typedef struct chunk {
    rl_sbuf b;
    int done;
} chunk;

typedef struct items_run {
    rl_out_item_fn fn;
    void *ctx;
    size_t n, per, n_chunks;
    chunk *ring;
    size_t n_ring;
    size_t next;    /* the next chunk to format (under lock) */
    size_t written; /* chunks written out (under lock) */
    int stop;       /* the writing failed: format nothing more */
    pthread_mutex_t lock;
    pthread_cond_t formatted; /* a chunk is done */
    pthread_cond_t freed;     /* a chunk was written: its buffer is free */
} items_run;

static void *format_chunks(void *arg)
{
    items_run *r = arg;
    pthread_mutex_lock(&r->lock);
    for (;;) {
        while (!r->stop && r->next < r->n_chunks && r->next - r->written >= r->n_ring)
            pthread_cond_wait(&r->freed, &r->lock);
        if (r->stop || r->next >= r->n_chunks)
            break;
        size_t c = r->next++;
        chunk *ch = &r->ring[c % r->n_ring];
        pthread_mutex_unlock(&r->lock);
        size_t end = (c + 1) * r->per < r->n ? (c + 1) * r->per : r->n;
        for (size_t i = c * r->per; i < end; i++)
            r->fn(r->ctx, i, &ch->b);
        pthread_mutex_lock(&r->lock);
        ch->done = 1;
        pthread_cond_broadcast(&r->formatted);
    }
    pthread_mutex_unlock(&r->lock);
    return NULL;
}

/* Write the chunks out in order as they are formatted. */
static int write_chunks(items_run *r, FILE *out)
{
    int rc = 0;
    for (size_t c = 0; c < r->n_chunks && rc == 0; c++) {
        chunk *ch = &r->ring[c % r->n_ring];
        pthread_mutex_lock(&r->lock);
        while (!ch->done)
            pthread_cond_wait(&r->formatted, &r->lock);
        pthread_mutex_unlock(&r->lock);
        if (!rl_sbuf_ok(&ch->b) ||
            fwrite(ch->b.data ? ch->b.data : "", 1, ch->b.len, out) != ch->b.len)
            rc = -1;
        rl_sbuf_clear(&ch->b);
        pthread_mutex_lock(&r->lock);
        ch->done = 0;
        r->written++;
        r->stop |= rc != 0;
        pthread_cond_broadcast(&r->freed);
        pthread_mutex_unlock(&r->lock);
    }
    return rc;
}

/* Items [0, n) on the calling thread into b, written out and emptied each
 * time it holds FLUSH_AT bytes (what is left stays in b for the caller). */
static int items_here(FILE *out, rl_sbuf *b, size_t n, rl_out_item_fn fn, void *ctx)
{
    for (size_t i = 0; i < n; i++) {
        fn(ctx, i, b);
        if (b->len < FLUSH_AT)
            continue;
        if (!rl_sbuf_ok(b) || fwrite(b->data, 1, b->len, out) != b->len)
            return -1;
        rl_sbuf_clear(b);
    }
    return 0;
}

static int run_items(items_run *r, unsigned jobs, FILE *out)
{
    pthread_t *tid = malloc(jobs * sizeof *tid);
    unsigned started = 0;
    while (tid && started < jobs && pthread_create(&tid[started], NULL, format_chunks, r) == 0)
        started++;
    if (!started) { /* no thread: everything here */
        free(tid);
        rl_sbuf all = RL_SBUF_INIT;
        int rc = items_here(out, &all, r->n, r->fn, r->ctx);
        return rl_out_flush(&all, out) != 0 ? -1 : rc;
    }
    int rc = write_chunks(r, out);
    for (unsigned i = 0; i < started; i++)
        pthread_join(tid[i], NULL);
    free(tid);
    return rc;
}

int rl_out_items(FILE *out, rl_sbuf *b, size_t n, unsigned jobs, rl_out_item_fn fn, void *ctx)
{
    if (jobs <= 1 || n < MIN_PARALLEL)
        return items_here(out, b, n, fn, ctx);
    size_t per = n / ((size_t)jobs * CHUNKS_PER_JOB) + 1;
    per = per > MAX_CHUNK ? MAX_CHUNK : per;
    items_run r = {fn,
                   ctx,
                   n,
                   per,
                   (n + per - 1) / per,
                   NULL,
                   (size_t)jobs * RING,
                   0,
                   0,
                   0,
                   PTHREAD_MUTEX_INITIALIZER,
                   PTHREAD_COND_INITIALIZER,
                   PTHREAD_COND_INITIALIZER};
    r.ring = calloc(r.n_ring, sizeof *r.ring);
    int rc = r.ring && rl_sbuf_ok(b) ? 0 : -1;
    if (rc == 0 && fwrite(b->data ? b->data : "", 1, b->len, out) != b->len) /* what comes before */
        rc = -1;
    rl_sbuf_clear(b);
    if (rc == 0)
        rc = run_items(&r, jobs, out);
    for (size_t i = 0; r.ring && i < r.n_ring; i++)
        rl_sbuf_free(&r.ring[i].b);
    free(r.ring);
    pthread_mutex_destroy(&r.lock);
    pthread_cond_destroy(&r.formatted);
    pthread_cond_destroy(&r.freed);
    return rc;
}

typedef struct range_run {
    void (*fn)(void *ctx, size_t i);
    void *ctx;
    size_t from, to;
} range_run;

static void *run_range(void *arg)
{
    range_run *r = arg;
    for (size_t i = r->from; i < r->to; i++)
        r->fn(r->ctx, i);
    return NULL;
}

void rl_out_for(size_t n, unsigned jobs, void (*fn)(void *ctx, size_t i), void *ctx)
{
    if (jobs <= 1 || n < MIN_PARALLEL)
        jobs = 1;
    range_run *r = malloc(jobs * sizeof *r);
    pthread_t *tid = malloc(jobs * sizeof *tid);
    int *started = calloc(jobs, sizeof *started);
    if (!r || !tid || !started) {
        free(r);
        free(tid);
        free(started);
        range_run all = {fn, ctx, 0, n};
        run_range(&all);
        return;
    }
    for (unsigned t = 0; t < jobs; t++)
        r[t] = (range_run){fn, ctx, n * t / jobs, n * (t + 1) / jobs};
    for (unsigned t = 1; t < jobs; t++)
        started[t] = pthread_create(&tid[t], NULL, run_range, &r[t]) == 0;
    run_range(&r[0]);
    for (unsigned t = 1; t < jobs; t++) {
        if (started[t])
            pthread_join(tid[t], NULL);
        else
            run_range(&r[t]); /* no thread: here */
    }
    free(r);
    free(tid);
    free(started);
}
