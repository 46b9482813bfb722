/* cli_jobs.c — checking the inputs on -j N threads, with output that does
 * not depend on N.
 *
 * An NDJSON / JSON Lines file is checked on its own, its records spread
 * over the N threads by the library (rl_check_opts.jobs). Other files are
 * taken in batches: each file of a batch is checked on some thread into a
 * result of its own, and the batch's results are then merged into the run's
 * result in input order (rl_result_merge) as soon as it and every file
 * before it are done — so the violations, the counts and what a streaming
 * listener writes are those of -j 1, and a slow file holds back only the
 * output of the files after it. The per-file
 * options (configuration overrides) are worked out on this thread before a
 * batch starts; the loaded rules are shared read-only. */
#include "cli_config.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct task {
    const char *file;
    rl_check_opts opts;
    rl_rule_severity *sev; /* opts.severities, copied */
    rl_result *res;
    int rc;
    int done; /* under batch.lock */
} task;

typedef struct batch {
    const rl_rules *rules;
    task *tasks;
    size_t n;
    atomic_size_t next;
    pthread_mutex_t lock;
    pthread_cond_t done; /* a task is done */
} batch;

static int is_ndjson(const char *name)
{
    size_t n = strlen(name);
    return (n > 7 && strcmp(name + n - 7, ".ndjson") == 0) ||
           (n > 6 && strcmp(name + n - 6, ".jsonl") == 0);
}

unsigned cli_jobs(const cli_opts *o)
{
    if (o->jobs > 0)
        return (unsigned)o->jobs;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (n > 1024 ? 1024 : (unsigned)n) : 1;
}

static void *work(void *arg)
{
    batch *b = arg;
    for (size_t i; (i = atomic_fetch_add(&b->next, 1)) < b->n;) {
        task *t = &b->tasks[i];
        t->rc = t->res ? rl_check_file(b->rules, &t->opts, t->file, t->res) : -1;
        pthread_mutex_lock(&b->lock);
        t->done = 1;
        pthread_cond_broadcast(&b->done);
        pthread_mutex_unlock(&b->lock);
    }
    return NULL;
}

static int task_init(task *t, const char *file, const rl_check_opts *fopts)
{
    memset(t, 0, sizeof *t);
    t->file = file;
    t->opts = *fopts;
    t->opts.jobs = 1;
    if (fopts->n_severities) {
        t->sev = malloc(fopts->n_severities * sizeof *t->sev);
        if (!t->sev)
            return -1;
        memcpy(t->sev, fopts->severities, fopts->n_severities * sizeof *t->sev);
        t->opts.severities = t->sev;
    }
    t->res = rl_result_new();
    return t->res ? 0 : -1;
}

static void wait_done(batch *b, size_t i)
{
    pthread_mutex_lock(&b->lock);
    while (!b->tasks[i].done)
        pthread_cond_wait(&b->done, &b->lock);
    pthread_mutex_unlock(&b->lock);
}

/* Check files[0..n) on up to jobs threads; this one merges each result in
 * order as soon as it is done (or checks the files itself when no thread
 * could be started). */
static int run_batch(const rl_rules *rules, const rl_check_opts *copts, const char *const *files,
                     size_t n, unsigned jobs, rl_result *res, cli_policy *pol)
{
    task *tasks = calloc(n, sizeof *tasks);
    pthread_t *tid = calloc(jobs, sizeof *tid);
    int rc = tasks && tid ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < n; i++)
        rc = task_init(&tasks[i], files[i], cli_policy_file_opts(pol, files[i], copts));
    batch b = {
        rules, tasks, rc == 0 ? n : 0, 0, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER};
    unsigned started = 0;
    while (rc == 0 && started < jobs && started < n &&
           pthread_create(&tid[started], NULL, work, &b) == 0)
        started++;
    if (!started)
        work(&b);
    for (size_t i = 0; i < b.n; i++) {
        wait_done(&b, i);
        if (rc == 0 && (tasks[i].rc != 0 || rl_result_merge(res, tasks[i].res) != 0)) {
            fprintf(stderr, "reportlint: out of memory checking %s\n", tasks[i].file);
            rc = -1;
        }
        rl_result_free(tasks[i].res);
        tasks[i].res = NULL;
    }
    for (unsigned i = 0; i < started; i++)
        pthread_join(tid[i], NULL);
    for (size_t i = 0; tasks && i < n; i++) {
        rl_result_free(tasks[i].res);
        free(tasks[i].sev);
    }
    pthread_mutex_destroy(&b.lock);
    pthread_cond_destroy(&b.done);
    free(tasks);
    free(tid);
    return rc;
}

int cli_check_files(const rl_rules *rules, const rl_check_opts *copts, const char *const *files,
                    size_t n, unsigned jobs, rl_result *res, cli_policy *pol)
{
    size_t i = 0;
    while (i < n) {
        if (jobs <= 1 || is_ndjson(files[i])) {
            rl_check_opts fopts = *cli_policy_file_opts(pol, files[i], copts);
            fopts.jobs = jobs;
            if (rl_check_file(rules, &fopts, files[i], res) != 0) {
                fprintf(stderr, "reportlint: out of memory checking %s\n", files[i]);
                return -1;
            }
            i++;
            continue;
        }
        size_t k = i; /* a batch: the next files that are not NDJSON */
        while (k < n && !is_ndjson(files[k]))
            k++;
        if (run_batch(rules, copts, files + i, k - i, jobs, res, pol) != 0)
            return -1;
        i = k;
    }
    return 0;
}
