/* hash.c — 64-bit FNV-1a (see hash.h). */
#include "hash.h"

#include <string.h>

uint64_t rl_fnv1a(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++)
        h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

uint64_t rl_fnv1a_str(uint64_t h, const char *s)
{
    return s ? rl_fnv1a(h, s, strlen(s) + 1) : rl_fnv1a(h, "", 1);
}
