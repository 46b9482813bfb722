/* error.h — filling an rl_error (the public error object) from the engine.
 *
 * Invariants: a message is always NUL-terminated and truncated, never
 * overflowed; line and column are 1-based, 0 meaning "unknown". */
#ifndef RL_ERROR_H
#define RL_ERROR_H

#include "reportlint.h"

#include <stdarg.h>

void rl_error_clear(rl_error *err);
/* An empty error without zeroing the whole message buffer: for errors made
 * on every evaluation of the hot path (rl_error_clear costs 0.5 KB of stores). */
static inline void rl_error_fresh(rl_error *err)
{
    err->message[0] = '\0';
    err->line = err->column = 0;
    err->failed = 0;
}
/* Set message and location (line/column 0 when unknown). err may be NULL. */
void rl_error_set(rl_error *err, unsigned line, unsigned column, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void rl_error_vset(rl_error *err, unsigned line, unsigned column, const char *fmt, va_list ap);
/* Put "prefix: " in front of the current message. */
void rl_error_prefix(rl_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* RL_ASSERT(cond): an invariant of the engine's own code (never a check of
 * input: bad input is an rl_error). In the debug build (-DRL_DEBUG, which
 * make asan and make fuzz use) a false cond prints "file:line: assertion
 * failed: cond" on stderr and aborts; in a release build cond is not
 * evaluated and the macro costs nothing. */
#ifdef RL_DEBUG
#define RL_ASSERT(cond) ((cond) ? (void)0 : rl_assert_fail(#cond, __FILE__, __LINE__))
#else
#define RL_ASSERT(cond) ((void)sizeof(!(cond)))
#endif
_Noreturn void rl_assert_fail(const char *cond, const char *file, int line);

#endif
