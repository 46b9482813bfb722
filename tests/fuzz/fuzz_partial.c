/* fuzz_partial.c — the partial-state reader (rl_result_read_partial, what
 * `reportlint merge` reads from outside): the input is a state file. It is
 * read twice: as it is, and after the header of the target's own rule set
 * (so that the fuzzer gets past the rules-hash check to the group lines).
 * A state that reads is judged, written again, and read back: the second
 * writing must give the same bytes as the first. Any bytes give a located
 * error or a working state, never a crash, a leak or a hang. The rule set
 * is loaded once per process (fuzz_fixed_rules). */
#include "fuzz.h"
#include "reportlint.h"

#include <stdio.h>
#include <stdlib.h>

static const char rules_json[] =
    "{\"ruleset\": \"fuzz-partial\", \"rules\": ["
    "{\"id\": \"S\", \"kind\": \"sum\", \"scope\": \"collection\", \"group\": \"@.g\","
    " \"each\": \"$[?@.n]\", \"total\": \"@.t\", \"parts\": \"$[*].p\"},"
    "{\"id\": \"A\", \"kind\": \"threshold\", \"scope\": \"collection\","
    " \"value\": \"avg($[*].v) + count($[*]) + max($[*].v)\", \"min\": 0},"
    "{\"id\": \"P\", \"kind\": \"expr\", \"scope\": \"collection\", \"group\": \"@.g\", \"order\": \"@.o\","
    " \"assert\": \"@.v >= previous(@.v)\", \"at\": \"@.v\"},"
    "{\"id\": \"C\", \"kind\": \"cadence\", \"scope\": \"collection\", \"dates\": \"$[*].d\","
    " \"every\": \"month\", \"from\": \"2025-01\", \"to\": \"2025-03\"},"
    "{\"id\": \"U\", \"kind\": \"unique\", \"scope\": \"collection\", \"items\": \"$[*]\", \"key\": \"@.id\"}]}";

static char *write_state(const rl_result *res, const rl_rules *rules, size_t *len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    if (!f)
        return NULL;
    int rc = rl_result_write_partial(res, rules, f);
    fclose(f);
    if (rc != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

static void read_one(const rl_rules *rules, const char *text, size_t len)
{
    rl_result *res = rl_result_new();
    rl_error err;
    if (res && rl_result_read_partial(res, rules, "fuzz.state", text, len, &err) == 0) {
        size_t n1 = 0, n2 = 0;
        char *once = write_state(res, rules, &n1);
        rl_result *again = rl_result_new();
        if (once && again && rl_result_read_partial(again, rules, "again", once, n1, &err) != 0)
            abort(); /* what was written must read back */
        char *twice = again ? write_state(again, rules, &n2) : NULL;
        if (once && twice && (n1 != n2 || memcmp(once, twice, n1) != 0))
            abort(); /* and give the same state */
        rl_result_judge(rules, NULL, res);
        rl_result_free(again);
        free(once);
        free(twice);
    }
    rl_result_free(res);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const rl_rules *rules = fuzz_fixed_rules("fuzz.json", rules_json, sizeof rules_json - 1);
    read_one(rules, (const char *)data, size);
    /* the header of these rules, then the input */
    rl_result *empty = rl_result_new();
    size_t hlen = 0;
    char *header = empty ? write_state(empty, rules, &hlen) : NULL;
    char *both = header ? malloc(hlen + size + 1) : NULL;
    if (both) {
        memcpy(both, header, hlen);
        memcpy(both + hlen, data, size);
        read_one(rules, both, hlen + size);
    }
    free(both);
    free(header);
    rl_result_free(empty);
    return 0;
}
