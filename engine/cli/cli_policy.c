/* cli_policy.c — what the configuration decides for each file and each
 * violation: the check options of a file (locale and severities of the
 * top level and of every matching override, later ones winning; the
 * command line's --locale wins over both, and a rule named by --only runs
 * even when the file turns it off), which violations are suppressed, the
 * baseline step, and the exit status with each file's fail-on.
 *
 * Globs in "files" match paths relative to the config file's directory;
 * a file outside that directory, or standard input, matches none. */
#include "cli_config.h"

#include <stdlib.h>
#include <string.h>

struct cli_policy {
    const cli_opts *o;
    cli_config *cfg;        /* NULL: no config file */
    cli_baseline *baseline; /* to apply, or NULL */
    cli_relcache rel;       /* paths relative to the config file */
    rl_check_opts opts;     /* the last file's options */
    rl_rule_severity *sev;  /* their severities */
    size_t n_sev, cap_sev;
};

cli_policy *cli_policy_new(const cli_opts *o, cli_config *cfg)
{
    cli_policy *p = calloc(1, sizeof *p);
    if (!p) {
        fprintf(stderr, "reportlint: out of memory\n");
        return NULL;
    }
    p->o = o;
    p->cfg = cfg;
    p->rel.base_abs = cfg ? cfg->dir_abs : NULL;
    char why[300];
    if (o->baseline && !o->write_baseline &&
        cli_trust_check(o->trust, o->baseline, why, sizeof why)) {
        fprintf(stderr, "%s: error cannot open: %s\n", o->baseline, why);
        free(p);
        return NULL;
    }
    if (o->baseline && !o->write_baseline &&
        !(p->baseline = cli_baseline_read(o->baseline, cli_report_limit(o)))) {
        free(p);
        return NULL;
    }
    return p;
}

void cli_policy_free(cli_policy *p)
{
    if (!p)
        return;
    cli_baseline_free(p->baseline);
    cli_relcache_free(&p->rel);
    free(p->sev);
    free(p);
}

/* 1 when a "files" glob matches file (relative to the config file). */
static int file_matches(cli_policy *p, const char *glob, const char *file)
{
    const char *rel = cli_relcache_get(&p->rel, file);
    if (strcmp(rel, "-") == 0 || strcmp(rel, "..") == 0 || strncmp(rel, "../", 3) == 0)
        return 0;
    return rl_glob_match(glob, rel);
}

static int override_matches(cli_policy *p, const cli_override *ov, const char *file)
{
    for (size_t i = 0; i < ov->files.n; i++)
        if (file_matches(p, ov->files.items[i], file))
            return 1;
    return 0;
}

static int named_by_only(const cli_opts *o, const char *id)
{
    for (size_t i = 0; i < o->only.n; i++)
        if (strcmp(o->only.items[i], id) == 0)
            return 1;
    return 0;
}

static void add_severities(cli_policy *p, const cli_severities *s)
{
    for (size_t i = 0; i < s->n; i++) {
        const cli_severity *e = &s->items[i];
        if (e->severity == RL_SEVERITY_OFF && named_by_only(p->o, e->rule))
            continue;
        if (p->n_sev == p->cap_sev) {
            rl_rule_severity *more = rl_array_grow(p->sev, &p->cap_sev, p->n_sev + 1, sizeof *more);
            if (!more)
                return;
            p->sev = more;
        }
        p->sev[p->n_sev].rule = e->rule;
        p->sev[p->n_sev++].severity = e->severity;
    }
}

const rl_check_opts *cli_policy_file_opts(cli_policy *p, const char *file,
                                          const rl_check_opts *base)
{
    p->opts = *base;
    if (!p->cfg)
        return &p->opts;
    const char *locale = p->cfg->locale;
    p->n_sev = 0;
    add_severities(p, &p->cfg->severity);
    for (size_t i = 0; i < p->cfg->n_overrides; i++) {
        const cli_override *ov = &p->cfg->overrides[i];
        if (!override_matches(p, ov, file))
            continue;
        if (ov->locale)
            locale = ov->locale;
        add_severities(p, &ov->severity);
    }
    if (!base->locale)
        p->opts.locale = locale;
    p->opts.severities = p->sev;
    p->opts.n_severities = p->n_sev;
    return &p->opts;
}

/* ---- after checking ------------------------------------------------------ */

static int suppression_matches(cli_policy *p, const cli_suppress *s, const rl_violation *v)
{
    return rl_glob_match(s->rule, v->rule) && (!s->files || file_matches(p, s->files, v->file)) &&
           (!s->pointer || rl_glob_match(s->pointer, v->pointer));
}

static rl_verdict suppressed(const rl_violation *v, void *ctx)
{
    cli_policy *p = ctx;
    for (size_t i = 0; i < p->cfg->n_suppress; i++)
        if (suppression_matches(p, &p->cfg->suppress[i], v))
            return RL_VERDICT_SUPPRESS;
    return RL_VERDICT_KEEP;
}

int cli_policy_filters(const cli_policy *p)
{
    return (p->cfg && p->cfg->n_suppress) || p->o->write_baseline || p->baseline;
}

int cli_policy_apply(cli_policy *p, rl_result *res, const cli_strings *files)
{
    if (p->cfg && p->cfg->n_suppress)
        rl_result_filter(res, suppressed, p);
    if (p->o->write_baseline)
        return cli_baseline_write(p->o->write_baseline, res);
    if (p->baseline)
        return cli_baseline_apply(p->baseline, res, files);
    return 0;
}

/* The file's fail-on: --fail-on, else the last matching override's, else
 * the config's top level (already in o->fail_on), else error. */
static int file_fail_on(cli_policy *p, const char *file)
{
    int level = p->o->fail_on;
    if (p->o->fail_on_set || !p->cfg)
        return level;
    for (size_t i = 0; i < p->cfg->n_overrides; i++) {
        const cli_override *ov = &p->cfg->overrides[i];
        if (ov->fail_on != CLI_UNSET && override_matches(p, ov, file))
            level = ov->fail_on;
    }
    return level;
}

int cli_policy_violation_fails(cli_policy *p, const rl_violation *v)
{
    return !p->o->write_baseline && (int)v->severity >= file_fail_on(p, v->file);
}

int cli_policy_exit_status(cli_policy *p, const rl_result *res)
{
    if (p->o->write_baseline)
        return 0;
    size_t n = rl_result_count(res);
    for (size_t i = 0; i < n; i++) {
        const rl_violation *v = rl_result_violation(res, i);
        if (cli_policy_violation_fails(p, v))
            return 1;
    }
    return 0;
}
