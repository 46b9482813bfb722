/* deadline.h — a cooperative deadline (--timeout), checked in loops.
 *
 * Long work (the rules of one report, a JSONPath walk, a JSON Schema
 * validation, a loop over input) calls rl_deadline_hit at each step: it
 * reads the monotonic clock only every RL_DEADLINE_STRIDE calls, so a step
 * costs an increment and a test, and work stops soon after the deadline
 * with no signal or jump. Once hit, a deadline stays hit. One deadline
 * belongs to one thread; a NULL deadline or one started with 0 seconds
 * never expires. */
#ifndef RL_DEADLINE_H
#define RL_DEADLINE_H

#define RL_DEADLINE_STRIDE 64u

typedef struct rl_deadline {
    double at;      /* CLOCK_MONOTONIC seconds; 0: none */
    unsigned ticks; /* calls since the clock was last read */
    int expired;
} rl_deadline;

/* Seconds on the monotonic clock. */
double rl_deadline_now(void);
/* Expire `seconds` from now (<= 0: never). */
void rl_deadline_start(rl_deadline *d, double seconds);
/* Read the clock now: 1 when the deadline has passed. */
int rl_deadline_check(rl_deadline *d);

/* Milliseconds left, rounded up (a wait such as poll() takes): -1 when
 * there is no deadline, 0 once it has passed (then marked expired). */
int rl_deadline_left_ms(rl_deadline *d);

/* 1 once the deadline has passed (the clock read every RL_DEADLINE_STRIDE
 * calls). */
static inline int rl_deadline_hit(rl_deadline *d)
{
    if (!d || d->at <= 0)
        return 0;
    if (d->expired)
        return 1;
    if (++d->ticks < RL_DEADLINE_STRIDE)
        return 0;
    d->ticks = 0;
    return rl_deadline_check(d);
}

#endif
