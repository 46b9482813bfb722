/* check_ndjson.c — NDJSON / JSON Lines inputs: one report per line.
 *
 * The file is read in blocks, never whole: memory holds one block of
 * complete lines (grown only for a line longer than a block) and, per
 * thread, the records being checked. Each record is parsed and checked on
 * its own; its positions are lines and columns of the whole file (the
 * record's document is told its line) and its pointers are within the
 * record. A trailing CR is dropped (CRLF files), blank lines are skipped, a
 * last line without a newline is a record, and a line that is not JSON is
 * an `input` violation at its line and column — the next lines are still
 * checked. A record longer than the --max-size limit is an `input`
 * violation at its line, and is skipped without being held in memory.
 *
 * With opts->jobs > 1 a file's blocks go to a pool of threads
 * (check_ndjson_pool.c) and a buffer's block is cut at line boundaries
 * into one piece per thread; each block or piece is checked into its own
 * result, appended to the caller's result in file order, so violations,
 * counts and anything a listener writes are the same as with one thread. */
#include "check.h"
#include "check_ndjson_pool.h"
#include "error.h"
#include "json.h"
#include "result.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BLOCK_PER_JOB (4u << 20) /* bytes of lines read per thread at a time (one block) */
#define POOL_BLOCK (1u << 20)    /* bytes of lines per block handed to the pool (-j > 1) */
#define MAX_JOBS 256

typedef struct ndjson_run {
    const rl_rules *rules;
    const rl_check_opts *opts;
    rl_lang lang;
    const char *file;
    rl_check_limits lim;
} ndjson_run;

/* One piece of a block: whole lines, the first at line first_line. */
typedef struct piece {
    const ndjson_run *run;
    const char *text;
    size_t len;
    unsigned first_line;
    rl_result *res;
    int rc;
} piece;

int rl_is_ndjson_name(const char *name)
{
    size_t n = name ? strlen(name) : 0;
    return (n > 7 && strcmp(name + n - 7, ".ndjson") == 0) || (n > 6 && strcmp(name + n - 6, ".jsonl") == 0);
}

static int blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

size_t rl_ndjson_record(const char *text, size_t len, size_t n, const char **rec, size_t *rec_len,
                        unsigned *line)
{
    size_t seen = 0;
    for (unsigned ln = 1; len; ln++) {
        const char *nl = memchr(text, '\n', len);
        size_t k = nl ? (size_t)(nl - text) : len;
        if (!blank(text, k) && ++seen == n) {
            *rec = text;
            *rec_len = k && text[k - 1] == '\r' ? k - 1 : k;
            *line = ln;
            return 0;
        }
        k += nl != NULL;
        text += k;
        len -= k;
    }
    return seen;
}

/* What one thread reuses from record to record: the check's plan, the
 * parsed document and the evaluation arena (no allocation per record once
 * they are warm). */
typedef struct scratch {
    rl_check_plan *plan;
    rl_jdoc *doc;
    rl_arena *arena;
    rl_regex_md *md;
} scratch;

static int parse_record(const ndjson_run *r, scratch *sc, const char *s, size_t len, rl_error *err)
{
    rl_json_limits lim = {r->opts ? r->opts->max_depth : 0, r->lim.max_string};
    if (sc->doc)
        return rl_jdoc_reparse(sc->doc, s, len, &lim, err);
    sc->doc = rl_json_parse(s, len, &lim, err);
    return sc->doc ? 0 : -1;
}

static void check_record(const ndjson_run *r, scratch *sc, const char *s, size_t len, unsigned line,
                         rl_result *res)
{
    if (len && s[len - 1] == '\r')
        len--;
    if (blank(s, len))
        return;
    if (r->lim.max_size && len > r->lim.max_size) {
        rl_check_too_large(res, r->file, "record", line, r->lim.max_size, r->rules->catalog, r->lang);
        return;
    }
    rl_error err;
    rl_error_fresh(&err);
    if (parse_record(r, sc, s, len, &err) != 0) {
        rl_check_input_msg(res, r->file, "", err.line ? err.line + line - 1 : line, err.column,
                           r->rules->catalog, r->lang, RL_MSG_INVALID_JSON, err.message);
        return;
    }
    sc->doc->line_base = line - 1;
    rl_check_doc_in(r->rules, sc->plan, r->lang, r->file, sc->doc, res, sc->arena, sc->md);
}

