/* fuzz_config.c — the configuration file reader of the CLI
 * (engine/cli/cli_config*.c, cli_policy.c): the input is a .reportlint.json.
 * The CLI sources are compiled into this target as they are (they still see
 * only reportlint.h); the input is written to a temporary file and read the
 * way `--config FILE` reads it. A configuration that loads is then used:
 * its rule ids are checked against a small rule set (loaded once per
 * process), and its overrides and suppressions are applied to the
 * violations of a small report. Any bytes give a located problem or a
 * working configuration, never a crash, a leak or a hang. Problems go to
 * stderr, which `make fuzz` sends to /dev/null for this target
 * (-close_fd_mask=2: 10^7 inputs would write gigabytes of problems into
 * the log; sanitizer reports and libFuzzer's own lines still reach it). */
#include "fuzz.h"
#include "cli_config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static const char rules_json[] =
    "{\"ruleset\": \"fuzz\", \"rules\": ["
    "{\"id\": \"SUM\", \"kind\": \"sum\", \"total\": \"$.t\", \"parts\": \"$.p[*]\"},"
    "{\"id\": \"AVG\", \"kind\": \"threshold\", \"each\": \"$.c[*]\", \"value\": \"@\", \"min\": 5}]}";
static const char report_json[] = "{\"t\": 3, \"p\": [1, 1], \"c\": [1, 9, 2]}";

/* The temporary file the inputs are written to, one per process: in
 * /dev/shm (memory) when there is one, rewritten in place for each input,
 * removed at exit. */
static char config_file[64];

static void config_remove(void)
{
    unlink(config_file);
}

static const char *config_path(void)
{
    if (!config_file[0]) {
        const char *dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
        snprintf(config_file, sizeof config_file, "%s/rl-fuzz-config-%ld.json", dir, (long)getpid());
        atexit(config_remove);
    }
    return config_file;
}

static void use_config(cli_opts *o, cli_config *cfg, const rl_rules *rules)
{
    if (cli_config_check_ids(cfg, rules) != 0 || o->baseline)
        return; /* a baseline would be read from the file it names */
    cli_policy *p = cli_policy_new(o, cfg);
    if (!p)
        return;
    rl_check_opts base = RL_CHECK_OPTS_INIT;
    char file[96];
    snprintf(file, sizeof file, "%s.dir/report.json", config_path());
    const rl_check_opts *opts = cli_policy_file_opts(p, file, &base);
    rl_result *res = rl_result_new();
    if (opts && res && rl_check_buffer(rules, opts, file, report_json, sizeof report_json - 1, res) == 0) {
        const char *one[] = {file};
        cli_strings files = {one, 1};
        if (cli_policy_apply(p, res, &files) == 0)
            cli_policy_exit_status(p, res);
    }
    rl_result_free(res);
    cli_policy_free(p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fopen(config_path(), "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    const rl_rules *rules = fuzz_fixed_rules("fuzz-rules.json", rules_json, sizeof rules_json - 1);
    cli_opts o = {0};
    o.config = config_path();
    cli_config *cfg = NULL;
    if (cli_config_load(&o, &cfg) == 0 && cfg)
        use_config(&o, cfg, rules);
    cli_config_free(cfg);
    cli_opts_free(&o);
    return 0;
}
