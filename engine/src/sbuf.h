/* sbuf.h — growable byte buffer used to build messages, pointers and output.
 *
 * Invariants: data is always NUL-terminated (when non-NULL) and len excludes
 * the NUL. On allocation failure the buffer sets oom and ignores further
 * appends, so callers check once at the end with rl_sbuf_ok(). */
#ifndef RL_SBUF_H
#define RL_SBUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct rl_sbuf {
    char *data;
    size_t len;
    size_t cap;
    int oom;
} rl_sbuf;

/* clang-format off */
#define RL_SBUF_INIT {NULL, 0, 0, 0}
/* clang-format on */

void rl_sbuf_init(rl_sbuf *b);
void rl_sbuf_free(rl_sbuf *b);
void rl_sbuf_clear(rl_sbuf *b);
int rl_sbuf_ok(const rl_sbuf *b);

/* Room for n more bytes at once (one allocation where appends would grow
 * the buffer several times); on failure the buffer is oom. */
void rl_sbuf_reserve(rl_sbuf *b, size_t n);
void rl_sbuf_add(rl_sbuf *b, const char *s, size_t n);
void rl_sbuf_adds(rl_sbuf *b, const char *s);
void rl_sbuf_addc(rl_sbuf *b, char c);
/* Decimal integers without printf: v as "%lld" does; u zero-padded to at
 * least width digits as "%0*llu" does. */
void rl_sbuf_add_int(rl_sbuf *b, long long v);
void rl_sbuf_add_uint(rl_sbuf *b, unsigned long long u, int width);
void rl_sbuf_printf(rl_sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void rl_sbuf_vprintf(rl_sbuf *b, const char *fmt, va_list ap);

/* A NUL-terminated string (never NULL: "" when empty). */
const char *rl_sbuf_str(const rl_sbuf *b);
/* Hand the heap string to the caller (who frees it); the buffer is emptied. */
char *rl_sbuf_take(rl_sbuf *b);

#endif