static int scratch_init(const ndjson_run *r, scratch *sc)
{
    *sc = (scratch){rl_check_plan_new(r->rules, r->opts), NULL, rl_arena_new(16 * 1024),
                    rl_regex_md_new()};
    return sc->plan && sc->arena && sc->md ? 0 : -1;
}

static void scratch_free(scratch *sc)
{
    rl_jdoc_free(sc->doc);
    rl_check_plan_free(sc->plan);
    rl_arena_free(sc->arena);
    rl_regex_md_free(sc->md);
}

/* Check every line of text (the last may lack its newline) with sc. */
static void check_text(const ndjson_run *r, scratch *sc, const char *text, size_t len,
                       unsigned first_line, rl_result *res)
{
    unsigned line = first_line;
    while (len) {
        const char *nl = memchr(text, '\n', len);
        size_t n = nl ? (size_t)(nl - text) : len;
        check_record(r, sc, text, n, line++, res);
        n += nl != NULL;
        text += n;
        len -= n;
    }
}

/* Check every line of text (the last may lack its newline). */
static int check_lines(const ndjson_run *r, const char *text, size_t len, unsigned first_line,
                       rl_result *res)
{
    scratch sc;
    int rc = scratch_init(r, &sc);
    if (rc == 0)
        check_text(r, &sc, text, len, first_line, res);
    scratch_free(&sc);
    return rc;
}

static unsigned count_lines(const char *s, size_t len)
{
    unsigned n = 0;
    for (const char *end = s + len; (s = memchr(s, '\n', (size_t)(end - s))) != NULL; s++)
        n++;
    return n;
}

/* The pool's side (-j > 1, files): one scratch per worker thread. */
static void *pool_state_new(const void *arg)
{
    scratch *sc = malloc(sizeof *sc);
    if (sc && scratch_init(arg, sc) != 0) {
        scratch_free(sc);
        free(sc);
        sc = NULL;
    }
    return sc;
}

static void pool_state_free(void *state)
{
    scratch_free(state);
    free(state);
}

static int pool_check(const void *arg, void *state, const char *text, size_t len,
                      unsigned first_line, rl_result *res)
{
    check_text(arg, state, text, len, first_line, res);
    return 0;
}

static void *check_piece(void *arg)
{
    piece *p = arg;
    p->rc = check_lines(p->run, p->text, p->len, p->first_line, p->res);
    return NULL;
}

/* Check a block of whole lines on up to jobs threads (this one included)
 * and append the pieces' results to res in order. */
static int check_block(const ndjson_run *r, const char *text, size_t len, unsigned first_line,
                       unsigned jobs, rl_result *res)
{
    if (jobs <= 1 || len < 2 * 4096)
        return check_lines(r, text, len, first_line, res);
    piece p[MAX_JOBS];
    pthread_t tid[MAX_JOBS];
    int started[MAX_JOBS] = {0};
    unsigned n = 0, line = first_line;
    int rc = 0;
    for (size_t at = 0; at < len && n < jobs; n++) {
        size_t want = n + 1 == jobs ? len - at : len / jobs;
        const char *nl = want < len - at ? memchr(text + at + want, '\n', len - at - want) : NULL;
        size_t end = nl ? (size_t)(nl - text) + 1 : len;
        p[n] = (piece){r, text + at, end - at, line, rl_result_new(), 0};
        if (!p[n].res)
            rc = -1;
        line += count_lines(text + at, end - at);
        at = end;
    }
    for (unsigned i = 1; rc == 0 && i < n; i++)
        started[i] = pthread_create(&tid[i], NULL, check_piece, &p[i]) == 0;
    if (rc == 0)
        check_piece(&p[0]);
    for (unsigned i = 1; i < n; i++) {
        if (started[i])
            pthread_join(tid[i], NULL);
        else if (rc == 0)
            check_piece(&p[i]); /* no thread: check it here */
    }
    for (unsigned i = 0; i < n; i++) {
        if (rc == 0 && (p[i].rc != 0 || rl_result_absorb(res, p[i].res) != 0))
            rc = -1;
        rl_result_free(p[i].res);
    }
    return rc;
}

