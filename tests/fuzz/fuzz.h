/* fuzz.h — what every fuzz target shares: the libFuzzer entry point and
 * helpers to split an input into parts. Targets are built two ways: with
 * clang -fsanitize=fuzzer for `make fuzz`, and with replay_main.c as a plain
 * program that replays the regression inputs in tests/fuzz/regressions/
 * during `make check`. */
#ifndef RL_FUZZ_H
#define RL_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Split data at the first NUL byte (or newline when nul is 0): *a gets the
 * part before, *b the rest. Returns 0 when there is no separator. */
static inline int fuzz_split(const uint8_t *data, size_t size, int sep, const uint8_t **b,
                             size_t *alen, size_t *blen)
{
    const uint8_t *p = memchr(data, sep, size);
    if (!p)
        return 0;
    *alen = (size_t)(p - data);
    *b = p + 1;
    *blen = size - *alen - 1;
    return 1;
}

#endif
