/* hash.c — 64-bit FNV-1a (see hash.h). */
#include "hash.h"

#include <string.h>

#define FNV_PRIME 1099511628211ull

uint64_t rl_fnv1a(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data, *end = p + len;
    for (; end - p >= 8; p += 8) { /* 8 bytes a turn: the same value, an eighth of the loop tests */
        h = (h ^ p[0]) * FNV_PRIME;
        h = (h ^ p[1]) * FNV_PRIME;
        h = (h ^ p[2]) * FNV_PRIME;
        h = (h ^ p[3]) * FNV_PRIME;
        h = (h ^ p[4]) * FNV_PRIME;
        h = (h ^ p[5]) * FNV_PRIME;
        h = (h ^ p[6]) * FNV_PRIME;
        h = (h ^ p[7]) * FNV_PRIME;
    }
    for (; p < end; p++)
        h = (h ^ *p) * FNV_PRIME;
    return h;
}

uint64_t rl_fnv1a_str(uint64_t h, const char *s)
{
    return s ? rl_fnv1a(h, s, strlen(s) + 1) : rl_fnv1a(h, "", 1);
}