static const char *last_newline(const char *s, size_t len)
{
    while (len && s[len - 1] != '\n')
        len--;
    return len ? s + len - 1 : NULL;
}

static unsigned jobs_of(const rl_check_opts *opts)
{
    unsigned j = opts && opts->jobs ? opts->jobs : 1;
    return j > MAX_JOBS ? MAX_JOBS : j;
}

int rl_check_ndjson_buffer(const rl_rules *rules, const rl_check_opts *opts, rl_lang lang,
                           const char *name, const char *text, size_t len, unsigned first_line,
                           rl_result *res)
{
    ndjson_run r = {rules, opts, lang, name, {0}};
    rl_check_limits_of(opts, &r.lim);
    return check_block(&r, text, len, first_line ? first_line : 1, jobs_of(opts), res);
}

/* Read until buf holds at least one newline past *have or the file ends;
 * grows buf for a line longer than it, never past max + 1 bytes (max: the
 * record limit, 0 none), so a record over the limit is never held whole.
 * Returns bytes read, 0 at the end, -1 with errno on a read error. */
static ssize_t fill(int fd, char **buf, size_t *cap, size_t *have, size_t max)
{
    if (*have == *cap) {
        size_t want = *cap * 2;
        if (max && want > max + 1 && *cap < max + 1)
            want = max + 1;
        char *more = realloc(*buf, want + 1);
        if (!more)
            return -1;
        *buf = more;
        *cap = want;
    }
    ssize_t n;
    do
        n = read(fd, *buf + *have, *cap - *have);
    while (n < 0 && errno == EINTR);
    if (n > 0)
        *have += (size_t)n;
    return n;
}

int rl_check_ndjson_fd(const rl_rules *rules, const rl_check_opts *opts, rl_lang lang,
                       const char *name, int fd, int *errnum, rl_result *res)
{
    ndjson_run r = {rules, opts, lang, name, {0}};
    rl_check_limits_of(opts, &r.lim);
    unsigned jobs = jobs_of(opts), line = 1;
    int skipping = 0; /* in a record longer than max_size: drop it up to its newline */
    rl_pool_fns fns = {pool_state_new, pool_state_free, pool_check, &r};
    rl_pool *pool = jobs > 1 ? rl_pool_new(&fns, jobs) : NULL;
    size_t cap = pool ? POOL_BLOCK : (size_t)BLOCK_PER_JOB * jobs, have = 0;
    char *buf = malloc(cap + 1);
    int rc = buf ? 0 : -1;
    ssize_t got = 1;
    while (rc == 0 && got > 0) {
        if ((got = fill(fd, &buf, &cap, &have, r.lim.max_size)) < 0) {
            *errnum = errno ? errno : ENOMEM;
            break;
        }
        if (skipping) {
            const char *nl = memchr(buf, '\n', have);
            size_t drop = nl ? (size_t)(nl - buf) + 1 : have;
            memmove(buf, buf + drop, have - drop);
            have -= drop;
            skipping = !nl;
            line += nl != NULL;
            if (skipping || !have)
                continue;
        }
        size_t done = have; /* at the end: everything, else up to the last newline */
        if (got > 0 && have < cap)
            continue; /* read until the block is full or the file ends */
        if (got > 0) {
            const char *nl = last_newline(buf, have);
            if (!nl && r.lim.max_size && have > r.lim.max_size) {
                if (pool && rl_pool_drain(pool, res) != 0) {
                    rc = -1;
                    break;
                }
                rl_check_too_large(res, name, "record", line, r.lim.max_size, rules->catalog, lang);
                have = 0;
                skipping = 1;
                continue;
            }
            if (!nl)
                continue; /* one long line: grow */
            done = (size_t)(nl - buf) + 1;
        }
        unsigned lines = count_lines(buf, done);
        if (pool) {
            rc = rl_pool_submit(pool, &buf, &cap, done, have, line, res);
        } else {
            rc = check_block(&r, buf, done, line, jobs, res);
            memmove(buf, buf + done, have - done);
        }
        line += lines;
        have -= done;
    }
    if (pool && rl_pool_finish(pool, res) != 0)
        rc = -1;
    free(buf);
    return rc;
}
