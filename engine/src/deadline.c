/* deadline.c — the cooperative deadline and memory budget (see deadline.h). */
#include "deadline.h"

#include <time.h>

double rl_deadline_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void rl_deadline_start(rl_deadline *d, double seconds)
{
    d->at = seconds > 0 ? rl_deadline_now() + seconds : 0;
    d->seconds = seconds > 0 ? seconds : 0;
    d->ticks = 0;
    d->expired = 0;
    d->mem_limit = 0;
    d->mem_used = 0;
}

void rl_deadline_limit_memory(rl_deadline *d, size_t bytes)
{
    d->mem_limit = bytes;
    rl_deadline_charge(d, 0);
}

int rl_deadline_check(rl_deadline *d)
{
    if (!d)
        return 0;
    if (!d->expired && d->at > 0 && rl_deadline_now() >= d->at)
        d->expired = RL_STOP_TIME;
    return d->expired != 0;
}

int rl_deadline_left_ms(rl_deadline *d)
{
    if (d && d->expired)
        return 0;
    if (!d || d->at <= 0)
        return -1;
    double left = rl_deadline_check(d) ? 0 : (d->at - rl_deadline_now()) * 1000;
    if (left <= 0) {
        d->expired = d->expired ? d->expired : RL_STOP_TIME;
        return 0;
    }
    return left >= 1e9 ? 1000000000 : (int)left + 1;
}
