/* error.c — the error object: a message and a location. */
#include "error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void rl_error_clear(rl_error *err)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
}

void rl_error_vset(rl_error *err, unsigned line, unsigned column, const char *fmt, va_list ap)
{
    if (!err)
        return;
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    err->line = line;
    err->column = column;
    err->failed = 1;
}

void rl_error_set(rl_error *err, unsigned line, unsigned column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rl_error_vset(err, line, column, fmt, ap);
    va_end(ap);
}

void rl_error_prefix(rl_error *err, const char *fmt, ...)
{
    if (!err)
        return;
    char prefix[256];
    char old[sizeof err->message];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(prefix, sizeof prefix, fmt, ap);
    va_end(ap);
    memcpy(old, err->message, sizeof old);
    snprintf(err->message, sizeof err->message, "%s: %s", prefix, old);
}

_Noreturn void rl_assert_fail(const char *cond, const char *file, int line)
{
    fprintf(stderr, "%s:%d: assertion failed: %s\n", file, line, cond);
    abort();
}
