/* fuzz.h — what every fuzz target shares: the libFuzzer entry point and
 * helpers to split an input into parts. Targets are built two ways: with
 * clang -fsanitize=fuzzer for `make fuzz`, and with replay_main.c as a plain
 * program that replays the regression inputs in tests/fuzz/regressions/
 * during `make check`. */
#ifndef RL_FUZZ_H
#define RL_FUZZ_H

#include "reportlint.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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

/* The fixed rule set of a target that fuzzes something else (a report, a
 * configuration): loaded once per process, on the first input, and shared
 * read-only by every input after it (as the CLI shares one rule set among
 * all the files it checks); freed at exit. Aborts when it does not load.
 * Targets are single-translation-unit programs, so each has its own. */
static rl_rules *fuzz_rules_once;

static inline void fuzz_rules_free(void)
{
    rl_rules_free(fuzz_rules_once);
    fuzz_rules_once = NULL;
}

static inline const rl_rules *fuzz_fixed_rules(const char *name, const char *json, size_t len)
{
    if (fuzz_rules_once)
        return fuzz_rules_once;
    fuzz_rules_once = rl_rules_new();
    if (!fuzz_rules_once || rl_rules_load_buffer(fuzz_rules_once, name, json, len) != 0)
        abort(); /* the fixed rule set must load */
    atexit(fuzz_rules_free);
    return fuzz_rules_once;
}

/* Write a result as text and as JSON to /dev/null (the writers read every
 * violation and the summary). */
static inline void fuzz_write_all(const rl_result *res, const rl_rules *rules)
{
    FILE *sink = fopen("/dev/null", "w");
    if (!sink)
        return;
    rl_write(sink, RL_FORMAT_TEXT, res, rules);
    rl_write(sink, RL_FORMAT_JSON, res, rules);
    fclose(sink);
}

#endif
