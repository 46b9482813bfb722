/* fuzz_check.c — checking hostile reports with a rule set that exercises
 * every kind: any bytes give violations (an `input` one at least when they
 * are not JSON), never a crash. Each input is checked three times: with
 * the default limits, with tiny ones (so that the string, size, depth and
 * violation limits, and the notice that counts what was left out, are hit),
 * and with the tiny ones as NDJSON (one report per line, on two threads).
 * The first two results are written in full as text and JSON. The NDJSON
 * one is written too, but only its first NDJSON_WRITTEN violations: a
 * pretty-printed input is one invalid record per line, thousands of
 * `input` violations that all take the same writer code, and writing them
 * all twice was most of the target's time (tests/fuzz/README.md); the rest
 * are removed with rl_result_filter (counted as suppressed, as a
 * configuration's suppressions are), so that path is written too. The rule
 * set is loaded once per process (fuzz_fixed_rules): every input is
 * checked with the same one, as the CLI checks many files. */
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

#define NDJSON_WRITTEN 64

static rl_verdict first_ones(const rl_violation *v, void *seen)
{
    (void)v;
    return (*(size_t *)seen)++ < NDJSON_WRITTEN ? RL_VERDICT_KEEP : RL_VERDICT_SUPPRESS;
}

/* The tiny limits: depth 8, strings of 16 bytes, 4 KiB, 2 violations. */
static rl_check_opts tiny_opts(void)
{
    rl_check_opts tiny = RL_CHECK_OPTS_INIT;
    tiny.max_depth = 8;
    tiny.max_string = 16;
    tiny.max_size = 4096;
    tiny.max_violations = 2;
    return tiny;
}

/* The input read whole, with the default and with the tiny limits; every
 * violation written. */
static void check_whole(const rl_rules *rules, const char *data, size_t size)
{
    rl_result *res = rl_result_new();
    rl_check_buffer(rules, NULL, "report.json", data, size, res);
    rl_check_opts tiny = tiny_opts();
    rl_check_buffer(rules, &tiny, "tiny.json", data, size, res);
    fuzz_write_all(res, rules);
    rl_result_free(res);
}

/* The input as NDJSON records with the tiny limits, on two threads when
 * long enough; its first NDJSON_WRITTEN violations written. */
static void check_ndjson(const rl_rules *rules, const char *data, size_t size)
{
    rl_result *res = rl_result_new();
    rl_check_opts tiny = tiny_opts();
    tiny.jobs = 2;
    rl_check_buffer(rules, &tiny, "tiny.ndjson", data, size, res);
    size_t seen = 0;
    rl_result_filter(res, first_ones, &seen);
    fuzz_write_all(res, rules);
    rl_result_free(res);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const rl_rules *rules = fuzz_fixed_rules("fuzz-rules.json", rules_json, sizeof rules_json - 1);
    check_whole(rules, (const char *)data, size);
    check_ndjson(rules, (const char *)data, size);
    return 0;
}
