/* sbuf.c — growable byte buffer (see sbuf.h for the invariants). */
#include "sbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void rl_sbuf_init(rl_sbuf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}

void rl_sbuf_free(rl_sbuf *b)
{
    free(b->data);
    rl_sbuf_init(b);
}

void rl_sbuf_clear(rl_sbuf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

int rl_sbuf_ok(const rl_sbuf *b)
{
    return !b->oom;
}

static int reserve(rl_sbuf *b, size_t extra)
{
    if (b->oom)
        return 0;
    if (b->len + extra + 1 <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) {
        if (cap > ((size_t)-1) / 2) {
            b->oom = 1;
            return 0;
        }
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p) {
        b->oom = 1;
        return 0;
    }
    b->data = p;
    b->cap = cap;
    return 1;
}

void rl_sbuf_reserve(rl_sbuf *b, size_t n)
{
    reserve(b, n);
}

void rl_sbuf_add(rl_sbuf *b, const char *s, size_t n)
{
    if (!reserve(b, n))
        return;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void rl_sbuf_adds(rl_sbuf *b, const char *s)
{
    rl_sbuf_add(b, s, strlen(s));
}

void rl_sbuf_addc(rl_sbuf *b, char c)
{
    if (b->len + 2 > b->cap && !reserve(b, 1))
        return;
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

void rl_sbuf_add_uint(rl_sbuf *b, unsigned long long u, int width)
{
    char d[24];
    size_t i = sizeof d;
    do {
        d[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    while (i > 0 && (int)(sizeof d - i) < width)
        d[--i] = '0';
    rl_sbuf_add(b, d + i, sizeof d - i);
}

void rl_sbuf_add_int(rl_sbuf *b, long long v)
{
    if (v < 0)
        rl_sbuf_addc(b, '-');
    rl_sbuf_add_uint(b, v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v, 0);
}

void rl_sbuf_vprintf(rl_sbuf *b, const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0 || !reserve(b, (size_t)n))
        return;
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void rl_sbuf_printf(rl_sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rl_sbuf_vprintf(b, fmt, ap);
    va_end(ap);
}

const char *rl_sbuf_str(const rl_sbuf *b)
{
    return b->data ? b->data : "";
}

char *rl_sbuf_take(rl_sbuf *b)
{
    char *s = b->data;
    if (!s) {
        s = malloc(1);
        if (s)
            s[0] = '\0';
    }
    rl_sbuf_init(b);
    return s;
}
