/* fuzz_rules.c — the rule-set loader: any bytes load cleanly or give
 * located diagnostics; a clean rule set checks a fixed report and writes
 * both output formats. */
#include "fuzz.h"
#include "reportlint.h"

#include <stdio.h>
#include <stdlib.h>

static const char report[] =
    "{\"report\": {\"as_of\": \"2025-09-29\"}, \"tasks\": {\"reviewed\": 2541, \"a\": 1377, "
    "\"b\": 1164}, \"staff\": 24382, \"centres\": 3139, \"avg\": 6, \"rate\": 95, "
    "\"communes\": [{\"code\": \"1\", \"staff\": 7}, {\"code\": \"1\", \"staff\": \"x\"}], "
    "\"dates\": [\"2025-10-01\", \"2025-10-09\"], \"decree\": \"118/2025/NĐ-CP\"}";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rl_rules *rules = rl_rules_new();
    if (rl_rules_load_buffer(rules, "fuzz.json", (const char *)data, size) != 0) {
        if (rl_rules_diag_count(rules) == 0)
            abort(); /* a failed load always says why */
        rl_rules_free(rules);
        return 0;
    }
    rl_result *res = rl_result_new();
    rl_check_buffer(rules, NULL, "report.json", report, sizeof report - 1, res);
    fuzz_write_all(res, rules);
    rl_result_free(res);
    rl_rules_free(rules);
    return 0;
}
