/* fuzz_check.c — checking hostile reports with a rule set that exercises
 * every kind: any bytes give violations (an `input` one at least when they
 * are not JSON), never a crash. Each input is checked twice: with the
 * default limits, and with tiny ones (so that the string, size, depth and
 * violation limits, and the notice that counts what was left out, are hit),
 * also read as NDJSON (one report per line). The rule set is loaded once
 * per process (fuzz_fixed_rules): every input is checked with the same
 * one, as the CLI checks many files. */
#include "fuzz.h"
#include "reportlint.h"

#include <stdio.h>
#include <stdlib.h>

static const char rules_json[] =
    "{\"ruleset\": \"fuzz\", \"params\": {\"as_of\": \"$.report.as_of\", \"min\": 91}, \"rules\": ["
    "{\"id\": \"S\", \"kind\": \"sum\", \"total\": \"$.t\", \"parts\": \"$.p[*]\"},"
    "{\"id\": \"R\", \"kind\": \"ratio\", \"numerator\": \"$.n\", \"denominator\": \"$.d\", "
    "\"stated\": \"$.s\", \"scale\": 100, \"tolerance\": \"reported\"},"
    "{\"id\": \"A\", \"kind\": \"average\", \"total\": \"$.t\", \"count\": \"$.d\", \"stated\": \"$.s\"},"
    "{\"id\": \"T\", \"kind\": \"threshold\", \"each\": \"$..rate\", \"value\": \"@\", \"min\": \"$min\"},"
    "{\"id\": \"D\", \"kind\": \"deadline\", \"each\": \"$.tasks[*]\", \"due\": \"@.due\", "
    "\"done\": \"@.done\"},"
    "{\"id\": \"P\", \"kind\": \"pattern\", \"each\": \"$..decree\", \"value\": \"@\", "
    "\"regex\": \"^(\\\\d+)+/\\\\d{4}/N[ĐD]-CP$\"},"
    "{\"id\": \"U\", \"kind\": \"unique\", \"items\": \"$..items[*]\", \"key\": \"@.code\"},"
    "{\"id\": \"E\", \"kind\": \"expr\", \"each\": \"$.*\", \"when\": \"exists(@.x)\", "
    "\"assert\": \"@.x * 2 > len(@.y) and matches(@.z, '[a-z]+')\", \"at\": \"@.x\","
    " \"message\": \"{@.x} {actual} {$.report.id}\"}]}";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const rl_rules *rules = fuzz_fixed_rules("fuzz-rules.json", rules_json, sizeof rules_json - 1);
    rl_result *res = rl_result_new();
    rl_check_buffer(rules, NULL, "report.json", (const char *)data, size, res);
    rl_check_opts tiny = RL_CHECK_OPTS_INIT;
    tiny.max_depth = 8;
    tiny.max_string = 16;
    tiny.max_size = 4096;
    tiny.max_violations = 2;
    rl_check_buffer(rules, &tiny, "tiny.json", (const char *)data, size, res);
    tiny.jobs = 2; /* the same bytes as NDJSON records, on two threads when long enough */
    rl_check_buffer(rules, &tiny, "tiny.ndjson", (const char *)data, size, res);
    fuzz_write_all(res, rules);
    rl_result_free(res);
    return 0;
}
