/* array.c — growing arrays with overflow-checked sizes (see array.h). */
#include "array.h"
#include "error.h"

#include <stdint.h>
#include <stdlib.h>

void *rl_array_resize(void *items, size_t n, size_t size)
{
    if (n == 0 || size == 0 || n > SIZE_MAX / size)
        return NULL;
    return realloc(items, n * size);
}

void *rl_array_grow(void *items, size_t *cap, size_t need, size_t size)
{
    RL_ASSERT(size > 0 && (items != NULL || *cap == 0));
    if (need <= *cap && items)
        return items;
    size_t c = *cap ? *cap : 8;
    while (c < need) {
        if (c > SIZE_MAX / 2)
            return NULL;
        c *= 2;
    }
    void *more = rl_array_resize(items, c, size);
    if (more)
        *cap = c;
    return more;
}
