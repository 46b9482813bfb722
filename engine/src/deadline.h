/* deadline.h — a cooperative stop: a deadline (--timeout) and a memory
 * budget (--max-memory), checked in loops.
 *
 * Long work (the rules of one report, a JSONPath walk, a JSON Schema
 * validation, a loop over input) calls rl_deadline_hit at each step: it
 * reads the monotonic clock only every RL_DEADLINE_STRIDE calls, so a step
 * costs an increment and a test, and work stops soon after the deadline
 * with no signal or jump. The memory the work holds is charged to the same
 * object (arenas with it as their meter, JSONPath result lists, kept
 * violations): past the budget it is hit too, and `expired` says which
 * (RL_STOP_TIME, RL_STOP_MEMORY). Once hit, a deadline stays hit. One
 * deadline belongs to one thread; a NULL deadline, or one started with 0
 * seconds and no memory budget, never expires. */
#ifndef RL_DEADLINE_H
#define RL_DEADLINE_H

#define RL_DEADLINE_STRIDE 64u

#include <stddef.h>

#define RL_STOP_TIME 1   /* the deadline passed */
#define RL_STOP_MEMORY 2 /* the memory charged passed the budget */

typedef struct rl_deadline {
    double at;        /* CLOCK_MONOTONIC seconds; 0: none */
    double seconds;   /* as started (for the notice) */
    unsigned ticks;   /* calls since the clock was last read */
    int expired;      /* 0, or why it stopped: RL_STOP_TIME, RL_STOP_MEMORY */
    size_t mem_limit; /* bytes; 0: no budget */
    size_t mem_used;  /* bytes charged and not released */
} rl_deadline;

/* Seconds on the monotonic clock. */
double rl_deadline_now(void);
/* Expire `seconds` from now (<= 0: never), with no memory budget. */
void rl_deadline_start(rl_deadline *d, double seconds);
/* Stop once more than `bytes` are charged (0: never). */
void rl_deadline_limit_memory(rl_deadline *d, size_t bytes);
/* Read the clock now: 1 when the deadline has passed. */
int rl_deadline_check(rl_deadline *d);

/* Milliseconds left, rounded up (a wait such as poll() takes): -1 when
 * there is no deadline, 0 once it has passed (then marked expired). */
int rl_deadline_left_ms(rl_deadline *d);

/* 1 once the deadline has passed (the clock read every RL_DEADLINE_STRIDE
 * calls). */
static inline int rl_deadline_hit(rl_deadline *d)
{
    if (!d)
        return 0;
    if (d->expired)
        return 1;
    if (d->at <= 0)
        return 0;
    if (++d->ticks < RL_DEADLINE_STRIDE)
        return 0;
    d->ticks = 0;
    return rl_deadline_check(d);
}

/* Charge n bytes of memory the work now holds (d may be NULL); past the
 * budget the deadline is hit (RL_STOP_MEMORY). */
static inline void rl_deadline_charge(rl_deadline *d, size_t n)
{
    if (!d)
        return;
    d->mem_used += n;
    if (d->mem_limit && d->mem_used > d->mem_limit && !d->expired)
        d->expired = RL_STOP_MEMORY;
}

/* Stop now, for reason why (RL_STOP_TIME, RL_STOP_MEMORY). */
static inline void rl_deadline_stop(rl_deadline *d, int why)
{
    if (!d->expired)
        d->expired = why;
}

/* Give back n bytes charged before (the memory was freed). */
static inline void rl_deadline_release(rl_deadline *d, size_t n)
{
    if (d)
        d->mem_used -= n < d->mem_used ? n : d->mem_used;
}

#endif
